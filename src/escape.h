/* escape.h - the one place that escapes output: JSON strings, Markdown text
 * and terminal style codes (SGR), for every printer and the search results. */
#ifndef EXOREAD_ESCAPE_H
#define EXOREAD_ESCAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* cp as a JSON \u escape, a surrogate pair past U+FFFF (lower-case hex). */
void esc_json_u(struct buf *out, uint32_t cp);

/*
 * s as a JSON string, "null" when s is NULL. Always valid JSON (RFC 8259)
 * whatever s holds: re-encoded code point by code point, invalid bytes become
 * U+FFFD, and controls, bidi controls, U+2028/U+2029 and invisible characters
 * are \u-escaped, so the text stays harmless when a script echoes it to a
 * terminal or a web page.
 */
void esc_json_str(struct buf *out, const char *s);
/* Append the n strings of v as a JSON array of strings. */
void esc_json_strs(struct buf *out, char *const *v, size_t n);

/*
 * One line of sanitized text s[0..len) as Markdown (CommonMark) text: every
 * character that could start inline markup is escaped, so "*new* [cure](x)"
 * prints as written. at_start marks the start of a Markdown line, where
 * leading spaces are dropped and "#", "-", "1." and friends are escaped too,
 * as they would begin a block.
 */
void esc_md(struct buf *out, const char *s, size_t len, bool at_start);

/* Terminal attributes for esc_sgr(). */
enum {
	ESC_BOLD = 1 << 0,
	ESC_DIM = 1 << 1,
	ESC_UNDERLINE = 1 << 2,
	ESC_REVERSE = 1 << 3,
};

/* The SGR sequence that resets the terminal's attributes and sets attrs
 * ("\033[0;1m"); "\033[0m" when attrs is 0. */
void esc_sgr(struct buf *out, unsigned attrs);

#endif
