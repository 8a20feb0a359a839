/* test_search.c - the index, ranking, synonyms, typos, snippets and result printers. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "config.h"
#include "load.h"
#include "search.h"
#include "search_int.h"
#include "search_print.h"
#include "util.h"

static const char sources_yaml[] = "sources:\n"
				   "  - id: a\n"
				   "    title: Article\n"
				   "    file: a.txt\n";

static const char effects_yaml[] =
	"id: side-effects\n"
	"title: Side effects\n"
	"body:\n"
	"  - p: Most side effects are mild.\n"
	"    sources: [a]\n"
	"sections:\n"
	"  - id: allergic\n"
	"    title: Allergic reactions\n"
	"    also_called: [allergy]\n"
	"    body:\n"
	"      - list: \"Signs can be:\"\n"
	"        sources: [a]\n"
	"        items:\n"
	"          - text: A rash or hives.\n"
	"            also_called: [urticaria]\n"
	"          - text: Trouble breathing.\n"
	"      - q: Is an allergic reaction common?\n"
	"        a: No. The articles say it is rare.\n"
	"        sources: [a]\n"
	"  - id: skin\n"
	"    title: At the injection site\n"
	"    body:\n"
	"      - list: \"What you may see:\"\n"
	"        sources: [a]\n"
	"        items:\n"
	"          - text: Redness where the needle went in.\n"
	"            also_called: [erythema, persistent redness]\n"
	"          - text: A burn feeling that passes.\n"
	"  - id: whole-body\n"
	"    title: Whole-body reactions\n"
	"    body:\n"
	"      - p: You may feel fatigue or get a headache. An old modem is not a cause.\n"
	"        sources: [a]\n"
	"      - p: Café staff and “naïve” patients read this too, which makes the text long enough.\n"
	"        sources: [a]\n";

static const char glossary_yaml[] = "id: glossary\n"
				    "title: Word list\n"
				    "body:\n"
				    "  - term: Fatigue\n"
				    "    means: Feeling very weak.\n"
				    "    also_called: [tiredness, tired]\n"
				    "    sources: [a]\n";

static struct content *C;
static struct search_index *IX;

static int setup(void **state)
{
	(void)state;
	struct load_file files[] = {
		{ .name = "sources.yaml", .data = sources_yaml, .len = sizeof(sources_yaml) - 1 },
		{ .name = "20-effects.yaml",
		  .data = effects_yaml,
		  .len = sizeof(effects_yaml) - 1 },
		{ .name = "95-glossary.yaml",
		  .data = glossary_yaml,
		  .len = sizeof(glossary_yaml) - 1 },
	};
	C = load_mem(files, 3);
	if (C == NULL)
		return -1;
	IX = search_index_new(C);
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	search_index_free(IX);
	content_free(C);
	return 0;
}

/* Run q; returns the number of hits and leaves them in *res. */
static size_t run(const char *q, struct search_result *res)
{
	struct search_opts o = { .limit = 0, .snippet_width = 60 };
	assert_int_equal(search_run(IX, q, &o, res), 0);
	return res->nhits;
}

/* Id of the best hit for q, or "" when nothing was found. */
static const char *top(const char *q)
{
	static char id[64];
	struct search_result res;
	run(q, &res);
	snprintf(id, sizeof(id), "%s", res.nhits ? res.hits[0].section->id : "");
	search_result_free(&res);
	return id;
}

static bool has_hit(const char *q, const char *id)
{
	struct search_result res;
	bool found = false;
	run(q, &res);
	for (size_t i = 0; i < res.nhits; i++)
		found |= strcmp(res.hits[i].section->id, id) == 0;
	search_result_free(&res);
	return found;
}

static void test_words_and_stems(void **state)
{
	(void)state;
	assert_string_equal(top("hives"), "side-effects/allergic");
	assert_string_equal(top("HIVES"), "side-effects/allergic");
	assert_string_equal(top("reactions"), "side-effects/allergic");
	assert_string_equal(top("redness"), "side-effects/skin");
	assert_string_equal(top("headaches"), "side-effects/whole-body");
	/* Accents fold away on both sides. */
	assert_string_equal(top("naive cafe"), "side-effects/whole-body");
}

static void test_synonyms(void **state)
{
	(void)state;
	assert_string_equal(top("urticaria"), "side-effects/allergic");
	assert_string_equal(top("erythema"), "side-effects/skin");
	assert_string_equal(top("allergy"), "side-effects/allergic");
	/* tired -> fatigue comes from the glossary term, and reaches the body text. */
	assert_true(has_hit("tired", "side-effects/whole-body"));
	assert_true(has_hit("tiredness", "side-effects/whole-body"));
}

static void test_typos(void **state)
{
	(void)state;
	assert_string_equal(top("alergic"), "side-effects/allergic");    /* one letter missing */
	assert_string_equal(top("headahce"), "side-effects/whole-body"); /* a swap is one edit */
	assert_string_equal(top("urtikaria"), "side-effects/allergic");
	assert_string_equal(top("fatiuge"), "glossary");
	/* Three letters are too short to guess. */
	assert_string_equal(top("rsh"), "");
	/* Two edits in a six-letter word is too many. */
	assert_string_equal(top("hievs"), "side-effects/allergic");
	assert_string_equal(top("hxxes"), "");
}

static void test_no_collision(void **state)
{
	(void)state;
	struct search_result res;
	/* "modern" must not find "modem", nor "bum" find "burn". */
	assert_int_equal(run("modern", &res), 0);
	search_result_free(&res);
	assert_int_equal(run("bum", &res), 0);
	search_result_free(&res);
	assert_string_equal(top("modem"), "side-effects/whole-body");
	assert_string_equal(top("burn"), "side-effects/skin");
}

static void test_lookalike_query(void **state)
{
	(void)state;
	/* h + Cyrillic і + v + Cyrillic е + s */
	assert_string_equal(top("h\xd1\x96v\xd0\xb5s"), "side-effects/allergic");
}

static void test_stop_words_and_phrases(void **state)
{
	(void)state;
	struct search_result res;
	assert_string_equal(top("is it common"), "side-effects/allergic");
	assert_string_equal(top("what does the needle do"), "side-effects/skin");
	/* A query of stop words only is answered by nothing; the sections that
	 * share its words are offered as topics. */
	assert_int_equal(run("is an", &res), 0);
	assert_true(res.ntopics > 0);
	assert_string_equal(res.topics[0]->id, "side-effects/allergic");
	search_result_free(&res);
	assert_string_equal(top("\"trouble breathing\""), "side-effects/allergic");
	assert_int_equal(run("\"breathing trouble\"", &res), 0);
	search_result_free(&res);
	/* No searchable word at all. */
	assert_int_equal(search_run(IX, " ?! ", &(struct search_opts){ 0 }, &res), -1);
	assert_int_equal(res.nhits, 0);
	search_result_free(&res);
}

static void test_ranking(void **state)
{
	(void)state;
	struct search_result res;
	/* Sections with every word come first; sections with some still appear. */
	run("rash trouble redness", &res);
	assert_true(res.nhits >= 2);
	assert_string_equal(res.hits[0].section->id, "side-effects/allergic");
	assert_string_equal(res.hits[1].section->id, "side-effects/skin");
	for (size_t i = 1; i < res.nhits; i++)
		assert_true(res.hits[i - 1].score >= res.hits[i].score ||
			    strcmp(res.hits[i].section->id, "side-effects/skin") == 0);
	search_result_free(&res);
	/* limit */
	struct search_opts o = { .limit = 1 };
	assert_int_equal(search_run(IX, "reactions", &o, &res), 0);
	assert_int_equal(res.nhits, 1);
	search_result_free(&res);
}

/* Content with words near common English ones ("place", "tiny") and an injection site. */
static const char typo_yaml[] =
	"id: effects\n"
	"title: Side effects\n"
	"sections:\n"
	"  - id: site\n"
	"    title: At the injection site\n"
	"    body:\n"
	"      - p: The place where the needle went in can be sore. It is a tiny spot.\n"
	"        sources: [a]\n"
	"  - id: body\n"
	"    title: Whole-body reactions\n"
	"    body:\n"
	"      - p: A fever can follow the injection. Tell your nurse about any fever.\n"
	"        sources: [a]\n"
	"  - id: other\n"
	"    title: Other signs\n"
	"    body:\n"
	"      - p: A sight of blood may make some people faint. Rest in a calm place.\n"
	"        sources: [a]\n"
	"  - id: cost\n"
	"    title: Paying for it\n"
	"    body:\n"
	"      - p: The articles do not say what it costs. Ask the clinic. Most find it dear.\n"
	"        sources: [a]\n";

/* An index of sources.yaml and one topic file holding yaml, loaded into *c. */
static struct search_index *index_of(const char *yaml, struct content **c)
{
	struct load_file files[] = {
		{ .name = "sources.yaml", .data = sources_yaml, .len = sizeof(sources_yaml) - 1 },
		{ .name = "20-effects.yaml", .data = yaml, .len = strlen(yaml) },
	};
	*c = load_mem(files, 2);
	assert_non_null(*c);
	return search_index_new(*c);
}

/* Run query on ix into *res, which the caller frees; the query must be searchable. */
static void run_on(const struct search_index *ix, const char *query, struct search_result *res)
{
	assert_int_equal(search_run(ix, query, &(struct search_opts){ 0 }, res), 0);
}

/* Nothing on ix answers query: no hits, and the closest topics are offered. */
static void assert_unanswered(const struct search_index *ix, const char *query)
{
	struct search_result res;
	run_on(ix, query, &res);
	assert_int_equal(res.nhits, 0);
	assert_true(res.ntopics > 0);
	search_result_free(&res);
}

/* query on ix has hits, and section id comes first. */
static void assert_first(const struct search_index *ix, const char *query, const char *id)
{
	struct search_result res;
	run_on(ix, query, &res);
	assert_true(res.nhits > 0);
	assert_string_equal(res.hits[0].section->id, id);
	search_result_free(&res);
}

/* query on ix has hits, id first, and says it was searched as corrected. */
static void assert_corrected(const struct search_index *ix, const char *query, const char *id,
			     const char *corrected)
{
	struct search_result res;
	run_on(ix, query, &res);
	assert_true(res.nhits > 0);
	assert_string_equal(res.hits[0].section->id, id);
	assert_non_null(res.corrected);
	assert_string_equal(res.corrected, corrected);
	search_result_free(&res);
}

static struct search_index *typo_index(struct content **c)
{
	return index_of(typo_yaml, c);
}

/* Search yaml's content for query: the ids of the first two hits must be first and
 * second (NULL: no second hit wanted), and there must be nhits hits (0: any number). */
static void assert_ranked(const char *yaml, const char *query, const char *first,
			  const char *second, size_t nhits)
{
	struct content *c;
	struct search_index *ix = index_of(yaml, &c);
	struct search_result res;
	run_on(ix, query, &res);
	if (nhits)
		assert_int_equal(res.nhits, nhits);
	assert_true(res.nhits >= (second ? 2 : 1));
	assert_string_equal(res.hits[0].section->id, first);
	if (second)
		assert_string_equal(res.hits[1].section->id, second);
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
}

/* A correct English word the content lacks is left unmatched, not bent into a near word. */
static void test_english_word_not_bent(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = typo_index(&c);
	struct search_result res;
	/* near "place", "tiny" and "most"; "lost" is one letter from "most" */
	const char *words[] = { "price", "dizzy", "lost" };
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		run_on(ix, words[i], &res);
		assert_int_equal(res.nhits, 0);
		assert_null(res.corrected);
		assert_null(res.suggestion);
		search_result_free(&res);
	}
	/* "price" beside a word the content holds changes nothing: no highlight of "place". */
	struct search_mark *m;
	const char *t = "Rest in a calm place.";
	assert_int_equal(search_match_text(ix, "price", t, strlen(t), &m), 0);
	free(m);
	search_index_free(ix);
	content_free(c);
}

/* A misspelt word is corrected, says so, and scores below the word itself. */
static void test_corrected_scores_below_exact(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = typo_index(&c);
	struct search_result exact, typo;
	run_on(ix, "fever", &exact);
	run_on(ix, "feverr", &typo);
	assert_true(exact.nhits > 0 && typo.nhits > 0);
	assert_null(exact.corrected);
	assert_non_null(typo.corrected);
	assert_string_equal(typo.corrected, "fever");
	assert_ptr_equal(exact.hits[0].section, typo.hits[0].section);
	assert_true(typo.hits[0].score < exact.hits[0].score);
	search_result_free(&exact);
	search_result_free(&typo);
	search_index_free(ix);
	content_free(c);
}

/* A real-word slip is read as the title phrase it nearly is. */
static void test_real_word_phrase(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = typo_index(&c);
	assert_corrected(ix, "injection sight", "effects/site", "injection site");
	search_index_free(ix);
	content_free(c);
}

/* A slip of a stop word is that word, and is reported: "whta" does not leave
 * "what is a fever" unanswered. */
static void test_stop_word_slip(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = typo_index(&c);
	assert_corrected(ix, "whta is a fever", "effects/body", "what is a fever");
	assert_corrected(ix, "wehn does a fever follow", "effects/body",
			 "when does a fever follow");
	search_index_free(ix);
	content_free(c);
}

static const char short_yaml[] =
	"id: effects\n"
	"title: Side effects\n"
	"sections:\n"
	"  - id: site\n"
	"    title: At the injection site\n"
	"    body:\n"
	"      - p: A reaction where the needle went in is common.\n"
	"        sources: [a]\n"
	"  - id: before\n"
	"    title: Before treatment\n"
	"    body:\n"
	"      - p: Tell your provider about the medicines you take.\n"
	"        sources: [a]\n"
	"  - id: other\n"
	"    title: Other needs\n"
	"    body:\n"
	"      - p: Some people have other needs, and some have a doctor with them.\n"
	"        sources: [a]\n"
	"  - id: works\n"
	"    title: How it works\n"
	"    body:\n"
	"      - p: It is given after a talk with your provider.\n"
	"        sources: [a]\n";

/* A short form a nurse types is read as its word, and says so; it is never
 * bent into a near word ("meds" is not "needs"). */
static void test_short_forms(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(short_yaml, &c);
	struct search_result res;
	assert_corrected(ix, "inj site rxn", "effects/site", "injection site reaction");
	run_on(ix, "meds", &res);
	assert_int_equal(res.nhits, 1);
	assert_string_equal(res.hits[0].section->id, "effects/before");
	assert_non_null(res.corrected);
	assert_string_equal(res.corrected, "medicines");
	search_result_free(&res);
	/* A slash form is read as its word; one that only links words, and a
	 * letter on its own, are stop words, never words the content lacks. */
	run_on(ix, "pt c/o reaction w/ meds", &res);
	assert_true(res.nhits > 0);
	assert_non_null(res.corrected);
	assert_string_equal(res.corrected, "pt c/o reaction w/ medicines");
	assert_int_equal(res.nmissing, 0);
	search_result_free(&res);
	/* A slash form said twice is one unit (and frees what it was read as). */
	run_on(ix, "s/p inj s/p", &res);
	assert_true(res.nhits > 0);
	assert_string_equal(res.hits[0].section->id, "effects/site");
	search_result_free(&res);
	run_on(ix, "s/p inj x", &res);
	assert_true(res.nhits > 0);
	assert_string_equal(res.hits[0].section->id, "effects/site");
	assert_string_equal(res.corrected, "after injection x");
	assert_int_equal(res.nmissing, 0);
	search_result_free(&res);
	/* "work out" is exercise, which the content lacks, not how anything works. */
	run_on(ix, "can i work out after", &res);
	assert_int_equal(res.nhits, 0);
	assert_int_equal(res.nmissing, 1);
	assert_string_equal(res.missing[0], "work out");
	search_result_free(&res);
	run_on(ix, "how does it work", &res);
	assert_true(res.nhits > 0);
	assert_string_equal(res.hits[0].section->id, "effects/works");
	search_result_free(&res);
	/* A short form of a word the content lacks finds nothing, and is not bent either. */
	run_on(ix, "abx", &res);
	assert_int_equal(res.nhits, 0);
	assert_null(res.corrected);
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
}

/* An overview whose title says "benefits", and two subsections, the second
 * titled last. */
#define TOPIC_YAML(last)                                                             \
	"id: benefits\n"                                                             \
	"title: Claimed benefits\n"                                                  \
	"body:\n"                                                                    \
	"  - p: Clinics make claims.\n"                                              \
	"    sources: [a]\n"                                                         \
	"sections:\n"                                                                \
	"  - id: uses\n"                                                             \
	"    title: What it is used for\n"                                           \
	"    body:\n"                                                                \
	"      - p: Clinics say it has benefits for skin, benefits for joints and\n" \
	"          benefits for healing.\n"                                          \
	"        sources: [a]\n"                                                     \
	"  - id: proof\n"                                                            \
	"    title: " last "\n"                                                      \
	"    body:\n"                                                                \
	"      - p: None of it is proven.\n"                                         \
	"        sources: [a]\n"

/* An overview leads to its subsections, unless its title says the whole
 * query and no subsection's title does: then the query asks for the topic. */
static void test_overview_whole_topic(void **state)
{
	(void)state;
	assert_ranked(TOPIC_YAML("What is proven"), "benefits", "benefits", "benefits/uses", 0);
	/* A subsection's title says it too: the subsection leads. */
	assert_ranked(TOPIC_YAML("Proven benefits"), "benefits", "benefits/proof", NULL, 0);
	/* Said only in the subsections' text: they lead. */
	assert_ranked(TOPIC_YAML("What is proven"), "skin", "benefits/uses", NULL, 1);
}

/* Clinics and approval, each named in three sections and together in one; a
 * section named for swelling; one that lists why it swells; one that says
 * why in its title. asked is what two of the clinic sections list as asked. */
#define WHY_YAML(asked_b, asked_d)                               \
	"id: care\n"                                             \
	"title: Care\n"                                          \
	"sections:\n"                                            \
	"  - id: a\n"                                            \
	"    title: Approved clinics\n"                          \
	"    body:\n"                                            \
	"      - p: Some clinics are approved.\n"                \
	"        sources: [a]\n"                                 \
	"  - id: b\n"                                            \
	"    title: Clinics near you\n" asked_b "    body:\n"    \
	"      - p: Ask around.\n"                               \
	"        sources: [a]\n"                                 \
	"  - id: c\n"                                            \
	"    title: Approved uses\n"                             \
	"    body:\n"                                            \
	"      - p: Few uses are.\n"                             \
	"        sources: [a]\n"                                 \
	"  - id: d\n"                                            \
	"    title: What clinics charge\n" asked_d "    body:\n" \
	"      - p: Prices vary.\n"                              \
	"        sources: [a]\n"                                 \
	"  - id: e\n"                                            \
	"    title: Approved products\n"                         \
	"    body:\n"                                            \
	"      - p: None yet.\n"                                 \
	"        sources: [a]\n"                                 \
	"  - id: g\n"                                            \
	"    title: Swelling\n"                                  \
	"    body:\n"                                            \
	"      - p: The spot can swell.\n"                       \
	"        sources: [a]\n"                                 \
	"  - id: h\n"                                            \
	"    title: The inflammatory response\n"                 \
	"    questions:\n"                                       \
	"      - why does it swell\n"                            \
	"    body:\n"                                            \
	"      - p: It is how the body reacts.\n"                \
	"        sources: [a]\n"                                 \
	"  - id: i\n"                                            \
	"    title: Why rules matter\n"                          \
	"    body:\n"                                            \
	"      - p: Rules keep people safe.\n"                   \
	"        sources: [a]\n"

/* One kind of a thing the content names by its class ("warfarin" is one of
 * the medicines) is read as the class, and says so; where the content holds
 * the word itself, the word is what it finds. */
static void test_kinds(void **state)
{
	(void)state;
	/* The lists are looked up by bsearch. */
	assert_true(search_words_sorted());
	struct content *c;
	struct search_index *ix = index_of(short_yaml, &c);
	assert_corrected(ix, "can i keep taking warfarin", "effects/before",
			 "can i keep taking warfarin (medicines)");
	search_index_free(ix);
	content_free(c);
	static const char own_yaml[] =
		"id: care\n"
		"title: Care\n"
		"sections:\n"
		"  - id: meds\n"
		"    title: Medicines\n"
		"    body:\n"
		"      - p: Tell your provider about the medicines you take.\n"
		"        sources: [a]\n"
		"  - id: thin\n"
		"    title: Thinning the blood\n"
		"    body:\n"
		"      - p: Some people take warfarin.\n"
		"        sources: [a]\n";
	ix = index_of(own_yaml, &c);
	struct search_result res;
	run_on(ix, "warfarin", &res);
	assert_int_equal(res.nhits, 1);
	assert_string_equal(res.hits[0].section->id, "care/thin");
	assert_null(res.corrected);
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
}

/* The content gives times where a section asks how long: a question of how
 * long about what no such section says is not answered by the sections that
 * mention it in passing. */
static void test_timed(void **state)
{
	(void)state;
	static const char timed_yaml[] =
		"id: care\n"
		"title: Care\n"
		"sections:\n"
		"  - id: swelling\n"
		"    title: Swelling\n"
		"    questions:\n"
		"      - how long does swelling last\n"
		"    body:\n"
		"      - p: Swelling goes down in a few days.\n"
		"        sources: [a]\n"
		"  - id: studies\n"
		"    title: Studies\n"
		"    body:\n"
		"      - p: Early studies show promising results for knees.\n"
		"        sources: [a]\n";
	assert_ranked(timed_yaml, "when do results for knees show", "care/studies", NULL, 1);
	assert_ranked(timed_yaml, "How long does the swelling go on", "care/swelling", NULL, 0);
	struct content *c;
	struct search_index *ix = index_of(timed_yaml, &c);
	assert_unanswered(ix, "how long do results for knees take");
	search_index_free(ix);
	content_free(c);
}

static const char why_yaml[] = WHY_YAML("", "");

/* The same, where "why" is common: asked in three sections, named in one. */
static const char why_common_yaml[] =
	WHY_YAML("    questions:\n      - why are clinics so far away\n",
		 "    questions:\n      - why do prices vary\n");

/* "why" ranks as a word (the section that says why leads), but bears no
 * meaning of its own: an answer never needs it beside the other words. */
static void test_why(void **state)
{
	(void)state;
	assert_ranked(why_yaml, "why does it swell", "care/h", "care/g", 0);
	assert_ranked(why_yaml, "does it swell", "care/g", "care/h", 0);
	/* "clinics" and "approved" are found together in one section, "why"
	 * nowhere beside them, and need not be; "sell" is lacking. */
	assert_ranked(why_yaml, "why do clinics sell it if not approved", "care/a", NULL, 0);
	struct content *c;
	struct search_index *ix = index_of(why_common_yaml, &c);
	struct search_result res;
	run_on(ix, "why do clinics sell it if not approved", &res);
	assert_true(res.nhits > 0);
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
}

/* Filler words only: nothing answers, and topics are offered instead of hits. */
static void test_filler_only(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = typo_index(&c);
	assert_unanswered(ix, "what is it about");
	search_index_free(ix);
	content_free(c);
}

/*
 * A query about something the content lacks (the English word "dog", or a
 * name no dictionary knows) is not answered by a word the content only
 * mentions in passing ("faint", in one paragraph), but is by a word that
 * names a section ("reactions", a title).
 */
static void test_lacking_word(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = typo_index(&c);
	struct search_result res;
	run_on(ix, "will my dog faint", &res);
	assert_int_equal(res.nhits, 0);
	assert_true(res.ntopics > 0);
	assert_string_equal(res.topics[0]->id, "effects/other");
	/* The word no section uses is named, as typed; stop words are not. */
	assert_int_equal(res.nmissing, 1);
	assert_string_equal(res.missing[0], "dog");
	search_result_free(&res);
	run_on(ix, "my Dog got reactions \"dog faint\"", &res);
	assert_true(res.nhits > 0);
	assert_int_equal(res.ntopics, 0);
	assert_string_equal(res.hits[0].section->id, "effects/body");
	assert_int_equal(res.nmissing, 2);
	assert_string_equal(res.missing[0], "Dog");
	assert_string_equal(res.missing[1], "dog faint");
	search_result_free(&res);
	/* A word no dictionary knows, that nothing corrected, is a name the
	 * content lacks ("prp"): what it asks about, as "dog" is. */
	assert_unanswered(ix, "will prp faint");
	/* Chat words are stop words: never named as missing. */
	run_on(ix, "faint pls lol", &res);
	assert_true(res.nhits > 0);
	assert_int_equal(res.nmissing, 0);
	search_result_free(&res);
	/* Every word matched: answered, however common. */
	assert_first(ix, "faint", "effects/other");
	search_index_free(ix);
	content_free(c);
}

/* Content where "red" and "shot" each name three of six sections, and both only one. */
static const char together_yaml[] =
	"id: signs\n"
	"title: Signs\n"
	"sections:\n"
	"  - id: spot\n"
	"    title: At the shot site\n"
	"    body:\n"
	"      - list: \"Signs:\"\n"
	"        sources: [a]\n"
	"        items:\n"
	"          - text: The skin where the needle went in turns pink.\n"
	"            also_called: [red]\n"
	"  - id: rash\n"
	"    title: Rash\n"
	"    also_called: [red skin]\n"
	"    body:\n"
	"      - p: Spots come up on the skin.\n"
	"        sources: [a]\n"
	"  - id: eyes\n"
	"    title: Red eyes\n"
	"    body:\n"
	"      - p: The eyes itch. The skin around them is red.\n"
	"        sources: [a]\n"
	"  - id: flu\n"
	"    title: Flu shot\n"
	"    body:\n"
	"      - p: It is given each year.\n"
	"        sources: [a]\n"
	"  - id: plan\n"
	"    title: Shot plan\n"
	"    body:\n"
	"      - p: Ask when the next one is due.\n"
	"        sources: [a]\n"
	"  - id: sleep\n"
	"    title: Sleep\n"
	"    body:\n"
	"      - p: Rest well.\n"
	"        sources: [a]\n";

/*
 * Two naming words common apart but rare together answer a question, even
 * with an English word the content lacks ("arm"), not with two; one of them
 * alone does not.
 */
static void test_rare_together(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(together_yaml, &c);
	struct search_result res;
	run_on(ix, "my arm is red where the shot went in", &res);
	assert_true(res.nhits > 0);
	assert_int_equal(res.ntopics, 0);
	assert_string_equal(res.hits[0].section->id, "signs/spot");
	search_result_free(&res);
	assert_unanswered(ix, "my leg is red");
	/* Found together, they do not answer what two words the content lacks ask. */
	assert_unanswered(ix, "my leg and wrist are red where the shot went in");
	/* Together in three sections of seven is common too. */
	assert_unanswered(ix, "my leg has red skin");
	search_index_free(ix);
	content_free(c);
}

/* A "did you mean" is offered only when it finds something itself. */
static void test_suggestion_has_hits(void **state)
{
	(void)state;
	const char *qs[] = { "hxxes", "qqqqqqq", "fatiuge xyzzy", "dizzy", "zzzz hxxes" };
	for (size_t i = 0; i < sizeof(qs) / sizeof(qs[0]); i++) {
		struct search_result res, again;
		run(qs[i], &res);
		if (res.suggestion) {
			assert_true(run(res.suggestion, &again) > 0);
			search_result_free(&again);
		}
		search_result_free(&res);
	}
}

/* Content where "clinic" names one section and is common, and "look" is used once, in passing. */
static const char passing_yaml[] =
	"id: care\n"
	"title: Care\n"
	"sections:\n"
	"  - id: choosing\n"
	"    title: Choosing a clinic\n"
	"    also_called: [clinic]\n"
	"    body:\n"
	"      - p: A good clinic follows the rules. Ask the clinic about its training.\n"
	"        sources: [a]\n"
	"  - id: tests\n"
	"    title: Lab tests\n"
	"    body:\n"
	"      - p: Doctors look at how cells grow in the lab.\n"
	"        sources: [a]\n"
	"  - id: before\n"
	"    title: Before treatment\n"
	"    body:\n"
	"      - p: Tell the clinic about your health.\n"
	"        sources: [a]\n"
	"  - id: after\n"
	"    title: After treatment\n"
	"    body:\n"
	"      - p: Call the clinic if something feels wrong.\n"
	"        sources: [a]\n"
	"  - id: costs\n"
	"    title: Visits\n"
	"    body:\n"
	"      - p: Each clinic sets its own visits.\n"
	"        sources: [a]\n";

/*
 * A word the content uses only in passing ("look", in one paragraph) is rare,
 * so IDF alone would let it outweigh a word that names a section ("clinic"):
 * it weighs no more than the heaviest naming word that matched.
 */
static void test_passing_word_capped(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(passing_yaml, &c);
	struct search_result res;
	run_on(ix, "what should i look for in a clinic", &res);
	assert_true(res.nhits >= 2);
	assert_string_equal(res.hits[0].section->id, "care/choosing");
	search_result_free(&res);
	/* Alone, the word still finds the section that uses it. */
	run_on(ix, "look", &res);
	assert_true(res.nhits == 1);
	assert_string_equal(res.hits[0].section->id, "care/tests");
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
}

/* Content where one sign's names ("sore", "tender") are synonyms, and another sign is
 * named "tender" only. */
static const char names_yaml[] = "id: site\n"
				 "title: At the spot\n"
				 "sections:\n"
				 "  - id: pain\n"
				 "    title: Pain\n"
				 "    body:\n"
				 "      - list: \"Signs:\"\n"
				 "        sources: [a]\n"
				 "        items:\n"
				 "          - text: It can hurt where the needle went in.\n"
				 "            also_called: [sore, tender]\n"
				 "  - id: touch\n"
				 "    title: Touch\n"
				 "    body:\n"
				 "      - list: \"Signs:\"\n"
				 "        sources: [a]\n"
				 "        items:\n"
				 "          - text: The spot may feel warm.\n"
				 "            also_called: [tender]\n";

/*
 * A sign found by a name the query says leads its snippet with that name,
 * marked; one found through a synonym only ("sore" reaches "tender") does not.
 */
static void test_snippet_names(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(names_yaml, &c);
	struct search_result res;
	run_on(ix, "sore", &res);
	assert_int_equal(res.nhits, 2);
	for (size_t i = 0; i < res.nhits; i++) {
		if (strcmp(res.hits[i].section->id, "site/pain") == 0) {
			assert_string_equal(res.hits[i].snippet,
					    "sore: It can hurt where the needle went in.");
			assert_int_equal(res.hits[i].marks[0].start, 0);
			assert_int_equal(res.hits[i].marks[0].len, 4);
		} else {
			assert_string_equal(res.hits[i].snippet, "The spot may feel warm.");
		}
	}
	search_result_free(&res);
	run_on(ix, "tender", &res);
	for (size_t i = 0; i < res.nhits; i++)
		if (strcmp(res.hits[i].section->id, "site/touch") == 0)
			assert_string_equal(res.hits[i].snippet, "tender: The spot may feel warm.");
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
}

/* Content where one block says "after treatment" and another, later, the rare "fever". */
static const char heavy_yaml[] = "id: care\n"
				 "title: Care\n"
				 "sections:\n"
				 "  - id: watch\n"
				 "    title: Watch\n"
				 "    body:\n"
				 "      - p: Keep track of how you are after treatment.\n"
				 "        sources: [a]\n"
				 "      - p: A mild fever can come.\n"
				 "        sources: [a]\n"
				 "  - id: before\n"
				 "    title: Before\n"
				 "    body:\n"
				 "      - p: Talk about the treatment first.\n"
				 "        sources: [a]\n"
				 "  - id: cost\n"
				 "    title: Cost\n"
				 "    body:\n"
				 "      - p: Each treatment is paid for.\n"
				 "        sources: [a]\n"
				 "  - id: rest\n"
				 "    title: Rest\n"
				 "    body:\n"
				 "      - p: Rest after the treatment, for three days.\n"
				 "        sources: [a]\n";

/* The snippet shows the block with the heaviest words, not the most words. */
static void test_snippet_heaviest(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(heavy_yaml, &c);
	struct search_result res;
	run_on(ix, "fever after treatment", &res);
	assert_true(res.nhits > 0);
	assert_string_equal(res.hits[0].section->id, "care/watch");
	assert_string_equal(res.hits[0].snippet, "A mild fever can come.");
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
}

/*
 * A number that matches nothing ("2", "two") makes no question unanswered, nor
 * is it named as not found; after filler words alone it answers nothing.
 */
static void test_numbers(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(heavy_yaml, &c);
	const char *answered[] = { "treatment 2 weeks", "treatment two weeks", "twice treatment" };
	struct search_result res;
	for (size_t i = 0; i < sizeof(answered) / sizeof(answered[0]); i++) {
		run_on(ix, answered[i], &res);
		assert_true(res.nhits > 0);
		assert_int_equal(res.ntopics, 0);
		assert_int_equal(res.nmissing, 0);
		search_result_free(&res);
	}
	/* A word no dictionary knows may be a medicine's name: it still asks for more. */
	run_on(ix, "treatment qzxv", &res);
	assert_int_equal(res.nhits, 0);
	assert_true(res.ntopics > 0);
	assert_int_equal(res.nmissing, 1);
	assert_string_equal(res.missing[0], "qzxv");
	search_result_free(&res);
	/* A number that matched bears no meaning either. */
	assert_unanswered(ix, "three weeks");
	assert_unanswered(ix, "after 2 weeks");
	search_index_free(ix);
	content_free(c);
}

/* Content with an action to call the emergency number, and a section about calls. */
static const char action_yaml[] = "id: help\n"
				  "title: Help\n"
				  "sections:\n"
				  "  - id: now\n"
				  "    title: Get help now\n"
				  "    body:\n"
				  "      - action: Call {emergency-number} now.\n"
				  "        level: emergency\n"
				  "        sources: [a]\n"
				  "  - id: provider\n"
				  "    title: Call your provider\n"
				  "    body:\n"
				  "      - p: Call the clinic when a sign lasts.\n"
				  "        sources: [a]\n";

/*
 * An action to call the emergency number is found by the numbers people call,
 * and its snippet shows the number put in, never the placeholder.
 */
static void test_emergency_numbers(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(action_yaml, &c);
	struct search_result res;
	const char *qs[] = { "when do i call 911", "call 999", "112" };
	for (size_t i = 0; i < sizeof(qs) / sizeof(qs[0]); i++) {
		run_on(ix, qs[i], &res);
		assert_true(res.nhits > 0);
		assert_string_equal(res.hits[0].section->id, "help/now");
		assert_string_equal(res.hits[0].snippet, "Call your local emergency number now.");
		search_result_free(&res);
	}
	/* Unset, "your local emergency number" is the text shown, not a name indexed. */
	run_on(ix, "local", &res);
	assert_int_equal(res.nhits, 0);
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
	/* A configured number finds it too, and is shown and marked in the snippet. */
	char number[] = "555";
	struct config cfg = { .emergency_number = number };
	config_use(&cfg);
	ix = index_of(action_yaml, &c);
	run_on(ix, "555", &res);
	config_use(NULL);
	assert_int_equal(res.nhits, 1);
	assert_string_equal(res.hits[0].section->id, "help/now");
	assert_string_equal(res.hits[0].snippet, "Call 555 now.");
	assert_int_equal(res.hits[0].nmarks, 1);
	assert_int_equal(res.hits[0].marks[0].start, 5);
	assert_int_equal(res.hits[0].marks[0].len, 3);
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
}

/* Content where a word list defines "hives", and a section lists them as a sign. */
static const char words_yaml[] = "id: help\n"
				 "title: Help\n"
				 "sections:\n"
				 "  - id: allergic\n"
				 "    title: Allergic reactions\n"
				 "    body:\n"
				 "      - list: \"Signs:\"\n"
				 "        sources: [a]\n"
				 "        items:\n"
				 "          - text: Hives on the skin.\n"
				 "  - id: words\n"
				 "    title: Word list\n"
				 "    body:\n"
				 "      - term: hives\n"
				 "        means: Itchy bumps on the skin.\n"
				 "        sources: [a]\n"
				 "  - id: rest\n"
				 "    title: Rest\n"
				 "    body:\n"
				 "      - p: Sleep well.\n"
				 "        sources: [a]\n";

/* The safety notice, and the section it sums up, saying the same. */
static const char notice_yaml[] = "id: notice\n"
				  "title: Read this first\n"
				  "body:\n"
				  "  - p: Trouble breathing? Get help now.\n"
				  "    sources: [a]\n";
static const char help_yaml[] = "id: help\n"
				"title: Get help\n"
				"body:\n"
				"  - p: Trouble breathing? Get help now.\n"
				"    sources: [a]\n";

/* The notice leads on to the sections it sums up: they come first. */
static void test_notice_leads_on(void **state)
{
	(void)state;
	struct load_file files[] = {
		{ .name = "sources.yaml", .data = sources_yaml, .len = sizeof(sources_yaml) - 1 },
		{ .name = "00-notice.yaml", .data = notice_yaml, .len = sizeof(notice_yaml) - 1 },
		{ .name = "30-help.yaml", .data = help_yaml, .len = sizeof(help_yaml) - 1 },
	};
	struct content *c = load_mem(files, 3);
	assert_non_null(c);
	struct search_index *ix = search_index_new(c);
	assert_first(ix, "trouble breathing", "help");
	search_index_free(ix);
	content_free(c);
}

/* A section with one sign, fever, at the level watch. */
#define FEVER_SECTION_YAML                               \
	"  - id: body\n"                                 \
	"    title: All over\n"                          \
	"    body:\n"                                    \
	"      - list: \"Signs:\"\n"                     \
	"        sources: [a]\n"                         \
	"        items:\n"                               \
	"          - text: Fever. A high temperature.\n" \
	"            sign: fever\n"                      \
	"            urgency: watch\n"                   \
	"      - action: Keep an eye on it.\n"           \
	"        level: watch\n"                         \
	"        sources: [a]\n"

/* Eight small sections, so that a sign's word is in few of them. */
#define EIGHT_SECTIONS_YAML                        \
	"  - id: food\n"                           \
	"    title: Food\n"                        \
	"    body:\n"                              \
	"      - p: Eat well.\n"                   \
	"        sources: [a]\n"                   \
	"  - id: water\n"                          \
	"    title: Water\n"                       \
	"    body:\n"                              \
	"      - p: Drink water.\n"                \
	"        sources: [a]\n"                   \
	"  - id: walk\n"                           \
	"    title: Walk\n"                        \
	"    body:\n"                              \
	"      - p: Walk a little.\n"              \
	"        sources: [a]\n"                   \
	"  - id: clinic\n"                         \
	"    title: Clinic\n"                      \
	"    body:\n"                              \
	"      - p: Pick a clinic with care.\n"    \
	"        sources: [a]\n"                   \
	"  - id: cost\n"                           \
	"    title: Cost\n"                        \
	"    body:\n"                              \
	"      - p: Ask what it costs.\n"          \
	"        sources: [a]\n"                   \
	"  - id: rules\n"                          \
	"    title: Rules\n"                       \
	"    body:\n"                              \
	"      - p: The rules apply to clinics.\n" \
	"        sources: [a]\n"                   \
	"  - id: trials\n"                         \
	"    title: Trials\n"                      \
	"    body:\n"                              \
	"      - p: Trials test new products.\n"   \
	"        sources: [a]\n"                   \
	"  - id: lab\n"                            \
	"    title: Lab\n"                         \
	"    body:\n"                              \
	"      - p: A lab makes the product.\n"    \
	"        sources: [a]\n"

/* How it is given (the iv), and a section with the sign of fever. */
static const char sign_iv_yaml[] =
	"id: care\n"
	"title: Care\n"
	"sections:\n"
	"  - id: route\n"
	"    title: How it is given\n"
	"    also_called: [iv, drip]\n"
	"    body:\n"
	"      - p: It can be given through an iv drip into a vein, or as a shot.\n"
	"        sources: [a]\n" FEVER_SECTION_YAML "  - id: rest\n"
	"    title: Rest\n"
	"    body:\n"
	"      - p: Sleep well.\n"
	"        sources: [a]\n";

/* The sign a patient names leads, before the other words of the question. */
static void test_sign_leads(void **state)
{
	(void)state;
	assert_ranked(sign_iv_yaml, "fever after the iv", "care/body", "care/route", 2);
}

/* What a query asks about, before "after", is what the content lacks. */
static void test_topic_lacking(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(sign_iv_yaml, &c);
	assert_unanswered(ix, "woozy after the drip");
	assert_unanswered(ix, "dizzy during the iv");
	/* What came about since: the words after "now". */
	assert_unanswered(ix, "my mom had the drip and now she is confused");
	assert_first(ix, "my mom had the drip and now she has a fever", "care/body");
	/* Nothing answers what came about since the treatment: the result says
	 * so (res.since), so the signs and what to do can be offered; not for a
	 * question that asks leave, nor for one answered. */
	struct search_result res;
	run_on(ix, "woozy after the drip", &res);
	assert_int_equal(res.nhits, 0);
	assert_true(res.since);
	search_result_free(&res);
	run_on(ix, "can i drink alcohol after the drip", &res);
	assert_int_equal(res.nhits, 0);
	assert_false(res.since);
	search_result_free(&res);
	run_on(ix, "fever after the drip", &res);
	assert_false(res.since);
	search_result_free(&res);
	/* A "now" with nothing after it leaves what it asks where it was. */
	assert_unanswered(ix, "woozy after the drip now");
	/* Nothing matched at all: still a time since the treatment. */
	run_on(ix, "woozy since yesterday", &res);
	assert_int_equal(res.nhits, 0);
	assert_true(res.since);
	search_result_free(&res);
	/* Content that names no sign has none to point to. */
	struct content *c2;
	struct search_index *ix2 = typo_index(&c2);
	run_on(ix2, "woozy since yesterday", &res);
	assert_int_equal(res.nhits, 0);
	assert_false(res.since);
	search_result_free(&res);
	search_index_free(ix2);
	content_free(c2);
	assert_first(ix, "fever after the drip", "care/body");
	assert_first(ix, "how is the drip given", "care/route");
	assert_first(ix, "what to do after the drip", "care/route");
	search_index_free(ix);
	content_free(c);
}

/* How it is given, a sign named by its text's first word, and more topics. */
static const char sign_head_yaml[] =
	"id: care\n"
	"title: Care\n"
	"sections:\n"
	"  - id: route\n"
	"    title: How it is given\n"
	"    also_called: [iv, drip]\n"
	"    body:\n"
	"      - p: An iv drip gives it through a thin tube into a vein.\n"
	"        sources: [a]\n"
	"  - id: site\n"
	"    title: Where it went in\n"
	"    body:\n"
	"      - list: \"Common:\"\n"
	"        sources: [a]\n"
	"        items:\n"
	"          - text: Swelling where the needle went in.\n"
	"            sign: site-swelling\n"
	"            also_called: [puffy, bloated, lasting swelling]\n"
	"            urgency: expected\n"
	"      - action: It passes on its own.\n"
	"        level: expected\n"
	"        sources: [a]\n"
	"  - id: rest\n"
	"    title: Rest\n"
	"    body:\n"
	"      - p: Sleep well.\n"
	"        sources: [a]\n"
	"  - id: food\n"
	"    title: Food\n"
	"    body:\n"
	"      - p: Eat as you always do. An iv drip can leave you bloated.\n"
	"        sources: [a]\n"
	"  - id: approved\n"
	"    title: Is it FDA approved?\n"
	"    body:\n"
	"      - p: No. The FDA has not approved it to treat any disease.\n"
	"        sources: [a]\n";

/* The sign the query names, by its first word or a one-word also_called,
 * leads over the way it was given, even when the query names that twice;
 * not over a section whose title says two more of its words. */
static void test_sign_head(void **state)
{
	(void)state;
	assert_ranked(sign_head_yaml, "swelling after the iv drip", "care/site", "care/route", 3);
	assert_ranked(sign_head_yaml, "puffy after iv drip", "care/site", "care/route", 3);
	/* A slip of it too. */
	assert_ranked(sign_head_yaml, "swellling after the iv drip", "care/site", "care/route", 3);
	/* A section that holds only another name of it ("bloated") does not. */
	assert_ranked(sign_head_yaml, "puffy after the iv drip", "care/site", "care/route", 3);
	/* Without a sign, the route leads. */
	assert_ranked(sign_head_yaml, "after the iv drip", "care/route", NULL, 2);
	assert_ranked(sign_head_yaml, "is it fda approved for swelling", "care/approved", NULL, 2);
}

/* A section that compares, and two about stem cells alone. */
static const char compare_yaml[] =
	"id: cells\n"
	"title: Cells\n"
	"sections:\n"
	"  - id: what\n"
	"    title: What stem cells are\n"
	"    body:\n"
	"      - p: Stem cells are cells that can become other cells. Stem "
	"cells make exosomes, which carry messages between cells.\n"
	"        sources: [a]\n"
	"  - id: risks\n"
	"    title: Risks of stem cells\n"
	"    body:\n"
	"      - p: Stem cells can grow where they should not. Exosomes from "
	"stem cells are not cells.\n"
	"        sources: [a]\n"
	"  - id: compare\n"
	"    title: How exosomes compare\n"
	"    also_called: [difference]\n"
	"    body:\n"
	"      - p: Exosomes carry less risk than stem cells.\n"
	"        sources: [a]\n"
	"  - id: rest\n"
	"    title: Rest\n"
	"    body:\n"
	"      - p: Rest on the same day as the exosomes.\n"
	"        sources: [a]\n";

/* How it works, and whether that is proven. */
static const char works_yaml[] = "id: care\n"
				 "title: Care\n"
				 "sections:\n"
				 "  - id: how\n"
				 "    title: How the therapy works\n"
				 "    body:\n"
				 "      - p: The therapy works by sending signals to cells.\n"
				 "        sources: [a]\n"
				 "  - id: unproven\n"
				 "    title: What is not proven\n"
				 "    also_called: [proof, evidence]\n"
				 "    body:\n"
				 "      - p: There is little data on how well the therapy helps.\n"
				 "        sources: [a]\n"
				 "  - id: rest\n"
				 "    title: Rest\n"
				 "    body:\n"
				 "      - p: Rest after the therapy.\n"
				 "        sources: [a]\n";

/* "does it work" asks whether it is proven to; "how does it work" how it
 * does; "how well does it work" whether it does. */
static void test_does_work(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(works_yaml, &c);
	assert_first(ix, "does the therapy really work", "care/unproven");
	assert_first(ix, "will the therapy work for me", "care/unproven");
	assert_first(ix, "how well does the therapy work", "care/unproven");
	assert_first(ix, "how does the therapy work", "care/how");
	assert_first(ix, "is there proof the therapy works", "care/unproven");
	/* "work out" is exercise, which the content lacks. */
	assert_unanswered(ix, "can i work out after the therapy");
	search_index_free(ix);
	content_free(c);
}

/* A section on what to do before treatment. */
#define BEFORE_YAML                                               \
	"id: care\n"                                              \
	"title: Care\n"                                           \
	"sections:\n"                                             \
	"  - id: before\n"                                        \
	"    title: Before treatment\n"                           \
	"    body:\n"                                             \
	"      - p: Tell your provider the medicines you take.\n" \
	"        sources: [a]\n"

/* What to do before treatment, and how the product is prepared. */
static const char prepare_yaml[] =
	BEFORE_YAML "  - id: made\n"
		    "    title: Making the product\n"
		    "    body:\n"
		    "      - p: The product is prepared in a lab. How it is prepared changes "
		    "how safe the treatment is. Ask how it was prepared.\n"
		    "        sources: [a]\n"
		    "  - id: after\n"
		    "    title: After treatment\n"
		    "    body:\n"
		    "      - p: Go to your follow-up visits.\n"
		    "        sources: [a]\n"
		    "  - id: rest\n"
		    "    title: Rest\n"
		    "    body:\n"
		    "      - p: Sleep well.\n"
		    "        sources: [a]\n";

/* The same, with a section that lists the sign of fever. */
static const char prepare_sign_yaml[] = BEFORE_YAML FEVER_SECTION_YAML EIGHT_SECTIONS_YAML;

/* Before and after treatment, and how it is given (by injection). */
static const char pre_post_yaml[] =
	"id: care\n"
	"title: Care\n"
	"sections:\n"
	"  - id: before\n"
	"    title: Before treatment\n"
	"    body:\n"
	"      - p: Tell your provider the medicines you take.\n"
	"        sources: [a]\n"
	"  - id: after\n"
	"    title: After treatment\n"
	"    body:\n"
	"      - p: Go to your follow-up visits.\n"
	"        sources: [a]\n"
	"  - id: route\n"
	"    title: How it is given\n"
	"    also_called: [injection, shot]\n"
	"    body:\n"
	"      - p: It is given as an injection. Follow the instructions.\n"
	"        sources: [a]\n" EIGHT_SECTIONS_YAML;

/* What exosomes hold, and where and how they are made. */
static const char made_of_yaml[] =
	"id: about\n"
	"title: About\n"
	"sections:\n"
	"  - id: cargo\n"
	"    title: What exosomes carry\n"
	"    also_called: [contains]\n"
	"    body:\n"
	"      - p: Exosomes carry proteins and fats.\n"
	"        sources: [a]\n"
	"  - id: source\n"
	"    title: Where exosomes come from\n"
	"    body:\n"
	"      - p: Exosomes are made by cells. They are made from stem cells "
	"in a lab, and what they are made from matters.\n"
	"        sources: [a]\n";

/* Who the therapy is not for, and what it is. */
static const char who_not_yaml[] =
	"id: care\n"
	"title: Care\n"
	"sections:\n"
	"  - id: health\n"
	"    title: Your health\n"
	"    also_called: [contraindications]\n"
	"    body:\n"
	"      - p: Your health changes how safe the therapy is.\n"
	"        sources: [a]\n"
	"  - id: what\n"
	"    title: What the therapy is\n"
	"    body:\n"
	"      - p: The therapy is a shot. People get the therapy at a clinic.\n"
	"        sources: [a]\n";

/* What it is used for, and what makes a good provider. */
static const char good_for_yaml[] =
	"id: care\n"
	"title: Care\n"
	"sections:\n"
	"  - id: uses\n"
	"    title: What it is used for\n"
	"    body:\n"
	"      - p: Clinics offer the therapy for skin and joints.\n"
	"        sources: [a]\n"
	"  - id: choosing\n"
	"    title: Choosing a provider\n"
	"    body:\n"
	"      - p: A good provider is trained. Good clinics follow the rules "
	"for the therapy.\n"
	"        sources: [a]\n";

/* "therapy" is in most sections and names two, "safe" is in three, both
 * together in two. */
static const char most_yaml[] = "id: care\n"
				"title: Care\n"
				"sections:\n"
				"  - id: safe\n"
				"    title: Is it safe?\n"
				"    body:\n"
				"      - p: The therapy is safe for most people.\n"
				"        sources: [a]\n"
				"  - id: risks\n"
				"    title: Risks\n"
				"    body:\n"
				"      - p: The therapy has risks. Safe habits lower them.\n"
				"        sources: [a]\n"
				"  - id: clinic\n"
				"    title: Clinics\n"
				"    body:\n"
				"      - p: A safe clinic is clean.\n"
				"        sources: [a]\n"
				"  - id: how\n"
				"    title: How the therapy works\n"
				"    body:\n"
				"      - p: The therapy sends signals.\n"
				"        sources: [a]\n"
				"  - id: given\n"
				"    title: How it is given\n"
				"    body:\n"
				"      - p: The therapy is given as a shot.\n"
				"        sources: [a]\n"
				"  - id: cost\n"
				"    title: What the therapy costs\n"
				"    body:\n"
				"      - p: The therapy costs money.\n"
				"        sources: [a]\n"
				"  - id: rest\n"
				"    title: Rest\n"
				"    body:\n"
				"      - p: Sleep well during the week.\n"
				"        sources: [a]\n"
				"  - id: food\n"
				"    title: Food\n"
				"    body:\n"
				"      - p: The therapy needs no special food.\n"
				"        sources: [a]\n";

/* A word in most sections ("therapy") does not make a rarer word found
 * with it an answer to what the content lacks ("pregnancy"). */
static void test_common_word_not_together(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(most_yaml, &c);
	assert_unanswered(ix, "is the therapy safe during pregnancy");
	assert_first(ix, "is the therapy safe", "care/safe");
	search_index_free(ix);
	content_free(c);
}

/* "pre" is in the content only as part of "pre-existing". */
static const char pre_yaml[] = "id: care\n"
			       "title: Care\n"
			       "sections:\n"
			       "  - id: health\n"
			       "    title: Your health\n"
			       "    also_called: [pre-existing conditions]\n"
			       "    body:\n"
			       "      - p: Your health changes how safe the treatment is.\n"
			       "        sources: [a]\n"
			       "  - id: before\n"
			       "    title: Before treatment\n"
			       "    body:\n"
			       "      - p: Tell your provider the medicines you take.\n"
			       "        sources: [a]\n";

/* Long-term risks, and a study that shows something. */
static const char long_term_yaml[] =
	"id: care\n"
	"title: Care\n"
	"sections:\n"
	"  - id: long\n"
	"    title: Long-term risks\n"
	"    body:\n"
	"      - p: Little is known about long-term side effects.\n"
	"        sources: [a]\n"
	"  - id: studies\n"
	"    title: Studies\n"
	"    body:\n"
	"      - p: Early studies show good results. Problems may show up.\n"
	"        sources: [a]\n"
	"  - id: rest\n"
	"    title: Rest\n"
	"    body:\n"
	"      - p: Rest for a day.\n"
	"        sources: [a]\n";

/* A dose, and swelling after the shot. */
static const char dose_yaml[] = "id: care\n"
				"title: Care\n"
				"sections:\n"
				"  - id: dose\n"
				"    title: Dose\n"
				"    body:\n"
				"      - p: The dose is how many exosomes are given.\n"
				"        sources: [a]\n"
				"  - id: swelling\n"
				"    title: Swelling\n"
				"    body:\n"
				"      - p: Swelling can follow the shot. Much of it goes down.\n"
				"        sources: [a]\n"
				"  - id: rest\n"
				"    title: Rest\n"
				"    body:\n"
				"      - p: Rest for a day.\n"
				"        sources: [a]\n";

/* Phrases read for what they ask: each query, in its fixture, finds its section first. */
static const struct reading {
	const char *yaml, *query, *id;
} readings[] = {
	/* "the same as", "vs" and "compared to" ask for the section that compares;
	 * "the same day" does not, and "compare" is never a word the content lacks. */
	{ compare_yaml, "are exosomes the same as stem cells", "cells/compare" },
	{ compare_yaml, "are exosomes the same thing as stem cells", "cells/compare" },
	{ compare_yaml, "exosomes vs stem cells", "cells/compare" },
	{ compare_yaml, "stem cells compared to exosomes", "cells/compare" },
	{ compare_yaml, "what are stem cells", "cells/what" },
	{ compare_yaml, "rest the same day", "cells/rest" },
	{ compare_yaml, "what is the difference between exosomes and stem cells", "cells/compare" },
	{ compare_yaml, "how are exosomes different from stem cells", "cells/compare" },
	/* "prepare for" and "get ready for" ask what to do before; "prepared" alone
	 * is how the product is made; an appointment is the treatment. */
	{ prepare_yaml, "how do i prepare for the treatment", "care/before" },
	{ prepare_yaml, "how do i get ready for my appointment", "care/before" },
	{ prepare_yaml, "what should i do before my appointment", "care/before" },
	{ prepare_yaml, "how is the product prepared", "care/made" },
	{ prepare_yaml, "how do i prepare for my follow-up visits", "care/before" },
	{ prepare_yaml, "what should i do the day before my follow-up visits", "care/before" },
	/* "do ... after" asks what to do after, as "do ... before" does, when a
	 * section is called so (test_topic_lacking: "what to do after the drip"). */
	{ prepare_yaml, "what do i do after my lab visit", "care/after" },
	/* "avoid ... before" and "avoid ... after" ask the same, and "avoid" is no
	 * word the content lacks. */
	{ prepare_yaml, "what should i avoid after my lab visit", "care/after" },
	{ prepare_yaml, "what should i avoid before my appointment", "care/before" },
	/* "pre" or "post" before the treatment asks what to do before or after it,
	 * and the words after are aside; "prep" alone is before. */
	{ prepare_yaml, "pre-procedure prep", "care/before" },
	{ prepare_yaml, "lab prep", "care/before" },
	{ pre_post_yaml, "post-injection instructions", "care/after" },
	{ pre_post_yaml, "pre-injection instructions", "care/before" },
	{ pre_post_yaml, "injection instructions", "care/route" },
	/* A sign named after it is never aside. */
	{ prepare_sign_yaml, "what should i do before my appointment", "care/before" },
	{ prepare_sign_yaml, "what should i do before my appointment if i have a fever",
	  "care/body" },
	/* "made of", "made up of", "consist of" ask what exosomes hold; "made from"
	 * and "how are they made" ask where they come from. */
	{ made_of_yaml, "what are exosomes made of", "about/cargo" },
	{ made_of_yaml, "what are exosomes made up of", "about/cargo" },
	{ made_of_yaml, "what do exosomes consist of", "about/cargo" },
	{ made_of_yaml, "what are exosomes made from", "about/source" },
	{ made_of_yaml, "how are exosomes made", "about/source" },
	/* "who should not", "who shouldn't", "who cannot" ask who it is not for. */
	{ who_not_yaml, "who should not get the therapy", "care/health" },
	{ who_not_yaml, "who shouldn't get the therapy", "care/health" },
	{ who_not_yaml, "who cannot have the therapy", "care/health" },
	{ who_not_yaml, "who can get the therapy", "care/what" },
	/* "good for" asks what it is used for; "good" alone keeps its word. */
	{ good_for_yaml, "what is the therapy good for", "care/uses" },
	{ good_for_yaml, "is it good for my skin", "care/uses" },
	{ good_for_yaml, "how do i find a good provider", "care/choosing" },
	/* A short form the content holds only inside a name is read as its word,
	 * unless the query says the name. */
	{ pre_yaml, "pre-procedure", "care/before" },
	{ pre_yaml, "medicines pre treatment", "care/before" },
	{ pre_yaml, "pre-existing conditions", "care/health" },
	{ pre_yaml, "pre existing illness", "care/health" },
	/* "years later", "down the road", "in the long run" and "over time" ask
	 * about the long term; "years" alone and "show up" do not. */
	{ long_term_yaml, "could problems show up years later", "care/long" },
	{ long_term_yaml, "any side effects down the road", "care/long" },
	{ long_term_yaml, "is it safe in the long run", "care/long" },
	{ long_term_yaml, "do side effects get worse over time", "care/long" },
	{ long_term_yaml, "will problems show up", "care/studies" },
	/* "how much" before a verb of giving and "too much" after one ask for the
	 * dose; "too much swelling" and "how much swelling will i get" do not. */
	{ dose_yaml, "how much do they give you", "care/dose" },
	{ dose_yaml, "what happens if i get too much", "care/dose" },
	{ dose_yaml, "what if they give me too much of it", "care/dose" },
	{ dose_yaml, "too much swelling after the shot", "care/swelling" },
	{ dose_yaml, "how much swelling will i get after the shot", "care/swelling" },
	/* "down the road" after "years" too; "a long run" is a run. */
	{ long_term_yaml, "could problems show up years down the road", "care/long" },
};

/* Two words of the content run together ("stemcells") are read as the two,
 * and the results say so. */
static void test_run_together(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(compare_yaml, &c);
	assert_corrected(ix, "exosomes vs stemcells", "cells/compare", "exosomes vs stem cells");
	search_index_free(ix);
	content_free(c);
}

/* "the difference between" asks for a comparison and bears no meaning: one
 * with what the content lacks ("prp") is not answered by the section that
 * compares other things. */
static void test_compare_lacking(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(compare_yaml, &c);
	assert_unanswered(ix, "what is the actual difference between exosomes and prp");
	assert_unanswered(ix, "the difference between exosomes and prp");
	search_index_free(ix);
	content_free(c);
}

static void test_readings(void **state)
{
	(void)state;
	struct content *c = NULL;
	struct search_index *ix = NULL;
	for (size_t i = 0; i < sizeof(readings) / sizeof(readings[0]); i++) {
		/* One index for each run of rows on the same fixture. */
		if (i == 0 || readings[i].yaml != readings[i - 1].yaml) {
			search_index_free(ix);
			content_free(c);
			ix = index_of(readings[i].yaml, &c);
		}
		assert_first(ix, readings[i].query, readings[i].id);
	}
	search_index_free(ix);
	content_free(c);
}

/* A dose, and a section with an emergency sign. */
static const char lacking_yaml[] = "id: care\n"
				   "title: Care\n"
				   "sections:\n"
				   "  - id: dose\n"
				   "    title: Dose\n"
				   "    body:\n"
				   "      - p: The dose is how much is given.\n"
				   "        sources: [a]\n"
				   "  - id: help\n"
				   "    title: Get help now\n"
				   "    body:\n"
				   "      - list: \"Signs:\"\n"
				   "        sources: [a]\n"
				   "        items:\n"
				   "          - text: Wheezing. It can mean a severe reaction.\n"
				   "            sign: wheezing\n"
				   "            also_called: [gasping, running out of breath]\n"
				   "            urgency: emergency\n"
				   "      - action: Call your local emergency number now.\n"
				   "        level: emergency\n"
				   "        sources: [a]\n"
				   "  - id: risks\n"
				   "    title: Long-term risks\n"
				   "    body:\n"
				   "      - p: Little is known about them.\n"
				   "        sources: [a]\n"
				   "  - id: rest\n"
				   "    title: Rest\n"
				   "    body:\n"
				   "      - p: Sleep well.\n"
				   "        sources: [a]\n";

/* Two words that bear meaning and match nothing ask about what the content
 * lacks: even a rare name does not answer them; a sign's name does, for a
 * sign must always be found; and so do more names than the words it lacks. */
static void test_two_lacking(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(lacking_yaml, &c);
	assert_first(ix, "dose for kids", "care/dose");
	assert_unanswered(ix, "dose for kids in kg");
	/* The two halves of a word with a hyphen lack as one word. */
	assert_first(ix, "dose for weight-loss", "care/dose");
	assert_unanswered(ix, "dose for weight loss");
	assert_first(ix, "my chest is tight and i am wheezing", "care/help");
	/* So does another name of it of one word; a longer one's words apart
	 * ("running") name no sign. */
	assert_first(ix, "gasping and dizzy and faint", "care/help");
	assert_unanswered(ix, "running and dizzy and faint");
	assert_first(ix, "my daughter wants it for her acne scars, are there long term risks",
		     "care/risks");
	assert_unanswered(ix, "risks of acne scars");
	search_index_free(ix);
	content_free(c);
}

/* The section care/site: swelling and redness where the needle went in, each
 * a sign with its other names, and what to do. */
#define SITE_SIGNS_YAML(swollen, red)                            \
	"id: care\n"                                             \
	"title: Care\n"                                          \
	"sections:\n"                                            \
	"  - id: site\n"                                         \
	"    title: Where the needle went in\n"                  \
	"    body:\n"                                            \
	"      - list: \"Common:\"\n"                            \
	"        sources: [a]\n"                                 \
	"        items:\n"                                       \
	"          - text: Swelling where the needle went in.\n" \
	"            sign: site-swelling\n"                      \
	"            also_called: [" swollen "]\n"               \
	"            urgency: expected\n"                        \
	"          - text: Redness where the needle went in.\n"  \
	"            sign: site-redness\n"                       \
	"            also_called: [" red "]\n"                   \
	"            urgency: expected\n"                        \
	"      - action: It passes on its own.\n"                \
	"        level: expected\n"                              \
	"        sources: [a]\n"

/* Signs where the needle went in, an emergency sign, and other topics. */
static const char place_yaml[] = SITE_SIGNS_YAML(
	"swollen", "red") "  - id: help\n"
			  "    title: Get help now\n"
			  "    body:\n"
			  "      - list: \"Signs:\"\n"
			  "        sources: [a]\n"
			  "        items:\n"
			  "          - text: Wheezing. It can mean a severe reaction.\n"
			  "            sign: wheezing\n"
			  "            urgency: emergency\n"
			  "          - text: Swelling of the lips or the throat, which can "
			  "close it.\n"
			  "            sign: lips\n"
			  "            also_called: [swollen lips]\n"
			  "            urgency: emergency\n"
			  "      - action: Call your local emergency number now.\n"
			  "        level: emergency\n"
			  "        sources: [a]\n"
			  "  - id: rest\n"
			  "    title: Rest\n"
			  "    body:\n"
			  "      - p: Sleep well. A red eye mask can help.\n"
			  "        sources: [a]\n"
			  "  - id: meals\n"
			  "    title: Meals\n"
			  "    body:\n"
			  "      - p: Eat as you always do. Red meat is fine.\n"
			  "        sources: [a]\n" EIGHT_SECTIONS_YAML;

/* A part of the body a shot goes into says where a sign is, and is no word
 * the content lacks; a sign in a part no shot goes into is not the shot's,
 * unless it is an emergency's. */
static void test_sign_place(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = index_of(place_yaml, &c);
	assert_unanswered(ix, "my chest is red and warm");
	assert_unanswered(ix, "my chest is red");
	assert_unanswered(ix, "my pee is red");
	assert_unanswered(ix, "swelling in my calf after the shot");
	assert_first(ix, "wheezing and my chest hurts", "care/help");
	/* A word of a longer name of an emergency sign counts ("lips"). */
	assert_first(ix, "swollen lips and a red chest", "care/help");
	/* Refused so, it points to the signs, though a sign matched. */
	struct search_result res;
	run_on(ix, "my chest is red after the drip", &res);
	assert_int_equal(res.nhits, 0);
	assert_true(res.since);
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
}

/* A word list whose two-word term the query says, and a section that uses it. */
static const char list_said_yaml[] =
	"id: help\n"
	"title: Help\n"
	"sections:\n"
	"  - id: health\n"
	"    title: Your health\n"
	"    body:\n"
	"      - p: Tell your provider if you have an autoimmune disease. It can make a reaction "
	"stronger.\n"
	"        sources: [a]\n"
	"  - id: words\n"
	"    title: Word list\n"
	"    body:\n"
	"      - term: autoimmune disease\n"
	"        means: An illness where the body attacks itself.\n"
	"        sources: [a]\n"
	"      - term: hives\n"
	"        means: Itchy bumps on the skin.\n"
	"        sources: [a]\n"
	"  - id: rest\n"
	"    title: Rest\n"
	"    body:\n"
	"      - p: Sleep well.\n"
	"        sources: [a]\n";

/* A sign, what to do about it, and a word list that defines it and the drip. */
static const char sign_words_yaml[] = "id: care\n"
				      "title: Care\n"
				      "sections:\n" FEVER_SECTION_YAML "  - id: call\n"
				      "    title: Call your provider\n"
				      "    body:\n"
				      "      - p: Call if a fever lasts more than a day.\n"
				      "        sources: [a]\n"
				      "  - id: words\n"
				      "    title: Word list\n"
				      "    body:\n"
				      "      - term: fever\n"
				      "        means: A body temperature higher than normal.\n"
				      "        sources: [a]\n"
				      "      - term: drip\n"
				      "        means: A thin tube that gives fluid into a vein.\n"
				      "        sources: [a]\n"
				      "  - id: rest\n"
				      "    title: Rest\n"
				      "    body:\n"
				      "      - p: Sleep well.\n"
				      "        sources: [a]\n" EIGHT_SECTIONS_YAML "  - id: bags\n"
				      "    title: Bags\n"
				      "    body:\n"
				      "      - p: Fluid for the drip comes in bags.\n"
				      "        sources: [a]\n";

/* Two signs, each in its own item, and prose that names them side by side. */
static const char two_signs_yaml[] = SITE_SIGNS_YAML(
	"swollen, lasting swelling",
	"erythema, persistent redness") "  - id: inflam\n"
					"    title: Inflammation\n"
					"    body:\n"
					"      - p: Inflammation is how the body reacts to harm. It can cause swelling, "
					"redness and pain.\n"
					"        sources: [a]\n" EIGHT_SECTIONS_YAML;

/* Signs named side by side find where each is listed, not prose that names
 * them together. */
static void test_signs_side_by_side(void **state)
{
	(void)state;
	assert_ranked(two_signs_yaml, "swelling and redness", "care/site", "care/inflam", 0);
}

/* When the query says what a sign is, what to do comes before a word list. */
static void test_sign_before_word_list(void **state)
{
	(void)state;
	assert_ranked(sign_words_yaml, "fever after the drip", "care/body", "care/call", 0);
}

/* A word list leads to the sections that use its terms: they come first. */
static void test_word_list_leads_on(void **state)
{
	(void)state;
	assert_ranked(words_yaml, "hives", "help/allergic", "help/words", 2);
	/* Saying a word list's term does not make the list the answer. */
	assert_ranked(list_said_yaml, "can i get it if i have an autoimmune disease", "help/health",
		      "help/words", 2);
}

/* Content where a sign is named "Pain", and a shorter section says "pain" in passing. */
static const char named_yaml[] = "id: care\n"
				 "title: Care\n"
				 "sections:\n"
				 "  - id: site\n"
				 "    title: At the spot\n"
				 "    body:\n"
				 "      - list: \"Signs:\"\n"
				 "        sources: [a]\n"
				 "        items:\n"
				 "          - text: Pain. It can be mild to moderate and passes.\n"
				 "          - text: Redness. It fades in a day or two.\n"
				 "  - id: hopes\n"
				 "    title: Hopes\n"
				 "    body:\n"
				 "      - p: Imagine a jog after years of knee pain.\n"
				 "        sources: [a]\n"
				 "      - p: People hope for more.\n"
				 "        sources: [a]\n"
				 "  - id: rest\n"
				 "    title: Rest\n"
				 "    body:\n"
				 "      - p: Sleep well.\n"
				 "        sources: [a]\n";

/* A list item's first short sentence names it: the sign named "Pain" comes first. */
static void test_item_name(void **state)
{
	(void)state;
	assert_ranked(named_yaml, "pain", "care/site", NULL, 2);
}

/* A section with a long name, and the head of one named where the needle went in. */
#define SAID_ACHE_YAML                          \
	"id: care\n"                            \
	"title: Care\n"                         \
	"sections:\n"                           \
	"  - id: ache\n"                        \
	"    title: Aches\n"                    \
	"    also_called: [a sore arm today]\n" \
	"    body:\n"                           \
	"      - p: It passes.\n"               \
	"        sources: [a]\n"                \
	"  - id: site\n"                        \
	"    title: Where the needle went in\n"

/* Two sections named alike; the query says the second one's name word for word. */
static const char said_yaml[] = SAID_ACHE_YAML "    also_called: [sore arm]\n"
					       "    body:\n"
					       "      - p: It passes.\n"
					       "        sources: [a]\n";

/* Two sections alike but for their titles; the query "why do side effects
 * happen" says the first title, "side effects", word for word, and the
 * second, which holds fewer of its words, with "do" inside. */
static const char said_gap_yaml[] = "id: care\n"
				    "title: Care\n"
				    "sections:\n"
				    "  - id: list\n"
				    "    title: Side effects\n"
				    "    body:\n"
				    "      - p: Side effects happen to some.\n"
				    "        sources: [a]\n"
				    "      - p: Why side effects happen is not known.\n"
				    "        sources: [a]\n"
				    "  - id: why\n"
				    "    title: Why side effects happen\n"
				    "    body:\n"
				    "      - p: Side effects happen to some.\n"
				    "        sources: [a]\n";

/* The same, but "sore arm" names one item the second section lists. */
static const char said_item_yaml[] = SAID_ACHE_YAML "    body:\n"
						    "      - list: Some have\n"
						    "        sources: [a]\n"
						    "        items:\n"
						    "          - text: Pain.\n"
						    "            also_called: [sore arm]\n"
						    "          - text: Redness.\n";

/* A section whose name (of two words or more) the query says word for word
 * comes before one that holds the same words in a longer name. */
static void test_name_said(void **state)
{
	(void)state;
	assert_ranked(said_yaml, "my sore arm", "care/site", "care/ache", 2);
	/* Words apart from each other say no name: reading order decides. */
	assert_ranked(said_yaml, "arm is sore", "care/ache", "care/site", 2);
	/* A name said with one word more inside it is said: both titles are. */
	assert_ranked(said_gap_yaml, "why do side effects happen", "care/why", "care/list", 2);
	/* A list item's name is the item's, one of the several its section
	 * lists: saying it earns no bonus, and the section named more strongly
	 * comes first. */
	assert_ranked(said_item_yaml, "my sore arm", "care/ache", "care/site", 2);
}

/* One section lists a question its text answers; the other says "arm" in its text. */
static const char questions_yaml[] =
	"id: care\n"
	"title: Care\n"
	"sections:\n"
	"  - id: body\n"
	"    title: All over\n"
	"    body:\n"
	"      - p: Some people feel tired. An arm can feel heavy.\n"
	"        sources: [a]\n"
	"  - id: site\n"
	"    title: At the shot site\n"
	"    questions: [will my arm be sore after the shot]\n"
	"    body:\n"
	"      - p: Pain and redness can show where the needle went in.\n"
	"        sources: [a]\n";

/* A title that says the query, and a section that lists it as a question. */
static const char asked_name_yaml[] =
	"id: care\n"
	"title: Care\n"
	"sections:\n"
	"  - id: site\n"
	"    title: Sore arm\n"
	"    body:\n"
	"      - p: An arm can be sore after the shot. The arm can stay sore for a day after the "
	"shot.\n"
	"        sources: [a]\n"
	"  - id: other\n"
	"    title: Other\n"
	"    questions: [my arm is sore]\n"
	"    body:\n"
	"      - p: Rest well.\n"
	"        sources: [a]\n"
	"  - id: rest\n"
	"    title: Rest\n"
	"    body:\n"
	"      - p: Sleep well.\n"
	"        sources: [a]\n";

/* A section is found by the questions it lists, and they weigh as a QA's
 * question does; the snippet still comes from the text the reader shows. */
static void test_questions(void **state)
{
	(void)state;
	assert_ranked(questions_yaml, "will my arm be sore", "care/site", "care/body", 2);
	struct content *c;
	struct search_index *ix = index_of(questions_yaml, &c);
	struct search_result res;
	run_on(ix, "sore", &res);
	assert_int_equal(res.nhits, 1);
	assert_string_equal(res.hits[0].section->id, "care/site");
	assert_string_equal(res.hits[0].snippet,
			    "Pain and redness can show where the needle went in.");
	assert_int_equal(res.hits[0].nmarks, 0);
	search_result_free(&res);
	/* They name nothing: a word only they hold answers as running text does,
	 * never with a word the content lacks ("knee"). */
	assert_unanswered(ix, "sore knee");
	search_index_free(ix);
	content_free(c);
}

/* A listed question is no title: saying it earns neither the name-said bonus
 * nor the one for a title that holds every word. */
static void test_questions_name_nothing(void **state)
{
	(void)state;
	assert_ranked(asked_name_yaml, "my arm is sore", "care/site", "care/other", 2);
	assert_ranked(asked_name_yaml, "arm sore", "care/site", "care/other", 2);
}

/* "exosome" is in most sections; one QA's question says it with the words a title says. */
static const char common_word_yaml[] =
	"id: care\n"
	"title: Care\n"
	"sections:\n"
	"  - id: effects\n"
	"    title: Side effects\n"
	"    body:\n"
	"      - p: An exosome shot is quick. Most people feel fine after it.\n"
	"        sources: [a]\n"
	"  - id: serious\n"
	"    title: Serious ones\n"
	"    body:\n"
	"      - q: Can exosome therapy cause serious side effects?\n"
	"        a: Serious side effects are rare. Most side effects are mild.\n"
	"        sources: [a]\n"
	"      - p: Some side effects last longer.\n"
	"        sources: [a]\n"
	"  - id: what\n"
	"    title: What an exosome is\n"
	"    body:\n"
	"      - p: An exosome is a tiny sac.\n"
	"        sources: [a]\n";

/* A title need not say a word that most sections hold to say the whole query;
 * when the query says nothing else, it must. */
static void test_title_common_word(void **state)
{
	(void)state;
	assert_ranked(common_word_yaml, "exosome side effects", "care/effects", "care/serious", 0);
	assert_ranked(common_word_yaml, "side effects", "care/effects", "care/serious", 0);
	assert_ranked(common_word_yaml, "exosome", "care/what", NULL, 0);
}

/* A contraction is stop words ("won't" is "will not"), with either apostrophe,
 * and so are "whether", "may", "actually" and a nurse's "pt"; words of time
 * ("hours", "later", "now"), of people ("mother"), "keep" and "stuff" are
 * filler, and a phrase that asks how to be told ("in plain english",
 * "explained simply") or for how long is stop words: never named as words the
 * content lacks, nor in the way of an answer. */
static void test_function_words(void **state)
{
	(void)state;
	struct content *c;
	struct search_index *ix = typo_index(&c);
	const char *queries[] = {
		"won't a fever follow",       "won\xe2\x80\x99t a fever follow",
		"isn't it a fever",           "why doesn't my fever follow the injection",
		"whether a fever may follow", "a fever hours later",
		"my mother has a fever now",  "is this stuff actually a fever",
		"does the fever keep going",  "wat if pt has a fever",
		"a fever in plain english",   "a fever explained simply",
		"how long a fever follows",   "fever since the injection",
	};
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		struct search_result res;
		run_on(ix, queries[i], &res);
		assert_int_equal(res.nmissing, 0);
		assert_true(res.nhits > 0);
		assert_string_equal(res.hits[0].section->id, "effects/body");
		search_result_free(&res);
	}
	search_index_free(ix);
	content_free(c);
}

/* Content that says "safe" in a title and "safer" in passing, and "numb" but never "number". */
static const char adjective_yaml[] = "id: care\n"
				     "title: Care\n"
				     "sections:\n"
				     "  - id: safe\n"
				     "    title: Is it safe?\n"
				     "    body:\n"
				     "      - p: Most people do well with it.\n"
				     "        sources: [a]\n"
				     "  - id: cost\n"
				     "    title: Cost\n"
				     "    body:\n"
				     "      - p: Prices differ, and cheaper is not always safer.\n"
				     "        sources: [a]\n"
				     "  - id: numb\n"
				     "    title: Numbness\n"
				     "    body:\n"
				     "      - p: The skin can feel numb for a while.\n"
				     "        sources: [a]\n"
				     "  - id: risk\n"
				     "    title: Risks\n"
				     "    body:\n"
				     "      - p: Every treatment has some.\n"
				     "        sources: [a]\n"
				     "  - id: read\n"
				     "    title: Read this first\n"
				     "    body:\n"
				     "      - p: Ask your nurse.\n"
				     "        sources: [a]\n";

/* A comparative or superlative finds its adjective ("safer", "safest": "safe"),
 * "unsafe" finds "safe" and "risky" "risk"; a word that is an entry of its own
 * is not taken apart ("number" is not "numb" + "-er"). */
static const char risky_yaml[] = "id: care\n"
				 "title: Care\n"
				 "sections:\n"
				 "  - id: cost\n"
				 "    title: Cost\n"
				 "    body:\n"
				 "      - p: Paying more is not risky in itself.\n"
				 "        sources: [a]\n"
				 "  - id: risk\n"
				 "    title: Risks\n"
				 "    body:\n"
				 "      - p: Every treatment has some.\n"
				 "        sources: [a]\n";

static void test_root(void **state)
{
	(void)state;
	assert_ranked(adjective_yaml, "safer", "care/safe", "care/cost", 2);
	assert_ranked(adjective_yaml, "safest", "care/safe", NULL, 1);
	assert_ranked(adjective_yaml, "is it unsafe", "care/safe", NULL, 1);
	/* An adjective in -y finds the word it is made from, also through a comparative. */
	assert_ranked(adjective_yaml, "is it risky", "care/risk", NULL, 1);
	assert_ranked(adjective_yaml, "riskier", "care/risk", NULL, 1);
	/* Also where the content uses the adjective ("risky") in passing: the
	 * comparative leads on through it to the word. */
	assert_ranked(risky_yaml, "riskier", "care/risk", NULL, 0);
	struct content *c;
	struct search_index *ix = index_of(adjective_yaml, &c);
	struct search_result res;
	run_on(ix, "number", &res);
	assert_int_equal(res.nhits, 0);
	assert_int_equal(res.nmissing, 1);
	assert_string_equal(res.missing[0], "number");
	search_result_free(&res);
	/* "ready" is not "read" + "-y". */
	run_on(ix, "am i ready", &res);
	assert_int_equal(res.nhits, 0);
	search_result_free(&res);
	search_index_free(ix);
	content_free(c);
}

/* Content where one section explains hives and another only lists them among other signs. */
static const char explain_yaml[] =
	"id: effects\n"
	"title: Side effects\n"
	"sections:\n"
	"  - id: allergic\n"
	"    title: Allergic reactions\n"
	"    body:\n"
	"      - p: An allergic reaction is when the immune system overreacts to something in the\n"
	"          product. It is rare, but it can happen, so the clinic should be ready for it.\n"
	"        sources: [a]\n"
	"      - list: \"Signs can include:\"\n"
	"        sources: [a]\n"
	"        items:\n"
	"          - text: A skin rash or spots.\n"
	"          - text: Hives. These are raised, itchy bumps on the skin.\n"
	"            also_called: [urticaria]\n"
	"          - text: Trouble breathing, short breath or wheezing.\n"
	"      - p: Hives, breathing problems and other signs of a severe reaction need help.\n"
	"        sources: [a]\n"
	"  - id: urgent\n"
	"    title: Get help now\n"
	"    body:\n"
	"      - list: \"Get medical help right away for:\"\n"
	"        sources: [a]\n"
	"        items:\n"
	"          - text: Trouble breathing or wheezing.\n"
	"          - text: Hives, which are raised, itchy bumps.\n"
	"            also_called: [urticaria]\n"
	"          - text: Swelling of the face, lips or throat.\n";

static void test_explains_beats_lists(void **state)
{
	(void)state;
	/* "urgent" is shorter, so plain BM25 would put it first. */
	assert_ranked(explain_yaml, "hives", "effects/allergic", "effects/urgent", 0);
}

static void test_snippet_marks(void **state)
{
	(void)state;
	struct search_result res;
	run("hives", &res);
	const struct search_hit *h = &res.hits[0];
	assert_string_equal(h->snippet, "A rash or hives.");
	assert_int_equal(h->nmarks, 1);
	assert_int_equal(h->marks[0].start, 10);
	assert_int_equal(h->marks[0].len, 5);
	assert_int_equal(h->block->type, NODE_ITEM);
	search_result_free(&res);

	/* An also_called match shows the item it names, led by the name, marked. */
	run("urticaria", &res);
	assert_string_equal(res.hits[0].snippet, "urticaria: A rash or hives.");
	assert_int_equal(res.hits[0].nmarks, 1);
	assert_int_equal(res.hits[0].marks[0].start, 0);
	assert_int_equal(res.hits[0].marks[0].len, 9);
	assert_int_equal(res.hits[0].block->type, NODE_ITEM);
	search_result_free(&res);

	/* A synonym is marked in the snippet too: tired shows fatigue. */
	run("tired", &res);
	bool fatigue = false;
	for (size_t i = 0; i < res.nhits; i++)
		for (size_t m = 0; m < res.hits[i].nmarks; m++)
			fatigue |= strncmp(res.hits[i].snippet + res.hits[i].marks[m].start,
					   "fatigue", 7) == 0;
	assert_true(fatigue);
	search_result_free(&res);

	/* A long text is cut around the match, with an ellipsis. */
	run("enough", &res);
	h = &res.hits[0];
	assert_non_null(strstr(h->snippet, "enough"));
	assert_int_equal(h->nmarks, 1);
	assert_memory_equal(h->snippet + h->marks[0].start, "enough", 6);
	assert_memory_equal(h->snippet, "\xe2\x80\xa6", 3);
	search_result_free(&res);
}

static void test_suggestion(void **state)
{
	(void)state;
	struct search_result res;
	assert_int_equal(run("erythemma urticcaria", &res), 2);
	search_result_free(&res);
	assert_int_equal(run("hxxes", &res), 0);
	assert_non_null(res.suggestion);
	assert_string_equal(res.suggestion, "hives");
	search_result_free(&res);
	assert_int_equal(run("qqqqqqq", &res), 0);
	assert_null(res.suggestion);
	search_result_free(&res);
}

static void test_match_text(void **state)
{
	(void)state;
	struct search_mark *m;
	const char *s = "Hives, HIVES and h\xd1\x96ves; not hive-like rash.";
	size_t n = search_match_text(IX, "hives", s, strlen(s), &m);
	assert_int_equal(n, 4); /* "hive" stems the same as "hives" */
	assert_int_equal(m[0].start, 0);
	assert_int_equal(m[0].len, 5);
	assert_int_equal(m[1].start, 7);
	assert_int_equal(m[2].start, 17);
	assert_int_equal(m[2].len, 6);
	free(m);
	assert_int_equal(search_match_text(IX, "the", "nothing here", 12, &m), 0);
	free(m);
}

static void test_print_formats(void **state)
{
	(void)state;
	struct search_result res;
	struct buf b = { 0 };
	run("hives", &res);
	print_format_find("tsv")->search(&b, &res, false, 80);
	assert_string_equal(b.s, "side-effects/allergic\tAllergic reactions\tA rash or hives.\n");
	buf_reset(&b);
	print_format_find("md")->search(&b, &res, false, 80);
	assert_string_equal(b.s, "1. **Allergic reactions** (`side-effects/allergic`)\n\n"
				 "   A rash or **hives**.\n");
	buf_reset(&b);
	print_format_find("text")->search(&b, &res, false, 80);
	assert_string_equal(b.s,
			    "side-effects/allergic  Allergic reactions\n    A rash or hives.\n");
	buf_reset(&b);
	print_format_find("text")->search(&b, &res, true, 80);
	assert_non_null(strstr(b.s, "\033[0;7mhives\033[0m"));
	search_result_free(&res);

	/* JSON counts characters: "Café" before the match is four, not five. */
	buf_reset(&b);
	run("\"staff and\"", &res);
	print_format_find("json")->search(&b, &res, false, 80);
	assert_non_null(strstr(b.s, "\"id\": \"side-effects/whole-body\""));
	assert_non_null(strstr(b.s, "{\"start\": 5, \"length\": 5}"));
	assert_non_null(strstr(b.s, "\"suggestion\": null, \"corrected\": null, \"missing\": []}"));
	search_result_free(&res);
	buf_free(&b);

	assert_int_equal(print_format_find("md")->format, PRINT_MARKDOWN);
	assert_int_equal(print_format_find("tsv")->format, PRINT_TSV);
	assert_null(print_format_find("html"));
	search_result_free(NULL);
	search_index_free(NULL);
}

/*
 * A vocabulary past 65536 terms in strings of 8000 words: word numbers and
 * src steps of several bytes each must place every word right.
 */
static void test_large_vocabulary(void **state)
{
	(void)state;
	enum {
		PARAS = 10,
		PER_PARA = 8000
	};
	struct buf y = { 0 };
	buf_printf(&y, "id: big\ntitle: Big\nbody:\n");
	for (int p = 0; p < PARAS; p++) {
		buf_printf(&y, "  - p: \"");
		for (int i = 0; i < PER_PARA; i++)
			buf_printf(&y, "%sx%d", i ? " " : "", p * PER_PARA + i);
		buf_printf(&y, "\"\n    sources: [a]\n");
	}
	buf_printf(&y,
		   "sections:\n  - id: tail\n    title: Tail\n    body:\n"
		   "      - p: A marker word after x79998 and x79999 x5.\n        sources: [a]\n");
	struct load_file files[] = {
		{ .name = "sources.yaml", .data = sources_yaml, .len = sizeof(sources_yaml) - 1 },
		{ .name = "10-big.yaml", .data = y.s, .len = y.len },
	};
	struct content *c = load_mem(files, 2);
	assert_non_null(c);
	struct search_index *ix = search_index_new(c);
	struct search_opts o = { .limit = 0, .snippet_width = 60 };
	struct search_result res;
	const struct {
		const char *q, *first;
		size_t n;
	} cases[] = {
		{ "x0", "big", 1 },
		{ "x65535", "big", 1 },
		{ "x65536", "big", 1 },
		{ "\"x70000 x70001\"", "big", 1 },
		{ "\"x70001 x70000\"", NULL, 0 },
		{ "x79999", "big/tail", 2 },
		{ "marker", "big/tail", 1 },
		{ "\"x79999 x5\"", "big/tail", 1 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		assert_int_equal(search_run(ix, cases[i].q, &o, &res), 0);
		assert_int_equal(res.nhits, cases[i].n);
		if (cases[i].first != NULL)
			assert_string_equal(res.hits[0].section->id, cases[i].first);
		search_result_free(&res);
	}
	search_index_free(ix);
	content_free(c);
	buf_free(&y);
}

static const char claims_yaml[] = "id: rules\n"
				  "title: Rules\n"
				  "also_called: [regulation]\n"
				  "body:\n"
				  "  - claim: Exosome products are regulated.\n"
				  "    sources: [a]\n"
				  "    context: No exosome product is approved.\n"
				  "    context_sources: [a]\n"
				  "  - list: \"Checks:\"\n"
				  "    sources: [a]\n"
				  "    items:\n"
				  "      - text: Labels.\n"
				  "        also_called: [tags, stickers]\n"
				  "  - term: Efficacy\n"
				  "    means: How well a treatment works.\n"
				  "    also_called: [effect size]\n"
				  "    sources: [a]\n"
				  "sections:\n"
				  "  - id: more\n"
				  "    title: More rules\n"
				  "    body:\n"
				  "      - q: Who checks the stickers?\n"
				  "        a: The agency, not the clinic.\n"
				  "        sources: [a]\n";

/* Same hits, scores, snippets and marks from two indexes. */
static void assert_same_results(const struct search_index *a, const struct search_index *b,
				const char *q)
{
	struct search_opts o = { .limit = 0, .snippet_width = 40 };
	struct search_result ra, rb;
	assert_int_equal(search_run(a, q, &o, &ra), search_run(b, q, &o, &rb));
	assert_int_equal(ra.nhits, rb.nhits);
	assert_int_equal(ra.ntotal, rb.ntotal);
	for (size_t i = 0; i < ra.nhits; i++) {
		assert_ptr_equal(ra.hits[i].section, rb.hits[i].section);
		assert_ptr_equal(ra.hits[i].block, rb.hits[i].block);
		assert_true(ra.hits[i].score == rb.hits[i].score);
		assert_string_equal(ra.hits[i].snippet, rb.hits[i].snippet);
		assert_int_equal(ra.hits[i].nmarks, rb.hits[i].nmarks);
		for (size_t m = 0; m < ra.hits[i].nmarks; m++) {
			assert_int_equal(ra.hits[i].marks[m].start, rb.hits[i].marks[m].start);
			assert_int_equal(ra.hits[i].marks[m].len, rb.hits[i].marks[m].len);
		}
	}
	assert_true((ra.suggestion == NULL) == (rb.suggestion == NULL));
	if (ra.suggestion != NULL)
		assert_string_equal(ra.suggestion, rb.suggestion);
	search_result_free(&ra);
	search_result_free(&rb);
}

/*
 * Sections added one at a time make the same index as search_index_new, and a
 * snippet shows the very string that matched, whichever of its node's it is.
 */
static void test_incremental(void **state)
{
	(void)state;
	struct load_file files[] = {
		{ .name = "sources.yaml", .data = sources_yaml, .len = sizeof(sources_yaml) - 1 },
		{ .name = "60-rules.yaml", .data = claims_yaml, .len = sizeof(claims_yaml) - 1 },
	};
	struct content *c = load_mem(files, 2);
	assert_non_null(c);
	struct search_index *ix = search_index_begin();
	for (size_t i = 0; i < c->nsections; i++)
		search_index_add(ix, c->sections[i], i);
	search_index_end(ix, c);
	struct search_index *whole = search_index_new(c);
	const char *queries[] = { "approved",       "regulated", "stickers", "tags",  "labels",
				  "efficacy",       "effect",    "agency",   "rules", "regulation",
				  "\"no exosome\"", "stikers",   "zzzz" };
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		assert_same_results(whole, ix, queries[i]);
		assert_same_results(whole, ix, queries[i]);
	}

	struct search_opts o = { .limit = 0, .snippet_width = 80 };
	struct search_result res;
	assert_int_equal(search_run(ix, "approved", &o, &res), 0);
	assert_int_equal(res.nhits, 1);
	assert_string_equal(res.hits[0].snippet, "No exosome product is approved.");
	assert_int_equal(res.hits[0].block->type, NODE_CLAIM);
	search_result_free(&res);
	/* "rules" holds subsections, so it may rank below them; its snippet is the claim. */
	assert_int_equal(search_run(ix, "regulated", &o, &res), 0);
	bool claim = false;
	for (size_t i = 0; i < res.nhits; i++)
		if (strcmp(res.hits[i].section->id, "rules") == 0)
			claim = strcmp(res.hits[i].snippet, "Exosome products are regulated.") == 0;
	assert_true(claim);
	search_result_free(&res);
	/* A synonym pair from an item's also_called entries. */
	assert_int_equal(search_run(ix, "tags", &o, &res), 0);
	assert_int_equal(res.nhits, 2);
	size_t r = strcmp(res.hits[0].section->id, "rules") == 0 ? 0 : 1;
	assert_string_equal(res.hits[r].section->id, "rules");
	assert_string_equal(res.hits[r].snippet, "tags: Labels.");
	search_result_free(&res);
	search_index_free(whole);
	search_index_free(ix);

	/* By tree, as files are read: the same index. Given fewer sections than
	 * the content holds, end builds the index again from the content. */
	ix = search_index_begin();
	search_index_add_tree(ix, c->root->first);
	search_index_end(ix, c);
	whole = search_index_new(c);
	struct search_index *part = search_index_begin();
	search_index_add_tree(part, c->sections[1]);
	search_index_end(part, c);
	for (size_t i = 0; i < sizeof(queries) / sizeof(queries[0]); i++) {
		assert_same_results(whole, ix, queries[i]);
		assert_same_results(whole, part, queries[i]);
	}
	search_index_free(part);
	search_index_free(whole);
	search_index_free(ix);
	content_free(c);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_words_and_stems),
		cmocka_unit_test(test_synonyms),
		cmocka_unit_test(test_typos),
		cmocka_unit_test(test_no_collision),
		cmocka_unit_test(test_lookalike_query),
		cmocka_unit_test(test_stop_words_and_phrases),
		cmocka_unit_test(test_ranking),
		cmocka_unit_test(test_snippet_marks),
		cmocka_unit_test(test_suggestion),
		cmocka_unit_test(test_match_text),
		cmocka_unit_test(test_print_formats),
		cmocka_unit_test(test_explains_beats_lists),
		cmocka_unit_test(test_large_vocabulary),
		cmocka_unit_test(test_incremental),
		cmocka_unit_test(test_english_word_not_bent),
		cmocka_unit_test(test_corrected_scores_below_exact),
		cmocka_unit_test(test_real_word_phrase),
		cmocka_unit_test(test_stop_word_slip),
		cmocka_unit_test(test_filler_only),
		cmocka_unit_test(test_passing_word_capped),
		cmocka_unit_test(test_snippet_names),
		cmocka_unit_test(test_snippet_heaviest),
		cmocka_unit_test(test_numbers),
		cmocka_unit_test(test_emergency_numbers),
		cmocka_unit_test(test_word_list_leads_on),
		cmocka_unit_test(test_item_name),
		cmocka_unit_test(test_root),
		cmocka_unit_test(test_function_words),
		cmocka_unit_test(test_name_said),
		cmocka_unit_test(test_questions),
		cmocka_unit_test(test_questions_name_nothing),
		cmocka_unit_test(test_title_common_word),
		cmocka_unit_test(test_lacking_word),
		cmocka_unit_test(test_rare_together),
		cmocka_unit_test(test_two_lacking),
		cmocka_unit_test(test_sign_leads),
		cmocka_unit_test(test_sign_head),
		cmocka_unit_test(test_does_work),
		cmocka_unit_test(test_readings),
		cmocka_unit_test(test_sign_place),
		cmocka_unit_test(test_compare_lacking),
		cmocka_unit_test(test_run_together),
		cmocka_unit_test(test_sign_before_word_list),
		cmocka_unit_test(test_signs_side_by_side),
		cmocka_unit_test(test_common_word_not_together),
		cmocka_unit_test(test_topic_lacking),
		cmocka_unit_test(test_notice_leads_on),
		cmocka_unit_test(test_suggestion_has_hits),
		cmocka_unit_test(test_short_forms),
		cmocka_unit_test(test_kinds),
		cmocka_unit_test(test_overview_whole_topic),
		cmocka_unit_test(test_why),
		cmocka_unit_test(test_timed),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
