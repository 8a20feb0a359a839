/* reader.c - one section, laid out by the shared layout, with links, sources and matches. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <errno.h>

#include "../print.h"
#include "ui_int.h"

#ifndef EXOREAD_VERSION
#define EXOREAD_VERSION "0.0"
#endif

/* References such as [2,3], and the line about the sources, are links too: Enter on one
 * shows the sources screen at the first number. They go in with the section links, in
 * reading order. */
static void reader_reference_links(struct view *v, size_t src_first, size_t src_end)
{
	for (size_t i = 0; i < v->L.n; i++) {
		const struct lline *ln = &v->L.lines[i];
		for (size_t j = 0; j < ln->nspans; j++) {
			const struct lspan *sp = &ln->spans[j];
			bool refs =
				sp->style == LS_SOURCE && sp->len > 1 && ln->text[sp->start] == '[';
			bool line = i >= src_first && i < src_end && sp->style == LS_LINK &&
				    !sp->target;
			if (!refs && !line)
				continue;
			struct vlink l = { .line = i, .start = sp->start, .len = sp->len };
			l.source = refs ? atoi(ln->text + sp->start + 1) : 0;
			v->links = xgrow(v->links, v->nlinks, sizeof *v->links);
			size_t k = v->nlinks;
			while (k > 0 &&
			       (v->links[k - 1].line > i ||
				(v->links[k - 1].line == i && v->links[k - 1].start > l.start))) {
				v->links[k] = v->links[k - 1];
				k--;
			}
			v->links[k] = l;
			v->nlinks++;
		}
	}
}

/* "In this part:" and a link to each subsection. */
static void reader_parts(struct layout *L, const struct node *sec, int width)
{
	struct layout_rich r = { 0 };
	layout_blank(L, sec);
	layout_rich_add(&r, "In this part:", LS_LABEL, NULL);
	layout_emit(L, &r, (struct layout_shape){ 0 }, NULL, sec, width);
	for (const struct node *s = sec->first; s; s = s->next) {
		if (s->type != NODE_SECTION)
			continue;
		layout_rich_free(&r);
		layout_rich_line(&r, s->title ? s->title : s->id, LS_LINK, s);
		layout_emit(L, &r,
			    (struct layout_shape){ .indent = 2, .hang = 2, .link_once = true }, s,
			    sec, width);
	}
	layout_rich_free(&r);
}

/* The lines about the sources screen, [*first, L->n): the word "Sources" in them is a link
 * (reader_reference_links looks there), on whichever line the width puts it. */
static void reader_sources_line(struct layout *L, const struct node *sec, int width, size_t *first)
{
	static const char before[] = "Numbers in brackets, such as [1], name the articles a "
				     "sentence comes from: see ";
	struct layout_rich r = { 0 };
	layout_blank(L, sec);
	*first = L->n;
	buf_puts(&r.b, before);
	size_t at = r.b.len;
	buf_puts(&r.b, "Sources");
	layout_rich_span(&r, at, LS_LINK, NULL);
	buf_puts(&r.b, " (key S).");
	layout_emit(L, &r, (struct layout_shape){ 0 }, NULL, sec, width);
	layout_rich_free(&r);
}

/* "Next:" and a link to the section after sec. */
static void reader_next(struct layout *L, const struct node *sec, const struct node *next,
			int width)
{
	struct layout_rich r = { 0 };
	layout_blank(L, sec);
	layout_rich_add(&r, "Next:", LS_LABEL, NULL);
	layout_rich_space(&r);
	layout_rich_line(&r, next->title ? next->title : next->id, LS_LINK, next);
	layout_emit(L, &r, (struct layout_shape){ .hang = 6, .link_once = true }, NULL, sec, width);
	layout_rich_free(&r);
}

/* The section's own text, links to its subsections, the sources it cites and the next section. */
static void reader_build(struct ui *u, const struct node *sec)
{
	struct layout *L = &u->reader.L;
	struct layout_opts lo = { .width = ui_text_width(&u->main_r),
				  .subsections = false,
				  .also_once = true,
				  .see_titles = true,
				  .ascii = !u->utf8 };
	layout_section(L, u->c, sec, &lo);
	if (node_has_subsections(sec))
		reader_parts(L, sec, lo.width);
	/* One line points at the sources screen instead of listing every source after every
	 * section; it is a link like any other, so Tab and Enter follow it. */
	bool cited = false;
	for (size_t i = 0; i < L->ncited; i++)
		cited |= L->cited[i];
	size_t src_first = VIEW_NONE, src_end = VIEW_NONE;
	if (cited) {
		reader_sources_line(L, sec, lo.width, &src_first);
		src_end = L->n;
	}
	if (sec->ord + 1 < u->c->nsections)
		reader_next(L, sec, u->c->sections[sec->ord + 1], lo.width);
	view_collect_links(&u->reader);
	reader_reference_links(&u->reader, src_first, src_end);
	view_set_matches(&u->reader, u->ix, u->highlight);
}

void reader_load(struct ui *u, const struct node *sec, const struct node *block)
{
	size_t h = ui_rect_lines(&u->main_r);
	view_free(&u->reader);
	u->reader.list = false;
	u->sec = sec;
	reader_build(u, sec);
	if (block && block != sec) {
		size_t i = view_find_node(&u->reader, block);
		if (i != VIEW_NONE) {
			u->reader.top = i > 0 ? i - 1 : 0; /* one line of context above */
			if (u->reader.top > view_max_top(&u->reader, h))
				u->reader.top = view_max_top(&u->reader, h);
			/* The current match is the first one in the block that was found. */
			for (size_t j = i; j < u->reader.L.n && u->reader.nmarks; j++) {
				if (u->reader.nmarks[j]) {
					u->reader.cur = j;
					view_show_line(&u->reader, j, h);
					break;
				}
			}
		}
	}
	toc_reveal(u, sec);
}

void reader_relayout(struct ui *u, size_t old_h)
{
	struct vpos p = view_pos(&u->reader);
	bool sel_seen = u->reader.sel != VIEW_NONE &&
			u->reader.links[u->reader.sel].line >= u->reader.top &&
			u->reader.links[u->reader.sel].line < u->reader.top + old_h;
	const struct node *cur =
		u->reader.cur != VIEW_NONE ? u->reader.L.lines[u->reader.cur].node : NULL;
	view_free(&u->reader);
	u->reader.list = false;
	reader_build(u, u->sec);
	size_t h = ui_rect_lines(&u->main_r);
	view_restore(&u->reader, &p, h);
	/* A link that was in sight stays in sight. */
	if (u->reader.sel != VIEW_NONE && sel_seen)
		view_select(&u->reader, u->reader.sel, h);
	if (cur) {
		size_t i = view_find_node(&u->reader, cur);
		for (; i != VIEW_NONE && i < u->reader.L.n && u->reader.nmarks; i++) {
			if (u->reader.nmarks[i]) {
				u->reader.cur = i;
				/* The match being looked at stays in sight, as a selected link does. */
				view_show_line(&u->reader, i, h);
				break;
			}
		}
	}
}

size_t reader_match_count(const struct ui *u)
{
	size_t n = 0;
	for (size_t i = 0; u->reader.nmarks && i < u->reader.L.n; i++)
		n += u->reader.nmarks[i];
	return n;
}

/* n and N: the next or previous line with a match, saying where it is and how many there are. */
static void reader_step_match(struct ui *u, int dir)
{
	struct view *v = &u->reader;
	size_t h = ui_rect_lines(&u->main_r);
	if (!u->highlight) {
		ui_message(u, false, "Nothing to find yet. Press / to find in this page.");
		return;
	}
	bool wrapped = false;
	if (!view_next_match(v, dir, h, &wrapped)) {
		ui_message(u, false, "No matches for \"%s\" in this section.", u->highlight);
		return;
	}
	size_t total = reader_match_count(u), before = 0;
	for (size_t i = 0; i < v->cur; i++)
		before += v->nmarks[i];
	ui_message(u, false, "Match %zu of %zu for \"%s\"%s", before + 1, total, u->highlight,
		   !wrapped  ? "."
		   : dir > 0 ? ", back at the first."
			     : ", back at the last.");
	/* A match takes the focus from a link. */
	v->sel = VIEW_NONE;
}

bool reader_request(struct ui *u, enum request req)
{
	struct view *v = &u->reader;
	size_t h = ui_rect_lines(&u->main_r);
	switch (req) {
	case REQ_PAGE_DOWN:
		/* As info's Space: at the end of a section, go on to the next one. */
		if (v->top >= view_max_top(v, h) && u->sec && u->sec->ord + 1 < u->c->nsections) {
			ui_section_step(u, 1);
			return true;
		}
		break;
	case REQ_ENTER:
		if (v->sel != VIEW_NONE && v->links[v->sel].line >= v->top &&
		    v->links[v->sel].line < v->top + h) {
			/* Links without a section are references and the line about sources. */
			if (v->links[v->sel].target)
				ui_open_section(u, v->links[v->sel].target, NULL);
			else
				ui_open_sources(u, v->links[v->sel].source);
		} else
			view_scroll(v, 1, h); /* as in less: Enter moves on a line */
		return true;
	case REQ_NEXT_MATCH:
	case REQ_PREV_MATCH:
		reader_step_match(u, req == REQ_NEXT_MATCH ? 1 : -1);
		return true;
	default:
		break;
	}
	return view_request(v, req, h);
}

char *reader_save_name(const struct ui *u)
{
	struct buf b = { 0 };
	buf_puts(&b, "exoread-");
	for (const char *p = u->sec ? u->sec->id : "section"; *p; p++)
		buf_putc(&b, *p == '/' ? '-' : *p);
	buf_puts(&b, ".txt");
	return buf_take(&b);
}

void reader_save(struct ui *u, const char *path)
{
	if (!u->sec)
		return;
	/* A saved section is a handout like `exoread print`'s, with its header and footer. */
	const struct node *secs[1] = { u->sec };
	struct print_opts po = { .format = PRINT_TEXT,
				 .width = 78,
				 .styled = false,
				 .handout = true,
				 .version = EXOREAD_VERSION,
				 .reviewed = content_handout_review(u->c, secs, 1),
				 .content_version = u->c->version };
	struct buf b = { 0 };
	print_text(&b, u->c, secs, 1, &po);
	FILE *f = fopen(path, "w");
	int err = 0;
	if (!f)
		err = errno;
	else if (buf_write(&b, f) != 0 || fflush(f) != 0)
		err = errno ? errno : EIO;
	if (f && fclose(f) != 0 && !err)
		err = errno;
	buf_free(&b);
	if (err)
		ui_message(u, true, "Cannot save to %s: %s", path, strerror(err));
	else
		ui_message(u, false, "Saved \"%s\" to %s.",
			   u->sec->title ? u->sec->title : u->sec->id, path);
}

const char *reader_status(const struct ui *u, struct buf *crumb)
{
	if (!u->sec)
		return NULL;
	ui_breadcrumb(crumb, u->sec);
	return u->sec->id;
}
