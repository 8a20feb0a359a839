/* load_yaml.c - libyaml events -> a small located YAML tree.
 *
 * The bytes are checked first (prescan()), so a bad byte gets an exact
 * line:col; then parse_events() turns events into plain mappings, sequences
 * and scalars with their marks, refusing anchors, aliases, tags and anything
 * over the limits. The builder (load_build.c) reads the tree.
 */
#include "load_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "text.h"
#include "util.h"

static bool lint; /* load_set_lint() */

void load_set_lint(bool on)
{
	lint = on;
}

void lerr(struct loader *L, int line, int col, const char *fmt, ...)
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
void check_scalar(struct loader *L, const struct ynode *y)
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

static void parser_error(struct loader *L, const yaml_parser_t *p)
{
	const char *what = p->problem ? p->problem : "syntax error";
	int line = (int)p->problem_mark.line + 1, col = (int)p->problem_mark.column + 1;
	if (p->context)
		lerr(L, line, col, "YAML: %s %s", what, p->context);
	else
		lerr(L, line, col, "YAML: %s", what);
}

/* Where parse_events() is: the collections still open, innermost last. */
struct yparse {
	struct ynode *open[LOAD_MAX_DEPTH + 1];
	size_t depth;
	struct ynode *doc; /* the document's top node */
	int ndocs;
	bool done; /* the stream has ended */
};

/* A scalar event's node; NULL after reporting that it is too long. */
static struct ynode *scalar_node(struct loader *L, const yaml_event_t *ev, int line, int col)
{
	if (ev->data.scalar.length > LOAD_MAX_TEXT) {
		lerr(L, line, col, "text longer than %d bytes", LOAD_MAX_TEXT);
		return NULL;
	}
	struct ynode *y = ynode_new(L, Y_SCALAR, &ev->start_mark);
	y->len = ev->data.scalar.length;
	y->s = arena_strndup(L->yaml, (const char *)ev->data.scalar.value, y->len);
	y->quoted = ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE;
	y->escaped = ev->data.scalar.style == YAML_DOUBLE_QUOTED_SCALAR_STYLE;
	y->end_line = (int)ev->end_mark.line + 1;
	y->end_col = (int)ev->end_mark.column + 1;
	return y;
}

/* The node an event makes (NULL for none) into *y, with its anchor and tag.
 * Returns false after reporting an event that is not allowed. */
static bool event_node(struct loader *L, struct yparse *st, const yaml_event_t *ev,
		       struct ynode **y, const yaml_char_t **anchor, const yaml_char_t **tag)
{
	int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;
	switch (ev->type) {
	case YAML_STREAM_END_EVENT:
		st->done = true;
		return true;
	case YAML_DOCUMENT_START_EVENT:
		if (++st->ndocs > 1) {
			lerr(L, line, col, "only one YAML document is allowed in a file");
			return false;
		}
		return true;
	case YAML_ALIAS_EVENT:
		lerr(L, line, col, "YAML aliases (*%s) are not allowed",
		     (const char *)ev->data.alias.anchor);
		return false;
	case YAML_SCALAR_EVENT:
		*anchor = ev->data.scalar.anchor;
		*tag = ev->data.scalar.tag;
		*y = scalar_node(L, ev, line, col);
		return *y != NULL;
	case YAML_SEQUENCE_START_EVENT:
		*anchor = ev->data.sequence_start.anchor;
		*tag = ev->data.sequence_start.tag;
		*y = ynode_new(L, Y_SEQ, &ev->start_mark);
		return true;
	case YAML_MAPPING_START_EVENT:
		*anchor = ev->data.mapping_start.anchor;
		*tag = ev->data.mapping_start.tag;
		*y = ynode_new(L, Y_MAP, &ev->start_mark);
		return true;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (st->depth > 0)
			st->depth--;
		return true;
	default:
		return true;
	}
}

/* Put y in the tree: in the innermost open collection, or as the document;
 * a collection is open until its end event. Returns false after reporting
 * nesting too deep. */
static bool attach(struct loader *L, struct yparse *st, struct ynode *y, int line, int col)
{
	if (st->depth > 0)
		ynode_add(L, st->open[st->depth - 1], y);
	else if (st->doc == NULL)
		st->doc = y;
	if (y->kind == Y_SCALAR)
		return true;
	if (st->depth >= LOAD_MAX_DEPTH) {
		lerr(L, line, col, "nesting deeper than %d levels", LOAD_MAX_DEPTH);
		return false;
	}
	st->open[st->depth++] = y;
	return true;
}

/* Take one event into the tree. Returns false after reporting an error. */
static bool take_event(struct loader *L, struct yparse *st, const yaml_event_t *ev)
{
	int line = (int)ev->start_mark.line + 1, col = (int)ev->start_mark.column + 1;
	struct ynode *y = NULL;
	const yaml_char_t *anchor = NULL, *tag = NULL;
	if (!event_node(L, st, ev, &y, &anchor, &tag))
		return false;
	if (anchor) {
		lerr(L, line, col, "YAML anchors (&%s) are not allowed", (const char *)anchor);
		return false;
	}
	if (tag) {
		lerr(L, line, col, "YAML tags (%s) are not allowed", (const char *)tag);
		return false;
	}
	if (L->nodes > LOAD_MAX_NODES) {
		lerr(L, line, col, "more than %d YAML nodes in one file", LOAD_MAX_NODES);
		return false;
	}
	return y == NULL || attach(L, st, y, line, col);
}

/* Parse one YAML stream into a ynode tree; NULL after reporting an error. */
static struct ynode *parse_events(struct loader *L, const char *data, size_t len)
{
	yaml_parser_t p;
	yaml_event_t ev;
	struct yparse st = { .doc = NULL };
	bool ok = true;

	/* libyaml fails to start only when its buffers cannot be allocated. */
	if (!yaml_parser_initialize(&p))
		xoom();
	yaml_parser_set_input_string(&p, (const unsigned char *)data, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	while (ok && !st.done) {
		if (!yaml_parser_parse(&p, &ev)) {
			parser_error(L, &p);
			ok = false;
			break;
		}
		ok = take_event(L, &st, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	return ok ? st.doc : NULL;
}

struct ynode *parse_yaml(struct loader *L, const char *data, size_t len)
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
	struct ynode *doc = parse_events(L, data, len);
	if (doc == NULL && diag_errors() == errors)
		lerr(L, 1, 1, "the file holds no YAML document");
	return doc;
}
