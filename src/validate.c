/* validate.c - the pass between load and use: ids, references, sources.
 *
 * After validate() returns 0, printers, the index and the pager may assume a
 * well-formed tree: every section has an id and title, every reference
 * resolves, and every statement has at least one source.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/uscript.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>

#include "config.h"
#include "fold.h"
#include "validate.h"
#include "util.h"

struct vstate {
	struct content *c;
	size_t suggestions;
	size_t cap_sections, cap_terms, cap_signs;
};

/* An error at file:line:col (counted by vdiag(), as every error is). */
static void verr(const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
static void verr(const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(DIAG_ERROR, file, line, col, fmt, ap);
	va_end(ap);
}

static void push(const struct node ***v, size_t *n, size_t *cap, const struct node *x)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = x;
}

/* List the sections, terms and signs under n in reading order: preorder, a
 * section's blocks before its subsections. */
static void gather_reading_order(struct vstate *V, struct node *n, int depth)
{
	for (struct node *k = n->first; k; k = k->next) {
		if (k->type == NODE_SECTION) {
			if (k->id == NULL || k->title == NULL)
				continue; /* already reported by the loader */
			k->depth = depth;
			k->ord = V->c->nsections;
			push(&V->c->sections, &V->c->nsections, &V->cap_sections, k);
			gather_reading_order(V, k, depth + 1);
		} else if (k->type == NODE_TERM) {
			push(&V->c->terms, &V->c->nterms, &V->cap_terms, k);
		} else if (k->type == NODE_LIST) {
			for (const struct node *it = k->first; it; it = it->next)
				if (it->id && it->urgency != URG_NONE && it->text)
					push(&V->c->signs, &V->c->nsigns, &V->cap_signs, it);
		}
	}
}

static int cmp_id(const void *a, const void *b)
{
	const struct node *x = *(const struct node *const *)a, *y = *(const struct node *const *)b;
	int r = strcmp(x->id, y->id);
	return r ? r : (x->ord > y->ord) - (x->ord < y->ord);
}

/* Sort the sections by id for content_find(), reporting ids seen twice. */
static void index_ids(struct vstate *V)
{
	size_t n = V->c->nsections;
	const struct node **v = xcalloc(n + 1, sizeof *v);
	if (n)
		memcpy(v, V->c->sections, n * sizeof *v);
	qsort(v, n, sizeof *v, cmp_id);
	/* Copies sort together, the first one first; first is where the run of
	 * the current id starts, so each copy costs one comparison. */
	for (size_t i = 1, first = 0; i < n; i++) {
		if (strcmp(v[i]->id, v[first]->id) != 0) {
			first = i;
			continue;
		}
		verr(v[i]->file, v[i]->line, v[i]->col,
		     "duplicate section id '%s' (first defined at %s:%d:%d)", v[i]->id,
		     v[first]->file, v[first]->line, v[first]->col);
	}
	V->c->by_id = v;
}

static const char **section_ids(const struct content *c)
{
	const char **ids = xcalloc(c->nsections + 1, sizeof *ids);
	for (size_t i = 0; i < c->nsections; i++)
		ids[i] = c->sections[i]->id;
	return ids;
}

static void resolve_links(struct vstate *V, struct node *n)
{
	n->see = arena_alloc(&V->c->mem, (n->see_also.n + 1) * sizeof *n->see);
	for (size_t i = 0; i < n->see_also.n; i++) {
		const struct node *t = content_find(V->c, n->see_also.v[i]);
		if (t == NULL) {
			const char **ids =
				V->suggestions++ < SUGGEST_MAX ? section_ids(V->c) : NULL;
			const char *near =
				ids ? closest_word(n->see_also.v[i], ids, V->c->nsections) : NULL;
			verr(n->file, strv_line(&n->see_also, i), strv_col(&n->see_also, i),
			     "see_also names no section '%s'%s%s%s", n->see_also.v[i],
			     near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
			free(ids);
		} else if (t == n) {
			verr(n->file, strv_line(&n->see_also, i), strv_col(&n->see_also, i),
			     "section '%s' links to itself", n->id);
		}
		n->see[i] = t;
	}
}

static void check_node(struct vstate *V, struct node *n)
{
	for (struct node *k = n->first; k; k = k->next) {
		if (k->type == NODE_SECTION) {
			resolve_links(V, k);
		} else if (k->type == NODE_ITEM && !k->cites) {
			/* Items without sources take their list's. */
			const struct node *list = k->parent;
			if (!list->cites) {
				verr(k->file, k->line, k->col,
				     "list item has no sources, and its list has none");
			} else {
				k->sources = list->sources;
				k->nsources = list->nsources;
			}
		}
		if (k->type == NODE_LIST && k->text && *k->text && !k->cites)
			verr(k->file, k->line, k->col,
			     "a list with an introduction needs 'sources' for it");
		check_node(V, k);
	}
}

/* Signs: one sign, one level, one place.
 *
 * A sign is a list item with an urgency. It is written once, with a `sign:`
 * id, and other sections show it through a `signs:` block that names the id.
 * So that the "When to get help" view can lead each level with what to do,
 * every sign of a level sits in one section, which also holds an `action` of
 * that level. Two signs that fold to the same words, or that share a lay
 * word, are the same sign written twice: at two levels that is a conflict a
 * reader could not resolve, at one level a duplicate. Both are reported at
 * the later place, naming the earlier one; keys are sorted, so the checks
 * stay O(n log n) however many signs there are. */

struct sign_key {
	char *key;            /* folded words, or one folded also_called term */
	const struct node *n; /* the sign (for a question, its section) */
	/* The also_called term (or the question) as written; NULL for the text. */
	const char *term;
	size_t idx; /* the sign's (or question's) place in reading order */
};

static int cmp_sign_key(const void *a, const void *b)
{
	const struct sign_key *x = a, *y = b;
	int r = strcmp(x->key, y->key);
	return r ? r : (x->idx > y->idx) - (x->idx < y->idx);
}

struct words {
	char **v;
	size_t n, cap;
};

/* Words that say nothing about which sign it is: "A headache." is "Headaches". */
static bool filler(const char *w, size_t len)
{
	static const char *const stop[] = { "a",  "an",  "the", "and",  "or",   "of", "to",
					    "in", "at",  "on",  "with", "that", "it", "is",
					    "be", "can", "may", "this", "your", NULL };
	for (size_t i = 0; stop[i]; i++)
		if (strlen(stop[i]) == len && memcmp(stop[i], w, len) == 0)
			return true;
	return false;
}

static int add_word(void *arg, const struct fold_word *w)
{
	struct words *ws = arg;
	if (filler(w->word, w->wlen))
		return 0;
	if (ws->n == ws->cap) {
		ws->cap = ws->cap ? 2 * ws->cap : 16;
		ws->v = xreallocarray(ws->v, ws->cap, sizeof *ws->v);
	}
	ws->v[ws->n++] = xstrndup(w->word, w->wlen);
	return 0;
}

static int cmp_cstr(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The words of s, folded, stemmed, sorted and each kept once, joined by spaces:
 * "Pain, redness or swelling" and "swelling, pain or redness" give one key. */
static char *sign_words(struct fold *f, const char *s)
{
	struct words ws = { 0 };
	struct buf b = { 0 };
	fold_words(f, s, strlen(s), add_word, &ws);
	for (size_t i = 0; i < ws.n; i++) {
		size_t sl;
		const char *st = fold_stem(f, ws.v[i], strlen(ws.v[i]), &sl);
		char *stem = xstrndup(st, sl);
		free(ws.v[i]);
		ws.v[i] = stem;
	}
	qsort(ws.v, ws.n, sizeof *ws.v, cmp_cstr);
	for (size_t i = 0; i < ws.n; i++)
		if (i == 0 || strcmp(ws.v[i], ws.v[i - 1]) != 0) {
			if (b.len)
				buf_putc(&b, ' ');
			buf_puts(&b, ws.v[i]);
		}
	for (size_t i = 0; i < ws.n; i++)
		free(ws.v[i]);
	free(ws.v);
	if (b.s == NULL)
		buf_add(&b, "", 0);
	return buf_take(&b);
}

static void push_key(struct sign_key **v, size_t *n, size_t *cap, struct sign_key k)
{
	if (*n == *cap) {
		*cap = *cap ? 2 * *cap : 64;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = k;
}

static void check_sign_twins(struct vstate *V)
{
	const struct content *c = V->c;
	struct fold *f = fold_new();
	struct sign_key *keys = NULL;
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < c->nsigns; i++) {
		const struct node *s = c->signs[i];
		push_key(&keys, &n, &cap, (struct sign_key){ sign_words(f, s->text), s, NULL, i });
		for (size_t j = 0; j < s->also_called.n; j++)
			push_key(&keys, &n, &cap,
				 (struct sign_key){ sign_words(f, s->also_called.v[j]), s,
						    s->also_called.v[j], i });
	}
	fold_free(f);
	/* Reading order breaks ties, so the first of a run is the earlier sign.
	 * Each sign is reported once, for the first twin found. */
	if (n > 0)
		qsort(keys, n, sizeof *keys, cmp_sign_key);
	bool *told = xcalloc(c->nsigns + 1, sizeof *told);
	size_t first = 0;
	for (size_t i = 1; i <= n; i++) {
		if (i < n && strcmp(keys[i].key, keys[first].key) == 0) {
			const struct sign_key *a = &keys[first], *b = &keys[i];
			if (a->n == b->n || !*b->key || told[b->idx])
				continue;
			told[b->idx] = true;
			const char *what =
				b->term ? "shares the lay word" : "has the same words as";
			if (a->n->urgency != b->n->urgency)
				verr(b->n->file, b->n->line, b->n->col,
				     "sign '%s' is the same sign as '%s' (%s:%d:%d) at another level: "
				     "'%s' here, '%s' there; write it once",
				     b->n->id, a->n->id, a->n->file, a->n->line, a->n->col,
				     urgency_name(b->n->urgency), urgency_name(a->n->urgency));
			else if (b->term)
				verr(b->n->file, b->n->line, b->n->col,
				     "sign '%s' %s '%s' with sign '%s' (%s:%d:%d); write it once",
				     b->n->id, what, b->term, a->n->id, a->n->file, a->n->line,
				     a->n->col);
			else
				verr(b->n->file, b->n->line, b->n->col,
				     "sign '%s' %s sign '%s' (%s:%d:%d); write it once", b->n->id,
				     what, a->n->id, a->n->file, a->n->line, a->n->col);
			continue;
		}
		first = i;
	}
	for (size_t i = 0; i < n; i++)
		free(keys[i].key);
	free(keys);
	free(told);
}

/* Where the question text q of sec was written. */
static void question_place(const struct node *sec, const char *q, int *line, int *col)
{
	size_t j = 0;
	while (j + 1 < sec->questions.n && sec->questions.v[j] != q)
		j++;
	*line = strv_line(&sec->questions, j);
	*col = strv_col(&sec->questions, j);
}

/* The same question (the same words, folded and stemmed, as sign_words
 * makes them) listed twice, by two sections (a search cannot tell which
 * answers it) or by one. Warned at the later place, naming the earliest. */
static void check_question_twins(const struct content *c)
{
	struct fold *f = fold_new();
	struct sign_key *keys = NULL; /* n: the section; term: the question */
	size_t n = 0, cap = 0;
	for (size_t i = 0; i < c->nsections; i++) {
		const struct node *sec = c->sections[i];
		for (size_t j = 0; j < sec->questions.n; j++)
			push_key(&keys, &n, &cap,
				 (struct sign_key){ sign_words(f, sec->questions.v[j]), sec,
						    sec->questions.v[j], n });
	}
	fold_free(f);
	if (n > 0)
		qsort(keys, n, sizeof *keys, cmp_sign_key);
	/* twin[idx]: the earliest question with the same words, for a later one,
	 * so the warnings come in reading order. */
	const struct sign_key **twin = xcalloc(n + 1, sizeof *twin);
	const struct sign_key **at = xcalloc(n + 1, sizeof *at);
	size_t first = 0;
	for (size_t i = 0; i < n; i++) {
		at[keys[i].idx] = &keys[i];
		if (i > 0 && *keys[i].key && strcmp(keys[i].key, keys[first].key) == 0)
			twin[keys[i].idx] = &keys[first];
		else
			first = i;
	}
	for (size_t k = 0; k < n; k++) {
		const struct sign_key *a = twin[k], *b = at[k];
		if (a == NULL)
			continue;
		int al, ac, bl, bc;
		question_place(a->n, a->term, &al, &ac);
		question_place(b->n, b->term, &bl, &bc);
		if (a->n == b->n)
			diag(DIAG_WARNING, b->n->file, bl, bc,
			     "question '%s' is listed twice in section '%s' (%d:%d); list it once",
			     b->term, b->n->id, al, ac);
		else
			diag(DIAG_WARNING, b->n->file, bl, bc,
			     "question '%s' is the same as one of section '%s' (%s:%d:%d); list it "
			     "under the one section that answers it best",
			     b->term, a->n->id, a->n->file, al, ac);
	}
	free(twin);
	free(at);
	for (size_t i = 0; i < n; i++)
		free(keys[i].key);
	free(keys);
}

static int cmp_sign_id(const void *a, const void *b)
{
	const struct node *x = *(const struct node *const *)a, *y = *(const struct node *const *)b;
	int r = strcmp(x->id, y->id);
	return r ? r : (x->line > y->line) - (x->line < y->line);
}

/* The sign with this id in the sorted array v[0..n), or NULL. */
static const struct node *find_sign(const struct node *const *v, size_t n, const char *id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int r = strcmp(v[mid]->id, id);
		if (r == 0)
			return v[mid];
		if (r < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* Whether sec holds an action block of level g. */
static bool has_action(const struct node *sec, enum urgency g)
{
	for (const struct node *b = sec->first; b; b = b->next)
		if (b->type == NODE_ACTION && b->urgency == g)
			return true;
	return false;
}

static void check_action_text(const struct node *n)
{
	static const char ph[] = EMERGENCY_PLACEHOLDER;
	for (const char *p = strchr(n->text, '{'); p; p = strchr(p + 1, '{'))
		if (strncmp(p, ph, sizeof ph - 1) != 0) {
			const char *e = strchr(p, '}');
			int len = e ? (int)(e - p + 1) : (int)strlen(p);
			verr(n->file, n->line, n->col,
			     "unknown placeholder '%.*s' in an action (only %s is filled in)",
			     len > 40 ? 40 : len, p, ph);
		}
}

/* Items with a sign id or an urgency, `signs:` blocks and actions. */
static void check_sign_nodes(struct vstate *V, struct node *n, const struct node *const *sorted,
			     size_t nsorted)
{
	for (struct node *k = n->first; k; k = k->next) {
		if (k->type == NODE_ITEM) {
			if (k->urgency != URG_NONE && k->id == NULL)
				verr(k->file, k->line, k->col,
				     "an item with an urgency is a sign and needs a 'sign' id");
			else if (k->urgency == URG_NONE && k->id != NULL)
				verr(k->file, k->line, k->col, "sign '%s' needs an 'urgency'",
				     k->id);
		} else if (k->type == NODE_ACTION && k->text) {
			check_action_text(k);
		} else if (k->type == NODE_SIGNS) {
			k->see = arena_alloc(&V->c->mem, (k->see_also.n + 1) * sizeof *k->see);
			for (size_t i = 0; i < k->see_also.n; i++) {
				const char *id = k->see_also.v[i];
				k->see[i] = find_sign(sorted, nsorted, id);
				if (k->see[i])
					continue;
				const char **ids = NULL;
				if (V->suggestions++ < SUGGEST_MAX) {
					ids = xcalloc(nsorted + 1, sizeof *ids);
					for (size_t j = 0; j < nsorted; j++)
						ids[j] = sorted[j]->id;
				}
				const char *near = ids ? closest_word(id, ids, nsorted) : NULL;
				verr(k->file, strv_line(&k->see_also, i), strv_col(&k->see_also, i),
				     "signs names no sign '%s'%s%s%s", id,
				     near ? "; did you mean '" : "", near ? near : "",
				     near ? "'?" : "");
				free(ids);
			}
		}
		check_sign_nodes(V, k, sorted, nsorted);
	}
}

static void check_signs(struct vstate *V)
{
	struct content *c = V->c;
	size_t n = c->nsigns;
	const struct node **v = xcalloc(n + 1, sizeof *v);
	if (n)
		memcpy(v, c->signs, n * sizeof *v);
	qsort(v, n, sizeof *v, cmp_sign_id);
	size_t m = 0; /* v[0..m): each id once, for lookups */
	for (size_t i = 0; i < n; i++) {
		if (m > 0 && strcmp(v[i]->id, v[m - 1]->id) == 0) {
			verr(v[i]->file, v[i]->line, v[i]->col,
			     "sign id '%s' is used twice (first at %s:%d:%d)", v[i]->id,
			     v[m - 1]->file, v[m - 1]->line, v[m - 1]->col);
			continue;
		}
		v[m++] = v[i];
	}
	check_sign_nodes(V, c->root, v, m);
	free(v);

	/* One place per level, led by what to do. */
	const struct node *home[URG_COUNT] = { 0 };
	for (size_t i = 0; i < n; i++) {
		const struct node *s = c->signs[i], *sec = node_section(s);
		const struct node **h = &home[s->urgency];
		if (*h == NULL) {
			*h = s;
			if (!has_action(sec, s->urgency))
				verr(s->file, s->line, s->col,
				     "the section '%s' holds signs of level '%s' but no 'action' "
				     "block of that level saying what to do",
				     sec->id, urgency_name(s->urgency));
		} else if (node_section(*h) != sec) {
			verr(s->file, s->line, s->col,
			     "signs of level '%s' belong in one section: '%s' (first at %s:%d:%d); "
			     "show this one elsewhere with a 'signs' block",
			     urgency_name(s->urgency), node_section(*h)->id, (*h)->file, (*h)->line,
			     (*h)->col);
		}
	}
	check_sign_twins(V);
}

int validate(struct content *c)
{
	struct vstate V = { .c = c };
	size_t errors = diag_errors();
	free(c->sections);
	free(c->by_id);
	free(c->terms);
	free(c->signs);
	c->sections = NULL;
	c->by_id = NULL;
	c->terms = NULL;
	c->signs = NULL;
	c->nsections = c->nterms = c->nsigns = 0;
	gather_reading_order(&V, c->root, 0);
	index_ids(&V);
	/* Lists are resolved before their items read them: check_node visits a
	 * list's own sources before descending into its items. */
	check_node(&V, c->root);
	check_signs(&V);
	/* Errors before (a topic file that could not be read) explain it already. */
	if (c->nsections == 0 && diag_errors() == 0)
		verr(c->dir, 0, 0, "no sections: the content folder holds no topic files");
	return diag_errors() != errors ? -1 : 0;
}

/* Lint: words that mix scripts, such as Latin with Cyrillic look-alikes.
 * These come from text pasted from pages that hide look-alike letters. */

static void script_names(const UChar *w, int32_t len, char *out, size_t outsz)
{
	UScriptCode seen[8];
	size_t nseen = 0;
	out[0] = '\0';
	for (int32_t i = 0; i < len;) {
		UChar32 cp;
		U16_NEXT(w, i, len, cp);
		UErrorCode st = U_ZERO_ERROR;
		UScriptCode sc = uscript_getScript(cp, &st);
		if (U_FAILURE(st) || sc == USCRIPT_COMMON || sc == USCRIPT_INHERITED)
			continue;
		bool dup = false;
		for (size_t j = 0; j < nseen && !dup; j++)
			dup = seen[j] == sc;
		if (dup || nseen == 8)
			continue;
		seen[nseen++] = sc;
		size_t l = strlen(out);
		snprintf(out + l, outsz - l, "%s%s", nseen > 1 ? " and " : "", uscript_getName(sc));
	}
}

static void lint_text(USpoofChecker *sc, const struct node *n, const char *text)
{
	const char *p = text;
	while (*p) {
		while (*p == ' ' || *p == '\n' || *p == '\t' || (*p > 0 && *p < 0x30 && *p != '-'))
			p++;
		const char *w = p;
		bool ascii = true;
		while (*p && *p != ' ' && *p != '\n' && *p != '\t') {
			ascii &= (unsigned char)*p < 0x80;
			p++;
		}
		/* Trailing punctuation is not part of the word. */
		const char *end = p;
		while (end > w && (unsigned char)end[-1] < 0x80 && !isalnum((unsigned char)end[-1]))
			end--;
		if (end == w || ascii)
			continue;
		UChar buf[512];
		int32_t len = 0;
		UErrorCode st = U_ZERO_ERROR;
		u_strFromUTF8(buf, 512, &len, w, (int32_t)(end - w), &st);
		if (U_FAILURE(st))
			continue;
		st = U_ZERO_ERROR;
		int32_t r = uspoof_check(sc, buf, len, NULL, &st);
		if (U_SUCCESS(st) && (r & USPOOF_RESTRICTION_LEVEL)) {
			char scripts[128];
			script_names(buf, len, scripts, sizeof scripts);
			diag(DIAG_WARNING, n->file, n->line, n->col,
			     "word '%.*s' mixes scripts (%s); look-alike letters?", (int)(end - w),
			     w, scripts);
		}
	}
}

static void lint_node(USpoofChecker *sc, const struct node *n)
{
	for (const struct node *k = n->first; k; k = k->next) {
		if (k->title)
			lint_text(sc, k, k->title);
		if (k->text)
			lint_text(sc, k, k->text);
		if (k->type == NODE_CLAIM && k->context)
			lint_text(sc, k, k->context);
		for (size_t i = 0; i < k->also_called.n; i++)
			lint_text(sc, k, k->also_called.v[i]);
		for (size_t i = 0; k->type == NODE_SECTION && i < k->questions.n; i++)
			lint_text(sc, k, k->questions.v[i]);
		lint_node(sc, k);
	}
}

void validate_lint(const struct content *c)
{
	check_question_twins(c);
	UErrorCode st = U_ZERO_ERROR;
	USpoofChecker *sc = uspoof_open(&st);
	if (U_FAILURE(st))
		return;
	uspoof_setChecks(sc, USPOOF_RESTRICTION_LEVEL, &st);
	uspoof_setRestrictionLevel(sc, USPOOF_HIGHLY_RESTRICTIVE);
	if (U_SUCCESS(st))
		lint_node(sc, c->root);
	uspoof_close(sc);
}
