/* help.c - every key, grouped, in a box drawn over the current screen. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "ui_int.h"

struct help_entry {
	const char *keys; /* NULL: a group heading in what */
	const char *what;
};

static const struct help_entry help_keys[] = {
	{ NULL, "Moving" },
	{ "Down Up j k", "one line down or up" },
	{ "Space PgDn", "one screen down" },
	{ "b PgUp", "one screen up" },
	{ "Ctrl-D Ctrl-U", "half a screen down or up" },
	{ "g Home", "to the top" },
	{ "G End", "to the end" },
	{ NULL, "Contents" },
	{ "Enter", "read the chosen section" },
	{ "Right l +", "show the parts of a section" },
	{ "Left h -", "hide them again" },
	{ "*", "show every part" },
	{ NULL, "Reading" },
	{ "Tab", "next link; after the last, the other pane" },
	{ "Shift-Tab", "previous link" },
	{ "Enter", "follow the chosen link" },
	{ "] [", "next or previous section" },
	{ "n N", "next or previous search match" },
	{ "Esc", "stop showing search matches" },
	{ NULL, "Going places" },
	{ "t u", "the contents" },
	{ "!", "when to get help: signs by urgency" },
	{ "/", "search all sections" },
	{ "B Backspace", "back to where you were" },
	{ "Left h", "back (in the reader)" },
	{ "F", "forward again" },
	{ "Right l", "forward (in the reader)" },
	{ "Tab", "switch between contents and text" },
	{ NULL, "Typing a search" },
	{ "Enter", "search" },
	{ "Backspace", "delete the last letter" },
	{ "Ctrl-U", "delete everything typed" },
	{ "Ctrl-W", "delete the last word" },
	{ "Esc", "cancel" },
	{ NULL, "Mouse" },
	{ "click", "choose and open" },
	{ "wheel", "scroll" },
	{ NULL, "Other" },
	{ "? F1", "this help" },
	{ "Esc q", "close this help" },
	{ "Ctrl-L", "draw the screen again" },
	{ "q", "quit" },
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

void help_layout(struct ui *u)
{
	layout_free(&u->help_L);
	int bw = u->cols >= 30 ? (u->cols - 4 < 64 ? u->cols - 4 : 64) : u->cols;
	int w = bw - 4 > 1 ? bw - 4 : 1;
	u->help_width = w;
	int kw = 0;
	for (size_t i = 0; i < sizeof help_keys / sizeof help_keys[0]; i++)
		if (help_keys[i].keys && (int)strlen(help_keys[i].keys) > kw)
			kw = (int)strlen(help_keys[i].keys);
	/* Narrow boxes put the description under the keys instead of beside them. */
	bool beside = w >= kw + 2 + 16;
	struct layout *L = &u->help_L;
	struct buf b = { 0 };
	for (size_t i = 0; i < sizeof help_keys / sizeof help_keys[0]; i++) {
		const struct help_entry *e = &help_keys[i];
		if (!e->keys) {
			if (L->n)
				ui_add_line(L, "", 0, NULL, NULL);
			struct lline *ln = ui_add_line(L, e->what, strlen(e->what), NULL, NULL);
			ui_add_span(ln, 0, ln->len, LS_HEADING, NULL);
			continue;
		}
		size_t klen = strlen(e->keys);
		if (beside) {
			buf_reset(&b);
			buf_puts(&b, e->keys);
			buf_repeat(&b, ' ', (size_t)kw + 2 - klen);
			buf_puts(&b, e->what);
			size_t first = ui_add_wrapped(L, b.s, 0, kw + 2, w, NULL, NULL);
			ui_add_span(&L->lines[first], 0, klen, LS_LABEL, NULL);
		} else {
			size_t first = ui_add_wrapped(L, e->keys, 0, 0, w, NULL, NULL);
			ui_add_span(&L->lines[first], 0, L->lines[first].len, LS_LABEL, NULL);
			ui_add_wrapped(L, e->what, 2, 2, w, NULL, NULL);
		}
	}
	buf_free(&b);
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

bool help_key(struct ui *u, struct ui_key k)
{
	struct rect box = help_box(u), in = help_inner(&box);
	size_t h = ui_rect_lines(&in), n = u->help_L.n;
	size_t max = n > h ? n - h : 0;
	long d = 0;
	if (k.is_key) {
		switch (k.ch) {
		case KEY_UP:
			d = -1;
			break;
		case KEY_DOWN:
			d = 1;
			break;
		case KEY_PPAGE:
			d = -(long)h;
			break;
		case KEY_NPAGE:
			d = (long)h;
			break;
		case KEY_HOME:
			u->help_top = 0;
			return true;
		case KEY_END:
			u->help_top = max;
			return true;
		case KEY_F(1):
			u->help = false;
			return true;
		default:
			return true;
		}
	} else {
		switch (k.ch) {
		case 27:
		case 'q':
		case 'Q':
		case '?':
		case '\r':
		case '\n':
			u->help = false;
			return true;
		case 'k':
			d = -1;
			break;
		case 'j':
			d = 1;
			break;
		case 'b':
			d = -(long)h;
			break;
		case ' ':
			d = (long)h;
			break;
		case 'g':
			u->help_top = 0;
			return true;
		case 'G':
			u->help_top = max;
			return true;
		default:
			return true;
		}
	}
	if (d < 0)
		u->help_top = (size_t)-d > u->help_top ? 0 : u->help_top - (size_t)-d;
	else
		u->help_top = u->help_top + (size_t)d > max ? max : u->help_top + (size_t)d;
	return true;
}
