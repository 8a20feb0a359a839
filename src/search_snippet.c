/* search_snippet.c - snippets around the best match, and the marks on matched words.
 *
 * A hit shows about snippet_width columns of the text of its best block (the
 * one matching most units; ranking picks it), cut around the densest run of
 * matched words at word boundaries and started at a sentence or clause, so
 * that a cut never drops a "no" or "not" (snippet_start). Matched words are
 * marked with the same folding and stemming as the index, in snippets and in
 * any text the pager shows (search_match_text).
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "fold.h"
#include "search_int.h"
#include "text.h"
#include "util.h"

/* Whether term t is one of the plan's alternatives (direct: not as a synonym only). */
static bool in_plan(const struct plan *pl, uint32_t t, bool direct)
{
	for (size_t i = 0; i < pl->n; i++)
		for (size_t j = 0; j < pl->u[i].nw; j++)
			for (size_t a = 0; a < pl->u[i].w[j].nalts; a++)
				if (pl->u[i].w[j].alts[a].term == t &&
				    !(direct && pl->u[i].w[j].alts[a].syn))
					return true;
	return false;
}

struct mark_ctx {
	const struct search_index *ix;
	const struct plan *pl;
	const char *s;
	struct search_mark *m;
	size_t n, cap;
	bool direct; /* count only words matched as typed or corrected */
};

static int mark_span(void *arg, const struct fold_span *sp)
{
	struct mark_ctx *mc = arg;
	uint32_t t = span_term(mc->ix, mc->s + sp->start, sp->len);
	if (t == NO_TERM || !in_plan(mc->pl, t, mc->direct))
		return 0;
	if (mc->n == mc->cap) {
		mc->cap = mc->cap ? mc->cap * 2 : 8;
		mc->m = xreallocarray(mc->m, mc->cap, sizeof(*mc->m));
	}
	mc->m[mc->n++] = (struct search_mark){ .start = sp->start, .len = sp->len };
	return 0;
}

size_t plan_marks(const struct search_index *ix, const struct plan *pl, const char *s, size_t len,
		  struct search_mark **marks)
{
	struct mark_ctx mc = { .ix = ix, .pl = pl, .s = s };
	if (pl->n > 0 && s != NULL)
		fold_spans(ix->fold, s, len, mark_span, &mc);
	*marks = mc.m;
	return mc.n;
}

size_t search_match_text(const struct search_index *ix, const char *query, const char *s,
			 size_t len, struct search_mark **marks)
{
	struct plan pl;
	*marks = NULL;
	if (ix == NULL || query == NULL || s == NULL)
		return 0;
	plan_build(ix, query, &pl);
	size_t n = plan_marks(ix, &pl, s, len, marks);
	plan_free(&pl);
	return n;
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/* Append t[a..b) with whitespace runs as one space, made terminal-safe. */
static void put_range(struct buf *out, const char *t, size_t a, size_t b, bool *lastsp)
{
	while (a < b) {
		if (is_space(t[a])) {
			if (!*lastsp)
				buf_putc(out, ' ');
			*lastsp = true;
			a++;
			continue;
		}
		size_t e = a;
		while (e < b && !is_space(t[e]))
			e++;
		text_sanitize(out, t + a, e - a);
		*lastsp = false;
		a = e;
	}
}

/* Byte offset and starting column of each code point, whitespace runs counting once. */
struct cpos {
	size_t *off, *col;
	size_t n;
};

static void cpos_build(struct cpos *cp, const char *t, size_t len)
{
	cp->off = xreallocarray(NULL, len + 1, sizeof(size_t));
	cp->col = xreallocarray(NULL, len + 1, sizeof(size_t));
	cp->n = 0;
	size_t col = 0;
	bool lastsp = false;
	for (size_t i = 0; i < len;) {
		uint32_t c;
		size_t k = text_decode(t + i, len - i, &c);
		cp->off[cp->n] = i;
		cp->col[cp->n++] = col;
		if (is_space(t[i])) {
			col += !lastsp;
			lastsp = true;
		} else {
			size_t w = text_is_unsafe(c, false) ? text_width(t + i, k)
							    : (size_t)text_cp_width(c);
			col += w;
			lastsp = false;
		}
		i += k;
	}
	cp->off[cp->n] = len;
	cp->col[cp->n] = col;
}

/* Index of the code point starting at byte b (or the next one). */
static size_t cpos_at(const struct cpos *cp, size_t b)
{
	size_t lo = 0, hi = cp->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp->off[mid] < b)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Whether code point i starts a sentence or clause: the text's start, or the
 * first letter after ". ", "? ", "! ", "; ", ": " or ", ". */
static bool clause_start(const char *t, const struct cpos *cp, size_t i)
{
	if (i == 0)
		return true;
	if (is_space(t[cp->off[i]]) || !is_space(t[cp->off[i - 1]]))
		return false;
	size_t k = i - 1;
	while (k > 0 && is_space(t[cp->off[k]]))
		k--;
	return strchr(".?!;:,", t[cp->off[k]]) != NULL && !is_space(t[cp->off[k]]);
}

/* The byte offset of the last word in [a, b) of t that turns a statement
 * round ("no", "not", "never", "n't" ...), or b when there is none. */
static size_t last_negation(const char *t, size_t a, size_t b)
{
	static const char *const neg[] = { "no",  "not",     "never",  "cannot",  "none",
					   "nor", "nothing", "nobody", "without", NULL };
	size_t last = b;
	for (size_t i = a; i < b;) {
		while (i < b && !isalpha((unsigned char)t[i]))
			i++;
		size_t w = i;
		while (i < b && (isalpha((unsigned char)t[i]) || t[i] == '\''))
			i++;
		bool hit = i - w >= 3 && strncmp(t + i - 3, "n't", 3) == 0;
		for (size_t k = 0; neg[k] && !hit; k++)
			hit = strlen(neg[k]) == i - w && strncasecmp(t + w, neg[k], i - w) == 0;
		if (hit)
			last = w;
	}
	return last;
}

/*
 * Where a snippet that would start at code point i0 starts instead: at the
 * start of its sentence or clause, so that a cut never drops the "No." or
 * "not" that turns the rest round ("No. Right now no product is approved"
 * must not read "…product is approved"). A short sentence just before (an
 * answer such as "No." or "Not yet.") comes along. When the clause is too
 * long for the anchor to stay in view from its start, the snippet starts at
 * the last negation the cut would drop, if any: the meaning matters more
 * than the highlight.
 */
static size_t snippet_start(const char *t, const struct cpos *cp, size_t i0, size_t anchor,
			    size_t width)
{
	size_t k = i0;
	while (k > 0 && !clause_start(t, cp, k))
		k--;
	if (k > 0) {
		size_t p = k - 1;
		while (p > 0 && !clause_start(t, cp, p))
			p--;
		if (cp->col[k] - cp->col[p] <= 12 && anchor - cp->col[p] + 8 <= width)
			k = p;
	}
	if (k == i0 || anchor - cp->col[k] + 8 <= width)
		return k;
	size_t neg = last_negation(t, cp->off[k], cp->off[i0]);
	return neg < cp->off[i0] ? cpos_at(cp, neg) : i0;
}

/* The column of the mark that begins the densest run of marks: the most
 * marks ending within two thirds of width of it. */
static size_t densest_anchor(const struct cpos *cp, const struct search_mark *m, size_t nm,
			     size_t width)
{
	size_t anchor = 0, best = 0;
	for (size_t i = 0; i < nm; i++) {
		size_t ci = cp->col[cpos_at(cp, m[i].start)], cnt = 0;
		for (size_t j = i; j < nm; j++)
			cnt += cp->col[cpos_at(cp, m[j].start + m[j].len)] <= ci + width * 2 / 3;
		if (cnt > best) {
			best = cnt;
			anchor = ci;
		}
	}
	return anchor;
}

/* The code point a window starts at that shows the anchor a quarter of width
 * in: at a word, then at its clause (snippet_start). */
static size_t window_start(const char *t, const struct cpos *cp, size_t anchor, size_t width)
{
	size_t scol = anchor > width / 4 ? anchor - width / 4 : 0;
	size_t i0 = 0;
	while (i0 < cp->n && cp->col[i0] < scol)
		i0++;
	/* Start at a word: skip the rest of a cut word, but never past the anchor. */
	if (i0 > 0 && !is_space(t[cp->off[i0 - 1]])) {
		size_t i = i0;
		while (i < cp->n && !is_space(t[cp->off[i]]) && cp->col[i] < anchor)
			i++;
		if (i < cp->n && is_space(t[cp->off[i]]))
			i0 = i;
	}
	while (i0 < cp->n && is_space(t[cp->off[i0]]))
		i0++;
	return snippet_start(t, cp, i0, anchor, width);
}

/* The code point a window from i0 ends at: what fits in width beside the
 * "…" marks, cut back to a word end when that stays past the anchor. */
static size_t window_end(const char *t, const struct cpos *cp, size_t i0, size_t anchor,
			 size_t width)
{
	size_t avail = width - (i0 > 0) - 1;
	size_t i1 = i0;
	while (i1 < cp->n && cp->col[i1 + 1] - cp->col[i0] <= avail)
		i1++;
	if (i1 < cp->n) {
		size_t j = i1;
		while (j > i0 && !is_space(t[cp->off[j]]))
			j--;
		if (j > i0 && cp->col[j] > anchor)
			i1 = j;
	}
	return i1;
}

/* Store t[b0, b1) in h as a terminal-safe snippet, with "…" where text was
 * cut, and the marks that lie inside it. */
static void snippet_write(const char *t, size_t len, size_t b0, size_t b1,
			  const struct search_mark *m, size_t nm, struct search_hit *h)
{
	struct buf out = { 0 };
	buf_add(&out, "", 0);
	bool lastsp = false;
	if (b0 > 0) {
		buf_puts(&out, "\u2026");
		lastsp = true;
	}
	size_t at = b0;
	h->marks = NULL;
	h->nmarks = 0;
	for (size_t i = 0; i < nm; i++) {
		size_t s = m[i].start, e = m[i].start + m[i].len;
		if (s < at || e > b1)
			continue;
		put_range(&out, t, at, s, &lastsp);
		size_t ms = out.len;
		put_range(&out, t, s, e, &lastsp);
		h->marks = xgrow(h->marks, h->nmarks, sizeof(*h->marks));
		h->marks[h->nmarks++] = (struct search_mark){ .start = ms, .len = out.len - ms };
		at = e;
	}
	put_range(&out, t, at, b1, &lastsp);
	if (b1 < len)
		buf_puts(&out, "\u2026");
	h->snippet = xrealloc(out.s, out.len + 1); /* trimmed: a hit list can hold thousands */
}

/*
 * Cut a window of about width columns out of t around the densest run of
 * marks, at word boundaries, with "…" where text was cut; store the
 * terminal-safe snippet and its marks in h.
 */
void make_snippet(const char *t, size_t len, const struct search_mark *m, size_t nm, size_t width,
		  struct search_hit *h)
{
	struct cpos cp;
	cpos_build(&cp, t, len);
	size_t b0 = 0, b1 = len;
	if (width < 8)
		width = 8;
	if (cp.col[cp.n] > width) {
		size_t anchor = densest_anchor(&cp, m, nm, width);
		size_t i0 = window_start(t, &cp, anchor, width);
		b0 = cp.off[i0];
		b1 = cp.off[window_end(t, &cp, i0, anchor, width)];
	}
	while (b1 > b0 && is_space(t[b1 - 1]))
		b1--;
	while (b0 < b1 && is_space(t[b0]))
		b0++;
	snippet_write(t, len, b0, b1, m, nm, h);
	free(cp.off);
	free(cp.col);
}

/* Whether a word of the plan, as typed or corrected (not a synonym), is in s. */
static bool says_directly(const struct search_index *ix, const struct plan *pl, const char *s)
{
	struct mark_ctx mc = { .ix = ix, .pl = pl, .s = s, .direct = true };
	fold_spans(ix->fold, s, strlen(s), mark_span, &mc);
	free(mc.m);
	return mc.n > 0;
}

/*
 * The text shown for a match in src: a QA shows question and answer, a term
 * its meaning, an item its text, led by the lay name that matched when the
 * query said it and the text does not ("sore" shows "soreness: Pain. …"); a
 * name reached only through a synonym is not shown.
 */
void snippet_source(const struct search_index *ix, const struct plan *pl, uint32_t src,
		    struct buf *b)
{
	const struct node *n = ix->srcs[src].node;
	buf_reset(b);
	buf_add(b, "", 0);
	switch (n->type) {
	case NODE_QA:
		buf_printf(b, "%s %s", n->title ? n->title : "", n->text ? n->text : "");
		break;
	case NODE_TERM:
		buf_printf(b, "%s: %s", n->title ? n->title : "", n->text ? n->text : "");
		break;
	case NODE_ACTION:
		/* As readers see it, with the number to call put in. */
		config_action_text(b, n);
		break;
	case NODE_ITEM:
		/* The name first, as a term's: the match stays in view however narrow. */
		if (n->text && ix->srcs[src].field == F_ALSO && !says_directly(ix, pl, n->text) &&
		    says_directly(ix, pl, src_text(ix, src)))
			buf_printf(b, "%s: ", src_text(ix, src));
		buf_puts(b, n->text ? n->text : src_text(ix, src));
		break;
	default:
		buf_puts(b, src_text(ix, src));
		break;
	}
}
