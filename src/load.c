/* load.c - libyaml events -> a small located YAML tree -> the content model.
 *
 * Two steps keep each simple: parse() turns events into plain mappings,
 * sequences and scalars with their marks (refusing anchors, aliases, tags and
 * anything over the limits), then the build_* functions check the schema and
 * link content nodes. Every problem is reported; a file with errors still
 * yields what could be built so later checks can report theirs too.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* sched_getaffinity */
#endif
#include "load.h"
#include "validate.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "text.h"
#include "util.h"

enum ykind {
	Y_SCALAR,
	Y_SEQ,
	Y_MAP
};

struct ynode {
	enum ykind kind;
	int line, col;
	int end_line, end_col; /* scalars: just past the end */
	char *s;               /* scalar value */
	size_t len;
	bool quoted;         /* not a plain scalar */
	bool escaped;        /* double-quoted: escapes may have made any character */
	struct ynode **kids; /* sequence items; for a map, key and value alternate */
	size_t n, cap;
};

enum {
	INVISIBLE_MAX = 10 /* warnings about invisible characters in one file */
};

/* The YAML tree of one file lives in a scratch arena (L->yaml): thousands of
 * small nodes and strings, read once by the builder and dropped together. What
 * the builder keeps goes in L->mem: the content's arena, or the arena of the
 * worker reading the file, which joins the content's at the end. */
struct loader {
	struct content *c;
	struct arena *mem; /* where the file's nodes go: the content's, or a worker's */
	const char *file;  /* interned path of the file being read */
	size_t nodes;
	size_t suggestions;
	size_t invisible;                   /* invisible characters warned about */
	int invisible_at[INVISIBLE_MAX][3]; /* where prescan() found the first ones, and which */
	size_t ninvisible_at;
	struct arena *yaml; /* the file's YAML tree: scratch, emptied after each file */
	char *reviewed;     /* where the file's 'reviewed' date goes (11 bytes) */
	/* Long `sources:` lists: seen[k] == lists when source k is in the list
	 * being read (made on first need; the caller frees it). */
	uint32_t *seen;
	uint32_t lists;
};

static bool lint; /* load_set_lint() */

void load_set_lint(bool on)
{
	lint = on;
}

static void lerr(struct loader *L, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));
/* An error at line:col of the file being read (counted by vdiag(), as every error is). */
static void lerr(struct loader *L, int line, int col, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vdiag(DIAG_ERROR, L->file, line, col, fmt, ap);
	va_end(ap);
}

static void ynode_add(struct loader *L, struct ynode *parent, struct ynode *kid)
{
	if (parent->n == parent->cap) {
		size_t cap = parent->cap ? parent->cap * 2 : 8;
		struct ynode **kids = arena_alloc(L->yaml, cap * sizeof *kids);
		if (parent->n)
			memcpy(kids, parent->kids, parent->n * sizeof *kids);
		parent->kids = kids;
		parent->cap = cap;
	}
	parent->kids[parent->n++] = kid;
}

/* Warn, when linting, about an invisible character: it reads like nothing
 * but breaks search ("ex<U+200B>osome" is not "exosome"). */
static void invisible(struct loader *L, int line, int col, uint32_t cp)
{
	if (!lint || L->invisible > INVISIBLE_MAX)
		return;
	if (L->invisible++ == INVISIBLE_MAX)
		diag(DIAG_WARNING, L->file, line, col,
		     "more invisible characters follow; only the first %d are listed",
		     INVISIBLE_MAX);
	else
		diag(DIAG_WARNING, L->file, line, col,
		     "invisible character U+%04X in text; readers cannot see it, so take it out",
		     (unsigned)cp);
}

/* Decode one character strictly; 0 when the bytes are not valid UTF-8. */
static size_t utf8_next(const char *s, size_t len, uint32_t *cp)
{
	size_t n = text_decode(s, len, cp);
	/* A literal U+FFFD is three bytes; a decoding error never is. */
	return *cp == 0xFFFD && n != 3 ? 0 : n;
}

/* Check raw bytes before libyaml sees them, so bad bytes get an exact line:col
 * (libyaml reports reader errors by offset only). Returns false on any problem. */
static bool prescan(struct loader *L, const char *data, size_t len)
{
	const unsigned char *s = (const unsigned char *)data;
	int line = 1, col = 1;
	size_t bad = 0;
	for (size_t i = 0; i < len && bad < 10;) {
		/* The common case, printable ASCII, eight bytes at a time: no byte
		 * below 0x20, none with the high bit set, and no DEL. */
		uint64_t x;
		const uint64_t ONES = 0x0101010101010101u, HIGH = 0x8080808080808080u;
		while (len - i >= 8 &&
		       (memcpy(&x, s + i, 8),
			(((x - 0x20 * ONES) & ~x) | x | ((x ^ 0x7f * ONES) - ONES)) & HIGH) == 0) {
			i += 8;
			col += 8;
		}
		if (i >= len)
			break;
		if (s[i] >= 0x20 && s[i] < 0x7f) {
			i++;
			col++;
			continue;
		}
		uint32_t cp;
		size_t n = utf8_next(data + i, len - i, &cp);
		if (n == 0) {
			lerr(L, line, col, "invalid UTF-8 byte 0x%02x", s[i]);
			bad++;
			i++;
			col++;
			continue;
		}
		/* Raw carriage returns are YAML line breaks; everywhere else they are not. */
		if (cp != '\r' && text_is_unsafe(cp, true)) {
			lerr(L, line, col, "control character U+%04X in text", (unsigned)cp);
			bad++;
		} else if (text_is_nonchar(cp)) {
			lerr(L, line, col, "noncharacter U+%04X in text", (unsigned)cp);
			bad++;
		} else if (text_is_invisible(cp)) {
			if (L->ninvisible_at < INVISIBLE_MAX) {
				int *at = L->invisible_at[L->ninvisible_at++];
				at[0] = line;
				at[1] = col;
				at[2] = (int)cp;
			}
			invisible(L, line, col, cp);
		}
		if (cp == '\n') {
			line++;
			col = 1;
		} else {
			col++;
		}
		i += n;
	}
	return bad == 0;
}

/* Raw bytes were checked by prescan(); only a double-quoted scalar can make new
 * characters, through escapes ("\e", "\u202e"). Every scalar is checked for
 * over-long words. */
static void check_scalar(struct loader *L, const struct ynode *y)
{
	const unsigned char *s = (const unsigned char *)y->s;
	/* A word too long is LOAD_MAX_WORD + 1 bytes with no space. From the last
	 * space seen (or the start), look back from the far end of that window for
	 * a space: in prose one is found within a few bytes, so a long text costs a
	 * few reads per window rather than one per byte. */
	size_t from = 0; /* the window starts here: just after a space, or at 0 */
	while (y->len - from > LOAD_MAX_WORD) {
		size_t i = from + LOAD_MAX_WORD;
		while (s[i] != ' ' && s[i] != '\n' && s[i] != '\t')
			if (i-- == from) {
				lerr(L, y->line, y->col, "a word longer than %d bytes in text",
				     LOAD_MAX_WORD);
				return;
			}
		from = i + 1;
	}
	if (!y->escaped)
		return;
	/* The raw invisible characters prescan() found in this scalar, in order. */
	size_t raw = 0;
	while (raw < L->ninvisible_at &&
	       (L->invisible_at[raw][0] < y->line ||
		(L->invisible_at[raw][0] == y->line && L->invisible_at[raw][1] < y->col)))
		raw++;
	for (size_t i = 0; i < y->len;) {
		uint32_t cp;
		size_t n = utf8_next(y->s + i, y->len - i, &cp);
		if (n == 0) {
			lerr(L, y->line, y->col, "invalid UTF-8 in text");
			return;
		}
		if (text_is_unsafe(cp, true)) {
			lerr(L, y->line, y->col, "control character U+%04X in text", (unsigned)cp);
			return;
		}
		if (text_is_nonchar(cp)) {
			lerr(L, y->line, y->col, "noncharacter U+%04X in text", (unsigned)cp);
			return;
		}
		/* Raw ones were reported where they stand by prescan(), and come in
		 * the same order; the others came from escapes ("\u200b"). */
		if (text_is_invisible(cp)) {
			const int *at = raw < L->ninvisible_at ? L->invisible_at[raw] : NULL;
			if (at && at[2] == (int)cp &&
			    (at[0] < y->end_line || (at[0] == y->end_line && at[1] < y->end_col)))
				raw++;
			else
				invisible(L, y->line, y->col, cp);
		}
		i += n;
	}
}

static struct ynode *ynode_new(struct loader *L, enum ykind k, const yaml_mark_t *m)
{
	struct ynode *y = arena_alloc(L->yaml, sizeof *y);
	y->kind = k;
	y->line = (int)m->line + 1;
	y->col = (int)m->column + 1;
	L->nodes++;
	return y;
}

/* Parse one YAML stream into a ynode tree; NULL after reporting an error. */
static struct ynode *parse(struct loader *L, const char *data, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct ynode *stack[LOAD_MAX_DEPTH + 1];
	size_t depth = 0;
	struct ynode *doc = NULL;
	int ndocs = 0;
	bool ok = true, done = false;

	/* libyaml fails to start only when its buffers cannot be allocated. */
	if (!yaml_parser_initialize(&p))
		xoom();
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (ok && !done) {
		if (!yaml_parser_parse(&p, &ev)) {
			const char *what = p.problem ? p.problem : "syntax error";
			if (p.context)
				lerr(L, (int)p.problem_mark.line + 1,
				     (int)p.problem_mark.column + 1, "YAML: %s %s", what,
				     p.context);
			else
				lerr(L, (int)p.problem_mark.line + 1,
				     (int)p.problem_mark.column + 1, "YAML: %s", what);
			ok = false;
			break;
		}
		const yaml_mark_t *m = &ev.start_mark;
		int line = (int)m->line + 1, col = (int)m->column + 1;
		struct ynode *y = NULL;
		const yaml_char_t *anchor = NULL, *tag = NULL;
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		case YAML_DOCUMENT_START_EVENT:
			if (++ndocs > 1) {
				lerr(L, line, col, "only one YAML document is allowed in a file");
				ok = false;
			}
			break;
		case YAML_ALIAS_EVENT:
			lerr(L, line, col, "YAML aliases (*%s) are not allowed",
			     (const char *)ev.data.alias.anchor);
			ok = false;
			break;
		case YAML_SCALAR_EVENT:
			anchor = ev.data.scalar.anchor;
			tag = ev.data.scalar.tag;
			if (ev.data.scalar.length > LOAD_MAX_TEXT) {
				lerr(L, line, col, "text longer than %d bytes", LOAD_MAX_TEXT);
				ok = false;
				break;
			}
			y = ynode_new(L, Y_SCALAR, m);
			y->len = ev.data.scalar.length;
			y->s = arena_strndup(L->yaml, (const char *)ev.data.scalar.value, y->len);
			y->quoted = ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
			y->escaped = ev.data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
			y->end_line = (int)ev.end_mark.line + 1;
			y->end_col = (int)ev.end_mark.column + 1;
			break;
		case YAML_SEQUENCE_START_EVENT:
			anchor = ev.data.sequence_start.anchor;
			tag = ev.data.sequence_start.tag;
			y = ynode_new(L, Y_SEQ, m);
			break;
		case YAML_MAPPING_START_EVENT:
			anchor = ev.data.mapping_start.anchor;
			tag = ev.data.mapping_start.tag;
			y = ynode_new(L, Y_MAP, m);
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			if (depth > 0)
				depth--;
			break;
		default:
			break;
		}
		if (ok && anchor) {
			lerr(L, line, col, "YAML anchors (&%s) are not allowed",
			     (const char *)anchor);
			ok = false;
		}
		if (ok && tag) {
			lerr(L, line, col, "YAML tags (%s) are not allowed", (const char *)tag);
			ok = false;
		}
		if (ok && L->nodes > LOAD_MAX_NODES) {
			lerr(L, line, col, "more than %d YAML nodes in one file", LOAD_MAX_NODES);
			ok = false;
		}
		if (y && ok) {
			if (depth > 0)
				ynode_add(L, stack[depth - 1], y);
			else if (doc == NULL)
				doc = y;
			if (y->kind != Y_SCALAR) {
				if (depth >= LOAD_MAX_DEPTH) {
					lerr(L, line, col, "nesting deeper than %d levels",
					     LOAD_MAX_DEPTH);
					ok = false;
				} else {
					stack[depth++] = y;
				}
			}
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return ok ? doc : NULL;
}

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
 * titles, questions, terms, file names, and the entries of word lists (ids
 * allow only letters, digits and '-', see valid_id()). */
static bool one_line_key(const char *key)
{
	static const char *const keys[] = { "title",       "q",        "term", "file",
					    "also_called", "see_also", NULL };
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

/*
 * Children are put first as they are made, and a node's list is turned round
 * once the node is complete (reverse_children), so a node needs no pointer to
 * its last child.
 */
static void prepend_child(struct node *parent, struct node *n)
{
	n->parent = parent;
	n->next = parent->first;
	parent->first = n;
}

static void reverse_children(struct node *parent)
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

/* Sort the sources by id for content_source_index(), reporting ids listed twice.
 * Runs once the sources files are read, before any topic file. */
static void index_sources(struct content *c)
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

/* Blocks. The first key naming a kind decides what the block is. */
enum block_kind {
	BK_P,
	BK_LIST,
	BK_Q,
	BK_NOTE,
	BK_CLAIM,
	BK_TERM,
	BK_ACTION,
	BK_SIGNS,
	BK_COUNT
};

static const char *const block_keys[BK_COUNT + 1] = {
	[BK_P] = "p",         [BK_LIST] = "list", [BK_Q] = "q",           [BK_NOTE] = "note",
	[BK_CLAIM] = "claim", [BK_TERM] = "term", [BK_ACTION] = "action", [BK_SIGNS] = "signs",
};

static const char *const *block_allowed[BK_COUNT] = {
	[BK_P] = (const char *const[]){ "p", "sources", NULL },
	[BK_LIST] = (const char *const[]){ "list", "items", "sources", NULL },
	[BK_Q] = (const char *const[]){ "q", "a", "sources", NULL },
	[BK_NOTE] = (const char *const[]){ "note", "sources", NULL },
	[BK_CLAIM] =
		(const char *const[]){ "claim", "sources", "context", "context_sources", NULL },
	[BK_TERM] = (const char *const[]){ "term", "means", "also_called", "sources", NULL },
	[BK_ACTION] = (const char *const[]){ "action", "level", "sources", NULL },
	[BK_SIGNS] = (const char *const[]){ "signs", NULL },
};

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

static void build_block(struct loader *L, const struct ynode *y, struct node *sec)
{
	if (!want(L, y, Y_MAP, "a block"))
		return;
	enum block_kind kind = BK_COUNT;
	for (size_t i = 0; i + 1 < y->n && kind == BK_COUNT; i += 2) {
		const struct ynode *k = y->kids[i];
		for (int b = 0; b < BK_COUNT && k->kind == Y_SCALAR; b++)
			if (strcmp(k->s, block_keys[b]) == 0)
				kind = (enum block_kind)b;
	}
	if (kind == BK_COUNT) {
		const char *near = NULL;
		for (size_t i = 0; i + 1 < y->n && !near; i += 2)
			if (y->kids[i]->kind == Y_SCALAR)
				near = closest_word(y->kids[i]->s, block_keys, BK_COUNT);
		lerr(L, y->line, y->col,
		     "a block needs one of the keys p, list, q, note, claim, term, action or signs%s%s%s",
		     near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
		return;
	}
	for (size_t i = 0; i + 1 < y->n; i += 2) {
		const struct ynode *k = y->kids[i];
		for (int b = 0; b < BK_COUNT && k->kind == Y_SCALAR; b++)
			if (b != (int)kind && strcmp(k->s, block_keys[b]) == 0)
				lerr(L, k->line, k->col, "a block cannot be both '%s' and '%s'",
				     block_keys[kind], k->s);
	}
	static const char *const what[BK_COUNT] = {
		[BK_P] = "a paragraph",    [BK_LIST] = "a list",
		[BK_Q] = "a question",     [BK_NOTE] = "a note",
		[BK_CLAIM] = "a claim",    [BK_TERM] = "a glossary term",
		[BK_ACTION] = "an action", [BK_SIGNS] = "a list of signs",
	};
	/* Other kinds' keys were reported just above; do not report them twice. */
	const char *allowed[16];
	size_t na = 0;
	for (size_t i = 0; block_allowed[kind][i]; i++)
		allowed[na++] = block_allowed[kind][i];
	for (int b = 0; b < BK_COUNT; b++)
		if (b != (int)kind)
			allowed[na++] = block_keys[b];
	allowed[na] = NULL;
	check_keys(L, y, allowed, what[kind]);
	struct node *n;
	switch (kind) {
	case BK_P:
		n = node_new(L, NODE_PARA, y, sec);
		n->text = get_text(L, y, "p", TEXT_REQUIRED, what[kind]);
		get_sources(L, y, "sources", &n->sources, &n->nsources, true, what[kind]);
		break;
	case BK_LIST: {
		n = node_new(L, NODE_LIST, y, sec);
		n->text = get_text(L, y, "list", TEXT_REQUIRED_MAY_BE_EMPTY, what[kind]);
		n->cites = map_get(y, "sources") != NULL;
		get_sources(L, y, "sources", &n->sources, &n->nsources, false, what[kind]);
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
		break;
	}
	case BK_Q:
		n = node_new(L, NODE_QA, y, sec);
		n->title = get_text(L, y, "q", TEXT_REQUIRED, what[kind]);
		n->text = get_text(L, y, "a", TEXT_REQUIRED, what[kind]);
		get_sources(L, y, "sources", &n->sources, &n->nsources, true, what[kind]);
		break;
	case BK_NOTE:
		n = node_new(L, NODE_NOTE, y, sec);
		n->text = get_text(L, y, "note", TEXT_REQUIRED, what[kind]);
		get_sources(L, y, "sources", &n->sources, &n->nsources, true, what[kind]);
		break;
	case BK_CLAIM:
		n = node_new(L, NODE_CLAIM, y, sec);
		n->text = get_text(L, y, "claim", TEXT_REQUIRED, what[kind]);
		n->context = get_text(L, y, "context", TEXT_REQUIRED, what[kind]);
		get_sources(L, y, "sources", &n->sources, &n->nsources, true, what[kind]);
		get_sources(L, y, "context_sources", &n->context_sources, &n->ncontext_sources,
			    true, what[kind]);
		break;
	case BK_TERM:
		n = node_new(L, NODE_TERM, y, sec);
		n->title = get_text(L, y, "term", TEXT_REQUIRED, what[kind]);
		n->text = get_text(L, y, "means", TEXT_REQUIRED, what[kind]);
		get_strv(L, y, "also_called", &n->also_called);
		get_sources(L, y, "sources", &n->sources, &n->nsources, true, what[kind]);
		break;
	case BK_ACTION:
		n = node_new(L, NODE_ACTION, y, sec);
		n->text = get_text(L, y, "action", TEXT_REQUIRED, what[kind]);
		if (map_get(y, "level") == NULL)
			lerr(L, y->line, y->col, "an action is missing the required key 'level'");
		n->urgency = get_urgency(L, y, "level");
		get_sources(L, y, "sources", &n->sources, &n->nsources, true, what[kind]);
		break;
	case BK_SIGNS:
		n = node_new(L, NODE_SIGNS, y, sec);
		get_strv(L, y, "signs", &n->see_also);
		break;
	case BK_COUNT:
		break;
	}
}

static const char *const section_keys[] = { "id",   "title",    "also_called", "see_also",
					    "body", "sections", NULL };
/* A topic file's own section may also say when the file was last reviewed. */
static const char *const topic_keys[] = { "id",   "title",    "also_called", "see_also",
					  "body", "sections", "reviewed",    NULL };

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

/* A section and everything in it, as the last child of parent; a topic file's
 * own section (parent_id NULL) is made without a parent and returned. */
static struct node *build_section(struct loader *L, const struct ynode *y, struct node *parent,
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

static void build_sources(struct loader *L, const struct ynode *y)
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

static const char *intern_file(struct content *c, const char *path)
{
	c->files = xgrow(c->files, c->nfiles, sizeof *c->files);
	c->files[c->nfiles] = xstrdup(path);
	return c->files[c->nfiles++];
}

static bool is_sources_file(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return strcmp(base, "sources.yaml") == 0;
}

/* The YAML document of one file's bytes, or NULL after reporting why not. */
static struct ynode *parse_file(struct loader *L, const char *data, size_t len)
{
	/* A byte order mark opens many files saved by Windows editors. libyaml
	 * skips one only when it detects the encoding itself, and we tell it the
	 * encoding; so the mark is skipped here, and columns count after it. */
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (!prescan(L, data, len))
		return NULL;
	size_t errors = diag_errors();
	struct ynode *doc = parse(L, data, len);
	if (doc == NULL && diag_errors() == errors)
		lerr(L, 1, 1, "the file holds no YAML document");
	return doc;
}

/* Read a sources file into c; *seen is set when the file held a YAML document. */
static void load_sources(struct content *c, const char *path, const char *data, size_t len,
			 bool *seen)
{
	struct arena yaml = { 0 };
	char reviewed[11] = "";
	struct loader L = { .c = c,
			    .mem = &c->mem,
			    .file = intern_file(c, path),
			    .yaml = &yaml,
			    .reviewed = reviewed };
	struct ynode *doc = parse_file(&L, data, len);
	if (doc) {
		*seen = true;
		build_sources(&L, doc);
	}
	arena_free(&yaml);
	if (strcmp(reviewed, c->reviewed) > 0)
		memcpy(c->reviewed, reviewed, sizeof reviewed);
}

/* Read a whole file, refusing what is not a regular file or is too large. */
static char *read_file(const char *path, size_t *len)
{
	/* O_NONBLOCK: a FIFO named x.yaml must be refused, not waited on. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		diag(DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag(DIAG_ERROR, path, 0, 0, "not a regular file");
		close(fd);
		return NULL;
	}
	if (st.st_size > LOAD_MAX_FILE_BYTES) {
		diag(DIAG_ERROR, path, 0, 0, "file is larger than %d MiB",
		     LOAD_MAX_FILE_BYTES / (1024 * 1024));
		close(fd);
		return NULL;
	}
	size_t cap = (size_t)st.st_size, n = 0;
	char *data = xmalloc(cap + 1);
	for (;;) {
		ssize_t r = read(fd, data + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diag(DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
			close(fd);
			free(data);
			return NULL;
		}
		if (r == 0 || (n += (size_t)r) == cap)
			break;
	}
	close(fd);
	data[n] = '\0';
	*len = n;
	return data;
}

/*
 * Topic files are read in parallel: each is independent once the sources are
 * known. Workers take the next file in turn; each file's diagnostics are held
 * in its own log and its section is built without a parent, and afterwards
 * the logs are replayed and the sections linked in file order, so the result
 * and the messages do not depend on which thread read what.
 */
struct topic {
	const char *path; /* interned */
	const char *data; /* the bytes, or NULL to read them from path */
	size_t len;
	struct node *top; /* the file's section, linked under the root afterwards */
	bool failed;      /* an error was reported while reading it */
	struct diag_log log;
	bool done;         /* under pool.lock */
	char reviewed[11]; /* the file's 'reviewed' date, or "" */
};

struct pool {
	struct content *c; /* read only while workers run */
	struct topic *t;
	size_t n;
	atomic_size_t next; /* the next topic to take */
	bool capture;       /* several threads: hold diagnostics back */
	pthread_mutex_t lock;
	pthread_cond_t done; /* a topic is done, or a worker has started */
	size_t started;      /* under lock: workers that took their memory */
};

struct worker {
	struct pool *p;
	struct arena mem;  /* the nodes this worker built, handed to the content at the end */
	struct arena yaml; /* scratch for each file's YAML tree, kept from file to file */
	pthread_t tid;
};

static void load_topic(struct content *c, struct arena *mem, struct arena *yaml, struct topic *t)
{
	size_t len = t->len, errors = diag_errors();
	char *owned = NULL;
	const char *data = t->data;
	if (data == NULL && (data = owned = read_file(t->path, &len)) == NULL) {
		t->failed = true;
		return;
	}
	struct loader L = {
		.c = c, .mem = mem, .file = t->path, .yaml = yaml, .reviewed = t->reviewed
	};
	struct ynode *doc = parse_file(&L, data, len);
	if (doc)
		t->top = build_section(&L, doc, NULL, NULL);
	arena_reset(yaml);
	free(L.seen);
	free(owned);
	t->failed = diag_errors() != errors;
}

/* Read topic i as worker w, and say it is done. */
static void take_topic(struct worker *w, size_t i)
{
	struct pool *p = w->p;
	if (p->capture)
		diag_capture(&p->t[i].log);
	load_topic(p->c, &w->mem, &w->yaml, &p->t[i]);
	if (p->capture)
		diag_capture(NULL);
	pthread_mutex_lock(&p->lock);
	p->t[i].done = true;
	pthread_cond_broadcast(&p->done);
	pthread_mutex_unlock(&p->lock);
}

static void *work(void *arg)
{
	struct worker *w = arg;
	for (size_t i; (i = atomic_fetch_add(&w->p->next, 1)) < w->p->n;)
		take_topic(w, i);
	return NULL;
}

/* The function of each extra thread: say it has started, then read topics. */
static void *work_thread(void *arg)
{
	struct worker *w = arg;
	/* A thread's first allocation gives it its own C library heap, which
	 * holds address space; the next thread is only started after this one
	 * holds its own, so the room asked for before it is room still left. */
	free(xmalloc(1));
	pthread_mutex_lock(&w->p->lock);
	w->p->started++;
	pthread_cond_broadcast(&w->p->done);
	pthread_mutex_unlock(&w->p->lock);
	return work(w);
}

static bool topic_done(struct pool *p, size_t i)
{
	pthread_mutex_lock(&p->lock);
	bool done = p->t[i].done;
	pthread_mutex_unlock(&p->lock);
	return done;
}

/* Hand every topic to the watch in file order. Until the next one is read,
 * this thread reads others rather than wait; only when none is left to take
 * does it wait. So as many threads run as there are jobs, no more. */
static void watch_topics(struct worker *w, const struct load_watch *watch)
{
	struct pool *p = w->p;
	for (size_t i = 0; i < p->n; i++) {
		while (!topic_done(p, i)) {
			size_t k = atomic_fetch_add(&p->next, 1);
			if (k < p->n) {
				take_topic(w, k);
				continue;
			}
			pthread_mutex_lock(&p->lock);
			while (!p->t[i].done)
				pthread_cond_wait(&p->done, &p->lock);
			pthread_mutex_unlock(&p->lock);
		}
		if (p->t[i].top && !p->t[i].failed)
			watch->topic(watch->arg, p->t[i].top);
	}
}

/* Threads to read n topic files with: EXOREAD_JOBS, or one per usable processor up to 8. */
static size_t load_jobs(size_t n)
{
	/* The processors this process may run on (taskset, cpusets), not all. */
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
#ifdef CPU_COUNT
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		jobs = CPU_COUNT(&set);
#endif
	if (jobs > 8)
		jobs = 8;
	const char *e = getenv("EXOREAD_JOBS");
	if (e && *e) {
		char *end;
		errno = 0;
		long v = strtol(e, &end, 10);
		if (errno || *end || v < 1 || v > LOAD_MAX_JOBS)
			msg("EXOREAD_JOBS=%s is not a number from 1 to %d; ignored", e,
			    LOAD_MAX_JOBS);
		else
			jobs = v;
	}
	if (jobs < 1 || n < 2)
		return 1;
	return (size_t)jobs < n ? (size_t)jobs : n;
}

/*
 * Read the topic files into c and link their sections in order. With a watch, this thread hands each file's section to it, in file
 * order, as soon as the file is read, and reads files itself in between.
 */
static void load_topics(struct content *c, struct topic *t, size_t n,
			const struct load_watch *watch)
{
	size_t jobs = load_jobs(n), started = 0;
	struct worker *w = xcalloc(jobs, sizeof *w);
	struct pool p = { .c = c, .t = t, .n = n, .capture = jobs > 1 };
	atomic_init(&p.next, 0);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.done, NULL);
	for (size_t k = 0; k < jobs; k++)
		w[k].p = &p;
	/* w[0] is this thread's. A thread that cannot be started leaves more
	 * work for the others; so does one there is no memory for, as much as a
	 * worker commonly needs, asked for (and given back) before it starts. A
	 * worker's stack is small: reading a file takes no deep recursion. */
	pthread_attr_t attr;
	bool attr_ok = pthread_attr_init(&attr) == 0;
	if (attr_ok)
		pthread_attr_setstacksize(&attr, LOAD_THREAD_STACK);
	for (size_t k = 1; k < jobs; k++) {
		void *room = malloc(LOAD_THREAD_MEM);
		if (room == NULL)
			break;
		free(room);
		if (pthread_create(&w[k].tid, attr_ok ? &attr : NULL, work_thread, &w[k]) != 0)
			break;
		started = k;
		pthread_mutex_lock(&p.lock);
		while (p.started < k)
			pthread_cond_wait(&p.done, &p.lock);
		pthread_mutex_unlock(&p.lock);
	}
	if (attr_ok)
		pthread_attr_destroy(&attr);
	if (watch)
		watch_topics(&w[0], watch);
	else
		work(&w[0]);
	for (size_t k = 1; k <= started; k++)
		pthread_join(w[k].tid, NULL);
	pthread_cond_destroy(&p.done);
	pthread_mutex_destroy(&p.lock);
	for (size_t i = 0; i < n; i++) {
		if (p.capture)
			diag_replay(&t[i].log);
		if (strcmp(t[i].reviewed, c->reviewed) > 0)
			memcpy(c->reviewed, t[i].reviewed, sizeof c->reviewed);
	}
	for (size_t i = 0; i < n; i++)
		if (t[i].top)
			prepend_child(c->root, t[i].top);
	reverse_children(c->root);
	for (size_t k = 0; k < jobs; k++) {
		arena_adopt(&c->mem, &w[k].mem);
		arena_free(&w[k].yaml);
	}
	free(w);
}

static struct content *content_new(const char *dir)
{
	struct content *c = xcalloc(1, sizeof *c);
	c->root = xcalloc(1, sizeof *c->root);
	c->root->type = NODE_ROOT;
	c->dir = xstrdup(dir ? dir : ".");
	return c;
}

/*
 * Load n files, given by name and, for load_mem(), by their bytes (data NULL:
 * read the file). Sources files come first, since statements resolve their
 * sources as they are read; then the topic files, in the order given.
 */
static struct content *load_all(const char *dir, const char *const *names, const char *const *data,
				const size_t *lens, size_t n, const struct load_watch *watch)
{
	struct content *c = content_new(dir);
	size_t errors = diag_errors(), ntopics = 0;
	bool saw_sources = false;
	for (size_t i = 0; i < n; i++) {
		if (!is_sources_file(names[i])) {
			ntopics++;
			continue;
		}
		size_t len = data ? lens[i] : 0;
		char *owned = data ? NULL : read_file(names[i], &len);
		if (data || owned)
			load_sources(c, names[i], data ? data[i] : owned, len, &saw_sources);
		free(owned);
	}
	index_sources(c);
	struct topic *t = xcalloc(ntopics + 1, sizeof *t);
	for (size_t i = 0, k = 0; i < n; i++)
		if (!is_sources_file(names[i]))
			t[k++] = (struct topic){ .path = intern_file(c, names[i]),
						 .data = data ? data[i] : NULL,
						 .len = data ? lens[i] : 0 };
	load_topics(c, t, ntopics, watch);
	free(t);
	if (!saw_sources)
		diag(DIAG_ERROR, c->dir, 0, 0,
		     "no sources.yaml: statements have no sources to cite");
	validate(c);
	if (diag_errors() != errors) {
		content_free(c);
		return NULL;
	}
	return c;
}

struct content *load_mem(const struct load_file *files, size_t n)
{
	const char **names = xcalloc(n + 1, sizeof *names);
	const char **data = xcalloc(n + 1, sizeof *data);
	size_t *lens = xcalloc(n + 1, sizeof *lens);
	for (size_t i = 0; i < n; i++) {
		names[i] = files[i].name;
		data[i] = files[i].data;
		lens[i] = files[i].len;
	}
	struct content *c = load_all(".", names, data, lens, n, NULL);
	free(names);
	free(data);
	free(lens);
	return c;
}

struct content *load_files(const char *const *paths, size_t npaths, const char *dir)
{
	for (size_t i = 0; i < npaths; i++)
		if (is_sources_file(paths[i]))
			return load_all(dir, paths, NULL, NULL, npaths, NULL);
	/* A topic file checked on its own cites the sources kept beside it. */
	const char *slash = npaths ? strrchr(paths[0], '/') : NULL;
	char *beside = slash ? xasprintf("%.*ssources.yaml", (int)(slash - paths[0] + 1), paths[0])
			     : xstrdup("sources.yaml");
	struct stat st;
	struct content *c;
	if (stat(beside, &st) == 0 && S_ISREG(st.st_mode)) {
		const char **all = xcalloc(npaths + 1, sizeof *all);
		all[0] = beside;
		memcpy(all + 1, paths, npaths * sizeof *paths);
		c = load_all(dir, all, NULL, NULL, npaths + 1, NULL);
		free(all);
	} else {
		c = load_all(dir, paths, NULL, NULL, npaths, NULL);
	}
	free(beside);
	return c;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".yaml") == 0 && name[0] != '.';
}

struct content *load_dir(const char *dir)
{
	return load_dir_watch(dir, NULL);
}

struct content *load_dir_watch(const char *dir, const struct load_watch *watch)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		diag(DIAG_ERROR, dir, 0, 0, "cannot open content folder: %s", strerror(errno));
		return NULL;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	bool too_many = false;
	while ((e = readdir(d)) != NULL) {
		if (!has_yaml_suffix(e->d_name))
			continue;
		if (n >= LOAD_MAX_FILES) {
			too_many = true;
			break;
		}
		names = xgrow(names, n, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	struct content *c = NULL;
	if (too_many) {
		diag(DIAG_ERROR, dir, 0, 0, "more than %d .yaml files in the content folder",
		     LOAD_MAX_FILES);
	} else if (n == 0) {
		diag(DIAG_ERROR, dir, 0, 0, "no .yaml files in the content folder");
	} else {
		qsort(names, n, sizeof *names, cmp_str);
		char **paths = xcalloc(n, sizeof *paths);
		size_t dl = strlen(dir);
		for (size_t i = 0; i < n; i++)
			paths[i] = dl && dir[dl - 1] == '/' ? xasprintf("%s%s", dir, names[i])
							    : xasprintf("%s/%s", dir, names[i]);
		c = load_all(dir, (const char *const *)paths, NULL, NULL, n, watch);
		for (size_t i = 0; i < n; i++)
			free(paths[i]);
		free(paths);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return c;
}
