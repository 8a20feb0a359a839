/* test_fold.c - folding, look-alike letters, word breaks and stemming. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <unicode/uspoof.h>
#include <unicode/ustring.h>

#include "fold.h"

static struct fold *F;

static int setup(void **state)
{
	(void)state;
	F = fold_new();
	return 0;
}

static int teardown(void **state)
{
	(void)state;
	fold_free(F);
	return 0;
}

/* Fold s as one word; the result stays valid for the next three calls. */
static const char *fw(const char *s)
{
	static struct buf b;
	static char out[4][256];
	static int k;
	fold_word(F, s, strlen(s), &b);
	k = (k + 1) % 4;
	snprintf(out[k], sizeof(out[k]), "%s", b.s);
	return out[k];
}

/* Fold and stem one word. */
static const char *stem(const char *s)
{
	static char out[4][256];
	static int k;
	const char *f = fw(s);
	size_t n;
	const char *st = fold_stem(F, f, strlen(f), &n);
	k = (k + 1) % 4;
	snprintf(out[k], sizeof(out[k]), "%.*s", (int)n, st);
	return out[k];
}

static void test_case_and_accents(void **state)
{
	(void)state;
	assert_string_equal(fw("HIVES"), "hives");
	assert_string_equal(fw("Fièvre"), "fievre");
	assert_string_equal(fw("naïve"), "naive");
	assert_string_equal(fw("Straße"), "strasse");
	/* NFKC: ligatures and full-width letters. */
	assert_string_equal(fw("\xef\xac\x81ne"), "fine");
	assert_string_equal(fw("\xef\xbd\x86\xef\xbd\x85\xef\xbd\x96\xef\xbd\x85\xef\xbd\x92"),
			    "fever");
	assert_string_equal(fw("patient's"), "patient");
	assert_string_equal(fw("don\xe2\x80\x99t"), "dont");
}

static void test_lookalikes(void **state)
{
	(void)state;
	/* f + Cyrillic e + v + Cyrillic e + r */
	assert_string_equal(fw("f\xd0\xb5v\xd0\xb5r"), "fever");
	/* Cyrillic Е (capital) in an ALL-CAPS word. */
	assert_string_equal(fw("F\xd0\x95V\xd0\x95R"), "fever");
	/* Greek omicron inside a Latin word. */
	assert_string_equal(fw("d\xce\xbfse"), "dose");
	/* "Exоsоmе" as pasted from source 001: Cyrillic о and е. */
	assert_string_equal(fw("Ex\xd0\xbes\xd0\xbem\xd0\xb5"), "exosome");
	/* A real Russian word keeps its letters (б and л have no Latin twin). */
	assert_string_equal(fw("\xd0\xb1\xd0\xbe\xd0\xbb\xd1\x8c"),
			    "\xd0\xb1\xd0\xbe\xd0\xbb\xd1\x8c");
	assert_int_equal(fold_lookalike(0x0435), 'e');
	assert_int_equal(fold_lookalike(0x0431), 0);
	assert_int_equal(fold_lookalike('e'), 0);
}

static void test_no_collisions(void **state)
{
	(void)state;
	assert_string_not_equal(fw("burn"), fw("bum"));
	assert_string_not_equal(fw("modern"), fw("modem"));
	assert_string_not_equal(stem("burn"), stem("bum"));
	assert_string_not_equal(stem("modern"), stem("modem"));
	assert_string_equal(fw("burn"), "burn");
	assert_string_equal(fw("modern"), "modern");
}

/* Every table entry must agree with ICU's confusables data. */
static void test_table_matches_icu(void **state)
{
	(void)state;
	UErrorCode err = U_ZERO_ERROR;
	USpoofChecker *sc = uspoof_open(&err);
	assert_true(U_SUCCESS(err));
	uint32_t prev = 0;
	for (size_t i = 0; i < fold_lookalike_count(); i++) {
		uint32_t from, to;
		fold_lookalike_entry(i, &from, &to);
		assert_true(from > prev); /* sorted for the binary search */
		prev = from;
		UChar a[2] = { (UChar)from, 0 }, b[2] = { (UChar)to, 0 }, sa[8], sb[8];
		int32_t na = uspoof_getSkeleton(sc, 0, a, 1, sa, 8, &err);
		int32_t nb = uspoof_getSkeleton(sc, 0, b, 1, sb, 8, &err);
		assert_true(U_SUCCESS(err));
		assert_int_equal(na, nb);
		assert_memory_equal(sa, sb, (size_t)na * sizeof(UChar));
		assert_int_equal(fold_lookalike(from), to);
	}
	uspoof_close(sc);
}

static void test_stems(void **state)
{
	(void)state;
	assert_string_equal(stem("reactions"), stem("reaction"));
	assert_string_equal(stem("infected"), stem("infection"));
	assert_string_equal(stem("Swelling"), stem("swell"));
	assert_string_equal(stem("INJECTIONS"), stem("injection"));
	assert_string_not_equal(stem("fever"), stem("few"));
	/* An adjective in -ical is not the noun in -ic: clinical trials are not a clinic. */
	assert_string_not_equal(stem("clinical"), stem("clinic"));
	assert_string_equal(stem("clinics"), stem("clinic"));
	assert_string_equal(stem("clinically"), stem("clinical"));
	assert_string_equal(stem("clinicals"), stem("clinical"));
	assert_string_equal(stem("clinical"), "clinical");
	assert_string_not_equal(stem("topical"), stem("topics"));
	/* A stem Snowball cut further stays as it was. */
	assert_string_equal(stem("biological"), stem("biologics"));
	/* Aging is a topic, not a person's age. */
	assert_string_not_equal(stem("aging"), stem("age"));
	assert_string_equal(stem("Ageing"), stem("aging"));
	assert_string_equal(stem("ages"), stem("age"));
}

struct words {
	char w[16][32];
	size_t start[16], len[16];
	size_t n;
};

static int collect(void *arg, const struct fold_word *f)
{
	struct words *ws = arg;
	if (ws->n < 16 && f->wlen < 32) {
		memcpy(ws->w[ws->n], f->word, f->wlen);
		ws->w[ws->n][f->wlen] = '\0';
		ws->start[ws->n] = f->start;
		ws->len[ws->n++] = f->len;
	}
	return 0;
}

static void test_word_breaks(void **state)
{
	(void)state;
	struct words ws = { 0 };
	const char *s = "Is it FDA-approved? \xd0\xa1\xd0\xb5lls, 24 h.";
	size_t n = fold_words(F, s, strlen(s), collect, &ws);
	assert_int_equal(n, 7);
	assert_string_equal(ws.w[0], "is");
	assert_string_equal(ws.w[2], "fda");
	assert_string_equal(ws.w[3], "approved");
	assert_string_equal(ws.w[4], "cells");
	assert_string_equal(ws.w[5], "24");
	/* Byte ranges point into the original text, look-alikes and all. */
	assert_int_equal(ws.start[4], 20);
	assert_int_equal(ws.len[4], 7);
	assert_memory_equal(s + ws.start[3], "approved", 8);
}

static void test_hostile_input(void **state)
{
	(void)state;
	struct words ws = { 0 };
	const char bad[] = "ab\xff\xfe cd\xc3 \xe2\x80\xae x\x01y";
	fold_words(F, bad, sizeof(bad) - 1, collect, &ws);
	assert_true(ws.n >= 2);
	assert_string_equal(ws.w[0], "ab");
	assert_int_equal(fold_words(F, "", 0, collect, &ws), 0);
	assert_int_equal(fold_words(F, "...  ", 5, collect, &ws), 0);
	/* A very long word still stems without trouble. */
	char longw[2000];
	memset(longw, 'a', sizeof(longw) - 1);
	longw[sizeof(longw) - 1] = '\0';
	size_t len;
	assert_non_null(fold_stem(F, longw, strlen(longw), &len));
}

/* Spans as a string "start+len/n ..." so a mismatch shows both sides. */
struct spans {
	struct buf b;
	size_t n;
};

static int put_span(void *arg, const struct fold_span *sp)
{
	struct spans *ss = arg;
	buf_printf(&ss->b, "%zu+%zu%s ", sp->start, sp->len, sp->number ? "/n" : "");
	ss->n++;
	return 0;
}

/* The ASCII tokenizer must give ICU's words and number flags on s. */
static void same_spans(const char *s, size_t len)
{
	struct spans fast = { 0 }, icu = { 0 };
	buf_add(&fast.b, "", 0);
	buf_add(&icu.b, "", 0);
	size_t nfast = fold_spans(F, s, len, put_span, &fast);
	size_t nicu = fold_spans_icu(F, s, len, put_span, &icu);
	assert_int_equal(nfast, fast.n);
	assert_int_equal(nicu, icu.n);
	if (strcmp(fast.b.s, icu.b.s) != 0)
		fail_msg("spans differ on \"%.*s\":\n  fast %s\n  icu  %s", (int)len, s, fast.b.s,
			 icu.b.s);
	buf_free(&fast.b);
	buf_free(&icu.b);
}

static const char *words_of(const char *s)
{
	static struct buf b;
	struct words ws = { 0 };
	buf_reset(&b);
	buf_add(&b, "", 0);
	fold_words(F, s, strlen(s), collect, &ws);
	for (size_t i = 0; i < ws.n; i++)
		buf_printf(&b, "%s%s", i ? " " : "", ws.w[i]);
	return b.s;
}

/* Invisible characters are not there for search: no word breaks at them, and
 * the word's byte range still covers them. */
static void test_invisible(void **state)
{
	(void)state;
	assert_string_equal(words_of("ex\xe2\x80\x8bosome"), "exosome");
	assert_string_equal(words_of("soft\xc2\xadhyphen red\xe2\x81\xa0ness"),
			    "softhyphen redness");
	assert_string_equal(words_of("\xef\xbb\xbf"
				     "a\xf3\xa0\x80\x81"
				     "b \xe2\x80\x8d\xe2\x80\x8c"),
			    "ab");
	struct words ws = { 0 };
	const char *s = "the ex\xe2\x80\x8bosome";
	fold_words(F, s, strlen(s), collect, &ws);
	assert_int_equal(ws.n, 2);
	assert_int_equal(ws.start[1], 4);
	assert_int_equal(ws.len[1], 10);
}

static void test_ascii_breaks_tricky(void **state)
{
	(void)state;
	static const char *const tricky[] = {
		"don't",
		"e.g.",
		"3.5",
		"30-150",
		"well-being",
		"U.S.",
		"flu-like",
		"fever,",
		"It's 3.5 mg, e.g. 1,000 U.S. doses; 30-150 nm.",
		"a:b 1:2 a;b 1;2 a,b 1,2",
		"a1 1a a_ _1 a_1 1_a _ __ 1_ 1__ a1__ _1_ a'1 1'2 a.1 1.a",
		"rock'n'roll dogs' 'quoted'",
		"x.. ..x .x. '' '' ,,1,,2,, 1..2 a..b",
		"tab\there\nline\r\nend\v\f",
		"caf\xc3\xa9 na\xc3\xafve e.g.\xc3\xa9 \xc3\xa9.e 1.\xc3\xa9 a'\xc3\xa9",
		"x \xcc\x81"
		"a b\xe2\x80\x99s \xe2\x80\x9cquoted\xe2\x80\x9d a\xc2\xa0"
		"b",
		"bad \xff\xfe bytes",
		"ZWJ a\xe2\x80\x8d b \xf0\x9f\x87\xba\xf0\x9f\x87\xb8 \xe6\x97\xa5\xe6\x9c\xac",
		"",
	};
	for (size_t i = 0; i < sizeof(tricky) / sizeof(tricky[0]); i++)
		same_spans(tricky[i], strlen(tricky[i]));
	/* What the words fold to. */
	assert_string_equal(words_of("don't e.g. 3.5 30-150 well-being U.S. flu-like fever,"),
			    "dont eg 35 30 150 well being us flu like fever");
	assert_string_equal(words_of("Patient's DOG'S a_b __ _"), "patient dog ab");
	struct words ws = { 0 };
	fold_words(F, "3.5 mg, 1,000 x2 2x", 19, collect, &ws);
	assert_int_equal(ws.n, 5);
}

/* Every string of up to four characters from an alphabet of the classes that matter. */
static void test_ascii_breaks_exhaustive(void **state)
{
	(void)state;
	static const char *const sym[] = { "a", "Z", "9", "_", ".",        "'",       ",",
					   ":", ";", "-", " ", "\xc3\xa9", "\xcc\x81" };
	enum {
		NSYM = sizeof(sym) / sizeof(sym[0])
	};
	char s[32];
	for (int len = 1; len <= 4; len++) {
		long lim = 1;
		for (int i = 0; i < len; i++)
			lim *= NSYM;
		for (long x = 0; x < lim; x++) {
			size_t n = 0;
			for (long y = x, i = 0; i < len; i++, y /= NSYM) {
				memcpy(s + n, sym[y % NSYM], strlen(sym[y % NSYM]));
				n += strlen(sym[y % NSYM]);
			}
			same_spans(s, n);
		}
	}
}

/* Both tokenizers agree on every content file the project ships or tests with. */
static void test_ascii_breaks_content(void **state)
{
	(void)state;
	static const char *const dirs[] = { "content", "tests/cli", "tests/golden",
					    "tests/golden/bad" };
	size_t files = 0;
	for (size_t d = 0; d < sizeof(dirs) / sizeof(dirs[0]); d++) {
		DIR *dp = opendir(dirs[d]);
		if (dp == NULL)
			continue;
		struct dirent *e;
		while ((e = readdir(dp)) != NULL) {
			size_t nl = strlen(e->d_name);
			if (nl < 5 || strcmp(e->d_name + nl - 5, ".yaml") != 0)
				continue;
			char path[512];
			snprintf(path, sizeof(path), "%s/%s", dirs[d], e->d_name);
			FILE *fp = fopen(path, "rb");
			assert_non_null(fp);
			struct buf b = { 0 };
			char chunk[4096];
			size_t k;
			while ((k = fread(chunk, 1, sizeof(chunk), fp)) > 0)
				buf_add(&b, chunk, k);
			fclose(fp);
			same_spans(b.s ? b.s : "", b.len);
			buf_free(&b);
			files++;
		}
		closedir(dp);
	}
	assert_true(files >= 10); /* run from the top of the tree, as tests/run.sh does */
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_case_and_accents),
		cmocka_unit_test(test_lookalikes),
		cmocka_unit_test(test_no_collisions),
		cmocka_unit_test(test_table_matches_icu),
		cmocka_unit_test(test_stems),
		cmocka_unit_test(test_word_breaks),
		cmocka_unit_test(test_hostile_input),
		cmocka_unit_test(test_invisible),
		cmocka_unit_test(test_ascii_breaks_tricky),
		cmocka_unit_test(test_ascii_breaks_exhaustive),
		cmocka_unit_test(test_ascii_breaks_content),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
