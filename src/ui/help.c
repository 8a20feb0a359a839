/* help.c - every key, grouped, in a box drawn over the current screen. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "ui_int.h"

/* The help screen lists the key tables in this order: where the reader is most of the time
 * first. The mouse is not a key, so it has two lines of its own at the end. */
static const enum keymap_ctx help_order[] = {
	KM_GLOBAL, KM_READER, KM_CONTENTS, KM_LIST, KM_PROMPT, KM_HELP,
};
enum {
	HELP_NCTX = sizeof help_order / sizeof help_order[0]
};

/* The screen under the help comes first: its keys are the ones wanted now. */
static void help_contexts(const struct ui *u, enum keymap_ctx out[HELP_NCTX])
{
	enum keymap_ctx now = u->focus == PANE_TOC      ? KM_CONTENTS
			      : u->screen == SCR_READER ? KM_READER
							: KM_LIST;
	size_t n = 0;
	out[n++] = now;
	for (size_t i = 0; i < HELP_NCTX; i++)
		if (help_order[i] != now)
			out[n++] = help_order[i];
}

static const char *const help_mouse[][2] = {
	{ "click", "choose and open" },
	{ "wheel", "scroll the text under it" },
};

/* The box: centred over the text area, as large as the terminal allows. */
static struct rect help_box(const struct ui *u)
{
	int bh = u->rows - 2, w = u->cols;
	struct rect r = { .y = 0, .x = 0, .h = bh, .w = w };
	if (w >= 30) {
		r.w = w - 4 < 64 ? w - 4 : 64;
		r.x = (w - r.w) / 2;
	}
	int want = (int)u->help_L.n + 2;
	if (bh >= 8 && want < bh) {
		r.h = want;
		r.y = (bh - want) / 2;
	}
	return r;
}

/* Whether the box has room for its border. */
static bool help_framed(const struct rect *b)
{
	return b->h >= 3 && b->w >= 6;
}

/* Text area inside the border. */
static struct rect help_inner(const struct rect *b)
{
	if (!help_framed(b))
		return *b;
	return (struct rect){ .y = b->y + 1, .x = b->x + 2, .h = b->h - 2, .w = b->w - 4 };
}

/* One entry: keys and what they do, beside each other when there is room, else one under
 * the other. */
static void help_entry(struct layout *L, const char *keys, const char *what, int kw, int w,
		       bool beside)
{
	struct layout_rich r = { 0 };
	size_t klen = strlen(keys);
	layout_rich_line(&r, keys, LS_LABEL, NULL);
	if (beside) {
		buf_repeat(&r.b, ' ', (size_t)kw + 2 - (klen < (size_t)kw ? klen : (size_t)kw));
		layout_rich_line(&r, what, -1, NULL);
		layout_emit(L, &r, (struct layout_shape){ .hang = (size_t)kw + 2 }, NULL, NULL, w);
	} else {
		layout_emit(L, &r, (struct layout_shape){ 0 }, NULL, NULL, w);
		layout_rich_free(&r);
		layout_rich_line(&r, what, -1, NULL);
		layout_emit(L, &r, (struct layout_shape){ .indent = 2, .hang = 2 }, NULL, NULL, w);
	}
	layout_rich_free(&r);
}

static void help_heading(struct layout *L, const char *title)
{
	struct layout_rich r = { 0 };
	if (L->n)
		layout_blank(L, NULL);
	layout_rich_line(&r, title, LS_HEADING, NULL);
	/* Not wrapped: a box too narrow for a heading cuts it short. */
	layout_emit(L, &r, (struct layout_shape){ 0 }, NULL, NULL, INT_MAX);
	layout_rich_free(&r);
}

void help_layout(struct ui *u)
{
	layout_free(&u->help_L);
	int bw = u->cols >= 30 ? (u->cols - 4 < 64 ? u->cols - 4 : 64) : u->cols;
	int w = bw - 4 > 1 ? bw - 4 : 1;
	struct buf keys = { 0 };
	int kw = 0;
	enum keymap_ctx order[HELP_NCTX];
	help_contexts(u, order);
	for (size_t c = 0; c < HELP_NCTX; c++) {
		size_t n;
		const struct binding *t = keymap_table(order[c], &n);
		for (size_t i = 0; i < n; i++) {
			buf_reset(&keys);
			keymap_keys(&keys, &t[i], " ");
			if ((int)keys.len > kw)
				kw = (int)keys.len;
		}
	}
	/* Long key lists wrap rather than push every description far right. */
	if (kw > 18)
		kw = 18;
	/* Narrow boxes put the description under the keys instead of beside them. */
	bool beside = w >= kw + 2 + 16;
	struct layout *L = &u->help_L;
	for (size_t c = 0; c < HELP_NCTX; c++) {
		size_t n;
		const struct binding *t = keymap_table(order[c], &n);
		help_heading(L, keymap_title(order[c]));
		for (size_t i = 0; i < n; i++) {
			buf_reset(&keys);
			keymap_keys(&keys, &t[i], " ");
			help_entry(L, keys.s, t[i].help, kw, w, beside && (int)keys.len <= kw);
		}
	}
	help_heading(L, "Mouse");
	for (size_t i = 0; i < sizeof help_mouse / sizeof help_mouse[0]; i++)
		help_entry(L, help_mouse[i][0], help_mouse[i][1], kw, w, beside);
	buf_free(&keys);
	struct rect box = help_box(u), in = help_inner(&box);
	size_t h = ui_rect_lines(&in);
	if (u->help_top + h > L->n)
		u->help_top = L->n > h ? L->n - h : 0;
}

void help_draw(const struct ui *u)
{
	struct rect b = help_box(u), in = help_inner(&b);
	/* Without room for a border the keys fill the text area alone. */
	if (help_framed(&b)) {
		for (int y = b.y; y < b.y + b.h; y++)
			ui_fill(u, y, b.x, b.w, ROLE_NORMAL);
		ui_hline(u, b.y, b.x + 1, b.w - 2);
		ui_hline(u, b.y + b.h - 1, b.x + 1, b.w - 2);
		ui_vline(u, b.y + 1, b.x, b.h - 2);
		ui_vline(u, b.y + 1, b.x + b.w - 1, b.h - 2);
		ui_corner(u, b.y, b.x, 0);
		ui_corner(u, b.y, b.x + b.w - 1, 1);
		ui_corner(u, b.y + b.h - 1, b.x, 2);
		ui_corner(u, b.y + b.h - 1, b.x + b.w - 1, 3);
		ui_draw_text(u, b.y, b.x + 2, b.w - 4, " Keys ", 6, ROLE_HEADING);
	}
	size_t h = ui_rect_lines(&in);
	for (size_t row = 0; row < h; row++) {
		size_t i = u->help_top + row;
		ui_fill(u, in.y + (int)row, in.x, in.w, ROLE_NORMAL);
		if (i < u->help_L.n)
			ui_draw_lline(u, in.y + (int)row, in.x, in.w, &u->help_L.lines[i], NULL, 0,
				      false, 0, 0);
	}
	if (help_framed(&b) && u->help_L.n > h) {
		char more[32];
		size_t end = u->help_top + h;
		snprintf(more, sizeof more, " %zu%% ",
			 (end > u->help_L.n ? u->help_L.n : end) * 100 / u->help_L.n);
		int len = (int)strlen(more);
		ui_draw_text(u, b.y + b.h - 1, b.x + b.w - 2 - len, len, more, (size_t)len,
			     ROLE_BORDER);
	}
	move(in.y, in.x);
}

bool help_request(struct ui *u, enum request req)
{
	struct rect box = help_box(u), in = help_inner(&box);
	size_t h = ui_rect_lines(&in), n = u->help_L.n;
	size_t max = n > h ? n - h : 0;
	long d = 0;
	switch (req) {
	case REQ_CLOSE:
		u->help = false;
		return true;
	case REQ_LINE_UP:
		d = -1;
		break;
	case REQ_LINE_DOWN:
		d = 1;
		break;
	case REQ_PAGE_UP:
		d = -(long)h;
		break;
	case REQ_PAGE_DOWN:
		d = (long)h;
		break;
	case REQ_TOP:
		u->help_top = 0;
		return true;
	case REQ_END:
		u->help_top = max;
		return true;
	default:
		return false;
	}
	if (d < 0)
		u->help_top = (size_t)-d > u->help_top ? 0 : u->help_top - (size_t)-d;
	else
		u->help_top = u->help_top + (size_t)d > max ? max : u->help_top + (size_t)d;
	return true;
}
