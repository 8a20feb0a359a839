/* keymap.c - the key tables: one per context, each row a request, its words and its keys. */
#include "keymap.h"

#include <curses.h>
#include <stdio.h>
#include <string.h>

#define CH(c)             \
	{                 \
		.ch = (c) \
	}
#define KY(k)                             \
	{                                 \
		.ch = (k), .is_key = true \
	}
#define CTRL(c)   CH((c)&0x1f)
#define ESC       CH(27)
#define ENTER     CH('\r'), CH('\n'), KY(KEY_ENTER)
#define BACKSPACE CH(127), CH(8), KY(KEY_BACKSPACE)

/* Everywhere but the prompt and help: the contents, the reader and the lists. */
static const struct binding km_global[] = {
	{ REQ_LINE_DOWN, "one line down", { KY(KEY_DOWN), CH('j'), CH('e'), CTRL('n') } },
	{ REQ_LINE_UP, "one line up", { KY(KEY_UP), CH('k'), CH('y'), CTRL('p') } },
	{ REQ_PAGE_DOWN, "one screen down", { CH(' '), KY(KEY_NPAGE), CH('f'), CTRL('f') } },
	{ REQ_PAGE_UP, "one screen up", { CH('b'), KY(KEY_PPAGE), CTRL('b') } },
	{ REQ_HALF_DOWN, "half a screen down", { CTRL('d') } },
	{ REQ_HALF_UP, "half a screen up", { CTRL('u') } },
	{ REQ_TOP, "to the top", { CH('g'), KY(KEY_HOME), CH('<') } },
	{ REQ_END, "to the end", { CH('G'), KY(KEY_END), CH('>') } },
	{ REQ_BACK, "back one screen", { ESC, BACKSPACE, CH('B') } },
	{ REQ_FORWARD, "forward again", { CH('F') } },
	{ REQ_CONTENTS, "the contents", { CH('t'), CH('u') } },
	{ REQ_URGENT, "when to get help: the signs by urgency", { CH('!') } },
	{ REQ_SEARCH_ALL, "search all sections", { CH('s') } },
	{ REQ_SOURCES, "the sources: what [1] and [2,3] stand for", { CH('S') } },
	{ REQ_NEXT_SECTION, "the next section", { CH(']') } },
	{ REQ_PREV_SECTION, "the previous section", { CH('[') } },
	{ REQ_HELP, "show these keys", { CH('?'), KY(KEY_F(1)) } },
	{ REQ_REDRAW, "draw the screen again", { CTRL('l') } },
	{ REQ_QUIT, "quit", { CH('q'), CH('Q') } },
};

static const struct binding km_contents[] = {
	{ REQ_OPEN, "read the chosen section", { ENTER } },
	{ REQ_EXPAND, "show the parts of a section", { KY(KEY_RIGHT), CH('l'), CH('+') } },
	{ REQ_COLLAPSE, "hide them again", { KY(KEY_LEFT), CH('h'), CH('-') } },
	{ REQ_EXPAND_ALL, "show every part", { CH('*') } },
	{ REQ_SEARCH_ALL, "search all sections", { CH('/') } },
	{ REQ_SWITCH_PANE, "go to the text beside (two panes)", { CH('\t'), KY(KEY_BTAB) } },
};

static const struct binding km_reader[] = {
	{ REQ_FIND, "find in this page", { CH('/') } },
	{ REQ_NEXT_MATCH, "the next match in the page", { CH('n') } },
	{ REQ_PREV_MATCH, "the previous match", { CH('N') } },
	{ REQ_NEXT_LINK, "the next link; after the last, the other pane", { CH('\t') } },
	{ REQ_PREV_LINK, "the previous link", { KY(KEY_BTAB) } },
	{ REQ_ENTER, "follow the chosen link", { ENTER } },
	{ REQ_BACK, "back one screen", { KY(KEY_LEFT), CH('h') } },
	{ REQ_FORWARD, "forward again", { KY(KEY_RIGHT), CH('l') } },
	{ REQ_SAVE, "save this section to a file", { CH('w') } },
};

static const struct binding km_list[] = {
	{ REQ_OPEN, "open the chosen entry", { ENTER } },
	{ REQ_SEARCH_ALL, "search all sections", { CH('/') } },
	{ REQ_BACK, "back one screen", { KY(KEY_LEFT), CH('h') } },
	{ REQ_FORWARD, "forward again", { KY(KEY_RIGHT), CH('l') } },
	{ REQ_SWITCH_PANE, "go to the contents beside (two panes)", { CH('\t'), KY(KEY_BTAB) } },
};

static const struct binding km_prompt[] = {
	{ REQ_PROMPT_DONE, "search", { ENTER } },
	{ REQ_PROMPT_ERASE, "delete the last letter", { BACKSPACE } },
	{ REQ_PROMPT_KILL, "delete everything typed", { CTRL('u') } },
	{ REQ_PROMPT_WORD, "delete the last word", { CTRL('w') } },
	{ REQ_PROMPT_CANCEL, "cancel", { ESC, CTRL('g') } },
};

static const struct binding km_help[] = {
	{ REQ_LINE_DOWN, "one line down", { KY(KEY_DOWN), CH('j') } },
	{ REQ_LINE_UP, "one line up", { KY(KEY_UP), CH('k') } },
	{ REQ_PAGE_DOWN, "one screen down", { CH(' '), KY(KEY_NPAGE) } },
	{ REQ_PAGE_UP, "one screen up", { CH('b'), KY(KEY_PPAGE) } },
	{ REQ_TOP, "to the top", { CH('g'), KY(KEY_HOME) } },
	{ REQ_END, "to the end", { CH('G'), KY(KEY_END) } },
	{ REQ_CLOSE, "close this help", { ESC, CH('q'), CH('Q'), CH('?'), KY(KEY_F(1)), ENTER } },
};

static const struct {
	const struct binding *t;
	size_t n;
	const char *title;
} tables[KM_COUNT] = {
#define T(a) a, sizeof a / sizeof a[0]
	[KM_GLOBAL] = { T(km_global), "Everywhere" },
	[KM_CONTENTS] = { T(km_contents), "In the contents" },
	[KM_READER] = { T(km_reader), "Reading a section" },
	[KM_LIST] = { T(km_list), "Search results, when to get help, sources" },
	[KM_PROMPT] = { T(km_prompt), "Typing a search" },
	[KM_HELP] = { T(km_help), "This help" },
#undef T
};

const struct binding *keymap_table(enum keymap_ctx ctx, size_t *n)
{
	*n = tables[ctx].n;
	return tables[ctx].t;
}

const char *keymap_title(enum keymap_ctx ctx)
{
	return tables[ctx].title;
}

static enum request find(enum keymap_ctx ctx, wint_t ch, bool is_key)
{
	for (size_t i = 0; i < tables[ctx].n; i++) {
		const struct binding *b = &tables[ctx].t[i];
		for (size_t j = 0; j < KEYMAP_MAX_KEYS && b->keys[j].ch; j++)
			if (b->keys[j].ch == ch && b->keys[j].is_key == is_key)
				return b->req;
	}
	return REQ_NONE;
}

enum request keymap_lookup(enum keymap_ctx ctx, wint_t ch, bool is_key)
{
	enum request r = find(ctx, ch, is_key);
	if (r == REQ_NONE && (ctx == KM_CONTENTS || ctx == KM_READER || ctx == KM_LIST))
		r = find(KM_GLOBAL, ch, is_key);
	return r;
}

const char *keymap_key_name(const struct keydef *k)
{
	static char buf[16];
	if (k->is_key) {
		switch (k->ch) {
		case KEY_UP:
			return "Up";
		case KEY_DOWN:
			return "Down";
		case KEY_LEFT:
			return "Left";
		case KEY_RIGHT:
			return "Right";
		case KEY_PPAGE:
			return "PgUp";
		case KEY_NPAGE:
			return "PgDn";
		case KEY_HOME:
			return "Home";
		case KEY_END:
			return "End";
		case KEY_BTAB:
			return "Shift-Tab";
		case KEY_BACKSPACE:
			return "Backspace";
		case KEY_ENTER:
			return "Enter";
		}
		if (k->ch >= (wint_t)KEY_F(1) && k->ch <= (wint_t)KEY_F(12)) {
			snprintf(buf, sizeof buf, "F%d", (int)(k->ch - KEY_F0));
			return buf;
		}
		return "?";
	}
	switch (k->ch) {
	case 27:
		return "Esc";
	case '\r':
	case '\n':
		return "Enter";
	case '\t':
		return "Tab";
	case ' ':
		return "Space";
	case 127:
	case 8:
		return "Backspace";
	}
	if (k->ch < 0x20) {
		snprintf(buf, sizeof buf, "Ctrl-%c", (char)(k->ch + 'A' - 1));
		return buf;
	}
	snprintf(buf, sizeof buf, "%c", (char)k->ch);
	return buf;
}

/* Calls back with each distinct name of b's keys (Enter is three codes, one name). */
static void each_name(const struct binding *b, void (*fn)(void *, const char *, bool), void *arg)
{
	char seen[KEYMAP_MAX_KEYS][16];
	size_t n = 0;
	for (size_t j = 0; j < KEYMAP_MAX_KEYS && b->keys[j].ch; j++) {
		const char *name = keymap_key_name(&b->keys[j]);
		bool dup = false;
		for (size_t i = 0; i < n; i++)
			dup |= strcmp(seen[i], name) == 0;
		if (dup)
			continue;
		snprintf(seen[n], sizeof seen[n], "%s", name);
		fn(arg, seen[n], n == 0);
		n++;
	}
}

struct join {
	struct buf *out;
	const char *sep;
};

static void join_name(void *arg, const char *name, bool first)
{
	struct join *j = arg;
	if (!first)
		buf_puts(j->out, j->sep);
	buf_puts(j->out, name);
}

void keymap_keys(struct buf *out, const struct binding *b, const char *sep)
{
	struct join j = { out, sep };
	each_name(b, join_name, &j);
}

/* mdoc: delimiters need \& before them to print as themselves. */
static void man_name(void *arg, const char *name, bool first)
{
	struct buf *out = arg;
	buf_puts(out, first ? "Ic " : " , Ic ");
	if (strlen(name) == 1 && strchr(".,:;()[]?!|", name[0]))
		buf_puts(out, "\\&");
	if (strcmp(name, "\\") == 0)
		name = "\\e";
	buf_puts(out, name);
}

void keymap_man(struct buf *out)
{
	for (int c = 0; c < KM_COUNT; c++) {
		buf_printf(out,
			   ".Pp\n%s:\n.Bl -tag -width \"Ctrl-D, Ctrl-U\" -offset indent -compact\n",
			   tables[c].title);
		for (size_t i = 0; i < tables[c].n; i++) {
			const struct binding *b = &tables[c].t[i];
			buf_puts(out, ".It ");
			each_name(b, man_name, out);
			buf_printf(out, "\n%c%s.\n", b->help[0] - 'a' + 'A', b->help + 1);
		}
		buf_puts(out, ".El\n");
	}
}

static void md_name(void *arg, const char *name, bool first)
{
	struct buf *out = arg;
	buf_puts(out, first ? "`" : " `");
	buf_puts(out, strcmp(name, "|") == 0 ? "\\|" : name);
	buf_putc(out, '`');
}

void keymap_markdown(struct buf *out)
{
	buf_puts(out, "| keys | what they do |\n|------|--------------|\n");
	for (int c = 0; c < KM_COUNT; c++) {
		buf_printf(out, "| **%s** | |\n", tables[c].title);
		for (size_t i = 0; i < tables[c].n; i++) {
			const struct binding *b = &tables[c].t[i];
			buf_puts(out, "| ");
			each_name(b, md_name, out);
			buf_printf(out, " | %s |\n", b->help);
		}
	}
}
