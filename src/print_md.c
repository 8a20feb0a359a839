/* print_md.c - the Markdown printer (CommonMark).
 *
 * Content text is never trusted to be Markdown: every character that could
 * start markup is escaped, so a title such as "*new* [cure](x)" prints as
 * written. Our own markup (headings, bullets, bold labels) is added around it.
 */
#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "escape.h"
#include "layout.h"
#include "print.h"
#include "text.h"

struct md {
	struct buf *out;
	const struct content *c;
	bool *cited;
	bool alt; /* the last list used '*' bullets */
};

/* Write content text: sanitized, escaped, with its own line breaks kept as
 * Markdown hard breaks; later lines start with cont (the block's indent). */
static void md_put_text(struct buf *out, const char *s, bool at_start, const char *cont)
{
	size_t len = s ? strlen(s) : 0;
	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' '))
		len--;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;
		struct buf t = { 0 };
		text_sanitize(&t, s + i, end - i);
		while (t.len > 0 && t.s[t.len - 1] == ' ')
			t.len--;
		esc_md(out, t.s, t.len, at_start);
		buf_free(&t);
		if (nl) {
			buf_puts(out, "\\\n");
			buf_puts(out, cont);
			at_start = true;
		}
		i = end + (nl != NULL);
	}
}

static void md_refs(struct md *m, const int *src, size_t n)
{
	if (n == 0)
		return;
	buf_putc(m->out, ' ');
	layout_refs(m->out, m->c, src, n, m->cited);
}

static void md_also(struct md *m, const struct strv *v)
{
	if (v->n == 0)
		return;
	buf_puts(m->out, " (also called: ");
	for (size_t i = 0; i < v->n; i++) {
		if (i > 0)
			buf_puts(m->out, ", ");
		md_put_text(m->out, v->v[i], false, "");
	}
	buf_putc(m->out, ')');
}

/* "**[Emergency: get help now]** ", the level in words. */
static void md_level(struct buf *out, enum urgency g)
{
	if (urgency_label(g) == NULL)
		return;
	buf_puts(out, "**\\[");
	buf_puts(out, urgency_label(g));
	buf_puts(out, "\\]** ");
}

/* Text and the references of n after it, ending the block: most blocks end so. */
static void md_text_refs(struct md *m, const char *text, bool at_start, const struct node *n)
{
	md_put_text(m->out, text, at_start, "");
	md_refs(m, n->sources, n->nsources);
	buf_puts(m->out, "\n\n");
}

/* Whether section sec's title is level g's label, so that what it holds need
 * not name the level again. */
static bool titled_by_level(const struct node *sec, enum urgency g)
{
	const char *label = urgency_label(g);
	return label && sec && sec->title && strcmp(sec->title, label) == 0;
}

/* What to do, with the configured numbers; under a heading that names the
 * level (named), led by "What to do:" rather than the level again. */
static void md_action(struct md *m, const struct node *n, bool named)
{
	if (named)
		buf_puts(m->out, "**What to do:** ");
	else
		md_level(m->out, n->urgency);
	struct buf t = { 0 };
	config_action_text(&t, n);
	md_text_refs(m, t.s, false, n);
	buf_free(&t);
}

static void md_list(struct md *m, const struct node *n, const struct node *prev)
{
	struct buf *out = m->out;
	/* The same rule as the text layout (layout.h). */
	if (n->text && n->text[0]) {
		md_put_text(out, n->text, true, "");
		if (layout_list_refs_on_intro(n))
			md_refs(m, n->sources, n->nsources);
		buf_puts(out, "\n\n");
	}
	/* Two lists in a row with the same bullet would merge into one in
	 * CommonMark; a different bullet character keeps them apart. */
	bool alt = !(n->text && n->text[0]) && prev && prev->type == NODE_LIST && !m->alt;
	m->alt = alt;
	for (const struct node *it = n->first; it; it = it->next) {
		buf_puts(out, alt ? "* " : "- ");
		bool label = urgency_label(it->urgency) != NULL;
		bool own = titled_by_level(n->parent, it->urgency);
		if (label && !own)
			md_level(out, it->urgency);
		md_put_text(out, it->text, !label || own, "  ");
		md_also(m, &it->also_called);
		if (layout_item_refs_shown(it, n))
			md_refs(m, it->sources, it->nsources);
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}

static void md_claim(struct md *m, const struct node *n)
{
	buf_puts(m->out, "> **Claim:** ");
	md_put_text(m->out, n->text, false, "> ");
	md_refs(m, n->sources, n->nsources);
	if (n->context && n->context[0]) {
		buf_puts(m->out, "\n>\n> **What the other sources say:** ");
		md_put_text(m->out, n->context, false, "> ");
		md_refs(m, n->context_sources, n->ncontext_sources);
	}
	buf_puts(m->out, "\n\n");
}

/* The signs a 'signs' block names, each run of one level led by what to do. */
static void md_signs(struct md *m, const struct node *n)
{
	struct buf *out = m->out;
	buf_puts(out, "**When to get help:**\n\n");
	for (size_t i = 0; i < n->see_also.n; i++) {
		const struct node *sg = n->see ? n->see[i] : NULL;
		if (sg == NULL)
			continue;
		const struct node *before = i > 0 ? n->see[i - 1] : NULL;
		if (before == NULL || before->urgency != sg->urgency) {
			if (before)
				buf_putc(out, '\n');
			const struct node *act = sign_action(sg);
			if (act) {
				md_action(m, act, false);
			} else {
				md_level(out, sg->urgency);
				buf_puts(out, "\n\n");
			}
		}
		buf_puts(out, "- ");
		md_put_text(out, sg->text, false, "  ");
		md_refs(m, sg->sources, sg->nsources);
		buf_putc(out, '\n');
	}
	buf_putc(out, '\n');
}

/* One block; prev is the block before it in its section, or NULL. */
static void md_block(struct md *m, const struct node *n, const struct node *prev)
{
	struct buf *out = m->out;
	switch (n->type) {
	case NODE_PARA:
		md_text_refs(m, n->text, true, n);
		break;
	case NODE_LIST:
		md_list(m, n, prev);
		break;
	case NODE_QA:
		buf_puts(out, "**Q: ");
		md_put_text(out, n->title, false, "");
		buf_puts(out, "**\n\n");
		md_text_refs(m, n->text, true, n);
		break;
	case NODE_NOTE:
		buf_puts(out, "**Note:** ");
		md_text_refs(m, n->text, false, n);
		break;
	case NODE_CLAIM:
		md_claim(m, n);
		break;
	case NODE_ACTION:
		md_action(m, n, titled_by_level(n->parent, n->urgency));
		break;
	case NODE_SIGNS:
		md_signs(m, n);
		break;
	case NODE_TERM:
		buf_puts(out, "**");
		md_put_text(out, n->title, false, "");
		buf_puts(out, "**");
		md_also(m, &n->also_called);
		buf_puts(out, ": ");
		md_text_refs(m, n->text, false, n);
		break;
	default:
		break;
	}
}

/* An id as inline code when it can be one, else as escaped text. */
static void md_id(struct buf *out, const char *id)
{
	if (strchr(id, '`') || strchr(id, '\n')) {
		md_put_text(out, id, false, "");
		return;
	}
	buf_putc(out, '`');
	struct buf t = { 0 };
	text_sanitize(&t, id, strlen(id));
	buf_add(out, t.s, t.len);
	buf_free(&t);
	buf_putc(out, '`');
}

static void md_section(struct md *m, const struct node *sec, int rel, bool subsections)
{
	struct buf *out = m->out;
	int level = rel + 1 > 6 ? 6 : rel + 1;

	buf_repeat(out, '#', (size_t)level);
	buf_putc(out, ' ');
	md_put_text(out, sec->title ? sec->title : sec->id, false, "");
	buf_puts(out, "\n\n");
	if (sec->also_called.n > 0) {
		buf_puts(out, "*Also called: ");
		for (size_t i = 0; i < sec->also_called.n; i++) {
			if (i > 0)
				buf_puts(out, ", ");
			md_put_text(out, sec->also_called.v[i], false, "");
		}
		buf_puts(out, "*\n\n");
	}
	for (const struct node *n = sec->first, *prev = NULL; n; prev = n, n = n->next)
		if (n->type != NODE_SECTION)
			md_block(m, n, prev);
	if (sec->see_also.n > 0) {
		buf_puts(out, "See also:\n\n");
		for (size_t i = 0; i < sec->see_also.n; i++) {
			const struct node *t = sec->see ? sec->see[i] : NULL;
			buf_puts(out, "- ");
			if (t) {
				md_put_text(out, t->title ? t->title : t->id, false, "");
				buf_puts(out, " (");
				md_id(out, t->id);
				buf_putc(out, ')');
			} else {
				md_id(out, sec->see_also.v[i]);
			}
			buf_putc(out, '\n');
		}
		buf_putc(out, '\n');
	}
	if (subsections)
		for (const struct node *n = sec->first; n; n = n->next)
			if (n->type == NODE_SECTION)
				md_section(m, n, rel + 1, subsections);
}

static void md_sources(struct md *m);

/* The handout's lines as a block quote, each line its own paragraph line. */
static void md_handout(struct buf *out, const struct print_opts *o, bool footer)
{
	if (o == NULL || !o->handout)
		return;
	struct buf b = { 0 };
	print_handout(&b, o, footer);
	if (footer) /* a blank line first: "---" under a line of text would make it a heading */
		buf_puts(out, "\n---\n\n");
	for (char *line = b.s, *nl; line && *line; line = nl + 1) {
		nl = strchr(line, '\n');
		*nl = '\0';
		buf_puts(out, "> ");
		md_put_text(out, line, false, "");
		buf_puts(out, nl[1] ? "\\\n" : "\n");
	}
	buf_puts(out, footer ? "" : "\n");
	buf_free(&b);
}

void print_md_urgent(struct buf *out, const struct content *c, const struct print_opts *o)
{
	struct md m = { .out = out,
			.c = c,
			.cited = xcalloc(c->nsources ? c->nsources : 1, sizeof(bool)) };
	struct sign_level lv[URG_COUNT];
	size_t nlv = content_sign_levels(c, lv);
	md_handout(out, o, false);
	buf_puts(out, "# When to get help\n\n");
	buf_puts(out, layout_urgent_intro(c));
	buf_puts(out, "\n\n");
	for (size_t g = 0; g < nlv; g++) {
		buf_puts(out, "## ");
		md_put_text(out, urgency_label(lv[g].level), false, "");
		buf_puts(out, "\n\n");
		if (lv[g].action)
			md_action(&m, lv[g].action, true);
		for (size_t i = 0; i < lv[g].nsigns; i++) {
			const struct node *sg = lv[g].signs[i];
			buf_puts(out, "- ");
			md_put_text(out, sg->text, false, "  ");
			md_refs(&m, sg->sources, sg->nsources);
			buf_putc(out, '\n');
		}
		buf_putc(out, '\n');
	}
	sign_levels_free(lv, nlv);
	md_sources(&m);
	md_handout(out, o, true);
	free(m.cited);
}

void print_md(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
	      const struct print_opts *o)
{
	struct md m = { .out = out,
			.c = c,
			.cited = xcalloc(c->nsources ? c->nsources : 1, sizeof(bool)) };

	md_handout(out, o, false);
	for (size_t i = 0; i < n; i++)
		md_section(&m, secs[i], 0, true);
	md_sources(&m);
	md_handout(out, o, true);
	free(m.cited);
}

/* The sources cited so far, then the end of the document. */
static void md_sources(struct md *m)
{
	struct buf *out = m->out;
	const struct content *c = m->c;
	bool any = false;
	for (size_t i = 0; i < c->nsources; i++)
		any |= m->cited[i];
	if (any) {
		buf_puts(out, "## Sources\n\n");
		for (size_t i = 0; i < c->nsources; i++) {
			if (!m->cited[i])
				continue;
			const struct source *s = &c->sources[i];
			buf_printf(out, "- [%d] ", s->num);
			md_put_text(out, s->title ? s->title : s->id, false, "  ");
			if (s->file) {
				buf_puts(out, " (");
				md_id(out, s->file);
				buf_putc(out, ')');
			}
			if (s->notes && s->notes[0]) {
				buf_puts(out, "\\\n  *");
				md_put_text(out, s->notes, false, "  ");
				buf_putc(out, '*');
			}
			buf_putc(out, '\n');
		}
		buf_putc(out, '\n');
	}
	/* One newline at the end, not a blank line. */
	while (out->len >= 2 && out->s[out->len - 1] == '\n' && out->s[out->len - 2] == '\n')
		out->s[--out->len] = '\0';
	if (out->s == NULL)
		buf_add(out, "", 0);
}
