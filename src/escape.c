/* escape.c - JSON, Markdown and terminal escaping (see escape.h). */
#include "escape.h"

#include <string.h>

#include "text.h"

void esc_json_u(struct buf *out, uint32_t cp)
{
	static const char hex[] = "0123456789abcdef";
	uint32_t u[2] = { cp, 0 };
	if (cp > 0xFFFF) /* a surrogate pair */
		u[0] = 0xD800 + ((cp - 0x10000) >> 10), u[1] = 0xDC00 + (cp & 0x3FF);
	for (int k = 0; k < 2 && u[k]; k++) {
		char e[6] = { '\\',
			      'u',
			      hex[(u[k] >> 12) & 0xF],
			      hex[(u[k] >> 8) & 0xF],
			      hex[(u[k] >> 4) & 0xF],
			      hex[u[k] & 0xF] };
		buf_add(out, e, sizeof e);
	}
}

void esc_json_str(struct buf *out, const char *s)
{
	if (s == NULL) {
		buf_puts(out, "null");
		return;
	}
	size_t len = strlen(s);
	buf_putc(out, '"');
	for (size_t i = 0; i < len;) {
		size_t j = i;
		while (j < len && (unsigned char)s[j] >= 0x20 && (unsigned char)s[j] < 0x7F &&
		       s[j] != '"' && s[j] != '\\')
			j++;
		if (j > i) {
			buf_add(out, s + i, j - i);
			i = j;
			continue;
		}
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (cp == '"' || cp == '\\') {
			buf_putc(out, '\\');
			buf_putc(out, (char)cp);
		} else if (cp == '\n') {
			buf_puts(out, "\\n");
		} else if (cp == '\t') {
			buf_puts(out, "\\t");
		} else if (text_is_unsafe(cp, false) || text_is_invisible(cp)) {
			/* Invisible characters too: kept, but never raw on a terminal. */
			esc_json_u(out, cp);
		} else {
			text_encode(out, cp);
		}
		i += n;
	}
	buf_putc(out, '"');
}

void esc_json_strs(struct buf *out, char *const *v, size_t n)
{
	buf_putc(out, '[');
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_puts(out, ", ");
		esc_json_str(out, v[i]);
	}
	buf_putc(out, ']');
}

void esc_md(struct buf *out, const char *s, size_t len, bool at_start)
{
	size_t i = 0;
	if (at_start) {
		while (i < len && s[i] == ' ') /* leading spaces would make a code block */
			i++;
		size_t d = i;
		while (d < len && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d > i && d < len && (s[d] == '.' || s[d] == ')')) {
			buf_add(out, s + i, d - i);
			buf_putc(out, '\\');
			i = d;
		} else if (i < len && s[i] != '\0' && strchr("-+=~:", s[i])) {
			buf_putc(out, '\\');
		}
	}
	/* Everywhere, so also at the start of a line: "#", ">" and "|" would
	 * begin a block there, and a heading ending in " #" would lose it. */
	for (; i < len; i++) {
		if (s[i] != '\0' && strchr("\\`*_[]<>&!|#", s[i]))
			buf_putc(out, '\\');
		buf_putc(out, s[i]);
	}
}

void esc_sgr(struct buf *out, unsigned attrs)
{
	buf_puts(out, "\033[0");
	if (attrs & ESC_BOLD)
		buf_puts(out, ";1");
	if (attrs & ESC_DIM)
		buf_puts(out, ";2");
	if (attrs & ESC_UNDERLINE)
		buf_puts(out, ";4");
	if (attrs & ESC_REVERSE)
		buf_puts(out, ";7");
	buf_putc(out, 'm');
}
