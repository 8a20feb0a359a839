/* results.c - ranked search hits with their highlighted snippets, from the search module. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../search_print.h"
#include "ui_int.h"

/* A list entry: the first link span of L at or after line from, opening target at block. */
static void add_link(struct view *v, size_t from, const struct node *target,
		     const struct node *block)
{
	for (size_t i = from; i < v->L.n; i++) {
		const struct lline *ln = &v->L.lines[i];
		for (size_t j = 0; j < ln->nspans; j++) {
			if (ln->spans[j].style != LS_LINK)
				continue;
			v->links = xgrow(v->links, v->nlinks, sizeof *v->links);
			v->links[v->nlinks++] = (struct vlink){ .line = i,
								.start = ln->spans[j].start,
								.len = ln->spans[j].len,
								.target = target,
								.block = block };
			return;
		}
	}
}

/* Emit r as lines of the results and start it afresh. */
static void add_lines(struct layout *L, struct layout_rich *r, struct layout_shape sh,
		      const struct node *node, int width)
{
	layout_emit(L, r, sh, node, node, width);
	layout_rich_free(r);
}

/* Nothing found: what to try, a "did you mean" and the closest topics. */
static void results_none(struct view *v, const struct search_result *res, int width)
{
	struct layout *L = &v->L;
	struct layout_rich r = { 0 };
	layout_blank(L, NULL);
	/* Something new since the treatment that the content does not name: the
	 * signs it does name, and what to do, come first. */
	if (res->since) {
		layout_rich_add(&r,
				"Something new since the treatment? Press ! for when to get help: "
				"every sign, and what to do.",
				-1, NULL);
		add_lines(L, &r, (struct layout_shape){ 0 }, NULL, width);
		layout_blank(L, NULL);
	}
	layout_rich_add(&r,
			"Try other words, or fewer words. Press / to search again, or t for the "
			"contents.",
			-1, NULL);
	add_lines(L, &r, (struct layout_shape){ 0 }, NULL, width);
	if (res->suggestion) {
		layout_blank(L, NULL);
		size_t first = L->n;
		layout_rich_add(&r, "Did you mean:", LS_LABEL, NULL);
		layout_rich_space(&r);
		layout_rich_line(&r, res->suggestion, LS_LINK, NULL);
		add_lines(L, &r, (struct layout_shape){ .hang = 2 }, NULL, width);
		add_link(v, first, NULL, NULL);
	}
	if (res->ntopics)
		layout_blank(L, NULL);
	for (size_t t = 0; t < res->ntopics; t++) {
		const struct node *s = res->topics[t];
		size_t first = L->n;
		if (t == 0) {
			layout_rich_add(&r, "Closest topic:", LS_LABEL, NULL);
			layout_rich_space(&r);
		}
		layout_rich_line(&r, s->title ? s->title : s->id, LS_LINK, NULL);
		add_lines(L, &r, (struct layout_shape){ .indent = t ? 15 : 0, .hang = 15 }, s,
			  width);
		add_link(v, first, s, s);
	}
}

/* One hit: its number and title, where it sits, and the snippet. */
static void results_hit(struct view *v, size_t h, const struct search_hit *hit, int width)
{
	struct layout *L = &v->L;
	struct layout_rich r = { 0 };
	const struct node *sec = hit->section;
	layout_blank(L, NULL);
	size_t first = L->n;
	buf_printf(&r.b, "%zu. ", h + 1);
	size_t num = r.b.len;
	layout_rich_line(&r, sec->title ? sec->title : sec->id, LS_LINK, NULL);
	add_lines(L, &r, (struct layout_shape){ .hang = num }, sec, width);
	add_link(v, first, sec, hit->block);
	if (sec->parent && sec->parent->type == NODE_SECTION) {
		struct buf b = { 0 };
		buf_puts(&b, "in ");
		ui_breadcrumb(&b, sec->parent);
		layout_rich_line(&r, b.s, LS_DIM, NULL);
		buf_free(&b);
		add_lines(L, &r, (struct layout_shape){ .indent = num, .hang = num + 3 }, sec,
			  width);
	}
	search_print_snippet(L, hit, num, width);
}

static void results_build(struct ui *u)
{
	struct view *v = &u->results;
	int width = ui_text_width(&u->main_r);
	const struct search_result *res = &u->res;
	struct layout_rich r = { 0 };
	struct buf b = { 0 };
	if (res->nhits)
		buf_printf(&b, "%zu %s for \"%s\"", res->nhits,
			   res->nhits == 1 ? "section" : "sections", u->rquery);
	else
		buf_printf(&b, "%s \"%s\"",
			   res->ntopics ? "Nothing here answers" : "Nothing found for", u->rquery);
	layout_rich_line(&r, b.s, LS_HEADING, NULL);
	add_lines(&v->L, &r, (struct layout_shape){ 0 }, NULL, width);
	buf_free(&b);
	if (res->corrected) {
		layout_rich_add(&r, "Showing results for:", -1, NULL);
		layout_rich_space(&r);
		layout_rich_line(&r, res->corrected, -1, NULL);
		add_lines(&v->L, &r, (struct layout_shape){ .hang = 2 }, NULL, width);
	}
	/* Beside hits or topics; alone it would only repeat the query. */
	if (res->nmissing && (res->nhits || res->ntopics)) {
		struct buf w = { 0 };
		search_put_missing(&w, res);
		layout_rich_add(&r, "Not found:", -1, NULL);
		layout_rich_space(&r);
		layout_rich_line(&r, w.s, -1, NULL);
		add_lines(&v->L, &r, (struct layout_shape){ .hang = 2 }, NULL, width);
		buf_free(&w);
	}
	if (res->nhits == 0)
		results_none(v, res, width);
	for (size_t h = 0; h < res->nhits; h++)
		results_hit(v, h, &res->hits[h], width);
}

int results_load(struct ui *u, const char *query)
{
	struct search_result res = { 0 };
	struct search_opts so = { .limit = 0,
				  .snippet_width = (size_t)ui_text_width(&u->main_r) * 2 };
	if (search_run(u->ix, query, &so, &res) < 0) {
		search_result_free(&res);
		return -1;
	}
	char *q = xstrdup(query);
	results_free(u);
	u->res = res;
	u->rquery = q;
	u->results.list = true;
	results_build(u);
	if (u->results.nlinks)
		view_select(&u->results, 0, ui_rect_lines(&u->main_r));
	return 0;
}

void results_relayout(struct ui *u)
{
	struct vpos p = view_pos(&u->results);
	size_t sel = u->results.sel;
	free(u->results.links);
	u->results.links = NULL;
	u->results.nlinks = 0;
	layout_free(&u->results.L);
	results_build(u);
	size_t h = ui_rect_lines(&u->main_r);
	view_restore(&u->results, &p, h);
	view_select(&u->results, sel, h);
}

void results_free(struct ui *u)
{
	search_result_free(&u->res);
	u->res = (struct search_result){ 0 };
	free(u->rquery);
	u->rquery = NULL;
	view_free(&u->results);
	u->results.list = true;
}

bool results_request(struct ui *u, enum request req)
{
	/* The "did you mean" entry is the one without a section: it searches again. */
	const struct vlink *l = view_chosen(&u->results);
	if (req == REQ_OPEN && l && !l->target && u->res.suggestion) {
		char *q = xstrdup(u->res.suggestion);
		ui_open_results(u, q);
		free(q);
		return true;
	}
	return ui_list_request(u, &u->results, req);
}

const char *results_status(const struct ui *u, struct buf *crumb)
{
	buf_printf(crumb, "Search: %s", u->rquery ? u->rquery : "");
	return NULL;
}
