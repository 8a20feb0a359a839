/* print_tree.c - debug dump: one node per line, indented by depth, with
 * file:line:col, so a golden diff points straight at the node that moved. */
#include <string.h>

#include "print.h"
#include "text.h"

/* A quoted, sanitized string; quotes and backslashes are escaped so a field
 * boundary is never ambiguous. */
static void tree_str(struct buf *out, const char *s)
{
	struct buf t = { 0 };
	text_sanitize(&t, s, strlen(s));
	buf_putc(out, '"');
	for (size_t i = 0; i < t.len; i++) {
		if (t.s[i] == '"' || t.s[i] == '\\')
			buf_putc(out, '\\');
		buf_putc(out, t.s[i]);
	}
	buf_putc(out, '"');
	buf_free(&t);
}

/* An id, sanitized but unquoted: validation allows no spaces or quotes in ids. */
static void tree_id(struct buf *out, const char *s)
{
	text_sanitize(out, s ? s : "-", s ? strlen(s) : 1);
}

static void tree_field(struct buf *out, const char *name, const char *s)
{
	if (s == NULL)
		return;
	buf_putc(out, ' ');
	buf_puts(out, name);
	buf_putc(out, '=');
	tree_str(out, s);
}

static void tree_strv(struct buf *out, const char *name, const struct strv *v)
{
	if (v->n == 0)
		return;
	buf_putc(out, ' ');
	buf_puts(out, name);
	buf_puts(out, "=[");
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			buf_putc(out, ',');
		tree_str(out, v->v[i]);
	}
	buf_putc(out, ']');
}

static void tree_srcs(struct buf *out, const char *name, const struct content *c, const int *src,
		      size_t n)
{
	if (n == 0)
		return;
	buf_putc(out, ' ');
	buf_puts(out, name);
	buf_puts(out, "=[");
	for (size_t i = 0, k = 0; i < n; i++) {
		if (k++)
			buf_putc(out, ',');
		if (src[i] >= 0 && (size_t)src[i] < c->nsources)
			tree_str(out, c->sources[src[i]].id);
		else
			buf_printf(out, "#%d", src[i]);
	}
	buf_putc(out, ']');
}

static void tree_node(struct buf *out, const struct content *c, const struct node *n, int depth)
{
	buf_repeat(out, ' ', (size_t)depth * 2);
	buf_puts(out, node_type_name(n->type));
	if (n->id) {
		buf_putc(out, ' ');
		tree_id(out, n->id);
	}
	buf_puts(out, " @");
	tree_id(out, n->file);
	buf_printf(out, ":%d:%d", n->line, n->col);
	tree_field(out,
		   n->type == NODE_QA     ? "q"
		   : n->type == NODE_TERM ? "term"
					  : "title",
		   n->title);
	tree_field(out, n->type == NODE_QA ? "a" : "text", n->text);
	if (n->urgency != URG_NONE)
		tree_field(out, "urgency", urgency_name(n->urgency));
	tree_strv(out, "also_called", &n->also_called);
	if (n->type == NODE_SECTION)
		tree_strv(out, "questions", &n->questions);
	tree_strv(out, "see_also", &n->see_also);
	tree_srcs(out, "sources", c, n->sources, n->nsources);
	if (n->type == NODE_CLAIM) {
		tree_field(out, "context", n->context);
		tree_srcs(out, "context_sources", c, n->context_sources, n->ncontext_sources);
	}
	buf_putc(out, '\n');
	for (const struct node *k = n->first; k; k = k->next)
		tree_node(out, c, k, depth + 1);
}

void print_tree(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
		const struct print_opts *o)
{
	(void)o;
	for (size_t i = 0; i < n; i++)
		tree_node(out, c, secs[i], 0);
	for (size_t i = 0; i < c->nsources; i++) {
		const struct source *s = &c->sources[i];
		buf_printf(out, "source %d ", s->num);
		tree_id(out, s->id);
		buf_puts(out, " @");
		tree_id(out, s->path);
		buf_printf(out, ":%d:%d", s->line, s->col);
		tree_field(out, "title", s->title);
		tree_field(out, "file", s->file);
		tree_field(out, "notes", s->notes);
		buf_putc(out, '\n');
	}
	if (out->s == NULL)
		buf_add(out, "", 0);
}
