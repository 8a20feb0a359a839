/* plain.c - the reader for terminals that cannot move the cursor (TERM=dumb, a terminfo entry
 * without cup, or --plain): sections are printed one after another and commands are read a
 * line at a time, as info and ed do on such terminals. Screen readers and editor shells can
 * follow every word, and nothing is ever drawn off the page. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../print.h"
#include "../search_print.h"
#include "../text.h"
#include "ui_int.h"

struct plain {
	const struct content *c;
	const struct search_index *ix;
	FILE *out;
	int width;
	const struct node *sec;   /* the section printed last, or NULL */
	const struct node **list; /* what the numbers of the last list stand for */
	size_t nlist;
};

/* Out in the locale's character set, as the printers' output goes. */
static void plain_write(struct plain *p, struct buf *b)
{
	if (text_locale_converts()) {
		struct buf t = { 0 };
		text_to_locale(&t, b->s ? b->s : "", b->len, false);
		buf_write(&t, p->out);
		buf_free(&t);
	} else {
		buf_write(b, p->out);
	}
	buf_free(b);
	fflush(p->out);
}

static void plain_section(struct plain *p, const struct node *sec)
{
	struct print_opts po = { .format = PRINT_TEXT, .width = p->width, .styled = false };
	struct buf b = { 0 };
	const struct node *secs[1] = { sec };
	print_text(&b, p->c, secs, 1, &po);
	buf_printf(&b, "\n[%s]\n", sec->id);
	plain_write(p, &b);
	p->sec = sec;
}

/* The numbered topics; the numbers work at the prompt, and a topic is read whole. */
static void plain_contents(struct plain *p)
{
	struct buf b = { 0 };
	free(p->list);
	p->list = xcalloc(p->c->nsections ? p->c->nsections : 1, sizeof *p->list);
	p->nlist = 0;
	buf_puts(&b, "Contents (each topic is read with all its parts):\n");
	for (size_t i = 0; i < p->c->nsections; i++) {
		const struct node *s = p->c->sections[i];
		if (s->depth > 0)
			continue;
		p->list[p->nlist++] = s;
		buf_printf(&b, "%2zu. %s\n", p->nlist, s->title ? s->title : s->id);
	}
	plain_write(p, &b);
}

/* A screen's lines, as the pager lays them out, printed as they are. */
static void plain_view(struct plain *p, void (*load)(struct ui *),
		       struct view *(*pick)(struct ui *))
{
	struct ui u = {
		.c = p->c,
		.ix = p->ix,
		.main_r = { .h = 1000, .w = p->width + 2 },
		.reader = { .sel = VIEW_NONE, .cur = VIEW_NONE },
		.urgent = { .sel = VIEW_NONE, .cur = VIEW_NONE, .list = true },
		.sources = { .sel = VIEW_NONE, .cur = VIEW_NONE },
	};
	load(&u);
	struct view *v = pick(&u);
	struct buf b = { 0 };
	/* Entries that lead somewhere get numbers, which work at the prompt as Enter does in
	 * the pager. */
	if (v->nlinks) {
		free(p->list);
		p->list = xcalloc(v->nlinks, sizeof *p->list);
		p->nlist = 0;
	}
	size_t k = 0;
	for (size_t i = 0; i < v->L.n; i++) {
		const char *text = v->L.lines[i].text;
		size_t len = v->L.lines[i].len;
		if (k < v->nlinks && v->links[k].line == i && v->links[k].target) {
			/* The number goes where the text starts, keeping its indent. */
			size_t lead = strspn(text, " ");
			p->list[p->nlist++] = v->links[k].target;
			buf_add(&b, text, lead);
			buf_printf(&b, "%zu. ", p->nlist);
			text += lead;
			len -= lead;
			k++;
		}
		buf_add(&b, text, len);
		buf_putc(&b, '\n');
	}
	view_free(v);
	plain_write(p, &b);
}

static struct view *pick_urgent(struct ui *u)
{
	return &u->urgent;
}

static struct view *pick_sources(struct ui *u)
{
	return &u->sources;
}

/* Number the sections of a list, which the numbers at the prompt then read. */
static void plain_numbered(struct plain *p, struct buf *b, const struct node *const *secs, size_t n)
{
	free(p->list);
	p->list = xcalloc(n ? n : 1, sizeof *p->list);
	p->nlist = 0;
	for (size_t i = 0; i < n; i++) {
		const struct node *s = secs[i];
		p->list[p->nlist++] = s;
		buf_printf(b, "%2zu. %s [%s]\n", p->nlist, s->title ? s->title : s->id, s->id);
	}
}

/* When nothing answers what came about since the treatment (search_result.since). */
#define SINCE_HINT \
	"Something new since the treatment? Type ! for when to get help: every sign, and what to do.\n"

/* As the pager's results: what was searched and not found, then the hits, or the closest
 * topics when nothing answers. */
static void plain_search(struct plain *p, const char *q)
{
	struct search_result res = { 0 };
	struct search_opts so = { .limit = SEARCH_DEFAULT_LIMIT,
				  .snippet_width = (size_t)p->width };
	struct buf b = { 0 };
	if (search_run(p->ix, q, &so, &res) != 0) {
		buf_printf(&b, "Nothing to search for in \"%s\". Type a word.\n", q);
	} else if (res.nhits == 0 && res.ntopics == 0) {
		buf_printf(&b, "Nothing found for \"%s\".", q);
		if (res.suggestion)
			buf_printf(&b, " Did you mean: %s", res.suggestion);
		buf_putc(&b, '\n');
		if (res.since)
			buf_puts(&b, SINCE_HINT);
	} else {
		if (res.nhits)
			buf_printf(&b, "%zu %s for \"%s\".\n", res.nhits,
				   res.nhits == 1 ? "section" : "sections", q);
		else
			buf_printf(&b, "Nothing here answers \"%s\".\n", q);
		if (res.corrected)
			buf_printf(&b, "Showing results for: %s\n", res.corrected);
		if (res.nmissing) {
			buf_puts(&b, "Not found: ");
			search_put_missing(&b, &res);
			buf_putc(&b, '\n');
		}
		if (res.nhits == 0 && res.since)
			buf_puts(&b, SINCE_HINT);
		if (res.nhits) {
			buf_puts(&b, "Type a number to read one:\n");
			const struct node **secs = xcalloc(res.nhits, sizeof *secs);
			for (size_t i = 0; i < res.nhits; i++)
				secs[i] = res.hits[i].section;
			plain_numbered(p, &b, secs, res.nhits);
			free(secs);
		} else {
			buf_puts(&b, "Closest topics (type a number to read one):\n");
			plain_numbered(p, &b, res.topics, res.ntopics);
		}
	}
	search_result_free(&res);
	plain_write(p, &b);
}

static void plain_help(struct plain *p)
{
	struct buf b = { 0 };
	buf_puts(&b, "Type a command and press Enter:\n"
		     "  NUMBER      read that entry of the last list\n"
		     "  Enter, n    the next section\n"
		     "  p           the previous section\n"
		     "  t           the contents\n"
		     "  !           when to get help: the signs by urgency\n"
		     "  s WORDS     search all sections (also /WORDS)\n"
		     "  S           the sources: what [1] and [2,3] stand for\n"
		     "  ID, WORDS   read a section by its id or title words\n"
		     "  ?           this list\n"
		     "  q           quit\n");
	plain_write(p, &b);
}

/* The next section after sec and everything printed with it. */
static const struct node *after(const struct plain *p, const struct node *sec)
{
	size_t k = sec->ord + 1;
	while (k < p->c->nsections) {
		const struct node *s = p->c->sections[k];
		bool inside = false;
		for (const struct node *q = s->parent; q; q = q->parent)
			inside |= q == sec;
		if (!inside)
			return s;
		k++;
	}
	return NULL;
}

static void plain_say(struct plain *p, const char *s)
{
	struct buf b = { 0 };
	buf_puts(&b, s);
	plain_write(p, &b);
}

/* One command line; false to quit. */
static bool plain_command(struct plain *p, char *line)
{
	size_t n = strlen(line);
	while (n > 0 && isspace((unsigned char)line[n - 1]))
		line[--n] = '\0';
	while (isspace((unsigned char)*line))
		line++;
	if (strcmp(line, "q") == 0 || strcmp(line, "quit") == 0)
		return false;
	if (*line == '\0' || strcmp(line, "n") == 0 || strcmp(line, "]") == 0) {
		const struct node *next = p->sec            ? after(p, p->sec)
					  : p->c->nsections ? p->c->sections[0]
							    : NULL;
		if (next)
			plain_section(p, next);
		else
			plain_say(p, "This is the last section. Type t for the contents.\n");
	} else if (strcmp(line, "p") == 0 || strcmp(line, "[") == 0) {
		if (p->sec && p->sec->ord > 0)
			plain_section(p, p->c->sections[p->sec->ord - 1]);
		else
			plain_say(p, "This is the first section.\n");
	} else if (strcmp(line, "t") == 0) {
		plain_contents(p);
	} else if (strcmp(line, "!") == 0) {
		plain_view(p, urgent_load, pick_urgent);
	} else if (strcmp(line, "S") == 0) {
		plain_view(p, sources_load, pick_sources);
	} else if (strcmp(line, "?") == 0 || strcmp(line, "h") == 0 || strcmp(line, "help") == 0) {
		plain_help(p);
	} else if (line[0] == '/' || (line[0] == 's' && line[1] == ' ')) {
		plain_search(p, line + (line[0] == '/' ? 1 : 2));
	} else if (strspn(line, "0123456789") == strlen(line)) {
		size_t k = (size_t)strtoul(line, NULL, 10);
		if (k >= 1 && k <= p->nlist)
			plain_section(p, p->list[k - 1]);
		else
			plain_say(p, "No entry with that number. Type t for the contents.\n");
	} else {
		const struct node *out, **cands;
		size_t nc;
		enum resolve_status st = content_resolve(p->c, line, &out, &cands, &nc);
		free(cands);
		if (st == RESOLVE_OK)
			plain_section(p, out);
		else
			plain_search(p, line);
	}
	return true;
}

int plain_run(const struct content *c, const struct search_index *ix, const struct ui_opts *o,
	      FILE *in, FILE *out, int width)
{
	struct plain p = { .c = c, .ix = ix, .out = out, .width = width < 20 ? 20 : width };
	const struct node *notice = content_find(c, "notice");
	if (o->urgent) {
		plain_view(&p, urgent_load, pick_urgent);
	} else if (o->start) {
		plain_section(&p, o->start);
	} else if (o->query) {
		plain_search(&p, o->query);
	} else {
		/* As the first screen of the pager: the notice in brief, then the topics. The whole
		 * notice is the first topic. */
		if (notice) {
			struct buf b = { 0 }, lines = { 0 };
			struct layout L = { 0 };
			struct layout_rich r = { 0 };
			toc_banner_text(&b, notice, true);
			layout_rich_line(&r, b.s, -1, NULL);
			layout_emit(&L, &r, (struct layout_shape){ 0 }, NULL, NULL, p.width);
			layout_rich_free(&r);
			for (size_t i = 0; i < L.n; i++) {
				buf_add(&lines, L.lines[i].text, L.lines[i].len);
				buf_putc(&lines, '\n');
			}
			buf_putc(&lines, '\n');
			plain_write(&p, &lines);
			layout_free(&L);
			buf_free(&b);
		}
		plain_contents(&p);
	}
	plain_say(&p, "Type a number or words and press Enter; ? lists the commands, q quits.\n");
	char *line = NULL;
	size_t cap = 0;
	for (;;) {
		plain_say(&p, "> ");
		if (getline(&line, &cap, in) < 0) {
			plain_say(&p, "\n");
			break;
		}
		if (!plain_command(&p, line))
			break;
	}
	free(line);
	free(p.list);
	return 0;
}
