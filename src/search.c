/* search.c - the index and ranked search over sections (see search.h).
 *
 * Index. Every indexed string (a title, a paragraph, an also_called word...)
 * is a "src" that remembers its node, its section, its field, whether its
 * node is prose, and the position of its first word. Words are folded and
 * stemmed (fold.h); each stem is a term with two lists, both built in reading
 * order as sections are added, so nothing is sorted or replayed afterwards:
 *
 *  - The section list: one entry per section holding the term, the varints
 *    of the section minus the previous entry's, of the bytes its postings
 *    take, and of c << 1 | (flags != 0), where c is the term's field-weighted
 *    count in the section (sum of field_weight over its words, times
 *    TF_SCALE, at most 255); then, when not zero, a byte of flags (bit 0: in
 *    the title or a question; bits 1-7: the prose blocks after the first
 *    block that hold it, the "spread"). Scoring reads only
 *    these, so it never touches a src or a node.
 *  - The postings: per section, (src, word number) pairs as the LEB128
 *    varint of d << OFF_BITS | min(w, OFF_INLINE), then the varint of
 *    w - OFF_INLINE only when w >= OFF_INLINE. In a section's first posting
 *    d is the src minus the section's first src (secfirst) and w the word
 *    number; after it d is the src minus the previous one, and w the word
 *    number when d > 0, else its step from the previous one. So a section's
 *    postings can be read on their own, from the byte offset that summing
 *    the section list's lengths gives.
 *
 * A word's position is its src (from its section's first) times 2^16 plus
 * its word number, so phrases and nearness never reach across two strings. A table from each spelling as written to its folded word and
 * term means each distinct spelling is folded and stemmed once. Titles and
 * also_called entries of two to four words are kept once each as phrases.
 *
 * Queries. A query becomes units (a word, or a quoted phrase). Stop words are
 * dropped when any other word is left. A word the content holds matches its
 * stem and its synonyms' (the one-word name and also_called entries of one
 * list item or glossary term; weight W_SYNONYM). A word it does not hold is looked up in
 * Hunspell: a correct English word stays unmatched ("price" is never read as
 * "place"); a misspelt one is corrected to the content word of least cost,
 * its edits (spelling or sound key) less a little for frequent words, within
 * one edit for 4-7 letters and two for 8 or more; only when none is that near
 * are Hunspell's proposals that the content holds taken (one edit more, for
 * words of MIN_PROPOSE letters or more). Hunspell holds just the dictionary
 * lines that could spell the words asked about (speller_for), so a check
 * costs about a millisecond and little memory. A corrected word weighs W_FUZZY1..3 by edits.
 * Real-word slips ("injection sight") are caught against the phrases: a word
 * beside the phrase's own neighbour that is near the phrase's word (edits or
 * sound) is read as it, unless the query's pair is itself a phrase. Every
 * correction is reported ("Showing results for").
 *
 * Ranking, in two passes (the second for at most RERANK_MAX + RERANK_EXTRA). First, BM25F over the section lists: a unit's
 * count in a section is the field-weighted count of its alternatives, each
 * times its weight over the best alternative's (title 3, section also_called
 * 2.5, question and glossary term 2, item also_called 1.8, body and answer
 * 1), saturated as f (k1 + 1) / (f + k1 (1 - b + b len / avglen)) with
 * k1 = BM25_K1, b = BM25_B, len the words of the section's body text and
 * answers (names and also_called entries do not make a section longer). It is weighted by idf^2
 * (the query weighs its words by IDF as well as the sections do), idf =
 * ln(1 + (N - df + 0.5) / (df + 0.5)) over N sections, so rare, meaning-bearing
 * words dominate and common ones add little; by the best alternative's weight
 * (a corrected word ranks as the word would, below it); and by FILLER_W for
 * filler words ("after", "make"), never above FILLER_W times the lightest
 * meaning-bearing word that matched ("made" never outweighs "exosomes"). Sections are never ordered by how many
 * words they match. Each section's sum is then multiplied by 1 + SPREAD *
 * min(spread per unit, SPREAD_MAX) (a section that comes back to a word in
 * several prose blocks explains it) and, when its title or a question holds
 * every unit, by 1 + (TITLE_ALL - 1) * min(1, units / content words of the
 * title), and by W_OVERVIEW for a section with subsections (an overview
 * leads to them; they hold the facts). Second, the best limit + RERANK_EXTRA sections
 * are read with positions, from each alternative's postings for just those
 * sections, and multiplied by 1 + PROXIMITY * (matched units - 1) / (the
 * smallest window holding them) and by 1 + PHRASE * (share of the query's
 * neighbouring words found side by side, one dropped word allowed between,
 * each pair weighing as its lighter word).
 *
 * No answer. When nothing but filler matched (stop words only, or no matched
 * word both rarer than COMMON_DF of the sections and no filler word, while
 * some word matched nothing), or when a correct English word that bears
 * meaning matched nothing and no rare word that matched is in a title,
 * question, term or also_called ("will it make my hair grow back" mentions
 * "grow" only in passing), no section is returned as a hit: the best
 * MAX_TOPICS are offered as closest topics. A "did you mean" is offered only
 * when it finds something itself.
 */
#include "search.h"

#include <hunspell.h>
#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdint.h>
#include <stdlib.h>
#include <ctype.h>
#include <string.h>
#include <strings.h>
#include <sys/types.h>
#include <unistd.h>

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
	POS_SRC_SHIFT = 16, /* word numbers are below 2^16 (MAX_SRC_WORDS) */
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
#define BM25_B     0.5
#define W_SYNONYM  0.6
#define W_FUZZY1   0.7
#define W_FUZZY2   0.55
#define W_FUZZY3   0.45
#define PROXIMITY  0.5
#define PHRASE     0.5
#define TITLE_ALL  1.5
#define SPREAD     0.15
#define SPREAD_MAX 3.0
#define COMMON_DF  0.15
#define FILLER_W   0.25
#define W_OVERVIEW 0.6
#define TF_SCALE   4.0

enum {
	RERANK_EXTRA = 32,    /* candidates beyond the limit re-ranked with positions */
	RERANK_MAX = 224,     /* hits wanted beyond this are not re-ranked */
	MAX_PHRASE_WORDS = 4, /* words of a title or also_called phrase kept for correction */
	MAX_TOPICS = 3,       /* closest topics offered when nothing answers */
	OVERVIEW = 0x80,      /* titlen: a section with subsections */
	MIN_PROPOSE = 6,      /* shorter words get no Hunspell proposals */
};

/*
 * 12 bytes, packed: there is one per indexed string. The string itself is
 * found again from the node (src_text). A section number takes 28 bits; 2^28
 * sections would need far more memory than their nodes could ever get. A
 * word's position, for nearness, is (src - its section's first src) <<
 * POS_SRC_SHIFT plus its word number, so strings never run into each other.
 */
struct __attribute__((packed)) src {
	const struct node *node; /* block, item or section */
	uint32_t sec : 28;       /* index into content.sections */
	uint32_t field : 3;      /* enum field */
	uint32_t prose : 1;      /* its node is a paragraph or a note */
};

/* The packing the index relies on. */
_Static_assert(F_COUNT <= 1 << 3, "struct src.field holds every enum field");
_Static_assert(sizeof(struct src) == sizeof(const struct node *) + sizeof(uint32_t),
	       "struct src stays packed: a pointer and one 32-bit word");
_Static_assert(MAX_SRC_WORDS <= 1 << POS_SRC_SHIFT,
	       "a word number fits below POS_SRC_SHIFT in a position");
_Static_assert(
	(32 + OFF_BITS + 6) / 7 + (16 + 6) / 7 <= POSTING_MAX,
	"a posting (a 32-bit src step with OFF_BITS, a 16-bit word number) fits POSTING_MAX");
_Static_assert(OVERVIEW > 127 && OVERVIEW <= UINT8_MAX,
	       "titlen holds a title's words (at most 127) and the OVERVIEW bit in one byte");

struct term {
	char *stem;
	uint8_t *post;       /* postings, encoded as the header comment says */
	uint32_t plen, pcap; /* bytes used and allocated */
	uint8_t *sl;         /* section list, encoded as the header comment says */
	uint32_t slen, scap;
	uint32_t df;   /* sections holding the term */
	uint32_t *syn; /* synonym terms */
	uint32_t nsyn;
	/* While building: the last posting, the section of the last one, where
	 * that section's postings start, and what its section entry will say. */
	uint32_t lastsrc, lastsec, slsec, secoff;
	uint16_t lastoff;
	uint16_t spread; /* prose blocks after the first that hold the term */
	uint16_t tf;     /* field-weighted count, times TF_SCALE */
	bool title;      /* in the title or a question */
	bool named;      /* in some section's title, question, term or also_called */
	const struct node *lastblk;
};

/* A short title or also_called entry (word ids), for correcting real-word slips. */
struct phrase {
	uint32_t w[MAX_PHRASE_WORDS];
	uint32_t n;
};

/*
 * Hunspell over the part of the dictionary that words so far needed: the
 * lines whose word starts with one of keys (three letters each, NUL-ended).
 */
struct speller {
	char *aff, *dic; /* NULL when there is none */
	bool tried;
	Hunhandle *h;
	char (*keys)[4];
	size_t nkeys;
};

/* Per-section arrays a query scores into, kept between queries and cleared as used. */
struct qmem {
	float *tf;       /* one unit's weighted count */
	double *acc;     /* BM25F sum */
	uint32_t *mask;  /* units matched */
	uint32_t *tmask; /* units matched in the title or a question */
	uint32_t *spread;
	uint32_t *touched, *cands;
	size_t n;
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
	uint32_t *doclen; /* words of body text (and answers) per section */
	uint8_t *titlen;  /* content words of each section's title (at most 127), and
			     OVERVIEW when the section has subsections */
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
	uint32_t *secfirst; /* first src of each section */
	struct phrase *phrases;
	size_t nphrases, phrasecap;
	uint32_t *phraseslot; /* open addressing: phrase index + 1 */
	size_t phraseslotcap;
	struct speller *speller;
	struct qmem *qm;
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

/*
 * Folded words that rank but carry no topic of their own: a question made of
 * them and words the content lacks ("how many sessions will i need") is not
 * answered by the sections that share them.
 */
static const char *const filler_words[] = {
	"after",   "afterwards", "back",   "before", "day",  "days",  "even", "feel",
	"feeling", "go",         "going",  "happen", "know", "less",  "like", "lot",
	"made",    "make",       "many",   "more",   "need", "other", "own",  "still",
	"take",    "thing",      "things", "time",   "want", "way",   "week",
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

static bool is_filler(const char *w)
{
	return bsearch(&w, filler_words, sizeof(filler_words) / sizeof(filler_words[0]),
		       sizeof(filler_words[0]), cmp_str) != NULL;
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
 * The key writes ph as f, y as i, ck as k, ae and oe as e, drops a silent gh
 * ("sight" and "site"), a final e after three letters and doubled letters
 * ("alergic"). Typo matching compares keys as well as spellings.
 */
static size_t sound_key(const uint32_t *in, size_t n, uint32_t *out)
{
	size_t m = 0;
	if (n > 3 && in[n - 1] == 'e')
		n--;
	for (size_t i = 0; i < n; i++) {
		uint32_t c = in[i], next = i + 1 < n ? in[i + 1] : 0;
		if (c == 'g' && next == 'h' && i > 0 && (i + 2 == n || in[i + 2] == 't')) {
			i++;
			continue;
		}
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
	uint32_t sec, src, nw;
	/* Content (not stop) words of the string so far, and the term of the first. */
	uint32_t ncontent, one;
	enum field field;
	uint8_t ftf; /* the field's weight times TF_SCALE */
	const struct node *node;
	bool prose;
	uint32_t wid[MAX_PHRASE_WORDS]; /* its first words */
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

/* Append one encoded posting (d, w) to t's postings. */
static inline void posting_put(struct term *t, uint32_t d, uint32_t w)
{
	if (t->pcap - t->plen < POSTING_MAX) {
		t->pcap = t->pcap ? t->pcap + t->pcap / 4 + 16 : 16;
		t->post = xrealloc(t->post, t->pcap);
	}
	uint8_t *p = put_varint(t->post + t->plen,
				(uint64_t)d << OFF_BITS | (w < OFF_INLINE ? w : OFF_INLINE));
	if (w >= OFF_INLINE)
		p = put_varint(p, w - OFF_INLINE);
	t->plen = (uint32_t)(p - t->post);
}

/* Write the section entry of t's last section, now that its postings are all in. */
static void section_flush(struct term *t)
{
	if (t->lastsec == UINT32_MAX)
		return;
	if (t->scap - t->slen < 16) {
		t->scap = t->scap ? t->scap + t->scap / 4 + 16 : 16;
		t->sl = xrealloc(t->sl, t->scap);
	}
	uint8_t *p = put_varint(t->sl + t->slen, t->lastsec - t->slsec);
	p = put_varint(p, t->plen - t->secoff);
	uint32_t flags = (t->spread > 127 ? 127u : t->spread) << 1 | t->title;
	p = put_varint(p, (uint32_t)(t->tf >= 255 ? 255 : t->tf) << 1 | (flags != 0));
	if (flags != 0)
		*p++ = (uint8_t)flags;
	t->slen = (uint32_t)(p - t->sl);
	t->slsec = t->lastsec;
}

/* Add word off of src (in section sec, field f, node n) to t; src and off never go back. */
static void posting_add(struct search_index *ix, struct term *t, const struct add_ctx *a)
{
	uint32_t src = a->src, off = a->nw;
	if (t->lastsec != a->sec) {
		section_flush(t);
		t->lastsec = a->sec;
		t->df++;
		t->secoff = t->plen;
		t->tf = 0;
		t->spread = 0;
		t->title = false;
		t->lastblk = NULL;
		posting_put(t, src - ix->secfirst[a->sec], off);
	} else {
		uint32_t d = src - t->lastsrc;
		posting_put(t, d, d ? off : off - t->lastoff);
	}
	t->lastsrc = src;
	t->lastoff = (uint16_t)off;
	if (t->tf < 255)
		t->tf = (uint16_t)(t->tf + a->ftf);
	t->title |= a->field == F_TITLE || a->field == F_QUESTION;
	t->named |= a->field <= F_ALSO;
	if (t->lastblk != a->node) {
		t->spread += t->lastblk != NULL && a->prose;
		t->lastblk = a->node;
	}
}

static uint64_t phrase_hash(const uint32_t *w, size_t n)
{
	return hash_str((const char *)w, n * sizeof(*w));
}

/* Keep a short title or also_called entry once, for real-word correction. */
static void phrase_add(struct search_index *ix, const uint32_t *w, size_t n)
{
	if ((ix->nphrases + 1) * 2 > ix->phraseslotcap) {
		size_t cap = ix->phraseslotcap ? ix->phraseslotcap * 2 : 256;
		free(ix->phraseslot);
		ix->phraseslot = xcalloc(cap, sizeof(*ix->phraseslot));
		ix->phraseslotcap = cap;
		for (size_t i = 0; i < ix->nphrases; i++) {
			const struct phrase *p = &ix->phrases[i];
			size_t j = phrase_hash(p->w, p->n) & (cap - 1);
			while (ix->phraseslot[j])
				j = (j + 1) & (cap - 1);
			ix->phraseslot[j] = (uint32_t)i + 1;
		}
	}
	size_t mask = ix->phraseslotcap - 1, j = phrase_hash(w, n) & mask;
	for (; ix->phraseslot[j]; j = (j + 1) & mask) {
		const struct phrase *p = &ix->phrases[ix->phraseslot[j] - 1];
		if (p->n == n && memcmp(p->w, w, n * sizeof(*w)) == 0)
			return;
	}
	if (ix->nphrases == ix->phrasecap) {
		ix->phrasecap = ix->phrasecap ? ix->phrasecap * 2 : 64;
		ix->phrases = xreallocarray(ix->phrases, ix->phrasecap, sizeof(*ix->phrases));
	}
	struct phrase *p = &ix->phrases[ix->nphrases];
	*p = (struct phrase){ .n = (uint32_t)n };
	memcpy(p->w, w, n * sizeof(*w));
	ix->phraseslot[j] = (uint32_t)++ix->nphrases;
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
	posting_add(ix, &ix->terms[ix->words[w].term], a);
	if (a->nw < MAX_PHRASE_WORDS)
		a->wid[a->nw] = w;
	a->nw++;
	/* Titles, questions and also_called entries name a section; only its
	 * text makes it longer. */
	if (a->field == F_BODY || a->field == F_ANSWER)
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
	a->prose = n->type == NODE_PARA || n->type == NODE_NOTE;
	*sp = (struct src){ .node = n, .sec = a->sec, .field = f, .prose = a->prose };
	a->text = text;
	a->field = f;
	a->ftf = (uint8_t)(field_weight[f] * TF_SCALE + 0.5);
	a->node = n;
	a->nw = a->ncontent = 0;
	fold_spans(ix->fold, text, strlen(text), add_span, a);
	if ((f == F_TITLE || f == F_SECTION_ALSO || f == F_ALSO || f == F_TERM) && a->nw >= 2 &&
	    a->nw <= MAX_PHRASE_WORDS)
		phrase_add(ix, a->wid, a->nw);
	if (f == F_TITLE)
		ix->titlen[a->sec] |= (uint8_t)(a->ncontent < 127 ? a->ncontent : 127);
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
 * Index a node's strings, and note its synonyms: an item's or term's
 * one-word name (its first string) and its one-word also_called entries all
 * mean the same thing ("fatigue", "tiredness", "tired"). The table comes from
 * the content only. Items whose text is a sentence still pair their
 * also_called entries with each other. A section's also_called entries are
 * words that lead to it, not names of one thing ("health", "patient"), so
 * they are indexed but not paired.
 */
static void add_node(struct add_ctx *a, const struct node *n)
{
	bool syn = (n->type == NODE_ITEM || n->type == NODE_TERM) && n->also_called.n > 0;
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
		ix->secfirst = xreallocarray(ix->secfirst, cap, sizeof(*ix->secfirst));
		ix->titlen = xreallocarray(ix->titlen, cap, sizeof(*ix->titlen));
		ix->seccap = cap;
	}
	for (; ix->nsecs <= ord; ix->nsecs++) {
		ix->doclen[ix->nsecs] = 0;
		ix->secfirst[ix->nsecs] = (uint32_t)ix->nsrcs;
		ix->titlen[ix->nsecs] = 0;
	}
	if (node_has_subsections(section))
		ix->titlen[ord] = OVERVIEW;
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
	ix->speller = xcalloc(1, sizeof(*ix->speller));
	ix->qm = xcalloc(1, sizeof(*ix->qm));
	ix->srccap = ix->nsrcs ? ix->nsrcs : 1;
	ix->srcs = xreallocarray(ix->srcs, ix->srccap, sizeof(*ix->srcs));
	ix->seccap = ix->nsecs ? ix->nsecs : 1;
	ix->doclen = xreallocarray(ix->doclen, ix->seccap, sizeof(*ix->doclen));
	ix->secfirst = xreallocarray(ix->secfirst, ix->seccap, sizeof(*ix->secfirst));
	ix->titlen = xreallocarray(ix->titlen, ix->seccap, sizeof(*ix->titlen));
	for (size_t i = 0; i < ix->nterms; i++) {
		struct term *t = &ix->terms[i];
		section_flush(t);
		if (t->plen < t->pcap) {
			t->post = xrealloc(t->post, t->plen);
			t->pcap = t->plen;
		}
		if (t->slen < t->scap) {
			t->sl = xrealloc(t->sl, t->slen);
			t->scap = t->slen;
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
		free(ix->terms[i].sl);
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
	free(ix->secfirst);
	free(ix->titlen);
	free(ix->phrases);
	free(ix->phraseslot);
	if (ix->speller) {
		free(ix->speller->aff);
		free(ix->speller->dic);
		free(ix->speller->keys);
		if (ix->speller->h)
			Hunspell_destroy(ix->speller->h);
	}
	free(ix->speller);
	if (ix->qm) {
		free(ix->qm->tf);
		free(ix->qm->acc);
		free(ix->qm->mask);
		free(ix->qm->tmask);
		free(ix->qm->spread);
		free(ix->qm->touched);
		free(ix->qm->cands);
		free(ix->qm);
	}
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
	size_t start, len; /* the bytes of the query it was typed as */
	bool stop, number;
	char *fix; /* the content word it was corrected to, or NULL */
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
	bool filler;          /* every word is a stop word */
	double uw[MAX_UNITS]; /* each unit's weight in the ranking (IDF and the rest) */
};

/* A single filler word ("after", "make"); a phrase never is. */
static bool is_filler_unit(const struct unit *un)
{
	return un->nw == 1 && is_filler(un->w[0].word);
}

static void qword_free(struct qword *q)
{
	free(q->word);
	free(q->fix);
	free(q->alts);
}

static void plan_free(struct plan *p)
{
	for (size_t i = 0; i < p->n; i++) {
		for (size_t j = 0; j < p->u[i].nw; j++)
			qword_free(&p->u[i].w[j]);
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

/* Typo tolerance: 4 to 7 letters allow one edit, 8 or more allow two. */
static unsigned fuzzy_k(const struct qword *q)
{
	if (q->number || q->nchars < 4 || q->nchars > MAX_FUZZY_LEN)
		return 0;
	return q->nchars >= 8 ? 2 : 1;
}

/* Find the first English dictionary; false when there is none. */
static bool speller_find(struct speller *sp)
{
	if (sp->tried)
		return sp->dic != NULL;
	sp->tried = true;
	static const char *const bases[] = {
		"/usr/share/hunspell/en_US",
		"/usr/share/hunspell/en_GB",
		"/usr/share/myspell/dicts/en_US",
	};
	const char *env = getenv("EXOREAD_DICT");
	for (size_t i = env && *env ? 0 : 1; i <= sizeof(bases) / sizeof(bases[0]); i++) {
		const char *base = i == 0 ? env : bases[i - 1];
		char *aff = xasprintf("%s.aff", base), *dic = xasprintf("%s.dic", base);
		FILE *fa = fopen(aff, "r"), *fd = fopen(dic, "r");
		bool ok = fa && fd;
		if (fa)
			fclose(fa);
		if (fd)
			fclose(fd);
		if (ok) {
			sp->aff = aff;
			sp->dic = dic;
			return true;
		}
		free(aff);
		free(dic);
	}
	return false;
}

/* The letter as lower case ASCII, where it is a capital. */
static char ascii_lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/*
 * Whether a dictionary line is wanted: its word is shorter than three
 * letters (any word may be built on it), or starts with one of the keys.
 */
static bool dict_line_wanted(const char *line, size_t len, char (*keys)[4], size_t nkeys)
{
	size_t n = 0;
	while (n < len && n < 3 && line[n] != '/' && line[n] != '\t' && line[n] != ' ' &&
	       line[n] != '\n')
		n++;
	if (n < 3)
		return n > 0;
	for (size_t i = 0; i < nkeys; i++)
		if (ascii_lower(line[0]) == keys[i][0] && ascii_lower(line[1]) == keys[i][1] &&
		    ascii_lower(line[2]) == keys[i][2])
			return true;
	return false;
}

/* Hunspell over the dictionary lines that dict_line_wanted keeps; NULL on failure. */
static Hunhandle *speller_load(struct speller *sp)
{
	FILE *in = fopen(sp->dic, "r");
	if (in == NULL)
		return NULL;
	struct buf lines = { 0 };
	size_t nkept = 0;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	for (bool first = true; (len = getline(&line, &cap, in)) > 0; first = false) {
		/* The first line is the word count. */
		if (first || !dict_line_wanted(line, (size_t)len, sp->keys, sp->nkeys))
			continue;
		buf_add(&lines, line, (size_t)len);
		if (line[len - 1] != '\n')
			buf_putc(&lines, '\n');
		nkept++;
	}
	free(line);
	fclose(in);
	const char *tmp = getenv("TMPDIR");
	char *path = xasprintf("%s/exoread-dic-XXXXXX", tmp && *tmp ? tmp : "/tmp");
	Hunhandle *h = NULL;
	int fd = mkstemp(path);
	if (fd >= 0) {
		FILE *out = fdopen(fd, "w");
		if (out == NULL) {
			close(fd);
		} else {
			fprintf(out, "%zu\n", nkept);
			if (lines.len)
				fwrite(lines.s, 1, lines.len, out);
			if (fclose(out) == 0)
				h = Hunspell_create(sp->aff, path);
		}
		unlink(path);
	}
	free(path);
	buf_free(&lines);
	return h;
}

/*
 * Hunspell able to judge w, or NULL when there is no dictionary. It holds
 * only the dictionary lines that could spell the words asked about so far:
 * those whose first three letters stand at the start of the word or after
 * a prefix of two or three letters (the dictionaries' prefixes: re-, un-,
 * dis-, con-...); suffixes keep those letters. That is a percent or so of
 * the lines, so a word costs about a millisecond the first time its letters
 * come up and nothing after, where the whole dictionary would take tens of
 * milliseconds and megabytes. The index owns the result.
 */
static Hunhandle *speller_for(const struct search_index *ix, const char *w)
{
	struct speller *sp = ix->speller;
	if (sp == NULL || !speller_find(sp))
		return NULL;
	static const size_t offs[] = { 0, 2, 3 };
	size_t wn = strlen(w);
	bool grown = sp->h == NULL;
	for (size_t i = 0; i < 3; i++) {
		if (offs[i] + 3 > wn)
			continue;
		const char *k = w + offs[i];
		bool have = false;
		for (size_t j = 0; j < sp->nkeys && !have; j++)
			have = memcmp(sp->keys[j], k, 3) == 0;
		if (have)
			continue;
		sp->keys = xgrow(sp->keys, sp->nkeys, sizeof(*sp->keys));
		memcpy(sp->keys[sp->nkeys], k, 3);
		sp->keys[sp->nkeys++][3] = '\0';
		grown = true;
	}
	if (grown) {
		Hunhandle *h = speller_load(sp);
		if (h) {
			if (sp->h)
				Hunspell_destroy(sp->h);
			sp->h = h;
		}
	}
	return sp->h;
}

/* Whether Hunspell knows w (folded, so lower case) as an English word, or as a name. */
static bool is_english(Hunhandle *h, const char *w)
{
	if (Hunspell_spell(h, w))
		return true;
	char cap[MAX_FUZZY_LEN * 4 + 1];
	size_t n = strlen(w);
	if (n == 0 || n >= sizeof(cap) || w[0] < 'a' || w[0] > 'z')
		return false;
	memcpy(cap, w, n + 1);
	cap[0] = (char)(cap[0] - 'a' + 'A');
	return Hunspell_spell(h, cap) != 0;
}

/* The best correction of a misspelt word found so far. */
struct fix {
	uint32_t term;
	unsigned d;
	double cost;
	char word[MAX_FUZZY_LEN * 4 + 1];
};

/*
 * A candidate costs its edits, less a little for a word the content uses
 * often and for one Hunspell itself proposes.
 */
static void fix_consider(struct fix *f, uint32_t term, const char *w, unsigned d, uint32_t freq,
			 bool proposed)
{
	double lf = log10(1.0 + freq) * 0.25;
	double cost = d - (lf < 0.5 ? lf : 0.5) - (proposed ? 0.5 : 0);
	if (f->term != NO_TERM && cost >= f->cost)
		return;
	size_t n = strlen(w);
	if (n >= sizeof(f->word))
		return;
	f->term = term;
	f->d = d;
	f->cost = cost;
	memcpy(f->word, w, n + 1);
}

static void fix_fuzzy(const struct search_index *ix, void *arg, uint32_t wid, unsigned d)
{
	const struct word *w = &ix->words[wid];
	if (!w->stop)
		fix_consider(arg, w->term, w->w, d, w->freq, false);
}

/* Hunspell's proposals for q that the content uses, as candidates. */
static void fix_proposals(const struct search_index *ix, Hunhandle *h, const struct qword *q,
			  unsigned k, struct fix *f)
{
	char **list = NULL;
	int n = Hunspell_suggest(h, &list, q->word);
	for (int i = 0; i < n; i++) {
		const char *s = list[i];
		size_t len = strlen(s);
		if (len == 0 || len > MAX_FUZZY_LEN || strchr(s, ' ') || strchr(s, '-'))
			continue;
		size_t wlen, nchars, sl;
		const char *fw = fold_span(ix->fold, s, len, &wlen, &nchars);
		if (wlen == 0 || nchars > MAX_FUZZY_LEN)
			continue;
		char word[MAX_FUZZY_LEN * 4 + 1];
		if (wlen >= sizeof(word))
			continue;
		memcpy(word, fw, wlen);
		word[wlen] = '\0';
		if (is_stop(word))
			continue;
		uint32_t cps[MAX_FUZZY_LEN];
		size_t nc = 0;
		for (size_t j = 0; j < wlen && nc < MAX_FUZZY_LEN;)
			j += text_decode(word + j, wlen - j, &cps[nc++]);
		unsigned d = text_edit_distance(q->cps, q->nchars, cps, nc, k + 1);
		if (d > k + 1)
			continue;
		const char *stem = fold_stem(ix->fold, word, wlen, &sl);
		uint32_t t = term_lookup(ix, stem, sl);
		if (t == NO_TERM)
			continue;
		uint32_t v =
			table_get(&ix->wordtab, table_find(&ix->wordtab, word, wlen,
							   hash_str(word, wlen), word_key, ix));
		fix_consider(f, t, word, d, v ? ix->words[v - 1].freq : 1, true);
	}
	if (list)
		Hunspell_free_list(h, &list, n);
}

static double fix_weight(unsigned d)
{
	return d <= 1 ? W_FUZZY1 : d == 2 ? W_FUZZY2 : W_FUZZY3;
}

/*
 * A word the content holds matches itself and its synonyms. One it does not
 * hold is looked up in Hunspell: a correct English word is left unmatched
 * (nothing is bent into a different word); a misspelt one is corrected to
 * the content word that costs least (fix_consider), and matches below an
 * exact word. Without a dictionary, every unknown word counts as misspelt.
 */
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
	if (k == 0 || q->stop)
		return;
	struct fix f = { .term = NO_TERM };
	fuzzy_each(ix, q, k, fix_fuzzy, &f);
	/* Nothing near and too short for proposals: nothing to bend it into, and
	 * no need for the dictionary. */
	if (f.term == NO_TERM && q->nchars < MIN_PROPOSE)
		return;
	Hunhandle *h = speller_for(ix, q->word);
	if (h && is_english(h, q->word))
		return;
	/* Hunspell's proposals cost milliseconds: asked for only when no content
	 * word is within reach, and only for words long enough to be mangled. */
	if (h && f.term == NO_TERM && q->nchars >= MIN_PROPOSE)
		fix_proposals(ix, h, q, k, &f);
	if (f.term == NO_TERM)
		return;
	add_term_alts(ix, q, f.term, fix_weight(f.d));
	q->fix = xstrdup(f.word);
}

/* Whether content word w is a near spelling of q: a slip or two, or the same sound. */
static bool near_word(const struct search_index *ix, const struct qword *q, const struct word *w)
{
	if (w->stop || w->nchars > MAX_FUZZY_LEN)
		return false;
	unsigned k = q->nchars >= 6 ? 2 : 1;
	size_t diff = q->nchars > w->nchars ? q->nchars - w->nchars : w->nchars - q->nchars;
	if (diff <= k && text_edit_distance(q->cps, q->nchars, ix->cps + w->cp, w->nchars, k) <= k)
		return true;
	uint32_t key[MAX_FUZZY_LEN];
	size_t kn = sound_key(q->cps, q->nchars, key);
	return kn == w->kn && kn >= 3 && memcmp(key, ix->cps + w->kcp, kn * sizeof(*key)) == 0;
}

/* Whether unit u is the single word wid of the content, exactly. */
static bool exact_unit(const struct unit *u, const struct search_index *ix, uint32_t wid)
{
	return u->nw == 1 && u->w[0].nalts > 0 && u->w[0].alts[0].w >= 1.0 &&
	       u->w[0].alts[0].term == ix->words[wid].term && !ix->words[wid].stop;
}

/* Whether the words a, b (as matched) stand side by side in a title or also_called phrase. */
static bool pair_known(const struct search_index *ix, const struct qword *x, const struct qword *y)
{
	if (x->nalts == 0 || y->nalts == 0)
		return false;
	for (size_t p = 0; p < ix->nphrases; p++) {
		const struct phrase *ph = &ix->phrases[p];
		for (size_t j = 0; j + 1 < ph->n; j++)
			if (ix->words[ph->w[j]].term == x->alts[0].term &&
			    ix->words[ph->w[j + 1]].term == y->alts[0].term)
				return true;
	}
	return false;
}

/*
 * Real-word slips ("injection sight", "stem sells"): a word the content does
 * not hold, next to words that with a near spelling of it make one of the
 * content's titles or also_called phrases, is read as that phrase's word.
 */
static void fix_phrases(const struct search_index *ix, struct unit *all, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		struct qword *q = &all[i].w[0];
		if (all[i].nw != 1 || q->fix || q->stop || q->number || q->nchars < 3 ||
		    q->nchars > MAX_FUZZY_LEN)
			continue;
		/* A word the content holds is re-read only when the query's pair
		 * is no phrase of the content. */
		if (q->nalts > 0 &&
		    (q->alts[0].w < 1.0 ||
		     (i > 0 && all[i - 1].nw == 1 && pair_known(ix, all[i - 1].w, q)) ||
		     (i + 1 < n && all[i + 1].nw == 1 && pair_known(ix, q, all[i + 1].w))))
			continue;
		for (size_t p = 0; p < ix->nphrases && q->fix == NULL; p++) {
			const struct phrase *ph = &ix->phrases[p];
			for (size_t j = 0; j < ph->n; j++) {
				/* A neighbour on either side must be the phrase's own word. */
				bool left =
					j > 0 && i > 0 && exact_unit(&all[i - 1], ix, ph->w[j - 1]);
				bool right = j + 1 < ph->n && i + 1 < n &&
					     exact_unit(&all[i + 1], ix, ph->w[j + 1]);
				const struct word *w = &ix->words[ph->w[j]];
				if ((left || right) && near_word(ix, q, w) &&
				    (q->nalts == 0 || q->alts[0].term != w->term)) {
					q->nalts = 0;
					add_term_alts(ix, q, w->term, W_FUZZY1);
					q->fix = xstrdup(w->w);
					break;
				}
			}
		}
	}
}

struct parse_ctx {
	struct qword *w;
	size_t n;
	size_t base; /* offset of the folded piece in the query */
};

static int collect_word(void *arg, const struct fold_word *fw)
{
	struct parse_ctx *p = arg;
	if (p->n >= MAX_PHRASE * MAX_UNITS)
		return 1;
	p->w = xgrow(p->w, p->n, sizeof(*p->w));
	struct qword *q = &p->w[p->n++];
	*q = (struct qword){ .word = xstrndup(fw->word, fw->wlen),
			     .number = fw->number != 0,
			     .start = p->base + fw->start,
			     .len = fw->len };
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
 * Split the query into units: "quoted phrases" and single words, and resolve
 * their words. Stop words are dropped unless nothing else is left (then the
 * plan is all filler). Returns the number of units.
 */
static size_t plan_build(const struct search_index *ix, const char *query, struct plan *pl)
{
	struct unit all[MAX_UNITS];
	size_t nall = 0;
	bool content_word = false;

	pl->n = 0;
	pl->filler = false;
	for (const char *s = query; *s != '\0';) {
		bool quoted = *s == '"';
		if (quoted)
			s++;
		const char *e = strchr(s, '"');
		size_t len = e ? (size_t)(e - s) : strlen(s);
		struct parse_ctx p = { .base = (size_t)(s - query) };
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
	for (size_t i = 0; i < nall; i++)
		for (size_t j = 0; j < all[i].nw; j++)
			resolve_word(ix, &all[i].w[j]);
	fix_phrases(ix, all, nall);
	for (size_t i = 0; i < nall; i++) {
		if (content_word && all[i].nw == 1 && all[i].w[0].stop) {
			qword_free(&all[i].w[0]);
			free(all[i].w);
			continue;
		}
		pl->u[pl->n++] = all[i];
	}
	pl->filler = !content_word && pl->n > 0;
	return pl->n;
}

static int cmp_fix(const void *a, const void *b)
{
	const struct qword *x = *(const struct qword *const *)a,
			   *y = *(const struct qword *const *)b;
	return (x->start > y->start) - (x->start < y->start);
}

/* The query with each corrected word replaced, or NULL when nothing was corrected. */
static char *corrected_query(const char *query, const struct plan *pl)
{
	const struct qword *fx[MAX_UNITS * MAX_PHRASE];
	size_t n = 0;
	for (size_t i = 0; i < pl->n; i++)
		for (size_t j = 0; j < pl->u[i].nw; j++)
			if (pl->u[i].w[j].fix)
				fx[n++] = &pl->u[i].w[j];
	if (n == 0)
		return NULL;
	qsort(fx, n, sizeof(*fx), cmp_fix);
	struct buf b = { 0 };
	size_t at = 0;
	for (size_t i = 0; i < n; i++) {
		text_sanitize(&b, query + at, fx[i]->start - at);
		buf_puts(&b, fx[i]->fix);
		at = fx[i]->start + fx[i]->len;
	}
	text_sanitize(&b, query + at, strlen(query) - at);
	return buf_take(&b);
}

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

/* First text of a section that can show as a snippet (not its title). */
static uint32_t first_text(const struct search_index *ix, uint32_t sec)
{
	uint32_t title = UINT32_MAX;
	for (size_t i = ix->secfirst[sec]; i < ix->nsrcs && ix->srcs[i].sec == sec; i++) {
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
	if (ix->words[wid].stop)
		return;
	if (s->best == NO_TERM || d < s->d ||
	    (d == s->d && ix->words[wid].freq > ix->words[s->best].freq)) {
		s->best = wid;
		s->d = d;
	}
}

/*
 * "Did you mean": each unknown word that is not a correct English word
 * replaced by the nearest known one, when one is near.
 */
static char *suggest(const struct search_index *ix, const struct plan *pl)
{
	struct buf b = { 0 };
	bool changed = false;
	for (size_t i = 0; i < pl->n; i++) {
		for (size_t j = 0; j < pl->u[i].nw; j++) {
			const struct qword *q = &pl->u[i].w[j];
			const char *w = q->word;
			bool english = false;
			if (q->nalts == 0 && !q->number && q->nchars >= 3 &&
			    q->nchars <= MAX_FUZZY_LEN) {
				Hunhandle *h = speller_for(ix, q->word);
				english = h && is_english(h, q->word);
			}
			if (q->nalts == 0 && !q->number && q->nchars >= 3 &&
			    q->nchars <= MAX_FUZZY_LEN && !english) {
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

/* The per-section arrays for a query, made at the first one. */
static struct qmem *qmem_get(const struct search_index *ix)
{
	struct qmem *m = ix->qm;
	if (m->tf == NULL || m->n != ix->nsecs) {
		size_t n = ix->nsecs ? ix->nsecs : 1;
		free(m->tf);
		free(m->acc);
		free(m->mask);
		free(m->tmask);
		free(m->spread);
		free(m->touched);
		free(m->cands);
		m->tf = xcalloc(n, sizeof(*m->tf));
		m->acc = xcalloc(n, sizeof(*m->acc));
		m->mask = xcalloc(n, sizeof(*m->mask));
		m->tmask = xcalloc(n, sizeof(*m->tmask));
		m->spread = xcalloc(n, sizeof(*m->spread));
		m->touched = xcalloc(n, sizeof(*m->touched));
		m->cands = xcalloc(n, sizeof(*m->cands));
		m->n = ix->nsecs;
	}
	return m;
}

/* A match of one unit at one position of a candidate, for the nearness scan. */
struct mp {
	uint64_t pos;
	uint32_t cand, src, unit;
	float w;
};

static int cmp_mp(const void *a, const void *b)
{
	const struct mp *x = a, *y = b;
	if (x->cand != y->cand)
		return x->cand < y->cand ? -1 : 1;
	if (x->pos != y->pos)
		return x->pos < y->pos ? -1 : 1;
	return (x->unit > y->unit) - (x->unit < y->unit);
}

struct mps {
	struct mp *v;
	size_t n, cap;
};

static void mp_push(struct mps *m, struct mp e)
{
	if (m->n == m->cap) {
		m->cap = m->cap ? m->cap * 2 : 256;
		m->v = xreallocarray(m->v, m->cap, sizeof(*m->v));
	}
	m->v[m->n++] = e;
}

static void mp_add(const struct search_index *ix, struct mps *m, uint32_t cand, uint32_t src,
		   uint32_t off, uint32_t unit, double w)
{
	const struct src *sp = &ix->srcs[src];
	mp_push(m,
		(struct mp){ .cand = cand,
			     .pos = (uint64_t)(src - ix->secfirst[sp->sec]) << POS_SRC_SHIFT | off,
			     .src = src,
			     .unit = unit,
			     .w = (float)(w * field_weight[sp->field]) });
}

/*
 * One candidate's matches, by position: the block for its snippet (the one
 * that matches most units), how near its units come (the smallest window
 * holding all it matches), and the query's neighbouring words found side by
 * side in the text.
 */
static void scan_cand(const struct search_index *ix, const struct mp *e, size_t n,
		      const struct plan *pl, struct cand *c, double *close, double *adj)
{
	uint32_t best_pop = 0, mask = 0, pairs = 0;
	double best_w = 0;
	c->src = UINT32_MAX;
	for (size_t i = 0; i < n;) {
		size_t j = i;
		uint32_t gm = 0;
		double gw = 0;
		for (; j < n && e[j].src == e[i].src; j++) {
			gm |= 1u << e[j].unit;
			gw += e[j].w;
		}
		mask |= gm;
		enum field f = ix->srcs[e[i].src].field;
		uint32_t pop = (uint32_t)__builtin_popcount(gm);
		if (f != F_TITLE && f != F_SECTION_ALSO &&
		    (pop > best_pop || (pop == best_pop && gw > best_w))) {
			best_pop = pop;
			best_w = gw;
			c->src = e[i].src;
		}
		i = j;
	}
	for (size_t i = 0; i < n; i++) {
		uint32_t u = e[i].unit;
		if (u + 1 >= pl->n || pl->u[u].nw != 1 || pl->u[u + 1].nw != 1)
			continue;
		/* One word between them may be a stop word the query dropped. */
		for (size_t j = i + 1; j < n && e[j].pos <= e[i].pos + 2; j++)
			if (e[j].pos > e[i].pos && e[j].unit == u + 1)
				pairs |= 1u << u;
	}
	/* Each pair counts as much as the lighter of its two words. */
	double found = 0, total = 0;
	for (size_t u = 0; u + 1 < pl->n; u++) {
		if (pl->u[u].nw != 1 || pl->u[u + 1].nw != 1)
			continue;
		double w = pl->uw[u] < pl->uw[u + 1] ? pl->uw[u] : pl->uw[u + 1];
		total += w;
		if ((pairs >> u) & 1)
			found += w;
	}
	*adj = total > 0 ? found / total : 0;
	*close = 0;
	uint32_t nmatch = (uint32_t)__builtin_popcount(mask);
	if (nmatch < 2)
		return;
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
	*close = span == 0 ? 1.0 : (double)(nmatch - 1) / (double)span;
	if (*close > 1.0)
		*close = 1.0;
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

/*
 * Second pass, over the k candidates only (sorted by section): their
 * matches by position, read from each alternative's postings for just those
 * sections, and the nearness and phrase factors.
 */
static void rerank(const struct search_index *ix, const struct plan *pl, struct plist *occ,
		   struct cand *c, size_t k)
{
	struct mps m = { 0 };
	for (size_t u = 0; u < pl->n; u++) {
		const struct unit *un = &pl->u[u];
		if (un->nw > 1) {
			for (size_t i = 0; i < occ[u].n; i++) {
				uint32_t ci = cand_find(c, k, ix->srcs[occ[u].src[i]].sec);
				if (ci != UINT32_MAX)
					mp_add(ix, &m, ci, occ[u].src[i], occ[u].off[i],
					       (uint32_t)u, occ[u].w[i]);
			}
			continue;
		}
		for (size_t a = 0; a < un->w[0].nalts; a++) {
			const struct term *t = &ix->terms[un->w[0].alts[a].term];
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
					mp_add(ix, &m, (uint32_t)ci, pc.src, pc.off, (uint32_t)u,
					       un->w[0].alts[a].w);
			}
		}
	}
	if (m.n > 1)
		qsort(m.v, m.n, sizeof(*m.v), cmp_mp);
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
	free(m.v);
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
	double N = (double)ix->nsecs;
	/* Filler words last, so that they can weigh less than the lightest word
	 * that bears meaning: "made" must not outweigh "exosomes". */
	size_t order[MAX_UNITS], no = 0;
	for (int pass = 0; pass < 2; pass++)
		for (size_t u = 0; u < pl->n; u++)
			if (is_filler_unit(&pl->u[u]) == (pass == 1))
				order[no++] = u;
	double lightest = 0; /* the lightest meaning-bearing unit that matched */
	for (size_t o = 0; o < no; o++) {
		size_t u = order[o];
		const struct unit *un = &pl->u[u];
		uint32_t bit = 1u << u;
		size_t nt = 0;
		double top = 1.0; /* the best alternative's weight */
		if (un->nw == 1) {
			top = 0;
			for (size_t a = 0; a < un->w[0].nalts; a++)
				if (un->w[0].alts[a].w > top)
					top = un->w[0].alts[a].w;
			for (size_t a = 0; a < un->w[0].nalts; a++) {
				double w = un->w[0].alts[a].w;
				float fw = (float)(w / top / TF_SCALE);
				struct slcur sl;
				sl_start(&sl, &ix->terms[un->w[0].alts[a].term]);
				while (sl_next(&sl)) {
					uint32_t sec = sl.sec;
					if (m->tf[sec] == 0)
						m->touched[nt++] = sec;
					m->tf[sec] += fw * sl.tf;
					if (sl.flags & 1)
						m->tmask[sec] |= bit;
					/* Synonyms only widen the spread of a word the section uses. */
					if (w >= top)
						m->spread[sec] += sl.flags >> 1;
				}
			}
		} else {
			gather_phrase(ix, un, tmp, &occ[u]);
			for (size_t i = 0; i < occ[u].n; i++) {
				const struct src *sp = &ix->srcs[occ[u].src[i]];
				if (m->tf[sp->sec] == 0)
					m->touched[nt++] = sp->sec;
				m->tf[sp->sec] += (float)(occ[u].w[i] * field_weight[sp->field]);
				if (sp->field == F_TITLE || sp->field == F_QUESTION)
					m->tmask[sp->sec] |= bit;
			}
		}
		df[u] = nt;
		double idf = log(1.0 + (N - (double)nt + 0.5) / ((double)nt + 0.5));
		idf *= idf; /* the query weighs its words by IDF too */
		/* A corrected word ranks as the word would, below it. */
		idf *= top;
		if (is_filler_unit(un)) {
			idf *= FILLER_W;
			if (lightest > 0 && idf > FILLER_W * lightest)
				idf = FILLER_W * lightest;
		} else if (nt > 0 && (lightest == 0 || idf < lightest)) {
			lightest = idf;
		}
		pl->uw[u] = idf;
		for (size_t i = 0; i < nt; i++) {
			uint32_t sec = m->touched[i];
			double f = m->tf[sec];
			double norm = BM25_K1 * (1 - BM25_B + BM25_B * ix->doclen[sec] / ix->avgdl);
			m->acc[sec] += idf * f * (BM25_K1 + 1) / (f + norm);
			if (m->mask[sec] == 0)
				m->cands[ncand++] = sec;
			m->mask[sec] |= bit;
			m->tf[sec] = 0;
		}
	}
	for (size_t i = 0; i < MAX_PHRASE; i++)
		plist_free(&tmp[i]);
	return ncand;
}

/* A quoted phrase, or a word that is neither a stop word nor filler. */
static bool meaningful(const struct unit *un)
{
	return un->nw > 1 || (!un->w[0].stop && !is_filler_unit(un));
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

/*
 * Whether a unit that matched nothing asks about something the content lacks:
 * a correct English word ("hair", "drive") that bears meaning. A word that is
 * no word ("pwned", "2j") says nothing of what is asked.
 */
static bool asks_about_missing(const struct search_index *ix, const struct unit *un)
{
	if (!meaningful(un))
		return false;
	if (un->nw > 1)
		return true;
	const struct qword *q = &un->w[0];
	if (q->number || q->nchars > MAX_FUZZY_LEN)
		return false;
	Hunhandle *h = speller_for(ix, q->word);
	return h && is_english(h, q->word);
}

/*
 * Whether the content answers the query. It does when a meaning-bearing word
 * matched that is in at most COMMON_DF of the sections, or when every word
 * matched. When a query also asks about something the content lacks (see
 * asks_about_missing), a word the content only mentions in passing ("grow",
 * "home") is not enough: the rare word must name a section.
 */
static bool answered(const struct search_index *ix, const struct plan *pl, const size_t *df)
{
	if (pl->filler)
		return false;
	double common = COMMON_DF * (double)ix->nsecs;
	if (common < 2)
		common = 2;
	bool unmatched = false, passing = false;
	for (size_t u = 0; u < pl->n; u++) {
		if (df[u] == 0)
			unmatched = true;
		else if ((double)df[u] <= common && meaningful(&pl->u[u])) {
			if (unit_named(ix, &pl->u[u]))
				return true;
			passing = true;
		}
	}
	if (passing) {
		/* Only a rare word mentioned in passing matched: the dictionary
		 * decides whether the words that did not match ask for more. */
		for (size_t u = 0; u < pl->n; u++)
			if (df[u] == 0 && asks_about_missing(ix, &pl->u[u]))
				return false;
		return true;
	}
	return !unmatched;
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

static int run(const struct search_index *ix, const char *query, const struct search_opts *o,
	       struct search_result *res, bool verify)
{
	*res = (struct search_result){ 0 };
	if (ix == NULL || query == NULL)
		return -1;
	struct plan pl;
	if (plan_build(ix, query, &pl) == 0)
		return -1;
	res->corrected = corrected_query(query, &pl);

	struct qmem *m = qmem_get(ix);
	struct plist occ[MAX_UNITS] = { 0 };
	size_t df[MAX_UNITS] = { 0 };
	size_t ncand = score_sections(ix, &pl, occ, m, df);
	struct cand *cand = xcalloc(ncand ? ncand : 1, sizeof(*cand));
	uint32_t all = pl.n >= 32 ? UINT32_MAX : (1u << pl.n) - 1;
	for (size_t i = 0; i < ncand; i++) {
		uint32_t sec = m->cands[i];
		double base = m->acc[sec];
		/*
		 * A section that comes back to a word in several blocks explains it; one
		 * that names it in a single list item only points at it.
		 */
		double spread = (double)m->spread[sec] / (double)pl.n;
		base *= 1.0 + SPREAD * (spread < SPREAD_MAX ? spread : SPREAD_MAX);
		/* A title or question that says the whole query, and little else, is the
		 * answer itself. */
		unsigned tl = ix->titlen[sec] & ~OVERVIEW;
		if (m->tmask[sec] == all) {
			double cover = tl > pl.n ? (double)pl.n / tl : 1.0;
			base *= 1.0 + (TITLE_ALL - 1.0) * cover;
		}
		/* An overview leads to its subsections, which hold the facts. */
		if (ix->titlen[sec] & OVERVIEW)
			base *= W_OVERVIEW;
		cand[i] =
			(struct cand){ .sec = sec, .src = UINT32_MAX, .base = base, .score = base };
		m->acc[sec] = 0;
		m->mask[sec] = m->tmask[sec] = m->spread[sec] = 0;
	}

	size_t limit = o && o->limit ? o->limit : ncand;
	size_t width = o && o->snippet_width ? o->snippet_width : 80;
	if (ncand > 0 && !answered(ix, &pl, df)) {
		/* Nothing answers it: the best sections are offered as topics, not hits. */
		size_t k = ncand < MAX_TOPICS ? ncand : MAX_TOPICS;
		select_top(cand, ncand, k);
		res->topics = xcalloc(k, sizeof(*res->topics));
		for (size_t i = 0; i < k; i++)
			res->topics[i] = ix->c->sections[cand[i].sec];
		res->ntopics = k;
		ncand = 0;
	}

	/*
	 * The best by BM25F, re-ranked with nearness: the rest cannot gain enough.
	 * Past RERANK_MAX hits wanted (--limit 0 on large content), the rest keep
	 * their BM25F order, below the re-ranked ones.
	 */
	size_t want = limit < ncand ? limit : ncand;
	size_t k = (want < RERANK_MAX ? want : RERANK_MAX) + RERANK_EXTRA;
	if (k > ncand)
		k = ncand;
	select_top(cand, ncand, want > k ? want : k);
	if (k > 1)
		qsort(cand, k, sizeof(*cand), cmp_sec);
	rerank(ix, &pl, occ, cand, k);
	if (k > 1)
		qsort(cand, k, sizeof(*cand), cmp_score);
	for (size_t u = 0; u < MAX_UNITS; u++)
		plist_free(&occ[u]);

	/* Snippets only for the hits returned. */
	res->nhits = want;
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
		struct search_mark *mk;
		size_t nm = plan_marks(ix, &pl, text.s, text.len, &mk);
		make_snippet(text.s, text.len, mk, nm, width, h);
		free(mk);
	}
	buf_free(&text);
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
