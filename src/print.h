/* print.h - the printers: text, markdown, json and tree (debug), and the one
 * table of output formats that `print` and `search` read.
 * Each renders into a buffer; main.c writes the buffer. */
#ifndef EXOREAD_PRINT_H
#define EXOREAD_PRINT_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "util.h"

enum print_format {
	PRINT_TEXT,
	PRINT_MARKDOWN,
	PRINT_JSON,
	PRINT_TREE,
	PRINT_TSV, /* search only */
};

struct print_opts;
struct search_result;

struct print_opts {
	enum print_format format;
	int width;   /* wrap width for text (>= 20 recommended); ignored by json */
	bool styled; /* text: use terminal bold/underline (only when stdout is a tty) */
	/* Text and markdown: a handout's header and footer (the disclaimer, the
	 * emergency line, the program's version and the content's review date). */
	bool handout;
	const char *version;  /* the program's version, for the handout lines */
	const char *reviewed; /* the oldest review date of what is printed, or NULL when unknown */
	const char *content_version; /* the content's version, or NULL when it gives none */
};

/* The handout's lines, in plain words, into out (one line per '\n'); footer: the closing ones. */
void print_handout(struct buf *out, const struct print_opts *o, bool footer);

/* Render sections secs[0..n) (each with its subsections) into out. */
typedef void print_fn(struct buf *out, const struct content *c, const struct node *const *secs,
		      size_t n, const struct print_opts *o);
/* Render search results into out (search_print.h). styled: terminal styles
 * for matches (text only). width: text wrap. */
typedef void search_print_fn(struct buf *out, const struct search_result *res, bool styled,
			     int width);

/* One output format: its name, and its writer for `print` and for `search`
 * (NULL where that command does not take it). */
struct print_format_entry {
	const char *name;
	enum print_format format;
	print_fn *print;
	search_print_fn *search;
};

/* The format named s: "text", "markdown"/"md", "json", "tree" or "tsv"; NULL when unknown. */
const struct print_format_entry *print_format_find(const char *s);

/* Render sections secs[0..n) (each with its subsections) into out. */
void print_text(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
		const struct print_opts *o);
void print_md(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
	      const struct print_opts *o);
void print_json(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
		const struct print_opts *o);
/* Render the "When to get help" view (every sign once, by level) as text, markdown or json. */
void print_urgent(struct buf *out, const struct content *c, const struct print_opts *o);
/* The same view in one format each (print_urgent picks one). */
void print_md_urgent(struct buf *out, const struct content *c, const struct print_opts *o);
void print_json_urgent(struct buf *out, const struct content *c);
/* Debug dump of nodes with file:line:col, one per line. */
void print_tree(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
		const struct print_opts *o);

#endif
