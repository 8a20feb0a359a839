/* test_snippet.c - snippets never turn a statement round.
 *
 * Every clause of the bundled content that holds a negation ("no", "not",
 * "never", "cannot", "n't", ...) is cut into snippets with a match on each
 * word after the negation, at two widths; each snippet must keep the
 * negation. Cut after it, "No exosome product is FDA approved" would read as
 * "…exosome product is FDA approved".
 */
#include <ctype.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmocka.h>

#include "load.h"
#include "search.h"
#include "util.h"

static const char *const negations[] = { "no",  "not",     "never",  "cannot",  "none",
					 "nor", "nothing", "nobody", "without", NULL };

/* Whether word [w, w+n) is a negation. */
static bool is_negation(const char *w, size_t n)
{
	if (n >= 3 && strncmp(w + n - 3, "n't", 3) == 0)
		return true;
	for (size_t k = 0; negations[k]; k++)
		if (strlen(negations[k]) == n && strncasecmp(w, negations[k], n) == 0)
			return true;
	return false;
}

/* Whether s holds the word [w, w+n) on its own, in any case. */
static bool holds_word(const char *s, const char *w, size_t n)
{
	for (const char *p = s; *p; p++) {
		if (strncasecmp(p, w, n) != 0)
			continue;
		bool left = p == s || !isalpha((unsigned char)p[-1]);
		bool right = !isalpha((unsigned char)p[n]);
		if (left && right)
			return true;
	}
	return false;
}

struct tally {
	size_t clauses, snippets;
};

/* Check every clause of text t. */
static void check_text(const char *t, struct tally *n)
{
	size_t len = strlen(t);
	for (size_t a = 0; a < len;) {
		size_t b = a;
		while (b < len && !strchr(".?!;:,", t[b]))
			b++;
		/* Words of the clause [a, b); after the first negation, each is a match. */
		const char *neg = NULL;
		size_t negn = 0;
		for (size_t i = a; i < b;) {
			while (i < b && !isalpha((unsigned char)t[i]))
				i++;
			size_t w = i;
			while (i < b && (isalpha((unsigned char)t[i]) || t[i] == '\''))
				i++;
			if (i == w)
				break;
			if (neg == NULL) {
				if (is_negation(t + w, i - w)) {
					neg = t + w;
					negn = i - w;
					n->clauses++;
				}
				continue;
			}
			static const size_t widths[] = { 80, 40 };
			for (size_t k = 0; k < 2; k++) {
				char *s = search_snippet_at(t, w, i - w, widths[k]);
				if (!holds_word(s, neg, negn))
					fail_msg(
						"the snippet for '%.*s' at width %zu drops '%.*s': "
						"\"%s\" from \"%.*s\"",
						(int)(i - w), t + w, widths[k], (int)negn, neg, s,
						(int)(b - a), t + a);
				free(s);
				n->snippets++;
			}
		}
		a = b + 1;
	}
}

static void walk(const struct node *n, struct tally *t)
{
	for (const struct node *k = n->first; k; k = k->next) {
		if (k->text)
			check_text(k->text, t);
		if (k->type == NODE_QA && k->title)
			check_text(k->title, t);
		if (k->context)
			check_text(k->context, t);
		walk(k, t);
	}
}

static void test_negations_kept(void **state)
{
	(void)state;
	const char *top = getenv("TOP");
	char *dir = xasprintf("%s/content", top ? top : ".");
	struct content *c = load_dir(dir);
	free(dir);
	assert_non_null(c);
	struct tally t = { 0 };
	walk(c->root, &t);
	/* The content says "no" and "not" often; a walk that found none checked nothing. */
	assert_true(t.clauses >= 20);
	assert_true(t.snippets >= 100);
	content_free(c);
}

static void test_short_answer_kept(void **state)
{
	(void)state;
	const char *t = "No. Right now no exosome product is FDA approved to treat a disease. "
			"None has full approval as a treatment on its own yet.";
	const char *fda = strstr(t, "FDA");
	char *s = search_snippet_at(t, (size_t)(fda - t), 3, 80);
	assert_non_null(strstr(s, "No. Right now"));
	free(s);
	/* A long clause: the start still goes back to the negation. */
	const char *u = "It is not true that a product sold at a clinic down the road with a long "
			"name is approved by anyone.";
	const char *ap = strstr(u, "approved");
	s = search_snippet_at(u, (size_t)(ap - u), 8, 40);
	assert_true(holds_word(s, "not", 3));
	free(s);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_negations_kept),
		cmocka_unit_test(test_short_answer_kept),
	};
	return cmocka_run_group_tests_name("snippet", tests, NULL, NULL);
}
