/* search.h - the one search module, shared by the `search` command and the pager.
 *
 * The index is built once, from a validated content tree or section by section
 * as the content loads: titles, body text, questions, answers, also_called
 * words and the glossary. Text and queries go through the same folding
 * (fold.h), ICU word breaks and Snowball stemming.
 */
#ifndef EXOREAD_SEARCH_H
#define EXOREAD_SEARCH_H

#include <stddef.h>

#include "model.h"

struct search_index;

/* Build the index. Never NULL; free with search_index_free. c must outlive it. */
struct search_index *search_index_new(const struct content *c);
/* NULL-safe. */
void search_index_free(struct search_index *ix);

/*
 * The same index built a section at a time, as sections become known:
 * search_index_new(c) is begin, add for each of c->sections in order, then
 * end. add indexes one section's own texts and blocks (not its subsections)
 * and reads only what the loader sets; ord is its place in reading order,
 * 0, 1, 2... with each section after the one before. end finishes the index
 * for c, whose sections must be those added, in that order; only then can it
 * be searched.
 */
struct search_index *search_index_begin(void);
void search_index_add(struct search_index *ix, const struct node *section, size_t ord);
void search_index_end(struct search_index *ix, const struct content *c);
/* add for section and then, in reading order, every section under it,
 * numbered on from the sections added before. */
void search_index_add_tree(struct search_index *ix, const struct node *section);

/* `exoread check`: warn (DIAG_WARNING, at the entry) about each also_called
 * entry made only of stop words ("how much"), which queries leave out: only a
 * quoted search would find it. */
void search_lint(const struct content *c);

/* A highlighted range inside a snippet or text, in bytes. */
struct search_mark {
	size_t start, len;
};

struct search_hit {
	const struct node *section; /* the section found */
	const struct node *block;   /* the block holding the best match (or the section itself) */
	double score;
	char *snippet;             /* terminal-safe UTF-8 text around the best match */
	struct search_mark *marks; /* matched words within snippet (byte offsets) */
	size_t nmarks;
};

struct search_result {
	struct search_hit *hits; /* best first */
	size_t nhits;
	size_t ntotal;              /* sections that matched, before the limit (>= nhits) */
	char *suggestion;           /* "did you mean" query when nothing matched, and only one that
			     finds something; may be NULL */
	char *corrected;            /* the query as searched when words in it were corrected, for
			     "Showing results for"; NULL when none was */
	const struct node **topics; /* when nothing answers the query (no hits): the
				       closest sections, offered as topics; may be NULL */
	size_t ntopics;
	char **missing; /* the words of the query, as typed, that no section uses (stop and
			   filler words aside), for "Not found"; may be NULL */
	size_t nmissing;
	bool since; /* nothing answers a query that tells of something since the treatment
		       ("... after the iv", "... and now"), names no sign and asks no leave
		       ("can i ..."), and the content has signs: point to them and what to
		       do (told_since) */
};

/* Hits `exoread search` and the results screen show unless told otherwise. */
enum {
	SEARCH_DEFAULT_LIMIT = 20
};

struct search_opts {
	size_t limit;         /* 0: no limit */
	size_t snippet_width; /* columns of snippet wanted (0: 80) */
};

/*
 * Run a query (free text, with "quoted phrases"). Fills *res (caller frees with
 * search_result_free). Returns 0 on success, -1 when the query holds no
 * searchable word (res then holds no hits). When no meaning-bearing word of
 * the query matches, res holds no hits but may hold topics. One query at a
 * time per index: it keeps per-section scratch arrays between queries.
 */
int search_run(const struct search_index *ix, const char *query, const struct search_opts *o,
	       struct search_result *res);
/* NULL-safe; res may be reused. */
void search_result_free(struct search_result *res);

/*
 * Find the query's matches in one piece of display text (such as a laid-out
 * line), with the same folding and stemming as the index. Stores a fresh array
 * (caller frees) of byte ranges within s in *marks; returns the count.
 */
size_t search_match_text(const struct search_index *ix, const char *query, const char *s,
			 size_t len, struct search_mark **marks);

/*
 * For tests: the snippet search shows for text t with one match at bytes
 * [start, start + len), cut to about width columns. Caller frees.
 */
char *search_snippet_at(const char *t, size_t start, size_t len, size_t width);

#endif
