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

static void json_strv(struct buf *out, const struct strv *v)
{
	buf_putc(out, '[');
	for (size_t i = 0; i < v->n; i++) {
		if (i)
			buf_puts(out, ", ");
		esc_json_str(out, v->v[i]);
	}
	buf_putc(out, ']');
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
	key(out, depth, first, "file");
	esc_json_str(out, n->file);
	key(out, depth, first, "line");
	buf_printf(out, "%d", n->line);
	key(out, depth, first, "col");
	buf_printf(out, "%d", n->col);
}

static const char *block_type(enum node_type t)
{
	switch (t) {
	case NODE_PARA:
		return "para";
	case NODE_LIST:
		return "list";
	case NODE_ITEM:
		return "item";
	case NODE_QA:
		return "qa";
	case NODE_NOTE:
		return "note";
	case NODE_CLAIM:
		return "claim";
	case NODE_TERM:
		return "term";
	case NODE_ACTION:
		return "action";
	case NODE_SIGNS:
		return "signs";
	default:
		return "section";
	}
}

static void json_block(struct buf *out, const struct content *c, const struct node *n, int depth)
{
	bool first = true;

	buf_putc(out, '{');
	key(out, depth + 1, &first, "type");
	esc_json_str(out, block_type(n->type));
	switch (n->type) {
	case NODE_QA:
		key(out, depth + 1, &first, "question");
		esc_json_str(out, n->title);
		key(out, depth + 1, &first, "answer");
		esc_json_str(out, n->text);
		break;
	case NODE_TERM:
		key(out, depth + 1, &first, "term");
		esc_json_str(out, n->title);
		key(out, depth + 1, &first, "text");
		esc_json_str(out, n->text);
		break;
	case NODE_ACTION: {
		key(out, depth + 1, &first, "level");
		esc_json_str(out, urgency_name(n->urgency));
		key(out, depth + 1, &first, "level_label");
		esc_json_str(out, urgency_label(n->urgency));
		struct buf t = { 0 };
		config_action_text(&t, n);
		key(out, depth + 1, &first, "text");
		esc_json_str(out, t.s);
		buf_free(&t);
		break;
	}
	case NODE_SIGNS:
		key(out, depth + 1, &first, "signs");
		buf_putc(out, '[');
		for (size_t i = 0; i < n->see_also.n; i++) {
			const struct node *sg = n->see ? n->see[i] : NULL;
			if (sg == NULL)
				continue;
			indent(out, depth + 2);
			json_block(out, c, sg, depth + 2);
			if (i + 1 < n->see_also.n)
				buf_putc(out, ',');
		}
		if (n->see_also.n)
			indent(out, depth + 1);
		buf_putc(out, ']');
		break;
	default:
		key(out, depth + 1, &first, "text");
		esc_json_str(out, n->text ? n->text : "");
		break;
	}
	if (n->type == NODE_ITEM) {
		key(out, depth + 1, &first, "sign");
		esc_json_str(out, n->id);
		key(out, depth + 1, &first, "urgency");
		esc_json_str(out, urgency_name(n->urgency));
		key(out, depth + 1, &first, "urgency_label");
		esc_json_str(out, urgency_label(n->urgency));
	}
	if (n->type == NODE_ITEM || n->type == NODE_TERM) {
		key(out, depth + 1, &first, "also_called");
		json_strv(out, &n->also_called);
	}
	if (n->type != NODE_SIGNS) {
		key(out, depth + 1, &first, "sources");
		json_srcs(out, c, n->sources, n->nsources);
	}
	if (n->type == NODE_CLAIM) {
		key(out, depth + 1, &first, "context");
		esc_json_str(out, n->context);
		key(out, depth + 1, &first, "context_sources");
		json_srcs(out, c, n->context_sources, n->ncontext_sources);
	}
	if (n->type == NODE_LIST) {
		key(out, depth + 1, &first, "items");
		buf_putc(out, '[');
		for (const struct node *it = n->first; it; it = it->next) {
			indent(out, depth + 2);
			json_block(out, c, it, depth + 2);
			if (it->next)
				buf_putc(out, ',');
		}
		if (n->first)
			indent(out, depth + 1);
		buf_putc(out, ']');
	}
	json_pos(out, depth + 1, &first, n);
	indent(out, depth);
	buf_putc(out, '}');
}

static void json_section(struct buf *out, const struct content *c, const struct node *sec,
			 int depth)
{
	bool first = true;
	int d = depth + 1;

	buf_putc(out, '{');
	key(out, d, &first, "id");
	esc_json_str(out, sec->id);
	key(out, d, &first, "title");
	esc_json_str(out, sec->title);
	key(out, d, &first, "depth");
	buf_printf(out, "%d", sec->depth);
	key(out, d, &first, "also_called");
	json_strv(out, &sec->also_called);
	key(out, d, &first, "see_also");
	json_strv(out, &sec->see_also);
	json_pos(out, d, &first, sec);

	key(out, d, &first, "body");
	buf_putc(out, '[');
	bool any = false;
	for (const struct node *n = sec->first; n; n = n->next) {
		if (n->type == NODE_SECTION)
			continue;
		if (any)
			buf_putc(out, ',');
		any = true;
		indent(out, d + 1);
		json_block(out, c, n, d + 1);
	}
	if (any)
		indent(out, d);
	buf_putc(out, ']');

	key(out, d, &first, "sections");
	buf_putc(out, '[');
	any = false;
	for (const struct node *n = sec->first; n; n = n->next) {
		if (n->type != NODE_SECTION)
			continue;
		if (any)
			buf_putc(out, ',');
		any = true;
		indent(out, d + 1);
		json_section(out, c, n, d + 1);
	}
	if (any)
		indent(out, d);
	buf_putc(out, ']');
	indent(out, depth);
	buf_putc(out, '}');
}

static void json_sources(struct buf *out, const struct content *c, bool *first);

void print_json(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
		const struct print_opts *o)
{
	(void)o;
	bool first = true;

	buf_putc(out, '{');
	key(out, 1, &first, "sections");
	buf_putc(out, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(out, ',');
		indent(out, 2);
		json_section(out, c, secs[i], 2);
	}
	if (n)
		indent(out, 1);
	buf_putc(out, ']');
	json_sources(out, c, &first);
}

/* Every source, cited or not, so consumers can resolve any id they meet; ends the object. */
static void json_sources(struct buf *out, const struct content *c, bool *first)
{
	key(out, 1, first, "sources");
	buf_putc(out, '[');
	for (size_t i = 0; i < c->nsources; i++) {
		const struct source *s = &c->sources[i];
		bool f = true;
		if (i)
			buf_putc(out, ',');
		indent(out, 2);
		buf_putc(out, '{');
		key(out, 3, &f, "id");
		esc_json_str(out, s->id);
		key(out, 3, &f, "num");
		buf_printf(out, "%d", s->num);
		key(out, 3, &f, "title");
		esc_json_str(out, s->title);
		key(out, 3, &f, "file");
		esc_json_str(out, s->file);
		key(out, 3, &f, "notes");
		esc_json_str(out, s->notes);
		indent(out, 2);
		buf_putc(out, '}');
	}
	if (c->nsources)
		indent(out, 1);
	buf_puts(out, "]\n}\n");
}

void print_json_urgent(struct buf *out, const struct content *c)
{
	struct sign_level lv[URG_COUNT];
	size_t nlv = content_sign_levels(c, lv);
	bool first = true;
	buf_putc(out, '{');
	key(out, 1, &first, "levels");
	buf_putc(out, '[');
	for (size_t g = 0; g < nlv; g++) {
		bool f = true;
		if (g)
			buf_putc(out, ',');
		indent(out, 2);
		buf_putc(out, '{');
		key(out, 3, &f, "level");
		esc_json_str(out, urgency_name(lv[g].level));
		key(out, 3, &f, "label");
		esc_json_str(out, urgency_label(lv[g].level));
		key(out, 3, &f, "section");
		esc_json_str(out, lv[g].home->id);
		key(out, 3, &f, "action");
		if (lv[g].action)
			json_block(out, c, lv[g].action, 3);
		else
			buf_puts(out, "null");
		key(out, 3, &f, "signs");
		buf_putc(out, '[');
		for (size_t i = 0; i < lv[g].nsigns; i++) {
			if (i)
				buf_putc(out, ',');
			indent(out, 4);
			json_block(out, c, lv[g].signs[i], 4);
		}
		indent(out, 3);
		buf_putc(out, ']');
		indent(out, 2);
		buf_putc(out, '}');
	}
	if (nlv)
		indent(out, 1);
	buf_putc(out, ']');
	json_sources(out, c, &first);
	sign_levels_free(lv, nlv);
}
