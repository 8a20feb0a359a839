/* model.c - queries on the frozen content tree, and freeing it. */
#include "model.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "text.h"
#include "util.h"

static const char *const urgency_names[URG_COUNT] = {
	[URG_EMERGENCY] = "emergency",
	[URG_CALL_PROVIDER] = "call-provider",
	[URG_WATCH] = "watch",
	[URG_EXPECTED] = "expected",
};

static const char *const urgency_labels[URG_COUNT] = {
	[URG_EMERGENCY] = "Emergency: get help now",
	[URG_CALL_PROVIDER] = "Call your provider",
	[URG_WATCH] = "Keep an eye on it",
	[URG_EXPECTED] = "Common, usually passes",
};

const char *urgency_name(enum urgency u)
{
	return u > URG_NONE && u < URG_COUNT ? urgency_names[u] : NULL;
}

const char *urgency_label(enum urgency u)
{
	return u > URG_NONE && u < URG_COUNT ? urgency_labels[u] : NULL;
}

enum urgency urgency_parse(const char *s)
{
	for (int u = URG_NONE + 1; u < URG_COUNT; u++)
		if (strcmp(s, urgency_names[u]) == 0)
			return (enum urgency)u;
	return URG_NONE;
}

const char *node_type_name(enum node_type t)
{
	static const char *const names[] = {
		[NODE_ROOT] = "root",     [NODE_SECTION] = "section", [NODE_PARA] = "para",
		[NODE_LIST] = "list",     [NODE_ITEM] = "item",       [NODE_QA] = "qa",
		[NODE_NOTE] = "note",     [NODE_CLAIM] = "claim",     [NODE_TERM] = "term",
		[NODE_ACTION] = "action", [NODE_SIGNS] = "signs",
	};
	return (size_t)t < sizeof names / sizeof names[0] ? names[t] : "?";
}

const struct node *sign_action(const struct node *sg)
{
	for (const struct node *b = node_section(sg)->first; b; b = b->next)
		if (b->type == NODE_ACTION && b->urgency == sg->urgency)
			return b;
	return NULL;
}

size_t content_sign_levels(const struct content *c, struct sign_level out[URG_COUNT])
{
	/* The order a patient needs them in. */
	static const enum urgency order[] = { URG_EMERGENCY, URG_CALL_PROVIDER, URG_WATCH,
					      URG_EXPECTED };
	size_t n = 0;
	for (size_t g = 0; g < sizeof order / sizeof order[0]; g++) {
		struct sign_level *l = &out[n];
		*l = (struct sign_level){ .level = order[g] };
		for (size_t i = 0; i < c->nsigns; i++) {
			const struct node *sg = c->signs[i];
			if (sg->urgency != order[g])
				continue;
			if (l->home == NULL) {
				l->home = node_section(sg);
				l->action = sign_action(sg);
			}
			l->signs = xgrow(l->signs, l->nsigns, sizeof *l->signs);
			l->signs[l->nsigns++] = sg;
		}
		n += l->nsigns > 0;
	}
	return n;
}

void sign_levels_free(struct sign_level *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(v[i].signs);
}

bool node_has_subsections(const struct node *n)
{
	for (const struct node *k = n->first; k != NULL; k = k->next)
		if (k->type == NODE_SECTION)
			return true;
	return false;
}

const struct node *node_section(const struct node *n)
{
	while (n && n->type != NODE_SECTION)
		n = n->parent;
	return n;
}

const struct node *content_find(const struct content *c, const char *id)
{
	size_t lo = 0, hi = c->by_id ? c->nsections : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = strcmp(c->by_id[mid]->id, id);
		if (r == 0)
			return c->by_id[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

int content_source_index(const struct content *c, const char *id)
{
	/* source_order is made as soon as sources.yaml is read (index_sources()). */
	size_t lo = 0, hi = c->source_order ? c->nsources : 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int k = c->source_order[mid];
		int r = strcmp(c->sources[k].id, id);
		if (r == 0)
			return k;
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

size_t edit_distance(const char *a, const char *b, size_t max)
{
	/* Ids and keys are compared byte by byte; one distance for all. */
	size_t la = strlen(a), lb = strlen(b);
	uint32_t *ca = xcalloc(la + lb + 1, sizeof *ca), *cb = ca + la;
	for (size_t i = 0; i < la; i++)
		ca[i] = (unsigned char)a[i];
	for (size_t i = 0; i < lb; i++)
		cb[i] = (unsigned char)b[i];
	unsigned k = max > 1000 ? 1000 : (unsigned)max;
	size_t d = text_edit_distance(ca, la, cb, lb, k);
	free(ca);
	return d > max ? max + 1 : d;
}

const char *closest_word(const char *s, const char *const *cands, size_t n)
{
	size_t len = strlen(s);
	size_t max = typo_max_edits(TYPO_NAME, len);
	const char *best = NULL;
	size_t bestd = max + 1;
	for (size_t i = 0; i < n; i++) {
		size_t d = edit_distance(s, cands[i], max);
		if (d < bestd) {
			bestd = d;
			best = cands[i];
		}
	}
	if (best || len == 0)
		return best;
	/* "para" for "p", "sourcs" aside: a word that starts another is close too. */
	size_t bestl = 0;
	for (size_t i = 0; i < n; i++) {
		size_t cl = strlen(cands[i]);
		size_t m = cl < len ? cl : len;
		if (strncmp(s, cands[i], m) == 0 && cl > bestl) {
			bestl = cl;
			best = cands[i];
		}
	}
	return best;
}

/* Resolution of user-typed section references. */

static const char *last_part(const char *id)
{
	const char *p = strrchr(id, '/');
	return p ? p + 1 : id;
}

/* Case-insensitive: does word w occur at a word start in s? ASCII folding suffices
 * for ids and titles typed at a prompt; full folding belongs to search. */
static bool has_word_prefix(const char *s, const char *w, size_t wl)
{
	for (const char *p = s; *p; p++) {
		if (p != s && isalnum((unsigned char)p[-1]))
			continue;
		if (strncasecmp(p, w, wl) == 0)
			return true;
	}
	return false;
}

static bool title_matches(const char *title, const char *ref)
{
	const char *p = ref;
	bool any = false;
	while (*p) {
		while (*p && !isalnum((unsigned char)*p) && !((unsigned char)*p & 0x80))
			p++;
		const char *w = p;
		while (*p && (isalnum((unsigned char)*p) || ((unsigned char)*p & 0x80)))
			p++;
		if (p == w)
			break;
		any = true;
		if (!has_word_prefix(title, w, (size_t)(p - w)))
			return false;
	}
	return any;
}

/* Keep only candidates that are not descendants of another candidate: asking for
 * "side" when side-effects and all its subsections match means side-effects.
 * Candidates are marked by their place in reading order, so each one costs a
 * walk up its ancestors (at most LOAD_MAX_DEPTH), not a look at every other. */
static size_t prune_descendants(const struct content *c, const struct node **v, size_t n)
{
	if (n < 2)
		return n;
	bool *cand = xcalloc(c->nsections + 1, sizeof *cand);
	for (size_t i = 0; i < n; i++)
		cand[v[i]->ord] = true;
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		bool under = false;
		for (const struct node *a = v[i]->parent; a && !under; a = a->parent)
			under = a->type == NODE_SECTION && cand[a->ord];
		if (!under)
			v[k++] = v[i];
	}
	free(cand);
	return k;
}

enum resolve_status content_resolve(const struct content *c, const char *ref,
				    const struct node **out, const struct node ***cands,
				    size_t *ncands)
{
	const struct node **v = xcalloc(c->nsections + 1, sizeof *v);
	size_t n = 0;
	*out = NULL;
	*cands = v;
	*ncands = 0;

	const struct node *exact = content_find(c, ref);
	if (exact) {
		*out = exact;
		return RESOLVE_OK;
	}
	size_t rl = strlen(ref);
	/* An exact last part ("allergic") beats a prefix. */
	for (size_t i = 0; i < c->nsections; i++)
		if (strcmp(last_part(c->sections[i]->id), ref) == 0)
			v[n++] = c->sections[i];
	if (n == 0)
		for (size_t i = 0; i < c->nsections; i++) {
			const char *id = c->sections[i]->id;
			if (strncmp(id, ref, rl) == 0 || strncmp(last_part(id), ref, rl) == 0)
				v[n++] = c->sections[i];
		}
	if (n == 0)
		for (size_t i = 0; i < c->nsections; i++)
			if (title_matches(c->sections[i]->title, ref))
				v[n++] = c->sections[i];
	n = prune_descendants(c, v, n);
	if (n == 1) {
		*out = v[0];
		*ncands = 1;
		return RESOLVE_OK;
	}
	if (n > 1) {
		*ncands = n;
		return RESOLVE_AMBIGUOUS;
	}
	/* Nothing: suggest ids whose full id or last part is close. */
	size_t max = typo_max_edits(TYPO_NAME, rl);
	for (size_t i = 0; i < c->nsections; i++) {
		const char *id = c->sections[i]->id;
		if (edit_distance(ref, id, max) <= max ||
		    edit_distance(ref, last_part(id), max) <= max)
			v[n++] = c->sections[i];
	}
	*ncands = n;
	return RESOLVE_NONE;
}

void content_free(struct content *c)
{
	if (c == NULL)
		return;
	free(c->root);
	free(c->sources);
	free(c->sections);
	free(c->by_id);
	free(c->source_order);
	free(c->terms);
	free(c->signs);
	free(c->reviews);
	for (size_t i = 0; i < c->nfiles; i++)
		free(c->files[i]);
	free(c->files);
	free(c->dir);
	arena_free(&c->mem);
	free(c);
}

static int cmp_review(const void *a, const void *b)
{
	uintptr_t x = (uintptr_t)((const struct file_review *)a)->file;
	uintptr_t y = (uintptr_t)((const struct file_review *)b)->file;
	return (x > y) - (x < y);
}

const char *content_oldest_review(const struct content *c, const struct node *const *nodes,
				  size_t n)
{
	const char *oldest = NULL;
	for (size_t i = 0; i < n; i++) {
		struct file_review key = { .file = nodes[i]->file };
		const struct file_review *r = c->nreviews ? bsearch(&key, c->reviews, c->nreviews,
								    sizeof(*c->reviews), cmp_review)
							  : NULL;
		if (r == NULL || r->date[0] == '\0')
			return NULL;
		if (oldest == NULL || strcmp(r->date, oldest) < 0)
			oldest = r->date;
	}
	return oldest;
}

void content_sort_reviews(struct content *c)
{
	if (c->nreviews > 1)
		qsort(c->reviews, c->nreviews, sizeof(*c->reviews), cmp_review);
}

struct node_list {
	const struct node **v;
	size_t n, cap;
};

static void node_list_add(struct node_list *l, const struct node *x)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = x;
}

/* The signs that the signs blocks under n show (they may come from other files). */
static void shown_signs(const struct node *n, struct node_list *l)
{
	for (const struct node *x = n->first; x; x = x->next) {
		if (x->type == NODE_SIGNS && x->see)
			for (size_t k = 0; k < x->see_also.n; k++)
				if (x->see[k])
					node_list_add(l, x->see[k]);
		shown_signs(x, l);
	}
}

const char *content_handout_review(const struct content *c, const struct node *const *secs,
				   size_t n)
{
	struct node_list l = { 0 };
	for (size_t i = 0; i < n; i++) {
		node_list_add(&l, secs[i]);
		shown_signs(secs[i], &l);
	}
	const char *r = content_oldest_review(c, l.v, l.n);
	free(l.v);
	return r;
}
