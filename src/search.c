/* search.c - ranked search over sections, and the API of search.h.
 *
 * Ranking, in two passes (the second for at most RERANK_MAX + RERANK_EXTRA).
 * First, BM25F over the section lists: a unit's count in a section is the
 * field-weighted count of its alternatives, each times its weight over the best
 * alternative's (title 3, section also_called 2.5, question, glossary term and
 * a section's questions 2, a list item's also_called and name, item_name, 1.8,
 * body and answer 1),
 * saturated as f (k1 + 1) / (f + k1 (1 - b + b len / avglen)) with k1 =
 * BM25_K1, b = BM25_B, len the words of the section's body text and answers
 * (titles and also_called entries do not make a section longer). It is
 * weighted by idf^2 (the query weighs its words by IDF as well as the
 * sections do), idf = ln(1 + (N - df + 0.5) / (df + 0.5)) over N sections,
 * so rare, meaning-bearing words dominate and common ones add little; by
 * the best alternative's weight (a corrected word ranks as the word would,
 * below it); never above UNNAMED_CAP times the heaviest naming word that
 * matched for a word the content uses only in running text, never in a title,
 * question, term or also_called ("look" is rare, but never outweighs "clinic"),
 * though a word only a section's questions say, never its shown text, is not
 * held down ("ibuprofen" outweighs "shot": ASKED);
 * and by FILLER_W for filler words ("after", "make"), never above FILLER_W
 * times the lightest meaning-bearing word that matched ("made" never outweighs
 * "exosomes"); a word that names a sign (a list item with an urgency: a word
 * of its name, the text's first short sentence, or an also_called entry of one
 * word; "running a temperature" makes no sign of "running") then weighs
 * SIGN_W times more, so the sign a patient names leads ("fever after
 * the iv"). When the query says what a sign is (or a slip of it), in the first
 * word of its text ("Swelling where the needle went in.") or a one-word
 * also_called ("queasy"), and that word itself is in at most SIGN_HEAD_DF of the
 * sections, a section that holds none of those words itself (a synonym
 * does not count: Storage's "temperature" is no fever) weighs SIGN_MISS: the
 * sign is what the query asks about, not the way it was given ("fever after
 * the iv drip", "nausea after iv"); but not one whose title or a QA's question
 * holds SIGN_MISS_TITLED of the query's other words that tell (not filler
 * words, "before"), a topic the query names too ("is it fda approved for
 * joint pain"); nor one that holds two words of emergency signs' names
 * the query says ("anaphylactic shock chest pain"). Sections are never
 * ordered by how many words they match. Each
 * section's sum is then multiplied by 1 + SPREAD * min(spread per unit,
 * SPREAD_MAX) (a section that comes back to a word in several prose blocks
 * explains it) and, when its title or a QA's question holds every unit (but one
 * in more than TITLE_ALL_DF of the sections, when others are left), by 1 +
 * (TITLE_ALL - 1) * min(1, units / content words of the title), and by
 * W_OVERVIEW for a section with subsections, a word list or the safety notice
 * (an overview leads to its subsections, a word list to the sections that use
 * its terms, the notice to those it sums up; they hold the facts), and by
 * W_OVERVIEW_SIGN more when the query says what a sign is (SIGN_HEAD_DF:
 * "fever after the iv drip" lists Call your provider before the Word list),
 * unless its title says every word of the query and no subsection's does. Second,
 * the best limit + RERANK_EXTRA sections are read with positions, from each
 * alternative's postings for just those sections, and multiplied by 1 +
 * PROXIMITY * (matched units - 1) / (the smallest window holding them), by
 * 1 + PHRASE * (share of the query's neighbouring words found side by side,
 * one dropped word allowed between, each pair weighing as its lighter word;
 * not a pair of two signs' heads, each listed on its own: "swelling and
 * redness" are no better said side by side in prose),
 * and by 1 + NAME_SAID when the query, as corrected, says one of the
 * section's names word for word, stop words and all, or with one word more
 * inside it (a title, a section's also_called or a term, not a word list's, of 2 to
 * MAX_SAID_WORDS words: "my shot site is hot" says "shot site", "why do side
 * effects happen" says "why side effects happen"; hashes of those names are
 * kept per section, see said_build), and a word of it in at most TITLE_ALL_DF
 * of the sections, when the query has one ("exosome treatment", which most
 * sections say, is no name said in "pt on prednisone ... exosome tx"). The
 * constants were chosen on
 * tests/relevance.tsv and checked on questions written later, before they
 * were run.
 *
 * No answer. A query with MAX_LACKING or more words that bear meaning and
 * matched nothing asks about what the content lacks, and is not answered,
 * unless a word that matched names a sign ("is wharton jelly source safer"
 * lacks "wharton" and "jelly"; "my chest is tight and i am wheezing" names
 * one: a sign is always found, but see below), or more naming words that
 * tell matched than it lacks (a long question asks about what it names: "my daughter wants
 * exosomes for her acne scars, are there long term risks" lacks "acne" and
 * "scars"). A sign in a part of the body no shot goes into
 * that the content does not name ("chest pain after the shot") is not
 * answered by the signs of the shot, only by a word of an emergency sign's
 * names ("hives on my chest", "swollen lips"), and the signs are pointed
 * to (res.since). Nor is one whose words before "after",
 * "before" or "during" all lack, when no sign matched: it asks about them
 * ("woozy after the drip"; topic_lacking). When no sign matched, nor is a
 * question of how long or how soon when no word of it that tells, but the
 * time it asks of, is in a section that gives times (one that asks how long
 * or how soon, or lists signs: "how long do results last"; timed_found,
 * TIMED); nor one that asks how to report to the FDA or about a clinic: the
 * content says to tell your provider, nothing more (asks_to_report); nor one
 * that names a country outside the US or its agency (names_abroad). A
 * query that says what a sign is (see SIGN_HEAD_DF) is answered unless
 * MAX_LACKING words lack. Otherwise the content answers a query that is not
 * stop words only when a meaning-bearing word matched that is in at
 * most COMMON_DF of the sections and names something (is in a title, a QA's
 * question, a term or also_called; the questions a section lists name
 * nothing, and count as running text); when two or more naming words that
 * matched are found together in at most COMMON_DF of them ("red" and
 * "injected" are common apart, rare together; a word in more than
 * TITLE_ALL_DF of them, "therapy", tells nothing and is left out), unless MAX_LACKING or more
 * words that bear meaning matched nothing, sign or not ("is it safe to drink
 * alcohol after the injection" lacks "drink" and "alcohol"); when a rare word
 * the content mentions only in passing matched and no word that bears
 * meaning matched nothing ("will it make my hair grow back"
 * mentions "grow" only in passing, and lacks "hair"; "is it better than
 * prp" lacks "prp", a name no dictionary knows); or when every word that
 * bears meaning matched (a number, "2" or "two", bears none, nor does a
 * filler word, "why" or a word that asks for a comparison, "same as" or
 * "vs", qword.asking; after a word that bears meaning, those
 * that matched nothing are left out). Otherwise no section is returned as a
 * hit: the best MAX_TOPICS are offered as closest topics, and when the query
 * tells of a time since the treatment (a sign it names and nothing answers
 * too: "my leg is warm and red three days later"), and the content has
 * signs, res.since says so (told_since), for them to be pointed to. A
 * "did you mean" is offered only when it finds something itself.
 */
#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "search.h"
#include "search_int.h"
#include "text.h"
#include "util.h"

#define BM25_K1         1.2
#define BM25_B          0.5
#define PROXIMITY       0.3
#define PHRASE          0.5
#define TITLE_ALL       1.5
#define TITLE_ALL_DF    0.5
#define SPREAD          0.15
#define SPREAD_MAX      3.0
#define COMMON_DF       0.15
#define FILLER_W        0.25
#define W_OVERVIEW      0.6
#define W_OVERVIEW_SIGN 0.5
#define UNNAMED_CAP     1.0
#define NAME_SAID       0.6
#define SIGN_W          1.3
#define SIGN_HEAD_DF    0.25
#define SIGN_MISS       0.1

enum {
	RERANK_EXTRA = 32,    /* candidates beyond the limit re-ranked with positions */
	RERANK_MAX = 224,     /* hits wanted beyond this are not re-ranked */
	MAX_TOPICS = 3,       /* closest topics offered when nothing answers */
	MAX_LACKING = 2,      /* meaning-bearing words lacking that leave a query unanswered */
	SIGN_MISS_TITLED = 2, /* words of a title that keep SIGN_MISS off it */
};

/* Per-section arrays a query scores into, kept between queries and cleared as used. */
struct qmem {
	float *tf;       /* one unit's weighted count */
	double *acc;     /* BM25F sum */
	uint32_t *mask;  /* units matched */
	uint32_t *emask; /* units matched by their best alternative, not a synonym */
	uint32_t *tmask; /* units matched in the title or a QA's question */
	uint32_t *spread;
	uint32_t *touched, *cands;
	size_t n;
};

/* ---- reading the postings ---- */

/* A reader of one term's section list: a section, its postings' bytes, count and flags. */
struct slcur {
	const uint8_t *s, *end;
	size_t poff; /* offset of this section's postings */
	uint32_t nb, sec;
	uint8_t tf, flags;
};

static inline uint64_t get_varint(const uint8_t **pp)
{
	const uint8_t *p = *pp;
	uint64_t v = *p++;
	if (v >= 0x80) {
		v &= 0x7f;
		for (unsigned sh = 7;; sh += 7) {
			uint64_t b = *p++;
			v |= (b & 0x7f) << sh;
			if (b < 0x80)
				break;
		}
	}
	*pp = p;
	return v;
}

static void sl_start(struct slcur *c, const struct term *t)
{
	*c = (struct slcur){ .s = t->sl, .end = t->sl + t->slen };
}

static inline bool sl_next(struct slcur *c)
{
	if (c->s == c->end)
		return false;
	c->poff += c->nb;
	c->sec += (uint32_t)get_varint(&c->s);
	c->nb = (uint32_t)get_varint(&c->s);
	uint32_t x = (uint32_t)get_varint(&c->s);
	c->tf = (uint8_t)(x >> 1);
	c->flags = (x & 1) ? *c->s++ : 0;
	return true;
}

/* A reader of one term's postings, front to back; src and off are the current posting. */
struct pcur {
	const struct search_index *ix;
	const struct term *t;
	struct slcur sl;
	const uint8_t *p, *end; /* postings of the current section */
	uint32_t src, off;
	bool first;
};

/* Read the postings of the section sl is at. */
static void pcur_section(struct pcur *c)
{
	c->p = c->t->post + c->sl.poff;
	c->end = c->p + c->sl.nb;
	c->first = true;
}

/* Step to the next posting; false when there is none. */
static inline bool pcur_next(struct pcur *c)
{
	while (c->p == c->end) {
		if (c->t == NULL || !sl_next(&c->sl))
			return false;
		pcur_section(c);
	}
	uint64_t x = get_varint(&c->p);
	uint32_t d = (uint32_t)(x >> OFF_BITS), w = (uint32_t)x & OFF_INLINE;
	if (w == OFF_INLINE)
		w += (uint32_t)get_varint(&c->p);
	if (c->first) {
		c->src = c->ix->secfirst[c->sl.sec] + d;
		c->off = w;
		c->first = false;
	} else {
		c->src += d;
		c->off = d ? w : c->off + w;
	}
	return true;
}

/* Start reading t's postings; false when it has none. */
static bool pcur_start(const struct search_index *ix, struct pcur *c, const struct term *t)
{
	*c = (struct pcur){ .ix = ix, .t = t };
	sl_start(&c->sl, t);
	return pcur_next(c);
}

/* Ordered lists for phrases, kept in one growable scratch per query. */
struct plist {
	uint32_t *src;
	uint16_t *off;
	double *w;
	size_t n, cap;
};

static void plist_push(struct plist *l, uint32_t src, uint16_t off, double w)
{
	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->src = xreallocarray(l->src, l->cap, sizeof(*l->src));
		l->off = xreallocarray(l->off, l->cap, sizeof(*l->off));
		l->w = xreallocarray(l->w, l->cap, sizeof(*l->w));
	}
	l->src[l->n] = src;
	l->off[l->n] = off;
	l->w[l->n++] = w;
}

static void plist_free(struct plist *l)
{
	free(l->src);
	free(l->off);
	free(l->w);
}

/* Merge the postings of a word's alternatives into one ordered list (best weight kept). */
static void merge_alts(const struct search_index *ix, const struct qword *q, struct plist *out)
{
	size_t na = q->nalts;
	struct pcur *at = xcalloc(na ? na : 1, sizeof(*at));
	bool *live = xcalloc(na ? na : 1, sizeof(*live));
	for (size_t a = 0; a < na; a++)
		live[a] = pcur_start(ix, &at[a], &ix->terms[q->alts[a].term]);
	out->n = 0;
	for (;;) {
		uint64_t best = UINT64_MAX;
		double bw = 0;
		for (size_t a = 0; a < na; a++) {
			if (!live[a])
				continue;
			uint64_t k = (uint64_t)at[a].src << 16 | at[a].off;
			if (k < best || (k == best && q->alts[a].w > bw)) {
				best = k;
				bw = q->alts[a].w;
			}
		}
		if (best == UINT64_MAX)
			break;
		for (size_t a = 0; a < na; a++)
			if (live[a] && ((uint64_t)at[a].src << 16 | at[a].off) == best)
				live[a] = pcur_next(&at[a]);
		plist_push(out, (uint32_t)(best >> 16), (uint16_t)best, bw);
	}
	free(at);
	free(live);
}

/* Occurrences of a phrase: its words at consecutive word numbers of one src. */
static void gather_phrase(const struct search_index *ix, const struct unit *u, struct plist *tmp,
			  struct plist *out)
{
	out->n = 0;
	for (size_t i = 0; i < u->nw; i++)
		merge_alts(ix, &u->w[i], &tmp[i]);
	size_t at[MAX_PHRASE] = { 0 };
	for (size_t k = 0; k < tmp[0].n; k++) {
		uint32_t src = tmp[0].src[k];
		uint64_t off = tmp[0].off[k];
		double wmin = tmp[0].w[k];
		bool ok = true;
		for (size_t i = 1; i < u->nw && ok; i++) {
			/* Lists are ordered, so each word's cursor only moves forward. */
			const struct plist *l = &tmp[i];
			uint64_t want = (uint64_t)src << 17 | (off + i);
			while (at[i] < l->n &&
			       ((uint64_t)l->src[at[i]] << 17 | l->off[at[i]]) < want)
				at[i]++;
			ok = at[i] < l->n &&
			     ((uint64_t)l->src[at[i]] << 17 | l->off[at[i]]) == want;
			if (ok && l->w[at[i]] < wmin)
				wmin = l->w[at[i]];
		}
		if (ok)
			plist_push(out, src, (uint16_t)off, wmin);
	}
}

/* ---- ranking ---- */

struct cand {
	uint32_t sec;
	uint32_t src; /* where the snippet comes from; UINT32_MAX: the section's first text */
	double base;  /* BM25F with the spread and title factors */
	double score; /* base with the nearness and phrase factors */
};

/* Best first by score (or by base score when by_base), then in reading order. */
static int cand_order(const struct cand *x, const struct cand *y, bool by_base)
{
	double a = by_base ? x->base : x->score, b = by_base ? y->base : y->score;
	if (a != b)
		return a > b ? -1 : 1;
	return (x->sec > y->sec) - (x->sec < y->sec);
}

static int cmp_base(const void *a, const void *b)
{
	return cand_order(a, b, true);
}

static int cmp_score(const void *a, const void *b)
{
	return cand_order(a, b, false);
}

static int cmp_sec(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	return (x->sec > y->sec) - (x->sec < y->sec);
}

/* Sift down in a heap that keeps the worst candidate (by base score) at the root. */
static void cand_down(struct cand *c, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && cmp_base(&c[l], &c[m]) > 0)
			m = l;
		if (l + 1 < n && cmp_base(&c[l + 1], &c[m]) > 0)
			m = l + 1;
		if (m == i)
			return;
		struct cand t = c[i];
		c[i] = c[m];
		c[m] = t;
		i = m;
	}
}

/* Put the best k candidates by base score first, best first, without sorting the rest. */
static void select_top(struct cand *c, size_t n, size_t k)
{
	if (k < n) {
		/* A heap of the k best seen so far, the worst of them at the root. */
		for (size_t i = k / 2; i-- > 0;)
			cand_down(c, k, i);
		for (size_t i = k; i < n; i++) {
			if (cmp_base(&c[i], &c[0]) < 0) {
				struct cand t = c[0];
				c[0] = c[i];
				c[i] = t;
				cand_down(c, k, 0);
			}
		}
		n = k;
	}
	if (n > 1)
		qsort(c, n, sizeof(*c), cmp_base);
}

/* First text of a section that can show as a snippet (not its title, also_called or questions). */
static uint32_t first_text(const struct search_index *ix, uint32_t sec)
{
	uint32_t title = UINT32_MAX;
	for (size_t i = ix->secfirst[sec]; i < ix->nsrcs && ix->srcs[i].sec == sec; i++) {
		enum field f = ix->srcs[i].field;
		if (f == F_TITLE) {
			if (title == UINT32_MAX)
				title = (uint32_t)i;
		} else if (f != F_SECTION_ALSO && f != F_ASKED) {
			return (uint32_t)i;
		}
	}
	return title;
}

struct qmem *qmem_new(void)
{
	return xcalloc(1, sizeof(struct qmem));
}

/* Free the per-section arrays (not m itself). */
static void qmem_release(struct qmem *m)
{
	free(m->tf);
	free(m->acc);
	free(m->mask);
	free(m->tmask);
	free(m->emask);
	free(m->spread);
	free(m->touched);
	free(m->cands);
}

void qmem_free(struct qmem *m)
{
	if (m)
		qmem_release(m);
	free(m);
}

/* The per-section arrays for a query, made at the first one. */
static struct qmem *qmem_get(const struct search_index *ix)
{
	struct qmem *m = ix->qm;
	if (m->tf == NULL || m->n != ix->nsecs) {
		size_t n = ix->nsecs ? ix->nsecs : 1;
		qmem_release(m);
		m->tf = xcalloc(n, sizeof(*m->tf));
		m->acc = xcalloc(n, sizeof(*m->acc));
		m->mask = xcalloc(n, sizeof(*m->mask));
		m->tmask = xcalloc(n, sizeof(*m->tmask));
		m->emask = xcalloc(n, sizeof(*m->emask));
		m->spread = xcalloc(n, sizeof(*m->spread));
		m->touched = xcalloc(n, sizeof(*m->touched));
		m->cands = xcalloc(n, sizeof(*m->cands));
		m->n = ix->nsecs;
	}
	return m;
}

/* A match of one unit at one position of a candidate, for the nearness scan. */
struct match_pos {
	uint64_t pos;
	uint32_t cand, src, unit;
	float w; /* the alternative's weight, whatever field holds it */
};

static int cmp_match_pos(const void *a, const void *b)
{
	const struct match_pos *x = a, *y = b;
	if (x->cand != y->cand)
		return x->cand < y->cand ? -1 : 1;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return (x->unit > y->unit) - (x->unit < y->unit);
}

/* The matches of all candidates, sorted by cmp_match_pos before the scan. */
struct match_list {
	struct match_pos *v;
	size_t n, cap;
};

static void match_push(struct match_list *m, struct match_pos e)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->v = xreallocarray(m->v, m->cap, sizeof(*m->v));
	}
	m->v[m->n++] = e;
}

static void match_add(const struct search_index *ix, struct match_list *m, uint32_t cand,
		      uint32_t src, uint32_t off, uint32_t unit, double w)
{
	const struct src *sp = &ix->srcs[src];
	match_push(m, (struct match_pos){
			      .cand = cand,
			      .pos = (uint64_t)(src - ix->secfirst[sp->sec]) << POS_SRC_SHIFT | off,
			      .src = src,
			      .unit = unit,
			      .w = (float)w });
}

/* The weight of the units in mask: each unit's weight in the ranking, once. */
static double units_weight(const struct plan *pl, uint32_t mask)
{
	double w = 0;
	for (size_t u = 0; u < pl->n; u++)
		if ((mask >> u) & 1)
			w += pl->uw[u];
	return w;
}

/*
 * The block for a candidate's snippet, in *src: the src (not a title or a
 * section's also_called, which its heading shows, nor a question the section
 * lists, which the reader never shows) whose
 * matches hold the heaviest units (each unit's weight in the ranking, so one
 * rare word outweighs two common ones: "fever" before "after treatment"), then
 * the most weight of matches (whatever the field), then the first;
 * UINT32_MAX when every match is in one of those. Returns the units matched
 * anywhere.
 */
static uint32_t best_block(const struct search_index *ix, const struct plan *pl,
			   const struct match_pos *e, size_t n, uint32_t *src)
{
	uint32_t mask = 0;
	double best_u = -1, best_w = 0;
	*src = UINT32_MAX;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		uint32_t gm = 0;
		double gw = 0;
		/* The field does not weigh: for the text shown, a sign that says "pain"
		 * is as good as another sign's "head pain". */
		for (; j < n && e[j].src == e[i].src; j++) {
			gm |= 1u << e[j].unit;
			gw += e[j].w;
		}
		mask |= gm;
		enum field f = ix->srcs[e[i].src].field;
		double uw = units_weight(pl, gm);
		if (f != F_TITLE && f != F_SECTION_ALSO && f != F_ASKED &&
		    (uw > best_u || (uw == best_u && gw > best_w))) {
			best_u = uw;
			best_w = gw;
			*src = e[i].src;
		}
		i = j;
	}
	return mask;
}

/* The share of the query's neighbouring words found side by side in the
 * matches, each pair counting as much as the lighter of its two words. */
static double pairs_found(const struct plan *pl, const struct match_pos *e, size_t n)
{
	uint32_t pairs = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t u = e[i].unit;
		if (u + 1 >= pl->n || pl->u[u].nw != 1 || pl->u[u + 1].nw != 1)
			continue;
		/* One word between them may be a stop word the query dropped. */
		for (size_t j = i + 1; j < n && e[j].pos <= e[i].pos + 2; j++)
			if (e[j].pos > e[i].pos && e[j].unit == u + 1)
				pairs |= 1u << u;
	}
	double found = 0, total = 0;
	for (size_t u = 0; u + 1 < pl->n; u++) {
		if (pl->u[u].nw != 1 || pl->u[u + 1].nw != 1)
			continue;
		double w = pl->uw[u] < pl->uw[u + 1] ? pl->uw[u] : pl->uw[u + 1];
		/* Two signs are listed apart, each in its own item: prose that names
		 * them side by side is no better answer ("swelling and redness"). */
		if ((pl->heads >> u & 1) && (pl->heads >> (u + 1) & 1))
			continue;
		total += w;
		if ((pairs >> u) & 1)
			found += w;
	}
	return total > 0 ? found / total : 0;
}

/* How near the nmatch units the matches hold come: (nmatch - 1) over the
 * smallest window holding them all, at most 1; 0 for fewer than two. */
static double nearness(const struct match_pos *e, size_t n, uint32_t nmatch)
{
	if (nmatch < 2)
		return 0;
	unsigned cnt[MAX_UNITS] = { 0 };
	size_t have = 0, l = 0;
	uint64_t span = UINT64_MAX;
	for (size_t r = 0; r < n; r++) {
		if (cnt[e[r].unit]++ == 0)
			have++;
		while (have == nmatch) {
			uint64_t s = e[r].pos - e[l].pos;
			if (s < span)
				span = s;
			if (--cnt[e[l].unit] == 0)
				have--;
			l++;
		}
	}
	double close = span == 0 ? 1.0 : (double)(nmatch - 1) / (double)span;
	return close > 1.0 ? 1.0 : close;
}

/*
 * One candidate's matches, by position: the block for its snippet (the one
 * whose matches weigh most), how near its units come (the smallest window
 * holding all it matches), and the query's neighbouring words found side by
 * side in the text.
 */
static void scan_cand(const struct search_index *ix, const struct match_pos *e, size_t n,
		      const struct plan *pl, struct cand *c, double *close, double *adj)
{
	uint32_t mask = best_block(ix, pl, e, n, &c->src);
	*adj = pairs_found(pl, e, n);
	*close = nearness(e, n, (uint32_t)__builtin_popcount(mask));
}

/* Index of sec among the k candidates sorted by section, or UINT32_MAX. */
static uint32_t cand_find(const struct cand *c, size_t k, uint32_t sec)
{
	size_t lo = 0, hi = k;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (c[mid].sec < sec)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < k && c[lo].sec == sec ? (uint32_t)lo : UINT32_MAX;
}

/* The occurrences of phrase unit u (in occ) that fall in the k candidates. */
static void add_phrase_matches(const struct search_index *ix, const struct plist *occ, uint32_t u,
			       const struct cand *c, size_t k, struct match_list *m)
{
	for (size_t i = 0; i < occ->n; i++) {
		uint32_t ci = cand_find(c, k, ix->srcs[occ->src[i]].sec);
		if (ci != UINT32_MAX)
			match_add(ix, m, ci, occ->src[i], occ->off[i], u, occ->w[i]);
	}
}

/* The matches of word unit u in the k candidates, from each alternative's
 * postings for just their sections. */
static void add_word_matches(const struct search_index *ix, const struct qword *q, uint32_t u,
			     const struct cand *c, size_t k, struct match_list *m)
{
	for (size_t a = 0; a < q->nalts; a++) {
		const struct term *t = &ix->terms[q->alts[a].term];
		struct pcur pc = { .ix = ix };
		sl_start(&pc.sl, t);
		size_t ci = 0;
		while (ci < k && sl_next(&pc.sl)) {
			while (ci < k && c[ci].sec < pc.sl.sec)
				ci++;
			if (ci == k || c[ci].sec != pc.sl.sec)
				continue;
			pc.t = NULL; /* stop at the end of this section */
			pc.p = t->post + pc.sl.poff;
			pc.end = pc.p + pc.sl.nb;
			pc.first = true;
			while (pcur_next(&pc))
				match_add(ix, m, (uint32_t)ci, pc.src, pc.off, u, q->alts[a].w);
		}
	}
}

/* ---- names the query says ---- */

/* The hashes (words_hash) of the runs of words of a query that could say a
 * name, as the content spells them (stop words too), sorted (said_build). */
struct said {
	uint32_t w[MAX_UNITS * 2]; /* the query's words; NO_TERM for one the content lacks */
	size_t nw;
	uint32_t *h;
	size_t n, cap;
	const struct search_index *ix;
	bool telling; /* a word of the query is in at most TITLE_ALL_DF of the sections */
};

static int said_word(void *arg, const struct fold_word *fw)
{
	struct said *sd = arg;
	if (sd->nw == sizeof(sd->w) / sizeof(sd->w[0]))
		return 1;
	sd->w[sd->nw++] = word_lookup(sd->ix, fw->word, fw->wlen);
	return 0;
}

static int cmp_u32(const void *a, const void *b)
{
	uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
	return (x > y) - (x < y);
}

/* Whether word w (not NO_TERM) is in more than TITLE_ALL_DF of the sections. */
static bool said_common(const struct said *sd, uint32_t w)
{
	const struct search_index *ix = sd->ix;
	return (double)ix->terms[ix->words[w].term].df > TITLE_ALL_DF * (double)ix->nsecs;
}

static void said_add(struct said *sd, const uint32_t *w, size_t n)
{
	if (sd->telling) {
		size_t i = 0;
		while (i < n && (w[i] == NO_TERM || said_common(sd, w[i])))
			i++;
		if (i == n)
			return;
	}
	if (sd->n == sd->cap) {
		sd->cap = sd->cap ? sd->cap * 2 : 64;
		sd->h = xreallocarray(sd->h, sd->cap, sizeof(*sd->h));
	}
	sd->h[sd->n++] = (uint32_t)words_hash(w, n);
}

/* Each run of 2 to MAX_SAID_WORDS words, and each run with one word inside
 * left out (as the phrase factor allows): "why do side effects happen" says
 * "why side effects happen". A word the content lacks can be that one only. */
static void said_build(const struct search_index *ix, const char *query, struct said *sd)
{
	sd->ix = ix;
	sd->nw = sd->n = 0;
	fold_words(ix->fold, query, strlen(query), said_word, sd);
	sd->telling = false;
	for (size_t i = 0; i < sd->nw; i++)
		sd->telling |= sd->w[i] != NO_TERM && !said_common(sd, sd->w[i]);
	uint32_t t[MAX_SAID_WORDS];
	for (size_t i = 0; i < sd->nw; i++) {
		size_t lack = SIZE_MAX;
		if (sd->w[i] == NO_TERM)
			continue;
		for (size_t k = i + 1; k < sd->nw && k - i <= MAX_SAID_WORDS; k++) {
			if (sd->w[k] == NO_TERM) {
				if (lack != SIZE_MAX)
					break;
				lack = k;
				continue;
			}
			if (lack == SIZE_MAX && k - i < MAX_SAID_WORDS)
				said_add(sd, sd->w + i, k - i + 1);
			for (size_t s = i + 1; s < k; s++) {
				if (lack != SIZE_MAX && s != lack)
					continue;
				size_t m = 0;
				for (size_t j = i; j <= k; j++)
					if (j != s)
						t[m++] = sd->w[j];
				said_add(sd, t, m);
			}
		}
	}
	if (sd->n > 1)
		qsort(sd->h, sd->n, sizeof(*sd->h), cmp_u32);
}

/* Whether the query says one of sec's names (of two words or more), word for
 * word or with one word more inside it (said_build). */
static bool says_name(const struct search_index *ix, const struct said *sd, uint32_t sec)
{
	uint32_t end = sec + 1 < ix->nsecs ? ix->namefirst[sec + 1] : (uint32_t)ix->nnames;
	for (uint32_t j = ix->namefirst[sec]; j < end && sd->n > 0; j++)
		if (bsearch(&ix->namehash[j], sd->h, sd->n, sizeof(*sd->h), cmp_u32))
			return true;
	return false;
}

/*
 * Second pass, over the k candidates only (sorted by section): their
 * matches by position, read from each alternative's postings for just those
 * sections, and the nearness and phrase factors.
 */
static void rerank(const struct search_index *ix, const struct plan *pl, struct plist *occ,
		   const struct said *sd, struct cand *c, size_t k)
{
	struct match_list m = { 0 };
	for (size_t u = 0; u < pl->n; u++) {
		if (pl->u[u].nw > 1)
			add_phrase_matches(ix, &occ[u], (uint32_t)u, c, k, &m);
		else
			add_word_matches(ix, &pl->u[u].w[0], (uint32_t)u, c, k, &m);
	}
	if (m.n > 1)
		qsort(m.v, m.n, sizeof(*m.v), cmp_match_pos);
	size_t i = 0;
	for (size_t ci = 0; ci < k; ci++) {
		size_t j = i;
		while (j < m.n && m.v[j].cand == ci)
			j++;
		double close = 0, adj = 0;
		scan_cand(ix, m.v + i, j - i, pl, &c[ci], &close, &adj);
		c[ci].score = c[ci].base * (1.0 + PROXIMITY * close) * (1.0 + PHRASE * adj);
		i = j;
	}
	for (size_t ci = 0; ci < k; ci++)
		if (says_name(ix, sd, c[ci].sec))
			c[ci].score *= 1.0 + NAME_SAID;
	free(m.v);
}

/*
 * Add one word's field-weighted count in each section, over its
 * alternatives each weighed against the best one (whose weight goes in
 * *top), to m->tf; the sections touched go in m->touched. Returns their number.
 */
static size_t count_word(const struct search_index *ix, const struct qword *q, uint32_t bit,
			 struct qmem *m, double *top)
{
	size_t nt = 0;
	double best = 0;
	for (size_t a = 0; a < q->nalts; a++)
		if (q->alts[a].w > best)
			best = q->alts[a].w;
	for (size_t a = 0; a < q->nalts; a++) {
		double w = q->alts[a].w;
		float fw = (float)(w / best / TF_SCALE);
		struct slcur sl;
		sl_start(&sl, &ix->terms[q->alts[a].term]);
		while (sl_next(&sl)) {
			uint32_t sec = sl.sec;
			if (m->tf[sec] == 0)
				m->touched[nt++] = sec;
			m->tf[sec] += fw * sl.tf;
			if (sl.flags & 1)
				m->tmask[sec] |= bit;
			/* Synonyms only widen the spread of a word the section uses. */
			if (w >= best) {
				m->spread[sec] += sl.flags >> 1;
				m->emask[sec] |= bit;
			}
		}
	}
	*top = best;
	return nt;
}

/* The same for a quoted phrase, from its occurrences (gathered into occ). */
static size_t count_phrase(const struct search_index *ix, const struct unit *un, uint32_t bit,
			   struct plist *tmp, struct plist *occ, struct qmem *m)
{
	size_t nt = 0;
	gather_phrase(ix, un, tmp, occ);
	for (size_t i = 0; i < occ->n; i++) {
		const struct src *sp = &ix->srcs[occ->src[i]];
		if (m->tf[sp->sec] == 0)
			m->touched[nt++] = sp->sec;
		m->tf[sp->sec] += (float)(occ->w[i] * field_weight[sp->field]);
		if (sp->field == F_TITLE || sp->field == F_QUESTION)
			m->tmask[sp->sec] |= bit;
	}
	return nt;
}

/* A quoted phrase, or a word that is neither a stop word, filler nor a number. */
static bool meaningful(const struct unit *un)
{
	return un->nw > 1 ||
	       (!un->w[0].stop && !un->w[0].number && !is_filler_unit(un) && !un->w[0].asking);
}

/* Whether a unit names what some section is about: a phrase, or a word (or a
 * synonym or correction of it) in a title, question, term or also_called. */
static bool unit_named(const struct search_index *ix, const struct unit *un)
{
	if (un->nw > 1)
		return true;
	for (size_t a = 0; a < un->w[0].nalts; a++)
		if (ix->terms[un->w[0].alts[a].term].named)
			return true;
	return false;
}

/* Whether a unit (a word, or a synonym or correction of it) names a sign. */
static bool unit_signs(const struct search_index *ix, const struct unit *un)
{
	if (un->nw > 1)
		return false;
	for (size_t a = 0; a < un->w[0].nalts; a++)
		if (ix->terms[un->w[0].alts[a].term].sign)
			return true;
	return false;
}

/* The units that are words of emergency signs' names only
 * ("wheezing", "lips" of "swollen lips"; not "swollen", which names the
 * swelling where the needle went in too). */
static uint32_t emergency_units(const struct search_index *ix, const struct plan *pl)
{
	uint32_t em = 0;
	for (size_t u = 0; u < pl->n; u++) {
		if (pl->u[u].nw != 1)
			continue;
		for (size_t a = 0; a < pl->u[u].w[0].nalts; a++)
			if (ix->terms[pl->u[u].w[0].alts[a].term].urg == 1u << URG_EMERGENCY)
				em |= 1u << u;
	}
	return em;
}

/* Whether a unit that matched is one of emergency_units. */
static bool names_emergency(const struct search_index *ix, const struct plan *pl, const size_t *df)
{
	uint32_t em = emergency_units(ix, pl);
	for (size_t u = 0; u < pl->n; u++)
		if ((em >> u & 1) && df[u] > 0)
			return true;
	return false;
}

/* Whether the unit, a word, says what a sign is: its first word, or an
 * also_called entry of one word. */
static bool unit_sign_head(const struct search_index *ix, const struct unit *un)
{
	for (size_t a = 0; a < un->w[0].nalts; a++)
		if (ix->terms[un->w[0].alts[a].term].sign_head)
			return true;
	return false;
}

/* How a unit weighs against the others of its query. */
enum unit_kind {
	NAMING,  /* a phrase, or a word that names something in the content */
	ASKED,   /* a word only a section's questions say ("ibuprofen") */
	PASSING, /* a word the content only uses in running text ("look", "think") */
	FILLER,  /* a filler word ("after", "make") */
};

/* Whether the unit is filler, a word used only in passing, or names something. */
static enum unit_kind unit_kind(const struct search_index *ix, const struct unit *un)
{
	if (is_filler_unit(un))
		return FILLER;
	if (unit_named(ix, un))
		return NAMING;
	for (size_t a = 0; un->nw == 1 && a < un->w[0].nalts; a++) {
		const struct term *t = &ix->terms[un->w[0].alts[a].term];
		if (t->asked && !t->shown)
			return ASKED;
	}
	return PASSING;
}

/* The weights of the units that matched so far, for those that follow. */
struct weigh {
	double lightest; /* the lightest meaning-bearing unit */
	double heaviest; /* the heaviest naming unit */
};

/*
 * A unit's weight from the nt of N sections that hold it: idf squared (the
 * query weighs its words by IDF too) times its best alternative's weight
 * top. A word only used in passing weighs at most UNNAMED_CAP times the
 * heaviest naming unit that matched; one only questions say (ASKED) is not
 * held down, nor holds others down. A filler word weighs FILLER_W of that,
 * and never more than FILLER_W times the lightest meaning-bearing word that
 * matched. Units come in the order of enum unit_kind.
 */
static double unit_weight(double N, size_t nt, double top, enum unit_kind kind, struct weigh *w)
{
	double idf = log(1.0 + (N - (double)nt + 0.5) / ((double)nt + 0.5));
	idf *= idf; /* the query weighs its words by IDF too */
	/* A corrected word ranks as the word would, below it. */
	idf *= top;
	if (kind == FILLER) {
		idf *= FILLER_W;
		if (w->lightest > 0 && idf > FILLER_W * w->lightest)
			idf = FILLER_W * w->lightest;
		return idf;
	}
	if (nt == 0)
		return idf;
	if (kind == PASSING && w->heaviest > 0 && idf > UNNAMED_CAP * w->heaviest)
		idf = UNNAMED_CAP * w->heaviest;
	if (kind == NAMING && idf > w->heaviest)
		w->heaviest = idf;
	if (w->lightest == 0 || idf < w->lightest)
		w->lightest = idf;
	return idf;
}

/*
 * First pass: every alternative's section list (no positions), each unit's
 * field-weighted count per section saturated and weighted by the unit's IDF,
 * summed into m->acc. Lists each section matched in m->cands; returns their
 * number, and each unit's document frequency in df.
 */
static size_t score_sections(const struct search_index *ix, struct plan *pl, struct plist *occ,
			     struct qmem *m, size_t *df)
{
	struct plist tmp[MAX_PHRASE] = { 0 };
	size_t ncand = 0;
	/* Naming units first, filler words last, so that a word used in passing
	 * never outweighs what the query names ("look" must not outweigh
	 * "clinic"), nor filler the lightest word that bears meaning ("made"
	 * must not outweigh "exosomes"). */
	enum unit_kind kind[MAX_UNITS];
	size_t order[MAX_UNITS], no = 0;
	for (size_t u = 0; u < pl->n; u++)
		kind[u] = unit_kind(ix, &pl->u[u]);
	for (int k = NAMING; k <= FILLER; k++)
		for (size_t u = 0; u < pl->n; u++)
			if (kind[u] == (enum unit_kind)k)
				order[no++] = u;
	struct weigh w = { 0 };
	for (size_t o = 0; o < no; o++) {
		size_t u = order[o];
		const struct unit *un = &pl->u[u];
		uint32_t bit = 1u << u;
		double top = 1.0; /* the best alternative's weight */
		size_t nt = un->nw == 1 ? count_word(ix, &un->w[0], bit, m, &top)
					: count_phrase(ix, un, bit, tmp, &occ[u], m);
		df[u] = nt;
		double idf = unit_weight((double)ix->nsecs, nt, top, kind[u], &w);
		/* A sign the patient names matters most ("fever after the iv"). */
		if (nt > 0 && unit_signs(ix, un)) {
			pl->signs |= bit;
			idf *= SIGN_W;
		}
		pl->uw[u] = idf;
		size_t own = 0; /* sections that hold the word itself, not a synonym */
		for (size_t i = 0; i < nt; i++) {
			uint32_t sec = m->touched[i];
			own += (m->emask[sec] & bit) != 0;
			double f = m->tf[sec];
			double norm = BM25_K1 * (1 - BM25_B + BM25_B * ix->doclen[sec] / ix->avgdl);
			m->acc[sec] += idf * f * (BM25_K1 + 1) / (f + norm);
			if (m->mask[sec] == 0)
				m->cands[ncand++] = sec;
			m->mask[sec] |= bit;
			m->tf[sec] = 0;
		}
		/* Rare: the sign the query is about, as typed or corrected ("fevr"). */
		if (own > 0 && un->nw == 1 && unit_sign_head(ix, un) &&
		    (double)own <= SIGN_HEAD_DF * (double)ix->nsecs)
			pl->heads |= bit;
	}
	for (size_t i = 0; i < MAX_PHRASE; i++)
		plist_free(&tmp[i]);
	return ncand;
}

/*
 * Whether the content answers the query, from the words alone (see
 * answered). It does when a meaning-bearing word matched that is in at most
 * COMMON_DF of the sections, or when every word matched. When a query also
 * asks about something the content lacks, a word that bears meaning and
 * matched nothing (an English word, "hair", "drive", or one no dictionary
 * knows and nothing corrected, a name such as "prp"), a word the content only
 * mentions in passing ("grow", "better") is not enough: the rare word must
 * name a section.
 */
static bool answered_by_words(const struct search_index *ix, const struct plan *pl,
			      const size_t *df, double common)
{
	bool unmatched = false, passing = false, missed = false, bearing = false;
	for (size_t u = 0; u < pl->n; u++) {
		if (df[u] == 0) {
			/* A number ("2 days") or a filler word ("weeks") names no topic
			 * the content could lack. A word no dictionary knows may: it
			 * can be a medicine's name ("ozempic"). */
			missed = true;
			if (meaningful(&pl->u[u]))
				unmatched = true;
			continue;
		}
		bearing |= meaningful(&pl->u[u]);
		if ((double)df[u] <= common && meaningful(&pl->u[u])) {
			if (unit_named(ix, &pl->u[u]))
				return true;
			passing = true;
		}
	}
	if (passing) {
		/* Only a rare word mentioned in passing matched: a word that bears
		 * meaning and matched nothing asks for more than it. */
		for (size_t u = 0; u < pl->n; u++)
			if (df[u] == 0 && meaningful(&pl->u[u]))
				return false;
		return true;
	}
	/* Every word matched, but for numbers and filler after a word that bears meaning. */
	return !unmatched && (bearing || !missed);
}

/*
 * How many sections hold every naming word of the query that matched, when
 * two or more did; 0 otherwise. Two words that are common apart can be rare
 * together: "red" and "injected" each name many sections, but few hold both.
 */
static size_t co_matched(const struct search_index *ix, const struct plan *pl, const struct qmem *m,
			 size_t ncand, const size_t *df)
{
	uint32_t need = 0;
	size_t nneed = 0;
	for (size_t u = 0; u < pl->n; u++)
		if (df[u] > 0 && meaningful(&pl->u[u]) && unit_named(ix, &pl->u[u]) &&
		    (pl->telling & (1u << u))) {
			need |= 1u << u;
			nneed++;
		}
	if (nneed < 2)
		return 0;
	size_t n = 0;
	for (size_t i = 0; i < ncand; i++)
		if ((m->mask[m->cands[i]] & need) == need)
			n++;
	return n;
}

/* Whether un is "after", "before", "during" or "following". */
static bool is_time_unit(const struct unit *un)
{
	static const char *const times[] = { "after", "before", "during", "following" };
	return un->nw == 1 && in_list(un->w[0].word, times, ARRAY_LEN(times));
}

/*
 * Whether the query names a country or an agency outside the US that the
 * content never names ("is exosome therapy legal in the uk", "mhra"): the
 * content's rules are the US FDA's, and it says nothing of other countries'.
 */
static bool names_abroad(const struct plan *pl, const size_t *df)
{
	static const char *const abroad[] = {
		"australia", "britain", "british", "canada", "china",    "dubai",
		"ema",       "england", "eu",      "europe", "european", "germany",
		"india",     "ireland", "japan",   "mexico", "mhra",     "panama",
		"scotland",  "tga",     "uk",      "wales",
	};
	for (size_t u = 0; u < pl->n; u++)
		if (df[u] == 0 && pl->u[u].nw == 1 &&
		    in_list(pl->u[u].w[0].word, abroad, ARRAY_LEN(abroad)))
			return true;
	return false;
}

/*
 * Whether the query asks how to report to someone: a word of reporting
 * ("report", "notify", "complain") with whom to (the FDA, MedWatch) or about
 * a clinic, or one the content never uses ("who do we notify"); not to a
 * doctor, nurse or provider. The content says to tell your provider about a
 * reaction and nothing of reporting it further: "how do i report a bad
 * reaction" is answered, "... to the fda" is not. answered() asks only when
 * no sign matched.
 */
static bool asks_to_report(const struct plan *pl, const size_t *df)
{
	static const char *const reporting[] = { "complain", "complaint", "notify", "report",
						 "reporting" };
	static const char *const whom[] = { "agency", "clinic", "clinics", "fda", "medwatch" };
	/* Telling your provider is what the content says to do. */
	static const char *const provider[] = { "doctor",    "doctors",  "gp",       "nurse",
						"physician", "provider", "providers" };
	bool report = false, lacks = false, to = false;
	for (size_t u = 0; u < pl->n; u++) {
		if (pl->u[u].nw != 1)
			continue;
		const char *w = pl->u[u].w[0].word;
		if (in_list(w, provider, ARRAY_LEN(provider)))
			return false;
		if (in_list(w, reporting, ARRAY_LEN(reporting))) {
			report = true;
			lacks |= df[u] == 0;
		}
		to |= in_list(w, whom, ARRAY_LEN(whom));
	}
	return report && (to || lacks);
}

/*
 * Whether what the query asks about, the words before its first "after",
 * "before", "during" or "following", is what the content lacks: one or more of those words
 * bear meaning and matched nothing, and none that bears meaning matched
 * ("woozy after the drip", "dizzy after exosome iv"; not "fever after the iv",
 * nor "what to do after the iv"). In a query with "now" (not its first word),
 * what it asks about is what comes after "now": "my mom got an exosome iv
 * and now she seems confused" does not ask how an IV is given.
 */
static bool topic_lacking(const struct search_index *ix, const struct plan *pl, const size_t *df,
			  const char *query)
{
	bool lack = false;
	size_t now = SIZE_MAX, first = strspn(query, " \t\"'");
	for (size_t u = 0; u < pl->n; u++)
		if (pl->u[u].nw == 1 && strcmp(pl->u[u].w[0].word, "now") == 0 &&
		    pl->u[u].w[0].start > first)
			now = u;
	/* What came about since ("... and now she seems confused"): the words
	 * after the last "now" (not the first word) up to an "after", unless
	 * one that names something matched; when none bears meaning ("woozy
	 * after the drip now"), as without it. */
	bool after_now = false;
	for (size_t u = now == SIZE_MAX ? pl->n : now + 1; u < pl->n; u++) {
		if (is_time_unit(&pl->u[u]))
			break; /* "now she seems confused after the iv" */
		if (!meaningful(&pl->u[u]))
			continue;
		after_now = true;
		if (df[u] > 0 && unit_named(ix, &pl->u[u]))
			return false;
		lack |= df[u] == 0;
	}
	if (after_now)
		return lack;
	for (size_t u = 0; u < pl->n; u++) {
		const struct unit *un = &pl->u[u];
		if (is_time_unit(un))
			return lack;
		if (!meaningful(un))
			continue;
		if (df[u] > 0)
			return false;
		lack = true;
	}
	return false;
}

/* Whether unit u lacks, as the unit before it does, and was typed joined to
 * it by a hyphen: one word the content lacks, not two. */
static bool hyphen_half(const struct plan *pl, const size_t *df, size_t u, const char *query)
{
	if (u == 0 || df[u - 1] != 0 || pl->u[u - 1].nw != 1 || pl->u[u].nw != 1 ||
	    !meaningful(&pl->u[u - 1]))
		return false;
	const struct qword *p = &pl->u[u - 1].w[0], *q = &pl->u[u].w[0];
	return p->start + p->len + 1 == q->start && query[q->start - 1] == '-';
}

/*
 * Whether a word of the query in at most TITLE_ALL_DF of the sections (other
 * than the time it asks of: "last", "lasting") is in a section that gives
 * times (TIMED: one that asks how long or how soon, or lists signs with how
 * soon to act), or no section does. "how long do results last" and "how long
 * is the appointment" are not answered by the sections that say "results" or
 * "treatment" in passing; "how soon should i go to the emergency room" is.
 */
static bool timed_found(const struct search_index *ix, const struct plan *pl, const size_t *df,
			const struct qmem *m, size_t ncand)
{
	if (ix->ntimed == 0)
		return true;
	uint32_t tell = 0;
	for (size_t u = 0; u < pl->n; u++)
		if (df[u] > 0 && (double)df[u] <= TITLE_ALL_DF * (double)ix->nsecs &&
		    meaningful(&pl->u[u]) &&
		    !(pl->u[u].nw == 1 && strncmp(pl->u[u].w[0].word, "last", 4) == 0))
			tell |= 1u << u;
	for (size_t i = 0; i < ncand; i++)
		if ((ix->titlen[m->cands[i]] & TIMED) && (m->mask[m->cands[i]] & tell))
			return true;
	return false;
}

/*
 * Whether the content answers the query: by its words (answered_by_words),
 * or when the naming words that matched and tell (plan.telling), two or
 * more, are found together in at most COMMON_DF of the sections
 * (co_matched, counted only then); never
 * when MAX_LACKING words that bear meaning matched nothing (the two halves of
 * a word with a hyphen count once), and no fewer than
 * the naming words that tell and matched, unless (but for co_matched) a word
 * that matched names a sign; never when a sign is in a part of the body no
 * shot goes into, but for an emergency's (*elsewhere_sign is then set).
 * Reads the ncand sections matched from m, before take_cands clears it.
 */
static bool answered(const struct search_index *ix, const struct plan *pl, const size_t *df,
		     const struct qmem *m, size_t ncand, const char *query, bool *elsewhere_sign)
{
	if (pl->filler)
		return false;
	/* A sign is always found: "who do i notify if my face swells". */
	bool emergency = names_emergency(ix, pl, df);
	bool sign = pl->signs || pl->heads || emergency;
	if (!sign && (asks_to_report(pl, df) || names_abroad(pl, df)))
		return false;
	if (!sign && timed_question(query) && !timed_found(ix, pl, df, m, ncand))
		return false;
	double common = COMMON_DF * (double)ix->nsecs;
	if (common < 2)
		common = 2;
	/* What two words it lacks ask about, the rest does not answer; unless
	 * it names a sign ("my chest is tight and i am wheezing"). */
	size_t lacking = 0, named = 0;
	bool elsewhere = false;
	for (size_t u = 0; u < pl->n; u++) {
		if (df[u] == 0 && pl->u[u].nw == 1 && meaningful(&pl->u[u])) {
			/* Two halves of one word ("intra-articular") lack as one. */
			if (!hyphen_half(pl, df, u, query))
				lacking++;
			elsewhere |= pl->u[u].w[0].elsewhere;
		} else if (df[u] > 0 && meaningful(&pl->u[u]) && (pl->telling >> u & 1) &&
			   unit_named(ix, &pl->u[u]))
			named++;
	}
	/* They do while they are not the fewer: a question that names more
	 * than it lacks asks about what it names ("... her acne scars, are there
	 * long term risks" lacks "acne" and "scars"). */
	bool asks_lacking = lacking >= MAX_LACKING && lacking >= named;
	/* A sign in a part of the body no shot goes into, which the content
	 * does not name, is not the shot's ("chest pain after the shot" is not
	 * the pain where the needle went in); unless it is an emergency's
	 * ("hives on my chest"). A word of no sign ("rash on my chest") is
	 * answered as it would be; refused, the signs are pointed to. */
	if (elsewhere && (pl->signs || pl->heads) && !emergency) {
		*elsewhere_sign = true;
		return false;
	}
	if (asks_lacking && pl->signs == 0)
		return false;
	if (pl->signs == 0 && topic_lacking(ix, pl, df, query))
		return false;
	if (answered_by_words(ix, pl, df, common))
		return true;
	/* Nor is a sign named by what it is, however many sections hold it
	 * ("redness after the exosome facail"): a sign is always found (but
	 * in a part of the body no shot goes into, above). */
	if (pl->heads && !asks_lacking)
		return true;
	/* Nor do words found together, sign or not. */
	if (asks_lacking)
		return false;
	size_t together = co_matched(ix, pl, m, ncand, df);
	return together > 0 && (double)together <= common;
}

static int run(const struct search_index *ix, const char *query, const struct search_opts *o,
	       struct search_result *res, bool verify);

/* A suggestion is offered only when it finds something itself. */
static char *checked_suggestion(const struct search_index *ix, const struct plan *pl)
{
	char *s = suggest(ix, pl);
	if (s == NULL)
		return NULL;
	struct search_result r;
	struct search_opts one = { .limit = 1 };
	if (run(ix, s, &one, &r, false) != 0 || r.nhits == 0) {
		free(s);
		s = NULL;
	}
	search_result_free(&r);
	return s;
}

/* The mask of every unit of the plan. */
static uint32_t every_unit(const struct plan *pl)
{
	return pl->n >= 32 ? UINT32_MAX : (1u << pl->n) - 1;
}

/* The units in at most TITLE_ALL_DF of the sections; all of them when every
 * one is in more. */
static uint32_t telling_units(const struct search_index *ix, const struct plan *pl,
			      const size_t *df)
{
	uint32_t all = every_unit(pl), telling = all;
	for (size_t u = 0; u < pl->n; u++)
		if ((double)df[u] > TITLE_ALL_DF * (double)ix->nsecs)
			telling &= ~(1u << u);
	return telling ? telling : all;
}

/* Set mark[] to v for the section each flagged candidate is a subsection of. */
static void mark_parents(const struct search_index *ix, const struct cand *cand, const bool *flag,
			 size_t ncand, uint32_t *mark, uint32_t v)
{
	for (size_t i = 0; i < ncand; i++)
		if (flag[i] && ix->up[cand[i].sec] != NO_SECTION)
			mark[ix->up[cand[i].sec]] = v;
}

/*
 * The sections matched, as candidates: each BM25F sum times the spread,
 * title and overview factors. Clears m's arrays for the next query.
 */
static struct cand *take_cands(const struct search_index *ix, const struct plan *pl, struct qmem *m,
			       size_t ncand)
{
	struct cand *cand = xcalloc(ncand ? ncand : 1, sizeof(*cand));
	bool *whole = xcalloc(ncand ? ncand : 1, sizeof(*whole));
	/* A title need not say a word that most sections hold ("exosome"),
	 * unless the query says nothing else. */
	uint32_t all = pl->telling;
	uint32_t every = every_unit(pl);
	/* The query's other words that tell, filler words ("before", "mom") aside. */
	uint32_t others = all & ~pl->heads;
	uint32_t urgent = pl->heads ? emergency_units(ix, pl) : 0;
	for (size_t u = 0; u < pl->n; u++)
		if (pl->u[u].nw == 1 && is_filler(pl->u[u].w[0].word))
			others &= ~(1u << u);
	for (size_t i = 0; i < ncand; i++) {
		uint32_t sec = m->cands[i];
		double base = m->acc[sec];
		/*
		 * A section that comes back to a word in several blocks explains it; one
		 * that names it in a single list item only points at it.
		 */
		double spread = (double)m->spread[sec] / (double)pl->n;
		base *= 1.0 + SPREAD * (spread < SPREAD_MAX ? spread : SPREAD_MAX);
		/* A title or question that says the whole query, and little else, is the
		 * answer itself. */
		unsigned tl = ix->titlen[sec] & TITLE_WORDS;
		whole[i] = (m->tmask[sec] & every) == every; /* every word, "exosome" too */
		if ((m->tmask[sec] & all) == all) {
			double cover = tl > pl->n ? (double)pl->n / tl : 1.0;
			base *= 1.0 + (TITLE_ALL - 1.0) * cover;
		}
		/* The sign the query names, not the way it was given, is what it is
		 * about ("fever after the iv drip"); unless the section's title or
		 * question says SIGN_MISS_TITLED of its other words: then the query
		 * names that topic too ("is it fda approved for joint pain"); nor
		 * one that holds two words of emergency signs' names the query says
		 * ("anaphylactic shock chest pain"; "face" alone is where a facial
		 * goes). */
		if (pl->heads && (m->emask[sec] & pl->heads) == 0 &&
		    __builtin_popcount(m->emask[sec] & urgent) < 2 &&
		    __builtin_popcount(m->tmask[sec] & others) < SIGN_MISS_TITLED)
			base *= SIGN_MISS;
		cand[i] =
			(struct cand){ .sec = sec, .src = UINT32_MAX, .base = base, .score = base };
		m->acc[sec] = 0;
		m->mask[sec] = m->tmask[sec] = m->emask[sec] = m->spread[sec] = 0;
	}
	/*
	 * An overview leads to its subsections, a word list to the sections that
	 * use its terms: they hold the facts. Unless its title says every word
	 * of the query and no subsection's title does ("benefits", "what do stem
	 * cells have to do with exosomes"): then the query asks for the whole
	 * topic. m->mask, clear now, marks the sections with such a subsection.
	 */
	mark_parents(ix, cand, whole, ncand, m->mask, 1);
	for (size_t i = 0; i < ncand; i++) {
		uint32_t sec = cand[i].sec;
		if ((ix->titlen[sec] & OVERVIEW) && !(whole[i] && m->mask[sec] == 0)) {
			cand[i].base *= W_OVERVIEW;
			/* A patient who names a sign needs its section and what to
			 * do, not an overview or a definition. */
			if (pl->heads)
				cand[i].base *= W_OVERVIEW_SIGN;
			cand[i].score = cand[i].base;
		}
	}
	mark_parents(ix, cand, whole, ncand, m->mask, 0);
	free(whole);
	return cand;
}

/* Nothing answers the query: the best sections are offered as topics, not hits. */
static void offer_topics(const struct search_index *ix, struct cand *cand, size_t ncand,
			 struct search_result *res)
{
	size_t k = ncand < MAX_TOPICS ? ncand : MAX_TOPICS;
	select_top(cand, ncand, k);
	res->topics = xcalloc(k, sizeof(*res->topics));
	for (size_t i = 0; i < k; i++)
		res->topics[i] = ix->c->sections[cand[i].sec];
	res->ntopics = k;
}

/*
 * Put the best want candidates first, best first: the best by BM25F,
 * re-ranked with nearness: the rest cannot gain enough. Past RERANK_MAX hits
 * wanted (--limit 0 on large content), the rest keep their BM25F order,
 * below the re-ranked ones.
 */
static void rank_best(const struct search_index *ix, const struct plan *pl, struct plist *occ,
		      const struct said *sd, struct cand *cand, size_t ncand, size_t want)
{
	size_t k = (want < RERANK_MAX ? want : RERANK_MAX) + RERANK_EXTRA;
	if (k > ncand)
		k = ncand;
	select_top(cand, ncand, want > k ? want : k);
	if (k > 1)
		qsort(cand, k, sizeof(*cand), cmp_sec);
	rerank(ix, pl, occ, sd, cand, k);
	if (k > 1)
		qsort(cand, k, sizeof(*cand), cmp_score);
}

/* The first n candidates as hits, with snippets: made for the hits returned only. */
static void fill_hits(const struct search_index *ix, const struct plan *pl, const struct cand *cand,
		      size_t n, size_t width, struct search_result *res)
{
	res->nhits = n;
	res->hits = xcalloc(n ? n : 1, sizeof(*res->hits));
	struct buf text = { 0 };
	for (size_t i = 0; i < n; i++) {
		struct search_hit *h = &res->hits[i];
		const struct cand *c = &cand[i];
		uint32_t src = c->src != UINT32_MAX ? c->src : first_text(ix, c->sec);
		h->section = ix->c->sections[c->sec];
		h->score = c->score;
		h->block = h->section;
		if (src == UINT32_MAX) {
			h->snippet = xstrdup("");
			continue;
		}
		const struct src *sp = &ix->srcs[src];
		h->block = sp->node;
		snippet_source(ix, pl, src, &text);
		struct search_mark *mk;
		size_t nm = plan_marks(ix, pl, text.s, text.len, &mk);
		make_snippet(text.s, text.len, mk, nm, width, h);
		free(mk);
	}
	buf_free(&text);
}

/* The words that bear meaning and that no section uses, as typed in query; numbers aside. */
static void note_missing(const char *query, const struct plan *pl, const size_t *df,
			 struct search_result *res)
{
	for (size_t u = 0; u < pl->n; u++) {
		const struct unit *un = &pl->u[u];
		/* A number ("3 days") is no word to put another way. */
		if (df[u] != 0 || !meaningful(un))
			continue;
		size_t start = un->w[0].start,
		       end = un->w[un->nw - 1].start + un->w[un->nw - 1].len;
		struct buf b = { 0 };
		text_sanitize(&b, query + start, end - start);
		if (b.len == 0) {
			buf_free(&b);
			continue;
		}
		res->missing =
			xreallocarray(res->missing, res->nmissing + 1, sizeof(*res->missing));
		res->missing[res->nmissing++] = buf_take(&b);
	}
}

static int run(const struct search_index *ix, const char *query, const struct search_opts *o,
	       struct search_result *res, bool verify)
{
	*res = (struct search_result){ 0 };
	if (ix == NULL || query == NULL)
		return -1;
	struct plan pl;
	if (plan_build(ix, query, &pl) == 0) {
		plan_free(&pl);
		return -1;
	}
	res->corrected = corrected_query(query, &pl);

	struct qmem *m = qmem_get(ix);
	struct plist occ[MAX_UNITS] = { 0 };
	size_t df[MAX_UNITS] = { 0 };
	size_t ncand = score_sections(ix, &pl, occ, m, df);
	pl.telling = telling_units(ix, &pl, df);
	note_missing(query, &pl, df, res);
	bool elsewhere_sign = false;
	bool ok = ncand == 0 || answered(ix, &pl, df, m, ncand, query, &elsewhere_sign);
	struct cand *cand = take_cands(ix, &pl, m, ncand);
	size_t limit = o && o->limit ? o->limit : ncand;
	size_t width = o && o->snippet_width ? o->snippet_width : 80;
	if (!ok) {
		offer_topics(ix, cand, ncand, res);
		ncand = 0;
	}
	if (ncand == 0)
		res->since = ix->c->nsigns > 0 && told_since(ix, query);
	size_t want = limit < ncand ? limit : ncand;
	struct said sd = { 0 };
	/* A corrected query says what its corrections say ("side efects"). */
	if (ncand > 0)
		said_build(ix, res->corrected ? res->corrected : query, &sd);
	rank_best(ix, &pl, occ, &sd, cand, ncand, want);
	free(sd.h);
	for (size_t u = 0; u < MAX_UNITS; u++)
		plist_free(&occ[u]);
	res->ntotal = ncand;
	fill_hits(ix, &pl, cand, want, width, res);
	free(cand);
	if (res->nhits == 0 && res->ntopics == 0 && verify)
		res->suggestion = checked_suggestion(ix, &pl);
	plan_free(&pl);
	return 0;
}

int search_run(const struct search_index *ix, const char *query, const struct search_opts *o,
	       struct search_result *res)
{
	return run(ix, query, o, res, true);
}

void search_result_free(struct search_result *res)
{
	if (res == NULL)
		return;
	for (size_t i = 0; i < res->nhits; i++) {
		free(res->hits[i].snippet);
		free(res->hits[i].marks);
	}
	free(res->hits);
	free(res->suggestion);
	free(res->corrected);
	free(res->topics);
	for (size_t i = 0; i < res->nmissing; i++)
		free(res->missing[i]);
	free(res->missing);
	*res = (struct search_result){ 0 };
}

char *search_snippet_at(const char *t, size_t start, size_t len, size_t width)
{
	struct search_hit h = { 0 };
	struct search_mark m = { .start = start, .len = len };
	make_snippet(t, strlen(t), &m, 1, width, &h);
	free(h.marks);
	return h.snippet;
}
