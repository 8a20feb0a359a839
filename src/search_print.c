/* search_print.c - search results as text, tsv, json or markdown (see search_print.h). */
#include "search_print.h"

#include <stdlib.h>
#include <string.h>

#include "escape.h"
#include "text.h"

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

void search_print_snippet(struct layout *L, const struct search_hit *h, size_t indent, int width)
{
	const char *s = h->snippet ? h->snippet : "";
	if (s[strspn(s, " ")] == '\0')
		return;
	struct layout_rich r = { 0 };
	size_t at = 0;
	for (size_t m = 0; m < h->nmarks; m++) {
		size_t ms = h->marks[m].start, me = ms + h->marks[m].len;
		if (me <= at)
			continue;
		buf_add(&r.b, s + at, me - at);
		layout_rich_span(&r, ms > at ? ms : at, LS_MATCH, NULL);
		at = me;
	}
	buf_puts(&r.b, s + at);
	layout_emit(L, &r, (struct layout_shape){ .indent = indent, .hang = indent }, h->block,
		    h->section, width);
	layout_rich_free(&r);
}

/* One hit: "id  title", then the snippet wrapped and indented, matches in reverse video. */
static void print_text_hit(struct buf *out, const struct search_hit *h, bool styled, int width)
{
	buf_puts(out, h->section->id);
	buf_puts(out, "  ");
	if (styled)
		esc_sgr(out, ESC_BOLD);
	put_line(out, h->section->title);
	if (styled)
		esc_sgr(out, 0);
	buf_putc(out, '\n');

	struct layout L = { 0 };
	search_print_snippet(&L, h, 4, width > 12 ? width : 12);
	for (size_t i = 0; i < L.n; i++) {
		const struct lline *ln = &L.lines[i];
		size_t at = 0;
		for (size_t k = 0; k < ln->nspans && styled; k++) {
			buf_add(out, ln->text + at, ln->spans[k].start - at);
			esc_sgr(out, ESC_REVERSE);
			buf_add(out, ln->text + ln->spans[k].start, ln->spans[k].len);
			esc_sgr(out, 0);
			at = ln->spans[k].start + ln->spans[k].len;
		}
		buf_add(out, ln->text + at, ln->len - at);
		buf_putc(out, '\n');
	}
	layout_free(&L);
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

void search_print_json(struct buf *out, const struct search_result *res, bool styled, int width)
{
	(void)styled;
	(void)width;
	buf_puts(out, "{\"hits\": [");
	for (size_t i = 0; i < res->nhits; i++) {
		const struct search_hit *h = &res->hits[i];
		const char *snip = h->snippet ? h->snippet : "";
		buf_puts(out, i ? ",\n  " : "\n  ");
		buf_puts(out, "{\"id\": ");
		esc_json_str(out, h->section->id ? h->section->id : "");
		buf_puts(out, ", \"title\": ");
		esc_json_str(out, h->section->title ? h->section->title : "");
		buf_printf(out, ", \"score\": %.4f, \"snippet\": ", h->score);
		esc_json_str(out, snip);
		buf_puts(out, ", \"highlights\": [");
		for (size_t m = 0; m < h->nmarks; m++) {
			size_t s = chars(snip, h->marks[m].start);
			size_t l = chars(snip + h->marks[m].start, h->marks[m].len);
			buf_printf(out, "%s{\"start\": %zu, \"length\": %zu}", m ? ", " : "", s, l);
		}
		buf_puts(out, "]}");
	}
	buf_puts(out, res->nhits ? "\n], \"suggestion\": " : "], \"suggestion\": ");
	esc_json_str(out, res->suggestion);
	buf_puts(out, ", \"corrected\": ");
	esc_json_str(out, res->corrected);
	buf_puts(out, ", \"missing\": ");
	esc_json_strs(out, res->missing, res->nmissing);
	buf_puts(out, "}\n");
}

static void print_md_hit(struct buf *out, size_t i, const struct search_hit *h)
{
	struct buf title = { 0 };
	put_line(&title, h->section->title);
	buf_printf(out, "%zu. **", i + 1);
	esc_md(out, title.s ? title.s : "", title.len, false);
	buf_printf(out, "** (`%s`)\n", h->section->id);
	buf_free(&title);
	if (h->snippet == NULL || *h->snippet == '\0')
		return;
	const char *s = h->snippet;
	size_t at = 0;
	buf_puts(out, "\n   ");
	for (size_t m = 0; m < h->nmarks; m++) {
		esc_md(out, s + at, h->marks[m].start - at, at == 0);
		buf_puts(out, "**");
		esc_md(out, s + h->marks[m].start, h->marks[m].len, false);
		buf_puts(out, "**");
		at = h->marks[m].start + h->marks[m].len;
	}
	esc_md(out, s + at, strlen(s) - at, at == 0);
	buf_putc(out, '\n');
}

void search_put_missing(struct buf *out, const struct search_result *res)
{
	for (size_t i = 0; i < res->nmissing; i++) {
		if (i)
			buf_puts(out, ", ");
		put_line(out, res->missing[i]);
	}
}

/* Text and Markdown: "Showing results for" and "Not found", then the hits a blank line apart. */
static void print_hits(struct buf *out, const struct search_result *res, bool md, bool styled,
		       int width)
{
	buf_add(out, "", 0);
	if (res->corrected) {
		buf_puts(out, "Showing results for: ");
		if (md)
			esc_md(out, res->corrected, strlen(res->corrected), false);
		else
			put_line(out, res->corrected);
		buf_putc(out, '\n');
	}
	if (res->nmissing) {
		buf_puts(out, "Not found: ");
		if (md) {
			struct buf w = { 0 };
			search_put_missing(&w, res);
			esc_md(out, w.s, w.len, false);
			buf_free(&w);
		} else {
			search_put_missing(out, res);
		}
		buf_putc(out, '\n');
	}
	if (res->corrected || res->nmissing)
		buf_putc(out, '\n');
	for (size_t i = 0; i < res->nhits; i++) {
		if (i > 0)
			buf_putc(out, '\n');
		if (md)
			print_md_hit(out, i, &res->hits[i]);
		else
			print_text_hit(out, &res->hits[i], styled, width);
	}
}

void search_print_text(struct buf *out, const struct search_result *res, bool styled, int width)
{
	print_hits(out, res, false, styled, width > 0 ? width : 80);
}

void search_print_tsv(struct buf *out, const struct search_result *res, bool styled, int width)
{
	(void)styled;
	(void)width;
	buf_add(out, "", 0);
	if (res->corrected) {
		buf_puts(out, "# Showing results for: ");
		put_line(out, res->corrected);
		buf_putc(out, '\n');
	}
	if (res->nmissing) {
		buf_puts(out, "# Not found: ");
		search_put_missing(out, res);
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
}

void search_print_md(struct buf *out, const struct search_result *res, bool styled, int width)
{
	(void)styled;
	(void)width;
	print_hits(out, res, true, false, 0);
}
