/* sources.c - what the numbers in brackets stand for: each source's number, title and the
 * notes on how far it can be trusted, from sources.yaml. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

static int sources_width(const struct ui *u)
{
	return ui_text_width(&u->main_r);
}

void sources_load(struct ui *u)
{
	struct view *v = &u->so;
	view_free(v);
	v->list = false;
	struct layout *L = &v->L;
	int width = sources_width(u);
	size_t first = ui_add_wrapped(L, "Sources", 0, 0, width, NULL, NULL);
	ui_add_span(&L->lines[first], 0, L->lines[first].len, LS_HEADING, NULL);
	ui_add_line(L, "", 0, NULL, NULL);
	ui_add_wrapped(L,
		       "A number in brackets, such as [1] or [2,3], after a sentence names the "
		       "articles that say it. This guide is built from these articles:",
		       0, 0, width, NULL, NULL);
	struct buf b = { 0 };
	for (size_t i = 0; i < u->c->nsources; i++) {
		const struct source *s = &u->c->sources[i];
		ui_add_line(L, "", 0, NULL, NULL);
		buf_reset(&b);
		buf_printf(&b, "[%d] ", s->num);
		size_t num = b.len;
		buf_puts(&b, s->title ? s->title : s->id);
		first = ui_add_wrapped(L, b.s, 0, (int)num, width, NULL, NULL);
		ui_add_span(&L->lines[first], 0, num - 1, LS_SOURCE, NULL);
		ui_add_span(&L->lines[first], num, L->lines[first].len - num, LS_QUESTION, NULL);
		if (s->notes && s->notes[0])
			ui_add_wrapped(L, s->notes, (int)num, (int)num, width, NULL, NULL);
	}
	buf_free(&b);
	view_set_matches(v, NULL, NULL);
}

size_t sources_line(const struct ui *u, int num)
{
	char want[16];
	snprintf(want, sizeof want, "[%d] ", num);
	for (size_t i = 0; num > 0 && i < u->so.L.n; i++)
		if (strncmp(u->so.L.lines[i].text, want, strlen(want)) == 0)
			return i;
	return 0;
}

void sources_draw(const struct ui *u, bool focused)
{
	view_draw(u, &u->so, &u->main_r, focused);
}

bool sources_request(struct ui *u, enum request req)
{
	return view_request(&u->so, req, ui_rect_lines(&u->main_r));
}

void sources_status(const struct ui *u, struct buf *crumb, char *pct, size_t pctsz)
{
	buf_puts(crumb, "Sources");
	view_percent(&u->so, ui_rect_lines(&u->main_r), pct, pctsz);
}
