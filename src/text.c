/* text.c - UTF-8 decoding, display width, terminal-safe text and word wrap.
 *
 * Nothing here but text_to_locale() depends on the C library locale: the
 * widths come from ICU's character properties, so `print` gives the same bytes
 * under LANG=C as under a UTF-8 locale, and the pager lays out exactly what
 * print_text writes. Under a locale of another character set, what is written
 * goes through text_to_locale() last of all.
 */
#include "text.h"

#include <errno.h>
#include <iconv.h>
#include <langinfo.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <strings.h>

#include <unicode/uchar.h>

#include "escape.h"

size_t text_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned char c = u[0];
	uint32_t v;
	size_t need, i;
	unsigned char lo = 0x80, hi = 0xBF;

	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	/* The second-byte bounds below reject overlongs, surrogates and values
	 * past U+10FFFF up front, so each error consumes the maximal subpart the
	 * Unicode standard recommends (one U+FFFD per broken sequence). */
	if (c >= 0xC2 && c <= 0xDF) {
		need = 1;
		v = c & 0x1F;
	} else if (c >= 0xE0 && c <= 0xEF) {
		need = 2;
		v = c & 0x0F;
		if (c == 0xE0)
			lo = 0xA0;
		else if (c == 0xED)
			hi = 0x9F;
	} else if (c >= 0xF0 && c <= 0xF4) {
		need = 3;
		v = c & 0x07;
		if (c == 0xF0)
			lo = 0x90;
		else if (c == 0xF4)
			hi = 0x8F;
	} else {
		*cp = 0xFFFD;
		return 1;
	}
	for (i = 1; i <= need; i++) {
		if (i >= len || u[i] < lo || u[i] > hi) {
			*cp = 0xFFFD;
			return i;
		}
		v = (v << 6) | (u[i] & 0x3F);
		lo = 0x80;
		hi = 0xBF;
	}
	*cp = v;
	return need + 1;
}

size_t text_utf8_invalid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		/* A literal U+FFFD in the input is three bytes; a decoding error never is. */
		if (cp == 0xFFFD && n != 3)
			return i;
		i += n;
	}
	return (size_t)-1;
}

void text_encode(struct buf *b, uint32_t cp)
{
	char t[4];
	size_t n;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = 0xFFFD;
	if (cp < 0x80) {
		t[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		t[0] = (char)(0xC0 | (cp >> 6));
		t[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		t[0] = (char)(0xE0 | (cp >> 12));
		t[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		t[0] = (char)(0xF0 | (cp >> 18));
		t[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		t[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		t[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	buf_add(b, t, n);
}

bool text_is_unsafe(uint32_t cp, bool allow_space_ctl)
{
	if (cp < 0x20)
		return !(allow_space_ctl && (cp == '\t' || cp == '\n'));
	if (cp < 0x7F)
		return false;
	if (cp <= 0x9F) /* DEL and C1: ESC-less CSI (0x9B) and friends */
		return true;
	/* Bidi controls reorder what follows them on screen, so a title could
	 * make later text appear in another place (the "Trojan Source" trick).
	 * U+2028/U+2029 break lines in some terminals and in JavaScript. */
	return cp == 0x061C || cp == 0x200E || cp == 0x200F || (cp >= 0x2028 && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069);
}

bool text_is_invisible(uint32_t cp)
{
	if (cp < 0xAD)
		return false;
	return cp == 0x00AD || cp == 0x180E || (cp >= 0x200B && cp <= 0x200D) ||
	       (cp >= 0x2060 && cp <= 0x2064) || (cp >= 0x206A && cp <= 0x206F) || cp == 0xFEFF ||
	       (cp >= 0xFFF9 && cp <= 0xFFFB) || (cp >= 0xE0000 && cp <= 0xE007F);
}

bool text_is_nonchar(uint32_t cp)
{
	return (cp >= 0xFDD0 && cp <= 0xFDEF) || ((cp & 0xFFFE) == 0xFFFE && cp <= 0x10FFFF);
}

unsigned text_edit_distance(const uint32_t *a, size_t n, const uint32_t *b, size_t m, unsigned k)
{
	enum {
		SHORT = 64
	};
	unsigned small[3][SHORT + 1];
	unsigned *heap = NULL, *pp, *p, *cur;
	if ((n > m ? n - m : m - n) > k)
		return k + 1;
	if (m <= SHORT) {
		pp = small[0], p = small[1], cur = small[2];
	} else {
		heap = xcalloc(3 * (m + 1), sizeof *heap);
		pp = heap, p = heap + m + 1, cur = heap + 2 * (m + 1);
	}
	for (size_t j = 0; j <= m; j++)
		p[j] = (unsigned)j;
	unsigned d = k + 1;
	for (size_t i = 1; i <= n; i++) {
		unsigned best = cur[0] = (unsigned)i;
		for (size_t j = 1; j <= m; j++) {
			unsigned cost = a[i - 1] != b[j - 1];
			unsigned v = p[j - 1] + cost;
			if (p[j] + 1 < v)
				v = p[j] + 1;
			if (cur[j - 1] + 1 < v)
				v = cur[j - 1] + 1;
			if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
			    pp[j - 2] + 1 < v)
				v = pp[j - 2] + 1;
			cur[j] = v;
			if (v < best)
				best = v;
		}
		if (best > k)
			goto out;
		unsigned *t = pp;
		pp = p;
		p = cur;
		cur = t;
	}
	d = p[m] <= k ? p[m] : k + 1;
out:
	free(heap);
	return d;
}

int text_cp_width(uint32_t cp)
{
	if (cp < 0x7F)
		return cp >= 0x20;
	if (cp < 0xA0)
		return 0;
	if (text_is_invisible(cp)) /* never shown: text_sanitize drops them */
		return 0;
	/* Hangul jamo vowels and final consonants join the preceding syllable. */
	if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF))
		return 0;
	int8_t t = u_charType((UChar32)cp);
	if (t == U_NON_SPACING_MARK || t == U_ENCLOSING_MARK || t == U_FORMAT_CHAR)
		return 0;
	int ea = u_getIntPropertyValue((UChar32)cp, UCHAR_EAST_ASIAN_WIDTH);
	if (ea == U_EA_WIDE || ea == U_EA_FULLWIDTH)
		return 2;
	return 1;
}

/* The shown form of an unsafe code point: "^[" for C0 and DEL, "<U+XXXX>" otherwise. */
static size_t shown_form(uint32_t cp, char out[16])
{
	if (cp < 0x20 || cp == 0x7F) {
		out[0] = '^';
		out[1] = (char)(cp == 0x7F ? '?' : cp + 0x40);
		return 2;
	}
	static const char hex[] = "0123456789ABCDEF";
	memcpy(out, "<U+", 3);
	out[3] = hex[(cp >> 12) & 0xF];
	out[4] = hex[(cp >> 8) & 0xF];
	out[5] = hex[(cp >> 4) & 0xF];
	out[6] = hex[cp & 0xF];
	out[7] = '>';
	return 8;
}

size_t text_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {
			w++;
			i++;
			continue;
		}
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		if (cp == '\t' || cp == '\n') {
			w++;
		} else if (text_is_unsafe(cp, false)) {
			char t[16];
			w += shown_form(cp, t);
		} else {
			w += (size_t)text_cp_width(cp);
		}
	}
	return w;
}

void text_sanitize(struct buf *b, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		/* Copy runs of printable ASCII in one go: nearly all content is ASCII. */
		size_t j = i;
		while (j < len && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F)
			j++;
		if (j > i) {
			buf_add(b, s + i, j - i);
			i = j;
			continue;
		}
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (cp == '\t' || cp == '\n') {
			buf_putc(b, ' ');
		} else if (text_is_unsafe(cp, false)) {
			char t[16];
			buf_add(b, t, shown_form(cp, t));
		} else if (text_is_invisible(cp)) {
			/* left out */
		} else if (cp == 0xFFFD) {
			text_encode(b, cp); /* invalid bytes, or a literal U+FFFD */
		} else {
			buf_add(b, s + i, n);
		}
		i += n;
	}
	if (b->s == NULL)
		buf_add(b, "", 0);
}

/*
 * Width of the character cluster at s[i]: one code point plus the zero-width
 * code points after it, so a combining accent never lands on the next line
 * away from its letter. Stores the cluster's byte length in *n.
 */
static size_t cluster(const char *s, size_t len, size_t i, size_t *n)
{
	uint32_t cp;
	size_t k = text_decode(s + i, len - i, &cp);
	size_t w = (size_t)text_cp_width(cp);
	while (i + k < len && (unsigned char)s[i + k] >= 0x80) {
		size_t m = text_decode(s + i + k, len - i - k, &cp);
		if (text_cp_width(cp) != 0)
			break;
		k += m;
	}
	*n = k;
	return w;
}

static size_t spaces_end(const char *s, size_t len, size_t i)
{
	while (i < len && s[i] == ' ')
		i++;
	return i;
}

/* Where a wrapped line ends (before any trailing spaces are dropped) and the next begins. */
struct wrap_cut {
	size_t end, next;
};

/* Fill one line of at most lw columns from s[start]: up to the last word that fits, else
 * after the last '-' or '/' that fits in an overlong word, else at a character. */
static struct wrap_cut wrap_line(const char *s, size_t len, size_t start, size_t lw)
{
	size_t pos = start, col = 0;
	size_t brk = 0, resume = 0; /* end of the last word that fit, and the next word */
	bool have_brk = false;
	size_t hy = 0; /* just after the last '-' or '/' inside a word */

	while (pos < len) {
		if (s[pos] == ' ') {
			size_t sp = pos;
			pos = spaces_end(s, len, pos);
			if (sp > start) {
				brk = sp;
				resume = pos;
				have_brk = true;
			}
			col += pos - sp;
			continue;
		}
		size_t k;
		size_t cw = cluster(s, len, pos, &k);
		if (col + cw > lw) {
			if (have_brk)
				return (struct wrap_cut){ brk, resume };
			/* A word longer than the line: a hyphen or slash in it is a better place
			 * to split than mid-syllable. */
			if (hy > start)
				return (struct wrap_cut){ hy, hy };
			/* A character wider than the whole line stands alone. */
			if (pos == start)
				return (struct wrap_cut){ pos + k, pos + k };
			return (struct wrap_cut){ pos, pos };
		}
		col += cw;
		pos += k;
		if ((s[pos - 1] == '-' || s[pos - 1] == '/') && pos - 1 > start)
			hy = pos;
	}
	return (struct wrap_cut){ len, len };
}

size_t text_wrap(const char *s, size_t len, size_t first_width, size_t width,
		 struct text_line **lines)
{
	size_t cap = 4, n = 0;
	struct text_line *v = xmalloc(cap * sizeof *v);
	size_t lw = first_width < 1 ? 1 : first_width;

	if (width < 1)
		width = 1;
	for (size_t pos = 0;;) {
		/* Continuation lines start at a word, not in the gap. */
		size_t start = n > 0 ? spaces_end(s, len, pos) : pos;
		struct wrap_cut cut = wrap_line(s, len, start, lw);
		while (cut.end > start && s[cut.end - 1] == ' ')
			cut.end--;
		if (n == cap) {
			cap *= 2;
			v = xreallocarray(v, cap, sizeof *v);
		}
		v[n++] = (struct text_line){ .start = start, .len = cut.end - start };
		if (cut.next >= len)
			break;
		pos = cut.next;
		lw = width;
	}
	*lines = v;
	return n;
}

/* ---- the locale's character set ---- */

static bool locale_convert; /* the locale is neither UTF-8 nor C/POSIX */
static bool locale_no_c1;   /* bytes 0x80..0x9F are controls in its character set */
static iconv_t locale_cd = (iconv_t)-1;

void text_locale_init(void)
{
	const char *cs = nl_langinfo(CODESET), *name = setlocale(LC_CTYPE, NULL);
	bool utf8 = cs && (strcasecmp(cs, "UTF-8") == 0 || strcasecmp(cs, "utf8") == 0);
	bool plain = name && (strcmp(name, "C") == 0 || strcmp(name, "POSIX") == 0);
	if (locale_cd != (iconv_t)-1)
		iconv_close(locale_cd);
	locale_cd = (iconv_t)-1;
	locale_convert = !utf8 && !plain && cs && *cs;
	if (!locale_convert)
		return;
	locale_no_c1 = strncasecmp(cs, "ISO-8859", 8) == 0 || strncasecmp(cs, "ISO8859", 7) == 0 ||
		       strcasecmp(cs, "ANSI_X3.4-1968") == 0 || strcasecmp(cs, "ASCII") == 0;
	char to[96];
	snprintf(to, sizeof to, "%s//TRANSLIT", cs);
	locale_cd = iconv_open(to, "UTF-8");
}

bool text_locale_converts(void)
{
	return locale_convert;
}

/* JSON: every character past ASCII as a \u escape (a surrogate pair past U+FFFF). */
static void to_json_ascii(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		size_t j = i;
		while (j < len && (unsigned char)s[j] < 0x80)
			j++;
		buf_add(out, s + i, j - i);
		if (j == len)
			break;
		uint32_t cp;
		i = j + text_decode(s + j, len - j, &cp);
		esc_json_u(out, cp);
	}
}

/* One character the converter could not take: '?' (and its width's worth). */
static size_t missing(struct buf *out, const char *s, size_t len)
{
	uint32_t cp;
	size_t n = text_decode(s, len, &cp);
	buf_repeat(out, '?', text_cp_width(cp) == 2 ? 2 : 1);
	return n;
}

void text_to_locale(struct buf *out, const char *s, size_t len, bool json)
{
	if (!locale_convert) {
		buf_add(out, s, len);
		return;
	}
	if (json) {
		to_json_ascii(out, s, len);
		return;
	}
	size_t from = out->len;
	if (locale_cd == (iconv_t)-1) {
		/* No converter: ASCII, with '?' for the rest. */
		for (size_t i = 0; i < len;) {
			if ((unsigned char)s[i] < 0x80)
				buf_putc(out, s[i++]);
			else
				i += missing(out, s + i, len - i);
		}
	} else {
		iconv(locale_cd, NULL, NULL, NULL, NULL);
		/* iconv() takes char ** but does not write through it. */
		char *in = (char *)(uintptr_t)s;
		size_t left = len;
		while (left > 0) {
			char tmp[4096], *o = tmp;
			size_t room = sizeof tmp;
			size_t r = iconv(locale_cd, &in, &left, &o, &room);
			buf_add(out, tmp, (size_t)(o - tmp));
			if (r == (size_t)-1 && errno != E2BIG) {
				/* EILSEQ (nothing to write it as) or EINVAL (cut short) */
				size_t n = missing(out, in, left);
				in += n;
				left -= n;
			}
		}
		char tmp[64], *o = tmp;
		size_t room = sizeof tmp;
		iconv(locale_cd, NULL, NULL, &o, &room);
		buf_add(out, tmp, (size_t)(o - tmp));
	}
	if (locale_no_c1)
		for (size_t i = from; i < out->len; i++)
			if ((unsigned char)out->s[i] >= 0x80 && (unsigned char)out->s[i] <= 0x9F)
				out->s[i] = '?';
}
