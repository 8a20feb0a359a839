/* ui.c - the pager core: terminal set-up, signals, panes, the dispatcher, the status line,
 * the search prompt and history. The screens live in toc.c, reader.c, results.c, urgent.c
 * and help.c; view.c holds the scrolling line view they share.
 */
#include <curses.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <signal.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../text.h"
#include "ui_int.h"

/* The one global: which terminating signal arrived (0: none). A handler may do no more. */
static volatile sig_atomic_t ui_signal;

/* The bottom two lines: the status line and the hint/prompt line. Below this the pager is
 * too small to be of use and shows a note instead. */
enum {
	UI_MIN_ROWS = 6,
	UI_MIN_COLS = 20,
	UI_TOC_MIN = 24,    /* the contents pane in two panes: at least this wide */
	UI_READER_MIN = 58, /* two panes only when the reader keeps this many columns */
	UI_PROMPT_MAX = 512,
	UI_TEXT_MAX = 100,  /* lines of text no longer than this on wide terminals, as glow does */
	UI_MAX_SIZE = 1000, /* COLUMNS and LINES past this are not believed */
	UI_MAX_IDLE_ERRORS = 64, /* reads failing with no signal: the terminal is gone */
};

static void ui_on_signal(int sig)
{
	ui_signal = sig;
}

/* No SA_RESTART: the blocking read in get_wch() returns, so the loop sees the flag. */
static void ui_signals(void)
{
	struct sigaction sa = { .sa_handler = ui_on_signal };
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGQUIT, &sa, NULL); /* Ctrl-\ */
}

static void ui_signals_restore(void)
{
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
}

/*
 * curses takes the screen size from COLUMNS and LINES before it asks the
 * terminal, and gives up on a size it cannot hold (COLUMNS=99999), which it
 * reports as an unusable terminal type. A value that is no size a screen can
 * have is dropped, so the terminal's own size is used.
 */
static void ui_sane_size_env(void)
{
	static const char *const names[] = { "COLUMNS", "LINES" };
	for (size_t i = 0; i < 2; i++) {
		const char *v = getenv(names[i]);
		if (v == NULL)
			continue;
		char *end;
		errno = 0;
		long n = strtol(v, &end, 10);
		if (errno || end == v || *end || n < 1 || n > UI_MAX_SIZE)
			unsetenv(names[i]);
	}
}

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

static void ui_colors(struct ui *u, enum ui_color want)
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

void ui_message(struct ui *u, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(u->msg, sizeof u->msg, fmt, ap);
	va_end(ap);
	u->msg_error = error;
}

void ui_breadcrumb(struct buf *b, const struct node *s)
{
	/* The loader caps YAML nesting well below this, so sections are never deeper. */
	const struct node *chain[128];
	size_t n = 0;
	for (; s && s->type == NODE_SECTION && n < 128; s = s->parent)
		chain[n++] = s;
	while (n-- > 0) {
		buf_puts(b, chain[n]->title ? chain[n]->title : chain[n]->id);
		if (n > 0)
			buf_puts(b, " > ");
	}
}

/* ---- geometry ---- */

static void ui_geometry(struct ui *u)
{
	getmaxyx(stdscr, u->rows, u->cols);
	u->small = u->rows < UI_MIN_ROWS || u->cols < UI_MIN_COLS;
	/* Two panes only when the contents show every title whole and the reader keeps a
	 * comfortable width beside them; below that one pane at a time (80 columns included). */
	int tw = toc_fit_width(u->c);
	tw = tw < UI_TOC_MIN ? UI_TOC_MIN : tw;
	u->wide = u->cols - tw - 1 >= UI_READER_MIN;
	int bh = u->rows - 2;
	if (bh < 0)
		bh = 0;
	if (u->wide) {
		u->toc_r = (struct rect){ .y = 0, .x = 0, .h = bh, .w = tw };
		u->main_r = (struct rect){ .y = 0, .x = tw + 1, .h = bh, .w = u->cols - tw - 1 };
	} else {
		u->toc_r = (struct rect){ .y = 0, .x = 0, .h = bh, .w = u->cols };
		u->main_r = u->toc_r;
	}
	u->status_r = (struct rect){ .y = u->rows - 2, .x = 0, .h = 1, .w = u->cols };
	u->line_r = (struct rect){ .y = u->rows - 1, .x = 0, .h = 1, .w = u->cols };
}

/* Lay every screen out again at the new size, keeping each reading position. */
static void ui_resize(struct ui *u)
{
	size_t old_h = ui_rect_lines(&u->main_r);
	ui_geometry(u);
	if (u->small)
		return;
	toc_relayout(u);
	if (u->sec)
		reader_relayout(u, old_h);
	if (u->rquery)
		results_relayout(u);
	if (u->ug.L.n) {
		struct vpos p = view_pos(&u->ug);
		urgent_load(u);
		view_restore(&u->ug, &p, ui_rect_lines(&u->main_r));
	}
	if (u->so.L.n) {
		struct vpos p = view_pos(&u->so);
		sources_load(u);
		view_restore(&u->so, &p, ui_rect_lines(&u->main_r));
	}
	if (u->help)
		help_layout(u);
}

/* ---- history ---- */

/* The dispatcher's table: what each screen of the main pane draws, does with a
 * key, and says on the status line. */
static const struct screen_ops {
	void (*draw)(const struct ui *u, bool focused);
	bool (*request)(struct ui *u, enum request req);
	void (*status)(const struct ui *u, struct buf *crumb, char *pct, size_t pctsz);
} screens[] = {
	[SCR_READER] = { reader_draw, reader_request, reader_status },
	[SCR_RESULTS] = { results_draw, results_request, results_status },
	[SCR_URGENT] = { urgent_draw, urgent_request, urgent_status },
	[SCR_SOURCES] = { sources_draw, sources_request, sources_status },
};

/* Where the view of the screen in the main pane sits in the UI state. */
static size_t main_view_at(enum ui_screen screen)
{
	switch (screen) {
	case SCR_RESULTS:
		return offsetof(struct ui, rs);
	case SCR_URGENT:
		return offsetof(struct ui, ug);
	case SCR_SOURCES:
		return offsetof(struct ui, so);
	case SCR_READER:
		break;
	}
	return offsetof(struct ui, rd);
}

static const struct view *main_view_of(const struct ui *u)
{
	return (const struct view *)(const void *)((const char *)u + main_view_at(u->screen));
}

/* The view of the screen in the main pane. */
static struct view *main_view(struct ui *u)
{
	return (struct view *)(void *)((char *)u + main_view_at(u->screen));
}

static void hist_store(struct ui *u, struct hist *h)
{
	free(h->query);
	*h = (struct hist){
		.screen = u->screen,
		.focus = u->focus,
		.sec = u->sec,
		.query = u->screen == SCR_RESULTS && u->rquery ? xstrdup(u->rquery) : NULL,
		.pos = view_pos(main_view(u)),
	};
}

/* Before going somewhere new: remember where we are (saved, when given, was taken before the
 * state changed) and forget the forward places. */
static void hist_leave_saved(struct ui *u, struct hist *saved)
{
	if (saved) {
		free(u->hist[u->hpos].query);
		u->hist[u->hpos] = *saved;
	} else {
		hist_store(u, &u->hist[u->hpos]);
	}
	for (size_t i = u->hpos + 1; i < u->nhist; i++)
		free(u->hist[i].query);
	u->nhist = u->hpos + 1;
}

static void hist_leave(struct ui *u)
{
	hist_leave_saved(u, NULL);
}

/* After arriving: the current place becomes the newest entry. */
static void hist_arrive(struct ui *u)
{
	u->hist = xgrow(u->hist, u->nhist, sizeof *u->hist);
	u->hist[u->nhist] = (struct hist){ 0 };
	u->hpos = u->nhist++;
	hist_store(u, &u->hist[u->hpos]);
}

static void hist_apply(struct ui *u, const struct hist *h)
{
	size_t mh = ui_rect_lines(&u->main_r);
	u->screen = h->screen;
	u->focus = h->focus;
	switch (h->screen) {
	case SCR_READER:
		if (h->sec && h->sec != u->sec)
			reader_load(u, h->sec, NULL);
		else if (h->sec)
			toc_reveal(u, h->sec);
		view_restore(&u->rd, &h->pos, mh);
		break;
	case SCR_RESULTS:
		if (h->query && (!u->rquery || strcmp(h->query, u->rquery) != 0))
			results_load(u, h->query);
		view_restore(&u->rs, &h->pos, mh);
		if (u->rs.sel == VIEW_NONE && u->rs.nlinks)
			u->rs.sel = 0;
		break;
	case SCR_URGENT:
		if (!u->ug.L.n)
			urgent_load(u);
		view_restore(&u->ug, &h->pos, mh);
		if (u->ug.sel == VIEW_NONE && u->ug.nlinks)
			u->ug.sel = 0;
		break;
	case SCR_SOURCES:
		if (!u->so.L.n)
			sources_load(u);
		view_restore(&u->so, &h->pos, mh);
		break;
	}
}

static void hist_move(struct ui *u, int dir)
{
	if (dir < 0 && u->hpos == 0) {
		ui_message(u, false, "This is the first place you opened.");
		return;
	}
	if (dir > 0 && u->hpos + 1 >= u->nhist) {
		ui_message(u, false, "Nothing to go forward to.");
		return;
	}
	hist_store(u, &u->hist[u->hpos]);
	u->hpos = dir < 0 ? u->hpos - 1 : u->hpos + 1;
	hist_apply(u, &u->hist[u->hpos]);
}

static void hist_free(struct ui *u)
{
	for (size_t i = 0; i < u->nhist; i++)
		free(u->hist[i].query);
	free(u->hist);
	u->hist = NULL;
	u->nhist = u->hpos = 0;
}

/* ---- places ---- */

void ui_open_section(struct ui *u, const struct node *sec, const struct node *block)
{
	hist_leave(u);
	reader_load(u, sec, block);
	u->last = sec;
	if (sec == u->resume && !block) {
		/* Back where the last run stopped reading. */
		size_t h = ui_rect_lines(&u->main_r), max = view_max_top(&u->rd, h);
		u->rd.top = u->resume_top < max ? u->resume_top : max;
		u->resume = NULL;
	}
	u->screen = SCR_READER;
	u->focus = PANE_MAIN;
	hist_arrive(u);
}

int ui_open_results(struct ui *u, const char *query)
{
	/* The search may find nothing searchable; history changes only when it succeeds. */
	struct hist saved = { 0 };
	hist_store(u, &saved);
	if (results_load(u, query) < 0) {
		free(saved.query);
		return -1;
	}
	hist_leave_saved(u, &saved);
	u->screen = SCR_RESULTS;
	u->focus = PANE_MAIN;
	free(u->hl);
	u->hl = xstrdup(query);
	if (u->sec)
		view_set_matches(&u->rd, u->ix, u->hl);
	hist_arrive(u);
	return 0;
}

void ui_open_urgent(struct ui *u)
{
	hist_leave(u);
	if (!u->ug.L.n)
		urgent_load(u);
	u->screen = SCR_URGENT;
	u->focus = PANE_MAIN;
	hist_arrive(u);
}

void ui_open_sources(struct ui *u, int num)
{
	if (u->screen == SCR_SOURCES && u->focus == PANE_MAIN)
		return;
	hist_leave(u);
	if (!u->so.L.n)
		sources_load(u);
	size_t h = ui_rect_lines(&u->main_r), top = sources_line(u, num);
	u->so.top = top < view_max_top(&u->so, h) ? top : view_max_top(&u->so, h);
	u->screen = SCR_SOURCES;
	u->focus = PANE_MAIN;
	hist_arrive(u);
}

void ui_open_toc(struct ui *u)
{
	if (u->focus == PANE_TOC)
		return;
	hist_leave(u);
	u->focus = PANE_TOC;
	if (u->sec)
		toc_reveal(u, u->sec);
	hist_arrive(u);
}

/* ---- the status line and the bottom line ---- */

struct hint {
	const char *key, *what;
	bool always; /* shown at every width from UI_HINT_COLS on; the rest as room allows */
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
		const struct view *v = &u->rd;
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
	else if (u->focus == PANE_TOC)
		toc_status(u, &crumb, pct, sizeof pct);
	else
		screens[u->screen].status(u, &crumb, pct, sizeof pct);
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

static void draw_bottom(const struct ui *u)
{
	const struct rect *r = &u->line_r;
	ui_fill(u, r->y, r->x, r->w, ROLE_NORMAL);
	if (u->prompting) {
		const char *s = u->prompt.s ? u->prompt.s : "";
		size_t len = u->prompt.len, w = text_width(s, len);
		const char *label = prompt_label(u);
		int lw = (int)strlen(label);
		int room = r->w - lw - 1; /* the label and the cursor */
		/* Show the end of a long query: that is where the typing happens. */
		while (room > 0 && w > (size_t)room && len > 0) {
			uint32_t cp;
			size_t b = text_decode(s, len, &cp);
			w -= text_width(s, b);
			s += b;
			len -= b;
		}
		ui_draw_text(u, r->y, r->x, lw, label, (size_t)lw, ROLE_STATUS_KEY);
		ui_draw_text(u, r->y, r->x + lw, room, s, len, ROLE_NORMAL);
		return;
	}
	if (u->msg[0]) {
		ui_draw_text(u, r->y, r->x, r->w, u->msg, strlen(u->msg),
			     u->msg_error ? ROLE_ERROR : ROLE_NORMAL);
		return;
	}
	struct hint h[16];
	size_t n = screen_hints(u, h);
	/* The hints marked always show; the others join in order while the line has room for
	 * them. Below UI_HINT_COLS the "!" hint says less, and then hints drop from the end. */
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

static void ui_draw(const struct ui *u)
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
		screens[u->screen].draw(u, u->focus == PANE_MAIN);
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
		view_cursor(u, main_view_of(u), &u->main_r, &y, &x);
	}
	move(y, x);
}

/* ---- keys ---- */

static void prompt_open(struct ui *u, enum ui_prompt kind, const char *text)
{
	u->prompting = kind;
	buf_reset(&u->prompt);
	if (text)
		buf_puts(&u->prompt, text);
}

/* Find in the open page, as less's /: the words are highlighted in place and the first match
 * at or below the top comes into view. An empty find puts the highlight away. */
static void find_in_page(struct ui *u, const char *q)
{
	free(u->hl);
	u->hl = *q ? xstrdup(q) : NULL;
	view_set_matches(&u->rd, u->ix, u->hl);
	if (!u->hl)
		return;
	size_t n = reader_match_count(u);
	if (n == 0) {
		ui_message(u, false, "No match for \"%s\" in this section. Press s to search all.",
			   q);
		return;
	}
	struct view *v = &u->rd;
	size_t h = ui_rect_lines(&u->main_r);
	size_t top = v->top;
	v->cur = VIEW_NONE;
	/* Start at the top of the screen: the first match from here on, wrapping round. */
	v->top = top;
	bool wrapped = false;
	view_next_match(v, 1, h, &wrapped);
	v->sel = VIEW_NONE;
	size_t before = 0;
	for (size_t i = 0; i < v->cur; i++)
		before += v->nmarks[i];
	ui_message(u, false, "Match %zu of %zu for \"%s\". n and N move between them.", before + 1,
		   n, q);
}

static void prompt_done(struct ui *u)
{
	enum ui_prompt kind = u->prompting;
	u->prompting = PROMPT_NONE;
	char *q = xstrdup(u->prompt.s ? u->prompt.s : "");
	buf_reset(&u->prompt);
	switch (kind) {
	case PROMPT_SEARCH:
		if (*q && ui_open_results(u, q) < 0)
			ui_message(u, true, "Nothing to search for in \"%s\". Type a word.", q);
		break;
	case PROMPT_FIND:
		find_in_page(u, q);
		break;
	case PROMPT_SAVE:
		if (*q)
			reader_save(u, q);
		break;
	case PROMPT_NONE:
		break;
	}
	free(q);
}

static void prompt_key(struct ui *u, struct ui_key k)
{
	struct buf *p = &u->prompt;
	switch (keymap_lookup(KM_PROMPT, k.ch, k.is_key)) {
	case REQ_PROMPT_DONE:
		prompt_done(u);
		return;
	case REQ_PROMPT_ERASE: {
		if (p->len == 0) {
			u->prompting = PROMPT_NONE; /* as in less: leaves an empty prompt */
			return;
		}
		size_t i = p->len - 1;
		while (i > 0 && ((unsigned char)p->s[i] & 0xc0) == 0x80)
			i--;
		p->len = i;
		p->s[i] = '\0';
		return;
	}
	case REQ_PROMPT_CANCEL:
		u->prompting = PROMPT_NONE;
		buf_reset(p);
		return;
	case REQ_PROMPT_KILL:
		buf_reset(p);
		return;
	case REQ_PROMPT_WORD: {
		size_t i = p->len;
		while (i > 0 && p->s[i - 1] == ' ')
			i--;
		while (i > 0 && p->s[i - 1] != ' ')
			i--;
		p->len = i;
		if (p->s)
			p->s[i] = '\0';
		return;
	}
	default:
		break;
	}
	if (k.is_key)
		return;
	uint32_t cp = (uint32_t)k.ch;
	if (cp < 0x20 || text_is_unsafe(cp, false) || cp > 0x10ffff || text_is_invisible(cp) ||
	    text_is_nonchar(cp) || (cp >= 0xD800 && cp <= 0xDFFF))
		return;
	if (p->len + 4 > UI_PROMPT_MAX)
		return;
	text_encode(p, cp);
}

void ui_section_step(struct ui *u, int dir)
{
	const struct node *at = u->sec;
	if (u->focus == PANE_TOC && u->toc.nrows)
		at = u->toc.rows[u->toc.cur];
	if (!at || u->c->nsections == 0)
		return;
	size_t o = at->ord;
	if (dir > 0 && o + 1 >= u->c->nsections) {
		ui_message(u, false, "This is the last section.");
		return;
	}
	if (dir < 0 && o == 0) {
		ui_message(u, false, "This is the first section.");
		return;
	}
	ui_open_section(u, u->c->sections[dir > 0 ? o + 1 : o - 1], NULL);
}

static void toggle_pane(struct ui *u)
{
	u->focus = u->focus == PANE_TOC ? PANE_MAIN : PANE_TOC;
	if (u->focus == PANE_TOC && u->sec && u->screen == SCR_READER)
		toc_reveal(u, u->sec);
	struct view *v = main_view(u);
	if (u->focus == PANE_MAIN && v->list && v->sel == VIEW_NONE && v->nlinks)
		v->sel = 0;
}

/* The wheel scrolls what is under it and never opens anything: over the contents it moves
 * the rows, not the cursor. A click chooses and opens. */
static void mouse_key(struct ui *u)
{
	MEVENT ev;
	if (getmouse(&ev) != OK)
		return;
	bool in_toc = u->wide ? ev.x < u->toc_r.x + u->toc_r.w : u->focus == PANE_TOC;
	if (ev.y >= u->toc_r.y + u->toc_r.h)
		return;
	if (ev.bstate & (BUTTON4_PRESSED | BUTTON5_PRESSED)) {
		int dir = ev.bstate & BUTTON4_PRESSED ? -1 : 1;
		if (u->help) {
			for (int i = 0; i < 3; i++)
				help_request(u, dir < 0 ? REQ_LINE_UP : REQ_LINE_DOWN);
			return;
		}
		if (in_toc) {
			toc_scroll(u, 3 * dir);
			return;
		}
		struct view *v = main_view(u);
		view_scroll(v, 3 * dir, ui_rect_lines(&u->main_r));
		return;
	}
	if (!(ev.bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	if (u->help) {
		u->help = false;
		return;
	}
	if (in_toc) {
		u->focus = PANE_TOC;
		toc_click(u, ev.y, ev.x);
		return;
	}
	u->focus = PANE_MAIN;
	struct view *v = main_view(u);
	size_t i = view_link_at(v, &u->main_r, ev.y, ev.x);
	if (i == VIEW_NONE)
		return;
	view_select(v, i, ui_rect_lines(&u->main_r));
	screens[u->screen].request(u, u->screen == SCR_READER ? REQ_ENTER : REQ_OPEN);
}

/* The context whose table reads the next key. */
static enum keymap_ctx ui_context(const struct ui *u)
{
	if (u->prompting)
		return KM_PROMPT;
	if (u->help)
		return KM_HELP;
	if (u->focus == PANE_TOC)
		return KM_CONTENTS;
	return u->screen == SCR_READER ? KM_READER : KM_LIST;
}

/* Requests every screen shares; the screen's own come first. */
static void ui_request(struct ui *u, enum request req)
{
	bool done = u->focus == PANE_TOC ? toc_request(u, req) : screens[u->screen].request(u, req);
	if (done)
		return;
	switch (req) {
	case REQ_QUIT:
		u->quit = true;
		break;
	case REQ_HELP:
		u->help = true;
		u->help_top = 0;
		help_layout(u);
		break;
	case REQ_BACK:
		hist_move(u, -1);
		break;
	case REQ_FORWARD:
		hist_move(u, 1);
		break;
	case REQ_CONTENTS:
		ui_open_toc(u);
		break;
	case REQ_URGENT:
		ui_open_urgent(u);
		break;
	case REQ_SOURCES:
		ui_open_sources(u, 0);
		break;
	case REQ_SEARCH_ALL:
		prompt_open(u, PROMPT_SEARCH, NULL);
		break;
	case REQ_FIND:
		prompt_open(u, PROMPT_FIND, NULL);
		break;
	case REQ_SAVE: {
		char *name = reader_save_name(u);
		prompt_open(u, PROMPT_SAVE, name);
		free(name);
		break;
	}
	case REQ_NEXT_SECTION:
	case REQ_PREV_SECTION:
		ui_section_step(u, req == REQ_NEXT_SECTION ? 1 : -1);
		break;
	case REQ_NEXT_LINK:
	case REQ_PREV_LINK:
	case REQ_SWITCH_PANE:
		/* Tab after the last link goes to the other pane. */
		if (u->wide || req == REQ_SWITCH_PANE)
			toggle_pane(u);
		break;
	case REQ_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		break;
	}
}

static void ui_key(struct ui *u, struct ui_key k)
{
	if (k.is_key && k.ch == KEY_RESIZE) {
		ui_resize(u);
		return;
	}
	if (u->small) {
		if (!k.is_key && (k.ch == 'q' || k.ch == 'Q'))
			u->quit = true;
		return;
	}
	if (u->prompting) {
		prompt_key(u, k);
		return;
	}
	u->msg[0] = '\0';
	if (k.is_key && k.ch == KEY_MOUSE) {
		mouse_key(u);
		return;
	}
	enum request req = keymap_lookup(ui_context(u), k.ch, k.is_key);
	if (u->help)
		help_request(u, req);
	else if (req != REQ_NONE)
		ui_request(u, req);
}

/* ---- the last place read ---- */

/* $XDG_STATE_HOME/exoread, or ~/.local/state/exoread; NULL when neither can be known. */
static char *state_dir(void)
{
	const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	if (x && x[0] == '/')
		return xasprintf("%s/exoread", x);
	if (home && home[0] == '/')
		return xasprintf("%s/.local/state/exoread", home);
	return NULL;
}

/* The file holds one line: the section id, a tab and the first line shown. */
static void state_load(struct ui *u)
{
	char *dir = state_dir();
	if (!dir)
		return;
	char *path = xasprintf("%s/last", dir);
	FILE *f = fopen(path, "r");
	char line[512];
	if (f && fgets(line, sizeof line, f)) {
		char *tab = strchr(line, '\t');
		if (tab) {
			*tab = '\0';
			const struct node *s = content_find(u->c, line);
			if (s) {
				u->resume = s;
				u->resume_top = (size_t)strtoul(tab + 1, NULL, 10);
			}
		}
	}
	if (f)
		fclose(f);
	free(path);
	free(dir);
}

/* Written whole to a new file that then takes the old one's name, so a crash never leaves half
 * a line. Failing to keep the place is not worth a word on the way out. */
static void state_save(const struct ui *u)
{
	if (!u->last)
		return;
	char *dir = state_dir();
	if (!dir)
		return;
	/* mkdir -p of the last two levels is enough for ~/.local/state/exoread. */
	char *parent = xstrdup(dir);
	char *slash = strrchr(parent, '/');
	if (slash && slash != parent) {
		*slash = '\0';
		mkdir(parent, 0700);
	}
	mkdir(dir, 0700);
	char *path = xasprintf("%s/last", dir),
	     *tmp = xasprintf("%s/last.%ld", dir, (long)getpid());
	size_t top = u->sec == u->last ? u->rd.top : 0;
	FILE *f = fopen(tmp, "w");
	if (f) {
		bool ok = fprintf(f, "%s\t%zu\n", u->last->id, top) > 0;
		ok = fclose(f) == 0 && ok;
		if (!ok || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(tmp);
	free(path);
	free(parent);
	free(dir);
}

/* ---- start and end ---- */

static void ui_start(struct ui *u, const struct ui_opts *o)
{
	toc_init(u);
	u->focus = PANE_TOC;
	u->screen = SCR_READER;
	u->hist = xcalloc(1, sizeof *u->hist);
	u->nhist = 1;
	const struct node *first = u->toc.nrows ? u->toc.rows[u->toc.cur] : NULL;
	if (!o->start && !o->query && !o->urgent)
		state_load(u);
	if (o->start) {
		reader_load(u, o->start, NULL);
		u->focus = PANE_MAIN;
		u->last = o->start;
	} else if (u->resume) {
		/* The first screen stays the contents; the cursor waits on the last place read. */
		toc_reveal(u, u->resume);
		reader_load(u, u->resume, NULL);
		ui_message(u, false, "Last time: %s. Press Enter to go on reading.",
			   u->resume->title ? u->resume->title : u->resume->id);
	} else if (first) {
		reader_load(u, first, NULL);
		toc_reveal(u, first);
	}
	if (o->query) {
		if (results_load(u, o->query) == 0) {
			u->screen = SCR_RESULTS;
			u->focus = PANE_MAIN;
			u->hl = xstrdup(o->query);
			view_set_matches(&u->rd, u->ix, u->hl);
		} else {
			ui_message(u, true, "Nothing to search for in \"%s\".", o->query);
		}
	}
	hist_store(u, &u->hist[0]);
	if (o->urgent)
		ui_open_urgent(u);
}

static void ui_free(struct ui *u)
{
	toc_free(u);
	view_free(&u->rd);
	view_free(&u->ug);
	view_free(&u->so);
	results_free(u);
	layout_free(&u->help_L);
	buf_free(&u->prompt);
	free(u->hl);
	hist_free(u);
}

/* The sequences terminals commonly send for these keys, taken even when the terminfo entry
 * TERM names says otherwise (a terminal that claims to be another, or tmux and screen in
 * between). Only sequences the entry leaves free are added. */
static void ui_define_keys(void)
{
	static const struct {
		const char *seq;
		int key;
	} seqs[] = {
		{ "\033[1~", KEY_HOME },  { "\033[7~", KEY_HOME }, { "\033[H", KEY_HOME },
		{ "\033OH", KEY_HOME },   { "\033[4~", KEY_END },  { "\033[8~", KEY_END },
		{ "\033[F", KEY_END },    { "\033OF", KEY_END },   { "\033[5~", KEY_PPAGE },
		{ "\033[6~", KEY_NPAGE }, { "\033[A", KEY_UP },    { "\033[B", KEY_DOWN },
		{ "\033[C", KEY_RIGHT },  { "\033[D", KEY_LEFT },  { "\033OA", KEY_UP },
		{ "\033OB", KEY_DOWN },   { "\033OC", KEY_RIGHT }, { "\033OD", KEY_LEFT },
		{ "\033[Z", KEY_BTAB },
	};
	for (size_t i = 0; i < sizeof seqs / sizeof seqs[0]; i++)
		if (key_defined(seqs[i].seq) == 0)
			define_key(seqs[i].seq, seqs[i].key);
}

/* Columns for the plain reader: the terminal's when it says, else $COLUMNS, else 80. */
static int ui_plain_width(void)
{
	struct winsize ws;
	int cols;
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0) {
		cols = ws.ws_col;
	} else {
		const char *env = getenv("COLUMNS");
		int n = env ? atoi(env) : 0;
		cols = n > 20 ? n : 80;
	}
	/* One column short of the terminal's, as in a pane's text: a line as wide as the
	 * terminal may wrap by itself. */
	return cols - 1 < UI_TEXT_MAX ? cols - 1 : UI_TEXT_MAX;
}

int ui_run(const struct content *c, const struct search_index *ix, const struct ui_opts *o)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	FILE *in = stdin, *tty = NULL;
	if (!isatty(STDIN_FILENO)) {
		/* Keys come from the terminal even when stdin is redirected, as in less. */
		tty = fopen("/dev/tty", "r");
		if (!tty) {
			diag(DIAG_ERROR, NULL, 0, 0, "cannot open the terminal: %s",
			     strerror(errno));
			return 2;
		}
		in = tty;
	}
	if (o->plain || !ui_term_can_address()) {
		if (!o->plain)
			fputs("This terminal cannot move the cursor, so the text comes line by line.\n",
			      stdout);
		int rc = plain_run(c, ix, o, in, stdout, ui_plain_width());
		if (tty)
			fclose(tty);
		return rc;
	}
	ui_signal = 0;
	ui_signals();
	if (!getenv("ESCDELAY"))
		set_escdelay(50);
	ui_sane_size_env();
	SCREEN *scr = newterm(NULL, stdout, in);
	if (!scr) {
		ui_signals_restore();
		if (tty)
			fclose(tty);
		const char *term = getenv("TERM");
		diag(DIAG_ERROR, NULL, 0, 0, "cannot use the terminal type \"%s\"",
		     term ? term : "");
		return 2;
	}
	set_term(scr);
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	ui_define_keys();
	curs_set(1);
	/* Clicks and the wheel only: no motion reports, so the terminal's own selection works
	 * with Shift, and nothing arrives while the mouse just moves. */
	if (!o->no_mouse)
		mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);

	struct ui u = {
		.c = c,
		.ix = ix,
		.utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0),
		.rd = { .sel = VIEW_NONE, .cur = VIEW_NONE },
		.rs = { .sel = VIEW_NONE, .cur = VIEW_NONE, .list = true },
		.ug = { .sel = VIEW_NONE, .cur = VIEW_NONE, .list = true },
		.so = { .sel = VIEW_NONE, .cur = VIEW_NONE },
	};
	ui_colors(&u, o->color);
	ui_geometry(&u);
	ui_start(&u, o);

	int idle = 0;
	while (!u.quit) {
		ui_draw(&u);
		refresh();
		if (ui_signal)
			break;
		wint_t ch;
		int rc = get_wch(&ch);
		if (ui_signal)
			break;
		if (rc == ERR) {
			/* Reads that keep failing with no signal mean the terminal went away. */
			if (++idle > UI_MAX_IDLE_ERRORS) {
				u.status = 2;
				break;
			}
			continue;
		}
		idle = 0;
		ui_key(&u, (struct ui_key){ .ch = ch, .is_key = rc == KEY_CODE_YES });
	}
	endwin();
	delscreen(scr);
	state_save(&u);
	ui_signals_restore();
	if (tty)
		fclose(tty);
	ui_free(&u);
	if (ui_signal)
		return 128 + ui_signal;
	return u.status;
}
