/* toc.c - the contents: a short banner from the safety notice, then the section tree, folded and
 * unfolded. The whole notice stays a normal section, the first row of the tree. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../config.h"
#include "../text.h"
#include "ui_int.h"

/* The banner's key hint; its "!" is styled as a key. */
#define TOC_BANNER_HINT "Press ! for when to get help."

/* Lines before the first row: the banner, a blank line and the "Contents" heading. */
static size_t toc_off(const struct toc *t)
{
	return t->notice ? t->nl.n + 2 : 1;
}

static bool has_subsections(const struct node *s)
{
	return node_has_subsections(s);
}

static bool toc_visible(const struct toc *t, const struct node *s)
{
	for (const struct node *p = s->parent; p && p->type == NODE_SECTION; p = p->parent)
		if (!t->open[p->ord])
			return false;
	return true;
}

/* Rebuild the visible rows; the cursor stays on its section or the nearest shown ancestor. */
static void toc_rows(struct ui *u)
{
	struct toc *t = &u->toc;
	const struct node *at = t->nrows ? t->rows[t->cur] : NULL;
	while (at && !toc_visible(t, at))
		at = at->parent;
	t->nrows = 0;
	t->cur = 0;
	for (size_t i = 0; i < u->c->nsections; i++) {
		const struct node *s = u->c->sections[i];
		if (!toc_visible(t, s))
			continue;
		if (s == at)
			t->cur = t->nrows;
		t->rows[t->nrows++] = s;
	}
}

static void toc_show_cursor(struct ui *u)
{
	struct toc *t = &u->toc;
	size_t h = ui_rect_lines(&u->toc_r), off = toc_off(t);
	if (h == 0)
		return;
	size_t line = off + t->cur;
	if (line < t->top)
		t->top = t->cur == 0 && off < h ? 0 : line;
	else if (line >= t->top + h)
		t->top = line - h + 1;
	size_t total = off + t->nrows;
	if (t->top > 0 && t->top + h > total)
		t->top = total > h ? total - h : 0;
}

/* Length of the first sentence of s: up to and with the first '.', '?' or '!' followed by a
 * space or the end; all of s when there is none. */
static size_t first_sentence(const char *s)
{
	size_t n = strlen(s);
	for (size_t i = 0; i < n; i++)
		if ((s[i] == '.' || s[i] == '?' || s[i] == '!') && (i + 1 == n || s[i + 1] == ' '))
			return i + 1;
	return n;
}

/* The banner's text: the notice's first sentence, the first sentence of its first note when
 * two lines hold it all, and the key for "When to get help". Words come from the content; the
 * pager adds only the key hint. */
void toc_banner_text(struct buf *b, const struct node *notice, bool with_note)
{
	const struct node *para = NULL, *note = NULL;
	for (const struct node *n = notice->first; n; n = n->next) {
		if (!para && n->type == NODE_PARA && n->text)
			para = n;
		/* The sign that needs help now: a note, or the notice's emergency action. */
		if (!note && n->text &&
		    (n->type == NODE_NOTE ||
		     (n->type == NODE_ACTION && n->urgency == URG_EMERGENCY)))
			note = n;
	}
	if (para)
		buf_add(b, para->text, first_sentence(para->text));
	if (with_note && note) {
		/* An action may name the local emergency number: its words as the settings
		 * give them. */
		struct buf t = { 0 };
		if (note->type == NODE_ACTION)
			config_action_text(&t, note);
		else
			buf_puts(&t, note->text);
		if (b->len)
			buf_putc(b, ' ');
		buf_add(b, t.s ? t.s : "", first_sentence(t.s ? t.s : ""));
		buf_free(&t);
	}
	if (b->len)
		buf_putc(b, ' ');
	buf_puts(b, TOC_BANNER_HINT);
}

static void banner_layout(struct toc *t, int w, bool with_note)
{
	struct buf b = { 0 };
	struct layout_rich r = { 0 };
	layout_free(&t->nl);
	toc_banner_text(&b, t->notice, with_note);
	size_t hl = strlen(TOC_BANNER_HINT), nl = b.len > hl ? b.len - hl - 1 : 0;
	b.s[nl] = '\0';
	/* The notice words in bold, as a question is. */
	layout_rich_line(&r, b.s, LS_QUESTION, NULL);
	buf_free(&b);
	if (r.b.len) {
		/* The key hint is never split: when it does not fit after the notice, it takes a
		 * line of its own. */
		layout_emit(&t->nl, &r, (struct layout_shape){ 0 }, t->notice, t->notice, w);
		const struct lline *last = &t->nl.lines[t->nl.n - 1];
		bool fits = text_width(last->text, last->len) + 1 + hl <= (size_t)w;
		layout_free(&t->nl);
		buf_putc(&r.b, fits ? ' ' : '\n');
	}
	/* The key stands out as keys do in the footer. */
	const char *hint = TOC_BANNER_HINT, *key = strchr(hint, '!');
	buf_add(&r.b, hint, (size_t)(key - hint));
	size_t at = r.b.len;
	buf_putc(&r.b, *key);
	layout_rich_span(&r, at, LS_LABEL, NULL);
	buf_puts(&r.b, key + 1);
	layout_emit(&t->nl, &r, (struct layout_shape){ 0 }, t->notice, t->notice, w);
	layout_rich_free(&r);
}

void toc_relayout(struct ui *u)
{
	struct toc *t = &u->toc;
	int w = ui_pane_width(&u->toc_r);
	if (t->notice && w != t->width) {
		banner_layout(t, w, true);
		if (t->nl.n > 2)
			banner_layout(t, w, false);
	}
	t->width = w;
	toc_show_cursor(u);
}

void toc_init(struct ui *u)
{
	struct toc *t = &u->toc;
	size_t n = u->c->nsections;
	t->open = xcalloc(n ? n : 1, sizeof *t->open);
	t->rows = xcalloc(n ? n : 1, sizeof *t->rows);
	t->notice = content_find(u->c, "notice");
	t->width = -1;
	toc_rows(u);
	/* The banner already says what matters most, so start on the section after the notice. */
	if (t->nrows > 1 && t->rows[0] == t->notice)
		t->cur = 1;
	toc_relayout(u);
}

void toc_free(struct ui *u)
{
	free(u->toc.open);
	free(u->toc.rows);
	layout_free(&u->toc.nl);
	u->toc = (struct toc){ 0 };
}

void toc_reveal(struct ui *u, const struct node *sec)
{
	struct toc *t = &u->toc;
	for (const struct node *p = sec->parent; p && p->type == NODE_SECTION; p = p->parent)
		t->open[p->ord] = true;
	toc_rows(u);
	for (size_t i = 0; i < t->nrows; i++)
		if (t->rows[i] == sec)
			t->cur = i;
	toc_show_cursor(u);
}

/* The columns a row uses before its title: marker, indent, fold sign and a space. */
static int row_indent(const struct node *s)
{
	return 1 + 2 * s->depth + 2;
}

int toc_fit_width(const struct content *c)
{
	int w = 0;
	for (size_t i = 0; i < c->nsections; i++) {
		const struct node *s = c->sections[i];
		const char *title = s->title ? s->title : s->id;
		/* The row's indent, the title and the right margin. */
		int need = row_indent(s) + (int)text_width(title, strlen(title)) + 1;
		if (need > w)
			w = need;
	}
	return w;
}

void toc_draw(const struct ui *u, bool focused)
{
	const struct toc *t = &u->toc;
	const struct rect *r = &u->toc_r;
	size_t h = ui_rect_lines(r), off = toc_off(t);
	int mx = ui_margin(r);
	for (size_t row = 0; row < h; row++) {
		size_t line = t->top + row;
		int y = r->y + (int)row;
		ui_fill(u, y, r->x, r->w, ROLE_NORMAL);
		if (t->notice && line < t->nl.n) {
			ui_draw_lline(u, y, r->x + mx, ui_pane_width(r), &t->nl.lines[line], NULL,
				      0, false, 0, 0);
			continue;
		}
		if (line + 1 == off) {
			ui_draw_text(u, y, r->x + mx, r->w - mx, "Contents", 8, ROLE_HEADING);
			continue;
		}
		if (line < off || line - off >= t->nrows)
			continue;
		size_t i = line - off;
		const struct node *s = t->rows[i];
		bool cur = i == t->cur;
		enum ui_role role = ROLE_NORMAL;
		if (cur)
			role = focused ? ROLE_CURSOR : ROLE_CURSOR_IDLE;
		else if (s == u->sec && u->screen == SCR_READER)
			role = ROLE_CURSOR_IDLE;
		if (cur)
			ui_fill(u, y, r->x, r->w, role);
		int x = r->x, end = r->x + r->w;
		if (cur)
			ui_draw_text(u, y, x, 1, ">", 1, role);
		x += 1 + 2 * s->depth;
		if (x >= end)
			continue;
		const char *sign = " ";
		if (has_subsections(s))
			sign = t->open[s->ord] ? (u->utf8 ? "\xe2\x96\xbe" : "-")
					       : (u->utf8 ? "\xe2\x96\xb8" : "+");
		ui_draw_text(u, y, x, end - x, sign, strlen(sign), role);
		x += 2;
		if (x >= end)
			continue;
		const char *title = s->title ? s->title : s->id;
		ui_draw_text(u, y, x, end - x, title, strlen(title), role);
	}
}

void toc_cursor(const struct ui *u, int *y, int *x)
{
	const struct toc *t = &u->toc;
	const struct rect *r = &u->toc_r;
	*y = r->y;
	*x = r->x;
	if (t->nrows == 0)
		return;
	size_t line = toc_off(t) + t->cur;
	if (line < t->top || line >= t->top + ui_rect_lines(r))
		return;
	*y = r->y + (int)(line - t->top);
	int ind = row_indent(t->rows[t->cur]);
	*x = r->x + (ind < r->w ? ind : r->w - 1);
}

/* In two panes the reader follows the contents cursor, as a preview. */
static void toc_moved(struct ui *u)
{
	toc_show_cursor(u);
	if (u->wide && u->screen == SCR_READER && u->toc.nrows) {
		const struct node *s = u->toc.rows[u->toc.cur];
		if (s != u->sec)
			reader_load(u, s, NULL);
	}
}

static void toc_fold(struct ui *u, bool open)
{
	struct toc *t = &u->toc;
	const struct node *s = t->rows[t->cur];
	if (open) {
		if (!has_subsections(s))
			return;
		if (t->open[s->ord]) {
			t->cur++; /* already open: step into it */
		} else {
			t->open[s->ord] = true;
			toc_rows(u);
		}
	} else {
		if (has_subsections(s) && t->open[s->ord]) {
			t->open[s->ord] = false;
			toc_rows(u);
		} else if (s->parent && s->parent->type == NODE_SECTION) {
			for (size_t i = 0; i < t->nrows; i++)
				if (t->rows[i] == s->parent)
					t->cur = i;
		}
	}
	toc_moved(u);
}

bool toc_request(struct ui *u, enum request req)
{
	struct toc *t = &u->toc;
	if (t->nrows == 0)
		return false;
	size_t h = ui_rect_lines(&u->toc_r);
	size_t page = h > 2 ? h - 1 : 1, half = h / 2 ? h / 2 : 1, n = t->nrows;
	switch (req) {
	case REQ_LINE_UP:
		if (t->cur > 0)
			t->cur--;
		else
			t->top = 0; /* at the first row, show the banner again */
		break;
	case REQ_LINE_DOWN:
		if (t->cur + 1 < n)
			t->cur++;
		break;
	case REQ_PAGE_UP:
	case REQ_HALF_UP: {
		size_t d = req == REQ_PAGE_UP ? page : half;
		t->cur = t->cur > d ? t->cur - d : 0;
		if (t->cur == 0)
			t->top = 0;
		break;
	}
	case REQ_PAGE_DOWN:
	case REQ_HALF_DOWN: {
		size_t d = req == REQ_PAGE_DOWN ? page : half;
		t->cur = t->cur + d < n ? t->cur + d : n - 1;
		break;
	}
	case REQ_TOP:
		t->cur = 0;
		t->top = 0;
		break;
	case REQ_END:
		t->cur = n - 1;
		break;
	case REQ_EXPAND:
		toc_fold(u, true);
		return true;
	case REQ_COLLAPSE:
		toc_fold(u, false);
		return true;
	case REQ_EXPAND_ALL:
		for (size_t i = 0; i < u->c->nsections; i++)
			t->open[i] = true;
		toc_rows(u);
		break;
	case REQ_OPEN:
		ui_open_section(u, t->rows[t->cur], NULL);
		return true;
	default:
		return false;
	}
	toc_moved(u);
	return true;
}

void toc_scroll(struct ui *u, long delta)
{
	struct toc *t = &u->toc;
	size_t h = ui_rect_lines(&u->toc_r), total = toc_off(t) + t->nrows;
	size_t max = total > h ? total - h : 0;
	if (delta < 0)
		t->top = (size_t)-delta > t->top ? 0 : t->top - (size_t)-delta;
	else
		t->top = t->top + (size_t)delta > max ? max : t->top + (size_t)delta;
}

bool toc_click(struct ui *u, int y, int x)
{
	struct toc *t = &u->toc;
	const struct rect *r = &u->toc_r;
	if (y < r->y || y >= r->y + r->h)
		return false;
	size_t line = t->top + (size_t)(y - r->y), off = toc_off(t);
	if (line < off || line - off >= t->nrows)
		return false;
	t->cur = line - off;
	const struct node *s = t->rows[t->cur];
	int sign = r->x + 1 + 2 * s->depth;
	/* A click on the fold sign folds; anywhere else on the row opens the section. */
	if (has_subsections(s) && x >= sign - 1 && x <= sign + 1) {
		t->open[s->ord] = !t->open[s->ord];
		toc_rows(u);
		toc_moved(u);
		return true;
	}
	ui_open_section(u, s, NULL);
	return true;
}

void toc_status(const struct ui *u, struct buf *crumb, char *pct, size_t pctsz)
{
	const struct toc *t = &u->toc;
	buf_puts(crumb, "Contents");
	if (t->nrows) {
		buf_puts(crumb, ": ");
		ui_breadcrumb(crumb, t->rows[t->cur]);
	}
	size_t h = ui_rect_lines(&u->toc_r), total = toc_off(t) + t->nrows;
	ui_percent(t->top, h, total, pct, pctsz);
}
