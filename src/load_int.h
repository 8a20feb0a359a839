/* load_int.h - what the three parts of the loader share: the located YAML
 * tree (load_yaml.c), the builder that checks it against the schema and makes
 * content nodes (load_build.c), and the pool of threads that reads topic files
 * (load_pool.c); load.c puts them together behind load.h. Private to them. */
#ifndef EXOREAD_LOAD_INT_H
#define EXOREAD_LOAD_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "load.h"
#include "util.h"

enum ykind {
	Y_SCALAR,
	Y_SEQ,
	Y_MAP
};

struct ynode {
	enum ykind kind;
	int line, col;
	int end_line, end_col; /* scalars: just past the end */
	char *s;               /* scalar value */
	size_t len;
	bool quoted;         /* not a plain scalar */
	bool escaped;        /* double-quoted: escapes may have made any character */
	struct ynode **kids; /* sequence items; for a map, key and value alternate */
	size_t n, cap;
};

enum {
	INVISIBLE_MAX = 10 /* warnings about invisible characters in one file */
};

/* The YAML tree of one file lives in a scratch arena (L->yaml): thousands of
 * small nodes and strings, read once by the builder and dropped together. What
 * the builder keeps goes in L->mem: the content's arena, or the arena of the
 * worker reading the file, which joins the content's at the end. */
struct loader {
	struct content *c;
	struct arena *mem; /* where the file's nodes go: the content's, or a worker's */
	const char *file;  /* interned path of the file being read */
	size_t nodes;
	size_t suggestions;
	size_t invisible;                   /* invisible characters warned about */
	int invisible_at[INVISIBLE_MAX][3]; /* where prescan() found the first ones, and which */
	size_t ninvisible_at;
	struct arena *yaml; /* the file's YAML tree: scratch, emptied after each file */
	char *reviewed;     /* where the file's 'reviewed' date goes (11 bytes) */
	/* Long `sources:` lists: seen[k] == lists when source k is in the list
	 * being read (made on first need; the caller frees it). */
	uint32_t *seen;
	uint32_t lists;
};

/* A section lies at least two YAML levels below its parent (a mapping in a
 * list), so its depth fits in node.depth. */
_Static_assert(LOAD_MAX_DEPTH / 2 <= UINT8_MAX, "a section's depth fits node.depth");

/* An error at line:col of the file being read (counted by vdiag(), as every error is). */
void lerr(struct loader *L, int line, int col, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* load_yaml.c */

/* The YAML document of one file's bytes, or NULL after reporting why not. */
struct ynode *parse_yaml(struct loader *L, const char *data, size_t len);
/* Report what a scalar holds that text must not: a word too long, and the
 * characters escapes made that raw bytes could not hold. */
void check_scalar(struct loader *L, const struct ynode *y);

/* load_build.c */

/* A section and everything in it, as the last child of parent; a topic file's
 * own section (parent_id NULL) is made without a parent and returned. */
struct node *build_section(struct loader *L, const struct ynode *y, struct node *parent,
			   const char *parent_id);
/* The sources of a sources.yaml document, appended to L->c. */
void build_sources(struct loader *L, const struct ynode *y);
/* Sort the sources by id for content_source_index(), reporting ids listed twice.
 * Runs once the sources files are read, before any topic file. */
void index_sources(struct content *c);
/*
 * Children are put first as they are made, and a node's list is turned round
 * once the node is complete (reverse_children), so a node needs no pointer to
 * its last child.
 */
void prepend_child(struct node *parent, struct node *n);
void reverse_children(struct node *parent);

/* load_pool.c */

/* One topic file, as load.c hands it to the pool and the pool gives it back. */
struct topic {
	const char *path; /* interned */
	const char *data; /* the bytes, or NULL to read them from path */
	size_t len;
	struct node *top; /* the file's section, linked under the root afterwards */
	bool failed;      /* an error was reported while reading it */
	struct diag_log log;
	bool done;         /* under pool.lock */
	char reviewed[11]; /* the file's 'reviewed' date, or "" */
};

_Static_assert(sizeof(((struct topic *)0)->reviewed) == sizeof(((struct content *)0)->reviewed),
	       "a topic's review date is copied whole into the content's");

/* Read a whole file, refusing what is not a regular file or is too large;
 * NULL after reporting why. The caller frees the bytes. */
char *read_content_file(const char *path, size_t *len);
/*
 * Read the topic files into c and link their sections in order. With a watch,
 * this thread hands each file's section to it, in file order, as soon as the
 * file is read, and reads files itself in between.
 */
void load_topics(struct content *c, struct topic *t, size_t n, const struct load_watch *watch);

#endif
