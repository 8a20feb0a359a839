/* view.c - a scrolling view over layout lines: links, search matches and reading position. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "ui_int.h"

static void view_free_marks(struct view *v)
{
	if (v->marks) {
		for (size_t i = 0; i < v->L.n; i++)
			free(v->marks[i]);
	}
	free(v->marks);
	free(v->nmarks);
	v->marks = NULL;
	v->nmarks = NULL;
	v->nmatch_lines = 0;
	v->cur = VIEW_NONE;
}

void view_free(struct view *v)
{
	view_free_marks(v);
	layout_free(&v->L);
	free(v->links);
	*v = (struct view){ .sel = VIEW_NONE, .cur = VIEW_NONE, .list = v->list };
}

void view_collect_links(struct view *v)
{
	free(v->links);
	v->links = NULL;
	v->nlinks = 0;
	size_t cap = 0;
	for (size_t i = 0; i < v->L.n; i++) {
		const struct lline *ln = &v->L.lines[i];
		for (size_t j = 0; j < ln->nspans; j++) {
			const struct lspan *sp = &ln->spans[j];
			if (sp->style != LS_LINK || !sp->target)
				continue;
			if (v->nlinks == cap) {
				cap = cap ? cap * 2 : 8;
				v->links = xreallocarray(v->links, cap, sizeof *v->links);
			}
			v->links[v->nlinks++] = (struct vlink){
				.line = i, .start = sp->start, .len = sp->len, .target = sp->target
			};
		}
	}
	v->sel = VIEW_NONE;
}

void view_set_matches(struct view *v, const struct search_index *ix, const char *query)
{
	view_free_marks(v);
	if (!query || !*query || !ix || v->L.n == 0)
		return;
	v->marks = xcalloc(v->L.n, sizeof *v->marks);
	v->nmarks = xcalloc(v->L.n, sizeof *v->nmarks);
	for (size_t i = 0; i < v->L.n; i++) {
		const struct lline *ln = &v->L.lines[i];
		if (ln->len == 0)
			continue;
		v->nmarks[i] = search_match_text(ix, query, ln->text, ln->len, &v->marks[i]);
		if (v->nmarks[i] == 0) {
			free(v->marks[i]);
			v->marks[i] = NULL;
		} else {
			v->nmatch_lines++;
		}
	}
}

size_t view_max_top(const struct view *v, size_t h)
{
	return v->L.n > h ? v->L.n - h : 0;
}

void view_scroll(struct view *v, long delta, size_t h)
{
	size_t max = view_max_top(v, h);
	if (delta < 0 && (size_t)-delta > v->top)
		v->top = 0;
	else
		v->top += (size_t)delta;
	if (v->top > max)
		v->top = max;
}

void view_show_line(struct view *v, size_t i, size_t h)
{
	if (h == 0 || i >= v->L.n)
		return;
	if (i >= v->top && i < v->top + h)
		return;
	/* Keep a third of the screen above the line so the reader sees where it sits. */
	size_t ctx = h / 3;
	v->top = i > ctx ? i - ctx : 0;
	if (v->top > view_max_top(v, h))
		v->top = view_max_top(v, h);
}

/* The last line belonging to link i: up to the line before the next link (list mode) or itself. */
static size_t link_last_line(const struct view *v, size_t i)
{
	if (!v->list)
		return v->links[i].line;
	size_t end = i + 1 < v->nlinks ? v->links[i + 1].line : v->L.n;
	size_t last = end > v->links[i].line + 1 ? end - 1 : v->links[i].line;
	/* Do not count trailing blank lines as part of the entry. */
	while (last > v->links[i].line && v->L.lines[last].len == 0)
		last--;
	return last;
}

void view_select(struct view *v, size_t i, size_t h)
{
	if (i >= v->nlinks) {
		v->sel = VIEW_NONE;
		return;
	}
	v->sel = i;
	if (h == 0)
		return;
	size_t first = v->links[i].line, last = link_last_line(v, i);
	if (v->list && i == 0) {
		/* Show the heading lines above the first entry too. */
		first = 0;
	}
	if (last - first + 1 > h)
		last = first + h - 1;
	if (first < v->top)
		v->top = first;
	else if (last >= v->top + h)
		v->top = last - h + 1;
}

size_t view_find_node(const struct view *v, const struct node *n)
{
	if (!n)
		return VIEW_NONE;
	for (size_t i = 0; i < v->L.n; i++) {
		for (const struct node *p = v->L.lines[i].node; p; p = p->parent) {
			if (p == n)
				return i;
			if (p->type == NODE_SECTION)
				break;
		}
	}
	return VIEW_NONE;
}

struct vpos view_pos(const struct view *v)
{
	struct vpos p = { .line = v->top, .sel_raw = VIEW_NONE };
	size_t i = v->top;
	while (i < v->L.n && !v->L.lines[i].node)
		i++;
	if (i < v->L.n) {
		const struct node *n = v->L.lines[i].node;
		size_t first = i;
		while (first > 0 && v->L.lines[first - 1].node == n)
			first--;
		p.node = n;
		p.into_node = i - first;
		p.from_top = i - v->top;
	}
	if (v->sel != VIEW_NONE && !v->links[v->sel].target)
		p.sel_raw = v->sel; /* a reference: found again by its place in the list */
	if (v->sel != VIEW_NONE) {
		p.sel = v->links[v->sel].target;
		for (size_t j = 0; j < v->sel; j++)
			if (v->links[j].target == p.sel)
				p.sel_index++;
	}
	return p;
}

void view_restore(struct view *v, const struct vpos *p, size_t h)
{
	size_t top = p->line;
	if (p->node) {
		size_t i = 0;
		while (i < v->L.n && v->L.lines[i].node != p->node)
			i++;
		if (i < v->L.n) {
			size_t k = p->into_node;
			while (k > 0 && i + 1 < v->L.n && v->L.lines[i + 1].node == p->node) {
				i++;
				k--;
			}
			top = i > p->from_top ? i - p->from_top : 0;
		}
	}
	v->top = top;
	if (v->top > view_max_top(v, h))
		v->top = view_max_top(v, h);
	v->sel = VIEW_NONE;
	if (!p->sel && p->sel_raw < v->nlinks && !v->links[p->sel_raw].target)
		v->sel = p->sel_raw;
	if (p->sel) {
		size_t seen = 0;
		for (size_t j = 0; j < v->nlinks; j++) {
			if (v->links[j].target != p->sel)
				continue;
			v->sel = j;
			if (seen++ == p->sel_index)
				break;
		}
	}
}

void ui_percent(size_t top, size_t h, size_t total, char *out, size_t outsz)
{
	if (total <= h)
		snprintf(out, outsz, "All");
	else if (top == 0)
		snprintf(out, outsz, "Top");
	else if (top + h >= total)
		snprintf(out, outsz, "End");
	else
		snprintf(out, outsz, "%zu%%", (top + h) * 100 / total);
}

bool view_next_match(struct view *v, int dir, size_t h, bool *wrapped)
{
	*wrapped = false;
	if (v->nmatch_lines == 0)
		return false;
	size_t n = v->L.n;
	/* Start after the current match, or at the edge of what is on screen. */
	size_t start;
	bool from_cur = v->cur != VIEW_NONE && v->cur >= v->top && v->cur < v->top + h;
	if (from_cur)
		start = dir > 0 ? (v->cur + 1) % n : (v->cur + n - 1) % n;
	else if (dir > 0)
		start = v->top < n ? v->top : 0;
	else
		start = (v->top + h < n ? v->top + h : n) - 1;
	for (size_t step = 0; step < n; step++) {
		size_t i = dir > 0 ? (start + step) % n : (start + n - step) % n;
		if (v->nmarks[i] == 0)
			continue;
		if (from_cur)
			*wrapped = dir > 0 ? i <= v->cur : i >= v->cur;
		else
			*wrapped = dir > 0 ? i < start : i > start;
		v->cur = i;
		view_show_line(v, i, h);
		return true;
	}
	return false;
}

static bool link_on_screen(const struct view *v, size_t i, const struct rect *r)
{
	size_t line = v->links[i].line;
	return line >= v->top && line < v->top + ui_rect_lines(r);
}

void view_draw(const struct ui *u, const struct view *v, const struct rect *r, bool focused)
{
	size_t h = ui_rect_lines(r);
	/* Text gets one column of margin on each side when there is room for it. */
	int mx = ui_margin(r);
	for (size_t row = 0; row < h; row++) {
		size_t i = v->top + row;
		int y = r->y + (int)row;
		ui_fill(u, y, r->x, r->w, ROLE_NORMAL);
		if (i >= v->L.n)
			continue;
		const struct lline *ln = &v->L.lines[i];
		size_t ss = 0, sl = 0;
		if (v->sel != VIEW_NONE && v->links[v->sel].line == i && focused) {
			ss = v->links[v->sel].start;
			sl = v->links[v->sel].len;
		}
		ui_draw_lline(u, y, r->x + mx, ui_pane_width(r), ln, v->marks ? v->marks[i] : NULL,
			      v->nmarks ? v->nmarks[i] : 0, v->cur == i, ss, sl);
		if (v->list && v->sel != VIEW_NONE && v->links[v->sel].line == i && mx)
			ui_draw_text(u, y, r->x, 1, ">", 1, focused ? ROLE_LINK_SEL : ROLE_NORMAL);
	}
}

void view_cursor(const struct ui *u, const struct view *v, const struct rect *r, int *y, int *x)
{
	(void)u;
	int mx = ui_margin(r);
	*y = r->y;
	*x = r->x + mx;
	size_t line = VIEW_NONE, byte = 0;
	if (v->sel != VIEW_NONE && link_on_screen(v, v->sel, r)) {
		line = v->links[v->sel].line;
		byte = v->links[v->sel].start;
	} else if (v->cur != VIEW_NONE && v->cur >= v->top && v->cur < v->top + ui_rect_lines(r)) {
		line = v->cur;
		byte = v->nmarks[line] ? v->marks[line][0].start : 0;
	}
	if (line == VIEW_NONE)
		return;
	const struct lline *ln = &v->L.lines[line];
	if (byte > ln->len)
		byte = ln->len;
	size_t col = text_width(ln->text, byte);
	*y = r->y + (int)(line - v->top);
	if (col >= (size_t)ui_pane_width(r))
		col = (size_t)ui_pane_width(r) - 1;
	*x = r->x + mx + (int)col;
}

size_t view_link_at(const struct view *v, const struct rect *r, int y, int x)
{
	if (y < r->y || x < r->x || y >= r->y + (int)ui_rect_lines(r) || x >= r->x + r->w)
		return VIEW_NONE;
	size_t line = v->top + (size_t)(y - r->y);
	int mx = ui_margin(r);
	for (size_t i = 0; i < v->nlinks; i++) {
		const struct vlink *l = &v->links[i];
		if (v->list) {
			/* A click anywhere on a list entry picks it. */
			if (line >= l->line && line <= link_last_line(v, i))
				return i;
			continue;
		}
		if (l->line != line)
			continue;
		const struct lline *ln = &v->L.lines[line];
		int c0 = r->x + mx + (int)text_width(ln->text, l->start);
		int c1 = c0 + (int)text_width(ln->text + l->start, l->len);
		if (x >= c0 && x < c1)
			return i;
	}
	return VIEW_NONE;
}

/* The next link after (dir 1) or before (dir -1) the selection; when nothing is selected,
 * the first one on screen in that direction. VIEW_NONE when there is none. */
static size_t next_link(const struct view *v, int dir, size_t h)
{
	if (v->nlinks == 0)
		return VIEW_NONE;
	if (v->sel != VIEW_NONE) {
		if (dir > 0)
			return v->sel + 1 < v->nlinks ? v->sel + 1 : VIEW_NONE;
		return v->sel > 0 ? v->sel - 1 : VIEW_NONE;
	}
	if (dir > 0) {
		for (size_t i = 0; i < v->nlinks; i++)
			if (v->links[i].line >= v->top)
				return i;
		return VIEW_NONE;
	}
	for (size_t i = v->nlinks; i-- > 0;)
		if (v->links[i].line < v->top + h)
			return i;
	return VIEW_NONE;
}

/* Tab and Shift-Tab: choose the next or previous link; false when there is none,
 * so the dispatcher can switch panes instead. */
static bool cycle_link(struct view *v, int dir, size_t h)
{
	size_t i = next_link(v, dir, h);
	if (i == VIEW_NONE)
		return false;
	view_select(v, i, h);
	return true;
}

bool view_request(struct view *v, enum request req, size_t h)
{
	long page = h > 1 ? (long)h - 1 : 1;
	switch (req) {
	case REQ_NEXT_LINK:
		return cycle_link(v, 1, h);
	case REQ_PREV_LINK:
		return cycle_link(v, -1, h);
	case REQ_LINE_UP:
	case REQ_LINE_DOWN:
	case REQ_PAGE_UP:
	case REQ_PAGE_DOWN:
	case REQ_HALF_UP:
	case REQ_HALF_DOWN:
	case REQ_TOP:
	case REQ_END:
		break;
	default:
		return false;
	}
	if (v->list && v->nlinks > 0) {
		/* Lists move the selection; paging moves it by about a screen of entries. */
		size_t s = v->sel == VIEW_NONE ? 0 : v->sel, n = v->nlinks;
		size_t per = 1;
		if (req == REQ_PAGE_UP || req == REQ_PAGE_DOWN || req == REQ_HALF_UP ||
		    req == REQ_HALF_DOWN) {
			size_t lines = v->L.n / n ? v->L.n / n : 1;
			per = (size_t)page / lines;
			if (req == REQ_HALF_UP || req == REQ_HALF_DOWN)
				per /= 2;
			if (per == 0)
				per = 1;
		}
		switch (req) {
		case REQ_LINE_UP:
		case REQ_PAGE_UP:
		case REQ_HALF_UP:
			s = s > per ? s - per : 0;
			break;
		case REQ_TOP:
			s = 0;
			break;
		case REQ_END:
			s = n - 1;
			break;
		default:
			s = s + per < n ? s + per : n - 1;
			break;
		}
		view_select(v, s, h);
		if (req == REQ_TOP)
			v->top = 0;
		return true;
	}
	switch (req) {
	case REQ_LINE_UP:
		view_scroll(v, -1, h);
		break;
	case REQ_LINE_DOWN:
		view_scroll(v, 1, h);
		break;
	case REQ_PAGE_UP:
		view_scroll(v, -page, h);
		break;
	case REQ_PAGE_DOWN:
		view_scroll(v, page, h);
		break;
	case REQ_HALF_UP:
		view_scroll(v, -(long)(h / 2 ? h / 2 : 1), h);
		break;
	case REQ_HALF_DOWN:
		view_scroll(v, (long)(h / 2 ? h / 2 : 1), h);
		break;
	case REQ_TOP:
		v->top = 0;
		break;
	default: /* REQ_END */
		v->top = view_max_top(v, h);
		break;
	}
	/* A selection that scrolled out of sight no longer holds focus. */
	if (v->sel != VIEW_NONE &&
	    (v->links[v->sel].line < v->top || v->links[v->sel].line >= v->top + h))
		v->sel = VIEW_NONE;
	return true;
}

const struct vlink *view_chosen(const struct view *v)
{
	return v->sel != VIEW_NONE ? &v->links[v->sel] : NULL;
}
