/* search_print.h - render search results for the `search` command, one
 * writer a format; print_format_find() (print.h) names them. */
#ifndef EXOREAD_SEARCH_PRINT_H
#define EXOREAD_SEARCH_PRINT_H

#include <stdbool.h>

#include "layout.h"
#include "print.h"
#include "search.h"
#include "util.h"

/* "id  title" and the wrapped snippet; styled: terminal styles for the
 * title and the matches. width: the wrap width (80 when <= 0). */
search_print_fn search_print_text;
/* One hit a line: id, title and snippet, tab-separated. */
search_print_fn search_print_tsv;
/* {"hits": [...], "suggestion": ..., "corrected": ..., "missing": [...]}; highlights count
 * characters. */
search_print_fn search_print_json;
/* A numbered list, matches in bold. */
search_print_fn search_print_md;

/* Append the words no section uses (res->missing), apart by ", ", terminal-safe. */
void search_put_missing(struct buf *out, const struct search_result *res);

/* Append hit h's snippet to L, wrapped to width columns under indent columns, its matches as
 * LS_MATCH spans; the lines show h->block in h->section. Nothing for a blank snippet. The
 * pager's results and the text format lay snippets out the same way. */
void search_print_snippet(struct layout *L, const struct search_hit *h, size_t indent, int width);

#endif
