/* synonyms.c - WordNet words an author may add to also_called (see synonyms.h).
 *
 * Every name in the content (titles of sections and terms, also_called
 * entries) is reduced to a key: its folded words' stems, apart by spaces. A
 * synonym is offered when its key is no name's key, so "fevers" is never
 * offered beside "fever", nor a word another node already owns. Keys are kept
 * sorted, so a content of n names costs O(n log n).
 */
#include "synonyms.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "util.h"

/* An abbreviation ("IV", "RNA"): WordNet reads it as another word ("four"). */
static bool abbreviation(const char *s)
{
	size_t upper = 0;
	for (; *s; s++) {
		if (*s >= 'a' && *s <= 'z')
			return false;
		upper += *s >= 'A' && *s <= 'Z';
	}
	return upper > 0;
}

/* The names of n: the title of a section or term, then also_called. */
static size_t node_names(const struct node *n, const char **name, int *line, int *col, size_t max)
{
	size_t k = 0;
	if ((n->type == NODE_SECTION || n->type == NODE_TERM) && n->title && k < max) {
		name[k] = n->title;
		line[k] = n->line;
		col[k] = n->col;
		k++;
	}
	for (size_t i = 0; i < n->also_called.n && k < max; i++) {
		name[k] = n->also_called.v[i];
		line[k] = strv_line(&n->also_called, i);
		col[k] = strv_col(&n->also_called, i);
		k++;
	}
	return k;
}

struct keyer {
	struct fold *f;
	struct buf out;
};

static int add_stem(void *arg, const struct fold_word *w)
{
	struct keyer *k = arg;
	size_t sl;
	const char *s = fold_stem(k->f, w->word, w->wlen, &sl);
	if (k->out.len)
		buf_add(&k->out, " ", 1);
	buf_add(&k->out, s, sl);
	return 0;
}

/* The key of s: a new string, "" when s has no words. */
static char *name_key(struct keyer *k, const char *s, size_t len)
{
	k->out.len = 0;
	fold_words(k->f, s, len, add_stem, k);
	return k->out.len ? xstrndup(k->out.s, k->out.len) : xstrdup("");
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

struct keys {
	char **v;
	size_t n, cap;
};

static void keys_add(struct keys *ks, char *key)
{
	if (ks->n == ks->cap) {
		ks->cap = ks->cap ? ks->cap * 2 : 64;
		ks->v = xrealloc(ks->v, ks->cap * sizeof(*ks->v));
	}
	ks->v[ks->n++] = key;
}

static bool keys_has(const struct keys *ks, const char *key)
{
	return ks->n && bsearch(&key, ks->v, ks->n, sizeof(*ks->v), cmp_key) != NULL;
}

static void keys_free(struct keys *ks)
{
	for (size_t i = 0; i < ks->n; i++)
		free(ks->v[i]);
	free(ks->v);
}

enum {
	MAX_NAMES = 64,
	MAX_OFFERS = 64
};

struct offer_ctx {
	struct keyer *k;
	const struct keys *known;
	char *offered[MAX_OFFERS]; /* keys offered for this node */
	size_t noffered;
	const struct node *node;
	const char *name;
	int line, col;
	FILE *out;
	size_t hints;
};

static void offer(void *arg, const char *word, size_t len)
{
	struct offer_ctx *o = arg;
	char *key = name_key(o->k, word, len);
	bool seen = *key == '\0' || keys_has(o->known, key);
	for (size_t i = 0; i < o->noffered && !seen; i++)
		seen = strcmp(o->offered[i], key) == 0;
	if (seen || o->noffered == MAX_OFFERS) {
		free(key);
		return;
	}
	o->offered[o->noffered++] = key;
	fprintf(o->out,
		"%s:%d:%d: hint: WordNet lists '%.*s' with '%s'; add it to also_called if the "
		"sources support it\n",
		o->node->file, o->line, o->col, (int)len, word, o->name);
	o->hints++;
}

/* Every node that has names, in reading order (pre-order). */
static const struct node *next_node(const struct node *n)
{
	if (n->first)
		return n->first;
	while (n && n->next == NULL)
		n = n->parent;
	return n ? n->next : NULL;
}

size_t synonym_hints(const struct content *c, const struct wordnet *wn, FILE *out)
{
	struct keyer k = { .f = fold_new() };
	struct keys known = { 0 };
	const char *name[MAX_NAMES];
	int line[MAX_NAMES], col[MAX_NAMES];
	for (const struct node *n = c->root; n; n = next_node(n)) {
		size_t nn = node_names(n, name, line, col, MAX_NAMES);
		for (size_t i = 0; i < nn; i++)
			keys_add(&known, name_key(&k, name[i], strlen(name[i])));
	}
	qsort(known.v, known.n, sizeof(*known.v), cmp_key);

	struct offer_ctx o = { .k = &k, .known = &known, .out = out };
	for (const struct node *n = c->root; n; n = next_node(n)) {
		/* Signs, side effects and glossary terms: the things people name in
		 * their own words. Sections name topics. */
		if (n->type != NODE_ITEM && n->type != NODE_TERM)
			continue;
		size_t nn = node_names(n, name, line, col, MAX_NAMES);
		o.node = n;
		for (size_t i = 0; i < nn; i++) {
			if (abbreviation(name[i]))
				continue;
			o.name = name[i];
			o.line = line[i];
			o.col = col[i];
			wordnet_synonyms(wn, name[i], SYNONYM_SENSES, offer, &o);
		}
		for (size_t i = 0; i < o.noffered; i++)
			free(o.offered[i]);
		o.noffered = 0;
	}
	keys_free(&known);
	buf_free(&k.out);
	fold_free(k.f);
	return o.hints;
}
