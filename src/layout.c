/* layout.c - the one line layout of a section, shared by `print` and the pager.
 *
 * Every block is first built as one "rich" string: sanitized text plus styled
 * byte ranges, with '\n' only where the content itself asked for a line
 * break. The rich string is then wrapped by display width and cut into lines,
 * and the spans are clipped to the lines they fall on. Building first and
 * wrapping second means labels, lay words and source references wrap like any
 * other words, and a span never points outside its line.
 */
#include "layout.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "text.h"
#include "util.h"

void layout_rich_span(struct layout_rich *r, size_t start, enum lstyle style,
		      const struct node *target)
{
	if (r->b.len == start)
		return;
	if (r->n == r->cap) {
		r->cap = r->cap ? 2 * r->cap : 8;
		r->spans = xreallocarray(r->spans, r->cap, sizeof *r->spans);
	}
	r->spans[r->n++] = (struct lspan){
		.start = start, .len = r->b.len - start, .style = style, .target = target
	};
}

/* Append s made terminal-safe, trailing blanks dropped; newlines inside kept as hard breaks
 * when breaks is set, else turned into spaces. Styled when style >= 0. */
static void rich_text(struct layout_rich *r, const char *s, int style, const struct node *target,
		      bool breaks)
{
	size_t start = r->b.len;
	size_t len = strlen(s);

	while (len > 0 && (s[len - 1] == '\n' || s[len - 1] == ' '))
		len--;
	for (size_t i = 0; i < len;) {
		const char *nl = breaks ? memchr(s + i, '\n', len - i) : NULL;
		size_t end = nl ? (size_t)(nl - s) : len;
		text_sanitize(&r->b, s + i, end - i);
		if (nl)
			buf_putc(&r->b, '\n');
		i = end + (nl != NULL);
	}
	if (r->b.s == NULL)
		buf_add(&r->b, "", 0);
	if (style >= 0)
		layout_rich_span(r, start, (enum lstyle)style, target);
}

void layout_rich_add(struct layout_rich *r, const char *s, int style, const struct node *target)
{
	rich_text(r, s, style, target, true);
}

void layout_rich_line(struct layout_rich *r, const char *s, int style, const struct node *target)
{
	rich_text(r, s, style, target, false);
}

void layout_rich_space(struct layout_rich *r)
{
	if (r->b.len > 0 && r->b.s[r->b.len - 1] != ' ' && r->b.s[r->b.len - 1] != '\n')
		buf_putc(&r->b, ' ');
}

void layout_rich_free(struct layout_rich *r)
{
	buf_free(&r->b);
	free(r->spans);
	*r = (struct layout_rich){ 0 };
}

static void push_line(struct layout *L, struct lline ln)
{
	if (L->n == L->cap) {
		L->cap = L->cap ? 2 * L->cap : 64;
		L->lines = xreallocarray(L->lines, L->cap, sizeof *L->lines);
	}
	if (ln.text == NULL)
		ln.text = xstrdup("");
	L->lines[L->n++] = ln;
}

void layout_blank(struct layout *L, const struct node *sec)
{
	push_line(L, (struct lline){ .section = sec });
}

/* A blank line before what follows, unless there is one already (or nothing yet). */
static void blank(struct layout *L, const struct node *sec)
{
	if (L->n > 0 && L->lines[L->n - 1].len > 0)
		layout_blank(L, sec);
}

static size_t avail(size_t width, size_t *indent, size_t used)
{
	/* Shrink indents rather than overflow narrow screens; keep >= 1 column. */
	if (*indent + used >= width)
		*indent = width > used + 1 ? width - used - 1 : 0;
	return width > *indent + used ? width - *indent - used : 1;
}

/* The parts of spans[0..n) on bytes [a, b), moved to start at off, into a fresh *out; returns
 * their count. seen (when not NULL) marks the spans met before: their later parts lose their
 * target. */
static size_t clip_spans(const struct lspan *spans, size_t n, size_t a, size_t b, size_t off,
			 bool *seen, struct lspan **out)
{
	size_t nsp = 0, k = 0;
	for (size_t i = 0; i < n; i++)
		nsp += spans[i].start < b && spans[i].start + spans[i].len > a;
	*out = NULL;
	if (nsp == 0)
		return 0;
	/* One exact allocation per line: a long document has tens of thousands of lines, and
	 * growing each span array piecemeal made malloc the top of the profile. */
	*out = xmalloc(nsp * sizeof **out);
	for (size_t i = 0; i < n; i++) {
		const struct lspan *sp = &spans[i];
		size_t ss = sp->start > a ? sp->start : a;
		size_t se = sp->start + sp->len < b ? sp->start + sp->len : b;
		if (ss >= se)
			continue;
		(*out)[k] = (struct lspan){ .start = ss - a + off,
					    .len = se - ss,
					    .style = sp->style,
					    .target = sp->target };
		if (seen && seen[i])
			(*out)[k].target = NULL;
		else if (seen)
			seen[i] = true;
		k++;
	}
	return k;
}

/* The line for bytes [a, b) of r (text s): lead spaces, then pre, then the text, with r's spans on it. */
static struct lline emit_line(const struct layout_rich *r, const char *s, size_t a, size_t b,
			      size_t lead, const char *pre, bool *seen)
{
	size_t pl = strlen(pre), off = lead + pl;
	struct lline ln = { .len = off + (b - a) };
	ln.text = xmalloc(ln.len + 1);
	memset(ln.text, ' ', lead);
	memcpy(ln.text + lead, pre, pl);
	memcpy(ln.text + off, s + a, b - a);
	ln.text[ln.len] = '\0';
	ln.nspans = clip_spans(r->spans, r->n, a, b, off, seen, &ln.spans);
	return ln;
}

void layout_emit(struct layout *L, const struct layout_rich *r, struct layout_shape sh,
		 const struct node *node, const struct node *sec, int width)
{
	size_t w = width < 1 ? 1 : (size_t)width;
	const char *prefix = sh.prefix ? sh.prefix : "";
	size_t plen = strlen(prefix), pw = text_width(prefix, plen);
	size_t indent1 = sh.indent, hang = sh.hang;
	size_t w1 = avail(w, &indent1, pw);
	size_t w2 = avail(w, &hang, 0);
	const char *s = r->b.s ? r->b.s : "";
	size_t len = r->b.len;
	bool first = true;
	bool *seen = sh.link_once && r->n ? xcalloc(r->n, sizeof *seen) : NULL;

	for (size_t seg = 0; seg <= len;) {
		const char *nl = memchr(s + seg, '\n', len - seg);
		size_t segend = nl ? (size_t)(nl - s) : len;
		struct text_line *tl;
		size_t nl_lines = text_wrap(s + seg, segend - seg, first ? w1 : w2, w2, &tl);

		for (size_t i = 0; i < nl_lines; i++) {
			size_t a = seg + tl[i].start, lead = 0;
			const char *pre = "";
			if (first && (plen > 0 || tl[i].len > 0)) {
				lead = indent1;
				pre = prefix;
			} else if (tl[i].len > 0) {
				lead = hang;
			}
			struct lline ln = emit_line(r, s, a, a + tl[i].len, lead, pre, seen);
			ln.node = node;
			ln.section = sec;
			push_line(L, ln);
			first = false;
		}
		free(tl);
		if (!nl)
			break;
		seg = segend + 1;
	}
	free(seen);
}

/* Grow L->cited to one flag per source of c. */
static void cited_size(struct layout *L, const struct content *c)
{
	if (L->ncited >= c->nsources)
		return;
	L->cited = xreallocarray(L->cited, c->nsources, sizeof *L->cited);
	memset(L->cited + L->ncited, 0, (c->nsources - L->ncited) * sizeof *L->cited);
	L->ncited = c->nsources;
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;
	return (x > y) - (x < y);
}

void layout_refs(struct buf *b, const struct content *c, const int *src, size_t n, bool *cited)
{
	if (n == 0)
		return;
	int *nums = xmalloc(n * sizeof *nums);
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (src[i] < 0 || (size_t)src[i] >= c->nsources)
			continue;
		nums[k++] = c->sources[src[i]].num;
		if (cited)
			cited[src[i]] = true;
	}
	qsort(nums, k, sizeof *nums, cmp_int);
	if (k > 0) {
		buf_putc(b, '[');
		for (size_t i = 0; i < k; i++)
			if (i == 0 || nums[i] != nums[i - 1])
				buf_printf(b, i ? ",%d" : "%d", nums[i]);
		buf_putc(b, ']');
	}
	free(nums);
}

/* Append " [1,3]" for the given source indices, styled as a reference. */
static void rich_refs(struct layout_rich *r, struct layout *L, const struct content *c,
		      const int *src, size_t n)
{
	if (n == 0)
		return;
	cited_size(L, c);
	layout_rich_space(r);
	size_t start = r->b.len;
	layout_refs(&r->b, c, src, n, L->cited);
	layout_rich_span(r, start, LS_SOURCE, NULL);
}

/* Append " (text)" dimmed: an id or a file name beside what it names. */
static void rich_paren(struct layout_rich *r, const char *text)
{
	layout_rich_space(r);
	size_t start = r->b.len;
	buf_putc(&r->b, '(');
	layout_rich_add(r, text, -1, NULL);
	buf_putc(&r->b, ')');
	layout_rich_span(r, start, LS_DIM, NULL);
}

/* Append the words of v, a comma between two. */
static void rich_words(struct layout_rich *r, const struct strv *v)
{
	for (size_t i = 0; i < v->n; i++) {
		if (i > 0)
			buf_puts(&r->b, ", ");
		layout_rich_add(r, v->v[i], -1, NULL);
	}
}

/* Append " (also called: a, b)" dimmed. */
static void rich_also(struct layout_rich *r, const struct strv *v)
{
	if (v->n == 0)
		return;
	layout_rich_space(r);
	size_t start = r->b.len;
	buf_puts(&r->b, "(also called: ");
	rich_words(r, v);
	buf_putc(&r->b, ')');
	layout_rich_span(r, start, LS_DIM, NULL);
}

bool layout_list_refs_on_intro(const struct node *list)
{
	return list->text && list->text[0] && list->nsources > 0;
}

bool layout_item_refs_shown(const struct node *it, const struct node *list)
{
	bool same = it->nsources == list->nsources &&
		    (it->nsources == 0 ||
		     memcmp(it->sources, list->sources, it->nsources * sizeof *it->sources) == 0);
	return !layout_list_refs_on_intro(list) || !same;
}

/* "[Emergency: get help now]" in words, styled as urgent; a link to the
 * section where that level's signs live when home is set. */
static void rich_level(struct layout_rich *r, enum urgency g, const struct node *home)
{
	const char *label = urgency_label(g);
	if (label == NULL)
		return;
	size_t start = r->b.len;
	buf_putc(&r->b, '[');
	buf_puts(&r->b, label);
	if (home) /* the link covers the words, not the brackets */
		layout_rich_span(r, start + 1, LS_LINK, home);
	buf_putc(&r->b, ']');
	layout_rich_span(r, start, LS_URGENCY, NULL);
	layout_rich_space(r);
}

/* Whether section sec is headed by the words of urgency level g: what sits under it need not
 * say the level again. */
static bool heading_names_level(const struct node *sec, enum urgency g)
{
	const char *label = urgency_label(g);
	return label && sec->title && strcmp(sec->title, label) == 0;
}

/* Append n's text and its references. */
static void rich_body(struct layout_rich *r, struct layout *L, const struct content *c,
		      const struct node *n)
{
	layout_rich_add(r, n->text ? n->text : "", -1, NULL);
	rich_refs(r, L, c, n->sources, n->nsources);
}

/* Append what action act says to do, with the configured numbers filled in, and its
 * references. */
static void rich_action(struct layout_rich *r, struct layout *L, const struct content *c,
			const struct node *act)
{
	struct buf t = { 0 };
	config_action_text(&t, act);
	layout_rich_add(r, t.s, -1, NULL);
	buf_free(&t);
	rich_refs(r, L, c, act->sources, act->nsources);
}

/* Emit r as the lines of node n in section sec, and empty r for what comes next. */
static void flush_rich(struct layout *L, struct layout_rich *r, struct layout_shape sh,
		       const struct node *n, const struct node *sec, const struct layout_opts *o)
{
	layout_emit(L, r, sh, n, sec, o->width);
	layout_rich_free(r);
}

/* What to do for one level. Under a heading that already names the level it is led by
 * "What to do:". */
static void layout_action(struct layout *L, const struct content *c, const struct node *n,
			  const struct node *sec, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	if (heading_names_level(sec, n->urgency)) {
		layout_rich_add(&r, "What to do:", LS_URGENCY, NULL);
		layout_rich_space(&r);
	} else {
		rich_level(&r, n->urgency, NULL);
	}
	rich_action(&r, L, c, n);
	flush_rich(L, &r, (struct layout_shape){ .hang = 2 }, n, sec, o);
}

static void layout_para(struct layout *L, const struct content *c, const struct node *n,
			const struct node *sec, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	rich_body(&r, L, c, n);
	flush_rich(L, &r, (struct layout_shape){ 0 }, n, sec, o);
}

/* A list item's bullet: U+2022, or "*" where the terminal's character set lacks it. */
static const char *bullet_prefix(const struct layout_opts *o)
{
	return o->ascii ? "* " : "\xE2\x80\xA2 ";
}

/* The intro with the list's references, then a bullet per item with its references only when
 * they differ from the list's (layout.h). */
static void layout_list(struct layout *L, const struct content *c, const struct node *n,
			const struct node *sec, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	if (n->text && n->text[0]) {
		layout_rich_add(&r, n->text, -1, NULL);
		if (layout_list_refs_on_intro(n))
			rich_refs(&r, L, c, n->sources, n->nsources);
		flush_rich(L, &r, (struct layout_shape){ 0 }, n, sec, o);
	}
	const struct layout_shape bullet = { .indent = 2, .prefix = bullet_prefix(o), .hang = 4 };
	for (const struct node *it = n->first; it; it = it->next) {
		/* Under a heading that names the level, the bullets do not repeat it; elsewhere
		 * each sign says its level in words. */
		if (!heading_names_level(sec, it->urgency))
			rich_level(&r, it->urgency, NULL);
		layout_rich_add(&r, it->text ? it->text : "", -1, NULL);
		if (!o->also_once)
			rich_also(&r, &it->also_called);
		if (layout_item_refs_shown(it, n))
			rich_refs(&r, L, c, it->sources, it->nsources);
		flush_rich(L, &r, bullet, it, sec, o);
	}
}

static void layout_qa(struct layout *L, const struct content *c, const struct node *n,
		      const struct node *sec, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	buf_puts(&r.b, "Q: ");
	layout_rich_add(&r, n->title ? n->title : "", -1, NULL);
	layout_rich_span(&r, 0, LS_QUESTION, NULL);
	flush_rich(L, &r, (struct layout_shape){ .hang = 3 }, n, sec, o);
	rich_body(&r, L, c, n);
	flush_rich(L, &r, (struct layout_shape){ .indent = 3, .hang = 3 }, n, sec, o);
}

/* A note or a claim: its label, its text; a claim then says what the other sources say. */
static void layout_labelled(struct layout *L, const struct content *c, const struct node *n,
			    const struct node *sec, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	layout_rich_add(&r, n->type == NODE_CLAIM ? "Claim:" : "Note:", LS_LABEL, NULL);
	layout_rich_space(&r);
	rich_body(&r, L, c, n);
	flush_rich(L, &r, (struct layout_shape){ .hang = 2 }, n, sec, o);
	if (n->type != NODE_CLAIM || !n->context || !n->context[0])
		return;
	layout_rich_add(&r, "What the other sources say:", LS_LABEL, NULL);
	layout_rich_space(&r);
	layout_rich_add(&r, n->context, -1, NULL);
	rich_refs(&r, L, c, n->context_sources, n->ncontext_sources);
	flush_rich(L, &r, (struct layout_shape){ .indent = 2, .hang = 2 }, n, sec, o);
}

/* Each run of signs of one level is led by the level, in words, and what to do: the page
 * says it where the signs are. */
static void layout_signs(struct layout *L, const struct content *c, const struct node *n,
			 const struct node *sec, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	layout_rich_add(&r, "When to get help:", LS_LABEL, NULL);
	flush_rich(L, &r, (struct layout_shape){ 0 }, n, sec, o);
	for (size_t i = 0; i < n->see_also.n; i++) {
		const struct node *sg = n->see ? n->see[i] : NULL;
		if (sg == NULL)
			continue;
		const struct node *prev = i > 0 && n->see ? n->see[i - 1] : NULL;
		if (prev == NULL || prev->urgency != sg->urgency) {
			rich_level(&r, sg->urgency, node_section(sg));
			const struct node *act = sign_action(sg);
			if (act)
				rich_action(&r, L, c, act);
			flush_rich(L, &r, (struct layout_shape){ .hang = 2 }, n, sec, o);
		}
		rich_body(&r, L, c, sg);
		flush_rich(
			L, &r,
			(struct layout_shape){ .indent = 2, .prefix = bullet_prefix(o), .hang = 4 },
			n, sec, o);
	}
}

static void layout_term(struct layout *L, const struct content *c, const struct node *n,
			const struct node *sec, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	layout_rich_add(&r, n->title ? n->title : "", LS_TERM, NULL);
	rich_also(&r, &n->also_called);
	buf_putc(&r.b, ':');
	layout_rich_space(&r);
	rich_body(&r, L, c, n);
	flush_rich(L, &r, (struct layout_shape){ .hang = 2 }, n, sec, o);
}

/* How each kind of block is laid out; kinds that are not blocks have none. */
typedef void block_layout_fn(struct layout *L, const struct content *c, const struct node *n,
			     const struct node *sec, const struct layout_opts *o);
static block_layout_fn *const block_layouts[] = {
	[NODE_PARA] = layout_para,     [NODE_LIST] = layout_list,      [NODE_QA] = layout_qa,
	[NODE_NOTE] = layout_labelled, [NODE_CLAIM] = layout_labelled, [NODE_TERM] = layout_term,
	[NODE_ACTION] = layout_action, [NODE_SIGNS] = layout_signs,
};

static void layout_block(struct layout *L, const struct content *c, const struct node *n,
			 const struct node *sec, const struct layout_opts *o)
{
	if ((size_t)n->type < sizeof block_layouts / sizeof block_layouts[0] &&
	    block_layouts[n->type])
		block_layouts[n->type](L, c, n, sec, o);
}

/* The lay words of the section's list items, each once, on one line after its text: they
 * stay findable in the page without following every bullet. */
static void also_gathered(struct layout *L, const struct node *sec, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	const char **seen = NULL;
	size_t nseen = 0;
	for (const struct node *b = sec->first; b; b = b->next) {
		if (b->type != NODE_LIST)
			continue;
		for (const struct node *it = b->first; it; it = it->next) {
			for (size_t i = 0; i < it->also_called.n; i++) {
				const char *w = it->also_called.v[i];
				bool dup = false;
				for (size_t k = 0; k < nseen && !dup; k++)
					dup = strcmp(seen[k], w) == 0;
				if (dup)
					continue;
				seen = xgrow(seen, nseen, sizeof *seen);
				seen[nseen++] = w;
				if (r.b.len == 0) {
					layout_rich_add(&r, "Other words for these:", LS_LABEL,
							NULL);
					layout_rich_space(&r);
				} else {
					buf_puts(&r.b, ", ");
				}
				size_t start = r.b.len;
				layout_rich_add(&r, w, -1, NULL);
				layout_rich_span(&r, start, LS_DIM, NULL);
			}
		}
	}
	if (r.b.len) {
		blank(L, sec);
		flush_rich(L, &r, (struct layout_shape){ .hang = 2 }, sec, sec, o);
	}
	free(seen);
	layout_rich_free(&r);
}

static size_t max_width(const struct layout *L, size_t from)
{
	size_t w = 0;
	for (size_t i = from; i < L->n; i++) {
		size_t x = text_width(L->lines[i].text, L->lines[i].len);
		if (x > w)
			w = x;
	}
	return w;
}

/* A heading: the title, then a rule under it ('=' for the section asked for,
 * '-' below it) so headings stand out in plain text without any styling. */
static void heading(struct layout *L, const char *title, int rel, const struct node *node,
		    const struct node *sec, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	layout_rich_add(&r, title, LS_HEADING, NULL);
	size_t from = L->n;
	flush_rich(L, &r, (struct layout_shape){ 0 }, node, sec, o);
	struct buf t = { 0 };
	buf_repeat(&t, rel == 0 ? '=' : '-', max_width(L, from));
	size_t len = t.len;
	push_line(L,
		  (struct lline){ .text = buf_take(&t), .len = len, .node = node, .section = sec });
}

/* "See also:" and a link to each section named. */
static void layout_see_also(struct layout *L, const struct node *sec, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	const struct layout_shape arrow = { .indent = 2,
					    .prefix = o->ascii ? "-> " : "\xE2\x86\x92 ",
					    .hang = 4 };
	blank(L, sec);
	layout_rich_add(&r, "See also:", LS_LABEL, NULL);
	flush_rich(L, &r, (struct layout_shape){ 0 }, sec, sec, o);
	for (size_t i = 0; i < sec->see_also.n; i++) {
		const struct node *t = sec->see ? sec->see[i] : NULL;
		if (t) {
			layout_rich_add(&r, t->title ? t->title : t->id, LS_LINK, t);
			if (!o->see_titles)
				rich_paren(&r, t->id);
		} else {
			layout_rich_add(&r, sec->see_also.v[i], -1, NULL);
		}
		flush_rich(L, &r, arrow, sec, sec, o);
	}
}

static void layout_sec(struct layout *L, const struct content *c, const struct node *sec,
		       const struct layout_opts *o, int rel)
{
	blank(L, sec);
	heading(L, sec->title ? sec->title : (sec->id ? sec->id : ""), rel, sec, sec, o);
	if (sec->also_called.n > 0) {
		struct layout_rich r = { 0 };
		buf_puts(&r.b, "Also called: ");
		rich_words(&r, &sec->also_called);
		layout_rich_span(&r, 0, LS_DIM, NULL);
		flush_rich(L, &r, (struct layout_shape){ .hang = 2 }, sec, sec, o);
	}
	for (const struct node *n = sec->first; n; n = n->next) {
		if (n->type == NODE_SECTION)
			continue;
		blank(L, sec);
		layout_block(L, c, n, sec, o);
	}
	if (o->also_once)
		also_gathered(L, sec, o);
	if (sec->see_also.n > 0)
		layout_see_also(L, sec, o);
	if (o->subsections)
		for (const struct node *n = sec->first; n; n = n->next)
			if (n->type == NODE_SECTION)
				layout_sec(L, c, n, o, rel + 1);
}

void layout_section(struct layout *L, const struct content *c, const struct node *sec,
		    const struct layout_opts *o)
{
	if (sec == NULL)
		return;
	cited_size(L, c);
	layout_sec(L, c, sec, o, 0);
}

/* The first `signs` block, in reading order, that shows sign sg; NULL when none does. */
static const struct node *shown_in(const struct content *c, const struct node *sg)
{
	for (size_t i = 0; i < c->nsections; i++)
		for (const struct node *b = c->sections[i]->first; b; b = b->next)
			if (b->type == NODE_SIGNS)
				for (size_t k = 0; k < b->see_also.n; k++)
					if (b->see && b->see[k] == sg)
						return b;
	return NULL;
}

const char *layout_urgent_intro(const struct content *c)
{
	return c->nsigns ? "Most urgent first. Each sign is named once."
			 : "This guide names no signs with an urgency.";
}

/* One level of the view: its name as a heading, what to do, then each sign with a link to the
 * section that explains it. */
static void urgent_level(struct layout *L, const struct content *c, const struct sign_level *lv,
			 const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	const struct node *home = lv->home, *act = lv->action;
	blank(L, NULL);
	size_t from = L->n;
	heading(L, urgency_label(lv->level), 1, home, home, o);
	for (size_t k = from; k + 1 < L->n; k++)
		if (L->lines[k].nspans > 0)
			L->lines[k].spans[0].style = LS_URGENCY;
	if (act) {
		layout_rich_add(&r, "What to do:", LS_URGENCY, NULL);
		layout_rich_space(&r);
		rich_action(&r, L, c, act);
		flush_rich(L, &r, (struct layout_shape){ .hang = 2 }, act, home, o);
	}
	for (size_t i = 0; i < lv->nsigns; i++) {
		const struct node *sg = lv->signs[i];
		rich_body(&r, L, c, sg);
		flush_rich(
			L, &r,
			(struct layout_shape){ .indent = 2, .prefix = bullet_prefix(o), .hang = 4 },
			sg, home, o);
		const struct node *where = shown_in(c, sg);
		const struct node *sec = where ? node_section(where) : home;
		layout_rich_add(&r, "Read more:", LS_DIM, NULL);
		layout_rich_space(&r);
		layout_rich_add(&r, sec->title ? sec->title : sec->id, LS_LINK, sec);
		flush_rich(L, &r, (struct layout_shape){ .indent = 4, .hang = 4 },
			   where ? where : sg, sec, o);
	}
}

void layout_urgent(struct layout *L, const struct content *c, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	struct sign_level lv[URG_COUNT];
	size_t nlv = content_sign_levels(c, lv);
	cited_size(L, c);
	heading(L, "When to get help", 0, NULL, NULL, o);
	layout_rich_add(&r, layout_urgent_intro(c), -1, NULL);
	flush_rich(L, &r, (struct layout_shape){ 0 }, NULL, NULL, o);
	for (size_t g = 0; g < nlv; g++)
		urgent_level(L, c, &lv[g], o);
	sign_levels_free(lv, nlv);
}

void layout_sources(struct layout *L, const struct content *c, const struct layout_opts *o)
{
	bool any = false;
	for (size_t i = 0; i < L->ncited && i < c->nsources; i++)
		any |= L->cited[i];
	if (!any)
		return;

	const struct node *sec = L->n > 0 ? L->lines[L->n - 1].section : NULL;
	blank(L, sec);
	heading(L, "Sources", 0, NULL, sec, o);
	for (size_t i = 0; i < L->ncited && i < c->nsources; i++) {
		if (!L->cited[i])
			continue;
		const struct source *s = &c->sources[i];
		struct layout_rich r = { 0 };
		buf_printf(&r.b, "[%d]", s->num);
		layout_rich_span(&r, 0, LS_SOURCE, NULL);
		layout_rich_space(&r);
		layout_rich_add(&r, s->title ? s->title : s->id, -1, NULL);
		if (s->file)
			rich_paren(&r, s->file);
		flush_rich(L, &r, (struct layout_shape){ .hang = 4 }, NULL, sec, o);
		if (s->notes && s->notes[0]) {
			layout_rich_add(&r, s->notes, LS_DIM, NULL);
			flush_rich(L, &r, (struct layout_shape){ .indent = 4, .hang = 4 }, NULL,
				   sec, o);
		}
	}
}

void layout_text(struct layout *L, const char *text, int indent, const struct layout_opts *o)
{
	struct layout_rich r = { 0 };
	size_t in = indent > 0 ? (size_t)indent : 0;
	layout_rich_add(&r, text ? text : "", -1, NULL);
	layout_emit(L, &r, (struct layout_shape){ .indent = in, .hang = in }, NULL, NULL, o->width);
	layout_rich_free(&r);
}

void layout_free(struct layout *L)
{
	if (L == NULL)
		return;
	for (size_t i = 0; i < L->n; i++) {
		free(L->lines[i].text);
		free(L->lines[i].spans);
	}
	free(L->lines);
	free(L->cited);
	*L = (struct layout){ 0 };
}
