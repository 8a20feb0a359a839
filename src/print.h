/* print.h - the printers: text, markdown, json and tree (debug).
 * Each renders a list of sections into a buffer; main.c writes the buffer. */
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
};

struct print_opts {
	enum print_format format;
	int width;   /* wrap width for text (>= 20 recommended); ignored by json */
	bool styled; /* text: use terminal bold/underline (only when stdout is a tty) */
};

/* Parse "text", "markdown"/"md", "json", "tree"; returns -1 when unknown. */
int print_format_parse(const char *s);

/* Render sections secs[0..n) (each with its subsections) into out. */
void print_text(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
		const struct print_opts *o);
void print_md(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
	      const struct print_opts *o);
void print_json(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
		const struct print_opts *o);
/* Debug dump of nodes with file:line:col, one per line. */
void print_tree(struct buf *out, const struct content *c, const struct node *const *secs, size_t n,
		const struct print_opts *o);

#endif
