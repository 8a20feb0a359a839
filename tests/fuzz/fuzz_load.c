/* fuzz_load.c - libFuzzer target for the loader, the validator and the printers.
 *
 * Each input is tried three times: as a topic file beside a fixed sources.yaml,
 * as the sources.yaml beside a fixed topic, and cut into several topic files
 * (read on several threads). Whatever loads is then printed in
 * every format and linted, so any tree the validator lets through is one the
 * printers can take.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <stdlib.h>

#include "load.h"
#include "validate.h"
#include "print.h"
#include "text.h"
#include "util.h"

static const char sources[] = "sources:\n"
			      "  - id: overview\n"
			      "    title: Exosome Therapy Side Effects\n"
			      "    file: 000_overview.txt\n"
			      "  - id: safety\n"
			      "    title: Exosome safety\n"
			      "    file: 001_safety.txt\n";

static const char topic[] = "id: side-effects\n"
			    "title: Side effects\n"
			    "body:\n"
			    "  - p: Most side effects are mild.\n"
			    "    sources: [overview, safety]\n";

/* Every byte of printed output must be terminal-safe UTF-8. The only escape
 * sequences allowed are the text printer's own SGR styles (ESC [ digits ; m). */
static void check_safe(const struct buf *b)
{
	if (b->len == 0)
		return;
	if (text_utf8_invalid(b->s, b->len) != (size_t)-1)
		abort();
	for (size_t i = 0; i < b->len;) {
		uint32_t cp;
		size_t n = text_decode(b->s + i, b->len - i, &cp);
		if (cp == 0x1b && i + 1 < b->len && b->s[i + 1] == '[') {
			size_t j = i + 2;
			while (j < b->len && ((b->s[j] >= '0' && b->s[j] <= '9') || b->s[j] == ';'))
				j++;
			if (j < b->len && b->s[j] == 'm') {
				i = j + 1;
				continue;
			}
		}
		if (text_is_unsafe(cp, true) || text_is_invisible(cp) || text_is_nonchar(cp))
			abort();
		i += n;
	}
}

static void use(const struct content *c)
{
	/* One-line fields stay one line: no forged rows in list output. */
	for (size_t i = 0; i < c->nsections; i++)
		if (strpbrk(c->sections[i]->title, "\n\t") || strpbrk(c->sections[i]->id, "\n\t"))
			abort();
	static const char *const fmts[] = {"text", "markdown", "json", "tree"};
	for (size_t f = 0; f < sizeof fmts / sizeof *fmts; f++) {
		struct buf out = {0};
		const struct print_format_entry *e = print_format_find(fmts[f]);
		struct print_opts o = {.format = e->format, .width = f == 0 ? 20 : 72, .styled = f == 0};
		e->print(&out, c, c->sections, c->nsections, &o);
		check_safe(&out);
		buf_free(&out);
	}
	validate_lint(c);
}

static void try(const struct load_file *files, size_t n)
{
	diag_reset();
	struct content *c = load_mem(files, n);
	/* The loader's contract: content exactly when no error was reported. */
	if ((c != NULL) != (diag_errors() == 0))
		abort();
	if (c)
		use(c);
	content_free(c);
}

/* The entry points libFuzzer calls. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	if (null == NULL) {
		null = fopen("/dev/null", "w");
		diag_set_stream(null);
		load_set_lint(true); /* the warnings about invisible characters too */
	}
	const char *d = (const char *)data;
	struct load_file as_topic[] = {
	    {.name = "sources.yaml", .data = sources, .len = sizeof sources - 1},
	    {.name = "10-fuzz.yaml", .data = d, .len = size},
	};
	try(as_topic, 2);
	struct load_file as_sources[] = {
	    {.name = "sources.yaml", .data = d, .len = size},
	    {.name = "10-topic.yaml", .data = topic, .len = sizeof topic - 1},
	};
	try(as_sources, 2);

	/* Cut at each line "#%" into up to eight topic files (none when the
	 * input is only a cut), read on several threads and linked in order. */
	struct load_file many[9] = {
	    {.name = "sources.yaml", .data = sources, .len = sizeof sources - 1},
	};
	static const char *const names[8] = {"10.yaml", "11.yaml", "12.yaml", "13.yaml",
					     "14.yaml", "15.yaml", "16.yaml", "17.yaml"};
	size_t n = 1, start = 0;
	for (size_t i = 0; i <= size && n < 9; i++) {
		bool cut = i + 3 <= size && memcmp(d + i, "#%\n", 3) == 0 && (i == 0 || d[i - 1] == '\n');
		if (i < size && !cut)
			continue;
		if (i > start) {
			many[n] = (struct load_file){.name = names[n - 1], .data = d + start, .len = i - start};
			n++;
		}
		start = i + 3;
		if (i < size)
			i += 2;
	}
	try(many, n);
	return 0;
}
