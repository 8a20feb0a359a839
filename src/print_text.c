/* print_text.c - the text printer: the pager's own layout, written as lines. */
#include <string.h>

#include "config.h"
#include "escape.h"
#include "layout.h"
#include "print.h"
#include "search_print.h"

const struct print_format_entry *print_format_find(const char *s)
{
	static const struct print_format_entry formats[] = {
		{ "text", PRINT_TEXT, print_text, search_print_text },
		{ "markdown", PRINT_MARKDOWN, print_md, search_print_md },
		{ "md", PRINT_MARKDOWN, print_md, search_print_md },
		{ "json", PRINT_JSON, print_json, search_print_json },
		{ "tree", PRINT_TREE, print_tree, NULL },
		{ "tsv", PRINT_TSV, NULL, search_print_tsv },
	};
	if (s == NULL)
		return NULL;
	for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (strcmp(s, formats[i].name) == 0)
			return &formats[i];
	return NULL;
}

/* Terminal attributes per span style. Urgency is shown in words; reverse
 * video only makes the words easier to find, it never carries the meaning. */
static unsigned style_attrs(enum lstyle s)
{
	switch (s) {
	case LS_HEADING:
	case LS_QUESTION:
	case LS_TERM:
	case LS_LABEL:
		return ESC_BOLD;
	case LS_URGENCY:
		return ESC_BOLD | ESC_REVERSE;
	case LS_LINK:
		return ESC_UNDERLINE;
	case LS_MATCH:
		return ESC_REVERSE;
	case LS_SOURCE:
	case LS_DIM:
		return ESC_DIM;
	}
	return 0;
}

/* Write one line with escape sequences; spans may overlap (a search match
 * inside a heading), so the attributes are worked out per stretch of bytes. */
static void styled_line(struct buf *out, const struct lline *ln)
{
	unsigned cur = 0;
	size_t pos = 0;

	while (pos < ln->len) {
		unsigned a = 0;
		size_t next = ln->len;
		for (size_t k = 0; k < ln->nspans; k++) {
			const struct lspan *sp = &ln->spans[k];
			size_t end = sp->start + sp->len;
			if (sp->start <= pos && pos < end) {
				a |= style_attrs(sp->style);
				if (end < next)
					next = end;
			} else if (sp->start > pos && sp->start < next) {
				next = sp->start;
			}
		}
		if (a != cur) {
			esc_sgr(out, a);
			cur = a;
		}
		buf_add(out, ln->text + pos, next - pos);
		pos = next;
	}
	if (cur != 0)
		esc_sgr(out, 0);
}

void print_handout(struct buf *out, const struct print_opts *o, bool footer)
{
	if (!footer)
		buf_puts(out,
			 "Not medical advice: talk with your doctor or nurse before you choose a "
			 "treatment.\n");
	else
		buf_puts(out, "Not medical advice.\n");
	buf_printf(out, "In an emergency, call %s.", config_emergency());
	if (config_clinic())
		buf_printf(out, " Your clinic's phone number is %s.", config_clinic());
	buf_printf(out, "\nPrinted by exoread %s", o->version ? o->version : "");
	if (o->content_version)
		buf_printf(out, "; content version %s", o->content_version);
	buf_printf(out, ", %s%s.\n", o->reviewed ? "last reviewed " : "no review date",
		   o->reviewed ? o->reviewed : "");
}

/* The handout's header or footer, wrapped, with a rule between it and the text. */
static void handout_lines(struct layout *L, const struct print_opts *o, int width, bool footer)
{
	struct layout_opts lo = { .width = width };
	struct buf b = { 0 }, rule = { 0 };
	print_handout(&b, o, footer);
	buf_repeat(&rule, '-', width < 72 ? (size_t)width : 72);
	if (footer) {
		layout_text(L, "", 0, &lo);
		layout_text(L, rule.s, 0, &lo);
	}
	for (char *line = b.s, *nl; line && *line; line = nl + 1) {
		nl = strchr(line, '\n');
		*nl = '\0';
		layout_text(L, line, 0, &lo);
	}
	if (!footer) {
		layout_text(L, rule.s, 0, &lo);
		layout_text(L, "", 0, &lo);
	}
	buf_free(&b);
	buf_free(&rule);
}

static void write_lines(struct buf *out, const struct layout *L, const struct print_opts *o)
{
	for (size_t i = 0; i < L->n; i++) {
		if (o->styled)
			styled_line(out, &L->lines[i]);
		else
			buf_add(out, L->lines[i].text, L->lines[i].len);
		buf_putc(out, '\n');
	}
	if (out->s == NULL)
		buf_add(out, "", 0);
}

void print_text(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
		const struct print_opts *o)
{
	struct layout L = { 0 };
	struct layout_opts lo = { .width = o->width > 0 ? o->width : 80, .subsections = true };

	if (o->handout)
		handout_lines(&L, o, lo.width, false);
	for (size_t i = 0; i < n; i++)
		layout_section(&L, c, secs[i], &lo);
	layout_sources(&L, c, &lo);
	if (o->handout)
		handout_lines(&L, o, lo.width, true);
	write_lines(out, &L, o);
	layout_free(&L);
}

void print_urgent(struct buf *out, const struct content *c, const struct print_opts *o)
{
	if (o->format == PRINT_MARKDOWN) {
		print_md_urgent(out, c, o);
		return;
	}
	if (o->format == PRINT_JSON) {
		print_json_urgent(out, c);
		return;
	}
	struct layout L = { 0 };
	struct layout_opts lo = { .width = o->width > 0 ? o->width : 80 };
	if (o->handout)
		handout_lines(&L, o, lo.width, false);
	layout_urgent(&L, c, &lo);
	layout_sources(&L, c, &lo);
	if (o->handout)
		handout_lines(&L, o, lo.width, true);
	write_lines(out, &L, o);
	layout_free(&L);
}
