/* test_layout.c - the line layout shared by `print` and the pager. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "layout.h"
#include "load.h"
#include "text.h"

static const char sources_yaml[] = "sources:\n"
				   "  - id: one\n"
				   "    title: First article\n"
				   "    file: 1.txt\n"
				   "    notes: Cites no studies.\n"
				   "  - id: two\n"
				   "    title: Second article\n"
				   "    file: 2.txt\n"
				   "  - id: three\n"
				   "    title: Third article\n"
				   "    file: 3.txt\n";

static const char topic_yaml[] =
	"id: effects\n"
	"title: Side effects\n"
	"also_called: [reactions]\n"
	"see_also: [words]\n"
	"body:\n"
	"  - p: Most side effects are mild and pass in a few days.\n"
	"    sources: [two, one]\n"
	"  - list: \"Signs:\"\n"
	"    sources: [one]\n"
	"    items:\n"
	"      - Redness.\n"
	"      - text: Trouble breathing.\n"
	"        sign: breathing\n"
	"        urgency: emergency\n"
	"        sources: [two]\n"
	"  - q: Is it common?\n"
	"    a: No.\n"
	"    sources: [one]\n"
	"  - claim: It never fails.\n"
	"    sources: [one]\n"
	"    context: Others disagree.\n"
	"    context_sources: [two]\n"
	"  - action: Call {emergency-number} now.\n"
	"    level: emergency\n"
	"    sources: [two]\n"
	"sections:\n"
	"  - id: sub\n"
	"    title: \xE4\xB8\xAD\xE6\x96\x87 title\n"
	"    body:\n"
	"      - note: \"Cafe\xCC\x81 au lait, with a verylongwordthatmustbesplitsomewhere.\"\n"
	"        sources: [one]\n";

static const char words_yaml[] = "id: words\n"
				 "title: Words\n"
				 "body:\n"
				 "  - term: erythema\n"
				 "    means: Red skin.\n"
				 "    also_called: [redness]\n"
				 "    sources: [one]\n";

static int setup(void **state)
{
	const struct load_file files[] = {
		{ .name = "sources.yaml", .data = sources_yaml, .len = sizeof sources_yaml - 1 },
		{ .name = "10-effects.yaml", .data = topic_yaml, .len = sizeof topic_yaml - 1 },
		{ .name = "20-words.yaml", .data = words_yaml, .len = sizeof words_yaml - 1 },
	};
	struct content *c = load_mem(files, 3);
	if (c == NULL)
		return -1;
	*state = c;
	return 0;
}

static int teardown(void **state)
{
	content_free(*state);
	return 0;
}

/* The one span of the given style on line i, or NULL. */
static const struct lspan *span_of(const struct lline *ln, enum lstyle st)
{
	for (size_t k = 0; k < ln->nspans; k++)
		if (ln->spans[k].style == st)
			return &ln->spans[k];
	return NULL;
}

static void test_layout_lines(void **state)
{
	const struct content *c = *state;
	const struct node *sec = content_find(c, "effects");
	const struct node *words = content_find(c, "words");
	assert_non_null(sec);
	assert_non_null(words);

	struct layout L = { 0 };
	struct layout_opts o = { .width = 40, .subsections = false };
	layout_section(&L, c, sec, &o);
	static const char *want[] = {
		"Side effects",
		"============",
		"Also called: reactions",
		"",
		"Most side effects are mild and pass in a",
		"few days. [1,2]",
		"",
		"Signs: [1]",
		"  \xE2\x80\xA2 Redness.",
		"  \xE2\x80\xA2 [Emergency: get help now] Trouble",
		"    breathing. [2]",
		"",
		"Q: Is it common?",
		"   No. [1]",
		"",
		"Claim: It never fails. [1]",
		"  What the other sources say: Others",
		"  disagree. [2]",
		"",
		"[Emergency: get help now] Call your",
		"  local emergency number now. [2]",
		"",
		"See also:",
		"  \xE2\x86\x92 Words (words)",
	};
	assert_int_equal(L.n, sizeof want / sizeof want[0]);
	for (size_t i = 0; i < L.n; i++) {
		assert_string_equal(L.lines[i].text, want[i]);
		assert_int_equal(L.lines[i].len, strlen(want[i]));
		assert_ptr_equal(L.lines[i].section, sec);
		if (L.lines[i].len == 0)
			assert_null(L.lines[i].node);
		else
			assert_non_null(L.lines[i].node);
	}

	/* Heading, sources, urgency, link: the right bytes and the right nodes. */
	const struct lspan *sp = span_of(&L.lines[0], LS_HEADING);
	assert_non_null(sp);
	assert_int_equal(sp->start, 0);
	assert_int_equal(sp->len, 12);
	assert_ptr_equal(L.lines[0].node, sec);

	sp = span_of(&L.lines[5], LS_SOURCE);
	assert_non_null(sp);
	assert_memory_equal(L.lines[5].text + sp->start, "[1,2]", 5);
	assert_int_equal(sp->len, 5);
	assert_ptr_equal(L.lines[4].node, sec->first);
	assert_ptr_equal(L.lines[5].node, sec->first);

	sp = span_of(&L.lines[9], LS_URGENCY);
	assert_non_null(sp);
	assert_memory_equal(L.lines[9].text + sp->start, "[Emergency: get help now]", sp->len);
	assert_int_equal(L.lines[9].node->type, NODE_ITEM);
	assert_int_equal(L.lines[9].node->urgency, URG_EMERGENCY);
	assert_ptr_equal(L.lines[10].node, L.lines[9].node);
	assert_null(span_of(&L.lines[8], LS_SOURCE)); /* same sources as the list: shown once */

	sp = span_of(&L.lines[12], LS_QUESTION);
	assert_non_null(sp);
	assert_int_equal(L.lines[12].node->type, NODE_QA);

	sp = span_of(&L.lines[19], LS_URGENCY);
	assert_non_null(sp);
	assert_int_equal(L.lines[19].node->type, NODE_ACTION);

	sp = span_of(&L.lines[23], LS_LINK);
	assert_non_null(sp);
	assert_ptr_equal(sp->target, words);
	assert_memory_equal(L.lines[23].text + sp->start, "Words", sp->len);

	/* Cited: one and two, not three. */
	assert_int_equal(L.ncited, c->nsources);
	assert_true(L.cited[0]);
	assert_true(L.cited[1]);
	assert_false(L.cited[2]);

	size_t before = L.n;
	layout_sources(&L, c, &o);
	static const char *want_src[] = {
		"",
		"Sources",
		"=======",
		"[1] First article (1.txt)",
		"    Cites no studies.",
		"[2] Second article (2.txt)",
	};
	assert_int_equal(L.n - before, sizeof want_src / sizeof want_src[0]);
	for (size_t i = 0; i < L.n - before; i++)
		assert_string_equal(L.lines[before + i].text, want_src[i]);

	layout_free(&L);
	assert_int_equal(L.n, 0);
	assert_null(L.lines);
	layout_free(&L); /* reusable and idempotent */
	layout_free(NULL);
}

static void test_layout_subsections(void **state)
{
	const struct content *c = *state;
	const struct node *sec = content_find(c, "effects");
	const struct node *sub = content_find(c, "effects/sub");
	assert_non_null(sub);

	struct layout L = { 0 };
	struct layout_opts o = { .width = 30, .subsections = true };
	layout_section(&L, c, sec, &o);
	size_t i = 0;
	while (i < L.n && L.lines[i].section != sub)
		i++;
	assert_true(i < L.n);
	assert_string_equal(L.lines[i].text, ""); /* a blank line before the heading */
	assert_string_equal(L.lines[i + 1].text, "\xE4\xB8\xAD\xE6\x96\x87 title");
	assert_string_equal(L.lines[i + 2].text, "----------"); /* 2+2+1+5 columns */
	/* The accent stays on its letter; the long word is split to fit. */
	assert_string_equal(L.lines[i + 4].text, "Note: Cafe\xCC\x81 au lait, with a");
	for (; i < L.n; i++)
		assert_ptr_equal(L.lines[i].section, sub);
	layout_free(&L);
}

/* At every width from 10 up, no line is wider than the width, spans stay
 * inside their lines, and the text holds no control character. */
static void test_layout_widths(void **state)
{
	const struct content *c = *state;
	for (int w = 10; w <= 120; w++) {
		struct layout L = { 0 };
		struct layout_opts o = { .width = w, .subsections = true };
		for (size_t s = 0; s < c->nsections; s++)
			if (c->sections[s]->depth == 0)
				layout_section(&L, c, c->sections[s], &o);
		layout_sources(&L, c, &o);
		layout_text(&L, "A message\nin two lines that may wrap here and there.", 2, &o);
		assert_true(L.n > 20);
		for (size_t i = 0; i < L.n; i++) {
			const struct lline *ln = &L.lines[i];
			assert_int_equal(strlen(ln->text), ln->len);
			assert_true(text_width(ln->text, ln->len) <= (size_t)w);
			assert_true(text_utf8_invalid(ln->text, ln->len) == (size_t)-1);
			for (size_t k = 0; k < ln->len; k++)
				assert_true((unsigned char)ln->text[k] >= 0x20);
			if (ln->len > 0)
				assert_true(ln->text[ln->len - 1] != ' ');
			for (size_t k = 0; k < ln->nspans; k++) {
				assert_true(ln->spans[k].len > 0);
				assert_true(ln->spans[k].start + ln->spans[k].len <= ln->len);
			}
		}
		layout_free(&L);
	}
}

static void test_layout_text(void **state)
{
	(void)state;
	struct layout L = { 0 };
	struct layout_opts o = { .width = 20 };
	layout_text(&L, "Press q to quit.\nPress ? for help and more keys.\n", 2, &o);
	static const char *want[] = { "  Press q to quit.", "  Press ? for help",
				      "  and more keys." };
	assert_int_equal(L.n, 3);
	for (size_t i = 0; i < L.n; i++) {
		assert_string_equal(L.lines[i].text, want[i]);
		assert_null(L.lines[i].node);
		assert_int_equal(L.lines[i].nspans, 0);
	}
	layout_free(&L);
}

static void test_layout_refs(void **state)
{
	const struct content *c = *state;
	bool cited[3] = { false };
	struct buf b = { 0 };
	const int src[] = { 2, 0, 2, 0 };
	layout_refs(&b, c, src, 4, cited);
	assert_string_equal(b.s, "[1,3]");
	assert_true(cited[0] && !cited[1] && cited[2]);
	buf_reset(&b);
	layout_refs(&b, c, src, 0, NULL);
	assert_int_equal(b.len, 0);
	buf_free(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_layout_lines),  cmocka_unit_test(test_layout_subsections),
		cmocka_unit_test(test_layout_widths), cmocka_unit_test(test_layout_text),
		cmocka_unit_test(test_layout_refs),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
