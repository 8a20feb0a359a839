/* search_index.c - the index: its hash tables and how it is built (see search.h).
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
 *    the title or a QA's question; bits 1-7: the prose blocks after the first
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
 * its word number, so phrases and nearness never reach across two strings.
 * A table from each spelling as written to its folded word and term means
 * each distinct spelling is folded and stemmed once. Titles and
 * also_called entries of two to four words are kept once each as phrases.
 *
 * An action that says to call the emergency number is also indexed under the
 * numbers people call (EMERGENCY_NUMBERS, and the one set in the config,
 * config.h), so "when do I call 911" finds it; its text is shown with the
 * number put in (snippet_source).
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "config.h"
#include "fold.h"
#include "search_int.h"
#include "text.h"
#include "util.h"

enum {
	MAX_NAME_WORDS = 3, /* words of a list item's name (item_name) */
};

/* The emergency numbers people know: North America, the UK, the EU, Australia. */
#define EMERGENCY_NUMBERS "911 999 112 000"

/* Titles and questions say what a section is about; body words only mention things. */
const double field_weight[F_COUNT] = {
	[F_TITLE] = 3.0, [F_SECTION_ALSO] = 2.5, [F_QUESTION] = 2.0, [F_TERM] = 2.0,
	[F_ALSO] = 1.8,  [F_BODY] = 1.0,         [F_ANSWER] = 1.0,   [F_ASKED] = 2.0,
};

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
uint32_t term_lookup(const struct search_index *ix, const char *s, size_t n)
{
	uint32_t v = table_get(&ix->termtab,
			       table_find(&ix->termtab, s, n, hash_str(s, n), term_key, ix));
	return v ? v - 1 : NO_TERM;
}

uint32_t word_lookup(const struct search_index *ix, const char *s, size_t n)
{
	uint32_t v = table_get(&ix->wordtab,
			       table_find(&ix->wordtab, s, n, hash_str(s, n), word_key, ix));
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

/*
 * English spells one sound in several ways, and lay spellings follow the
 * sound: "anafilaxis" is three edits from "anaphylaxis" but equal in sound.
 * The key writes ph as f, y as i, ck as k, ae and oe as e, drops a silent gh
 * ("sight" and "site"), a final e after three letters and doubled letters
 * ("alergic"). Typo matching compares keys as well as spellings.
 */
size_t sound_key(const uint32_t *in, size_t n, uint32_t *out)
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
	uint32_t wid[MAX_SAID_WORDS]; /* its first words */
	size_t name_end; /* bytes of the text that name its list item (see item_name) */
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
	t->asked |= a->field == F_ASKED;
	t->shown |= a->field != F_ASKED;
	if (a->field == F_ALSO && a->node->type == NODE_ITEM && a->node->urgency != URG_NONE) {
		/* An item's name ("Pain." of a sign; name_end is set in its text
		 * only) says what the sign is; every word of its names, long ones
		 * too ("swollen lips"), tells its urgency. */
		t->sign |= a->name_end > 0;
		t->urg |= (uint8_t)(1u << a->node->urgency);
	}
	if (t->lastblk != a->node) {
		t->spread += t->lastblk != NULL && a->prose;
		t->lastblk = a->node;
	}
}

uint64_t words_hash(const uint32_t *w, size_t n)
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
			size_t j = words_hash(p->w, p->n) & (cap - 1);
			while (ix->phraseslot[j])
				j = (j + 1) & (cap - 1);
			ix->phraseslot[j] = (uint32_t)i + 1;
		}
	}
	size_t mask = ix->phraseslotcap - 1, j = words_hash(w, n) & mask;
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
	if (sp->start < a->name_end) {
		/* An item's name weighs as its other names do. */
		a->field = F_ALSO;
		a->ftf = (uint8_t)(field_weight[F_ALSO] * TF_SCALE + 0.5);
		posting_add(ix, &ix->terms[ix->words[w].term], a);
		a->field = F_BODY;
		a->ftf = (uint8_t)(field_weight[F_BODY] * TF_SCALE + 0.5);
	} else {
		posting_add(ix, &ix->terms[ix->words[w].term], a);
	}
	if (a->nw < MAX_SAID_WORDS)
		a->wid[a->nw] = w;
	a->nw++;
	/* Titles, a QA's question, terms and also_called entries name a
	 * section, and the questions it lists are only looked for: only its
	 * text makes it longer. */
	if (a->field == F_BODY || a->field == F_ANSWER)
		ix->doclen[a->sec]++;
	return 0;
}

/*
 * The bytes of a list item's text that name it: a first sentence of at most
 * MAX_NAME_WORDS words followed by more ("Pain. It can be mild to moderate.",
 * "Trouble breathing. This can be..."); 0 when it has none. A sign is named
 * so, and its name says what the item is about, as its also_called do.
 */
static size_t item_name(const char *text)
{
	const char *dot = strstr(text, ". ");
	if (dot == NULL)
		return 0;
	size_t words = 1;
	for (const char *p = text; p < dot; p++)
		if (*p == ' ' && ++words > MAX_NAME_WORDS)
			return 0;
	return (size_t)(dot - text);
}

/* Whether a text asks how long or how soon ("How long do side effects last?"). */
bool timed_question(const char *text)
{
	for (const char *p = text; *p; p++) {
		if ((p > text && isalnum((unsigned char)p[-1])) || strncasecmp(p, "how", 3) != 0 ||
		    (p[3] != ' ' && p[3] != '\t' && p[3] != '-'))
			continue;
		const char *q = p + 3;
		while (*q == ' ' || *q == '\t' || *q == '-')
			q++;
		if ((strncasecmp(q, "long", 4) == 0 || strncasecmp(q, "soon", 4) == 0) &&
		    !isalnum((unsigned char)q[4]))
			return true;
	}
	return false;
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
	a->name_end = n->type == NODE_ITEM && f == F_BODY ? item_name(text) : 0;
	fold_spans(ix->fold, text, strlen(text), add_span, a);
	/* A sign's other name of one word names it ("queasy"); a longer one's
	 * words, common apart, do not ("running a temperature" makes no sign of
	 * "running", nor "bad reaction" of "reaction"). */
	if (f == F_ALSO && n->type == NODE_ITEM && n->urgency != URG_NONE && a->ncontent == 1)
		ix->terms[a->one].sign = true;
	/* What a sign is, in one word: the first of its text ("Swelling where the
	 * needle went in."), or an also_called entry of one word ("queasy"). */
	if (n->type == NODE_ITEM && n->urgency != URG_NONE && a->ncontent > 0 &&
	    (f == F_BODY || (f == F_ALSO && a->ncontent == 1)))
		ix->terms[a->one].sign_head = true;
	bool name = f == F_TITLE || f == F_SECTION_ALSO || f == F_ALSO || f == F_TERM;
	if (name && a->nw >= 2 && a->nw <= MAX_PHRASE_WORDS)
		phrase_add(ix, a->wid, a->nw);
	/* Terms in a section that leads on (a word list, an overview) name
	 * words, not the section: it only leads to those that use them. A list
	 * item's also_called names the item, one of several the section lists
	 * ("local injection" is one way How it is given lists). */
	bool listed = n->type == NODE_TERM && (ix->titlen[a->sec] & OVERVIEW);
	if (name && !listed && f != F_ALSO && a->nw >= 2 && a->nw <= MAX_SAID_WORDS) {
		if (ix->nnames == ix->namecap) {
			ix->namecap = ix->namecap ? ix->namecap * 2 : 64;
			ix->namehash =
				xreallocarray(ix->namehash, ix->namecap, sizeof(*ix->namehash));
		}
		ix->namehash[ix->nnames++] = (uint32_t)words_hash(a->wid, a->nw);
	}
	if (f == F_TITLE)
		ix->titlen[a->sec] |=
			(uint8_t)(a->ncontent < TITLE_WORDS ? a->ncontent : TITLE_WORDS);
	/* A sign with its urgency says how soon to act. */
	bool urgent = n->type == NODE_ITEM && n->urgency != URG_NONE;
	if (!(ix->titlen[a->sec] & TIMED) &&
	    (urgent || ((f == F_QUESTION || f == F_ASKED) && timed_question(text)))) {
		ix->titlen[a->sec] |= TIMED;
		ix->ntimed++;
	}
	return a->ncontent == 1 ? a->one : NO_TERM;
}

/*
 * The k-th string (from 0) that node n gives the index, and its field; false
 * past the last. NULL and empty strings are counted but never indexed. The
 * srcs of one node are consecutive and in this order.
 */
static bool node_string(const struct search_index *ix, const struct node *n, size_t k,
			const char **s, enum field *f)
{
	size_t also; /* where also_called starts, when the node's type indexes it */
	switch (n->type) {
	case NODE_ACTION:
		/* Then the numbers to call, when it says to call one: other
		 * names for the number it says. */
		*s = k == 0 ? n->text : ix->numbers;
		*f = k == 0 ? F_BODY : F_ALSO;
		return k == 0 || (k == 1 && n->text && strstr(n->text, EMERGENCY_PLACEHOLDER));
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
	if (k - also < n->also_called.n) {
		*s = n->also_called.v[k - also];
		return true;
	}
	/* Then a section's questions. */
	k -= also + n->also_called.n;
	if (n->type != NODE_SECTION || k >= n->questions.n)
		return false;
	*s = n->questions.v[k];
	*f = F_ASKED;
	return true;
}

/* The string src indexed: the same one of its node's strings as it is of the node's srcs. */
const char *src_text(const struct search_index *ix, uint32_t src)
{
	const struct node *n = ix->srcs[src].node;
	uint32_t first = src;
	while (first > 0 && ix->srcs[first - 1].node == n)
		first--;
	size_t want = src - first;
	const char *s;
	enum field f;
	for (size_t k = 0; node_string(ix, n, k, &s, &f); k++)
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
	for (size_t k = 0; node_string(a->ix, n, k, &s, &f); k++) {
		uint32_t t = add_src(a, n, s, f);
		if (syn && (k == 0 || f == F_SECTION_ALSO || f == F_ALSO) && t != NO_TERM &&
		    ng < 64)
			group[ng++] = t;
	}
	for (size_t i = 0; i < ng; i++)
		for (size_t j = 0; j < ng; j++)
			add_syn(a->ix, group[i], group[j]);
}

/* Index a section's own texts: its title, also_called and questions, and its
 * blocks (not subsections). */
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
	struct buf b = { 0 };
	buf_puts(&b, EMERGENCY_NUMBERS);
	if (config_emergency_number())
		buf_printf(&b, " %s", config_emergency_number());
	ix->numbers = buf_take(&b);
	return ix;
}

/*
 * Whether a section leads to others that hold the facts: an overview to its
 * subsections, a word list (more glossary terms than other blocks) to the
 * sections that use its terms, the safety notice (id "notice", which the
 * reader shows first) to the sections it sums up.
 */
static bool node_leads_on(const struct node *section)
{
	if (section->id && strcmp(section->id, "notice") == 0)
		return true;
	size_t terms = 0, other = 0;
	for (const struct node *k = section->first; k != NULL; k = k->next) {
		if (k->type == NODE_SECTION)
			return true;
		if (k->type == NODE_TERM)
			terms++;
		else
			other++;
	}
	return terms > other;
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
		ix->namefirst = xreallocarray(ix->namefirst, cap, sizeof(*ix->namefirst));
		ix->seccap = cap;
	}
	for (; ix->nsecs <= ord; ix->nsecs++) {
		ix->doclen[ix->nsecs] = 0;
		ix->secfirst[ix->nsecs] = (uint32_t)ix->nsrcs;
		ix->namefirst[ix->nsecs] = (uint32_t)ix->nnames;
		ix->titlen[ix->nsecs] = 0;
	}
	if (node_leads_on(section))
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

/* Write each term's last section entry and give back the room its lists did not use. */
static void flush_terms(struct search_index *ix)
{
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
}

/* Bucket words by length so typo matching only looks at plausible ones. */
static void bucket_words(struct search_index *ix)
{
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
	ix->speller = speller_new();
	ix->qm = qmem_new();
	ix->srccap = ix->nsrcs ? ix->nsrcs : 1;
	ix->srcs = xreallocarray(ix->srcs, ix->srccap, sizeof(*ix->srcs));
	ix->seccap = ix->nsecs ? ix->nsecs : 1;
	ix->doclen = xreallocarray(ix->doclen, ix->seccap, sizeof(*ix->doclen));
	ix->secfirst = xreallocarray(ix->secfirst, ix->seccap, sizeof(*ix->secfirst));
	ix->titlen = xreallocarray(ix->titlen, ix->seccap, sizeof(*ix->titlen));
	ix->namefirst = xreallocarray(ix->namefirst, ix->seccap, sizeof(*ix->namefirst));
	/* Validation has numbered the sections now: each one's parent, so the
	 * ranking never goes from a section to its node for it. */
	ix->up = xreallocarray(ix->up, ix->seccap, sizeof(*ix->up));
	for (size_t i = 0; i < ix->nsecs; i++) {
		const struct node *up = c->sections[i]->parent;
		ix->up[i] = up && up->type == NODE_SECTION ? up->ord : NO_SECTION;
	}
	ix->namecap = ix->nnames ? ix->nnames : 1;
	ix->namehash = xreallocarray(ix->namehash, ix->namecap, sizeof(*ix->namehash));
	flush_terms(ix);

	double total = 0;
	for (size_t i = 0; i < ix->nsecs; i++)
		total += ix->doclen[i];
	ix->avgdl = ix->nsecs && total > 0 ? total / (double)ix->nsecs : 1.0;
	bucket_words(ix);
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
	free(ix->numbers);
	free(ix->cps);
	free(ix->bylen[0]);
	free(ix->bylen[1]);
	free(ix->doclen);
	free(ix->secfirst);
	free(ix->titlen);
	free(ix->up);
	free(ix->namefirst);
	free(ix->namehash);
	free(ix->phrases);
	free(ix->phraseslot);
	speller_free(ix->speller);
	qmem_free(ix->qm);
	fold_free(ix->fold);
	free(ix);
}

/*
 * The term a spelling stems to, or NO_TERM. Spellings of the content come
 * from the table, others are folded now. Reads the index only (the fold's
 * buffers aside).
 */
uint32_t span_term(const struct search_index *ix, const char *s, size_t len)
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

/* Counts the words of a string, and those that are no stop words. */
struct lint_count {
	size_t words, content;
};

static int lint_word(void *arg, const struct fold_word *w)
{
	struct lint_count *k = arg;
	char buf[MAX_RAW + 1];
	size_t n = w->wlen < MAX_RAW ? w->wlen : MAX_RAW;
	memcpy(buf, w->word, n);
	buf[n] = '\0';
	k->words++;
	k->content += !is_stop(buf);
	return 0;
}

static void lint_names(struct fold *f, const struct node *n)
{
	for (const struct node *k = n->first; k; k = k->next) {
		for (size_t i = 0; i < k->also_called.n; i++) {
			const char *s = k->also_called.v[i];
			struct lint_count cnt = { 0 };
			fold_words(f, s, strlen(s), lint_word, &cnt);
			if (cnt.words > 0 && cnt.content == 0)
				diag(DIAG_WARNING, k->file, strv_line(&k->also_called, i),
				     strv_col(&k->also_called, i),
				     "also_called '%s' is only stop words, which a search leaves "
				     "out; only a quoted search finds it",
				     s);
		}
		lint_names(f, k);
	}
}

void search_lint(const struct content *c)
{
	struct fold *f = fold_new();
	lint_names(f, c->root);
	fold_free(f);
}
