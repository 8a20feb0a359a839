/* load.h - read content/*.yaml into the tree, then validate it. */
#ifndef EXOREAD_LOAD_H
#define EXOREAD_LOAD_H

#include "model.h"

/* Limits that keep hostile files cheap. */
enum {
	LOAD_MAX_FILE_BYTES = 4 * 1024 * 1024, /* one content file */
	LOAD_MAX_DEPTH = 64,                   /* YAML nesting */
	LOAD_MAX_NODES = 1000000,              /* YAML nodes in one file */
	LOAD_MAX_TEXT = 64 * 1024,             /* one scalar, in bytes */
	LOAD_MAX_WORD = 256,                   /* one word, in bytes */
	LOAD_MAX_FILES = 10000,                /* files in a content folder */
};

/*
 * Load every *.yaml file in dir (sorted by name; "sources.yaml" holds the
 * sources) and validate the result. Every problem is reported through diag().
 * Returns the content on success (caller frees with content_free), or NULL
 * when any error was reported. Warnings do not fail the load.
 */
struct content *load_dir(const char *dir);

/*
 * Load the named files as one content set (used by tests and `check FILE...`).
 * Same contract as load_dir.
 */
struct content *load_files(const char *const *paths, size_t npaths, const char *dir);

/*
 * Load one YAML document held in memory, named `name` in messages. Fuzz and
 * unit tests use it. With sources_too, the file may also be a sources file.
 */
struct content *load_buffer(const char *name, const char *data, size_t len);

/* Validate a loaded tree: ids, references, sources, urgency; fills sections/terms.
 * Returns 0 when clean (warnings allowed), -1 when errors were reported. */
int validate(struct content *c);

#endif
