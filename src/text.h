/* text.h - UTF-8 decoding, display width, terminal-safe text and word wrap. */
#ifndef EXOREAD_TEXT_H
#define EXOREAD_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/*
 * Decode one UTF-8 sequence from s (at most len bytes, len >= 1). Stores the
 * code point in *cp (U+FFFD for an invalid, overlong or surrogate sequence)
 * and returns the bytes consumed, always >= 1.
 */
size_t text_decode(const char *s, size_t len, uint32_t *cp);

/* Offset of the first invalid UTF-8 byte in s, or (size_t)-1 when s is valid. */
size_t text_utf8_invalid(const char *s, size_t len);

/* Append the UTF-8 encoding of cp to b. */
void text_encode(struct buf *b, uint32_t cp);

/*
 * True for code points that must never reach a terminal raw: C0 (other than
 * tab and newline when allow_space_ctl), DEL, C1, the Unicode bidirectional
 * embeddings, overrides and isolates (U+202A..U+202E, U+2066..U+2069), the
 * marks U+200E/U+200F/U+061C, and the separators U+2028/U+2029.
 */
bool text_is_unsafe(uint32_t cp, bool allow_space_ctl);

/*
 * True for characters that show nothing yet change what text means to a
 * program: the soft hyphen, zero-width space, non-joiner and joiner, word
 * joiner and invisible operators (U+2060..U+2064), the deprecated format
 * characters U+206A..U+206F, U+180E, U+FEFF inside text, the interlinear
 * annotation characters U+FFF9..U+FFFB and the tag characters
 * U+E0000..U+E007F. A word with one inside reads the same and searches
 * differently. text_sanitize() drops them and the index folds them away.
 */
bool text_is_invisible(uint32_t cp);

/* True for the 66 noncharacters: U+FDD0..U+FDEF and the last two code points
 * of every plane (U+FFFE, U+FFFF, U+1FFFE, ...). They are for a program's
 * own use and have no place in text. */
bool text_is_nonchar(uint32_t cp);

/* Columns the code point takes on a terminal: 0 (combining, zero-width, control), 1 or 2
 * (East Asian Wide and Fullwidth). Independent of the C library locale. */
int text_cp_width(uint32_t cp);

/* Columns the UTF-8 string takes once sanitized: unsafe characters count as their
 * shown form, tab and newline as one space, invalid bytes as U+FFFD. */
size_t text_width(const char *s, size_t len);

/*
 * Append s to b with unsafe characters made harmless: each is shown as its
 * caret or U+XXXX form ("^[", "<U+202E>"); invalid bytes become U+FFFD;
 * invisible characters (text_is_invisible) are left out. Tabs and newlines
 * become one space, so the result is always one line of text.
 * b always holds a string afterwards (b->s != NULL), even for len == 0.
 */
void text_sanitize(struct buf *b, const char *s, size_t len);

/*
 * Text for the user's locale. text_locale_init() looks at the locale once
 * (after setlocale()); text_to_locale() then appends s (UTF-8) to out as the
 * locale's character set has it: unchanged under a UTF-8 locale, and under
 * C and POSIX too (which say nothing about the terminal); otherwise converted,
 * with a look-alike or '?' for what the character set lacks. In JSON (json
 * true) every other character becomes a \u escape, so the output stays valid
 * JSON. Never writes a byte from 0x80 to 0x9F where an ISO 8859 or ASCII
 * terminal would take it for a C1 control.
 */
void text_locale_init(void);
/* Whether text_to_locale() changes anything. */
bool text_locale_converts(void);
void text_to_locale(struct buf *out, const char *s, size_t len, bool json);

/*
 * Optimal string alignment distance between code point strings a and b (a
 * swap of neighbours is one edit), or k + 1 as soon as it must exceed k.
 */
unsigned text_edit_distance(const uint32_t *a, size_t n, const uint32_t *b, size_t m, unsigned k);

/* One line of wrapped text: a byte range of the source string. */
struct text_line {
	size_t start; /* byte offset of the first byte */
	size_t len;   /* bytes; trailing spaces excluded */
};

/*
 * Wrap s (already sanitized, no newlines needed) into lines of at most width
 * columns; the first line has first_width columns. Breaks at spaces; a word
 * longer than a line is split after its last fitting '-' or '/', else at a
 * character boundary (never between a character and its combining marks). Returns the number of
 * lines and stores a fresh array in *lines (caller frees). Always at least 1
 * line (empty for an empty string). width < 1 is treated as 1. No line is
 * wider than its width, except a line holding a single character (with its
 * combining marks) that is wider than the width itself. Continuation lines
 * start at a word; lines never end in spaces.
 */
size_t text_wrap(const char *s, size_t len, size_t first_width, size_t width,
		 struct text_line **lines);

#endif
