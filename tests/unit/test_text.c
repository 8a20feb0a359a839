/* test_text.c - UTF-8 decoding, widths, sanitizing and word wrap. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "text.h"

static uint32_t dec1(const char *s, size_t len, size_t *n)
{
	uint32_t cp = 0;
	*n = text_decode(s, len, &cp);
	return cp;
}

static void test_decode_valid(void **state)
{
	(void)state;
	size_t n;
	assert_int_equal(dec1("A", 1, &n), 'A');
	assert_int_equal(n, 1);
	assert_int_equal(dec1("\xC3\xA9", 2, &n), 0xE9);
	assert_int_equal(n, 2);
	assert_int_equal(dec1("\xE4\xB8\xAD", 3, &n), 0x4E2D);
	assert_int_equal(n, 3);
	assert_int_equal(dec1("\xF0\x9F\x98\x80", 4, &n), 0x1F600);
	assert_int_equal(n, 4);
	assert_int_equal(dec1("\xF4\x8F\xBF\xBF", 4, &n), 0x10FFFF);
	assert_int_equal(n, 4);
}

static void test_decode_invalid(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		size_t len, n;
	} bad[] = {
		{ "\x80", 1, 1 },             /* lone continuation */
		{ "\xC0\xAF", 2, 1 },         /* overlong '/' */
		{ "\xC1\xBF", 2, 1 },         /* overlong */
		{ "\xE0\x80\xAF", 3, 1 },     /* overlong three-byte */
		{ "\xED\xA0\x80", 3, 1 },     /* surrogate U+D800 */
		{ "\xF0\x80\x80\xAF", 4, 1 }, /* overlong four-byte */
		{ "\xF4\x90\x80\x80", 4, 1 }, /* past U+10FFFF */
		{ "\xF5\x80\x80\x80", 4, 1 }, /* invalid lead */
		{ "\xFF", 1, 1 },
		{ "\xE4\xB8", 2, 2 }, /* truncated at end of input */
		{ "\xE4\xB8"
		  "A",
		  3, 2 }, /* truncated before ASCII */
		{ "\xF0\x9F\x98", 3, 3 },
		{ "\xC3", 1, 1 },
	};
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		size_t n;
		assert_int_equal(dec1(bad[i].s, bad[i].len, &n), 0xFFFD);
		assert_int_equal(n, bad[i].n);
	}
}

static void test_utf8_invalid(void **state)
{
	(void)state;
	assert_true(text_utf8_invalid("", 0) == (size_t)-1);
	assert_true(text_utf8_invalid("caf\xC3\xA9", 5) == (size_t)-1);
	assert_true(text_utf8_invalid("\xEF\xBF\xBD", 3) == (size_t)-1); /* a real U+FFFD */
	assert_int_equal(text_utf8_invalid("ab\xC3", 3), 2);
	assert_int_equal(text_utf8_invalid("abc\xED\xA0\x80", 6), 3);
	assert_int_equal(text_utf8_invalid("\x80", 1), 0);
}

static void test_encode_roundtrip(void **state)
{
	(void)state;
	static const uint32_t cps[] = { 0x24,   0x7F,   0x80,    0x7FF,   0x800,
					0xFFFD, 0xFFFF, 0x10000, 0x1F600, 0x10FFFF };
	for (size_t i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		struct buf b = { 0 };
		text_encode(&b, cps[i]);
		uint32_t cp;
		size_t n = text_decode(b.s, b.len, &cp);
		assert_int_equal(n, b.len);
		assert_int_equal(cp, cps[i]);
		buf_free(&b);
	}
	struct buf b = { 0 };
	text_encode(&b, 0xD800);
	text_encode(&b, 0x110000);
	assert_string_equal(b.s, "\xEF\xBF\xBD\xEF\xBF\xBD");
	buf_free(&b);
}

static void test_widths(void **state)
{
	(void)state;
	assert_int_equal(text_cp_width('a'), 1);
	assert_int_equal(text_cp_width(0x4E2D), 2);  /* 中 */
	assert_int_equal(text_cp_width(0x3042), 2);  /* あ */
	assert_int_equal(text_cp_width(0xAC00), 2);  /* 가 */
	assert_int_equal(text_cp_width(0xFF21), 2);  /* fullwidth A */
	assert_int_equal(text_cp_width(0x1F600), 2); /* emoji */
	assert_int_equal(text_cp_width(0x0301), 0);  /* combining acute */
	assert_int_equal(text_cp_width(0x20DD), 0);  /* enclosing circle */
	assert_int_equal(text_cp_width(0x200B), 0);  /* zero width space */
	assert_int_equal(text_cp_width(0x200D), 0);  /* zero width joiner */
	assert_int_equal(text_cp_width(0x1160), 0);  /* Hangul jungseong filler */
	assert_int_equal(text_cp_width(0x00E9), 1);
	assert_int_equal(text_cp_width(0x0430), 1);  /* Cyrillic a */
	assert_int_equal(text_cp_width(0x00AD), 0);  /* soft hyphen: never shown */
	assert_int_equal(text_cp_width(0xE0002), 0); /* an unassigned tag character */
	assert_int_equal(text_cp_width(0x1B), 0);
	assert_int_equal(text_cp_width(0x85), 0);

	assert_int_equal(text_width("", 0), 0);
	assert_int_equal(text_width("abc", 3), 3);
	assert_int_equal(text_width("\xE4\xB8\xAD\xE6\x96\x87", 6), 4); /* 中文 */
	assert_int_equal(text_width("e\xCC\x81t\xC3\xA9", 6), 3);       /* e+acute t é */
	assert_int_equal(text_width("a\x1b[1m", 5), 6);                 /* ^[ shown as 2 */
	assert_int_equal(text_width("\xE2\x80\xAE", 3), 8);             /* <U+202E> */
	assert_int_equal(text_width("a\tb\n", 4), 4);
	assert_int_equal(text_width("\xFF", 1), 1);
}

static char *san(const char *s)
{
	struct buf b = { 0 };
	text_sanitize(&b, s, strlen(s));
	return buf_take(&b);
}

static void test_sanitize(void **state)
{
	(void)state;
	static const struct {
		const char *in, *out;
	} cases[] = {
		{ "", "" },
		{ "plain text", "plain text" },
		{ "a\x1b[2Jb", "a^[[2Jb" },
		{ "bell\x07", "bell^G" },
		{ "del\x7f", "del^?" },
		{ "c1\xC2\x9B"
		  "31m",
		  "c1<U+009B>31m" },
		{ "\xC2\x85", "<U+0085>" },
		{ "rlo\xE2\x80\xAEtxt", "rlo<U+202E>txt" },
		{ "\xE2\x81\xA6iso\xE2\x81\xA9", "<U+2066>iso<U+2069>" },
		{ "\xE2\x80\x8F", "<U+200F>" },
		{ "\xD8\x9C", "<U+061C>" },
		{ "line\xE2\x80\xA8sep", "line<U+2028>sep" },
		{ "tab\there\nnl", "tab here nl" },
		{ "bad\xFF\xC0x", "bad\xEF\xBF\xBD\xEF\xBF\xBDx" },
		{ "caf\xC3\xA9 \xE4\xB8\xAD", "caf\xC3\xA9 \xE4\xB8\xAD" },
		{ "e\xCC\x81", "e\xCC\x81" },
		{ "\r", "^M" },
		/* Invisible characters are left out. */
		{ "ex\xE2\x80\x8B"
		  "osome",
		  "exosome" },
		{ "soft\xC2\xADhy\xE2\x81\xA0phen\xEF\xBB\xBF", "softhyphen" },
		{ "\xEF\xBF\xB9"
		  "a\xEF\xBF\xBB"
		  "b\xE2\x81\xAF"
		  "c\xF3\xA0\x80\x81"
		  "d\xE1\xA0\x8E",
		  "abcd" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = san(cases[i].in);
		assert_string_equal(got, cases[i].out);
		/* The width of the raw text is the width of its shown form. */
		assert_int_equal(text_width(cases[i].in, strlen(cases[i].in)),
				 text_width(got, strlen(got)));
		free(got);
	}
	struct buf b = { 0 };
	text_sanitize(&b, "", 0);
	assert_non_null(b.s);
	buf_free(&b);
}

/* Sanitized output holds no unsafe code point and is valid UTF-8, for every byte. */
static void test_invisible(void **state)
{
	(void)state;
	static const uint32_t yes[] = { 0xAD,   0x180E, 0x200B,  0x200C,  0x200D,
					0x2060, 0x2064, 0x206A,  0x206F,  0xFEFF,
					0xFFF9, 0xFFFB, 0xE0000, 0xE0001, 0xE007F };
	static const uint32_t no[] = { 'a', 0xA0, 0x200A, 0x200E, 0x2065, 0xFFFC, 0xE0080, 0xFE0F };
	for (size_t i = 0; i < sizeof yes / sizeof *yes; i++)
		assert_true(text_is_invisible(yes[i]));
	for (size_t i = 0; i < sizeof no / sizeof *no; i++)
		assert_false(text_is_invisible(no[i]));
}

static void test_nonchars(void **state)
{
	(void)state;
	size_t n = 0;
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++)
		n += text_is_nonchar(cp);
	assert_int_equal(n, 66);
	assert_true(text_is_nonchar(0xFFFE) && text_is_nonchar(0x10FFFF));
	assert_false(text_is_nonchar(0xFFFD) || text_is_nonchar(0xFDCF) || text_is_nonchar(0xFDF0));
}

static void test_sanitize_all_bytes(void **state)
{
	(void)state;
	char in[4];
	for (unsigned a = 0; a < 256; a++) {
		for (unsigned c = 0; c < 256; c += 5) {
			in[0] = (char)a;
			in[1] = (char)c;
			in[2] = (char)0x80;
			in[3] = 'z';
			struct buf b = { 0 };
			text_sanitize(&b, in, sizeof in);
			assert_true(text_utf8_invalid(b.s, b.len) == (size_t)-1);
			for (size_t i = 0; i < b.len;) {
				uint32_t cp;
				i += text_decode(b.s + i, b.len - i, &cp);
				assert_false(text_is_unsafe(cp, false));
			}
			buf_free(&b);
		}
	}
}

static char *wrap_join(const char *s, size_t fw, size_t w)
{
	struct text_line *ln;
	size_t n = text_wrap(s, strlen(s), fw, w, &ln);
	struct buf b = { 0 };
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_putc(&b, '|');
		buf_add(&b, s + ln[i].start, ln[i].len);
	}
	free(ln);
	return buf_take(&b);
}

static void test_wrap_cases(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		size_t fw, w;
		const char *out;
	} cases[] = {
		{ "", 10, 10, "" },
		{ "   ", 10, 10, "" },
		{ "one", 10, 10, "one" },
		{ "one two three", 7, 7, "one two|three" },
		{ "one two three", 3, 3, "one|two|thr|ee" },
		{ "one  two   ", 4, 4, "one|two" },
		{ "one two", 10, 2, "one two" },
		{ "one two three four", 4, 9, "one|two three|four" },
		{ "abcdefghij", 4, 4, "abcd|efgh|ij" },
		{ "a abcdefghij", 4, 4, "a|abcd|efgh|ij" },
		{ "\xE4\xB8\xAD\xE6\x96\x87\xE5\xAD\x97", 4, 4,
		  "\xE4\xB8\xAD\xE6\x96\x87|\xE5\xAD\x97" },
		{ "\xE4\xB8\xAD\xE6\x96\x87", 3, 3, "\xE4\xB8\xAD|\xE6\x96\x87" },
		{ "\xE4\xB8\xAD", 1, 1, "\xE4\xB8\xAD" }, /* too wide for any line: stands alone */
		{ "ae\xCC\x81"
		  "bc",
		  2, 2, "ae\xCC\x81|bc" },
		{ "e\xCC\x81\xCC\x82x", 1, 1, "e\xCC\x81\xCC\x82|x" },
		{ "word [1,2]", 6, 6, "word|[1,2]" },
		{ "x", 0, 0, "x" },
		{ "see long-winded-word here", 12, 12, "see|long-winded-|word here" },
		{ "a/b/cdefgh", 5, 5, "a/b/|cdefg|h" },
		{ "-abcdef", 3, 3, "-ab|cde|f" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *got = wrap_join(cases[i].in, cases[i].fw, cases[i].w);
		assert_string_equal(got, cases[i].out);
		free(got);
	}
}

/* For a mix of ASCII, wide and combining text, at every width: no line is too
 * wide (unless it is one character wider than the line), no line starts or
 * ends with a space, lines are in order, and no word character is lost. */
static void test_wrap_property(void **state)
{
	(void)state;
	static const char *texts[] = {
		"Most side effects are mild. They often go away in a few days. [1,2]",
		"Exosomes\xE2\x80\x94tiny sacs\xE2\x80\x94"
		"carry signals between cells.",
		"\xE5\xA4\x96\xE6\xB3\x8C\xE4\xBD\x93\xE6\xB2\xBB\xE7\x96\x97 is exosome therapy "
		"\xE3\x81\xA7\xE3\x81\x99\xE3\x80\x82",
		"Cafe\xCC\x81 na\xC3\xAFve re\xCC\x81sume\xCC\x81 a\xCC\x8A\xCC\x81 x",
		"Pneumonoultramicroscopicsilicovolcanoconiosis is a long word indeed.",
		"  leading and   inner   spaces  ",
		"a b c d e f g h i j k l m n o p",
	};
	for (size_t t = 0; t < sizeof texts / sizeof texts[0]; t++) {
		const char *s = texts[t];
		size_t len = strlen(s);
		size_t nonspace = 0;
		for (size_t i = 0; i < len; i++)
			nonspace += s[i] != ' ';
		for (size_t w = 1; w <= 80; w++) {
			for (size_t fw = w > 5 ? w - 5 : 1; fw <= w; fw++) {
				struct text_line *ln;
				size_t n = text_wrap(s, len, fw, w, &ln);
				assert_true(n >= 1);
				size_t seen = 0, prev_end = 0;
				for (size_t i = 0; i < n; i++) {
					const char *p = s + ln[i].start;
					size_t lw = text_width(p, ln[i].len);
					size_t lim = i == 0 ? fw : w;
					if (lw > lim) {
						size_t k;
						uint32_t cp;
						k = text_decode(p, ln[i].len, &cp);
						assert_true(text_cp_width(cp) > (int)lim);
						(void)k;
					}
					assert_true(ln[i].start >= prev_end);
					assert_true(ln[i].start + ln[i].len <= len);
					if (ln[i].len) {
						assert_true(p[ln[i].len - 1] != ' ');
						if (i > 0)
							assert_true(p[0] != ' ');
					}
					/* Only spaces may lie between lines. */
					for (size_t j = prev_end; j < ln[i].start; j++)
						assert_true(s[j] == ' ');
					for (size_t j = 0; j < ln[i].len; j++)
						seen += p[j] != ' ';
					prev_end = ln[i].start + ln[i].len;
				}
				for (size_t j = prev_end; j < len; j++)
					assert_true(s[j] == ' ');
				assert_int_equal(seen, nonspace);
				free(ln);
			}
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_decode_valid),
		cmocka_unit_test(test_decode_invalid),
		cmocka_unit_test(test_utf8_invalid),
		cmocka_unit_test(test_encode_roundtrip),
		cmocka_unit_test(test_widths),
		cmocka_unit_test(test_sanitize),
		cmocka_unit_test(test_invisible),
		cmocka_unit_test(test_nonchars),
		cmocka_unit_test(test_sanitize_all_bytes),
		cmocka_unit_test(test_wrap_cases),
		cmocka_unit_test(test_wrap_property),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
