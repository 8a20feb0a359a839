/* load_build.c - the located YAML tree (load_yaml.c) -> content nodes.
 *
 * The build_* functions check each mapping against the schema (keys, kinds,
 * ids, dates, sources) and make the nodes. Every problem is reported; a file
 * with errors still yields what could be built, so later checks can report
 * theirs too.
 */
#include "load_int.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "util.h"

/* Schema helpers. */

static const char *kind_name(enum ykind k)
{
	return k == Y_SCALAR ? "text" : k == Y_SEQ ? "a list" : "a mapping";
}

static bool want(struct loader *L, const struct ynode *y, enum ykind k, const char *what)
{
	if (y->kind == k)
		return true;
	lerr(L, y->line, y->col, "%s must be %s, not %s", what, kind_name(k), kind_name(y->kind));
	return false;
}

/* want() for the value of a key, named in quotes only when there is an error. */
static bool want_value(struct loader *L, const struct ynode *y, enum ykind k, const char *key)
{
	if (y->kind == k)
		return true;
	char name[64];
	snprintf(name, sizeof name, "'%s'", key);
	return want(L, y, k, name);
}

static const struct ynode *map_get(const struct ynode *map, const char *key)
{
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const struct ynode *k = map->kids[i];
		if (k->kind == Y_SCALAR && k->s[0] == key[0] && strcmp(k->s, key) == 0)
			return map->kids[i + 1];
	}
	return NULL;
}

/* Report keys that are not scalars, unknown keys (with a did-you-mean) and
 * repeated keys. allowed is NULL-terminated. */
static void check_keys(struct loader *L, const struct ynode *map, const char *const *allowed,
		       const char *what)
{
	size_t na = 0;
	while (allowed[na])
		na++;
	/* Whether each allowed key was seen already: a map of any size costs one
	 * look at the allowed keys per key. */
	bool seen[32] = { false };
	for (size_t i = 0; i + 1 < map->n; i += 2) {
		const struct ynode *k = map->kids[i];
		if (k->kind != Y_SCALAR) {
			lerr(L, k->line, k->col, "keys in %s must be plain words", what);
			continue;
		}
		size_t j = 0;
		while (j < na && strcmp(k->s, allowed[j]) != 0)
			j++;
		if (j == na) {
			const char *near = closest_word(k->s, allowed, na);
			if (near)
				lerr(L, k->line, k->col,
				     "unknown key '%s' in %s; did you mean '%s'?", k->s, what,
				     near);
			else
				lerr(L, k->line, k->col, "unknown key '%s' in %s", k->s, what);
			continue;
		}
		if (j < sizeof seen / sizeof *seen && seen[j])
			lerr(L, k->line, k->col, "key '%s' appears twice in %s", k->s, what);
		else if (j < sizeof seen / sizeof *seen)
			seen[j] = true;
	}
}

/* Fields shown on one line, and written as one row of `list --format tsv`:
 * titles, questions (a QA's, and a section's list), terms, file names, and
 * the entries of word lists (ids allow only letters, digits and '-', see
 * valid_id()). */
static bool one_line_key(const char *key)
{
	static const char *const keys[] = { "title",       "q",         "term",     "file",
					    "also_called", "questions", "see_also", NULL };
	for (size_t i = 0; keys[i]; i++)
		if (strcmp(key, keys[i]) == 0)
			return true;
	return false;
}

/* A one-line field must hold no line break or tab: in a title, one would make
 * rows of its own in list output, and so in shell completion. YAML escapes and
 * block scalars can put them in any style of scalar. (A carriage return is
 * refused everywhere: see check_scalar().) */
static void check_one_line(struct loader *L, const struct ynode *y, const char *key)
{
	size_t i = strcspn(y->s, "\n\t");
	if (i < y->len)
		lerr(L, y->line, y->col, "%s in '%s', which must be one line",
		     y->s[i] == '\t' ? "a tab" : "a line break", key);
}

enum text_rule {
	TEXT_OPTIONAL,
	TEXT_REQUIRED,
	TEXT_REQUIRED_MAY_BE_EMPTY
};

/* The text of map[key], checked, copied into arena a; NULL when absent or wrong. */
static char *get_text_in(struct loader *L, struct arena *a, const struct ynode *map,
			 const char *key, enum text_rule rule, const char *what)
{
	const struct ynode *v = map_get(map, key);
	if (v == NULL) {
		if (rule != TEXT_OPTIONAL)
			lerr(L, map->line, map->col, "%s is missing the required key '%s'", what,
			     key);
		return NULL;
	}
	if (!want_value(L, v, Y_SCALAR, key))
		return NULL;
	check_scalar(L, v);
	if (one_line_key(key))
		check_one_line(L, v, key);
	if (v->len == 0) {
		if (rule == TEXT_REQUIRED_MAY_BE_EMPTY)
			return arena_strndup(a, "", 0);
		lerr(L, v->line, v->col, "'%s' is empty", key);
		return NULL;
	}
	return arena_strndup(a, v->s, v->len);
}

/* The text of map[key], kept with the content. */
static char *get_text(struct loader *L, const struct ynode *map, const char *key,
		      enum text_rule rule, const char *what)
{
	return get_text_in(L, L->mem, map, key, rule, what);
}

/* Room for n strings and their positions, made once: the YAML list's length
 * is known. Positions follow the n pointers (see strv_line()); the list is
 * only ever read once built. */
static int *strv_init(struct loader *L, struct strv *sv, size_t n)
{
	sv->v = arena_alloc(L->mem, n * sizeof *sv->v + 2 * n * sizeof(int));
	return (int *)(sv->v + n);
}

/* A list of text. Returns false when the key is absent. */
static bool get_strv(struct loader *L, const struct ynode *map, const char *key, struct strv *out)
{
	const struct ynode *v = map_get(map, key);
	if (v == NULL)
		return false;
	if (!want_value(L, v, Y_SEQ, key))
		return true;
	if (v->n == 0)
		lerr(L, v->line, v->col, "'%s' is an empty list", key);
	int *at = strv_init(L, out, v->n);
	size_t n = 0;
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *e = v->kids[i];
		if (!want(L, e, Y_SCALAR, "each entry of the list")) {
			continue;
		}
		if (e->len == 0) {
			lerr(L, e->line, e->col, "empty entry in '%s'", key);
			continue;
		}
		check_scalar(L, e);
		check_one_line(L, e, key);
		out->v[n] = arena_strndup(L->mem, e->s, e->len);
		at[2 * n] = e->line;
		at[2 * n + 1] = e->col;
		n++;
	}
	/* Entries left out close the gap, so the positions move up behind the pointers. */
	if (n < v->n)
		memmove(out->v + n, at, 2 * n * sizeof(int));
	out->n = (uint32_t)n;
	return true;
}

static bool valid_id(const char *s)
{
	if (!*s || *s == '-')
		return false;
	for (const char *p = s; *p; p++) {
		bool ok = (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '-';
		if (!ok || (*p == '-' && (p[1] == '-' || p[1] == '\0')))
			return false;
	}
	return strlen(s) <= 64;
}

void prepend_child(struct node *parent, struct node *n)
{
	n->parent = parent;
	n->next = parent->first;
	parent->first = n;
}

void reverse_children(struct node *parent)
{
	struct node *done = NULL, *k = parent->first;
	while (k) {
		struct node *next = k->next;
		k->next = done;
		done = k;
		k = next;
	}
	parent->first = done;
}

static struct node *node_new(struct loader *L, enum node_type t, const struct ynode *y,
			     struct node *parent)
{
	struct node *n = arena_alloc(L->mem, sizeof *n);
	n->type = t;
	n->file = L->file;
	n->line = y->line;
	n->col = y->col;
	if (parent)
		prepend_child(parent, n);
	return n;
}

static const struct content *sort_ctx; /* qsort has no context argument */

static int cmp_source(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	int r = strcmp(sort_ctx->sources[x].id, sort_ctx->sources[y].id);
	return r ? r : (x > y) - (x < y);
}

void index_sources(struct content *c)
{
	int *v = xcalloc(c->nsources + 1, sizeof *v);
	for (size_t i = 0; i < c->nsources; i++)
		v[i] = (int)i;
	sort_ctx = c;
	qsort(v, c->nsources, sizeof *v, cmp_source);
	sort_ctx = NULL;
	for (size_t i = 1; i < c->nsources; i++) {
		const struct source *s = &c->sources[v[i]];
		if (strcmp(s->id, c->sources[v[i - 1]].id) == 0) {
			diag(DIAG_ERROR, s->path, s->line, s->col, "source id '%s' is listed twice",
			     s->id);
		}
	}
	free(c->source_order);
	c->source_order = v;
}

static void unknown_source(struct loader *L, const struct ynode *e)
{
	const struct content *c = L->c;
	const char *near = NULL;
	const char **names = NULL;
	if (L->suggestions++ < SUGGEST_MAX) {
		names = xcalloc(c->nsources + 1, sizeof *names);
		for (size_t i = 0; i < c->nsources; i++)
			names[i] = c->sources[i].id;
		near = closest_word(e->s, names, c->nsources);
	}
	lerr(L, e->line, e->col, "unknown source '%s'%s%s%s", e->s, near ? "; did you mean '" : "",
	     near ? near : "", near ? "'?" : "");
	free(names);
}

/* A `sources:` list, resolved to source indices now. */
static void get_sources(struct loader *L, const struct ynode *map, const char *key, int **out,
			uint32_t *nout, bool required, const char *what)
{
	const struct ynode *v = map_get(map, key);
	if (v == NULL) {
		if (required)
			lerr(L, map->line, map->col, "%s is missing the required key '%s'", what,
			     key);
		return;
	}
	if (!want_value(L, v, Y_SEQ, key))
		return;
	if (v->n == 0)
		lerr(L, v->line, v->col, "'%s' is an empty list", key);
	*out = arena_alloc(L->mem, (v->n + 1) * sizeof **out);
	/* A short list is searched for repeats; a long one is marked in L->seen,
	 * so a list of any length costs one step per entry. */
	bool marks = v->n > 16;
	if (marks && L->seen == NULL)
		L->seen = xcalloc(L->c->nsources + 1, sizeof *L->seen);
	if (marks && ++L->lists == 0) { /* the count wrapped round: start afresh */
		memset(L->seen, 0, L->c->nsources * sizeof *L->seen);
		L->lists = 1;
	}
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *e = v->kids[i];
		if (!want(L, e, Y_SCALAR, "each entry of the list"))
			continue;
		int k = content_source_index(L->c, e->s);
		if (k < 0) {
			unknown_source(L, e);
			continue;
		}
		bool dup = false;
		if (marks) {
			dup = L->seen[k] == L->lists;
			L->seen[k] = L->lists;
		} else {
			for (size_t j = 0; j < *nout && !dup; j++)
				dup = (*out)[j] == k;
		}
		if (dup) {
			lerr(L, e->line, e->col, "source '%s' is listed twice", e->s);
			continue;
		}
		(*out)[(*nout)++] = k;
	}
}

static const char *const item_keys[] = {
	"sign", "text", "urgency", "also_called", "sources", NULL
};

/* map[key] as an urgency level, reported when it names none. */
static enum urgency get_urgency(struct loader *L, const struct ynode *map, const char *key)
{
	const struct ynode *u = map_get(map, key);
	if (u == NULL || !want(L, u, Y_SCALAR, key))
		return URG_NONE;
	enum urgency g = urgency_parse(u->s);
	if (g == URG_NONE) {
		const char *names[URG_COUNT - 1];
		for (int i = 1; i < URG_COUNT; i++)
			names[i - 1] = urgency_name((enum urgency)i);
		const char *near = closest_word(u->s, names, URG_COUNT - 1);
		lerr(L, u->line, u->col,
		     "unknown %s '%s' (use emergency, call-provider, watch or expected)%s%s%s", key,
		     u->s, near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
	}
	return g;
}

static void build_item(struct loader *L, const struct ynode *y, struct node *list)
{
	struct node *n = node_new(L, NODE_ITEM, y, list);
	if (y->kind == Y_SCALAR) {
		check_scalar(L, y);
		if (y->len == 0)
			lerr(L, y->line, y->col, "empty list item");
		n->text = arena_strndup(L->mem, y->s, y->len);
		return;
	}
	if (!want(L, y, Y_MAP, "a list item"))
		return;
	check_keys(L, y, item_keys, "a list item");
	n->text = get_text(L, y, "text", TEXT_REQUIRED, "a list item");
	n->urgency = get_urgency(L, y, "urgency");
	/* A sign (an item with an urgency) is written once and named by its id
	 * wherever else it is shown; validation checks the pairing. */
	n->id = get_text(L, y, "sign", TEXT_OPTIONAL, "a list item");
	if (n->id && !valid_id(n->id)) {
		const struct ynode *v = map_get(y, "sign");
		lerr(L, v->line, v->col,
		     "id '%s' must be lowercase letters, digits and single '-' (at most 64)",
		     n->id);
	}
	get_strv(L, y, "also_called", &n->also_called);
	n->cites = map_get(y, "sources") != NULL;
	get_sources(L, y, "sources", &n->sources, &n->nsources, false, "a list item");
}

/* Blocks. The first key naming a kind decides what the block is; each kind
 * fills its node from its keys. */

static void build_para(struct loader *L, const struct ynode *y, struct node *n, const char *what)
{
	n->text = get_text(L, y, "p", TEXT_REQUIRED, what);
	get_sources(L, y, "sources", &n->sources, &n->nsources, true, what);
}

static void build_list(struct loader *L, const struct ynode *y, struct node *n, const char *what)
{
	n->text = get_text(L, y, "list", TEXT_REQUIRED_MAY_BE_EMPTY, what);
	n->cites = map_get(y, "sources") != NULL;
	get_sources(L, y, "sources", &n->sources, &n->nsources, false, what);
	const struct ynode *items = map_get(y, "items");
	if (items == NULL)
		lerr(L, y->line, y->col, "a list is missing the required key 'items'");
	else if (want(L, items, Y_SEQ, "'items'")) {
		if (items->n == 0)
			lerr(L, items->line, items->col, "'items' is an empty list");
		for (size_t i = 0; i < items->n; i++)
			build_item(L, items->kids[i], n);
	}
	reverse_children(n);
}

static void build_qa(struct loader *L, const struct ynode *y, struct node *n, const char *what)
{
	n->title = get_text(L, y, "q", TEXT_REQUIRED, what);
	n->text = get_text(L, y, "a", TEXT_REQUIRED, what);
	get_sources(L, y, "sources", &n->sources, &n->nsources, true, what);
}

static void build_note(struct loader *L, const struct ynode *y, struct node *n, const char *what)
{
	n->text = get_text(L, y, "note", TEXT_REQUIRED, what);
	get_sources(L, y, "sources", &n->sources, &n->nsources, true, what);
}

static void build_claim(struct loader *L, const struct ynode *y, struct node *n, const char *what)
{
	n->text = get_text(L, y, "claim", TEXT_REQUIRED, what);
	n->context = get_text(L, y, "context", TEXT_REQUIRED, what);
	get_sources(L, y, "sources", &n->sources, &n->nsources, true, what);
	get_sources(L, y, "context_sources", &n->context_sources, &n->ncontext_sources, true, what);
}

static void build_term(struct loader *L, const struct ynode *y, struct node *n, const char *what)
{
	n->title = get_text(L, y, "term", TEXT_REQUIRED, what);
	n->text = get_text(L, y, "means", TEXT_REQUIRED, what);
	get_strv(L, y, "also_called", &n->also_called);
	get_sources(L, y, "sources", &n->sources, &n->nsources, true, what);
}

static void build_action(struct loader *L, const struct ynode *y, struct node *n, const char *what)
{
	n->text = get_text(L, y, "action", TEXT_REQUIRED, what);
	if (map_get(y, "level") == NULL)
		lerr(L, y->line, y->col, "an action is missing the required key 'level'");
	n->urgency = get_urgency(L, y, "level");
	get_sources(L, y, "sources", &n->sources, &n->nsources, true, what);
}

static void build_signs(struct loader *L, const struct ynode *y, struct node *n, const char *what)
{
	(void)what;
	get_strv(L, y, "signs", &n->see_also);
}

/* Every kind of block, in the order messages list them. */
static const struct block_kind {
	const char *key;  /* the key that names the kind */
	const char *what; /* the kind in messages */
	enum node_type type;
	const char *const *keys; /* the keys it takes, NULL-terminated */
	void (*build)(struct loader *L, const struct ynode *y, struct node *n, const char *what);
} block_kinds[] = {
	{ "p", "a paragraph", NODE_PARA, (const char *const[]){ "p", "sources", NULL },
	  build_para },
	{ "list", "a list", NODE_LIST, (const char *const[]){ "list", "items", "sources", NULL },
	  build_list },
	{ "q", "a question", NODE_QA, (const char *const[]){ "q", "a", "sources", NULL },
	  build_qa },
	{ "note", "a note", NODE_NOTE, (const char *const[]){ "note", "sources", NULL },
	  build_note },
	{ "claim", "a claim", NODE_CLAIM,
	  (const char *const[]){ "claim", "sources", "context", "context_sources", NULL },
	  build_claim },
	{ "term", "a glossary term", NODE_TERM,
	  (const char *const[]){ "term", "means", "also_called", "sources", NULL }, build_term },
	{ "action", "an action", NODE_ACTION,
	  (const char *const[]){ "action", "level", "sources", NULL }, build_action },
	{ "signs", "a list of signs", NODE_SIGNS, (const char *const[]){ "signs", NULL },
	  build_signs },
};
enum {
	NKINDS = sizeof block_kinds / sizeof block_kinds[0]
};

/* The kind whose key k is, or NULL. */
static const struct block_kind *kind_of_key(const struct ynode *k)
{
	for (size_t b = 0; b < NKINDS && k->kind == Y_SCALAR; b++)
		if (strcmp(k->s, block_kinds[b].key) == 0)
			return &block_kinds[b];
	return NULL;
}

/* A block with no key naming a kind: list the kinds, and the nearest key. */
static void unknown_block(struct loader *L, const struct ynode *y)
{
	const char *keys[NKINDS];
	struct buf list = { 0 };
	for (size_t b = 0; b < NKINDS; b++) {
		keys[b] = block_kinds[b].key;
		buf_printf(&list, "%s%s", b == 0 ? "" : b + 1 < NKINDS ? ", " : " or ", keys[b]);
	}
	const char *near = NULL;
	for (size_t i = 0; i + 1 < y->n && !near; i += 2)
		if (y->kids[i]->kind == Y_SCALAR)
			near = closest_word(y->kids[i]->s, keys, NKINDS);
	lerr(L, y->line, y->col, "a block needs one of the keys %s%s%s%s", list.s,
	     near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
	buf_free(&list);
}

static void build_block(struct loader *L, const struct ynode *y, struct node *sec)
{
	if (!want(L, y, Y_MAP, "a block"))
		return;
	const struct block_kind *kind = NULL;
	for (size_t i = 0; i + 1 < y->n && kind == NULL; i += 2)
		kind = kind_of_key(y->kids[i]);
	if (kind == NULL) {
		unknown_block(L, y);
		return;
	}
	/* Other kinds' keys are reported as such, and then not again as unknown. */
	const char *allowed[16];
	size_t na = 0;
	for (size_t i = 0; kind->keys[i]; i++)
		allowed[na++] = kind->keys[i];
	for (size_t i = 0; i + 1 < y->n; i += 2) {
		const struct ynode *k = y->kids[i];
		const struct block_kind *other = kind_of_key(k);
		if (other && other != kind)
			lerr(L, k->line, k->col, "a block cannot be both '%s' and '%s'", kind->key,
			     k->s);
	}
	for (size_t b = 0; b < NKINDS; b++)
		if (&block_kinds[b] != kind)
			allowed[na++] = block_kinds[b].key;
	allowed[na] = NULL;
	check_keys(L, y, allowed, kind->what);
	kind->build(L, y, node_new(L, kind->type, y, sec), kind->what);
}

static const char *const section_keys[] = { "id",       "title", "also_called", "questions",
					    "see_also", "body",  "sections",    NULL };
/* A topic file's own section may also say when the file was last reviewed. */
static const char *const topic_keys[] = { "id",        "title",    "also_called",
					  "questions", "see_also", "body",
					  "sections",  "reviewed", NULL };

/* Whether s (len bytes) is a real day written YYYY-MM-DD. */
static bool valid_date(const char *s, size_t len)
{
	if (len != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (size_t i = 0; i < len; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return false;
	int y = atoi(s), m = atoi(s + 5), d = atoi(s + 8);
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return m >= 1 && m <= 12 && d >= 1 && d <= mdays[m - 1] && (m != 2 || d < 29 || leap);
}

/* Review dates older than this (YYYY-MM-DD), or later than today, are
 * warned about; "" when load_set_review_limit() was not called. */
static char review_cutoff[11], review_today[11];

void load_set_review_limit(int months)
{
	review_cutoff[0] = review_today[0] = '\0';
	if (months <= 0)
		return;
	time_t now = time(NULL);
	struct tm tm;
	if (localtime_r(&now, &tm) == NULL)
		return;
	strftime(review_today, sizeof review_today, "%Y-%m-%d", &tm);
	/* Whole months back; a day past the end of a shorter month is still
	 * compared as text, so 2026-02-31 sorts as the end of February. */
	int m = tm.tm_year * 12 + tm.tm_mon - months;
	char day[32];
	snprintf(day, sizeof day, "%04d-%02d-%02d", 1900 + m / 12, m % 12 + 1, tm.tm_mday);
	snprintf(review_cutoff, sizeof review_cutoff, "%.10s", day);
}

/* map's optional 'reviewed' date, copied to L->reviewed when it is one. */
static void get_reviewed(struct loader *L, const struct ynode *map)
{
	const struct ynode *v = map_get(map, "reviewed");
	if (v == NULL || !want_value(L, v, Y_SCALAR, "reviewed"))
		return;
	if (!valid_date(v->s, v->len)) {
		lerr(L, v->line, v->col,
		     "'reviewed' must be a date written YYYY-MM-DD, such as 2026-03-31");
		return;
	}
	memcpy(L->reviewed, v->s, 11);
	if (review_cutoff[0] && strcmp(L->reviewed, review_cutoff) < 0)
		diag(DIAG_WARNING, L->file, v->line, v->col,
		     "last reviewed on %s, before %s: check the file against the sources again "
		     "and update the date",
		     L->reviewed, review_cutoff);
	else if (review_today[0] && strcmp(L->reviewed, review_today) > 0)
		diag(DIAG_WARNING, L->file, v->line, v->col,
		     "'reviewed' is %s, a day still to come (today is %s)", L->reviewed,
		     review_today);
}

struct node *build_section(struct loader *L, const struct ynode *y, struct node *parent,
			   const char *parent_id)
{
	if (!want(L, y, Y_MAP, parent_id ? "a section" : "a topic file"))
		return NULL;
	check_keys(L, y, parent_id ? section_keys : topic_keys, "a section");
	if (parent_id == NULL)
		get_reviewed(L, y);
	struct node *n = node_new(L, NODE_SECTION, y, parent);
	/* A subsection's id is kept joined to its parent's; the bare one is scratch. */
	char *id =
		get_text_in(L, parent_id ? L->yaml : L->mem, y, "id", TEXT_REQUIRED, "a section");
	if (id && !valid_id(id)) {
		const struct ynode *v = map_get(y, "id");
		lerr(L, v->line, v->col,
		     "id '%s' must be lowercase letters, digits and single '-' (at most 64)", id);
	}
	if (id && parent_id) {
		size_t pl = strlen(parent_id), il = strlen(id);
		n->id = arena_alloc(L->mem, pl + il + 2);
		memcpy(n->id, parent_id, pl);
		n->id[pl] = '/';
		memcpy(n->id + pl + 1, id, il);
	} else {
		n->id = id;
	}
	n->title = get_text(L, y, "title", TEXT_REQUIRED, "a section");
	get_strv(L, y, "also_called", &n->also_called);
	get_strv(L, y, "questions", &n->questions);
	get_strv(L, y, "see_also", &n->see_also);
	const struct ynode *body = map_get(y, "body");
	if (body && want(L, body, Y_SEQ, "'body'"))
		for (size_t i = 0; i < body->n; i++)
			build_block(L, body->kids[i], n);
	const struct ynode *subs = map_get(y, "sections");
	if (subs && want(L, subs, Y_SEQ, "'sections'"))
		for (size_t i = 0; i < subs->n; i++)
			build_section(L, subs->kids[i], n, n->id ? n->id : "?");
	reverse_children(n);
	return n;
}

static const char *const source_keys[] = { "id", "title", "file", "notes", NULL };
static const char *const sources_file_keys[] = { "sources", "version", "reviewed", NULL };

void build_sources(struct loader *L, const struct ynode *y)
{
	if (!want(L, y, Y_MAP, "sources.yaml"))
		return;
	check_keys(L, y, sources_file_keys, "sources.yaml");
	get_reviewed(L, y);
	char *version = get_text(L, y, "version", TEXT_OPTIONAL, "sources.yaml");
	if (version && (strlen(version) > 40 || strchr(version, '\n'))) {
		const struct ynode *v = map_get(y, "version");
		lerr(L, v->line, v->col, "'version' must be one line of at most 40 characters");
	} else if (version) {
		L->c->version = version;
	}
	const struct ynode *list = map_get(y, "sources");
	if (list == NULL) {
		lerr(L, y->line, y->col, "sources.yaml is missing the required key 'sources'");
		return;
	}
	if (!want(L, list, Y_SEQ, "'sources'"))
		return;
	struct content *c = L->c;
	for (size_t i = 0; i < list->n; i++) {
		const struct ynode *e = list->kids[i];
		if (!want(L, e, Y_MAP, "a source"))
			continue;
		check_keys(L, e, source_keys, "a source");
		char *id = get_text(L, e, "id", TEXT_REQUIRED, "a source");
		char *title = get_text(L, e, "title", TEXT_REQUIRED, "a source");
		char *file = get_text(L, e, "file", TEXT_REQUIRED, "a source");
		char *notes = get_text(L, e, "notes", TEXT_OPTIONAL, "a source");
		if (id && !valid_id(id))
			lerr(L, e->line, e->col,
			     "source id '%s' must be lowercase letters, digits and single '-'", id);
		if (!id || !title || !file)
			continue;
		c->sources = xgrow(c->sources, c->nsources, sizeof *c->sources);
		c->sources[c->nsources] = (struct source){
			.id = id,
			.title = title,
			.file = file,
			.notes = notes,
			.num = (int)c->nsources + 1,
			.path = L->file,
			.line = e->line,
			.col = e->col,
		};
		c->nsources++;
	}
}
