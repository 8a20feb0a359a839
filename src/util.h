/* util.h - allocation wrappers, the growable buffer and diagnostics. */
#ifndef EXOREAD_UTIL_H
#define EXOREAD_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

/* Print "exoread: out of memory" and exit 3, as the allocation wrappers do. */
_Noreturn void xoom(void);
/* Allocate or die: print "exoread: out of memory" and exit 3. Never NULL. */
void *xmalloc(size_t n);
/* Zeroed allocation of n*size bytes, overflow-checked. Never NULL. */
void *xcalloc(size_t n, size_t size);
/* realloc or die. Never NULL (n == 0 still returns a valid pointer). */
void *xrealloc(void *p, size_t n);
/* realloc of an array of n elements of size bytes, overflow-checked. */
void *xreallocarray(void *p, size_t n, size_t size);
/*
 * Make room in array p (n elements of size bytes in use) for one more: the
 * array doubles when n is 0 or a power of two, so n appends copy O(n) bytes.
 * Pass the same n every array element count goes through. Never NULL.
 */
void *xgrow(void *p, size_t n, size_t size);
/* Copy of s; caller frees. s must not be NULL. */
char *xstrdup(const char *s);
/* Copy of the first n bytes of s plus a NUL; caller frees. */
char *xstrndup(const char *s, size_t n);
/* printf into a fresh string; caller frees. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/*
 * How far a typo may stray: the most edits (a character added, dropped or
 * changed, or two side by side swapped) that still make a word of len
 * characters a misspelling of another, for each use. The one table is in
 * util.c; 0 means no typo is looked for.
 *
 *                  len:  0-3  4  5  6-7  8+
 *   TYPO_NAME             1   2  2   2    3   ids, keys, commands (bytes)
 *   TYPO_MATCH            0   1  1   1    2   query words finding content words
 *   TYPO_SLIP             1   1  1   2    2   real-word slips in a query
 *   TYPO_SUGGEST          1   1  2   2    3   "did you mean" for a query
 *
 * Short words allow fewer edits: one edit in "egg" makes a different word, in
 * "anaphylaxis" still the same one. Callers keep their own limits on which
 * words get typo matching at all (numbers, very long words).
 */
enum typo_use {
	TYPO_NAME,    /* did-you-mean for ids, keys and commands (model.c closest_word) */
	TYPO_MATCH,   /* a query word matching content words as it is searched for */
	TYPO_SLIP,    /* a correctly spelled query word that may be a slip for a content word */
	TYPO_SUGGEST, /* the correction offered when a query finds nothing */
};
unsigned typo_max_edits(enum typo_use use, size_t len);

/* An arena: many small allocations made together and freed together. */
struct arena_chunk;
struct arena {
	struct arena_chunk *head;
	struct arena_chunk *spare; /* chunks kept by arena_reset(), used again before new ones */
	size_t size;               /* bytes in chunks so far: new chunks grow with it */
};

/* Move every allocation of from into to; from is left empty. */
void arena_adopt(struct arena *to, struct arena *from);
/* n bytes, aligned for any type, zeroed, valid until arena_free(). Never NULL. */
void *arena_alloc(struct arena *a, size_t n);
/* Copy of the first n bytes of s plus a NUL, in the arena. */
char *arena_strndup(struct arena *a, const char *s, size_t n);
/* Release every allocation at once; a may be reused. NULL-safe. */
void arena_free(struct arena *a);
/* Release every allocation at once but keep the memory for the next ones:
 * memory given back and taken again costs page faults each time. */
void arena_reset(struct arena *a);

/*
 * Where a buffer's bytes go as it fills, so that output of any size takes
 * little memory: write() takes n bytes of whole UTF-8 characters and returns 0,
 * or -1 with errno set. After a failed write, err holds its errno and nothing
 * more is written (what comes is dropped).
 */
struct buf_sink {
	int (*write)(struct buf_sink *sink, const char *s, size_t n);
	int err;
};

/* A growable byte buffer. Always NUL-terminated after any append. */
struct buf {
	char *s;    /* the bytes; NULL until the first append */
	size_t len; /* bytes used, not counting the terminating NUL */
	size_t cap; /* bytes allocated */
	/* NULL, or where the bytes go once there are BUF_STREAM of them: all but
	 * the last BUF_KEEP or so (whole characters), which stay to be read back. */
	struct buf_sink *sink;
};
enum {
	BUF_STREAM = 64 * 1024,
	BUF_KEEP = 64,
};

/* Append n bytes of s. */
void buf_add(struct buf *b, const char *s, size_t n);
/* Append a NUL-terminated string. */
void buf_puts(struct buf *b, const char *s);
/* Append one byte. */
void buf_putc(struct buf *b, char c);
/* Append formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Append formatted text from a va_list. */
void buf_vprintf(struct buf *b, const char *fmt, va_list ap);
/* Append n copies of byte c. */
void buf_repeat(struct buf *b, char c, size_t n);
/* Empty the buffer but keep its memory. */
void buf_reset(struct buf *b);
/* Take ownership of the bytes (never NULL; "" when empty) and empty b. Caller frees. */
char *buf_take(struct buf *b);
/* Release the memory; b may be reused afterwards. NULL-safe. */
void buf_free(struct buf *b);
/* Hand every byte of b to its sink, and empty it. Returns 0, or -1 when a
 * write has failed (now or before; errno set). Without a sink, returns 0. */
int buf_flush(struct buf *b);
/* Write the whole buffer to f. Returns 0, or -1 on a write error (errno set). */
int buf_write(const struct buf *b, FILE *f);

/* How bad a diagnostic is. Errors make a command fail (see diag_errors()); warnings do not. */
enum diag_level {
	DIAG_PLAIN,   /* no level word: what a command says about its own run (see msg()) */
	DIAG_WARNING, /* "warning" */
	DIAG_ERROR,   /* "error", counted */
};

/*
 * Every message to the user but xoom()'s (written without allocating) goes
 * through vdiag(), which writes it on one stream, sanitized, and keeps the one
 * count of errors there is: the loader, validation, the configuration, the
 * terminal and the writing of output all report through it, and none keeps a
 * count of its own.
 *
 * Report a problem as "exoread: FILE:LINE:COL: LEVEL: message" on stderr (or
 * the stream diag_set_stream() gave).
 * file may be NULL (then only "exoread: LEVEL: message"); line and col are
 * 1-based, and 0 leaves them out. Errors are counted for diag_errors().
 */
void diag(enum diag_level level, const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
/* diag(DIAG_PLAIN, NULL, 0, 0, ...): "exoread: message", with no level word,
 * for what a command says about its own run (a usage mistake, nothing found,
 * a write error, a setting ignored). Not counted: the caller decides the exit
 * status. */
void msg(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* msg(), even while this thread's diagnostics are held back, then exit with
 * status 3: for a library that cannot start, when nothing is left to do. */
_Noreturn void fatal(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The same as diag() with a va_list. */
void vdiag(enum diag_level level, const char *file, int line, int col, const char *fmt, va_list ap);
/*
 * Errors reported so far. While this thread's diagnostics are held in a log
 * (diag_capture()), the errors that log holds; otherwise every error since the
 * last diag_reset(), those of replayed logs included. Code that needs to know
 * whether a piece of work failed compares the count before and after it.
 */
size_t diag_errors(void);
/* Forget the counts. */
void diag_reset(void);
/* Send diagnostics to f instead of stderr (tests); NULL restores stderr. */
void diag_set_stream(FILE *f);
/* Where diagnostics go: stderr, or the stream diag_set_stream() set. Lines that
 * go on with a message (a list of candidates) are written here. */
FILE *diag_stream_get(void);
/* List at most this many errors per file (0: no limit); later ones are counted only. */
void diag_set_limit(size_t max_errors);

/*
 * Diagnostics held back: work done on several threads reports into one log
 * per piece of work, and the logs are replayed in a fixed order afterwards,
 * so the output is the same as if the work had been done one piece at a time.
 */
struct diag_log {
	struct diag_rec *v;
	size_t n, cap;
	size_t errors; /* errors logged, kept or not */
};
/* From now on this thread's diagnostics go into log (NULL: report them again). */
void diag_capture(struct diag_log *log);
/* Report what log holds, as diag() would have, and empty it. */
void diag_replay(struct diag_log *log);

#endif
