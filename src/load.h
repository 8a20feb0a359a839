/* load.h - read the content YAML files into the tree, then validate it. */
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
	LOAD_MAX_JOBS = 64,                    /* threads reading topic files */
	LOAD_THREAD_STACK = 1024 * 1024,       /* the stack of each extra thread */
	/* Address space an extra thread needs to start: its C library heap (64 MiB),
	 * its stack and its work. */
	LOAD_THREAD_MEM = 96 * 1024 * 1024,
};

/*
 * Topic files are read by one thread per usable processor (up to 8), or by as
 * many as the environment variable EXOREAD_JOBS says (1 to LOAD_MAX_JOBS); the
 * result and the order of the messages are the same whatever the number.
 *
 * Load every *.yaml file in dir (sorted by name; "sources.yaml" holds the
 * sources) and validate the result. Every problem is reported through diag().
 * Returns the content on success (caller frees with content_free), or NULL
 * when any error was reported. Warnings do not fail the load.
 */
struct content *load_dir(const char *dir);

/*
 * Work to do on each topic file's section as soon as it is read, while later
 * files are still being read: topic() gets the sections of the files in name
 * order, each with its subsections, but not yet linked under the root or
 * validated, and only when the file had no error. It runs on the calling
 * thread. The content may still fail to load afterwards.
 */
struct load_watch {
	void (*topic)(void *arg, const struct node *section);
	void *arg;
};
/* load_dir(), with a watch (NULL: none). */
struct content *load_dir_watch(const char *dir, const struct load_watch *watch);

/*
 * Load the named files as one content set (used by `check FILE...`). When
 * none of them is a sources.yaml, the sources.yaml in the folder of the first
 * file is read too, if there is one. Same contract as load_dir.
 */
struct content *load_files(const char *const *paths, size_t npaths, const char *dir);

/* One content file held in memory. */
struct load_file {
	const char
		*name; /* shown in messages; "sources.yaml" (by base name) marks the sources file */
	const char *data;
	size_t len;
};

/*
 * Load files held in memory as one content set (unit and fuzz tests use it).
 * Same contract as load_dir.
 */
struct content *load_mem(const struct load_file *files, size_t n);

/*
 * From now on, warn about 'reviewed' dates more than months months old, or
 * later than today (check does this; 12 by default). 0 turns it off.
 */
void load_set_review_limit(int months);

/* From now on, loading also warns (DIAG_WARNING) about what loads but should
 * not be there, such as invisible characters in text: `check` sets it. Call
 * it before loading, never while a load runs. */
void load_set_lint(bool on);

#endif
