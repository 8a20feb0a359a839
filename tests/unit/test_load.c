/* test_load.c - the loader, the validator and the model, through load_mem(). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "load.h"
#include "model.h"
#include "util.h"

static const char sources[] =
	"sources:\n"
	"  - id: one\n    title: First\n    file: 1.txt\n"
	"  - id: two\n    title: Second\n    file: 2.txt\n    notes: careful\n";

/* Diagnostics of the last load, captured from the one diag stream. */
static char *msgs;
static size_t msgs_len;

static struct content *load2(const char *topic)
{
	FILE *f = open_memstream(&msgs, &msgs_len);
	diag_set_stream(f);
	diag_reset();
	struct load_file files[] = {
		{ .name = "sources.yaml", .data = sources, .len = strlen(sources) },
		{ .name = "t.yaml", .data = topic, .len = strlen(topic) },
	};
	struct content *c = load_mem(files, 2);
	diag_set_stream(NULL);
	fclose(f);
	return c;
}

static void has_msg(const char *want)
{
	if (strstr(msgs, want) == NULL)
		fail_msg("expected message\n  %s\nin\n%s", want, msgs);
}

static int teardown(void **state)
{
	(void)state;
	free(msgs);
	msgs = NULL;
	return 0;
}

static void test_tree_shape(void **state)
{
	(void)state;
	struct content *c = load2("id: top\n"
				  "title: Top\n"
				  "see_also: [top/sub]\n"
				  "body:\n"
				  "  - p: A paragraph.\n"
				  "    sources: [one]\n"
				  "  - list: 'Signs:'\n"
				  "    sources: [two]\n"
				  "    items:\n"
				  "      - Plain item.\n"
				  "      - text: Urgent item.\n"
				  "        sign: urgent-item\n"
				  "        urgency: emergency\n"
				  "        also_called: [urgent]\n"
				  "        sources: [one, two]\n"
				  "  - action: Get help now.\n"
				  "    level: emergency\n"
				  "    sources: [one]\n"
				  "sections:\n"
				  "  - id: sub\n"
				  "    title: Sub\n"
				  "    questions: [why is it so, 'is it so?']\n"
				  "    body:\n"
				  "      - q: Why?\n"
				  "        a: Because.\n"
				  "        sources: [one]\n"
				  "      - claim: Best ever.\n"
				  "        sources: [two]\n"
				  "        context: Others disagree.\n"
				  "        context_sources: [one]\n"
				  "      - term: erythema\n"
				  "        means: redness of the skin\n"
				  "        also_called: [redness]\n"
				  "        sources: [one]\n");
	assert_non_null(c);
	assert_string_equal(msgs, "");
	assert_int_equal(c->nsources, 2);
	assert_int_equal(c->sources[1].num, 2);
	assert_string_equal(c->sources[1].notes, "careful");
	assert_int_equal(c->nsections, 2);
	const struct node *top = c->sections[0], *sub = c->sections[1];
	assert_string_equal(top->id, "top");
	assert_string_equal(sub->id, "top/sub");
	assert_int_equal(sub->depth, 1);
	assert_int_equal(top->questions.n, 0);
	assert_int_equal(sub->questions.n, 2);
	assert_string_equal(sub->questions.v[1], "is it so?");
	assert_int_equal(strv_line(&sub->questions, 1), 22);
	assert_ptr_equal(top->see[0], sub);
	assert_ptr_equal(content_find(c, "top/sub"), sub);

	const struct node *p = top->first;
	assert_int_equal(p->type, NODE_PARA);
	assert_int_equal(p->line, 5);
	assert_int_equal(p->col, 5);
	assert_string_equal(p->file, "t.yaml");
	const struct node *list = p->next;
	assert_int_equal(list->type, NODE_LIST);
	const struct node *i1 = list->first, *i2 = i1->next;
	/* An item without sources takes its list's. */
	assert_int_equal(i1->nsources, 1);
	assert_int_equal(i1->sources[0], 1);
	assert_int_equal(i2->urgency, URG_EMERGENCY);
	assert_int_equal(i2->nsources, 2);
	assert_string_equal(i2->also_called.v[0], "urgent");
	assert_string_equal(i2->id, "urgent-item");
	assert_int_equal(c->nsigns, 1);
	assert_ptr_equal(c->signs[0], i2);
	const struct node *act = list->next;
	assert_int_equal(act->type, NODE_ACTION);
	assert_int_equal(act->urgency, URG_EMERGENCY);
	assert_ptr_equal(act->next, sub); /* blocks first, then subsections */

	const struct node *qa = sub->first, *claim = qa->next, *term = claim->next;
	assert_int_equal(qa->type, NODE_QA);
	assert_string_equal(qa->title, "Why?");
	assert_string_equal(qa->text, "Because.");
	assert_int_equal(claim->type, NODE_CLAIM);
	assert_string_equal(claim->context, "Others disagree.");
	assert_int_equal(claim->ncontext_sources, 1);
	assert_int_equal(term->type, NODE_TERM);
	assert_int_equal(c->nterms, 1);
	assert_ptr_equal(c->terms[0], term);
	assert_ptr_equal(node_section(term), sub);
	content_free(c);
}

static void test_unknown_key_suggests(void **state)
{
	(void)state;
	struct content *c = load2("id: a\ntitel: A\n");
	assert_null(c);
	has_msg("exoread: t.yaml:2:1: error: unknown key 'titel' in a section; did you mean 'title'?");
	has_msg("t.yaml:1:1: error: a section is missing the required key 'title'");
}

static void test_wrong_types(void **state)
{
	(void)state;
	struct content *c = load2("id: a\ntitle: [x]\nbody: {p: y}\n");
	assert_null(c);
	has_msg("t.yaml:2:8: error: 'title' must be text, not a list");
	has_msg("t.yaml:3:7: error: 'body' must be a list, not a mapping");
}

static void test_bad_references(void **state)
{
	(void)state;
	struct content *c = load2("id: a\ntitle: A\nsee_also: [b]\nbody:\n"
				  "  - p: x\n    sources: [ones]\n");
	assert_null(c);
	has_msg("t.yaml:3:12: error: see_also names no section 'b'");
	has_msg("t.yaml:6:15: error: unknown source 'ones'; did you mean 'one'?");
}

static void test_bad_urgency(void **state)
{
	(void)state;
	struct content *c = load2("id: a\ntitle: A\nbody:\n  - list: ''\n    sources: [one]\n"
				  "    items:\n      - text: x\n        urgency: emergancy\n");
	assert_null(c);
	has_msg("t.yaml:8:18: error: unknown urgency 'emergancy' (use emergency, call-provider, "
		"watch or expected); did you mean 'emergency'?");
}

static void test_duplicate_ids(void **state)
{
	(void)state;
	struct content *c = load2("id: a\ntitle: A\nsections:\n"
				  "  - id: b\n    title: B\n  - id: b\n    title: B again\n");
	assert_null(c);
	has_msg("t.yaml:6:5: error: duplicate section id 'a/b' (first defined at t.yaml:4:5)");
}

static void test_missing_sources(void **state)
{
	(void)state;
	struct content *c = load2("id: a\ntitle: A\nbody:\n  - p: no sources\n"
				  "  - list: ''\n    items: [x]\n");
	assert_null(c);
	has_msg("t.yaml:4:5: error: a paragraph is missing the required key 'sources'");
	has_msg("t.yaml:6:13: error: list item has no sources, and its list has none");
}

static void test_refuses_aliases(void **state)
{
	(void)state;
	struct content *c = load2("id: a\ntitle: &t A\nbody: *t\n");
	assert_null(c);
	has_msg("t.yaml:2:8: error: YAML anchors (&t) are not allowed");
}

static void test_syntax_error_located(void **state)
{
	(void)state;
	struct content *c = load2("id: a\ntitle: \"open\n");
	assert_null(c);
	has_msg("t.yaml:3:1: error: YAML: found unexpected end of stream");
}

static void test_control_and_utf8(void **state)
{
	(void)state;
	struct content *c = load2("id: a\ntitle: \"\\e[31m red\"\n");
	assert_null(c);
	has_msg("t.yaml:2:8: error: control character U+001B in text");
	free(msgs);
	c = load2("id: a\ntitle: x\xc3\x28\n");
	assert_null(c);
	has_msg("t.yaml:2:9: error: invalid UTF-8 byte 0xc3");
	free(msgs);
	c = load2("id: a\ntitle: \"\\u202E evil\"\n");
	assert_null(c);
	has_msg("control character U+202E in text");
}

/* Raw bytes are checked eight at a time where they are plain ASCII: a bad byte
 * is found, at its exact column, wherever it falls in such a group. */
static void test_raw_bytes_every_offset(void **state)
{
	(void)state;
	static const struct {
		const char *bytes, *msg;
	} bad[] = {
		{ "\x01", "control character U+0001 in text" },
		{ "\x7f", "control character U+007F in text" },
		{ "\x80", "invalid UTF-8 byte 0x80" },
		{ "\xc2\x85", "control character U+0085 in text" },
	};
	for (size_t b = 0; b < sizeof bad / sizeof *bad; b++)
		for (int at = 0; at < 20; at++) {
			char y[128], want[128];
			snprintf(y, sizeof y, "id: a\ntitle: %.*s%sxyzxyzxyzxyzxyz\n", at,
				 "abcdefghijklmnopqrstuvwxyz", bad[b].bytes);
			snprintf(want, sizeof want, "t.yaml:2:%d: error: %s", 8 + at, bad[b].msg);
			assert_null(load2(y));
			has_msg(want);
			free(msgs);
		}
	/* Accented letters and tabs are fine at any offset too. */
	for (int at = 0; at < 20; at++) {
		char y[128];
		snprintf(y, sizeof y,
			 "id: a\ntitle: T\nbody:\n  - p: %.*s\xc3\xa9\tz\n    sources: [one]\n", at,
			 "abcdefghijklmnopqrstuvwxyz");
		struct content *c = load2(y);
		assert_non_null(c);
		content_free(c);
		free(msgs);
	}
	msgs = NULL;
}

static void test_block_kinds(void **state)
{
	(void)state;
	struct content *c = load2("id: a\ntitle: A\nbody:\n  - para: x\n  - p: x\n    q: y\n"
				  "    sources: [one]\n");
	assert_null(c);
	has_msg("t.yaml:4:5: error: a block needs one of the keys p, list, q, note, claim, term, "
		"action or signs; did you mean 'p'?");
	has_msg("t.yaml:6:5: error: a block cannot be both 'p' and 'q'");
}

static void test_depth_limit(void **state)
{
	(void)state;
	struct buf b = { 0 };
	buf_puts(&b, "id: a\ntitle: A\nx: ");
	buf_repeat(&b, '[', 200);
	buf_repeat(&b, ']', 200);
	buf_putc(&b, '\n');
	struct content *c = load2(b.s);
	buf_free(&b);
	assert_null(c);
	has_msg("error: nesting deeper than 64 levels");
}

static void test_resolve(void **state)
{
	(void)state;
	struct content *c = load2("id: side-effects\ntitle: Side effects\nsections:\n"
				  "  - id: allergic\n    title: Allergic reactions\n"
				  "  - id: infection\n    title: Infection risk\n"
				  "  - id: injection-site\n    title: Where the needle goes in\n");
	assert_non_null(c);
	const struct node *out, **cands;
	size_t n;
	assert_int_equal(content_resolve(c, "side-effects/allergic", &out, &cands, &n), RESOLVE_OK);
	assert_string_equal(out->id, "side-effects/allergic");
	free(cands);
	/* The last part alone, a prefix of it, or title words. */
	assert_int_equal(content_resolve(c, "allergic", &out, &cands, &n), RESOLVE_OK);
	free(cands);
	assert_int_equal(content_resolve(c, "needle", &out, &cands, &n), RESOLVE_OK);
	assert_string_equal(out->id, "side-effects/injection-site");
	free(cands);
	/* A prefix of a parent and all its children means the parent. */
	assert_int_equal(content_resolve(c, "side", &out, &cands, &n), RESOLVE_OK);
	assert_string_equal(out->id, "side-effects");
	free(cands);
	assert_int_equal(content_resolve(c, "in", &out, &cands, &n), RESOLVE_AMBIGUOUS);
	assert_int_equal(n, 2);
	free(cands);
	assert_int_equal(content_resolve(c, "alergic", &out, &cands, &n), RESOLVE_NONE);
	assert_int_equal(n, 1);
	assert_string_equal(cands[0]->id, "side-effects/allergic");
	free(cands);
	content_free(c);
}

/* A paragraph of pre, a word of n letters, then post; NULL content means refused. */
static struct content *word_para(const char *pre, size_t n, const char *post)
{
	struct buf y = { 0 };
	buf_printf(&y, "id: w\ntitle: W\nbody:\n  - p: \"%s", pre);
	for (size_t i = 0; i < n; i++)
		buf_putc(&y, 'a' + (char)(i % 26));
	buf_printf(&y, "%s\"\n    sources: [one]\n", post);
	struct content *c = load2(y.s);
	buf_free(&y);
	return c;
}

/* Words of LOAD_MAX_WORD bytes pass and one byte more is refused, wherever
 * the word is and whichever space (blank, tab, line break) bounds it. */
static void test_word_limit(void **state)
{
	(void)state;
	static const char *const around[][2] = {
		{ "", "" },           { "", " tail" },      { "head ", "" },
		{ "head ", " tail" }, { "x\\ty ", "\\nz" }, { "one two three ", " four five" },
	};
	for (size_t k = 0; k < sizeof around / sizeof *around; k++) {
		struct content *c = word_para(around[k][0], LOAD_MAX_WORD, around[k][1]);
		assert_non_null(c);
		content_free(c);
		free(msgs);
		c = word_para(around[k][0], LOAD_MAX_WORD + 1, around[k][1]);
		assert_null(c);
		has_msg("t.yaml:4:8: error: a word longer than 256 bytes in text");
		free(msgs);
	}
	msgs = NULL;
}

static void test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(edit_distance("title", "titel", 3), 1); /* transposition */
	assert_int_equal(edit_distance("kitten", "sitting", 5), 3);
	assert_int_equal(edit_distance("a", "abcdef", 2), 3); /* capped at max+1 */
	assert_int_equal(edit_distance("", "", 1), 0);
	const char *words[] = { "emergency", "watch", "expected" };
	assert_string_equal(closest_word("emergancy", words, 3), "emergency");
	assert_null(closest_word("zzzzzz", words, 3));
}

static void test_urgency_names(void **state)
{
	(void)state;
	for (int u = URG_NONE + 1; u < URG_COUNT; u++) {
		assert_int_equal(urgency_parse(urgency_name((enum urgency)u)), u);
		assert_non_null(urgency_label((enum urgency)u));
	}
	assert_int_equal(urgency_parse("urgent"), URG_NONE);
	assert_null(urgency_name(URG_NONE));
	content_free(NULL);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_tree_shape, teardown),
		cmocka_unit_test_teardown(test_unknown_key_suggests, teardown),
		cmocka_unit_test_teardown(test_wrong_types, teardown),
		cmocka_unit_test_teardown(test_bad_references, teardown),
		cmocka_unit_test_teardown(test_bad_urgency, teardown),
		cmocka_unit_test_teardown(test_duplicate_ids, teardown),
		cmocka_unit_test_teardown(test_missing_sources, teardown),
		cmocka_unit_test_teardown(test_refuses_aliases, teardown),
		cmocka_unit_test_teardown(test_syntax_error_located, teardown),
		cmocka_unit_test_teardown(test_control_and_utf8, teardown),
		cmocka_unit_test(test_raw_bytes_every_offset),
		cmocka_unit_test_teardown(test_block_kinds, teardown),
		cmocka_unit_test_teardown(test_depth_limit, teardown),
		cmocka_unit_test_teardown(test_resolve, teardown),
		cmocka_unit_test(test_word_limit),
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_urgency_names),
	};
	return cmocka_run_group_tests_name("load", tests, NULL, NULL);
}
