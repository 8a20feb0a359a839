/* search.c - the index and ranked search over sections (see search.h).
 *
 * Every indexed string (a title, a paragraph, an also_called word...) is a
 * "src" that remembers its node, its section, its field and the position of
 * its first word. Words are folded and stemmed (fold.h); each stem is a term
 * with a postings list of (src, word number in the src). Srcs are numbered in
 * reading order, so every list is in (src, word number) order as built, and a
 * query merges lists instead of sorting them. Positions jump between strings,
 * so phrases and nearness never reach across two blocks.
 *
 * A list is stored as bytes. A posting is d, the src minus the previous
 * posting's src, and w, the word number itself when the src changed (d > 0)
 * or the word number minus the previous one when it did not; the "previous
 * posting" of the first is (0, 0). It is written as the LEB128 varint of
 * d << OFF_BITS | min(w, OFF_INLINE), followed by the varint of
 * w - OFF_INLINE only when w >= OFF_INLINE. Most postings take one or two
 * bytes. Lists are only ever read front to back (struct pcur).
 *
 * Sections are added one at a time in reading order, and each word goes
 * straight onto the end of its term's list; nothing is replayed or sorted
 * afterwards, and the growable arrays are trimmed once the last section is in.
 *
 * Building touches each word of the content once: a table from the word's
 * bytes as written to its folded word and term means each distinct spelling
 * is folded and stemmed only once.
 *
 * A query becomes units (a word, or a quoted phrase); each word becomes
 * alternatives: its own stem, the stems of its synonyms (from also_called and
 * the glossary), or, when the stem is unknown, vocabulary words within one or
 * two edits. Sections are ranked by how many units they match, then by BM25F
 * (field weights) with a bonus for matches close together.
 */
#include "search.h"

#include <math.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "fold.h"
#include "text.h"
#include "util.h"

enum field {
	F_TITLE,        /* section title */
	F_SECTION_ALSO, /* a section's also_called */
	F_QUESTION,     /* the question of a QA */
	F_TERM,         /* a glossary term */
	F_ALSO,         /* an item's or term's also_called */
	F_BODY,         /* paragraphs, list text, notes, claims, definitions */
	F_ANSWER,       /* the answer of a QA */
	F_COUNT
};

/* Titles and questions say what a section is about; body words only mention things. */
static const double field_weight[F_COUNT] = {
	[F_TITLE] = 3.0, [F_SECTION_ALSO] = 2.5, [F_QUESTION] = 2.0, [F_TERM] = 2.0,
	[F_ALSO] = 1.8,  [F_BODY] = 1.0,         [F_ANSWER] = 1.0,
};

enum {
	POS_GAP = 8,        /* positions skipped between two strings */
	MAX_UNITS = 32,     /* query units beyond this are ignored */
	MAX_PHRASE = 16,    /* words of one quoted phrase */
	MAX_FUZZY_LEN = 64, /* longer words are never typos worth fixing */
	MAX_SRC_WORDS =
		UINT16_MAX, /* words of one string that are indexed (64 KiB of text hold fewer) */
	MAX_RAW = 256,      /* longer spellings are folded every time rather than kept */
	NO_TERM = UINT32_MAX,
	OFF_BITS = 4, /* bits of a posting's first varint that hold its word number */
	OFF_INLINE = (1 << OFF_BITS) - 1,
	POSTING_MAX = 9, /* bytes of one posting at most: a 36-bit and a 16-bit varint */
};

#define BM25_K1    1.2
#define BM25_B     0.75
#define W_SYNONYM  0.9
#define W_FUZZY1   0.8
#define W_FUZZY2   0.6
#define PROXIMITY  0.5
#define TITLE_ALL  1.5
#define SPREAD     0.15
#define SPREAD_MAX 3.0

/*
 * 16 bytes: there is one per indexed string. The string itself is found
 * again from the node (src_text). A section number takes 29 bits; 2^29
 * sections would need far more memory than their nodes could ever get.
 */
struct src {
	const struct node *node; /* block, item or section */
	uint32_t sec : 29;       /* index into content.sections */
	uint32_t field : 3;      /* enum field */
	uint32_t pos;            /* position of its first word */
};

struct term {
	char *stem;
	uint8_t *post;       /* postings, encoded as the header comment says */
	uint32_t plen, pcap; /* bytes used and allocated */
	uint32_t np;         /* postings */
	uint32_t df;         /* sections holding the term */
	uint32_t *syn;       /* synonym terms */
	uint32_t nsyn;
	/* While building: the last posting, and the section of the last one. */
	uint32_t lastsrc, lastsec;
	uint16_t lastoff;
};

/* A spelling seen in the content, as written, and the word it folds to. */
struct raw {
	uint32_t at;   /* offset of the NUL-terminated bytes in search_index.rawbytes */
	uint32_t word; /* index into words, or NO_TERM when it folds to nothing */
};

/* A folded word as written, for typo matching and suggestions. */
struct word {
	char *w;
	uint32_t term;   /* its stem */
	uint32_t nchars; /* code points */
	uint32_t cp;     /* offset of its code points in search_index.cps */
	uint32_t freq;
	uint64_t mask;    /* letters present (hashed), a cheap lower bound on edits */
	uint32_t kcp, kn; /* its sound key (see sound_key) in search_index.cps */
	uint64_t kmask;
	bool stop; /* a stop word */
};

/* Open addressing over string keys; slots hold index + 1, tags the high half of the hash. */
struct table {
	uint32_t *slot, *tag;
	size_t cap, n;
};

struct search_index {
	const struct content *c;
	struct fold *fold;
	struct src *srcs;
	size_t nsrcs, srccap;
	uint32_t *doclen; /* words per section */
	size_t nsecs, seccap;
	double avgdl;
	struct term *terms;
	size_t nterms, termcap;
	struct table termtab;
	struct word *words;
	size_t nwords, wordcap;
	struct table wordtab;
	struct raw *raws;
	size_t nraws, rawcap;
	struct table rawtab;
	struct buf rawbytes;
	uint32_t *cps; /* code points of all words */
	size_t ncps, cpcap;
	uint32_t *bylen[2]; /* word ids by length of spelling [0] and of sound key [1] */
	size_t lenstart[2][MAX_FUZZY_LEN + 2];
};

/* Folded English words that carry no topic: dropped from queries with other words. */
static const char *const stop_words[] = {
	"a",     "about", "all",   "also",  "am",    "an",    "and",    "any",   "are",    "as",
	"at",    "be",    "been",  "being", "but",   "by",    "can",    "could", "did",    "do",
	"does",  "doing", "dont",  "for",   "from",  "get",   "got",    "had",   "has",    "have",
	"he",    "her",   "him",   "his",   "how",   "i",     "if",     "im",    "in",     "into",
	"is",    "it",    "its",   "ive",   "just",  "me",    "might",  "much",  "my",     "no",
	"not",   "of",    "on",    "or",    "our",   "out",   "really", "she",   "should", "so",
	"some",  "such",  "tell",  "than",  "that",  "the",   "their",  "them",  "then",   "there",
	"these", "they",  "this",  "those", "to",    "too",   "us",     "very",  "was",    "we",
	"were",  "what",  "whats", "when",  "where", "which", "while",  "who",   "why",    "will",
	"with",  "would", "you",   "your",
};

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool is_stop(const char *w)
{
	return bsearch(&w, stop_words, sizeof(stop_words) / sizeof(stop_words[0]),
		       sizeof(stop_words[0]), cmp_str) != NULL;
}

/* ---- hash tables ---- */

/*
 * Eight bytes at a time with a final mix: every word of the content is hashed
 * once, and a byte-at-a-time hash cost more than the table probe. Slots use
 * the low bits and tags the high ones, so both halves must be well mixed.
 */
static uint64_t hash_str(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ull ^ ((uint64_t)n * 0xC2B2AE3D27D4EB4Full);
	for (; n >= 8; s += 8, n -= 8) {
		uint64_t v;
		memcpy(&v, s, 8);
		h = (h ^ v) * 0xFF51AFD7ED558CCDull;
		h ^= h >> 29;
	}
	uint64_t v = 0;
	for (size_t i = 0; i < n; i++)
		v |= (uint64_t)(unsigned char)s[i] << (8 * i);
	h = (h ^ v) * 0xFF51AFD7ED558CCDull;
	h ^= h >> 33;
	h *= 0xC4CEB9FE1A85EC53ull;
	h ^= h >> 33;
	return h;
}

typedef const char *(*table_key_fn)(const struct search_index *, uint32_t);

/*
 * Slot for key (found, or the empty one where it goes); key() names the
 * string of entry i. The tag check skips nearly every string compare of a
 * collision. SIZE_MAX when the table is empty.
 */
static size_t table_find(const struct table *t, const char *s, size_t n, uint64_t h,
			 table_key_fn key, const struct search_index *ix)
{
	if (t->cap == 0)
		return SIZE_MAX;
	size_t mask = t->cap - 1;
	uint32_t tag = (uint32_t)(h >> 32);
	for (size_t i = h & mask;; i = (i + 1) & mask) {
		uint32_t v = t->slot[i];
		if (v == 0)
			return i;
		if (t->tag[i] != tag)
			continue;
		const char *k = key(ix, v - 1);
		if (memcmp(k, s, n) == 0 && k[n] == '\0')
			return i;
	}
}

/* Entry i + 1 of the table at slot, or 0. */
static uint32_t table_get(const struct table *t, size_t slot)
{
	return slot == SIZE_MAX ? 0 : t->slot[slot];
}

static void table_put(struct table *t, size_t slot, uint64_t h, uint32_t v)
{
	t->slot[slot] = v;
	t->tag[slot] = (uint32_t)(h >> 32);
	t->n++;
}

static void table_rehash(struct table *t, table_key_fn key, const struct search_index *ix)
{
	struct table old = *t;
	t->cap = old.cap ? old.cap * 2 : 256;
	t->n = 0;
	t->slot = xcalloc(t->cap, sizeof(*t->slot));
	t->tag = xcalloc(t->cap, sizeof(*t->tag));
	for (size_t i = 0; i < old.cap; i++) {
		uint32_t v = old.slot[i];
		if (v == 0)
			continue;
		const char *k = key(ix, v - 1);
		size_t n = strlen(k);
		uint64_t h = hash_str(k, n);
		table_put(t, table_find(t, k, n, h, key, ix), h, v);
	}
	free(old.slot);
	free(old.tag);
}

/* Make room for one more entry; call before table_find when an insert may follow. */
static inline void table_grow(struct table *t, table_key_fn key, const struct search_index *ix)
{
	if ((t->n + 1) * 2 > t->cap)
		table_rehash(t, key, ix);
}

static const char *term_key(const struct search_index *ix, uint32_t i)
{
	return ix->terms[i].stem;
}

static const char *word_key(const struct search_index *ix, uint32_t i)
{
	return ix->words[i].w;
}

static const char *raw_key(const struct search_index *ix, uint32_t i)
{
	return ix->rawbytes.s + ix->raws[i].at;
}

/* The term for a stem, or NO_TERM. */
static uint32_t term_lookup(const struct search_index *ix, const char *s, size_t n)
{
	uint32_t v = table_get(&ix->termtab,
			       table_find(&ix->termtab, s, n, hash_str(s, n), term_key, ix));
	return v ? v - 1 : NO_TERM;
}

static uint32_t term_intern(struct search_index *ix, const char *s, size_t n)
{
	table_grow(&ix->termtab, term_key, ix);
	uint64_t h = hash_str(s, n);
	size_t slot = table_find(&ix->termtab, s, n, h, term_key, ix);
	if (ix->termtab.slot[slot])
		return ix->termtab.slot[slot] - 1;
	if (ix->nterms == ix->termcap) {
		ix->termcap = ix->termcap ? ix->termcap * 2 : 256;
		ix->terms = xreallocarray(ix->terms, ix->termcap, sizeof(*ix->terms));
	}
	ix->terms[ix->nterms] = (struct term){ .stem = xstrndup(s, n), .lastsec = UINT32_MAX };
	table_put(&ix->termtab, slot, h, (uint32_t)++ix->nterms);
	return (uint32_t)ix->nterms - 1;
}

static uint64_t letter_bit(uint32_t cp)
{
	/* ASCII letters get distinct bits; other code points share hashed ones. */
	return 1ull << (cp < 128 ? cp % 64 : (cp * 2654435761u) >> 26);
}

/*
 * English spells one sound in several ways, and lay spellings follow the
 * sound: "anafilaxis" is three edits from "anaphylaxis" but equal in sound.
 * The key writes ph as f, y as i, ck as k, ae and oe as e, and drops doubled
 * letters ("alergic"). Typo matching compares keys as well as spellings.
 */
static size_t sound_key(const uint32_t *in, size_t n, uint32_t *out)
{
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = in[i], next = i + 1 < n ? in[i + 1] : 0;
		if (c == 'p' && next == 'h') {
			c = 'f';
			i++;
		} else if (c == 'c' && next == 'k') {
			c = 'k';
			i++;
		} else if ((c == 'a' || c == 'o') && next == 'e') {
			c = 'e';
			i++;
		} else if (c == 'y') {
			c = 'i';
		}
		if (m == 0 || out[m - 1] != c)
			out[m++] = c;
	}
	return m;
}

static void cps_reserve(struct search_index *ix, size_t n)
{
	while (ix->ncps + n > ix->cpcap) {
		ix->cpcap = ix->cpcap ? ix->cpcap * 2 : 1024;
		ix->cps = xreallocarray(ix->cps, ix->cpcap, sizeof(*ix->cps));
	}
}

static uint32_t word_intern(struct search_index *ix, const struct fold_word *fw, uint32_t term)
{
	table_grow(&ix->wordtab, word_key, ix);
	uint64_t h = hash_str(fw->word, fw->wlen);
	size_t slot = table_find(&ix->wordtab, fw->word, fw->wlen, h, word_key, ix);
	uint32_t v = ix->wordtab.slot[slot];
	if (v) {
		ix->words[v - 1].freq++;
		return v - 1;
	}
	if (ix->nwords == ix->wordcap) {
		ix->wordcap = ix->wordcap ? ix->wordcap * 2 : 256;
		ix->words = xreallocarray(ix->words, ix->wordcap, sizeof(*ix->words));
	}
	struct word *w = &ix->words[ix->nwords];
	*w = (struct word){ .w = xstrndup(fw->word, fw->wlen),
			    .term = term,
			    .freq = 1,
			    .cp = (uint32_t)ix->ncps,
			    .stop = is_stop(fw->word) };
	cps_reserve(ix, 2 * fw->wlen);
	for (size_t i = 0; i < fw->wlen;) {
		uint32_t cp;
		i += text_decode(fw->word + i, fw->wlen - i, &cp);
		ix->cps[ix->ncps++] = cp;
		w->nchars++;
		w->mask |= letter_bit(cp);
	}
	w->kcp = (uint32_t)ix->ncps;
	w->kn = (uint32_t)sound_key(ix->cps + w->cp, w->nchars, ix->cps + ix->ncps);
	ix->ncps += w->kn;
	for (size_t i = 0; i < w->kn; i++)
		w->kmask |= letter_bit(ix->cps[w->kcp + i]);
	table_put(&ix->wordtab, slot, h, (uint32_t)++ix->nwords);
	return (uint32_t)ix->nwords - 1;
}

/* ---- building ---- */

struct add_ctx {
	struct search_index *ix;
	const char *text; /* the src being indexed */
	uint32_t sec, src, pos, nw;
	/* Content (not stop) words of the string so far, and the term of the first. */
	uint32_t ncontent, one;
};

/* Fold and stem a spelling and intern its word and term; NO_TERM when it folds to nothing. */
static uint32_t word_of_span(struct search_index *ix, const char *s, size_t len, int number)
{
	struct fold_word fw = { .start = 0, .len = len, .number = number };
	fw.word = fold_span(ix->fold, s, len, &fw.wlen, &fw.nchars);
	if (fw.wlen == 0)
		return NO_TERM;
	size_t sl;
	const char *stem = fold_stem(ix->fold, fw.word, fw.wlen, &sl);
	/* term_intern does not touch the fold's buffers, so fw.word stays valid. */
	uint32_t t = term_intern(ix, stem, sl);
	return word_intern(ix, &fw, t);
}

/* The word a spelling folds to, folding each distinct spelling once. */
static uint32_t raw_word(struct search_index *ix, const char *s, size_t len, int number)
{
	if (len > MAX_RAW)
		return word_of_span(ix, s, len, number);
	table_grow(&ix->rawtab, raw_key, ix);
	uint64_t h = hash_str(s, len);
	size_t slot = table_find(&ix->rawtab, s, len, h, raw_key, ix);
	uint32_t v = ix->rawtab.slot[slot];
	if (v) {
		uint32_t w = ix->raws[v - 1].word;
		if (w != NO_TERM)
			ix->words[w].freq++;
		return w;
	}
	uint32_t w = word_of_span(ix, s, len, number);
	if (ix->nraws == ix->rawcap) {
		ix->rawcap = ix->rawcap ? ix->rawcap * 2 : 256;
		ix->raws = xreallocarray(ix->raws, ix->rawcap, sizeof(*ix->raws));
	}
	ix->raws[ix->nraws] = (struct raw){ .at = (uint32_t)ix->rawbytes.len, .word = w };
	buf_add(&ix->rawbytes, s, len);
	buf_putc(&ix->rawbytes, '\0');
	table_put(&ix->rawtab, slot, h, (uint32_t)++ix->nraws);
	return w;
}

static uint8_t *put_varint(uint8_t *p, uint64_t v)
{
	while (v >= 0x80) {
		*p++ = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	*p++ = (uint8_t)v;
	return p;
}

/* Append (src, off) to t's postings; src and off never go back. */
static void posting_add(struct term *t, uint32_t src, uint32_t off)
{
	if (t->pcap - t->plen < POSTING_MAX) {
		t->pcap = t->pcap ? t->pcap * 2 : 16;
		t->post = xrealloc(t->post, t->pcap);
	}
	uint32_t d = src - t->lastsrc, w = d ? off : off - t->lastoff;
	uint8_t *p = put_varint(t->post + t->plen,
				(uint64_t)d << OFF_BITS | (w < OFF_INLINE ? w : OFF_INLINE));
	if (w >= OFF_INLINE)
		p = put_varint(p, w - OFF_INLINE);
	t->plen = (uint32_t)(p - t->post);
	t->lastsrc = src;
	t->lastoff = (uint16_t)off;
	t->np++;
}

/*
 * One word of the src being indexed; also counts its content words. A string
 * cut at MAX_SRC_WORDS (never one the loader makes: those hold 64 KiB at
 * most) counts as more than one.
 */
static int add_span(void *arg, const struct fold_span *sp)
{
	struct add_ctx *a = arg;
	struct search_index *ix = a->ix;
	uint32_t w = raw_word(ix, a->text + sp->start, sp->len, sp->number);
	if (w == NO_TERM)
		return 0;
	if (a->nw >= MAX_SRC_WORDS) {
		a->ncontent = 2;
		return 1;
	}
	if (!ix->words[w].stop && a->ncontent++ == 0)
		a->one = ix->words[w].term;
	struct term *t = &ix->terms[ix->words[w].term];
	posting_add(t, a->src, a->nw);
	if (t->lastsec != a->sec) {
		t->lastsec = a->sec;
		t->df++;
	}
	a->nw++;
	ix->doclen[a->sec]++;
	return 0;
}

/* Index one string of node n; returns its term when it is a single content word, else NO_TERM. */
static uint32_t add_src(struct add_ctx *a, const struct node *n, const char *text, enum field f)
{
	struct search_index *ix = a->ix;
	if (text == NULL || *text == '\0')
		return NO_TERM;
	if (ix->nsrcs == ix->srccap) {
		ix->srccap = ix->srccap ? ix->srccap * 2 : 256;
		ix->srcs = xreallocarray(ix->srcs, ix->srccap, sizeof(*ix->srcs));
	}
	a->src = (uint32_t)ix->nsrcs;
	struct src *sp = &ix->srcs[ix->nsrcs++];
	*sp = (struct src){ .node = n, .sec = a->sec, .field = f, .pos = a->pos };
	a->text = text;
	a->nw = a->ncontent = 0;
	fold_spans(ix->fold, text, strlen(text), add_span, a);
	a->pos += a->nw + POS_GAP;
	return a->ncontent == 1 ? a->one : NO_TERM;
}

/*
 * The k-th string (from 0) that node n gives the index, and its field; false
 * past the last. NULL and empty strings are counted but never indexed. The
 * srcs of one node are consecutive and in this order.
 */
static bool node_string(const struct node *n, size_t k, const char **s, enum field *f)
{
	size_t also; /* where also_called starts, when the node's type indexes it */
	switch (n->type) {
	case NODE_SECTION:
		if (k == 0) {
			*s = n->title;
			*f = F_TITLE;
			return true;
		}
		*f = F_SECTION_ALSO;
		also = 1;
		break;
	case NODE_PARA:
	case NODE_NOTE:
	case NODE_ACTION:
	case NODE_LIST:
		*s = n->text;
		*f = F_BODY;
		return k == 0;
	case NODE_ITEM:
		if (k == 0) {
			*s = n->text;
			*f = F_BODY;
			return true;
		}
		*f = F_ALSO;
		also = 1;
		break;
	case NODE_QA:
		*s = k == 0 ? n->title : n->text;
		*f = k == 0 ? F_QUESTION : F_ANSWER;
		return k < 2;
	case NODE_CLAIM:
		*s = k == 0 ? n->text : n->context;
		*f = F_BODY;
		return k < 2;
	case NODE_TERM:
		if (k < 2) {
			*s = k == 0 ? n->title : n->text;
			*f = k == 0 ? F_TERM : F_BODY;
			return true;
		}
		*f = F_ALSO;
		also = 2;
		break;
	default:
		return false;
	}
	if (k - also >= n->also_called.n)
		return false;
	*s = n->also_called.v[k - also];
	return true;
}

/* The string src indexed: the same one of its node's strings as it is of the node's srcs. */
static const char *src_text(const struct search_index *ix, uint32_t src)
{
	const struct node *n = ix->srcs[src].node;
	uint32_t first = src;
	while (first > 0 && ix->srcs[first - 1].node == n)
		first--;
	size_t want = src - first;
	const char *s;
	enum field f;
	for (size_t k = 0; node_string(n, k, &s, &f); k++)
		if (s != NULL && *s != '\0' && want-- == 0)
			return s;
	return "";
}

static void add_syn(struct search_index *ix, uint32_t a, uint32_t b)
{
	struct term *t = &ix->terms[a];
	if (a == b)
		return;
	for (size_t i = 0; i < t->nsyn; i++)
		if (t->syn[i] == b)
			return;
	t->syn = xgrow(t->syn, t->nsyn, sizeof(*t->syn));
	t->syn[t->nsyn++] = b;
}

/*
 * Index a node's strings, and note its synonyms: a section's, item's or
 * term's one-word name (its first string) and its one-word also_called
 * entries all mean the same thing ("fatigue", "tiredness", "tired"). The
 * table comes from the content only. Items and sections whose text is a
 * sentence still pair their also_called entries with each other.
 */
static void add_node(struct add_ctx *a, const struct node *n)
{
	bool syn = (n->type == NODE_SECTION || n->type == NODE_ITEM || n->type == NODE_TERM) &&
		   n->also_called.n > 0;
	uint32_t group[64];
	size_t ng = 0;
	const char *s;
	enum field f;
	for (size_t k = 0; node_string(n, k, &s, &f); k++) {
		uint32_t t = add_src(a, n, s, f);
		if (syn && (k == 0 || f == F_SECTION_ALSO || f == F_ALSO) && t != NO_TERM &&
		    ng < 64)
			group[ng++] = t;
	}
	for (size_t i = 0; i < ng; i++)
		for (size_t j = 0; j < ng; j++)
			add_syn(a->ix, group[i], group[j]);
}

/* Index a section's own texts: its title and also_called, and its blocks (not subsections). */
static void add_section(struct add_ctx *a, const struct node *s)
{
	add_node(a, s);
	for (const struct node *b = s->first; b != NULL; b = b->next) {
		if (b->type == NODE_SECTION)
			continue;
		add_node(a, b);
		if (b->type == NODE_LIST)
			for (const struct node *it = b->first; it != NULL; it = it->next)
				add_node(a, it);
	}
}

struct search_index *search_index_begin(void)
{
	struct search_index *ix = xcalloc(1, sizeof(*ix));
	ix->fold = fold_new();
	return ix;
}

void search_index_add(struct search_index *ix, const struct node *section, size_t ord)
{
	if (ord >= ix->seccap) {
		size_t cap = ix->seccap ? ix->seccap : 64;
		while (cap <= ord)
			cap *= 2;
		ix->doclen = xreallocarray(ix->doclen, cap, sizeof(*ix->doclen));
		ix->seccap = cap;
	}
	for (; ix->nsecs <= ord; ix->nsecs++)
		ix->doclen[ix->nsecs] = 0;
	struct add_ctx a = { .ix = ix, .sec = (uint32_t)ord };
	add_section(&a, section);
}

void search_index_add_tree(struct search_index *ix, const struct node *section)
{
	search_index_add(ix, section, ix->nsecs);
	for (const struct node *k = section->first; k != NULL; k = k->next)
		if (k->type == NODE_SECTION)
			search_index_add_tree(ix, k);
}

void search_index_end(struct search_index *ix, const struct content *c)
{
	/* Sections added while loading are c's sections in reading order; should
	 * their count ever differ, the numbers would name the wrong sections, so
	 * build again from c itself. */
	if (ix->nsecs != c->nsections) {
		struct search_index *fresh = search_index_new(c), old = *ix;
		*ix = *fresh;
		*fresh = old;
		search_index_free(fresh);
		return;
	}
	ix->c = c;
	ix->srccap = ix->nsrcs ? ix->nsrcs : 1;
	ix->srcs = xreallocarray(ix->srcs, ix->srccap, sizeof(*ix->srcs));
	ix->seccap = ix->nsecs ? ix->nsecs : 1;
	ix->doclen = xreallocarray(ix->doclen, ix->seccap, sizeof(*ix->doclen));
	for (size_t i = 0; i < ix->nterms; i++) {
		struct term *t = &ix->terms[i];
		if (t->plen < t->pcap) {
			t->post = xrealloc(t->post, t->plen);
			t->pcap = t->plen;
		}
	}

	double total = 0;
	for (size_t i = 0; i < ix->nsecs; i++)
		total += ix->doclen[i];
	ix->avgdl = ix->nsecs && total > 0 ? total / (double)ix->nsecs : 1.0;

	/* Bucket words by length so typo matching only looks at plausible ones. */
	for (int k = 0; k < 2; k++) {
		size_t count[MAX_FUZZY_LEN + 2] = { 0 }, *start = ix->lenstart[k];
		for (size_t i = 0; i < ix->nwords; i++) {
			size_t l = k ? ix->words[i].kn : ix->words[i].nchars;
			if (ix->words[i].nchars <= MAX_FUZZY_LEN)
				count[l]++;
		}
		start[0] = 0;
		for (size_t l = 0; l <= MAX_FUZZY_LEN; l++)
			start[l + 1] = start[l] + count[l];
		ix->bylen[k] = xcalloc(start[MAX_FUZZY_LEN + 1] + 1, sizeof(*ix->bylen[k]));
		size_t fill[MAX_FUZZY_LEN + 1];
		memcpy(fill, start, sizeof(fill));
		for (size_t i = 0; i < ix->nwords; i++) {
			size_t l = k ? ix->words[i].kn : ix->words[i].nchars;
			if (ix->words[i].nchars <= MAX_FUZZY_LEN)
				ix->bylen[k][fill[l]++] = (uint32_t)i;
		}
	}
}

struct search_index *search_index_new(const struct content *c)
{
	struct search_index *ix = search_index_begin();
	for (size_t i = 0; i < c->nsections; i++)
		search_index_add(ix, c->sections[i], i);
	search_index_end(ix, c);
	return ix;
}

void search_index_free(struct search_index *ix)
{
	if (ix == NULL)
		return;
	for (size_t i = 0; i < ix->nterms; i++) {
		free(ix->terms[i].stem);
		free(ix->terms[i].post);
		free(ix->terms[i].syn);
	}
	for (size_t i = 0; i < ix->nwords; i++)
		free(ix->words[i].w);
	free(ix->terms);
	free(ix->words);
	free(ix->termtab.slot);
	free(ix->wordtab.slot);
	free(ix->rawtab.slot);
	free(ix->termtab.tag);
	free(ix->wordtab.tag);
	free(ix->rawtab.tag);
	free(ix->raws);
	buf_free(&ix->rawbytes);
	free(ix->srcs);
	free(ix->cps);
	free(ix->bylen[0]);
	free(ix->bylen[1]);
	free(ix->doclen);
	fold_free(ix->fold);
	free(ix);
}

/* ---- queries ---- */

/*
 * The term a spelling stems to, or NO_TERM. Spellings of the content come
 * from the table, others are folded now. Reads the index only (the fold's
 * buffers aside).
 */
static uint32_t span_term(const struct search_index *ix, const char *s, size_t len)
{
	if (len <= MAX_RAW) {
		uint32_t v = table_get(&ix->rawtab, table_find(&ix->rawtab, s, len,
							       hash_str(s, len), raw_key, ix));
		if (v) {
			uint32_t w = ix->raws[v - 1].word;
			return w == NO_TERM ? NO_TERM : ix->words[w].term;
		}
	}
	size_t wlen, nchars, sl;
	const char *w = fold_span(ix->fold, s, len, &wlen, &nchars);
	if (wlen == 0)
		return NO_TERM;
	const char *stem = fold_stem(ix->fold, w, wlen, &sl);
	return term_lookup(ix, stem, sl);
}

struct alt {
	uint32_t term;
	double w;
};

struct qword {
	char *word; /* folded, as typed */
	uint32_t cps[MAX_FUZZY_LEN];
	size_t nchars;
	bool stop, number;
	struct alt *alts;
	size_t nalts;
};

/* One word, or a quoted phrase when nw > 1. */
struct unit {
	struct qword *w;
	size_t nw;
};

struct plan {
	struct unit u[MAX_UNITS];
	size_t n;
};

static void plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		for (size_t j = 0; j < p->u[i].nw; j++) {
			free(p->u[i].w[j].word);
			free(p->u[i].w[j].alts);
		}
		free(p->u[i].w);
	}
	p->n = 0;
}

static void add_alt(struct qword *q, uint32_t term, double w)
{
	for (size_t i = 0; i < q->nalts; i++) {
		if (q->alts[i].term == term) {
			if (q->alts[i].w < w)
				q->alts[i].w = w;
			return;
		}
	}
	q->alts = xgrow(q->alts, q->nalts, sizeof(*q->alts));
	q->alts[q->nalts++] = (struct alt){ .term = term, .w = w };
}

static void add_term_alts(const struct search_index *ix, struct qword *q, uint32_t t, double w)
{
	add_alt(q, t, w);
	for (size_t i = 0; i < ix->terms[t].nsyn; i++)
		add_alt(q, ix->terms[t].syn[i], w * W_SYNONYM);
}

/*
 * Call fn for every vocabulary word within k edits of q. Only words of a
 * near length are looked at, and a letter-set bound skips most of those
 * before any distance is computed.
 */
static void fuzzy_each(const struct search_index *ix, const struct qword *q, unsigned k,
		       void (*fn)(const struct search_index *, void *, uint32_t, unsigned),
		       void *arg)
{
	uint32_t key[MAX_FUZZY_LEN];
	size_t kn = sound_key(q->cps, q->nchars, key);
	for (int pass = 0; pass < 2; pass++) {
		const uint32_t *qc = pass ? key : q->cps;
		size_t n = pass ? kn : q->nchars;
		/* "qqqqqqq" has the key "q": short keys would match every short word. */
		if (pass && n < 4)
			break;
		uint64_t qmask = 0;
		for (size_t i = 0; i < n; i++)
			qmask |= letter_bit(qc[i]);
		size_t lo = n > k ? n - k : 0;
		if (pass && lo < 4)
			lo = 4;
		size_t hi = n + k > MAX_FUZZY_LEN ? MAX_FUZZY_LEN : n + k;
		const size_t *start = ix->lenstart[pass];
		for (size_t i = start[lo]; i < start[hi + 1]; i++) {
			uint32_t id = ix->bylen[pass][i];
			const struct word *w = &ix->words[id];
			uint64_t wm = pass ? w->kmask : w->mask;
			if ((unsigned)__builtin_popcountll(qmask & ~wm) > k ||
			    (unsigned)__builtin_popcountll(wm & ~qmask) > k)
				continue;
			unsigned d =
				pass ? text_edit_distance(qc, n, ix->cps + w->kcp, w->kn, k)
				     : text_edit_distance(qc, n, ix->cps + w->cp, w->nchars, k);
			/* A sound-alike is never better than a one-letter slip. */
			if (d <= k)
				fn(ix, arg, id, pass && d == 0 ? 1 : d);
		}
	}
}

static void fuzzy_alt(const struct search_index *ix, void *arg, uint32_t wid, unsigned d)
{
	add_term_alts(ix, arg, ix->words[wid].term, d <= 1 ? W_FUZZY1 : W_FUZZY2);
}

/* Typo tolerance: 4 to 7 letters allow one edit, 8 or more allow two. */
static unsigned fuzzy_k(const struct qword *q)
{
	if (q->number || q->nchars < 4 || q->nchars > MAX_FUZZY_LEN)
		return 0;
	return q->nchars >= 8 ? 2 : 1;
}

static void resolve_word(const struct search_index *ix, struct qword *q)
{
	size_t sl;
	const char *stem = fold_stem(ix->fold, q->word, strlen(q->word), &sl);
	uint32_t t = term_lookup(ix, stem, sl);
	if (t != NO_TERM) {
		add_term_alts(ix, q, t, 1.0);
		return;
	}
	unsigned k = fuzzy_k(q);
	if (k > 0)
		fuzzy_each(ix, q, k, fuzzy_alt, q);
}

struct parse_ctx {
	struct qword *w;
	size_t n;
};

static int collect_word(void *arg, const struct fold_word *fw)
{
	struct parse_ctx *p = arg;
	if (p->n >= MAX_PHRASE * MAX_UNITS)
		return 1;
	p->w = xgrow(p->w, p->n, sizeof(*p->w));
	struct qword *q = &p->w[p->n++];
	*q = (struct qword){ .word = xstrndup(fw->word, fw->wlen), .number = fw->number != 0 };
	q->stop = is_stop(q->word);
	for (size_t i = 0; i < fw->wlen && q->nchars < MAX_FUZZY_LEN;) {
		i += text_decode(fw->word + i, fw->wlen - i, &q->cps[q->nchars]);
		q->nchars++;
	}
	if (fw->nchars > MAX_FUZZY_LEN)
		q->nchars = fw->nchars; /* too long for typo matching */
	return 0;
}

static bool same_word_unit(const struct unit *a, const struct qword *w)
{
	return a->nw == 1 && strcmp(a->w[0].word, w->word) == 0;
}

/*
 * Split the query into units: "quoted phrases" and single words. Stop words
 * are dropped unless nothing else is left. Returns the number of units.
 */
static size_t plan_build(const struct search_index *ix, const char *query, struct plan *pl)
{
	struct unit all[MAX_UNITS];
	size_t nall = 0;
	bool content_word = false;

	pl->n = 0;
	for (const char *s = query; *s != '\0';) {
		bool quoted = *s == '"';
		if (quoted)
			s++;
		const char *e = strchr(s, '"');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		struct parse_ctx p = { 0 };
		fold_words(ix->fold, s, len, collect_word, &p);
		s += len + (e != NULL && quoted);
		if (quoted && p.n > 1) {
			if (p.n > MAX_PHRASE) {
				for (size_t i = MAX_PHRASE; i < p.n; i++)
					free(p.w[i].word);
				p.n = MAX_PHRASE;
			}
			if (nall < MAX_UNITS) {
				all[nall++] = (struct unit){ .w = p.w, .nw = p.n };
				content_word = true;
				continue;
			}
		}
		for (size_t i = 0; i < p.n; i++) {
			bool dup = false;
			for (size_t j = 0; j < nall && !dup; j++)
				dup = same_word_unit(&all[j], &p.w[i]);
			if (dup || nall == MAX_UNITS) {
				free(p.w[i].word);
				continue;
			}
			struct qword *one = xmalloc(sizeof(*one));
			*one = p.w[i];
			all[nall++] = (struct unit){ .w = one, .nw = 1 };
			content_word |= !one->stop;
		}
		free(p.w);
	}
	for (size_t i = 0; i < nall; i++) {
		if (content_word && all[i].nw == 1 && all[i].w[0].stop) {
			free(all[i].w[0].word);
			free(all[i].w);
			continue;
		}
		for (size_t j = 0; j < all[i].nw; j++)
			resolve_word(ix, &all[i].w[j]);
		pl->u[pl->n++] = all[i];
	}
	return pl->n;
}

/* A match of one unit in one section. */
struct mp {
	uint32_t sec, pos, src;
	uint32_t unit;
	bool exact; /* the word itself, not a synonym or a near spelling */
	double w;
};

/* A reader of one term's postings, front to back; src and off are the current posting. */
struct pcur {
	const uint8_t *p, *end;
	uint32_t src, off;
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

/* Step to the next posting; false when there is none. */
static inline bool pcur_next(struct pcur *c)
{
	if (c->p == c->end)
		return false;
	uint64_t x = get_varint(&c->p);
	uint32_t d = (uint32_t)(x >> OFF_BITS), w = (uint32_t)x & OFF_INLINE;
	if (w == OFF_INLINE)
		w += (uint32_t)get_varint(&c->p);
	c->src += d;
	c->off = d ? w : c->off + w;
	return true;
}

/* Start reading t's postings; false when it has none. */
static bool pcur_start(struct pcur *c, const struct term *t)
{
	*c = (struct pcur){ .p = t->post, .end = t->post + t->plen };
	return pcur_next(c);
}

/* Ordered lists for phrases, kept in one growable scratch per query. */
struct plist {
	uint32_t *src;
	uint16_t *off;
	double *w;
	size_t n, cap;
};

/*
 * A cursor over one ordered list of matches: a term's postings (l is NULL),
 * or the occurrences of a phrase. Keys order matches by src, word number and
 * unit, which is reading order.
 */
struct cur {
	struct pcur pc;
	const struct plist *l;
	double w; /* the weight of a term's matches; a phrase's are in l */
	uint32_t i, unit;
	uint64_t key;
};

static uint64_t cur_key(const struct cur *c)
{
	return (uint64_t)c->pc.src << 21 | (uint64_t)c->pc.off << 5 | c->unit;
}

/* Step to the next match; false when there is none. */
static bool cur_next(struct cur *c)
{
	if (c->l == NULL)
		return pcur_next(&c->pc);
	if (++c->i == c->l->n)
		return false;
	c->pc.src = c->l->src[c->i];
	c->pc.off = c->l->off[c->i];
	return true;
}

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
		live[a] = pcur_start(&at[a], &ix->terms[q->alts[a].term]);
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

/* A binary min-heap of cursors by key. */
static void heap_down(struct cur **h, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && h[l]->key < h[m]->key)
			m = l;
		if (l + 1 < n && h[l + 1]->key < h[m]->key)
			m = l + 1;
		if (m == i)
			return;
		struct cur *t = h[i];
		h[i] = h[m];
		h[m] = t;
		i = m;
	}
}

static bool in_plan(const struct plan *pl, uint32_t t)
{
	for (size_t i = 0; i < pl->n; i++)
		for (size_t j = 0; j < pl->u[i].nw; j++)
			for (size_t a = 0; a < pl->u[i].w[j].nalts; a++)
				if (pl->u[i].w[j].alts[a].term == t)
					return true;
	return false;
}

struct mark_ctx {
	const struct search_index *ix;
	const struct plan *pl;
	const char *s;
	struct search_mark *m;
	size_t n, cap;
};

static int mark_span(void *arg, const struct fold_span *sp)
{
	struct mark_ctx *mc = arg;
	uint32_t t = span_term(mc->ix, mc->s + sp->start, sp->len);
	if (t == NO_TERM || !in_plan(mc->pl, t))
		return 0;
	if (mc->n == mc->cap) {
		mc->cap = mc->cap ? mc->cap * 2 : 8;
		mc->m = xreallocarray(mc->m, mc->cap, sizeof(*mc->m));
	}
	mc->m[mc->n++] = (struct search_mark){ .start = sp->start, .len = sp->len };
	return 0;
}

static size_t plan_marks(const struct search_index *ix, const struct plan *pl, const char *s,
			 size_t len, struct search_mark **marks)
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

/* ---- snippets ---- */

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

/*
 * Cut a window of about width columns out of t around the densest run of
 * marks, at word boundaries, with "…" where text was cut; store the
 * terminal-safe snippet and its marks in h.
 */
static void make_snippet(const char *t, size_t len, const struct search_mark *m, size_t nm,
			 size_t width, struct search_hit *h)
{
	struct cpos cp;
	cpos_build(&cp, t, len);
	size_t b0 = 0, b1 = len;
	if (width < 8)
		width = 8;
	if (cp.col[cp.n] > width) {
		size_t anchor = 0, best = 0;
		for (size_t i = 0; i < nm; i++) {
			size_t ci = cp.col[cpos_at(&cp, m[i].start)], cnt = 0;
			for (size_t j = i; j < nm; j++)
				cnt += cp.col[cpos_at(&cp, m[j].start + m[j].len)] <=
				       ci + width * 2 / 3;
			if (cnt > best) {
				best = cnt;
				anchor = ci;
			}
		}
		size_t scol = anchor > width / 4 ? anchor - width / 4 : 0;
		size_t i0 = 0;
		while (i0 < cp.n && cp.col[i0] < scol)
			i0++;
		/* Start at a word: skip the rest of a cut word, but never past the anchor. */
		if (i0 > 0 && !is_space(t[cp.off[i0 - 1]])) {
			size_t i = i0;
			while (i < cp.n && !is_space(t[cp.off[i]]) && cp.col[i] < anchor)
				i++;
			if (i < cp.n && is_space(t[cp.off[i]]))
				i0 = i;
		}
		while (i0 < cp.n && is_space(t[cp.off[i0]]))
			i0++;
		i0 = snippet_start(t, &cp, i0, anchor, width);
		size_t avail = width - (i0 > 0) - 1;
		size_t i1 = i0;
		while (i1 < cp.n && cp.col[i1 + 1] - cp.col[i0] <= avail)
			i1++;
		if (i1 < cp.n) {
			size_t j = i1;
			while (j > i0 && !is_space(t[cp.off[j]]))
				j--;
			if (j > i0 && cp.col[j] > anchor)
				i1 = j;
		}
		b0 = cp.off[i0];
		b1 = cp.off[i1];
	}
	while (b1 > b0 && is_space(t[b1 - 1]))
		b1--;
	while (b0 < b1 && is_space(t[b0]))
		b0++;

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
	free(cp.off);
	free(cp.col);
}

/* The text shown for a match in src: a QA shows question and answer, a term its meaning. */
static void snippet_source(const struct search_index *ix, uint32_t src, struct buf *b)
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
	case NODE_ITEM:
		buf_puts(b, n->text ? n->text : src_text(ix, src));
		break;
	default:
		buf_puts(b, src_text(ix, src));
		break;
	}
}

/* ---- ranking ---- */

struct cand {
	uint32_t sec;
	uint32_t mask;   /* units matched */
	uint32_t nmatch; /* bits in mask */
	uint32_t tmask;  /* units matched in the title or a question */
	uint32_t src;    /* where the snippet comes from; UINT32_MAX: the section's first text */
	uint32_t spread; /* blocks beyond the first that match a unit, summed over units */
	double close;    /* 0..1: how near the matched units are */
	double score;
};

static int cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->nmatch != y->nmatch)
		return x->nmatch > y->nmatch ? -1 : 1;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	return (x->sec > y->sec) - (x->sec < y->sec);
}

/* Sift down in a heap that keeps the worst candidate at the root. */
static void cand_down(struct cand *c, size_t n, size_t i)
{
	for (;;) {
		size_t l = 2 * i + 1, m = i;
		if (l < n && cmp_cand(&c[l], &c[m]) > 0)
			m = l;
		if (l + 1 < n && cmp_cand(&c[l + 1], &c[m]) > 0)
			m = l + 1;
		if (m == i)
			return;
		struct cand t = c[i];
		c[i] = c[m];
		c[m] = t;
		i = m;
	}
}

/* Scan one section's matches (sorted by position): tf per unit, snippet source, nearness. */
static void scan_section(const struct search_index *ix, struct mp *e, size_t n, size_t nunits,
			 double *tf, struct cand *c)
{
	c->mask = c->tmask = 0;
	c->src = UINT32_MAX;
	c->spread = 0;
	uint32_t best_pop = 0;
	double best_w = 0;
	const struct node *last[MAX_UNITS] = { 0 };
	uint32_t spread[MAX_UNITS] = { 0 }, exact = 0;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		uint32_t gm = 0;
		double gw = 0;
		const struct node *blk = ix->srcs[e[i].src].node;
		for (; j < n && e[j].src == e[i].src; j++) {
			tf[e[j].unit] += e[j].w;
			gm |= 1u << e[j].unit;
			gw += e[j].w;
			/*
			 * An item's text and its also_called are one block. Only prose
			 * (a paragraph or a note) that comes back to the word counts as
			 * explaining it; more list items or answers only mention it.
			 */
			if (last[e[j].unit] != blk) {
				bool prose = blk->type == NODE_PARA || blk->type == NODE_NOTE;
				spread[e[j].unit] += last[e[j].unit] != NULL && prose;
				last[e[j].unit] = blk;
			}
			exact |= (uint32_t)e[j].exact << e[j].unit;
		}
		c->mask |= gm;
		enum field f = ix->srcs[e[i].src].field;
		if (f == F_TITLE || f == F_QUESTION)
			c->tmask |= gm;
		uint32_t pop = (uint32_t)__builtin_popcount(gm);
		if (f != F_TITLE && f != F_SECTION_ALSO &&
		    (pop > best_pop || (pop == best_pop && gw > best_w))) {
			best_pop = pop;
			best_w = gw;
			c->src = e[i].src;
		}
		i = j;
	}
	/* Synonyms only widen the spread of a word the section itself uses. */
	for (size_t u = 0; u < nunits; u++)
		if ((exact >> u) & 1)
			c->spread += spread[u];
	c->nmatch = (uint32_t)__builtin_popcount(c->mask);
	c->close = 0;
	if (c->nmatch < 2)
		return;
	/* Smallest window of positions that holds every matched unit. */
	unsigned cnt[MAX_UNITS] = { 0 };
	size_t have = 0, l = 0;
	uint32_t span = UINT32_MAX;
	for (size_t r = 0; r < n; r++) {
		if (cnt[e[r].unit]++ == 0)
			have++;
		while (have == c->nmatch) {
			uint32_t s = e[r].pos - e[l].pos;
			if (s < span)
				span = s;
			if (--cnt[e[l].unit] == 0)
				have--;
			l++;
		}
	}
	c->close = span == 0 ? 1.0 : (double)(c->nmatch - 1) / (double)span;
	if (c->close > 1.0)
		c->close = 1.0;
}

/* First text of a section that can show as a snippet (not its title). */
static uint32_t first_text(const struct search_index *ix, uint32_t sec)
{
	size_t lo = 0, hi = ix->nsrcs;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (ix->srcs[mid].sec < sec)
			lo = mid + 1;
		else
			hi = mid;
	}
	uint32_t title = UINT32_MAX;
	for (size_t i = lo; i < ix->nsrcs && ix->srcs[i].sec == sec; i++) {
		enum field f = ix->srcs[i].field;
		if (f == F_TITLE) {
			if (title == UINT32_MAX)
				title = (uint32_t)i;
		} else if (f != F_SECTION_ALSO) {
			return (uint32_t)i;
		}
	}
	return title;
}

struct sugg_ctx {
	uint32_t best;
	unsigned d;
};

static void closest(const struct search_index *ix, void *arg, uint32_t wid, unsigned d)
{
	struct sugg_ctx *s = arg;
	if (s->best == NO_TERM || d < s->d ||
	    (d == s->d && ix->words[wid].freq > ix->words[s->best].freq)) {
		s->best = wid;
		s->d = d;
	}
}

/* "Did you mean": each unknown word replaced by the nearest known one, when one is near. */
static char *suggest(const struct search_index *ix, const struct plan *pl)
{
	struct buf b = { 0 };
	bool changed = false;
	for (size_t i = 0; i < pl->n; i++) {
		for (size_t j = 0; j < pl->u[i].nw; j++) {
			const struct qword *q = &pl->u[i].w[j];
			const char *w = q->word;
			if (q->nalts == 0 && !q->number && q->nchars >= 3 &&
			    q->nchars <= MAX_FUZZY_LEN) {
				struct sugg_ctx s = { .best = NO_TERM };
				unsigned k = q->nchars >= 8 ? 3 : q->nchars >= 5 ? 2 : 1;
				fuzzy_each(ix, q, k, closest, &s);
				if (s.best != NO_TERM) {
					w = ix->words[s.best].w;
					changed = true;
				}
			}
			if (b.len > 0)
				buf_putc(&b, ' ');
			if (j == 0 && pl->u[i].nw > 1)
				buf_putc(&b, '"');
			buf_puts(&b, w);
			if (j + 1 == pl->u[i].nw && pl->u[i].nw > 1)
				buf_putc(&b, '"');
		}
	}
	if (!changed) {
		buf_free(&b);
		return NULL;
	}
	return buf_take(&b);
}

/* Per-query working memory, grown as needed and freed once at the end. */
struct scratch {
	struct cur *cur; /* one per alternative of a word, or per phrase */
	struct cur **heap;
	struct plist phrase[MAX_UNITS], tmp[MAX_PHRASE];
	struct mp *bucket; /* the matches of the section being scanned */
	size_t nbucket, bucketcap;
	struct cand *cand;
	double *tf; /* nunits per candidate */
	size_t ncand, candcap;
};

static void scratch_free(struct scratch *sc)
{
	free(sc->cur);
	free(sc->heap);
	for (size_t i = 0; i < MAX_UNITS; i++)
		plist_free(&sc->phrase[i]);
	for (size_t i = 0; i < MAX_PHRASE; i++)
		plist_free(&sc->tmp[i]);
	free(sc->bucket);
	free(sc->cand);
	free(sc->tf);
}

/* Turn the bucket (one section's matches, in reading order) into a candidate. */
static void flush_section(const struct search_index *ix, struct scratch *sc, size_t nunits,
			  size_t *df)
{
	if (sc->nbucket == 0)
		return;
	if (sc->ncand == sc->candcap) {
		/* One candidate per section at most. */
		sc->candcap = sc->candcap ? sc->candcap * 2 : 64;
		if (sc->candcap > ix->nsecs && ix->nsecs > sc->ncand)
			sc->candcap = ix->nsecs;
		sc->cand = xreallocarray(sc->cand, sc->candcap, sizeof(*sc->cand));
		sc->tf = xreallocarray(sc->tf, sc->candcap, nunits * sizeof(*sc->tf));
	}
	struct cand *c = &sc->cand[sc->ncand];
	double *tf = sc->tf + sc->ncand * nunits;
	memset(tf, 0, nunits * sizeof(*tf));
	c->sec = sc->bucket[0].sec;
	scan_section(ix, sc->bucket, sc->nbucket, nunits, tf, c);
	for (size_t u = 0; u < nunits; u++)
		df[u] += (c->mask >> u) & 1;
	sc->ncand++;
	sc->nbucket = 0;
}

/*
 * Walk every unit's matches at once in reading order (a k-way merge of
 * ordered lists), scanning each section as its matches end. Nothing is
 * sorted and no memory grows with the number of postings.
 */
static void collect(const struct search_index *ix, const struct plan *pl, struct scratch *sc,
		    size_t *df)
{
	size_t ncur = 0;
	for (size_t u = 0; u < pl->n; u++)
		ncur += pl->u[u].nw == 1 ? pl->u[u].w[0].nalts : 1;
	sc->cur = xcalloc(ncur ? ncur : 1, sizeof(*sc->cur));
	sc->heap = xcalloc(ncur ? ncur : 1, sizeof(*sc->heap));
	size_t nh = 0;
	for (size_t u = 0; u < pl->n; u++) {
		const struct unit *un = &pl->u[u];
		if (un->nw == 1) {
			for (size_t a = 0; a < un->w[0].nalts; a++) {
				struct cur *c = &sc->cur[nh];
				*c = (struct cur){ .w = un->w[0].alts[a].w, .unit = (uint32_t)u };
				if (pcur_start(&c->pc, &ix->terms[un->w[0].alts[a].term]))
					nh++;
			}
		} else {
			struct plist *l = &sc->phrase[u];
			gather_phrase(ix, un, sc->tmp, l);
			if (l->n > 0) {
				sc->cur[nh++] =
					(struct cur){ .pc = { .src = l->src[0], .off = l->off[0] },
						      .l = l,
						      .unit = (uint32_t)u };
			}
		}
	}
	for (size_t i = 0; i < nh; i++) {
		sc->cur[i].key = cur_key(&sc->cur[i]);
		sc->heap[i] = &sc->cur[i];
	}
	for (size_t i = nh / 2; i-- > 0;)
		heap_down(sc->heap, nh, i);

	uint32_t cursec = UINT32_MAX;
	while (nh > 0) {
		struct cur *c = sc->heap[0];
		const struct src *sp = &ix->srcs[c->pc.src];
		if (sp->sec != cursec) {
			flush_section(ix, sc, pl->n, df);
			cursec = sp->sec;
		}
		if (sc->nbucket == sc->bucketcap) {
			sc->bucketcap = sc->bucketcap ? sc->bucketcap * 2 : 64;
			sc->bucket = xreallocarray(sc->bucket, sc->bucketcap, sizeof(*sc->bucket));
		}
		double w = c->l ? c->l->w[c->i] : c->w;
		sc->bucket[sc->nbucket++] = (struct mp){
			.sec = sp->sec,
			.pos = sp->pos + c->pc.off,
			.src = c->pc.src,
			.unit = c->unit,
			.exact = w >= 1.0,
			.w = w * field_weight[sp->field],
		};
		if (cur_next(c))
			c->key = cur_key(c);
		else
			sc->heap[0] = sc->heap[--nh];
		heap_down(sc->heap, nh, 0);
	}
	flush_section(ix, sc, pl->n, df);
}

/* Put the best k candidates first, best first, without sorting the rest. */
static void select_top(struct cand *c, size_t n, size_t k)
{
	if (k < n) {
		/* A heap of the k best seen so far, the worst of them at the root. */
		for (size_t i = k / 2; i-- > 0;)
			cand_down(c, k, i);
		for (size_t i = k; i < n; i++) {
			if (cmp_cand(&c[i], &c[0]) < 0) {
				struct cand t = c[0];
				c[0] = c[i];
				c[i] = t;
				cand_down(c, k, 0);
			}
		}
		n = k;
	}
	if (n > 1)
		qsort(c, n, sizeof(*c), cmp_cand);
}

int search_run(const struct search_index *ix, const char *query, const struct search_opts *o,
	       struct search_result *res)
{
	*res = (struct search_result){ 0 };
	if (ix == NULL || query == NULL)
		return -1;
	struct plan pl;
	if (plan_build(ix, query, &pl) == 0)
		return -1;

	size_t nsec = ix->nsecs;
	struct scratch sc = { 0 };
	size_t df[MAX_UNITS] = { 0 };
	collect(ix, &pl, &sc, df);

	struct cand *cand = sc.cand;
	size_t ncand = sc.ncand;
	for (size_t i = 0; i < ncand; i++) {
		struct cand *c = &cand[i];
		double norm = BM25_K1 * (1 - BM25_B + BM25_B * ix->doclen[c->sec] / ix->avgdl);
		double score = 0;
		for (size_t u = 0; u < pl.n; u++) {
			double f = sc.tf[i * pl.n + u];
			if (f <= 0)
				continue;
			double idf = log(1.0 + ((double)nsec - (double)df[u] + 0.5) /
						       ((double)df[u] + 0.5));
			score += idf * f * (BM25_K1 + 1) / (f + norm);
		}
		c->score = score * (1.0 + PROXIMITY * c->close);
		/*
		 * A section that comes back to a word in several blocks explains it; one
		 * that names it in a single list item only points at it.
		 */
		double spread = (double)c->spread / (double)pl.n;
		c->score *= 1.0 + SPREAD * (spread < SPREAD_MAX ? spread : SPREAD_MAX);
		/* A title or question that says the whole query is the answer itself. */
		if (c->tmask == (pl.n >= 32 ? UINT32_MAX : (1u << pl.n) - 1))
			c->score *= TITLE_ALL;
	}
	size_t limit = o && o->limit ? o->limit : ncand;
	size_t width = o && o->snippet_width ? o->snippet_width : 80;
	select_top(cand, ncand, limit);

	/* Snippets only for the hits returned. */
	res->nhits = ncand < limit ? ncand : limit;
	res->ntotal = ncand;
	res->hits = xcalloc(res->nhits ? res->nhits : 1, sizeof(*res->hits));
	struct buf text = { 0 };
	for (size_t i = 0; i < res->nhits; i++) {
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
		snippet_source(ix, src, &text);
		struct search_mark *m;
		size_t nm = plan_marks(ix, &pl, text.s, text.len, &m);
		make_snippet(text.s, text.len, m, nm, width, h);
		free(m);
	}
	buf_free(&text);
	scratch_free(&sc);
	if (res->nhits == 0)
		res->suggestion = suggest(ix, &pl);
	plan_free(&pl);
	return 0;
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
