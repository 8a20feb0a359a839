/* keymap.h - keys are data: a key maps to a request in one table per context (as tig's
 * request enum and keymaps). Screens act on requests; the help screen, the manual page and the
 * README list the keys from these tables. Needs only curses' KEY_* codes. */
#ifndef EXOREAD_KEYMAP_H
#define EXOREAD_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>
#include <wchar.h>

#include "../util.h"

enum request {
	REQ_NONE,
	/* moving */
	REQ_LINE_DOWN,
	REQ_LINE_UP,
	REQ_PAGE_DOWN,
	REQ_PAGE_UP,
	REQ_HALF_DOWN,
	REQ_HALF_UP,
	REQ_TOP,
	REQ_END,
	/* going places */
	REQ_HELP,
	REQ_QUIT,
	REQ_BACK,
	REQ_FORWARD,
	REQ_CONTENTS,
	REQ_URGENT,
	REQ_SEARCH_ALL,
	REQ_SOURCES,
	REQ_NEXT_SECTION,
	REQ_PREV_SECTION,
	REQ_REDRAW,
	/* contents */
	REQ_OPEN,
	REQ_EXPAND,
	REQ_COLLAPSE,
	REQ_EXPAND_ALL,
	REQ_SWITCH_PANE,
	/* reader */
	REQ_ENTER, /* follow the chosen link, or one line down */
	REQ_NEXT_LINK,
	REQ_PREV_LINK,
	REQ_FIND,
	REQ_NEXT_MATCH,
	REQ_PREV_MATCH,
	REQ_SAVE,
	/* the prompt */
	REQ_PROMPT_DONE,
	REQ_PROMPT_ERASE,
	REQ_PROMPT_KILL,
	REQ_PROMPT_WORD,
	REQ_PROMPT_CANCEL,
	/* help */
	REQ_CLOSE,
	REQ_COUNT
};

/* Where a key is read. Contents, reader and lists fall back on the KM_GLOBAL table. */
enum keymap_ctx {
	KM_GLOBAL,
	KM_CONTENTS,
	KM_READER,
	KM_LIST, /* search results, when to get help, sources */
	KM_PROMPT,
	KM_HELP,
	KM_COUNT
};

/* One key: a character (is_key false) or a curses KEY_* code. */
struct keydef {
	wint_t ch;
	bool is_key;
};

enum {
	KEYMAP_MAX_KEYS = 8
};

/* A row of a table: a request, what it does in words, and the keys that ask for it. */
struct binding {
	enum request req;
	const char *help;
	struct keydef keys[KEYMAP_MAX_KEYS]; /* ends at the first zero ch */
};

/* The request for key k in context ctx (its table first, then KM_GLOBAL where it applies), or
 * REQ_NONE. */
enum request keymap_lookup(enum keymap_ctx ctx, wint_t ch, bool is_key);
/* The table of ctx and its length; static, never NULL. */
const struct binding *keymap_table(enum keymap_ctx ctx, size_t *n);
/* The heading the help screen gives ctx, e.g. "Reading". */
const char *keymap_title(enum keymap_ctx ctx);
/* The name a person types: "q", "Ctrl-D", "PgDn", "Esc". Static storage; never NULL. */
const char *keymap_key_name(const struct keydef *k);
/* Append the keys of b, joined by sep (" " for the help screen), to out. */
void keymap_keys(struct buf *out, const struct binding *b, const char *sep);
/* Append every table as the manual page's key list (mdoc) or the README's (Markdown table). */
void keymap_man(struct buf *out);
void keymap_markdown(struct buf *out);

#endif
