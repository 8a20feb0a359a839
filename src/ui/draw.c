/* draw.c - drawing: colours and attributes, text and layout lines clipped to a width, box
 * lines, and the frame around the screens: the status line, the key hints or the prompt on
 * the bottom line, and where the terminal cursor rests. Nothing here changes the UI state. */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../text.h"
#include "ui_int.h"

/* ---- colours and attributes ---- */

struct role_style {
	attr_t mono;  /* attributes without colour */
	attr_t color; /* attributes with colour */
	short fg, bg; /* -1: the terminal's default */
};

static const struct role_style role_styles[ROLE_COUNT] = {
	[ROLE_NORMAL] = { 0, 0, -1, -1 },
	[ROLE_HEADING] = { A_BOLD, A_BOLD, COLOR_CYAN, -1 },
	[ROLE_QUESTION] = { A_BOLD, A_BOLD, -1, -1 },
	[ROLE_TERM] = { A_BOLD, A_BOLD, -1, -1 },
	[ROLE_URG_EMERGENCY] = { A_BOLD | A_REVERSE, A_BOLD, COLOR_WHITE, COLOR_RED },
	[ROLE_URG_CALL] = { A_BOLD | A_UNDERLINE, A_BOLD, COLOR_RED, -1 },
	[ROLE_URG_WATCH] = { A_BOLD, A_BOLD, COLOR_YELLOW, -1 },
	[ROLE_URG_EXPECTED] = { A_BOLD, 0, COLOR_GREEN, -1 },
	[ROLE_LABEL] = { A_BOLD, A_BOLD, COLOR_MAGENTA, -1 },
	[ROLE_SOURCE] = { A_DIM, 0, COLOR_BLUE, -1 },
	[ROLE_LINK] = { A_UNDERLINE, A_UNDERLINE, COLOR_CYAN, -1 },
	[ROLE_LINK_SEL] = { A_REVERSE | A_BOLD, A_REVERSE | A_BOLD, COLOR_CYAN, -1 },
	[ROLE_MATCH] = { A_REVERSE, 0, COLOR_BLACK, COLOR_YELLOW },
	[ROLE_MATCH_CUR] = { A_REVERSE | A_BOLD, A_BOLD, COLOR_BLACK, COLOR_GREEN },
	[ROLE_DIM] = { A_DIM, A_DIM, -1, -1 },
	[ROLE_STATUS] = { A_REVERSE, A_REVERSE, -1, -1 },
	[ROLE_STATUS_KEY] = { A_BOLD, A_BOLD, -1, -1 },
	[ROLE_CURSOR] = { A_REVERSE, A_REVERSE, -1, -1 },
	[ROLE_CURSOR_IDLE] = { A_BOLD, A_BOLD, -1, -1 },
	[ROLE_BORDER] = { 0, 0, COLOR_CYAN, -1 },
	[ROLE_NOTICE] = { A_BOLD, A_BOLD, COLOR_YELLOW, -1 },
	[ROLE_ERROR] = { A_BOLD, A_BOLD, COLOR_RED, -1 },
};

void ui_colors(struct ui *u, enum ui_color want)
{
	bool color = want != UI_COLOR_NEVER && has_colors();
	bool deflt = false;
	if (color) {
		color = start_color() == OK;
		deflt = color && use_default_colors() == OK;
	}
	for (int i = 0; i < ROLE_COUNT; i++) {
		const struct role_style *s = &role_styles[i];
		u->role[i].attr = color ? s->color : s->mono;
		u->role[i].pair = 0;
		if (!color || (s->fg < 0 && s->bg < 0))
			continue;
		short fg = s->fg, bg = s->bg;
		if (!deflt) {
			fg = fg < 0 ? COLOR_WHITE : fg;
			bg = bg < 0 ? COLOR_BLACK : bg;
		}
		if (i + 1 < COLOR_PAIRS && init_pair((short)(i + 1), fg, bg) == OK)
			u->role[i].pair = (short)(i + 1);
		else
			u->role[i].attr = s->mono;
	}
}

/* ---- drawing helpers ---- */

int ui_margin(const struct rect *r)
{
	return r->w >= 8 ? 1 : 0;
}

int ui_pane_width(const struct rect *r)
{
	int w = r->w - 2 * ui_margin(r);
	return w > 0 ? w : 1;
}

int ui_text_width(const struct rect *r)
{
	int w = ui_pane_width(r);
	return w > UI_TEXT_MAX ? UI_TEXT_MAX : w;
}

size_t ui_rect_lines(const struct rect *r)
{
	return r->h > 0 ? (size_t)r->h : 0;
}

/* What a character looks like in ASCII where the locale cannot show it: punctuation and the
 * pager's own marks have a look-alike, anything else is '?'. */
static uint32_t ascii_fallback(uint32_t cp)
{
	switch (cp) {
	case 0x2018: /* quotes */
	case 0x2019:
		return '\'';
	case 0x201c:
	case 0x201d:
		return '"';
	case 0x2010: /* dashes */
	case 0x2011:
	case 0x2013:
	case 0x2014:
	case 0x2212:
		return '-';
	case 0x00a0: /* no-break space */
		return ' ';
	case 0x2022: /* bullet */
		return '*';
	case 0x2192: /* arrow */
	case 0x25b8: /* closed fold */
		return '>';
	case 0x25be: /* open fold */
		return 'v';
	case 0x2026: /* ellipsis */
		return '~';
	}
	return '?';
}

/* Draw one character cluster (a base and its combining marks) at (y, x); returns its width. */
static int draw_cluster(const struct ui *u, int y, int x, const uint32_t *cps, size_t n, int width,
			enum ui_role r)
{
	wchar_t wc[CCHARW_MAX + 1];
	size_t k = 0;
	for (size_t i = 0; i < n && k < CCHARW_MAX; i++) {
		uint32_t cp = cps[i];
		if (!u->utf8 && cp > 0x7e)
			cp = i == 0 ? ascii_fallback(cp) : 0;
		if (cp == 0)
			continue;
		wc[k++] = (wchar_t)cp;
	}
	if (k == 0)
		wc[k++] = L' ';
	wc[k] = L'\0';
	cchar_t cc;
	setcchar(&cc, wc, u->role[r].attr, u->role[r].pair, NULL);
	mvadd_wch(y, x, &cc);
	if (!u->utf8 && width == 2)
		mvaddch(y, x + 1, '?' | u->role[r].attr | COLOR_PAIR(u->role[r].pair));
	return width;
}

/* Walk s cluster by cluster: calls back with the byte offset, the code points and the width.
 * Unsafe characters become U+FFFD; zero-width ones at the start of a line are dropped. */
struct cluster {
	size_t off, len;
	uint32_t cp[CCHARW_MAX];
	size_t n;
	int width;
};

static size_t next_cluster(const char *s, size_t len, size_t i, struct cluster *cl)
{
	uint32_t cp;
	cl->off = i;
	cl->n = 0;
	cl->width = 0;
	while (i < len) {
		size_t b = text_decode(s + i, len - i, &cp);
		if (text_is_unsafe(cp, false))
			cp = 0xfffd;
		int w = text_cp_width(cp);
		if (cl->n > 0 && w > 0)
			break;
		i += b;
		if (cl->n == 0 && w == 0)
			continue; /* a mark with nothing to combine with */
		if (cl->n < CCHARW_MAX)
			cl->cp[cl->n++] = cp;
		if (w > 0)
			cl->width = w;
	}
	cl->len = i - cl->off;
	return i;
}

/* Line drawing as wide characters: in a UTF-8 locale they are Unicode box characters, which
 * every terminal and capture shows the same, instead of the alternate character set. */
static void ui_line(const struct ui *u, int y, int x, int n, bool vertical, const cchar_t *wc)
{
	cchar_t c = *wc;
	wchar_t ch[CCHARW_MAX + 1];
	attr_t a;
	short p;
	getcchar(&c, ch, &a, &p, NULL);
	setcchar(&c, ch, u->role[ROLE_BORDER].attr, u->role[ROLE_BORDER].pair, NULL);
	if (n <= 0)
		return;
	if (vertical)
		mvvline_set(y, x, &c, n);
	else
		mvhline_set(y, x, &c, n);
}

/* Without UTF-8 the lines are plain ASCII: the alternate character set shows as letters on
 * too many terminals and captures. */
static bool ascii_line(const struct ui *u, int y, int x, int n, chtype ch)
{
	if (u->utf8)
		return false;
	chtype c = ch | u->role[ROLE_BORDER].attr | COLOR_PAIR(u->role[ROLE_BORDER].pair);
	if (n <= 0)
		return true;
	if (ch == '|')
		mvvline(y, x, c, n);
	else
		mvhline(y, x, c, n);
	return true;
}

void ui_vline(const struct ui *u, int y, int x, int n)
{
	if (!ascii_line(u, y, x, n, '|'))
		ui_line(u, y, x, n, true, WACS_VLINE);
}

void ui_hline(const struct ui *u, int y, int x, int n)
{
	if (!ascii_line(u, y, x, n, '-'))
		ui_line(u, y, x, n, false, WACS_HLINE);
}

void ui_corner(const struct ui *u, int y, int x, int which)
{
	if (ascii_line(u, y, x, 1, '+'))
		return;
	const cchar_t *c = which == 0   ? WACS_ULCORNER
			   : which == 1 ? WACS_URCORNER
			   : which == 2 ? WACS_LLCORNER
					: WACS_LRCORNER;
	ui_line(u, y, x, 1, false, c);
}

void ui_fill(const struct ui *u, int y, int x, int w, enum ui_role r)
{
	if (w <= 0)
		return;
	attr_t a = u->role[r].attr;
	short p = u->role[r].pair;
	mvhline(y, x, ' ' | a | COLOR_PAIR(p), w);
}

int ui_draw_text(const struct ui *u, int y, int x, int w, const char *s, size_t len, enum ui_role r)
{
	if (w <= 0)
		return 0;
	size_t total = text_width(s, len);
	bool ell = total > (size_t)w;
	int room = ell ? w - 1 : w, col = 0;
	struct cluster cl;
	for (size_t i = 0; i < len;) {
		i = next_cluster(s, len, i, &cl);
		if (cl.n == 0)
			continue;
		if (col + cl.width > room)
			break;
		col += draw_cluster(u, y, x + col, cl.cp, cl.n, cl.width, r);
	}
	if (ell) {
		uint32_t e = u->utf8 ? 0x2026 : '~';
		col += draw_cluster(u, y, x + col, &e, 1, 1, r);
	}
	return col;
}

static enum ui_role style_role(const struct lline *ln, const struct lspan *sp)
{
	switch (sp->style) {
	case LS_HEADING:
		return ROLE_HEADING;
	case LS_QUESTION:
		return ROLE_QUESTION;
	case LS_TERM:
		return ROLE_TERM;
	case LS_URGENCY:
		switch (ln->node ? ln->node->urgency : URG_NONE) {
		case URG_EMERGENCY:
			return ROLE_URG_EMERGENCY;
		case URG_CALL_PROVIDER:
			return ROLE_URG_CALL;
		case URG_WATCH:
			return ROLE_URG_WATCH;
		default:
			return ROLE_URG_EXPECTED;
		}
	case LS_LABEL:
		return ROLE_LABEL;
	case LS_SOURCE:
		return ROLE_SOURCE;
	case LS_LINK:
		return ROLE_LINK;
	case LS_MATCH:
		return ROLE_MATCH;
	case LS_DIM:
		return ROLE_DIM;
	}
	return ROLE_NORMAL;
}

void ui_draw_lline(const struct ui *u, int y, int x, int w, const struct lline *ln,
		   const struct search_mark *marks, size_t nmarks, bool cur_match, size_t sel_start,
		   size_t sel_len)
{
	int col = 0;
	struct cluster cl;
	for (size_t i = 0; i < ln->len && col < w;) {
		i = next_cluster(ln->text, ln->len, i, &cl);
		if (cl.n == 0)
			continue;
		if (col + cl.width > w)
			break;
		size_t b = cl.off;
		enum ui_role r = ROLE_NORMAL;
		for (size_t j = 0; j < ln->nspans; j++) {
			const struct lspan *sp = &ln->spans[j];
			if (b >= sp->start && b < sp->start + sp->len)
				r = style_role(ln, sp);
		}
		for (size_t j = 0; j < nmarks; j++) {
			if (b >= marks[j].start && b < marks[j].start + marks[j].len)
				r = cur_match ? ROLE_MATCH_CUR : ROLE_MATCH;
		}
		if (sel_len && b >= sel_start && b < sel_start + sel_len)
			r = ROLE_LINK_SEL;
		col += draw_cluster(u, y, x + col, cl.cp, cl.n, cl.width, r);
	}
}

/* ---- the status line and the bottom line ---- */

struct hint {
	const char *key, *what;
	bool always; /* shown at every width; the rest as room allows */
};

static size_t screen_hints(const struct ui *u, struct hint *h)
{
	size_t n = 0;
	h[n++] = (struct hint){ "?", "help", true };
	if (u->help) {
		h[n++] = (struct hint){ "Esc", "close", true };
		h[n++] = (struct hint){ "Down Up", "scroll", false };
		h[n++] = (struct hint){ "q", "quit", true };
		return n;
	}
	h[n++] = (struct hint){ "!", "when to get help", true };
	if (u->hpos > 0)
		h[n++] = (struct hint){ "Esc", "back", false };
	if (u->focus == PANE_TOC) {
		h[n++] = (struct hint){ "Enter", "read", false };
		h[n++] = (struct hint){ "Right Left", "open/close", false };
	} else if (u->screen == SCR_READER) {
		const struct view *v = &u->reader;
		size_t mh = ui_rect_lines(&u->main_r);
		if (v->sel != VIEW_NONE && v->links[v->sel].line >= v->top &&
		    v->links[v->sel].line < v->top + mh)
			h[n++] = (struct hint){ "Enter", "follow link", false };
		if (v->nmatch_lines)
			h[n++] = (struct hint){ "n N", "next/prev match", false };
		bool at_end = v->top >= view_max_top(v, mh);
		h[n++] = (struct hint){ "Space", at_end ? "next section" : "page down", false };
		if (v->nlinks)
			h[n++] = (struct hint){ "Tab", "next link", false };
		h[n++] = (struct hint){ "] [", "next/prev section", false };
	} else if (u->screen == SCR_SOURCES) {
		h[n++] = (struct hint){ "Space", "page down", false };
	} else {
		h[n++] = (struct hint){ "Enter", "open", false };
		h[n++] = (struct hint){ "Down Up", "choose", false };
	}
	bool reading = u->focus == PANE_MAIN && u->screen == SCR_READER;
	h[n++] = (struct hint){ "/", reading ? "find" : "search", true };
	if (reading)
		h[n++] = (struct hint){ "s", "search all", false };
	if (u->focus != PANE_TOC)
		h[n++] = (struct hint){ "t", "contents", false };
	h[n++] = (struct hint){ "q", "quit", true };
	return n;
}

static int hint_width(const struct hint *h)
{
	return (int)(strlen(h->key) + 1 + strlen(h->what));
}

static void draw_status(const struct ui *u)
{
	const struct rect *r = &u->status_r;
	struct buf crumb = { 0 };
	char pct[160] = "";
	if (u->help)
		buf_puts(&crumb, "Help: keys");
	else
		ui_screen_status(u, &crumb, pct, sizeof pct);
	ui_fill(u, r->y, r->x, r->w, ROLE_STATUS);
	int pw = (int)strlen(pct);
	int room = r->w - 1 - (pw ? pw + 2 : 0);
	ui_draw_text(u, r->y, r->x + 1, room, crumb.s ? crumb.s : "", crumb.len, ROLE_STATUS);
	if (pw && r->w > pw + 1)
		ui_draw_text(u, r->y, r->x + r->w - pw - 1, pw, pct, (size_t)pw, ROLE_STATUS);
	buf_free(&crumb);
}

/* What the prompt says before the typing: "/" for find in page, as less does. */
static const char *prompt_label(const struct ui *u)
{
	return u->prompting == PROMPT_SEARCH ? "Search all: "
	       : u->prompting == PROMPT_SAVE ? "Save to file: "
					     : "/";
}

/* The prompt's label and what has been typed; the end of a long query, where the typing
 * happens. */
static void draw_prompt(const struct ui *u, const struct rect *r)
{
	const char *s = u->prompt.s ? u->prompt.s : "";
	size_t len = u->prompt.len, w = text_width(s, len);
	const char *label = prompt_label(u);
	int lw = (int)strlen(label);
	int room = r->w - lw - 1; /* the label and the cursor */
	while (room > 0 && w > (size_t)room && len > 0) {
		uint32_t cp;
		size_t b = text_decode(s, len, &cp);
		w -= text_width(s, b);
		s += b;
		len -= b;
	}
	ui_draw_text(u, r->y, r->x, lw, label, (size_t)lw, ROLE_STATUS_KEY);
	ui_draw_text(u, r->y, r->x + lw, room, s, len, ROLE_NORMAL);
}

/* The keys that do most here. The hints marked always show; the others join in order while
 * the line has room for them. When even those do not fit, the "!" hint says less, and then
 * hints drop from the end. */
static void draw_hints(const struct ui *u, const struct rect *r)
{
	struct hint h[16];
	size_t n = screen_hints(u, h);
	bool keep[16];
	int used = 0;
	for (size_t i = 0; i < n; i++) {
		keep[i] = h[i].always;
		if (keep[i])
			used += hint_width(&h[i]) + 2;
	}
	for (size_t i = 0; i < n; i++) {
		if (!keep[i] && used + hint_width(&h[i]) + 2 <= r->w + 2) {
			keep[i] = true;
			used += hint_width(&h[i]) + 2;
		}
	}
	int x = r->x, end = r->x + r->w;
	for (size_t i = 0; i < n; i++) {
		if (!keep[i])
			continue;
		const char *what = h[i].what;
		if (used > r->w + 2 && strcmp(h[i].key, "!") == 0) {
			used -= (int)strlen(what) - 8;
			what = "get help";
		}
		int need = (int)(strlen(h[i].key) + 1 + strlen(what));
		if (x + need > end)
			continue;
		x += ui_draw_text(u, r->y, x, end - x, h[i].key, strlen(h[i].key), ROLE_STATUS_KEY);
		x += 1;
		x += ui_draw_text(u, r->y, x, end - x, what, strlen(what), ROLE_NORMAL);
		x += 2;
	}
}

/* The bottom line: the prompt, else a message, else the key hints. */
static void draw_bottom(const struct ui *u)
{
	const struct rect *r = &u->line_r;
	ui_fill(u, r->y, r->x, r->w, ROLE_NORMAL);
	if (u->prompting)
		draw_prompt(u, r);
	else if (u->msg[0])
		ui_draw_text(u, r->y, r->x, r->w, u->msg, strlen(u->msg),
			     u->msg_error ? ROLE_ERROR : ROLE_NORMAL);
	else
		draw_hints(u, r);
}

static void draw_small(const struct ui *u)
{
	static const char note[] = "Terminal too small. Make it bigger, or press q to quit.";
	erase();
	int y = 0;
	const char *s = note;
	/* Wrap the note by hand: text_wrap needs no help at this size. */
	struct text_line *tl = NULL;
	size_t n = text_wrap(s, strlen(s), (size_t)(u->cols > 0 ? u->cols : 1),
			     (size_t)(u->cols > 0 ? u->cols : 1), &tl);
	for (size_t i = 0; i < n && y < u->rows; i++, y++)
		ui_draw_text(u, y, 0, u->cols, s + tl[i].start, tl[i].len, ROLE_ERROR);
	free(tl);
	move(0, 0);
}

void ui_draw(const struct ui *u)
{
	if (u->small) {
		draw_small(u);
		return;
	}
	erase();
	bool show_toc = u->wide || u->focus == PANE_TOC;
	bool show_main = u->wide || u->focus == PANE_MAIN;
	if (show_toc)
		toc_draw(u, u->focus == PANE_TOC);
	if (u->wide) {
		ui_vline(u, u->toc_r.y, u->toc_r.x + u->toc_r.w, u->toc_r.h);
	}
	if (show_main) {
		view_draw(u, ui_main_view(u), &u->main_r, u->focus == PANE_MAIN);
	}
	draw_status(u);
	draw_bottom(u);
	if (u->help)
		help_draw(u);

	/* Leave the terminal cursor on the focus so screen readers and magnifiers follow it. */
	int y = 0, x = 0;
	if (u->prompting) {
		y = u->line_r.y;
		int lw = (int)strlen(prompt_label(u));
		size_t w = text_width(u->prompt.s ? u->prompt.s : "", u->prompt.len);
		int room = u->cols - lw - 1 > 0 ? u->cols - lw - 1 : 0;
		x = lw + (int)(w < (size_t)room ? w : (size_t)room);
	} else if (u->help) {
		y = 0;
		x = 0;
		getyx(stdscr, y, x); /* help_draw leaves it on its first line */
	} else if (u->focus == PANE_TOC) {
		toc_cursor(u, &y, &x);
	} else {
		view_cursor(u, ui_main_view(u), &u->main_r, &y, &x);
	}
	move(y, x);
}
