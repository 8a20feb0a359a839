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

#include "load.h"
#include "util.h"

struct vstate {
	struct content *c;
	size_t errors;
	size_t suggestions;
	size_t cap_sections, cap_terms;
};

static void verr(struct vstate *V, const char *file, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));
static void verr(struct vstate *V, const char *file, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(DIAG_ERROR, file, line, col, fmt, ap);
	va_end(ap);
	V->errors++;
}

static void push(const struct node ***v, size_t *n, size_t *cap, const struct node *x)
{
	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		*v = xreallocarray(*v, *cap, sizeof **v);
	}
	(*v)[(*n)++] = x;
}

/* Reading order: preorder, a section's blocks before its subsections. */
static void collect(struct vstate *V, struct node *n, int depth)
{
	for (struct node *k = n->first; k; k = k->next) {
		if (k->type == NODE_SECTION) {
			if (k->id == NULL || k->title == NULL)
				continue; /* already reported by the loader */
			k->depth = depth;
			k->ord = V->c->nsections;
			push(&V->c->sections, &V->c->nsections, &V->cap_sections, k);
			collect(V, k, depth + 1);
		} else if (k->type == NODE_TERM) {
			push(&V->c->terms, &V->c->nterms, &V->cap_terms, k);
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
		verr(V, v[i]->file, v[i]->line, v[i]->col,
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
			verr(V, n->file, strv_line(&n->see_also, i), strv_col(&n->see_also, i),
			     "see_also names no section '%s'%s%s%s", n->see_also.v[i],
			     near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
			free(ids);
		} else if (t == n) {
			verr(V, n->file, strv_line(&n->see_also, i), strv_col(&n->see_also, i),
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
				verr(V, k->file, k->line, k->col,
				     "list item has no sources, and its list has none");
			} else {
				k->sources = list->sources;
				k->nsources = list->nsources;
			}
		}
		if (k->type == NODE_LIST && k->text && *k->text && !k->cites)
			verr(V, k->file, k->line, k->col,
			     "a list with an introduction needs 'sources' for it");
		check_node(V, k);
	}
}

int validate(struct content *c)
{
	struct vstate V = { .c = c };
	free(c->sections);
	free(c->by_id);
	free(c->terms);
	c->sections = NULL;
	c->by_id = NULL;
	c->terms = NULL;
	c->nsections = c->nterms = 0;
	collect(&V, c->root, 0);
	index_ids(&V);
	/* Lists are resolved before their items read them: check_node visits a
	 * list's own sources before descending into its items. */
	check_node(&V, c->root);
	if (c->nsections == 0 && V.errors == 0 && diag_errors() == 0)
		verr(&V, c->dir, 0, 0, "no sections: the content folder holds no topic files");
	return V.errors ? -1 : 0;
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

static size_t lint_text(USpoofChecker *sc, const struct node *n, const char *text)
{
	size_t warnings = 0;
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
			warnings++;
		}
	}
	return warnings;
}

static size_t lint_node(USpoofChecker *sc, const struct node *n)
{
	size_t w = 0;
	for (const struct node *k = n->first; k; k = k->next) {
		if (k->title)
			w += lint_text(sc, k, k->title);
		if (k->text)
			w += lint_text(sc, k, k->text);
		if (k->context)
			w += lint_text(sc, k, k->context);
		for (size_t i = 0; i < k->also_called.n; i++)
			w += lint_text(sc, k, k->also_called.v[i]);
		w += lint_node(sc, k);
	}
	return w;
}

size_t validate_lint(const struct content *c)
{
	UErrorCode st = U_ZERO_ERROR;
	USpoofChecker *sc = uspoof_open(&st);
	if (U_FAILURE(st))
		return 0;
	uspoof_setChecks(sc, USPOOF_RESTRICTION_LEVEL, &st);
	uspoof_setRestrictionLevel(sc, USPOOF_HIGHLY_RESTRICTIVE);
	size_t w = U_SUCCESS(st) ? lint_node(sc, c->root) : 0;
	uspoof_close(sc);
	return w;
}
