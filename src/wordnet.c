/* wordnet.c - synonyms from the WordNet database files (see wordnet.h).
 *
 * The format is WordNet 3.0's (wndb(5)). An index line is
 *   lemma pos synset_cnt p_cnt [ptr_symbol...] sense_cnt tagsense_cnt offset...
 * with the offsets of its senses, most frequent first; a data line, at its
 * offset in data.POS, is
 *   offset lex_filenum ss_type w_cnt word lex_id [word lex_id...] ...
 * with w_cnt in two hex digits. Lemmas are lowercase with '_' for spaces; the
 * index is sorted by lemma in byte order after a licence header whose lines
 * start with spaces. An exception line is "inflected base...".
 */
#include "wordnet.h"

#include <ctype.h>
#include <fcntl.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

enum {
	WN_NOUN,
	WN_VERB,
	WN_ADJ,
	WN_ADV,
	WN_POS
};
enum {
	WN_INDEX,
	WN_DATA,
	WN_EXC,
	WN_KINDS
};
enum {
	MAX_LEMMA = 128
};

static const char *const pos_name[WN_POS] = { "noun", "verb", "adj", "adv" };

struct map {
	char *p; /* mapped read-only */
	size_t n;
};

struct wordnet {
	struct map f[WN_POS][WN_KINDS];
};

static struct map map_file(const char *dir, const char *fmt, const char *pos)
{
	struct map m = { 0 };
	struct buf path = { 0 };
	buf_puts(&path, dir);
	buf_puts(&path, "/");
	if (strcmp(fmt, "exc") == 0) {
		buf_puts(&path, pos);
		buf_puts(&path, ".exc");
	} else {
		buf_puts(&path, fmt);
		buf_puts(&path, ".");
		buf_puts(&path, pos);
	}
	int fd = open(path.s, O_RDONLY | O_CLOEXEC);
	buf_free(&path);
	if (fd < 0)
		return m;
	struct stat st;
	if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0) {
		void *p = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
		if (p != MAP_FAILED)
			m = (struct map){ p, (size_t)st.st_size };
	}
	close(fd);
	return m;
}

struct wordnet *wordnet_open(const char *dir, const char **where)
{
	if (dir == NULL || *dir == '\0') {
		dir = getenv("WNSEARCHDIR");
		if (dir == NULL || *dir == '\0')
			dir = "/usr/share/wordnet";
	}
	if (where)
		*where = dir;
	struct wordnet *wn = xcalloc(1, sizeof(*wn));
	static const char *const kind[WN_KINDS] = { "index", "data", "exc" };
	bool any = false;
	for (int p = 0; p < WN_POS; p++)
		for (int k = 0; k < WN_KINDS; k++) {
			wn->f[p][k] = map_file(dir, kind[k], pos_name[p]);
			any |= k == WN_INDEX && wn->f[p][k].p != NULL;
		}
	if (!any) {
		wordnet_close(wn);
		return NULL;
	}
	return wn;
}

void wordnet_close(struct wordnet *wn)
{
	if (wn == NULL)
		return;
	for (int p = 0; p < WN_POS; p++)
		for (int k = 0; k < WN_KINDS; k++)
			if (wn->f[p][k].p)
				munmap(wn->f[p][k].p, wn->f[p][k].n);
	free(wn);
}

/* strcmp of the line's first token (up to a space or the line's end) with key. */
static int cmp_token(const char *line, size_t len, const char *key, size_t klen)
{
	size_t t = 0;
	while (t < len && line[t] != ' ')
		t++;
	int c = memcmp(line, key, t < klen ? t : klen);
	if (c != 0)
		return c;
	return t < klen ? -1 : t > klen;
}

/* The line of m whose first token is key, by binary search; NULL if none. */
static const char *find_line(const struct map *m, const char *key, size_t *linelen)
{
	const char *b = m->p;
	size_t lo = 0, hi = m->n;
	while (lo < hi && b[lo] == ' ') { /* the licence header */
		while (lo < hi && b[lo] != '\n')
			lo++;
		lo++;
	}
	size_t klen = strlen(key);
	while (lo < hi) {
		size_t ls = lo + (hi - lo) / 2;
		while (ls > lo && b[ls - 1] != '\n')
			ls--;
		size_t le = ls;
		while (le < m->n && b[le] != '\n')
			le++;
		int c = cmp_token(b + ls, le - ls, key, klen);
		if (c == 0) {
			*linelen = le - ls;
			return b + ls;
		}
		if (c < 0)
			lo = le + 1;
		else
			hi = ls;
	}
	return NULL;
}

/* Split the next space-separated token off [*p, end). */
static bool next_token(const char **p, const char *end, const char **tok, size_t *len)
{
	const char *s = *p;
	while (s < end && *s == ' ')
		s++;
	if (s >= end)
		return false;
	const char *e = s;
	while (e < end && *e != ' ')
		e++;
	*tok = s;
	*len = (size_t)(e - s);
	*p = e;
	return true;
}

static unsigned long token_num(const char *t, size_t n, int base)
{
	char tmp[32];
	if (n >= sizeof(tmp))
		return 0;
	memcpy(tmp, t, n);
	tmp[n] = '\0';
	return strtoul(tmp, NULL, base);
}

/* The lexicographer file of the synset at offset off of data file m (wndb(5)), or -1. */
static int synset_lexfile(const struct map *m, unsigned long off)
{
	if (m->p == NULL || off >= m->n)
		return -1;
	const char *p = m->p + off, *end = memchr(p, '\n', m->n - off);
	if (end == NULL)
		end = m->p + m->n;
	const char *t;
	size_t n;
	if (!next_token(&p, end, &t, &n) || !next_token(&p, end, &t, &n))
		return -1;
	return (int)token_num(t, n, 10);
}

/* Nouns for what a body feels or has: noun.body, noun.process and noun.state. */
static bool bodily(int lexfile)
{
	return lexfile == 8 || lexfile == 22 || lexfile == 26;
}

/* Pass the words of the synset at offset off of data file m to fn. */
static size_t synset_words(const struct map *m, unsigned long off, const char *self, wordnet_fn fn,
			   void *arg)
{
	if (m->p == NULL || off >= m->n)
		return 0;
	const char *p = m->p + off, *end = memchr(p, '\n', m->n - off);
	if (end == NULL)
		end = m->p + m->n;
	const char *t;
	size_t n, count = 0;
	for (int skip = 0; skip < 3; skip++) /* offset, lex_filenum, ss_type */
		if (!next_token(&p, end, &t, &n))
			return 0;
	if (!next_token(&p, end, &t, &n))
		return 0;
	unsigned long w = token_num(t, n, 16);
	for (unsigned long i = 0; i < w; i++) {
		const char *lt;
		size_t ln;
		if (!next_token(&p, end, &t, &n) || !next_token(&p, end, &lt, &ln))
			break;
		char word[MAX_LEMMA];
		size_t k = 0;
		for (size_t j = 0; j < n && t[j] != '(' && k + 1 < sizeof(word); j++)
			word[k++] = t[j] == '_' ? ' ' : (char)tolower((unsigned char)t[j]);
		word[k] = '\0';
		if (k == 0 || strcmp(word, self) == 0)
			continue;
		fn(arg, word, k);
		count++;
	}
	return count;
}

/* The synonyms of lemma (a base form, '_' for spaces) as part of speech pos. */
static size_t lemma_synonyms(const struct wordnet *wn, int pos, const char *lemma, const char *self,
			     size_t max_senses, wordnet_fn fn, void *arg)
{
	size_t len;
	const char *line = find_line(&wn->f[pos][WN_INDEX], lemma, &len);
	if (line == NULL)
		return 0;
	const char *p = line, *end = line + len, *t;
	size_t n, count = 0;
	for (int skip = 0; skip < 2; skip++) /* lemma, pos */
		if (!next_token(&p, end, &t, &n))
			return 0;
	if (!next_token(&p, end, &t, &n))
		return 0;
	unsigned long senses = token_num(t, n, 10);
	if (!next_token(&p, end, &t, &n))
		return 0;
	unsigned long ptrs = token_num(t, n, 10);
	for (unsigned long i = 0; i < ptrs + 2; i++) /* pointer symbols, sense_cnt, tagsense_cnt */
		if (!next_token(&p, end, &t, &n))
			return 0;
	unsigned long tagged = token_num(t, n, 10); /* senses seen in WordNet's tagged texts */
	/* A noun's first bodily sense among those seen in use comes first:
	 * "headache" is cephalalgia before it is a worry, but "dose" stays a
	 * dose (its rare third sense is a disease). */
	const struct map *data = &wn->f[pos][WN_DATA];
	if (pos == WN_NOUN) {
		const char *q = p;
		for (unsigned long i = 0; i < senses && i < tagged && next_token(&q, end, &t, &n);
		     i++) {
			unsigned long off = token_num(t, n, 10);
			if (bodily(synset_lexfile(data, off)))
				return synset_words(data, off, self, fn, arg);
		}
	}
	for (unsigned long i = 0; i < senses && i < max_senses && next_token(&p, end, &t, &n); i++)
		count += synset_words(data, token_num(t, n, 10), self, fn, arg);
	return count;
}

/* WordNet's suffix rules (morphy), by part of speech: inflected ending, base ending. */
static const char *const suffixes[WN_POS][9][2] = {
	[WN_NOUN] = { { "s", "" },
		      { "ses", "s" },
		      { "xes", "x" },
		      { "zes", "z" },
		      { "ches", "ch" },
		      { "shes", "sh" },
		      { "men", "man" },
		      { "ies", "y" } },
	[WN_VERB] = { { "s", "" },
		      { "ies", "y" },
		      { "es", "e" },
		      { "es", "" },
		      { "ed", "e" },
		      { "ed", "" },
		      { "ing", "e" },
		      { "ing", "" } },
	[WN_ADJ] = { { "er", "" }, { "est", "" }, { "er", "e" }, { "est", "e" } },
};

/* The base forms of word, which is no lemma itself, as part of speech pos: the
 * exception list's, else those of the suffix rules that the index holds. */
static size_t base_forms(const struct wordnet *wn, int pos, const char *word, char out[][MAX_LEMMA],
			 size_t max)
{
	size_t n = 0, wl = strlen(word), len;
	const char *exc = find_line(&wn->f[pos][WN_EXC], word, &len);
	if (exc) {
		const char *p = exc, *end = exc + len, *t;
		size_t tl;
		next_token(&p, end, &t, &tl);
		while (n < max && next_token(&p, end, &t, &tl))
			if (tl < MAX_LEMMA)
				snprintf(out[n++], MAX_LEMMA, "%.*s", (int)tl, t);
		return n;
	}
	for (size_t i = 0; i < 9 && n < max && suffixes[pos][i][0]; i++) {
		size_t sl = strlen(suffixes[pos][i][0]);
		if (wl <= sl || strcmp(word + wl - sl, suffixes[pos][i][0]) != 0)
			continue;
		char base[MAX_LEMMA];
		snprintf(base, sizeof(base), "%.*s%s", (int)(wl - sl), word, suffixes[pos][i][1]);
		bool dup = false;
		for (size_t j = 0; j < n; j++)
			dup |= strcmp(out[j], base) == 0;
		if (!dup && find_line(&wn->f[pos][WN_INDEX], base, &len))
			snprintf(out[n++], MAX_LEMMA, "%s", base);
	}
	return n;
}

size_t wordnet_synonyms(const struct wordnet *wn, const char *phrase, size_t max_senses,
			wordnet_fn fn, void *arg)
{
	char self[MAX_LEMMA], key[MAX_LEMMA];
	size_t k = 0;
	for (const char *s = phrase; *s && k + 1 < sizeof(self); s++)
		self[k++] = (char)tolower((unsigned char)*s);
	self[k] = '\0';
	if (k == 0 || phrase[k] != '\0')
		return 0;
	for (size_t i = 0; i <= k; i++)
		key[i] = self[i] == ' ' ? '_' : self[i];
	/* A phrase that is a lemma as it stands is read as that lemma only:
	 * "tired" is the adjective, not a form of the verb "tire". */
	bool exact = false;
	size_t len;
	for (int pos = 0; pos < WN_POS; pos++)
		exact |= find_line(&wn->f[pos][WN_INDEX], key, &len) != NULL;
	size_t count = 0;
	for (int pos = 0; pos < WN_POS; pos++) {
		char bases[4][MAX_LEMMA];
		size_t nb = 0;
		if (!exact)
			nb = base_forms(wn, pos, key, bases, 4);
		else if (find_line(&wn->f[pos][WN_INDEX], key, &len))
			snprintf(bases[nb++], MAX_LEMMA, "%s", key);
		for (size_t b = 0; b < nb; b++) {
			char base_self[MAX_LEMMA];
			for (size_t i = 0; i < MAX_LEMMA; i++) {
				base_self[i] = bases[b][i] == '_' ? ' ' : bases[b][i];
				if (bases[b][i] == '\0')
					break;
			}
			count += lemma_synonyms(wn, pos, bases[b], base_self, max_senses, fn, arg);
		}
	}
	return count;
}
