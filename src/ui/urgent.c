/* urgent.c - "When to get help": every sign once, grouped from most urgent to least, each
 * level led by what to do, each sign linked to the section that explains it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

/* The shared layout of the view; each sign's "Read more" link opens the
 * section that explains it at the block that names it. */
void urgent_load(struct ui *u)
{
	struct view *v = &u->urgent;
	view_free(v);
	v->list = true;
	/* As wide as the reader's text: long lines are hard to follow. */
	struct layout_opts lo = { .width = ui_text_width(&u->main_r) };
	layout_urgent(&v->L, u->c, &lo);
	view_collect_links(v);
	for (size_t i = 0; i < v->nlinks; i++) {
		const struct node *n = v->L.lines[v->links[i].line].node;
		v->links[i].block = n && n->type != NODE_SECTION ? n : NULL;
	}
	if (v->nlinks > 0)
		view_select(v, 0, ui_rect_lines(&u->main_r));
}

bool urgent_request(struct ui *u, enum request req)
{
	return ui_list_request(u, &u->urgent, req);
}

const char *urgent_status(const struct ui *u, struct buf *crumb)
{
	(void)u;
	buf_puts(crumb, "When to get help");
	return NULL;
}
