/* fuzz_wrap.c - libFuzzer target for the text module on arbitrary bytes.
 *
 * The first two bytes choose the widths; the rest is text. Checks: decoding
 * always advances and stays in bounds, sanitized text is valid UTF-8 with
 * nothing a terminal would act on, and wrapped lines are in order, inside the
 * text, and no wider than asked (a single character wider than the whole
 * line is the only exception the contract allows).
 */
#include <stdint.h>
#include <stdlib.h>

#include "text.h"
#include "util.h"

/* The entry points libFuzzer calls. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 2)
		return 0;
	size_t first = data[0] % 100, width = data[1] % 100;
	const char *s = (const char *)data + 2;
	size_t len = size - 2;

	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (n < 1 || n > len - i || cp > 0x10ffff)
			abort();
		if (text_cp_width(cp) < 0 || text_cp_width(cp) > 2)
			abort();
		i += n;
	}
	(void)text_width(s, len);

	struct buf b = {0};
	text_sanitize(&b, s, len);
	if (b.s == NULL || text_utf8_invalid(b.s, b.len) != (size_t)-1)
		abort();
	for (size_t i = 0; i < b.len;) {
		uint32_t cp;
		i += text_decode(b.s + i, b.len - i, &cp);
		if (text_is_unsafe(cp, false) || cp == '\t' || cp == '\n')
			abort();
	}

	struct text_line *lines = NULL;
	size_t n = text_wrap(b.s, b.len, first, width, &lines);
	if (n < 1)
		abort();
	size_t end = 0;
	for (size_t i = 0; i < n; i++) {
		const struct text_line *l = &lines[i];
		if (l->start < end || l->start > b.len || l->len > b.len - l->start)
			abort(); /* out of order or outside the text */
		size_t w = i == 0 ? first : width;
		if (w < 1)
			w = 1;
		size_t cols = text_width(b.s + l->start, l->len);
		if (cols > w) {
			/* Only one character that cannot fit anywhere may overflow. */
			uint32_t cp;
			size_t k = text_decode(b.s + l->start, l->len, &cp);
			size_t rest = text_width(b.s + l->start + k, l->len - k);
			if (rest != 0 || (size_t)text_cp_width(cp) <= w)
				abort();
		}
		/* Lines never start or end inside a UTF-8 sequence. */
		if (l->len && (((unsigned char)b.s[l->start] & 0xc0) == 0x80 ||
			       (l->start + l->len < b.len &&
				((unsigned char)b.s[l->start + l->len] & 0xc0) == 0x80)))
			abort();
		end = l->start + l->len;
	}
	/* Every character other than a space lands on some line. */
	size_t shown = 0, nonspace = 0;
	for (size_t i = 0; i < b.len; i++)
		nonspace += b.s[i] != ' ';
	for (size_t i = 0; i < n; i++)
		for (size_t j = lines[i].start; j < lines[i].start + lines[i].len; j++)
			shown += b.s[j] != ' ';
	if (shown != nonspace)
		abort();
	free(lines);
	buf_free(&b);
	return 0;
}
