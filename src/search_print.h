/* search_print.h - render search results for the `search` command. */
#ifndef EXOREAD_SEARCH_PRINT_H
#define EXOREAD_SEARCH_PRINT_H

#include <stdbool.h>

#include "search.h"
#include "util.h"

enum search_format {
	SEARCH_FMT_TEXT,
	SEARCH_FMT_TSV,
	SEARCH_FMT_JSON,
	SEARCH_FMT_MARKDOWN,
};

/* Parse "text", "tsv", "json", "markdown"/"md"; -1 when unknown. */
int search_format_parse(const char *s);

/* Render res into out. styled: terminal bold for matches (text only). width: text wrap. */
void search_print(struct buf *out, const struct search_result *res, enum search_format f,
		  bool styled, int width);

#endif
