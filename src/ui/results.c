/* results.c - ranked search hits with their highlighted snippets, from the search module. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "ui_int.h"

static int results_width(const struct ui *u)
{
	return ui_text_width(&u->main_r);
}

static void add_link(struct view *v, size_t line, size_t start, size_t len,
		     const struct node *target, const struct node *block)
{
	v->links = xgrow(v->links, v->nlinks, sizeof *v->links);
	v->links[v->nlinks++] = (struct vlink){
		.line = line, .start = start, .len = len, .target = target, .block = block
	};
}

/* The snippet, wrapped under the title, with the search module's marks as match spans. */
static void add_snippet(struct layout *L, const struct search_hit *hit, int indent, int width)
{
	const char *s = hit->snippet ? hit->snippet : "";
	size_t len = strlen(s);
	struct text_line *tl = NULL;
	int w = width - indent > 1 ? width - indent : 1;
	size_t n = text_wrap(s, len, (size_t)w, (size_t)w, &tl);
	struct buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (tl[i].len == 0 && n == 1)
			break;
		buf_reset(&b);
		buf_repeat(&b, ' ', (size_t)indent);
		buf_add(&b, s + tl[i].start, tl[i].len);
		struct lline *ln = ui_add_line(L, b.s, b.len, hit->block, hit->section);
		size_t ls = tl[i].start, le = tl[i].start + tl[i].len;
		for (size_t m = 0; m < hit->nmarks; m++) {
			size_t ms = hit->marks[m].start, me = ms + hit->marks[m].len;
			if (me <= ls || ms >= le)
				continue;
			size_t a = ms > ls ? ms : ls, z = me < le ? me : le;
			ui_add_span(ln, (size_t)indent + a - ls, z - a, LS_MATCH, NULL);
		}
	}
	free(tl);
	buf_free(&b);
}

static void results_build(struct ui *u)
{
	struct view *v = &u->rs;
	struct layout *L = &v->L;
	int width = results_width(u);
	const struct search_result *res = &u->res;
	struct buf b = { 0 };
	if (res->nhits)
		buf_printf(&b, "%zu %s for \"%s\"", res->nhits,
			   res->nhits == 1 ? "section" : "sections", u->rquery);
	else
		buf_printf(&b, "Nothing found for \"%s\"", u->rquery);
	size_t first = ui_add_wrapped(L, b.s, 0, 0, width, NULL, NULL);
	for (size_t i = first; i < L->n; i++)
		ui_add_span(&L->lines[i], 0, L->lines[i].len, LS_HEADING, NULL);
	if (res->nhits == 0) {
		ui_add_line(L, "", 0, NULL, NULL);
		ui_add_wrapped(
			L,
			"Try other words, or fewer words. Press / to search again, or t for the "
			"contents.",
			0, 0, width, NULL, NULL);
		if (res->suggestion) {
			ui_add_line(L, "", 0, NULL, NULL);
			buf_reset(&b);
			buf_printf(&b, "Did you mean: %s", res->suggestion);
			first = ui_add_wrapped(L, b.s, 0, 2, width, NULL, NULL);
			ui_add_span(&L->lines[first], 0, 13, LS_LABEL, NULL);
			size_t at = L->lines[first].len > 14 ? 14 : L->lines[first].len;
			ui_add_span(&L->lines[first], at, L->lines[first].len - at, LS_LINK, NULL);
			add_link(v, first, at, L->lines[first].len - at, NULL, NULL);
		}
		buf_free(&b);
		return;
	}
	for (size_t h = 0; h < res->nhits; h++) {
		const struct search_hit *hit = &res->hits[h];
		ui_add_line(L, "", 0, NULL, NULL);
		buf_reset(&b);
		buf_printf(&b, "%zu. ", h + 1);
		size_t num = b.len;
		buf_puts(&b, hit->section->title ? hit->section->title : hit->section->id);
		first = ui_add_wrapped(L, b.s, 0, (int)num, width, hit->section, hit->section);
		for (size_t i = first; i < L->n; i++) {
			size_t at = L->lines[i].len > num ? num : L->lines[i].len;
			ui_add_span(&L->lines[i], at, L->lines[i].len - at, LS_LINK, NULL);
		}
		add_link(v, first, num, L->lines[first].len - num, hit->section, hit->block);
		const struct node *parent = hit->section->parent;
		if (parent && parent->type == NODE_SECTION) {
			buf_reset(&b);
			buf_puts(&b, "in ");
			ui_breadcrumb(&b, parent);
			size_t f2 = ui_add_wrapped(L, b.s, (int)num, (int)num + 3, width,
						   hit->section, hit->section);
			for (size_t i = f2; i < L->n; i++)
				ui_add_span(&L->lines[i], 0, L->lines[i].len, LS_DIM, NULL);
		}
		add_snippet(L, hit, (int)num, width);
	}
	buf_free(&b);
}

int results_load(struct ui *u, const char *query)
{
	struct search_result res = { 0 };
	struct search_opts so = { .limit = 0, .snippet_width = (size_t)results_width(u) * 2 };
	if (search_run(u->ix, query, &so, &res) < 0) {
		search_result_free(&res);
		return -1;
	}
	char *q = xstrdup(query);
	results_free(u);
	u->res = res;
	u->rquery = q;
	u->rs.list = true;
	results_build(u);
	if (u->rs.nlinks)
		view_select(&u->rs, 0, ui_rect_lines(&u->main_r));
	return 0;
}

void results_relayout(struct ui *u)
{
	struct vpos p = view_pos(&u->rs);
	size_t sel = u->rs.sel;
	free(u->rs.links);
	u->rs.links = NULL;
	u->rs.nlinks = 0;
	layout_free(&u->rs.L);
	results_build(u);
	size_t h = ui_rect_lines(&u->main_r);
	view_restore(&u->rs, &p, h);
	view_select(&u->rs, sel, h);
}

void results_free(struct ui *u)
{
	search_result_free(&u->res);
	u->res = (struct search_result){ 0 };
	free(u->rquery);
	u->rquery = NULL;
	view_free(&u->rs);
	u->rs.list = true;
}

void results_draw(const struct ui *u, bool focused)
{
	view_draw(u, &u->rs, &u->main_r, focused);
}

bool results_request(struct ui *u, enum request req)
{
	struct view *v = &u->rs;
	if (view_request(v, req, ui_rect_lines(&u->main_r)))
		return true;
	const struct vlink *l = view_chosen(v);
	if (req != REQ_OPEN || l == NULL)
		return false;
	if (l->target) {
		ui_open_section(u, l->target, l->block);
	} else if (u->res.suggestion) {
		char *q = xstrdup(u->res.suggestion);
		ui_open_results(u, q);
		free(q);
	}
	return true;
}

void results_status(const struct ui *u, struct buf *crumb, char *pct, size_t pctsz)
{
	buf_printf(crumb, "Search: %s", u->rquery ? u->rquery : "");
	view_percent(&u->rs, ui_rect_lines(&u->main_r), pct, pctsz);
}
