/* fuzz_search.c - libFuzzer target for the query parser and search.
 *
 * The index is built once over a fixed content folder (FUZZ_CONTENT, set by
 * run.sh to the bundled content); each input is a query. Besides surviving,
 * the results must keep their promises: each section once, marks inside snippets,
 * snippets terminal-safe, and every printer fine with them.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "search.h"
#include "search_print.h"
#include "text.h"
#include "util.h"

#ifndef FUZZ_CONTENT
#define FUZZ_CONTENT "content"
#endif

static struct content *content;
static struct search_index *ix;

/* Valid UTF-8 with no character a terminal would act on (newline and tab only in
 * printed output, where allow_space_ctl). */
static void check_text(const char *s, size_t len, bool allow_space_ctl)
{
	if (text_utf8_invalid(s, len) != (size_t)-1)
		abort();
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		if (text_is_unsafe(cp, allow_space_ctl))
			abort();
	}
}

static void check_marks(const struct search_mark *m, size_t n, size_t len)
{
	for (size_t i = 0; i < n; i++)
		if (m[i].start > len || m[i].len > len - m[i].start)
			abort();
}

/* The entry points libFuzzer calls. */
int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	const char *dir = getenv("FUZZ_CONTENT");
	content = load_dir(dir ? dir : FUZZ_CONTENT);
	if (content == NULL) {
		fprintf(stderr, "fuzz_search: cannot load %s\n", dir ? dir : FUZZ_CONTENT);
		exit(1);
	}
	ix = search_index_new(content);
	static FILE *null;
	null = fopen("/dev/null", "w");
	diag_set_stream(null);
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *q = xstrndup((const char *)data, size);
	struct search_result res = {0};
	struct search_opts o = {.limit = size % 2 ? 0 : 5, .snippet_width = 1 + size % 120};
	int rc = search_run(ix, q, &o, &res);
	if (rc == -1 && res.nhits != 0)
		abort();
	if (o.limit && res.nhits > o.limit)
		abort();
	for (size_t i = 0; i < res.nhits; i++) {
		const struct search_hit *h = &res.hits[i];
		if (h->section == NULL || h->snippet == NULL)
			abort();
		/* A section is found once. */
		for (size_t j = 0; j < i; j++)
			if (res.hits[j].section == h->section)
				abort();
		size_t len = strlen(h->snippet);
		check_text(h->snippet, len, false);
		check_marks(h->marks, h->nmarks, len);
	}
	if (res.suggestion)
		check_text(res.suggestion, strlen(res.suggestion), false);
	if (res.corrected)
		check_text(res.corrected, strlen(res.corrected), false);
	/* The words not found are parts of the query (a bad byte becomes U+FFFD, three bytes),
	 * terminal-safe and never empty. */
	for (size_t i = 0; i < res.nmissing; i++) {
		size_t len = strlen(res.missing[i]);
		if (len == 0 || len > 3 * size)
			abort();
		check_text(res.missing[i], len, false);
	}
	static const char *const fmts[] = {"text", "tsv", "json", "markdown"};
	for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++) {
		struct buf out = {0};
		print_format_find(fmts[f])->search(&out, &res, false, 1 + (int)(size % 100));
		if (out.len)
			check_text(out.s, out.len, true);
		buf_free(&out);
	}
	/* The pager's highlighter takes the same query over any line of text. */
	const struct node *sec = content->sections[size % content->nsections];
	struct search_mark *marks = NULL;
	size_t n = search_match_text(ix, q, sec->title, strlen(sec->title), &marks);
	check_marks(marks, n, strlen(sec->title));
	free(marks);
	marks = NULL;
	n = search_match_text(ix, q, q, size, &marks);
	check_marks(marks, n, size);
	free(marks);
	search_result_free(&res);
	free(q);
	return 0;
}
