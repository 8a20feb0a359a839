/* urgent.c - "When to get help": every symptom with an urgency, grouped from most urgent to
 * least, each linked to the section that explains it. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ui_int.h"

/* The order a patient needs them in. */
static const enum urgency urgent_order[] = {
	URG_EMERGENCY,
	URG_CALL_PROVIDER,
	URG_WATCH,
	URG_EXPECTED,
};

static int urgent_width(const struct ui *u)
{
	int w = u->main_r.w;
	return w >= 8 ? w - 2 : w > 0 ? w : 1;
}

/* The items of section sec's own lists (not of its subsections) with urgency g. */
static void add_items(struct ui *u, const struct node *sec, enum urgency g,
		      const struct node **head, int width)
{
	struct view *v = &u->ug;
	struct layout *L = &v->L;
	for (const struct node *b = sec->first; b; b = b->next) {
		if (b->type != NODE_LIST)
			continue;
		for (const struct node *it = b->first; it; it = it->next) {
			if (it->type != NODE_ITEM || it->urgency != g || !it->text)
				continue;
			if (!*head) {
				/* The group's label, in words; the line's node carries the urgency. */
				*head = it;
				char label[128];
				snprintf(label, sizeof label, "[%s]", urgency_label(g));
				ui_add_line(L, "", 0, NULL, NULL);
				struct lline *ln = ui_add_line(L, label, strlen(label), it, sec);
				ui_add_span(ln, 0, ln->len, LS_URGENCY, NULL);
			}
			/* The sign itself is the entry to choose; the line below says where it leads. */
			struct buf b2 = { 0 };
			buf_puts(&b2, "- ");
			buf_puts(&b2, it->text);
			size_t item = ui_add_wrapped(L, b2.s, 0, 2, width, it, sec);
			buf_reset(&b2);
			buf_puts(&b2, "Read: ");
			buf_puts(&b2, sec->title ? sec->title : sec->id);
			size_t first = ui_add_wrapped(L, b2.s, 2, 8, width, it, sec);
			ui_add_span(&L->lines[first], 2, 5, LS_DIM, NULL);
			for (size_t i = first; i < L->n; i++) {
				size_t at = L->lines[i].len < 8 ? L->lines[i].len : 8;
				ui_add_span(&L->lines[i], at, L->lines[i].len - at, LS_LINK, NULL);
			}
			v->links = xgrow(v->links, v->nlinks, sizeof *v->links);
			v->links[v->nlinks++] = (struct vlink){
				.line = item,
				.start = 2,
				.len = L->lines[item].len - 2,
				.target = sec,
				.block = it,
			};
			buf_free(&b2);
		}
	}
}

void urgent_load(struct ui *u)
{
	struct view *v = &u->ug;
	view_free(v);
	v->list = true;
	struct layout *L = &v->L;
	int width = urgent_width(u);
	size_t first = ui_add_wrapped(L, "When to get help", 0, 0, width, NULL, NULL);
	ui_add_span(&L->lines[first], 0, L->lines[first].len, LS_HEADING, NULL);
	ui_add_wrapped(L,
		       "The signs this guide names, from most to least urgent. Choose one and "
		       "press Enter to read more.",
		       0, 0, width, NULL, NULL);
	for (size_t g = 0; g < sizeof urgent_order / sizeof urgent_order[0]; g++) {
		const struct node *head = NULL;
		for (size_t i = 0; i < u->c->nsections; i++)
			add_items(u, u->c->sections[i], urgent_order[g], &head, width);
	}
	if (v->nlinks == 0) {
		ui_add_line(L, "", 0, NULL, NULL);
		ui_add_wrapped(L, "This guide names no signs with an urgency.", 0, 0, width, NULL,
			       NULL);
	} else {
		view_select(v, 0, ui_rect_lines(&u->main_r));
	}
}

void urgent_draw(const struct ui *u, bool focused)
{
	view_draw(u, &u->ug, &u->main_r, focused);
}

bool urgent_request(struct ui *u, enum request req)
{
	struct view *v = &u->ug;
	if (view_request(v, req, ui_rect_lines(&u->main_r)))
		return true;
	const struct vlink *l = view_chosen(v);
	if (req != REQ_OPEN || l == NULL)
		return false;
	ui_open_section(u, l->target, l->block);
	return true;
}

void urgent_status(const struct ui *u, struct buf *crumb, char *pct, size_t pctsz)
{
	buf_puts(crumb, "When to get help");
	view_percent(&u->ug, ui_rect_lines(&u->main_r), pct, pctsz);
}
