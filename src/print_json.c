/* print_json.c - the JSON printer: every field of the printed sections.
 *
 * The output is always valid JSON (RFC 8259) whatever the content holds:
 * every string goes through esc_json_str() (escape.h).
 */
#include <string.h>

#include "config.h"
#include "escape.h"
#include "print.h"
#include "text.h"

static void indent(struct buf *out, int depth)
{
	buf_putc(out, '\n');
	buf_repeat(out, ' ', (size_t)depth * 2);
}

/* Write `"key": ` on a new line, after a comma unless it is the first member. */
static void key(struct buf *out, int depth, bool *first, const char *k)
{
	if (!*first)
		buf_putc(out, ',');
	*first = false;
	indent(out, depth);
	esc_json_str(out, k);
	buf_puts(out, ": ");
}

/* `"key": "value"` (null when value is NULL), as key() places it. */
static void member_str(struct buf *out, int depth, bool *first, const char *k, const char *v)
{
	key(out, depth, first, k);
	esc_json_str(out, v);
}

static void member_int(struct buf *out, int depth, bool *first, const char *k, int v)
{
	key(out, depth, first, k);
	buf_printf(out, "%d", v);
}

/* Start the next element of an array, on its own line at depth: after a comma
 * unless it is the first (*any false). */
static void next_elem(struct buf *out, bool *any, int depth)
{
	if (*any)
		buf_putc(out, ',');
	*any = true;
	indent(out, depth);
}

/* Close an array whose elements (if any) were one level deeper than depth. */
static void end_array(struct buf *out, bool any, int depth)
{
	if (any)
		indent(out, depth);
	buf_putc(out, ']');
}

static void json_strv(struct buf *out, const struct strv *v)
{
	esc_json_strs(out, v->v, v->n);
}

static void json_srcs(struct buf *out, const struct content *c, const int *src, size_t n)
{
	buf_putc(out, '[');
	for (size_t i = 0, k = 0; i < n; i++) {
		if (src[i] < 0 || (size_t)src[i] >= c->nsources)
			continue;
		if (k++)
			buf_puts(out, ", ");
		esc_json_str(out, c->sources[src[i]].id);
	}
	buf_putc(out, ']');
}

static void json_pos(struct buf *out, int depth, bool *first, const struct node *n)
{
	member_str(out, depth, first, "file", n->file);
	member_int(out, depth, first, "line", n->line);
	member_int(out, depth, first, "col", n->col);
}

static void json_block(struct buf *out, const struct content *c, const struct node *n, int depth);

/* The signs a 'signs' block names, as an array whose elements are at depth + 1. */
static void json_signs(struct buf *out, const struct content *c, const struct node *n, int depth)
{
	buf_putc(out, '[');
	bool any = false;
	for (size_t i = 0; i < n->see_also.n; i++)
		if (n->see && n->see[i]) {
			next_elem(out, &any, depth + 1);
			json_block(out, c, n->see[i], depth + 1);
		}
	end_array(out, any, depth);
}

/* The items of a list, as an array whose elements are at depth + 1. */
static void json_items(struct buf *out, const struct content *c, const struct node *n, int depth)
{
	buf_putc(out, '[');
	bool any = false;
	for (const struct node *it = n->first; it; it = it->next) {
		next_elem(out, &any, depth + 1);
		json_block(out, c, it, depth + 1);
	}
	end_array(out, any, depth);
}

/* The text members of block n: its own names for title and text. */
static void json_texts(struct buf *out, const struct node *n, int d, bool *first)
{
	if (n->type == NODE_QA) {
		member_str(out, d, first, "question", n->title);
		member_str(out, d, first, "answer", n->text);
	} else if (n->type == NODE_TERM) {
		member_str(out, d, first, "term", n->title);
		member_str(out, d, first, "text", n->text);
	} else if (n->type == NODE_ACTION) {
		member_str(out, d, first, "level", urgency_name(n->urgency));
		member_str(out, d, first, "level_label", urgency_label(n->urgency));
		struct buf t = { 0 };
		config_action_text(&t, n);
		member_str(out, d, first, "text", t.s);
		buf_free(&t);
	} else if (n->type != NODE_SIGNS) {
		member_str(out, d, first, "text", n->text ? n->text : "");
	}
}

static void json_block(struct buf *out, const struct content *c, const struct node *n, int depth)
{
	int d = depth + 1;
	bool first = true;
	buf_putc(out, '{');
	member_str(out, d, &first, "type", node_type_name(n->type));
	json_texts(out, n, d, &first);
	if (n->type == NODE_SIGNS) {
		key(out, d, &first, "signs");
		json_signs(out, c, n, d);
	}
	if (n->type == NODE_ITEM) {
		member_str(out, d, &first, "sign", n->id);
		member_str(out, d, &first, "urgency", urgency_name(n->urgency));
		member_str(out, d, &first, "urgency_label", urgency_label(n->urgency));
	}
	if (n->type == NODE_ITEM || n->type == NODE_TERM) {
		key(out, d, &first, "also_called");
		json_strv(out, &n->also_called);
	}
	if (n->type != NODE_SIGNS) {
		key(out, d, &first, "sources");
		json_srcs(out, c, n->sources, n->nsources);
	}
	if (n->type == NODE_CLAIM) {
		member_str(out, d, &first, "context", n->context);
		key(out, d, &first, "context_sources");
		json_srcs(out, c, n->context_sources, n->ncontext_sources);
	}
	if (n->type == NODE_LIST) {
		key(out, d, &first, "items");
		json_items(out, c, n, d);
	}
	json_pos(out, d, &first, n);
	indent(out, depth);
	buf_putc(out, '}');
}

static void json_section(struct buf *out, const struct content *c, const struct node *sec,
			 int depth);

/* The blocks of sec, or with sections its subsections, as an array whose
 * elements are at depth + 1. */
static void json_children(struct buf *out, const struct content *c, const struct node *sec,
			  int depth, bool sections)
{
	buf_putc(out, '[');
	bool any = false;
	for (const struct node *n = sec->first; n; n = n->next) {
		if ((n->type == NODE_SECTION) != sections)
			continue;
		next_elem(out, &any, depth + 1);
		if (sections)
			json_section(out, c, n, depth + 1);
		else
			json_block(out, c, n, depth + 1);
	}
	end_array(out, any, depth);
}

static void json_section(struct buf *out, const struct content *c, const struct node *sec,
			 int depth)
{
	bool first = true;
	int d = depth + 1;

	buf_putc(out, '{');
	member_str(out, d, &first, "id", sec->id);
	member_str(out, d, &first, "title", sec->title);
	member_int(out, d, &first, "depth", sec->depth);
	key(out, d, &first, "also_called");
	json_strv(out, &sec->also_called);
	key(out, d, &first, "questions");
	json_strv(out, &sec->questions);
	key(out, d, &first, "see_also");
	json_strv(out, &sec->see_also);
	json_pos(out, d, &first, sec);
	key(out, d, &first, "body");
	json_children(out, c, sec, d, false);
	key(out, d, &first, "sections");
	json_children(out, c, sec, d, true);
	indent(out, depth);
	buf_putc(out, '}');
}

static void json_sources(struct buf *out, const struct content *c, bool *first);

/* Open the document and its first member, the array name: `{ "name": [`. */
static void open_document(struct buf *out, bool *first, const char *name)
{
	buf_putc(out, '{');
	key(out, 1, first, name);
	buf_putc(out, '[');
}

void print_json(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
		const struct print_opts *o)
{
	(void)o;
	bool first = true, any = false;
	open_document(out, &first, "sections");
	for (size_t i = 0; i < n; i++) {
		next_elem(out, &any, 2);
		json_section(out, c, secs[i], 2);
	}
	end_array(out, any, 1);
	json_sources(out, c, &first);
}

/* Every source, cited or not, so consumers can resolve any id they meet; ends the object. */
static void json_sources(struct buf *out, const struct content *c, bool *first)
{
	key(out, 1, first, "sources");
	buf_putc(out, '[');
	bool any = false;
	for (size_t i = 0; i < c->nsources; i++) {
		const struct source *s = &c->sources[i];
		bool f = true;
		next_elem(out, &any, 2);
		buf_putc(out, '{');
		member_str(out, 3, &f, "id", s->id);
		member_int(out, 3, &f, "num", s->num);
		member_str(out, 3, &f, "title", s->title);
		member_str(out, 3, &f, "file", s->file);
		member_str(out, 3, &f, "notes", s->notes);
		indent(out, 2);
		buf_putc(out, '}');
	}
	end_array(out, any, 1);
	buf_puts(out, "\n}\n");
}

void print_json_urgent(struct buf *out, const struct content *c)
{
	struct sign_level lv[URG_COUNT];
	size_t nlv = content_sign_levels(c, lv);
	bool first = true, any = false;
	open_document(out, &first, "levels");
	for (size_t g = 0; g < nlv; g++) {
		bool f = true;
		next_elem(out, &any, 2);
		buf_putc(out, '{');
		member_str(out, 3, &f, "level", urgency_name(lv[g].level));
		member_str(out, 3, &f, "label", urgency_label(lv[g].level));
		member_str(out, 3, &f, "section", lv[g].home->id);
		key(out, 3, &f, "action");
		if (lv[g].action)
			json_block(out, c, lv[g].action, 3);
		else
			buf_puts(out, "null");
		key(out, 3, &f, "signs");
		buf_putc(out, '[');
		bool anysign = false;
		for (size_t i = 0; i < lv[g].nsigns; i++) {
			next_elem(out, &anysign, 4);
			json_block(out, c, lv[g].signs[i], 4);
		}
		end_array(out, true, 3); /* a level has signs */
		indent(out, 2);
		buf_putc(out, '}');
	}
	end_array(out, any, 1);
	json_sources(out, c, &first);
	sign_levels_free(lv, nlv);
}
