/* util.c - allocation wrappers, the growable buffer and diagnostics. */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE /* MAP_ANONYMOUS, MAP_POPULATE */
#endif
#include "util.h"

#include "text.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <stdatomic.h>
#include <sys/mman.h>
#include <unistd.h>

/* Several threads may run out of memory at once: the first one says so and
 * ends the process, and the others wait for the end, since exit() may not
 * run on two threads at the same time. */
void xoom(void)
{
	static atomic_flag taken = ATOMIC_FLAG_INIT;
	if (atomic_flag_test_and_set(&taken))
		for (;;)
			pause();
	static const char m[] = "exoread: out of memory\n";
	if (write(STDERR_FILENO, m, sizeof m - 1) < 0) {
		/* nothing more to be done */
	}
	exit(3);
}

void *xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (p == NULL)
		xoom();
	return p;
}

void *xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (p == NULL)
		xoom();
	return p;
}

void *xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (q == NULL)
		xoom();
	return q;
}

void *xreallocarray(void *p, size_t n, size_t size)
{
	if (size && n > SIZE_MAX / size)
		xoom();
	return xrealloc(p, n * size);
}

void *xgrow(void *p, size_t n, size_t size)
{
	if (p != NULL && (n & (n - 1)) != 0)
		return p;
	return xreallocarray(p, n ? n * 2 : 1, size);
}

char *xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

char *xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *xasprintf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	char tmp[256];
	va_list ap2;
	va_copy(ap2, ap);
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	if ((size_t)n < sizeof tmp) {
		va_end(ap2);
		return xstrndup(tmp, (size_t)n);
	}
	char *p = xmalloc((size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}

/* The shortest word (in characters) that allows 1, 2 and 3 edits, for each
 * use; SIZE_MAX: never that many. See util.h for the table as a whole. */
static const size_t typo_from[][3] = {
	[TYPO_NAME] = { 0, 4, 8 },
	[TYPO_MATCH] = { 4, 8, SIZE_MAX },
	[TYPO_SLIP] = { 0, 6, SIZE_MAX },
	[TYPO_SUGGEST] = { 0, 5, 8 },
};

unsigned typo_max_edits(enum typo_use use, size_t len)
{
	unsigned k = 0;
	while (k < 3 && len >= typo_from[use][k])
		k++;
	return k;
}

/*
 * Arena chunks are mapped whole and filled in by the kernel at once
 * (MAP_POPULATE): one call per chunk instead of a page fault per page, which
 * costs a good deal where page faults are dear, as in virtual machines. A new
 * chunk is all zero bytes, so arena_alloc() clears only memory used before.
 * Under AddressSanitizer chunks come from calloc, so that a chunk never freed
 * is reported as a leak.
 */
struct arena_chunk {
	struct arena_chunk *next;
	size_t used, cap;
	bool zero; /* the bytes from used on are zero: the chunk is new */
	max_align_t data[];
};

/* Bytes mapped for a chunk, header included: a small arena starts small, and
 * chunks grow as the arena does, up to the largest. */
enum {
	CHUNK_MIN = 64 * 1024,
	CHUNK = 256 * 1024
};

#ifndef MAP_POPULATE
#define MAP_POPULATE 0
#endif
#if defined(__SANITIZE_ADDRESS__)
#define CHUNK_CALLOC 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define CHUNK_CALLOC 1
#endif
#endif

static struct arena_chunk *chunk_new(struct arena *a, size_t n)
{
	size_t want = a->size < CHUNK_MIN ? CHUNK_MIN : a->size > CHUNK ? CHUNK : a->size;
	size_t size = sizeof(struct arena_chunk) + n;
	size = size < want ? want : (size + 4095) & ~(size_t)4095;
	a->size += size;
#ifdef CHUNK_CALLOC
	struct arena_chunk *c = xcalloc(1, size);
#else
	struct arena_chunk *c = mmap(NULL, size, PROT_READ | PROT_WRITE,
				     MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (c == MAP_FAILED)
		xoom();
#endif
	c->cap = size - sizeof *c;
	c->zero = true;
	return c;
}

static void chunk_free(struct arena_chunk *c)
{
#ifdef CHUNK_CALLOC
	free(c);
#else
	munmap(c, sizeof *c + c->cap);
#endif
}

/* Room for n bytes starting at a multiple of align (a power of two), not
 * cleared; *zero (when zero is not NULL) tells whether they are zero anyway. */
static void *arena_take(struct arena *a, size_t n, size_t align, bool *zero)
{
	if (n > SIZE_MAX - CHUNK)
		xoom();
	struct arena_chunk *c = a->head;
	size_t at = c ? (c->used + align - 1) & ~(align - 1) : 0;
	if (c == NULL || at > c->cap || c->cap - at < n) {
		struct arena_chunk **sp = &a->spare;
		while (*sp && (*sp)->cap < n)
			sp = &(*sp)->next;
		if (*sp) {
			c = *sp;
			*sp = c->next;
		} else {
			c = chunk_new(a, n);
		}
		c->next = a->head;
		a->head = c;
		at = 0;
	}
	c->used = at + n;
	if (zero)
		*zero = c->zero;
	return (char *)c->data + at;
}

void *arena_alloc(struct arena *a, size_t n)
{
	bool zero;
	void *p = arena_take(a, n, sizeof(max_align_t), &zero);
	return zero ? p : memset(p, 0, n);
}

char *arena_strndup(struct arena *a, const char *s, size_t n)
{
	/* Strings need no alignment, and are written whole: no clearing either. */
	char *p = arena_take(a, n + 1, 1, NULL);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

void arena_adopt(struct arena *to, struct arena *from)
{
	arena_free(&(struct arena){ .spare = from->spare });
	from->spare = NULL;
	struct arena_chunk *tail = from->head;
	if (tail == NULL)
		return;
	/* from's newest chunk stays first, so allocation goes on filling it. */
	while (tail->next)
		tail = tail->next;
	tail->next = to->head;
	to->head = from->head;
	from->head = NULL;
}

void arena_reset(struct arena *a)
{
	while (a->head) {
		struct arena_chunk *c = a->head;
		a->head = c->next;
		c->zero = false;
		c->used = 0;
		c->next = a->spare;
		a->spare = c;
	}
}

void arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	while (a->spare) {
		struct arena_chunk *next = a->spare->next;
		chunk_free(a->spare);
		a->spare = next;
	}
}

/* Hand b->s[0..n) to the sink (n at a character boundary) and keep the rest. */
static void buf_pass(struct buf *b, size_t n)
{
	struct buf_sink *k = b->sink;
	errno = 0;
	if (n && k->err == 0 && k->write(k, b->s, n) != 0)
		k->err = errno ? errno : EIO;
	memmove(b->s, b->s + n, b->len - n + 1);
	b->len -= n;
}

int buf_flush(struct buf *b)
{
	if (b->sink == NULL)
		return 0;
	if (b->len)
		buf_pass(b, b->len);
	errno = b->sink->err;
	return b->sink->err ? -1 : 0;
}

static void buf_grow(struct buf *b, size_t more)
{
	if (more >= SIZE_MAX - b->len - 1)
		xoom();
	size_t need = b->len + more + 1;
	if (need <= b->cap)
		return;
	if (b->sink && b->len >= BUF_STREAM) {
		/* Pass on all but the last few bytes, cut before a character. */
		size_t n = b->len - BUF_KEEP;
		while (n > 0 && ((unsigned char)b->s[n] & 0xC0) == 0x80)
			n--;
		buf_pass(b, n);
		need = b->len + more + 1;
		if (need <= b->cap)
			return;
	}
	size_t cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

void buf_add(struct buf *b, const char *s, size_t n)
{
	buf_grow(b, n);
	if (n)
		memcpy(b->s + b->len, s, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void buf_puts(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

void buf_putc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void buf_repeat(struct buf *b, char c, size_t n)
{
	buf_grow(b, n);
	memset(b->s + b->len, c, n);
	b->len += n;
	b->s[b->len] = '\0';
}

void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list ap2;
	va_copy(ap2, ap);
	char tmp[256];
	int n = vsnprintf(tmp, sizeof tmp, fmt, ap);
	if (n < 0) {
		va_end(ap2);
		return;
	}
	if ((size_t)n < sizeof tmp) {
		buf_add(b, tmp, (size_t)n);
	} else {
		buf_grow(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, ap2);
		b->len += (size_t)n;
	}
	va_end(ap2);
}

void buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void buf_reset(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

char *buf_take(struct buf *b)
{
	char *s = b->s ? b->s : xstrdup("");
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

void buf_free(struct buf *b)
{
	if (b == NULL)
		return;
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

int buf_write(const struct buf *b, FILE *f)
{
	if (b->len && fwrite(b->s, 1, b->len, f) != b->len)
		return -1;
	return 0;
}

/* Diagnostics: one function, one format, so tests can match it exactly. */
static size_t nerrors;
static size_t max_errors; /* per file; 0: no limit */
static FILE *diag_stream;
static char *limit_file; /* the file whose errors are being counted */
static size_t limit_count;

static const char *const level_names[] = {
	[DIAG_PLAIN] = NULL,
	[DIAG_WARNING] = "warning",
	[DIAG_ERROR] = "error",
};

/* Messages quote file names, keys and queries that came from outside, so they
 * go out sanitized: no control character or bidi override reaches the terminal,
 * and one diagnostic stays on one line. */
static void put_safe(FILE *f, const char *s, size_t len)
{
	enum {
		MAX_SHOWN = 600
	};
	struct buf b = { 0 };
	text_sanitize(&b, s, len > MAX_SHOWN ? MAX_SHOWN : len);
	if (text_locale_converts()) { /* and in the terminal's character set */
		struct buf t = { 0 };
		text_to_locale(&t, b.s, b.len, false);
		buf_free(&b);
		b = t;
	}
	if (b.len)
		fwrite(b.s, 1, b.len, f);
	if (len > MAX_SHOWN)
		fputs("...", f);
	buf_free(&b);
}

/* A diagnostic held in a diag_log. */
struct diag_rec {
	enum diag_level level;
	char *file; /* NULL when the diagnostic names none */
	int line, col;
	char *text; /* the message, formatted */
};

static _Thread_local struct diag_log *capture;

void diag_capture(struct diag_log *log)
{
	capture = log;
}

/* Keep a diagnostic in log. Past the per-file limit, errors are only counted:
 * replaying them would print nothing more. */
static void log_add(struct diag_log *log, enum diag_level level, const char *file, int line,
		    int col, const char *fmt, va_list ap)
{
	if (level == DIAG_ERROR && ++log->errors > max_errors + 1 && max_errors)
		return;
	if (log->n == log->cap) {
		log->cap = log->cap ? 2 * log->cap : 8;
		log->v = xreallocarray(log->v, log->cap, sizeof *log->v);
	}
	struct buf m = { 0 };
	buf_vprintf(&m, fmt, ap);
	log->v[log->n++] = (struct diag_rec){ .level = level,
					      .file = file ? xstrdup(file) : NULL,
					      .line = line,
					      .col = col,
					      .text = buf_take(&m) };
}

void diag_replay(struct diag_log *log)
{
	size_t errors = 0;
	for (size_t i = 0; i < log->n; i++) {
		struct diag_rec *r = &log->v[i];
		errors += r->level == DIAG_ERROR;
		diag(r->level, r->file, r->line, r->col, "%s", r->text);
		free(r->file);
		free(r->text);
	}
	/* Errors past the limit were not kept; they still count. */
	nerrors += log->errors > errors ? log->errors - errors : 0;
	free(log->v);
	*log = (struct diag_log){ 0 };
}

FILE *diag_stream_get(void)
{
	return diag_stream ? diag_stream : stderr;
}

void vdiag(enum diag_level level, const char *file, int line, int col, const char *fmt, va_list ap)
{
	if (capture) {
		log_add(capture, level, file, line, col, fmt, ap);
		return;
	}
	FILE *f = diag_stream_get();
	if (level == DIAG_ERROR) {
		nerrors++;
		if (max_errors && file) {
			if (limit_file == NULL || strcmp(limit_file, file) != 0) {
				free(limit_file);
				limit_file = xstrdup(file);
				limit_count = 0;
			}
			if (++limit_count > max_errors) {
				if (limit_count > max_errors + 1)
					return;
				fmt = "too many errors in this file; the rest are not listed";
			}
		}
	}
	fputs("exoread: ", f);
	if (file) {
		put_safe(f, file, strlen(file));
		if (line > 0) {
			fprintf(f, ":%d", line);
			if (col > 0)
				fprintf(f, ":%d", col);
		}
		fputs(": ", f);
	}
	if (level_names[level])
		fprintf(f, "%s: ", level_names[level]);
	struct buf m = { 0 };
	buf_vprintf(&m, fmt, ap);
	put_safe(f, m.s ? m.s : "", m.len);
	buf_free(&m);
	fputc('\n', f);
}

void msg(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(DIAG_PLAIN, NULL, 0, 0, fmt, ap);
	va_end(ap);
}

void fatal(const char *fmt, ...)
{
	diag_capture(NULL);
	va_list ap;
	va_start(ap, fmt);
	vdiag(DIAG_PLAIN, NULL, 0, 0, fmt, ap);
	va_end(ap);
	exit(3);
}

void diag(enum diag_level level, const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(level, file, line, col, fmt, ap);
	va_end(ap);
}

size_t diag_errors(void)
{
	return capture ? capture->errors : nerrors;
}

void diag_reset(void)
{
	nerrors = 0;
	free(limit_file);
	limit_file = NULL;
	limit_count = 0;
}

void diag_set_stream(FILE *f)
{
	diag_stream = f;
}

void diag_set_limit(size_t max)
{
	max_errors = max;
}
