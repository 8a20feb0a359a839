/* ui.c - the pager core: terminal set-up, signals, panes, and the dispatcher that turns keys
 * and clicks into requests for the screens, the prompt and the places to go. The screens live
 * in toc.c, reader.c, results.c, urgent.c, sources.c and help.c; view.c holds the scrolling
 * line view they share, draw.c the drawing and history.c the places gone to.
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
	UI_MAX_SIZE = 1000,      /* COLUMNS and LINES past this are not believed */
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
	if (u->urgent.L.n) {
		struct vpos p = view_pos(&u->urgent);
		urgent_load(u);
		view_restore(&u->urgent, &p, ui_rect_lines(&u->main_r));
	}
	if (u->sources.L.n) {
		struct vpos p = view_pos(&u->sources);
		sources_load(u);
		view_restore(&u->sources, &p, ui_rect_lines(&u->main_r));
	}
	if (u->help)
		help_layout(u);
}

/* ---- the screens ---- */

/* The dispatcher's table: where the view of each screen of the main pane sits in the UI
 * state, what the screen does with a request, and what it says on the status line (the
 * breadcrumb, and a word to put before the position, or NULL). */
static const struct screen_ops {
	size_t view;
	bool (*request)(struct ui *u, enum request req);
	const char *(*status)(const struct ui *u, struct buf *crumb);
} screens[] = {
	[SCR_READER] = { offsetof(struct ui, reader), reader_request, reader_status },
	[SCR_RESULTS] = { offsetof(struct ui, results), results_request, results_status },
	[SCR_URGENT] = { offsetof(struct ui, urgent), urgent_request, urgent_status },
	[SCR_SOURCES] = { offsetof(struct ui, sources), sources_request, sources_status },
};

const struct view *ui_main_view(const struct ui *u)
{
	return (const struct view *)(const void *)((const char *)u + screens[u->screen].view);
}

/* The view of the screen in the main pane, to change. */
static struct view *main_view(struct ui *u)
{
	return (struct view *)(void *)((char *)u + screens[u->screen].view);
}

void ui_screen_status(const struct ui *u, struct buf *crumb, char *right, size_t rightsz)
{
	if (u->focus == PANE_TOC) {
		toc_status(u, crumb, right, rightsz);
		return;
	}
	const struct view *v = ui_main_view(u);
	char where[16];
	ui_percent(v->top, ui_rect_lines(&u->main_r), v->L.n, where, sizeof where);
	const char *word = screens[u->screen].status(u, crumb);
	/* The id goes on the right beside the position, where a narrow screen keeps it: it is
	 * what `exoread print` takes. */
	if (word)
		snprintf(right, rightsz, "%s  %s", word, where);
	else
		snprintf(right, rightsz, "%s", where);
}

bool ui_list_request(struct ui *u, struct view *v, enum request req)
{
	if (view_request(v, req, ui_rect_lines(&u->main_r)))
		return true;
	const struct vlink *l = view_chosen(v);
	if (req != REQ_OPEN || l == NULL)
		return false;
	if (l->target)
		ui_open_section(u, l->target, l->block);
	return true;
}

/* ---- places ---- */

void ui_open_section(struct ui *u, const struct node *sec, const struct node *block)
{
	history_leave(u, NULL);
	reader_load(u, sec, block);
	u->last = sec;
	if (sec == u->resume && !block) {
		/* Back where the last run stopped reading. */
		size_t h = ui_rect_lines(&u->main_r), max = view_max_top(&u->reader, h);
		u->reader.top = u->resume_top < max ? u->resume_top : max;
		u->resume = NULL;
	}
	u->screen = SCR_READER;
	u->focus = PANE_MAIN;
	history_arrive(u);
}

int ui_open_results(struct ui *u, const char *query)
{
	/* The search may find nothing searchable; history changes only when it succeeds. */
	struct hist saved = { 0 };
	history_store(u, &saved);
	if (results_load(u, query) < 0) {
		free(saved.query);
		return -1;
	}
	history_leave(u, &saved);
	u->screen = SCR_RESULTS;
	u->focus = PANE_MAIN;
	free(u->highlight);
	u->highlight = xstrdup(query);
	if (u->sec)
		view_set_matches(&u->reader, u->ix, u->highlight);
	history_arrive(u);
	return 0;
}

void ui_open_urgent(struct ui *u)
{
	history_leave(u, NULL);
	if (!u->urgent.L.n)
		urgent_load(u);
	u->screen = SCR_URGENT;
	u->focus = PANE_MAIN;
	history_arrive(u);
}

void ui_open_sources(struct ui *u, int num)
{
	if (u->screen == SCR_SOURCES && u->focus == PANE_MAIN)
		return;
	history_leave(u, NULL);
	if (!u->sources.L.n)
		sources_load(u);
	size_t h = ui_rect_lines(&u->main_r), top = sources_line(u, num);
	u->sources.top = top < view_max_top(&u->sources, h) ? top : view_max_top(&u->sources, h);
	u->screen = SCR_SOURCES;
	u->focus = PANE_MAIN;
	history_arrive(u);
}

void ui_open_toc(struct ui *u)
{
	if (u->focus == PANE_TOC)
		return;
	history_leave(u, NULL);
	u->focus = PANE_TOC;
	if (u->sec)
		toc_reveal(u, u->sec);
	history_arrive(u);
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
	free(u->highlight);
	u->highlight = *q ? xstrdup(q) : NULL;
	view_set_matches(&u->reader, u->ix, u->highlight);
	if (!u->highlight)
		return;
	size_t n = reader_match_count(u);
	if (n == 0) {
		ui_message(u, false, "No match for \"%s\" in this section. Press s to search all.",
			   q);
		return;
	}
	struct view *v = &u->reader;
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
		history_move(u, -1);
		break;
	case REQ_FORWARD:
		history_move(u, 1);
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
		history_load_last(u);
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
			u->highlight = xstrdup(o->query);
			view_set_matches(&u->reader, u->ix, u->highlight);
		} else {
			ui_message(u, true, "Nothing to search for in \"%s\".", o->query);
		}
	}
	history_store(u, &u->hist[0]);
	if (o->urgent)
		ui_open_urgent(u);
}

static void ui_free(struct ui *u)
{
	toc_free(u);
	view_free(&u->reader);
	view_free(&u->urgent);
	view_free(&u->sources);
	results_free(u);
	layout_free(&u->help_L);
	buf_free(&u->prompt);
	free(u->highlight);
	history_free(u);
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

/* Keys come from the terminal even when stdin is redirected, as in less: *in is stdin or the
 * opened *tty. False (the message printed) when there is no terminal to read. */
static bool ui_key_input(FILE **in, FILE **tty)
{
	*in = stdin;
	*tty = NULL;
	if (isatty(STDIN_FILENO))
		return true;
	*tty = fopen("/dev/tty", "r");
	if (!*tty) {
		diag(DIAG_ERROR, NULL, 0, 0, "cannot open the terminal: %s", strerror(errno));
		return false;
	}
	*in = *tty;
	return true;
}

/* Take over the terminal on stdout with keys from in; NULL (the message printed and the
 * signals restored) when curses cannot use it. */
static SCREEN *ui_term_start(FILE *in, const struct ui_opts *o)
{
	ui_signal = 0;
	ui_signals();
	if (!getenv("ESCDELAY"))
		set_escdelay(50);
	ui_sane_size_env();
	SCREEN *scr = newterm(NULL, stdout, in);
	if (!scr) {
		ui_signals_restore();
		const char *term = getenv("TERM");
		diag(DIAG_ERROR, NULL, 0, 0, "cannot use the terminal type \"%s\"",
		     term ? term : "");
		return NULL;
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
	return scr;
}

/* Draw, read a key, act on it; until the user quits, a signal arrives or reads keep failing
 * with no signal, which means the terminal went away. */
static void ui_loop(struct ui *u)
{
	int idle = 0;
	while (!u->quit) {
		ui_draw(u);
		refresh();
		if (ui_signal)
			break;
		wint_t ch;
		int rc = get_wch(&ch);
		if (ui_signal)
			break;
		if (rc == ERR) {
			if (++idle > UI_MAX_IDLE_ERRORS) {
				u->status = 2;
				break;
			}
			continue;
		}
		idle = 0;
		ui_key(u, (struct ui_key){ .ch = ch, .is_key = rc == KEY_CODE_YES });
	}
}

int ui_run(const struct content *c, const struct search_index *ix, const struct ui_opts *o)
{
	setlocale(LC_ALL, "");
	const char *cs = nl_langinfo(CODESET);
	FILE *in, *tty;
	if (!ui_key_input(&in, &tty))
		return 2;
	if (o->plain || !ui_term_can_address()) {
		if (!o->plain)
			fputs("This terminal cannot move the cursor, so the text comes line by line.\n",
			      stdout);
		int rc = plain_run(c, ix, o, in, stdout, ui_plain_width());
		if (tty)
			fclose(tty);
		return rc;
	}
	SCREEN *scr = ui_term_start(in, o);
	if (!scr) {
		if (tty)
			fclose(tty);
		return 2;
	}
	struct ui u = {
		.c = c,
		.ix = ix,
		.utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0),
		.reader = { .sel = VIEW_NONE, .cur = VIEW_NONE },
		.results = { .sel = VIEW_NONE, .cur = VIEW_NONE, .list = true },
		.urgent = { .sel = VIEW_NONE, .cur = VIEW_NONE, .list = true },
		.sources = { .sel = VIEW_NONE, .cur = VIEW_NONE },
	};
	ui_colors(&u, o->color);
	ui_geometry(&u);
	ui_start(&u, o);
	ui_loop(&u);
	endwin();
	delscreen(scr);
	history_save_last(&u);
	ui_signals_restore();
	if (tty)
		fclose(tty);
	ui_free(&u);
	if (ui_signal)
		return 128 + ui_signal;
	return u.status;
}
