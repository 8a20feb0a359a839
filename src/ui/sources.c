/* sources.c - what the numbers in brackets stand for: each source's number, title and the
 * notes on how far it can be trusted, from sources.yaml. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

void sources_load(struct ui *u)
{
	struct view *v = &u->sources;
	view_free(v);
	v->list = false;
	struct layout *L = &v->L;
	int width = ui_text_width(&u->main_r);
	struct layout_rich r = { 0 };
	layout_rich_add(&r, "Sources", LS_HEADING, NULL);
	layout_emit(L, &r, (struct layout_shape){ 0 }, NULL, NULL, width);
	layout_rich_free(&r);
	layout_blank(L, NULL);
	layout_rich_add(&r,
			"A number in brackets, such as [1] or [2,3], after a sentence names the "
			"articles that say it. This guide is built from these articles:",
			-1, NULL);
	layout_emit(L, &r, (struct layout_shape){ 0 }, NULL, NULL, width);
	for (size_t i = 0; i < u->c->nsources; i++) {
		const struct source *s = &u->c->sources[i];
		layout_blank(L, NULL);
		layout_rich_free(&r);
		buf_printf(&r.b, "[%d]", s->num);
		layout_rich_span(&r, 0, LS_SOURCE, NULL);
		buf_putc(&r.b, ' ');
		size_t num = r.b.len;
		layout_rich_line(&r, s->title ? s->title : s->id, LS_QUESTION, NULL);
		layout_emit(L, &r, (struct layout_shape){ .hang = num }, NULL, NULL, width);
		layout_rich_free(&r);
		if (s->notes && s->notes[0]) {
			layout_rich_line(&r, s->notes, -1, NULL);
			layout_emit(L, &r, (struct layout_shape){ .indent = num, .hang = num },
				    NULL, NULL, width);
		}
	}
	layout_rich_free(&r);
	view_set_matches(v, NULL, NULL);
}

size_t sources_line(const struct ui *u, int num)
{
	char want[16];
	snprintf(want, sizeof want, "[%d] ", num);
	for (size_t i = 0; num > 0 && i < u->sources.L.n; i++)
		if (strncmp(u->sources.L.lines[i].text, want, strlen(want)) == 0)
			return i;
	return 0;
}

bool sources_request(struct ui *u, enum request req)
{
	return view_request(&u->sources, req, ui_rect_lines(&u->main_r));
}

const char *sources_status(const struct ui *u, struct buf *crumb)
{
	(void)u;
	buf_puts(crumb, "Sources");
	return NULL;
}
