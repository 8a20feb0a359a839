/* layout.h - the one line layout of a section, shared by `print` and the pager.
 *
 * A layout is a list of display lines. Each line is plain, terminal-safe UTF-8
 * text plus styled spans (byte ranges). print_text writes the lines with or
 * without styling; the pager draws the same lines with curses attributes.
 */
#ifndef EXOREAD_LAYOUT_H
#define EXOREAD_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "util.h"

enum lstyle {
	LS_HEADING,  /* a section title */
	LS_QUESTION, /* the question of a QA */
	LS_TERM,     /* a glossary term */
	LS_URGENCY,  /* an urgency label, e.g. "[Emergency: get help now]" */
	LS_LABEL,    /* "Claim:", "Note:", "Context:" labels */
	LS_SOURCE,   /* a source reference such as "[1,3]" */
	LS_LINK,     /* a see-also link; target is set */
	LS_MATCH,    /* a search match (added by the caller, e.g. the pager) */
	LS_DIM,      /* secondary text: also-called words, breadcrumbs */
};

struct lspan {
	size_t start, len; /* byte range within the line's text */
	enum lstyle style;
	const struct node *target; /* LS_LINK: the section linked to; else NULL */
};

struct lline {
	char *text; /* NUL-terminated, no control characters */
	size_t len; /* bytes */
	struct lspan *spans;
	size_t nspans;
	const struct node *node;    /* the block or section this line shows; NULL for blank lines */
	const struct node *section; /* the section the line belongs to */
};

struct layout {
	struct lline *lines;
	size_t n, cap;
	bool *cited; /* cited[i]: content.sources[i] was cited in these lines */
	size_t ncited;
};

struct layout_opts {
	int width;        /* columns, >= 1 */
	bool subsections; /* also lay out the section's subsections */
	bool also_once;   /* list items' lay words gathered into one line per section */
	bool see_titles;  /* "See also" shows titles only, without the ids */
	bool ascii;       /* bullets and arrows in ASCII, for locales without UTF-8 */
};

/* Append the lines for section sec to L. */
void layout_section(struct layout *L, const struct content *c, const struct node *sec,
		    const struct layout_opts *o);
/*
 * Append the "When to get help" view: every sign once, grouped by level from
 * most to least urgent, each level led by its action in words, each sign
 * followed by a link to the section that explains it (lines carry the
 * `signs` block there as their node, or the sign itself when none names it).
 */
void layout_urgent(struct layout *L, const struct content *c, const struct layout_opts *o);
/* The sentence under the view's heading (static; every format says the same). */
const char *layout_urgent_intro(const struct content *c);
/* Append the list of sources cited so far in L ("Sources" heading + one entry each). */
void layout_sources(struct layout *L, const struct content *c, const struct layout_opts *o);
/* Append a wrapped paragraph that belongs to no block (print's handout lines). */
void layout_text(struct layout *L, const char *text, int indent, const struct layout_opts *o);
/*
 * Append the short reference for source indices src[0..n) to b: "[1,3]", the
 * struct source.num values sorted with repeats dropped; nothing when n == 0.
 * Sets cited[i] for each index i when cited is not NULL (c->nsources flags).
 */
void layout_refs(struct buf *b, const struct content *c, const int *src, size_t n, bool *cited);
/*
 * The list-reference rule every printer follows. When a list's intro carries
 * the list's sources, its items repeat only the references that differ from
 * it; a list of ten items citing the same two articles would otherwise read
 * as a wall of "[1,2]". layout_list_refs_on_intro(): the intro shows list's
 * references; layout_item_refs_shown(): item it of list shows its own.
 */
bool layout_list_refs_on_intro(const struct node *list);
bool layout_item_refs_shown(const struct node *it, const struct node *list);
/*
 * Building lines, the one way every screen and printer makes them: text goes first into a
 * rich string (sanitized text plus styled byte ranges, with '\n' only where the content asks
 * for a line break); layout_emit() then wraps it by display width, cuts it into lines of L and
 * clips the spans to the lines they fall on. Literal text may also be appended to r->b
 * directly and styled with layout_rich_span().
 */
struct layout_rich {
	struct buf b;        /* the text so far */
	struct lspan *spans; /* styled byte ranges of b */
	size_t n, cap;
};
/* Append s made terminal-safe (trailing blanks dropped), styled when style is an enum lstyle
 * (-1: plain); target goes with an LS_LINK style. Newlines in s are kept as hard breaks. */
void layout_rich_add(struct layout_rich *r, const char *s, int style, const struct node *target);
/* As layout_rich_add(), but newlines become spaces: s stays one paragraph (titles, queries). */
void layout_rich_line(struct layout_rich *r, const char *s, int style, const struct node *target);
/* Style the bytes from start to the end of r->b; nothing when they are empty. */
void layout_rich_span(struct layout_rich *r, size_t start, enum lstyle style,
		      const struct node *target);
/* Append a separator space unless r is empty or ends in a space or a break. */
void layout_rich_space(struct layout_rich *r);
/* Release r and zero it; it may be reused. */
void layout_rich_free(struct layout_rich *r);

/* How emitted lines sit. Indents shrink on screens too narrow for them. */
struct layout_shape {
	size_t indent;      /* columns before the first line's prefix */
	const char *prefix; /* shown before the first line (a bullet), or NULL */
	size_t hang;        /* columns before every later line */
	bool link_once;     /* a span that wraps keeps its target on its first line only */
};
/* Wrap r to width columns (less than 1 counts as 1) and append its lines to L, each showing node within
 * section sec (either may be NULL). An empty r gives one empty line. */
void layout_emit(struct layout *L, const struct layout_rich *r, struct layout_shape sh,
		 const struct node *node, const struct node *sec, int width);
/* Append one empty line belonging to section sec (may be NULL). */
void layout_blank(struct layout *L, const struct node *sec);

/* Free all lines; L may be reused. NULL-safe. */
void layout_free(struct layout *L);

#endif
