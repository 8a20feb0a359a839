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

int main(int argc, char **argv)
{
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
