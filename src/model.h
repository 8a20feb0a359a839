/* model.h - the one content model: a tree of sections and blocks.
 *
 * The loader (load.c and the files of load_int.h) is the only code that
 * allocates and links nodes; its builders are private to it (load_build.c).
 * After validate() (validate.h) succeeds the tree is frozen and everything
 * downstream takes const pointers.
 */
#ifndef EXOREAD_MODEL_H
#define EXOREAD_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "util.h"

/* Stored in one byte each: a node is small, and there are many. */
enum __attribute__((packed)) node_type {
	NODE_ROOT,    /* the whole content; children are the top-level sections */
	NODE_SECTION, /* id, title, also_called, questions, see_also;
		      children: blocks, then sections */
	NODE_PARA,    /* text, sources */
	NODE_LIST,    /* text (optional intro), sources; children: NODE_ITEM */
	NODE_ITEM,    /* text, urgency, also_called, sources (inherited from the list when absent);
		      a sign (an item with an urgency) also has id, its sign id */
	NODE_QA,      /* title = question, text = answer, sources */
	NODE_NOTE,    /* text, sources */
	NODE_CLAIM, /* text = the claim, sources; context = what other sources say, context_sources */
	NODE_TERM, /* title = the term, text = what it means, also_called, sources */
	NODE_ACTION, /* urgency = the level, text = what to do (may hold {emergency-number}), sources */
	NODE_SIGNS, /* see_also = sign ids as written; see = the signs (NODE_ITEM), by validation */
};

/* How soon to act on a symptom. Only set where a source supports it. */
enum __attribute__((packed)) urgency {
	URG_NONE,          /* no urgency given */
	URG_EMERGENCY,     /* "emergency": get help at once */
	URG_CALL_PROVIDER, /* "call-provider": contact your provider */
	URG_WATCH,         /* "watch": keep an eye on it */
	URG_EXPECTED,      /* "expected": common and usually passes */
	URG_COUNT
};

/* One source article, from sources.yaml. */
struct source {
	char *id;    /* short id used in `sources:` lists */
	char *title; /* the article's title */
	char *file;  /* the article's file name, as sources.yaml gives it */
	char *notes; /* notes on reliability; may be NULL */
	int num;     /* 1-based reference number, in sources.yaml order */
	const char *path;
	int line, col;
};

/* A list of strings (in content.mem). The allocation holding v[0..n) goes on
 * with where each was written: see strv_line() and strv_col(). */
struct strv {
	char **v;
	uint32_t n;
};

/* Where v[i] was written, as 1-based line and column in the node's file. */
static inline int strv_line(const struct strv *sv, size_t i)
{
	return ((const int *)(sv->v + sv->n))[2 * i];
}
static inline int strv_col(const struct strv *sv, size_t i)
{
	return ((const int *)(sv->v + sv->n))[2 * i + 1];
}

/* When one content file was last reviewed: file is a node's interned file. */
struct file_review {
	const char *file;
	char date[11]; /* YYYY-MM-DD, or "" when the file gives none */
};

/* One node of the tree. Its small fields come first, packed, because a large
 * content holds tens of thousands of nodes. */
struct node {
	enum node_type type;
	enum urgency urgency;
	bool cites;       /* the node has a `sources:` key of its own */
	uint8_t depth;    /* sections, set by validation: 0 for top-level sections */
	int line, col;    /* 1-based position of the node's mapping in file */
	uint32_t ord;     /* sections, set by validation: position in content.sections */
	const char *file; /* content file, interned; shared by all nodes of the file */

	struct node *parent;
	struct node *first; /* children */
	struct node *next;  /* siblings */

	char *id; /* sections: full id ("side-effects/allergic"); signs: the sign id; else NULL */
	char *title; /* section title, question of a QA, term of a TERM; may be NULL */
	char *text;  /* paragraph, item, answer, note, claim or definition; may be NULL */

	struct strv also_called; /* lay words and synonyms */
	struct strv see_also;    /* section ids as written; NODE_SIGNS: sign ids */
	const struct node **see; /* see_also resolved by validation (n = see_also.n) */

	/* Sources: indices into content.sources, resolved as the file is read
	 * (sources.yaml is always read first). Items without their own `sources:`
	 * get their list's here during validation; they share its array. */
	int *sources;
	uint32_t nsources, ncontext_sources;

	/* What one type alone has: read it only after testing the type. */
	union {
		struct {
			char *context;        /* NODE_CLAIM: what the other sources say */
			int *context_sources; /* NODE_CLAIM: indices into content.sources */
		};
		struct strv questions; /* NODE_SECTION: questions it answers, for search */
	};
};
/* The packing the comments above count on. */
_Static_assert(sizeof(enum node_type) == 1 && sizeof(enum urgency) == 1,
	       "a node's type and urgency take one byte each");
_Static_assert(offsetof(struct node, line) == 4, "the small fields of a node share one word");
/* strv_line(): the positions follow the pointers, and are aligned there. */
_Static_assert(_Alignof(char *) % _Alignof(int) == 0, "ints may follow pointers");

/* All loaded content. */
struct content {
	struct node *root;
	struct source *sources;
	size_t nsources;
	const struct node **sections; /* every section in reading order (set by validate) */
	size_t nsections;
	const struct node *
		*by_id;    /* the same sections sorted by id, for lookups (set by validate) */
	int *source_order; /* source indices sorted by id, for lookups (set by the loader) */
	const struct node **terms; /* glossary terms in reading order (set by validate) */
	size_t nterms;
	const struct node **signs; /* signs (items with an urgency) in reading order (validate) */
	size_t nsigns;
	char **files; /* interned file paths; node.file points into these */
	size_t nfiles;
	char *dir;           /* the folder the content came from */
	const char *version; /* sources.yaml's 'version', or NULL when it gives none */
	char reviewed[11];   /* the newest 'reviewed' date of any file (YYYY-MM-DD), or "" */
	struct file_review *reviews; /* each topic file's 'reviewed' date, by file pointer */
	size_t nreviews;
	struct arena mem; /* nodes, their strings and arrays: immutable after loading */
};

/*
 * The review date a handout of nodes can claim: the oldest 'reviewed' date of
 * the files they come from, so that every part was reviewed on it or later.
 * NULL when one of those files gives no date, or n is 0.
 */
const char *content_oldest_review(const struct content *c, const struct node *const *nodes,
				  size_t n);
/* The review date of a handout of the sections secs (with their subsections,
 * and the signs their signs blocks show): content_oldest_review of them. */
const char *content_handout_review(const struct content *c, const struct node *const *secs,
				   size_t n);
/* Sort c->reviews for content_oldest_review (the loader calls it once). */
void content_sort_reviews(struct content *c);

/* Names of urgency values as written in YAML ("emergency"), or NULL for URG_NONE. */
const char *urgency_name(enum urgency u);
/* Label shown to readers ("Emergency: get help now"), or NULL for URG_NONE. */
const char *urgency_label(enum urgency u);
/* Parse a YAML urgency name; returns URG_NONE when s is not one. */
enum urgency urgency_parse(const char *s);

/* Section with exactly this id, or NULL. */
const struct node *content_find(const struct content *c, const char *id);
/* Whether a section has subsections (they follow its blocks). */
bool node_has_subsections(const struct node *n);
/* The section a block belongs to (n itself for a section); NULL for the root. */
const struct node *node_section(const struct node *n);
/* Source with this id, or -1. */
int content_source_index(const struct content *c, const char *id);
/* Type name for messages and the tree printer ("section", "para", ...). */
const char *node_type_name(enum node_type t);

/* How a section lookup went. */
enum resolve_status {
	RESOLVE_OK,        /* *out is the section */
	RESOLVE_AMBIGUOUS, /* several candidates; see cands */
	RESOLVE_NONE,      /* nothing matched; cands may hold suggestions */
};

/*
 * Resolve a user's section reference: an exact id, a unique id prefix (also a
 * prefix of the last path part), or title words (every word found in the title,
 * case-insensitively). Candidates, *ncands of them, are returned in *cands (the
 * caller frees the array, not the nodes): every match when ambiguous, and the
 * nearest ids when nothing matched.
 */
enum resolve_status content_resolve(const struct content *c, const char *ref,
				    const struct node **out, const struct node ***cands,
				    size_t *ncands);

/* Smallest edit distance (with transpositions) between a and b, capped at max+1. */
size_t edit_distance(const char *a, const char *b, size_t max);
/* Did-you-mean scans every candidate; a file full of bad references gets
 * suggestions for its first SUGGEST_MAX only, so checking it stays linear. */
enum {
	SUGGEST_MAX = 20
};
/* The candidate closest to s within a small edit distance, or NULL. */
const char *closest_word(const char *s, const char *const *cands, size_t n);

/* One level of "When to get help": its signs in reading order, where they live
 * and what to do. */
struct sign_level {
	enum urgency level;
	const struct node *home;   /* the section that holds the level's signs */
	const struct node *action; /* home's action block of this level, or NULL */
	const struct node **signs; /* allocated; sign_levels_free() frees it */
	size_t nsigns;
};
/* What to do about sign sg: the action of its level in its section, or NULL. */
const struct node *sign_action(const struct node *sg);
/* The levels that have signs, most urgent first, into out; returns how many. */
size_t content_sign_levels(const struct content *c, struct sign_level out[URG_COUNT]);
/* Free what content_sign_levels() allocated. */
void sign_levels_free(struct sign_level *v, size_t n);

/* Free everything. NULL-safe. */
void content_free(struct content *c);

#endif
