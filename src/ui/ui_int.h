/* ui_int.h - the pager's internals: the one UI state, the scrolling line view and the screens.
 *
 * Every screen is a pair: drawing only reads the state and x_request() only changes it. The
 * dispatcher in ui.c owns the terminal, the panes and the prompt, and sends each request to
 * the screen it is for; draw.c draws, including the status and bottom lines, and history.c
 * keeps the places gone to.
 */
#ifndef EXOREAD_UI_INT_H
#define EXOREAD_UI_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <curses.h>
#include <wchar.h>

#include "../layout.h"
#include "../model.h"
#include "../search.h"
#include "../util.h"
#include "keymap.h"
#include "ui.h"

#define VIEW_NONE ((size_t)-1)

/* Lines of text no longer than this on wide terminals, as glow does. */
enum {
	UI_TEXT_MAX = 100
};

/* How a piece of text is drawn; mapped to curses attributes and colour pairs in ui.c. */
enum ui_role {
	ROLE_NORMAL,
	ROLE_HEADING,
	ROLE_QUESTION,
	ROLE_TERM,
	ROLE_URG_EMERGENCY,
	ROLE_URG_CALL,
	ROLE_URG_WATCH,
	ROLE_URG_EXPECTED,
	ROLE_LABEL,
	ROLE_SOURCE,
	ROLE_LINK,
	ROLE_LINK_SEL,
	ROLE_MATCH,
	ROLE_MATCH_CUR,
	ROLE_DIM,
	ROLE_STATUS,
	ROLE_STATUS_KEY,
	ROLE_CURSOR,
	ROLE_CURSOR_IDLE,
	ROLE_BORDER,
	ROLE_NOTICE,
	ROLE_ERROR,
	ROLE_COUNT
};

/* The panes: contents on the left (or alone), the main screen on the right (or alone). */
enum ui_pane {
	PANE_TOC,
	PANE_MAIN,
};

/* What the main pane shows. */
enum ui_screen {
	SCR_READER,
	SCR_RESULTS,
	SCR_URGENT,
	SCR_SOURCES,
};

/* What the bottom line is asking for, if anything. */
enum ui_prompt {
	PROMPT_NONE,
	PROMPT_SEARCH, /* words to search all sections for */
	PROMPT_FIND,   /* words to find in the open page */
	PROMPT_SAVE,   /* a file to save the open section to */
};

/* A rectangle of the terminal. */
struct rect {
	int y, x, h, w;
};

/* A selectable place in a view: a link span, a search hit or an urgent symptom. */
struct vlink {
	size_t line;               /* layout line holding it */
	size_t start, len;         /* byte range within the line */
	const struct node *target; /* section to open; NULL for a "did you mean" entry */
	const struct node *block;  /* block to show first within target, or NULL */
	int source;                /* a reference such as [2,3]: the first number; else 0 */
};

/* A scrolling view over layout lines, shared by the reader, results and urgent screens. */
struct view {
	struct layout L;
	size_t top;          /* first line shown */
	struct vlink *links; /* selectable places, in line order */
	size_t nlinks;
	size_t sel;                 /* selected link or VIEW_NONE */
	bool list;                  /* Up/Down move the selection instead of scrolling */
	struct search_mark **marks; /* per line: matches of the highlight query, or NULL */
	size_t *nmarks;
	size_t nmatch_lines; /* lines with at least one match */
	size_t cur;          /* line of the current match, or VIEW_NONE */
};

/* A reading position that survives a new layout at another width. */
struct vpos {
	const struct node *node; /* first node at or below the top line, or NULL */
	size_t into_node;        /* lines between the node's first line and that line */
	size_t from_top;         /* lines between the top line and that line */
	size_t line;             /* the raw top line, used when node is NULL */
	const struct node *sel;  /* target of the selected link, or NULL */
	size_t sel_index;        /* its index, when the same target is linked twice */
	size_t sel_raw;          /* the selected link's index when it has no target, or VIEW_NONE */
};

/* One place in the history. */
struct hist {
	enum ui_screen screen;
	enum ui_pane focus;
	const struct node *sec; /* SCR_READER: the section */
	char *query;            /* SCR_RESULTS: the query (owned) */
	struct vpos pos;
};

/* The contents screen. */
struct toc {
	bool *open;               /* open[ord]: the section's children are shown */
	const struct node **rows; /* the visible sections, in order */
	size_t nrows;
	size_t cur;                /* cursor row */
	size_t top;                /* first line shown; the notice and a heading come before rows */
	const struct node *notice; /* the safety notice section, or NULL */
	struct layout nl;          /* the notice laid out at the pane width */
	int width;                 /* width nl was laid out at */
};

/* The one UI state. */
struct ui {
	const struct content *c;
	const struct search_index *ix;

	int rows, cols; /* terminal size */
	bool small;     /* too small to use: only a note is shown */
	bool wide;      /* two panes */
	struct rect toc_r, main_r, status_r, line_r;
	bool utf8; /* the locale can show UTF-8 */

	enum ui_pane focus;
	enum ui_screen screen;

	struct toc toc;
	const struct node *sec; /* the section in the reader */
	struct view reader;     /* the section in the reader */
	char *rquery;           /* the query the results show (owned) */
	struct search_result res;
	struct view results; /* search hits */
	struct view urgent;  /* when to get help */
	struct view sources; /* what the numbers in brackets stand for */

	char *highlight; /* query whose matches are highlighted in the reader, or NULL */

	bool help; /* the help overlay is open */
	size_t help_top;
	struct layout help_L;

	enum ui_prompt prompting; /* a prompt owns the bottom line */
	struct buf prompt;        /* UTF-8 text typed so far */
	char msg[256];            /* one-shot message for the bottom line */
	bool msg_error;

	struct hist *hist;
	size_t nhist, hpos;

	struct {
		attr_t attr;
		short pair;
	} role[ROLE_COUNT];

	/* The last place read, kept between runs in $XDG_STATE_HOME/exoread/last. */
	const struct node *last;   /* the section opened last in this run, or NULL */
	const struct node *resume; /* the section read last time; opening it goes to resume_top */
	size_t resume_top;

	bool quit;
	int status;
};

/* A key as read: a character (is_key false) or a KEY_* code. */
struct ui_key {
	wint_t ch;
	bool is_key;
};

/* draw.c: colours, drawing helpers shared by the screens, and the frame around them. */

/* Choose each role's attributes and colour pair; want: from --color and NO_COLOR. */
void ui_colors(struct ui *u, enum ui_color want);
/* Draw the whole terminal: the panes, the status line, the bottom line and the help on top;
 * leaves the terminal cursor on the focus. */
void ui_draw(const struct ui *u);

/* Draw layout line ln at (y, x) clipped to w columns with its spans, the matches in marks[0..nmarks),
 * cur_match highlighted harder when set, and the byte range sel (len 0: none) as the selection. */
void ui_draw_lline(const struct ui *u, int y, int x, int w, const struct lline *ln,
		   const struct search_mark *marks, size_t nmarks, bool cur_match, size_t sel_start,
		   size_t sel_len);
/* Draw UTF-8 text s at (y, x) clipped to w columns in role r; returns columns used. */
int ui_draw_text(const struct ui *u, int y, int x, int w, const char *s, size_t len,
		 enum ui_role r);
/* Box lines in the border role: vertical and horizontal runs of n cells, and one corner
 * (0 upper left, 1 upper right, 2 lower left, 3 lower right). */
void ui_vline(const struct ui *u, int y, int x, int n);
void ui_hline(const struct ui *u, int y, int x, int n);
void ui_corner(const struct ui *u, int y, int x, int which);
/* Fill w columns at (y, x) with blanks in role r. */
void ui_fill(const struct ui *u, int y, int x, int w, enum ui_role r);
/* Columns of margin each side of the text in pane r: one when the pane has room for it. */
int ui_margin(const struct rect *r);
/* Columns of text in pane r: its width less the margins, at least 1. */
int ui_pane_width(const struct rect *r);
/* Columns text is laid out at in pane r: ui_pane_width(), at most UI_TEXT_MAX (long lines are
 * hard to follow). */
int ui_text_width(const struct rect *r);
/* Number of text lines a rectangle shows. */
size_t ui_rect_lines(const struct rect *r);

/* ui.c: the dispatcher, and the places to go. */

/* The view of the screen in the main pane. */
const struct view *ui_main_view(const struct ui *u);
/* The status line of the focused screen: the breadcrumb into crumb, and on the right (a
 * string of at most rightsz bytes) where the screen stands. */
void ui_screen_status(const struct ui *u, struct buf *crumb, char *right, size_t rightsz);
/* The list screens' requests on view v: movement, and Open on an entry opens its section at
 * its block. Returns true when handled. */
bool ui_list_request(struct ui *u, struct view *v, enum request req);
/* Show a one-shot message on the bottom line. */
void ui_message(struct ui *u, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Open section sec (block: scroll to it; may be NULL) in the reader, as a new history place. */
void ui_open_section(struct ui *u, const struct node *sec, const struct node *block);
/* Run query and show its results, as a new history place. Returns -1 when nothing was searchable. */
int ui_open_results(struct ui *u, const char *query);
/* Open the section after (dir 1) or before (dir -1) the one shown, as a new history place. */
void ui_section_step(struct ui *u, int dir);
/* Show the "when to get help" screen, as a new history place. */
void ui_open_urgent(struct ui *u);
/* Show the sources screen with source number num at the top (0: from the start), as a new
 * history place. */
void ui_open_sources(struct ui *u, int num);
/* Move focus to the contents (a new history place when it changes anything). */
void ui_open_toc(struct ui *u);
/* The title of section s with its ancestors, joined by " > ", into b. */
void ui_breadcrumb(struct buf *b, const struct node *s);

/* view.c: the scrolling line view. */

/* Release everything in v and zero it. */
void view_free(struct view *v);
/* Collect v->links, in line order, from the LS_LINK spans of its layout; forgets the old ones
 * and the selection. */
void view_collect_links(struct view *v);
/* Compute per-line matches of query (NULL clears) with the search module. */
void view_set_matches(struct view *v, const struct search_index *ix, const char *query);
/* Lines the view can show starting at top without empty space below, for h lines of screen. */
size_t view_max_top(const struct view *v, size_t h);
/* Scroll by delta lines (clamped). */
void view_scroll(struct view *v, long delta, size_t h);
/* Make line i visible, with some context above when it had to move. */
void view_show_line(struct view *v, size_t i, size_t h);
/* Select link i (VIEW_NONE clears) and bring it into view. */
void view_select(struct view *v, size_t i, size_t h);
/* First line of node n in the layout (searching the node and its descendants), or VIEW_NONE. */
size_t view_find_node(const struct view *v, const struct node *n);
/* Save the reading position. */
struct vpos view_pos(const struct view *v);
/* Restore a saved position after a new layout. */
void view_restore(struct view *v, const struct vpos *p, size_t h);
/* Where a screen of h lines from line top stands in total lines, for the status line: "All",
 * "Top", "End" or "NN%" (how much has been shown). */
void ui_percent(size_t top, size_t h, size_t total, char *out, size_t outsz);
/* Move to the next (dir 1) or previous (dir -1) line with matches; returns false when none. */
bool view_next_match(struct view *v, int dir, size_t h, bool *wrapped);
/* Draw v into rect r. */
void view_draw(const struct ui *u, const struct view *v, const struct rect *r, bool focused);
/* Where the terminal cursor goes for v in r: the selection, the current match, or the top. */
void view_cursor(const struct ui *u, const struct view *v, const struct rect *r, int *y, int *x);
/* Index of the link at line/column of a click in r, or VIEW_NONE. */
size_t view_link_at(const struct view *v, const struct rect *r, int y, int x);
/* Shared requests: movement and link cycling. Returns true when handled. */
bool view_request(struct view *v, enum request req, size_t h);
/* The chosen link of v, or NULL. */
const struct vlink *view_chosen(const struct view *v);

/* toc.c: the contents. */
void toc_init(struct ui *u);
void toc_free(struct ui *u);
/* Lay the notice out again and rebuild rows; call after a resize. */
void toc_relayout(struct ui *u);
/* The first screen's banner: the notice's first sentence, its note's first sentence when
 * with_note, and the key for when to get help. */
void toc_banner_text(struct buf *b, const struct node *notice, bool with_note);
/* Columns the contents pane needs to show every title whole, margins included. */
int toc_fit_width(const struct content *c);
/* Put the cursor on sec, opening its ancestors. */
void toc_reveal(struct ui *u, const struct node *sec);
void toc_draw(const struct ui *u, bool focused);
void toc_cursor(const struct ui *u, int *y, int *x);
bool toc_request(struct ui *u, enum request req);
bool toc_click(struct ui *u, int y, int x);
/* Scroll the rows by delta lines without moving the cursor (the mouse wheel). */
void toc_scroll(struct ui *u, long delta);
void toc_status(const struct ui *u, struct buf *crumb, char *pct, size_t pctsz);

/* reader.c: one section. */
/* Lay out sec at the main pane width; block: show it at the top (may be NULL). */
void reader_load(struct ui *u, const struct node *sec, const struct node *block);
/* Lay the section out again at the current width; old_h: the pane height before. */
void reader_relayout(struct ui *u, size_t old_h);
bool reader_request(struct ui *u, enum request req);
/* The breadcrumb into crumb; returns a word for before the position, or NULL. */
const char *reader_status(const struct ui *u, struct buf *crumb);
/* A file name to offer for saving the open section (owned by the caller). */
char *reader_save_name(const struct ui *u);
/* Save the open section as plain text to path; says how it went on the bottom line. */
void reader_save(struct ui *u, const char *path);
/* Matches of the find (or search) words in the open section. */
size_t reader_match_count(const struct ui *u);

/* results.c: search hits. */
/* Run query into u->res and lay it out; -1 when the query held nothing searchable. */
int results_load(struct ui *u, const char *query);
void results_relayout(struct ui *u);
bool results_request(struct ui *u, enum request req);
/* The breadcrumb into crumb; returns a word for before the position, or NULL. */
const char *results_status(const struct ui *u, struct buf *crumb);
void results_free(struct ui *u);

/* urgent.c: symptoms by urgency. */
void urgent_load(struct ui *u);
bool urgent_request(struct ui *u, enum request req);
/* The breadcrumb into crumb; returns a word for before the position, or NULL. */
const char *urgent_status(const struct ui *u, struct buf *crumb);

/* sources.c: what [n] stands for. */
void sources_load(struct ui *u);
/* The first line of source number num on the sources screen, or 0. */
size_t sources_line(const struct ui *u, int num);
bool sources_request(struct ui *u, enum request req);
/* The breadcrumb into crumb; returns a word for before the position, or NULL. */
const char *sources_status(const struct ui *u, struct buf *crumb);

/* history.c: the places gone to in this run, and the last one between runs. */

/* Store the current place into h (its old query is freed). */
void history_store(struct ui *u, struct hist *h);
/* Before going somewhere new: remember where we are (saved, when not NULL, was taken before
 * the state changed; it is taken over) and forget the forward places. */
void history_leave(struct ui *u, struct hist *saved);
/* After arriving: the current place becomes the newest entry. */
void history_arrive(struct ui *u);
/* Go back (dir -1) or forward (dir 1) one place; says so when there is none. */
void history_move(struct ui *u, int dir);
void history_free(struct ui *u);
/* Read the section read last time into u->resume and u->resume_top (nothing when unknown). */
void history_load_last(struct ui *u);
/* Keep u->last and where it was read for the next run; failing is not worth a word. */
void history_save_last(const struct ui *u);

/* term.c: whether TERM names a known terminal that can move the cursor (has cup). Without it
 * curses would draw a blank screen, so the plain reader takes over (less warns and goes on). */
bool ui_term_can_address(void);

/* plain.c: the line-by-line reader for terminals without cursor addressing. */
/* Print to out, read command lines from in until q or the end of input; returns 0. */
int plain_run(const struct content *c, const struct search_index *ix, const struct ui_opts *o,
	      FILE *in, FILE *out, int width);

/* help.c: the key overlay. */
void help_layout(struct ui *u);
void help_draw(const struct ui *u);
bool help_request(struct ui *u, enum request req);

#endif
