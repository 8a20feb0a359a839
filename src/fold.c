/* fold.c - word breaks, folding and stemming for search (see fold.h). */
#include "fold.h"

#include <libstemmer.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unicode/ubrk.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/ustring.h>

#include "text.h"
#include <unicode/utf16.h>
#include <unicode/utf8.h>

/*
 * Cyrillic and Greek letters whose ICU confusable skeleton (uspoof_getSkeleton)
 * equals the skeleton of one ASCII letter, case kept. Only single letters are
 * listed: ICU's full skeleton also folds letter pairs ("rn" -> "m"), which
 * would make "burn" match "bum". Sorted by code point; test_fold.c checks
 * every entry against ICU.
 */
static const struct {
	uint16_t from;
	char to;
} lookalikes[] = {
	{ 0x037F, 'J' }, { 0x0391, 'A' }, { 0x0392, 'B' }, { 0x0395, 'E' }, { 0x0396, 'Z' },
	{ 0x0397, 'H' }, { 0x0399, 'I' }, { 0x039A, 'K' }, { 0x039C, 'M' }, { 0x039D, 'N' },
	{ 0x039F, 'O' }, { 0x03A1, 'P' }, { 0x03A4, 'T' }, { 0x03A5, 'Y' }, { 0x03A7, 'X' },
	{ 0x03B1, 'a' }, { 0x03B3, 'y' }, { 0x03B9, 'i' }, { 0x03BD, 'v' }, { 0x03BF, 'o' },
	{ 0x03C1, 'p' }, { 0x03C3, 'o' }, { 0x03C5, 'u' }, { 0x03D2, 'Y' }, { 0x03DC, 'F' },
	{ 0x03F1, 'p' }, { 0x03F2, 'c' }, { 0x03F3, 'j' }, { 0x03F9, 'C' }, { 0x03FA, 'M' },
	{ 0x0405, 'S' }, { 0x0406, 'I' }, { 0x0408, 'J' }, { 0x0410, 'A' }, { 0x0412, 'B' },
	{ 0x0415, 'E' }, { 0x041A, 'K' }, { 0x041C, 'M' }, { 0x041D, 'H' }, { 0x041E, 'O' },
	{ 0x0420, 'P' }, { 0x0421, 'C' }, { 0x0422, 'T' }, { 0x0423, 'Y' }, { 0x0425, 'X' },
	{ 0x042C, 'b' }, { 0x0430, 'a' }, { 0x0433, 'r' }, { 0x0435, 'e' }, { 0x043E, 'o' },
	{ 0x0440, 'p' }, { 0x0441, 'c' }, { 0x0443, 'y' }, { 0x0445, 'x' }, { 0x0455, 's' },
	{ 0x0456, 'i' }, { 0x0458, 'j' }, { 0x0461, 'w' }, { 0x0474, 'V' }, { 0x0475, 'v' },
	{ 0x04AE, 'Y' }, { 0x04AF, 'y' }, { 0x04BB, 'h' }, { 0x04BD, 'e' }, { 0x04C0, 'I' },
	{ 0x04CF, 'i' }, { 0x0501, 'd' }, { 0x050C, 'G' }, { 0x051B, 'q' }, { 0x051C, 'W' },
	{ 0x051D, 'w' },
};

enum {
	/* Texts longer than this are folded only up to here (ICU indexes with int32_t). */
	FOLD_MAX_TEXT = 64 * 1024 * 1024,
};

struct fold {
	UBreakIterator *bi;
	struct sb_stemmer *stemmer;
	const UNormalizer2 *nfkc_cf, *nfd, *nfc;
	UChar *u;    /* the text being split, as UTF-16 */
	size_t *off; /* off[i]: byte offset in the source of u[i]; off[ulen] = source length */
	size_t ucap;
	UChar *w[2]; /* scratch for one word */
	size_t wcap[2];
	struct buf word; /* the folded word, UTF-8 */
	struct buf stem; /* a stem made here (see fold_stem) */
	size_t nchars;
};

static void die_icu(const char *what, UErrorCode err)
{
	fatal("ICU %s failed: %s", what, u_errorName(err));
}

struct fold *fold_new(void)
{
	struct fold *f = xcalloc(1, sizeof(*f));
	UErrorCode err = U_ZERO_ERROR;

	f->bi = ubrk_open(UBRK_WORD, "en", NULL, 0, &err);
	if (U_FAILURE(err))
		die_icu("word break iterator", err);
	f->nfkc_cf = unorm2_getNFKCCasefoldInstance(&err);
	f->nfd = unorm2_getNFDInstance(&err);
	f->nfc = unorm2_getNFCInstance(&err);
	if (U_FAILURE(err))
		die_icu("normalizer", err);
	f->stemmer = sb_stemmer_new("english", NULL);
	if (f->stemmer == NULL)
		fatal("cannot start the English stemmer");
	return f;
}

void fold_free(struct fold *f)
{
	if (f == NULL)
		return;
	ubrk_close(f->bi);
	sb_stemmer_delete(f->stemmer);
	free(f->u);
	free(f->off);
	free(f->w[0]);
	free(f->w[1]);
	buf_free(&f->word);
	buf_free(&f->stem);
	free(f);
}

uint32_t fold_lookalike(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(lookalikes) / sizeof(lookalikes[0]);

	if (cp < lookalikes[0].from || cp > lookalikes[hi - 1].from)
		return 0;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (lookalikes[mid].from == cp)
			return (uint32_t)(unsigned char)lookalikes[mid].to;
		if (lookalikes[mid].from < cp)
			lo = mid + 1;
		else
			hi = mid;
	}
	return 0;
}

size_t fold_lookalike_count(void)
{
	return sizeof(lookalikes) / sizeof(lookalikes[0]);
}

void fold_lookalike_entry(size_t i, uint32_t *from, uint32_t *to)
{
	*from = lookalikes[i].from;
	*to = (uint32_t)(unsigned char)lookalikes[i].to;
}

/* Decode UTF-8 into f->u with byte offsets; returns the UTF-16 length. */
static int32_t to_utf16(struct fold *f, const char *s, size_t len)
{
	if (len > FOLD_MAX_TEXT)
		len = FOLD_MAX_TEXT;
	/* One UTF-16 unit per byte at most, plus one for the end offset. */
	if (f->ucap < len + 1) {
		f->ucap = len + 1;
		f->u = xreallocarray(f->u, f->ucap, sizeof(*f->u));
		f->off = xreallocarray(f->off, f->ucap, sizeof(*f->off));
	}
	const uint8_t *p = (const uint8_t *)s;
	int32_t i = 0, n = (int32_t)len, j = 0;
	while (i < n) {
		int32_t at = i;
		UChar32 c;
		U8_NEXT(p, i, n, c);
		if (c < 0)
			c = 0xFFFD;
		/* Invisible characters are not there for search: "ex<U+200B>osome"
		 * is "exosome", and no word breaks at them. */
		if (text_is_invisible((uint32_t)c))
			continue;
		f->off[j] = (size_t)at;
		if (c > 0xFFFF) {
			f->u[j++] = U16_LEAD(c);
			f->off[j] = (size_t)at;
			f->u[j++] = U16_TRAIL(c);
		} else {
			f->u[j++] = (UChar)c;
		}
	}
	f->off[j] = len;
	return j;
}

static void grow_scratch(struct fold *f, int k, size_t n)
{
	if (f->wcap[k] < n) {
		f->wcap[k] = n < 64 ? 64 : n;
		f->w[k] = xreallocarray(f->w[k], f->wcap[k], sizeof(UChar));
	}
}

/* Normalize w[from] (n units) into w[!from]; returns the new length. */
static int32_t normalize(struct fold *f, const UNormalizer2 *norm, int from, int32_t n)
{
	int to = !from;
	for (;;) {
		UErrorCode err = U_ZERO_ERROR;
		int32_t m =
			unorm2_normalize(norm, f->w[from], n, f->w[to], (int32_t)f->wcap[to], &err);
		if (err == U_BUFFER_OVERFLOW_ERROR) {
			grow_scratch(f, to, (size_t)m + 1);
			continue;
		}
		if (U_FAILURE(err))
			return 0; /* cannot happen for valid UTF-16; treat as an empty word */
		return m;
	}
}

static bool is_apostrophe(UChar32 c)
{
	return c == '\'' || c == 0x2019 || c == 0x02BC;
}

/* Append the folded code points to f->word, dropping apostrophes and a final "'s". */
static void put_folded(struct fold *f, const UChar *w, int32_t n)
{
	/* A possessive "'s" says nothing about the word. */
	if (n >= 2 && (w[n - 1] == 's') && is_apostrophe(w[n - 2]))
		n -= 2;
	for (int32_t i = 0; i < n;) {
		UChar32 c;
		U16_NEXT(w, i, n, c);
		if (is_apostrophe(c))
			continue;
		if (c < 0x80) {
			buf_putc(&f->word, (char)c);
		} else {
			char tmp[4];
			int32_t k = 0;
			U8_APPEND_UNSAFE(tmp, k, c);
			buf_add(&f->word, tmp, (size_t)k);
		}
		f->nchars++;
	}
}

/* Whether p[0..n) is only ASCII letters, digits and apostrophes. */
static bool plain_ascii(const UChar *p, int32_t n)
{
	for (int32_t i = 0; i < n; i++)
		if (!(p[i] < 0x80 &&
		      (p[i] == '\'' || (p[i] >= '0' && p[i] <= '9') ||
		       (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z'))))
			return false;
	return true;
}

/*
 * Whether to map look-alikes in p[0..n): only in words that are Latin already
 * (a disguised English word) or made only of look-alike letters; a real Greek
 * or Cyrillic word with other letters stays as written.
 */
static bool maps_lookalikes(const UChar *p, int32_t n)
{
	bool latin = false, other = false;
	int nlook = 0;
	for (int32_t i = 0; i < n;) {
		UChar32 c;
		U16_NEXT(p, i, n, c);
		if (!u_isalpha(c))
			continue;
		UErrorCode err = U_ZERO_ERROR;
		UScriptCode sc = uscript_getScript(c, &err);
		if (sc == USCRIPT_LATIN)
			latin = true;
		else if (fold_lookalike((uint32_t)c))
			nlook++;
		else
			other = true;
	}
	return nlook > 0 && (latin || !other);
}

/* Copy p[0..n) into f->w[0], look-alikes mapped when map; returns the length. */
static int32_t copy_mapped(struct fold *f, const UChar *p, int32_t n, bool map)
{
	int32_t m = 0;
	for (int32_t i = 0; i < n;) {
		UChar32 c;
		U16_NEXT(p, i, n, c);
		uint32_t l = map ? fold_lookalike((uint32_t)c) : 0;
		if (l)
			c = (UChar32)l;
		U16_APPEND_UNSAFE(f->w[0], m, c);
	}
	return m;
}

/* Drop accents, and anything NFKC turned into punctuation or space, from
 * w[0..m) in place; returns the new length. */
static int32_t drop_marks(UChar *w, int32_t m)
{
	int32_t k = 0;
	for (int32_t i = 0; i < m;) {
		UChar32 c;
		U16_NEXT(w, i, m, c);
		if (u_charType(c) == U_NON_SPACING_MARK)
			continue;
		if (!u_isalnum(c) && !is_apostrophe(c))
			continue;
		U16_APPEND_UNSAFE(w, k, c);
	}
	return k;
}

/* Fold the UTF-16 word p[0..n) into f->word. */
static void fold_seg(struct fold *f, const UChar *p, int32_t n)
{
	buf_reset(&f->word);
	buf_add(&f->word, "", 0);
	f->nchars = 0;
	grow_scratch(f, 0, (size_t)n + 1);
	/* Plain ASCII words are by far the most common: lower-case them directly. */
	if (plain_ascii(p, n)) {
		for (int32_t i = 0; i < n; i++)
			f->w[0][i] = (p[i] >= 'A' && p[i] <= 'Z') ? (UChar)(p[i] + 32) : p[i];
		put_folded(f, f->w[0], n);
		return;
	}
	int32_t m = copy_mapped(f, p, n, maps_lookalikes(p, n));
	m = normalize(f, f->nfkc_cf, 0, m); /* now in w[1] */
	m = normalize(f, f->nfd, 1, m);     /* now in w[0] */
	m = drop_marks(f->w[0], m);
	m = normalize(f, f->nfc, 0, m); /* now in w[1] */
	put_folded(f, f->w[1], m);
}

/*
 * ICU's word-break classes (UAX #29) of the ASCII characters that matter.
 * ICU's root rules leave ':' out of MidLetter, so "a:b" is two words.
 */
enum aclass {
	A_OTHER,
	A_LETTER,    /* ALetter: A-Z a-z */
	A_DIGIT,     /* Numeric: 0-9 */
	A_MIDNUMLET, /* MidNumLet and Single_Quote: . ' (join letters, or digits) */
	A_MIDNUM,    /* MidNum: , ; (join digits only) */
	A_EXTEND,    /* ExtendNumLet: _ */
};

static enum aclass aclass(unsigned char c)
{
	if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z')
		return A_LETTER;
	if (c >= '0' && c <= '9')
		return A_DIGIT;
	switch (c) {
	case '.':
	case '\'':
		return A_MIDNUMLET;
	case ',':
	case ';':
		return A_MIDNUM;
	case '_':
		return A_EXTEND;
	default:
		return A_OTHER;
	}
}

static bool is_ascii_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

/*
 * Split a pure-ASCII run the way ICU does: letters, digits and '_' join
 * (WB5, WB8-10, WB13a/b); one . or ' between two letters joins them (WB6/7);
 * one . ' , or ; between two digits joins them (WB11/12). ICU's rule status,
 * which says whether the word is a number, is that of the last rule applied:
 * it follows the last character, and for a final '_' the one before it.
 */
static size_t ascii_spans(const char *s, size_t from, size_t to, fold_span_fn fn, void *arg,
			  bool *stop)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t count = 0;
	for (size_t i = from; i < to && !*stop;) {
		enum aclass c = aclass(p[i]);
		if (c != A_LETTER && c != A_DIGIT && c != A_EXTEND) {
			i++;
			continue;
		}
		size_t j = i + 1;
		enum aclass prev = A_OTHER, last = c;
		while (j < to) {
			enum aclass k = aclass(p[j]);
			if (k == A_LETTER || k == A_DIGIT || k == A_EXTEND) {
				prev = last;
				last = k;
				j++;
				continue;
			}
			enum aclass n = j + 1 < to ? aclass(p[j + 1]) : A_OTHER;
			bool join = (last == A_LETTER && k == A_MIDNUMLET && n == A_LETTER) ||
				    (last == A_DIGIT && (k == A_MIDNUMLET || k == A_MIDNUM) &&
				     n == A_DIGIT);
			if (!join)
				break;
			prev = last;
			last = n;
			j += 2;
		}
		/* A lone '_' is no word; "__" is a word of letters that folds to nothing. */
		if (!(j - i == 1 && c == A_EXTEND)) {
			bool number = last == A_DIGIT || (last == A_EXTEND && prev == A_DIGIT);
			struct fold_span sp = { .start = i, .len = j - i, .number = number };
			count++;
			if (fn(arg, &sp))
				*stop = true;
		}
		i = j;
	}
	return count;
}

/* ICU's word breaks over s[from..to); spans are offsets into s. */
static size_t icu_spans(struct fold *f, const char *s, size_t from, size_t to, fold_span_fn fn,
			void *arg, bool *stop)
{
	int32_t n = to_utf16(f, s + from, to - from);
	UErrorCode err = U_ZERO_ERROR;
	ubrk_setText(f->bi, f->u, n, &err);
	if (U_FAILURE(err))
		return 0;
	size_t count = 0;
	int32_t start = ubrk_first(f->bi);
	for (int32_t end = ubrk_next(f->bi); end != UBRK_DONE && !*stop;
	     start = end, end = ubrk_next(f->bi)) {
		int32_t status = ubrk_getRuleStatus(f->bi);
		if (status < UBRK_WORD_NONE_LIMIT)
			continue; /* spaces and punctuation */
		struct fold_span sp = {
			.start = from + f->off[start],
			.len = f->off[end] - f->off[start],
			.number = status >= UBRK_WORD_NUMBER && status < UBRK_WORD_NUMBER_LIMIT,
		};
		count++;
		if (fn(arg, &sp))
			*stop = true;
	}
	return count;
}

size_t fold_spans_icu(struct fold *f, const char *s, size_t len, fold_span_fn fn, void *arg)
{
	bool stop = false;
	if (s == NULL || len == 0)
		return 0;
	return icu_spans(f, s, 0, len > FOLD_MAX_TEXT ? FOLD_MAX_TEXT : len, fn, arg, &stop);
}

/* End of the run of non-space bytes at i; *ascii tells whether it is pure ASCII. */
static size_t run_end(const unsigned char *p, size_t i, size_t len, bool *ascii)
{
	bool a = true;
	while (i < len && !is_ascii_space(p[i]))
		a &= p[i++] < 0x80;
	*ascii = a;
	return i;
}

/*
 * ICU always breaks before and after ASCII white space (no rule joins a
 * character to a following space, tab or line break, and only non-ASCII
 * Extend and Format characters attach to a preceding one). So the text can
 * be cut into runs between white space: pure-ASCII runs take the fast
 * tokenizer, and each stretch of other runs goes to ICU whole.
 */
size_t fold_spans(struct fold *f, const char *s, size_t len, fold_span_fn fn, void *arg)
{
	if (s == NULL || len == 0)
		return 0;
	if (len > FOLD_MAX_TEXT)
		len = FOLD_MAX_TEXT;
	const unsigned char *p = (const unsigned char *)s;
	size_t count = 0, i = 0;
	bool stop = false;
	while (i < len && !stop) {
		while (i < len && is_ascii_space(p[i]))
			i++;
		if (i == len)
			break;
		bool ascii;
		size_t j = run_end(p, i, len, &ascii);
		if (ascii) {
			count += ascii_spans(s, i, j, fn, arg, &stop);
			i = j;
			continue;
		}
		/* Take the following runs too, up to the next pure-ASCII one. */
		size_t e = j;
		for (;;) {
			size_t k = e;
			while (k < len && is_ascii_space(p[k]))
				k++;
			if (k == len)
				break;
			size_t m = run_end(p, k, len, &ascii);
			if (ascii)
				break;
			e = m;
		}
		count += icu_spans(f, s, i, e, fn, arg, &stop);
		i = e;
	}
	return count;
}

/* Fold a pure-ASCII word: what fold_seg gives for it, without UTF-16 or ICU. */
static void fold_ascii(struct fold *f, const char *s, size_t n)
{
	buf_reset(&f->word);
	buf_add(&f->word, "", 0);
	/* Only letters, digits and apostrophes survive; then "'s" goes and apostrophes go. */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 'A' && c <= 'Z')
			c = (unsigned char)(c + 32);
		else if (!(c >= 'a' && c <= 'z') && !(c >= '0' && c <= '9') && c != '\'')
			continue;
		buf_putc(&f->word, (char)c);
		m++;
	}
	char *w = f->word.s;
	if (m >= 2 && w[m - 1] == 's' && w[m - 2] == '\'')
		m -= 2;
	size_t k = 0;
	for (size_t i = 0; i < m; i++)
		if (w[i] != '\'')
			w[k++] = w[i];
	w[k] = '\0';
	f->word.len = k;
	f->nchars = k;
}

static bool all_ascii(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

const char *fold_span(struct fold *f, const char *s, size_t len, size_t *wlen, size_t *nchars)
{
	if (all_ascii(s, len)) {
		fold_ascii(f, s, len);
	} else {
		int32_t n = to_utf16(f, s, len);
		fold_seg(f, f->u, n);
	}
	*wlen = f->word.len;
	*nchars = f->nchars;
	return f->word.s;
}

struct words_ctx {
	struct fold *f;
	const char *s;
	fold_word_fn fn;
	void *arg;
	size_t count;
};

static int fold_one(void *arg, const struct fold_span *sp)
{
	struct words_ctx *wc = arg;
	size_t wlen, nchars;
	const char *word = fold_span(wc->f, wc->s + sp->start, sp->len, &wlen, &nchars);
	if (wlen == 0)
		return 0;
	struct fold_word w = {
		.start = sp->start,
		.len = sp->len,
		.word = word,
		.wlen = wlen,
		.nchars = nchars,
		.number = sp->number,
	};
	wc->count++;
	return wc->fn(wc->arg, &w);
}

size_t fold_words(struct fold *f, const char *s, size_t len, fold_word_fn fn, void *arg)
{
	struct words_ctx wc = { .f = f, .s = s, .fn = fn, .arg = arg };
	fold_spans(f, s, len, fold_one, &wc);
	return wc.count;
}

size_t fold_word(struct fold *f, const char *s, size_t len, struct buf *out)
{
	buf_reset(out);
	buf_add(out, "", 0);
	if (s == NULL || len == 0)
		return 0;
	if (len > FOLD_MAX_TEXT)
		len = FOLD_MAX_TEXT;
	size_t wlen, nchars;
	const char *w = fold_span(f, s, len, &wlen, &nchars);
	buf_add(out, w, wlen);
	return out->len;
}

const char *fold_stem(struct fold *f, const char *w, size_t len, size_t *outlen)
{
	if (len <= 2 || len > 1024) {
		*outlen = len;
		return w;
	}
	/* "Aging" is a topic of its own (anti-aging claims), not a person's
	 * age ("at his age"), which Snowball would make it. */
	if ((len == 5 && memcmp(w, "aging", 5) == 0) || (len == 6 && memcmp(w, "ageing", 6) == 0)) {
		*outlen = 5;
		return "aging";
	}
	const sb_symbol *r = sb_stemmer_stem(f->stemmer, (const sb_symbol *)w, (int)len);
	if (r == NULL) {
		*outlen = len;
		return w;
	}
	size_t n = (size_t)sb_stemmer_length(f->stemmer);
	/*
	 * Snowball reads an adjective in -ical(s, -ly) as the noun in -ic it
	 * comes from, which is not always what it means: "clinical" trials are
	 * not about a clinic, nor is a "topical" cream a topic. Such a word keeps
	 * "-ical". A stem Snowball cut further stays ("biological" is "biolog",
	 * as "biologics" is).
	 */
	size_t rest = len > n ? len - n : 0; /* the letters Snowball cut */
	if (n >= 2 && rest >= 2 && rest <= 4 && memcmp(r + n - 2, "ic", 2) == 0 &&
	    memcmp(w, r, n) == 0 &&
	    ((rest == 2 && memcmp(w + n, "al", 2) == 0) ||
	     (rest == 3 && memcmp(w + n, "als", 3) == 0) ||
	     (rest == 4 && memcmp(w + n, "ally", 4) == 0))) {
		buf_reset(&f->stem);
		buf_add(&f->stem, (const char *)r, n);
		buf_add(&f->stem, "al", 2);
		*outlen = f->stem.len;
		return f->stem.s;
	}
	*outlen = n;
	return (const char *)r;
}
