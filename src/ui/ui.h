/* ui.h - the ncurses pager: contents, reader, results, urgency and help screens. */
#ifndef EXOREAD_UI_H
#define EXOREAD_UI_H

#include <stdbool.h>

#include "../model.h"
#include "../search.h"

enum ui_color {
	UI_COLOR_AUTO,
	UI_COLOR_ALWAYS,
	UI_COLOR_NEVER,
};

struct ui_opts {
	enum ui_color color;      /* NO_COLOR already folded in by the caller */
	const struct node *start; /* open this section in the reader; NULL: contents */
	const char *query;        /* open the results for this query; NULL: none */
	bool plain;               /* print sections and read command lines, as on a dumb terminal */
	bool no_mouse;            /* leave the mouse to the terminal */
	bool urgent;              /* open "When to get help" first */
};

/*
 * Run the pager on the terminal until the user quits. c and ix must stay
 * valid throughout. Keys come from stdin, or from /dev/tty when stdin is not a
 * terminal. Returns the exit status: 0 after q, 2 when the terminal cannot be
 * used (the message is already printed), 128 + the signal number after
 * SIGINT, SIGTERM, SIGHUP or SIGQUIT (the terminal is restored first).
 */
int ui_run(const struct content *c, const struct search_index *ix, const struct ui_opts *o);

#endif
