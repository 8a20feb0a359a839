/* fold.h - the one text folding used for search: word breaks, folding, stemming.
 *
 * The index and the query go through the same steps, so a word matches when
 * its folded stems are equal:
 *   1. ICU word breaks (UBRK_WORD) split the text into words. A pure-ASCII run
 *      between ASCII spaces is split by a built-in copy of ICU's rules for
 *      ASCII (letters, digits, ' . , ; : _), which gives the same words without
 *      the cost of UTF-16 conversion; test_fold.c compares the two.
 *   2. Inside a word that holds a Latin letter (or that is made only of
 *      look-alikes), each Cyrillic or Greek letter that imitates a Latin one
 *      becomes that Latin letter ("fеvеr" with Cyrillic е is "fever"). Only
 *      single letters are mapped, so distinct Latin words never collide
 *      ("burn" and "bum", "modern" and "modem" stay apart).
 *   3. NFKC with case folding, then accents removed (NFD, marks dropped).
 *   4. Apostrophes go: "patient's" is "patient", "don't" is "dont".
 *   5. Snowball's English stemmer gives the stem ("reactions" -> "reaction").
 */
#ifndef EXOREAD_FOLD_H
#define EXOREAD_FOLD_H

#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Holds the ICU break iterator and the stemmer; not thread-safe. */
struct fold;

/* A fresh folding context. Never NULL (exits when ICU or the stemmer cannot start). */
struct fold *fold_new(void);
/* NULL-safe. */
void fold_free(struct fold *f);

/* One word of a text. */
struct fold_word {
	size_t start, len; /* byte range of the word in the source text */
	const char *word;  /* folded word, NUL-terminated; valid until the next fold call */
	size_t wlen;       /* bytes of word */
	size_t nchars;     /* code points of word */
	int number;        /* 1 when ICU classed the word as a number */
};

/* Called once per word, in text order. Return non-zero to stop early. */
typedef int (*fold_word_fn)(void *arg, const struct fold_word *w);

/* One word as written, before folding. */
struct fold_span {
	size_t start, len; /* byte range of the word in the source text */
	int number;        /* 1 when ICU classes the word as a number */
};

/* Called once per span, in text order. Return non-zero to stop early. */
typedef int (*fold_span_fn)(void *arg, const struct fold_span *sp);

/*
 * Step 1 alone: split s (len bytes of UTF-8) into the spans ICU calls words
 * (letters, numbers, kana, ideographs) and call fn for each; the text is not
 * folded, so a span may still fold to nothing. Returns the number of spans.
 */
size_t fold_spans(struct fold *f, const char *s, size_t len, fold_span_fn fn, void *arg);

/* fold_spans with ICU on the whole text, never the ASCII tokenizer (tests compare the two). */
size_t fold_spans_icu(struct fold *f, const char *s, size_t len, fold_span_fn fn, void *arg);

/*
 * Split s (len bytes of UTF-8; invalid bytes count as U+FFFD) into words, fold
 * each and call fn. Words that fold to nothing (punctuation) are skipped.
 * Returns the number of words passed to fn.
 */
size_t fold_words(struct fold *f, const char *s, size_t len, fold_word_fn fn, void *arg);

/*
 * Fold s as one word (steps 2 to 4, no word breaks) into out (reset first).
 * Returns out->len.
 */
size_t fold_word(struct fold *f, const char *s, size_t len, struct buf *out);

/*
 * Fold one span found by fold_spans (steps 2 to 4). The result is valid until
 * the next call on f; *wlen gets its bytes and *nchars its code points.
 */
const char *fold_span(struct fold *f, const char *s, size_t len, size_t *wlen, size_t *nchars);

/*
 * The English stem of a folded word. The result is valid until the next call
 * on f; *outlen gets its length. Words of 2 bytes or less stay as they are.
 */
const char *fold_stem(struct fold *f, const char *w, size_t len, size_t *outlen);

/* The Latin letter a Cyrillic or Greek letter imitates, or 0 when it is none. */
uint32_t fold_lookalike(uint32_t cp);

/* Number of entries in the look-alike table and entry i (tests check it against ICU). */
size_t fold_lookalike_count(void);
void fold_lookalike_entry(size_t i, uint32_t *from, uint32_t *to);

#endif
