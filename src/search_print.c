/* search_print.c - search results as text, tsv, json or markdown (see search_print.h). */
#include "search_print.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

/* Terminal attributes for styled text output. */
#define SGR_TITLE "\033[1m"
#define SGR_MATCH "\033[7m"
#define SGR_OFF   "\033[0m"

int search_format_parse(const char *s)
{
	if (s == NULL)
		return -1;
	if (strcmp(s, "text") == 0)
		return SEARCH_FMT_TEXT;
	if (strcmp(s, "tsv") == 0)
		return SEARCH_FMT_TSV;
	if (strcmp(s, "json") == 0)
		return SEARCH_FMT_JSON;
	if (strcmp(s, "markdown") == 0 || strcmp(s, "md") == 0)
		return SEARCH_FMT_MARKDOWN;
	return -1;
}

/* Terminal-safe text on one line: tabs and newlines become spaces. */
static void put_line(struct buf *out, const char *s)
{
	if (s == NULL)
		return;
	while (*s != '\0') {
		size_t n = strcspn(s, "\t\n\r");
		text_sanitize(out, s, n);
		s += n;
		if (*s != '\0') {
			buf_putc(out, ' ');
			s++;
		}
	}
}

/* One hit: "id  title", then the snippet wrapped and indented, matches in reverse video. */
static void print_text_hit(struct buf *out, const struct search_hit *h, bool styled, int width)
{
	buf_puts(out, h->section->id);
	buf_puts(out, "  ");
	if (styled)
		buf_puts(out, SGR_TITLE);
	put_line(out, h->section->title);
	if (styled)
		buf_puts(out, SGR_OFF);
	buf_putc(out, '\n');
	if (h->snippet == NULL || *h->snippet == '\0')
		return;

	size_t indent = 4, w = width > 12 ? (size_t)width - indent : 8;
	struct text_line *lines;
	size_t nl = text_wrap(h->snippet, strlen(h->snippet), w, w, &lines);
	for (size_t i = 0; i < nl; i++) {
		size_t a = lines[i].start, b = a + lines[i].len;
		buf_repeat(out, ' ', indent);
		for (size_t m = 0; m < h->nmarks && styled; m++) {
			size_t ms = h->marks[m].start, me = ms + h->marks[m].len;
			if (me <= a || ms >= b)
				continue;
			if (ms < a)
				ms = a;
			if (me > b)
				me = b;
			buf_add(out, h->snippet + a, ms - a);
			buf_puts(out, SGR_MATCH);
			buf_add(out, h->snippet + ms, me - ms);
			buf_puts(out, SGR_OFF);
			a = me;
		}
		buf_add(out, h->snippet + a, b - a);
		buf_putc(out, '\n');
	}
	free(lines);
}

/* An invisible character at p (a NUL-terminated string) is written as
 * escapes, a surrogate pair past U+FFFF, so it is kept but never reaches a
 * terminal raw. Returns its bytes, or 0 when it is not one. */
static size_t put_invisible(struct buf *out, const unsigned char *p)
{
	uint32_t cp;
	/* A NUL is never a continuation byte, so decoding stops at the end. */
	size_t n = text_decode((const char *)p, 4, &cp);
	if (!text_is_invisible(cp))
		return 0;
	if (cp > 0xFFFF)
		buf_printf(out, "\\u%04x\\u%04x", 0xD800 + ((cp - 0x10000) >> 10),
			   0xDC00 + (cp & 0x3FF));
	else
		buf_printf(out, "\\u%04x", cp);
	return n;
}

static void json_str(struct buf *out, const char *s)
{
	buf_putc(out, '"');
	size_t n;
	for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
		switch (*p) {
		case '"':
			buf_puts(out, "\\\"");
			break;
		case '\\':
			buf_puts(out, "\\\\");
			break;
		case '\n':
			buf_puts(out, "\\n");
			break;
		case '\t':
			buf_puts(out, "\\t");
			break;
		case '\r':
			buf_puts(out, "\\r");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f) {
				buf_printf(out, "\\u%04x", *p);
			} else if (*p == 0xe2 && p[1] == 0x80 && (p[2] == 0xa8 || p[2] == 0xa9)) {
				/* U+2028/U+2029 end lines in JavaScript. */
				buf_printf(out, "\\u%04x", p[2] == 0xa8 ? 0x2028 : 0x2029);
				p += 2;
			} else if (*p >= 0xc2 && (n = put_invisible(out, p)) > 0) {
				p += n - 1;
			} else {
				buf_putc(out, (char)*p);
			}
		}
	}
	buf_putc(out, '"');
}

/* Code points in s[0..n): JSON consumers count characters, not bytes. */
static size_t chars(const char *s, size_t n)
{
	size_t c = 0;
	for (size_t i = 0; i < n;) {
		uint32_t cp;
		i += text_decode(s + i, n - i, &cp);
		c++;
	}
	return c;
}

static void print_json(struct buf *out, const struct search_result *res)
{
	buf_puts(out, "{\"hits\": [");
	for (size_t i = 0; i < res->nhits; i++) {
		const struct search_hit *h = &res->hits[i];
		const char *snip = h->snippet ? h->snippet : "";
		buf_puts(out, i ? ",\n  " : "\n  ");
		buf_puts(out, "{\"id\": ");
		json_str(out, h->section->id);
		buf_puts(out, ", \"title\": ");
		json_str(out, h->section->title);
		buf_printf(out, ", \"score\": %.4f, \"snippet\": ", h->score);
		json_str(out, snip);
		buf_puts(out, ", \"highlights\": [");
		for (size_t m = 0; m < h->nmarks; m++) {
			size_t s = chars(snip, h->marks[m].start);
			size_t l = chars(snip + h->marks[m].start, h->marks[m].len);
			buf_printf(out, "%s{\"start\": %zu, \"length\": %zu}", m ? ", " : "", s, l);
		}
		buf_puts(out, "]}");
	}
	buf_puts(out, res->nhits ? "\n], \"suggestion\": " : "], \"suggestion\": ");
	if (res->suggestion)
		json_str(out, res->suggestion);
	else
		buf_puts(out, "null");
	buf_puts(out, ", \"corrected\": ");
	if (res->corrected)
		json_str(out, res->corrected);
	else
		buf_puts(out, "null");
	buf_puts(out, "}\n");
}

/* Markdown text with its syntax characters escaped. */
static void md_text(struct buf *out, const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		if (strchr("\\`*_[]<>#|", s[i]) != NULL)
			buf_putc(out, '\\');
		buf_putc(out, s[i]);
	}
}

static void print_md_hit(struct buf *out, size_t i, const struct search_hit *h)
{
	struct buf title = { 0 };
	put_line(&title, h->section->title);
	buf_printf(out, "%zu. **", i + 1);
	md_text(out, title.s ? title.s : "", title.len);
	buf_printf(out, "** (`%s`)\n", h->section->id);
	buf_free(&title);
	if (h->snippet == NULL || *h->snippet == '\0')
		return;
	const char *s = h->snippet;
	size_t at = 0;
	buf_puts(out, "\n   ");
	for (size_t m = 0; m < h->nmarks; m++) {
		md_text(out, s + at, h->marks[m].start - at);
		buf_puts(out, "**");
		md_text(out, s + h->marks[m].start, h->marks[m].len);
		buf_puts(out, "**");
		at = h->marks[m].start + h->marks[m].len;
	}
	md_text(out, s + at, strlen(s) - at);
	buf_putc(out, '\n');
}

void search_print(struct buf *out, const struct search_result *res, enum search_format f,
		  bool styled, int width)
{
	buf_add(out, "", 0);
	if (width <= 0)
		width = 80;
	switch (f) {
	case SEARCH_FMT_TEXT:
		if (res->corrected) {
			buf_puts(out, "Showing results for: ");
			put_line(out, res->corrected);
			buf_puts(out, "\n\n");
		}
		for (size_t i = 0; i < res->nhits; i++) {
			if (i > 0)
				buf_putc(out, '\n');
			print_text_hit(out, &res->hits[i], styled, width);
		}
		break;
	case SEARCH_FMT_TSV:
		if (res->corrected) {
			buf_puts(out, "# Showing results for: ");
			put_line(out, res->corrected);
			buf_putc(out, '\n');
		}
		for (size_t i = 0; i < res->nhits; i++) {
			const struct search_hit *h = &res->hits[i];
			put_line(out, h->section->id);
			buf_putc(out, '\t');
			put_line(out, h->section->title);
			buf_putc(out, '\t');
			put_line(out, h->snippet);
			buf_putc(out, '\n');
		}
		break;
	case SEARCH_FMT_JSON:
		print_json(out, res);
		break;
	case SEARCH_FMT_MARKDOWN:
		if (res->corrected) {
			buf_puts(out, "Showing results for: ");
			md_text(out, res->corrected, strlen(res->corrected));
			buf_puts(out, "\n\n");
		}
		for (size_t i = 0; i < res->nhits; i++) {
			if (i > 0)
				buf_putc(out, '\n');
			print_md_hit(out, i, &res->hits[i]);
		}
		break;
	}
}
