/* test_keymap.c - the key tables: every key listed does what its row says in its context, Esc
 * and Backspace go back on every screen, q quits (and closes help). With an argument, prints
 * the manual page's key list ("man") or the README's ("md") for tests/t_keys.sh to compare. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <curses.h>

#include "ui/keymap.h"

static const enum keymap_ctx screens[] = { KM_CONTENTS, KM_READER, KM_LIST };

/* Every key of every row resolves to that row's request in its context: nothing is bound
 * twice, and no screen's table hides a key the "Everywhere" table lists. */
static void every_key_does_what_its_row_says(void **state)
{
	(void)state;
	for (int c = 0; c < KM_COUNT; c++) {
		size_t n;
		const struct binding *t = keymap_table((enum keymap_ctx)c, &n);
		for (size_t i = 0; i < n; i++) {
			assert_non_null(t[i].help);
			assert_true(t[i].help[0] >= 'a' && t[i].help[0] <= 'z');
			assert_true(t[i].keys[0].ch != 0);
			for (size_t j = 0; j < KEYMAP_MAX_KEYS && t[i].keys[j].ch; j++) {
				const struct keydef *k = &t[i].keys[j];
				if (c == KM_GLOBAL) {
					for (size_t s = 0; s < 3; s++)
						assert_int_equal(
							keymap_lookup(screens[s], k->ch, k->is_key),
							t[i].req);
				} else {
					assert_int_equal(
						keymap_lookup((enum keymap_ctx)c, k->ch, k->is_key),
						t[i].req);
				}
			}
		}
	}
}

static void esc_and_backspace_go_back(void **state)
{
	(void)state;
	const wint_t back[] = { 27, 127, 8 };
	for (size_t s = 0; s < 3; s++) {
		for (size_t i = 0; i < 3; i++)
			assert_int_equal(keymap_lookup(screens[s], back[i], false), REQ_BACK);
		assert_int_equal(keymap_lookup(screens[s], KEY_BACKSPACE, true), REQ_BACK);
		assert_int_equal(keymap_lookup(screens[s], 'q', false), REQ_QUIT);
		assert_int_equal(keymap_lookup(screens[s], '?', false), REQ_HELP);
		assert_int_equal(keymap_lookup(screens[s], '!', false), REQ_URGENT);
	}
	assert_int_equal(keymap_lookup(KM_HELP, 27, false), REQ_CLOSE);
	assert_int_equal(keymap_lookup(KM_HELP, 'q', false), REQ_CLOSE);
	assert_int_equal(keymap_lookup(KM_PROMPT, 27, false), REQ_PROMPT_CANCEL);
	assert_int_equal(keymap_lookup(KM_PROMPT, 127, false), REQ_PROMPT_ERASE);
	/* The prompt takes letters as text; help takes no other screen's keys. */
	assert_int_equal(keymap_lookup(KM_PROMPT, 'q', false), REQ_NONE);
	assert_int_equal(keymap_lookup(KM_HELP, 's', false), REQ_NONE);
}

static void slash_finds_in_the_reader_and_searches_elsewhere(void **state)
{
	(void)state;
	assert_int_equal(keymap_lookup(KM_READER, '/', false), REQ_FIND);
	assert_int_equal(keymap_lookup(KM_READER, 's', false), REQ_SEARCH_ALL);
	assert_int_equal(keymap_lookup(KM_CONTENTS, '/', false), REQ_SEARCH_ALL);
	assert_int_equal(keymap_lookup(KM_LIST, '/', false), REQ_SEARCH_ALL);
}

static void key_names(void **state)
{
	(void)state;
	struct keydef k[] = {
		{ .ch = 4 }, { .ch = 27 }, { .ch = KEY_NPAGE, .is_key = true }, { .ch = '!' }
	};
	assert_string_equal(keymap_key_name(&k[0]), "Ctrl-D");
	assert_string_equal(keymap_key_name(&k[1]), "Esc");
	assert_string_equal(keymap_key_name(&k[2]), "PgDn");
	assert_string_equal(keymap_key_name(&k[3]), "!");
}

static const char *const req_names[REQ_COUNT] = {
	[REQ_NONE] = "none",
	[REQ_LINE_DOWN] = "line-down",
	[REQ_LINE_UP] = "line-up",
	[REQ_PAGE_DOWN] = "page-down",
	[REQ_PAGE_UP] = "page-up",
	[REQ_HALF_DOWN] = "half-down",
	[REQ_HALF_UP] = "half-up",
	[REQ_TOP] = "top",
	[REQ_END] = "end",
	[REQ_HELP] = "help",
	[REQ_QUIT] = "quit",
	[REQ_BACK] = "back",
	[REQ_FORWARD] = "forward",
	[REQ_CONTENTS] = "contents",
	[REQ_URGENT] = "urgent",
	[REQ_SEARCH_ALL] = "search-all",
	[REQ_SOURCES] = "sources",
	[REQ_NEXT_SECTION] = "next-section",
	[REQ_PREV_SECTION] = "prev-section",
	[REQ_REDRAW] = "redraw",
	[REQ_OPEN] = "open",
	[REQ_EXPAND] = "expand",
	[REQ_COLLAPSE] = "collapse",
	[REQ_EXPAND_ALL] = "expand-all",
	[REQ_SWITCH_PANE] = "switch-pane",
	[REQ_ENTER] = "enter",
	[REQ_NEXT_LINK] = "next-link",
	[REQ_PREV_LINK] = "prev-link",
	[REQ_FIND] = "find",
	[REQ_NEXT_MATCH] = "next-match",
	[REQ_PREV_MATCH] = "prev-match",
	[REQ_SAVE] = "save",
	[REQ_PROMPT_DONE] = "prompt-done",
	[REQ_PROMPT_ERASE] = "prompt-erase",
	[REQ_PROMPT_KILL] = "prompt-kill",
	[REQ_PROMPT_WORD] = "prompt-word",
	[REQ_PROMPT_CANCEL] = "prompt-cancel",
	[REQ_CLOSE] = "close",
};

static const char *const ctx_names[KM_COUNT] = {
	[KM_GLOBAL] = "global", [KM_CONTENTS] = "contents", [KM_READER] = "reader",
	[KM_LIST] = "list",     [KM_PROMPT] = "prompt",     [KM_HELP] = "help",
};

/* How tmux send-keys types k: "key NAME" or "lit CHAR"; NULL when tmux has no way to send it
 * (the keypad's Enter, Ctrl-J as Enter's twin). */
static const char *tmux_key(const struct keydef *k, char *buf, size_t sz)
{
	if (k->is_key) {
		switch (k->ch) {
		case KEY_UP:
			return "key Up";
		case KEY_DOWN:
			return "key Down";
		case KEY_LEFT:
			return "key Left";
		case KEY_RIGHT:
			return "key Right";
		case KEY_PPAGE:
			return "key PPage";
		case KEY_NPAGE:
			return "key NPage";
		case KEY_HOME:
			return "key Home";
		case KEY_END:
			return "key End";
		case KEY_BTAB:
			return "key BTab";
		case KEY_BACKSPACE:
			return "key BSpace";
		}
		if (k->ch == (wint_t)KEY_F(1))
			return "key F1";
		return NULL;
	}
	switch (k->ch) {
	case 27:
		return "key Escape";
	case '\r':
		return "key Enter";
	case '\n':
	case 127: /* what BSpace sends, listed once as KEY_BACKSPACE */
		return NULL;
	case '\t':
		return "key Tab";
	case ' ':
		return "key Space";
	}
	if (k->ch < 0x20) {
		snprintf(buf, sz, "key C-%c", (char)(k->ch + 'a' - 1));
		return buf;
	}
	snprintf(buf, sz, "lit %c", (char)k->ch);
	return buf;
}

/* One line per key tmux can send: context, request, how to send it. */
static void dump_tmux(void)
{
	for (int c = 0; c < KM_COUNT; c++) {
		size_t n;
		const struct binding *t = keymap_table((enum keymap_ctx)c, &n);
		for (size_t i = 0; i < n; i++) {
			for (size_t j = 0; j < KEYMAP_MAX_KEYS && t[i].keys[j].ch; j++) {
				char buf[32];
				const char *how = tmux_key(&t[i].keys[j], buf, sizeof buf);
				if (how)
					printf("%s %s %s\n", ctx_names[c], req_names[t[i].req],
					       how);
			}
		}
	}
}

int main(int argc, char **argv)
{
	if (argc == 2 && strcmp(argv[1], "tmux") == 0) {
		dump_tmux();
		return 0;
	}
	if (argc == 2 && (strcmp(argv[1], "man") == 0 || strcmp(argv[1], "md") == 0)) {
		struct buf b = { 0 };
		if (argv[1][0] == 'm' && argv[1][1] == 'a')
			keymap_man(&b);
		else
			keymap_markdown(&b);
		buf_write(&b, stdout);
		buf_free(&b);
		return 0;
	}
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(every_key_does_what_its_row_says),
		cmocka_unit_test(esc_and_backspace_go_back),
		cmocka_unit_test(slash_finds_in_the_reader_and_searches_elsewhere),
		cmocka_unit_test(key_names),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
