/* load.c - read the content files: the sources first, then the topic files
 * (load_pool.c), each parsed (load_yaml.c) and built (load_build.c), then
 * validate the whole (validate.c). */
#include "load.h"
#include "load_int.h"
#include "validate.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util.h"

static const char *intern_file(struct content *c, const char *path)
{
	c->files = xgrow(c->files, c->nfiles, sizeof *c->files);
	c->files[c->nfiles] = xstrdup(path);
	return c->files[c->nfiles++];
}

static bool is_sources_file(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	return strcmp(base, "sources.yaml") == 0;
}

/* Read a sources file into c; *seen is set when the file held a YAML document. */
static void load_sources(struct content *c, const char *path, const char *data, size_t len,
			 bool *seen)
{
	struct arena yaml = { 0 };
	char reviewed[11] = "";
	struct loader L = { .c = c,
			    .mem = &c->mem,
			    .file = intern_file(c, path),
			    .yaml = &yaml,
			    .reviewed = reviewed };
	struct ynode *doc = parse_yaml(&L, data, len);
	if (doc) {
		*seen = true;
		build_sources(&L, doc);
	}
	arena_free(&yaml);
	if (strcmp(reviewed, c->reviewed) > 0)
		memcpy(c->reviewed, reviewed, sizeof reviewed);
}

static struct content *content_new(const char *dir)
{
	struct content *c = xcalloc(1, sizeof *c);
	c->root = xcalloc(1, sizeof *c->root);
	c->root->type = NODE_ROOT;
	c->dir = xstrdup(dir ? dir : ".");
	return c;
}

/*
 * Load n files, given by name and, for load_mem(), by their bytes (data NULL:
 * read the file). Sources files come first, since statements resolve their
 * sources as they are read; then the topic files, in the order given.
 */
static struct content *load_all(const char *dir, const char *const *names, const char *const *data,
				const size_t *lens, size_t n, const struct load_watch *watch)
{
	struct content *c = content_new(dir);
	size_t errors = diag_errors(), ntopics = 0;
	bool saw_sources = false;
	for (size_t i = 0; i < n; i++) {
		if (!is_sources_file(names[i])) {
			ntopics++;
			continue;
		}
		size_t len = data ? lens[i] : 0;
		char *owned = data ? NULL : read_content_file(names[i], &len);
		if (data || owned)
			load_sources(c, names[i], data ? data[i] : owned, len, &saw_sources);
		free(owned);
	}
	index_sources(c);
	struct topic *t = xcalloc(ntopics + 1, sizeof *t);
	for (size_t i = 0, k = 0; i < n; i++)
		if (!is_sources_file(names[i]))
			t[k++] = (struct topic){ .path = intern_file(c, names[i]),
						 .data = data ? data[i] : NULL,
						 .len = data ? lens[i] : 0 };
	load_topics(c, t, ntopics, watch);
	free(t);
	if (!saw_sources)
		diag(DIAG_ERROR, c->dir, 0, 0,
		     "no sources.yaml: statements have no sources to cite");
	validate(c);
	if (diag_errors() != errors) {
		content_free(c);
		return NULL;
	}
	return c;
}

struct content *load_mem(const struct load_file *files, size_t n)
{
	const char **names = xcalloc(n + 1, sizeof *names);
	const char **data = xcalloc(n + 1, sizeof *data);
	size_t *lens = xcalloc(n + 1, sizeof *lens);
	for (size_t i = 0; i < n; i++) {
		names[i] = files[i].name;
		data[i] = files[i].data;
		lens[i] = files[i].len;
	}
	struct content *c = load_all(".", names, data, lens, n, NULL);
	free(names);
	free(data);
	free(lens);
	return c;
}

struct content *load_files(const char *const *paths, size_t npaths, const char *dir)
{
	for (size_t i = 0; i < npaths; i++)
		if (is_sources_file(paths[i]))
			return load_all(dir, paths, NULL, NULL, npaths, NULL);
	/* A topic file checked on its own cites the sources kept beside it. */
	const char *slash = npaths ? strrchr(paths[0], '/') : NULL;
	char *beside = slash ? xasprintf("%.*ssources.yaml", (int)(slash - paths[0] + 1), paths[0])
			     : xstrdup("sources.yaml");
	struct stat st;
	struct content *c;
	if (stat(beside, &st) == 0 && S_ISREG(st.st_mode)) {
		const char **all = xcalloc(npaths + 1, sizeof *all);
		all[0] = beside;
		memcpy(all + 1, paths, npaths * sizeof *paths);
		c = load_all(dir, all, NULL, NULL, npaths + 1, NULL);
		free(all);
	} else {
		c = load_all(dir, paths, NULL, NULL, npaths, NULL);
	}
	free(beside);
	return c;
}

/* qsort order of file names: byte by byte, as the C locale sorts them. */
static int cmp_file_names(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool has_yaml_suffix(const char *name)
{
	size_t n = strlen(name);
	return n > 5 && strcmp(name + n - 5, ".yaml") == 0 && name[0] != '.';
}

struct content *load_dir(const char *dir)
{
	return load_dir_watch(dir, NULL);
}

struct content *load_dir_watch(const char *dir, const struct load_watch *watch)
{
	DIR *d = opendir(dir);
	if (d == NULL) {
		diag(DIAG_ERROR, dir, 0, 0, "cannot open content folder: %s", strerror(errno));
		return NULL;
	}
	char **names = NULL;
	size_t n = 0;
	struct dirent *e;
	bool too_many = false;
	while ((e = readdir(d)) != NULL) {
		if (!has_yaml_suffix(e->d_name))
			continue;
		if (n >= LOAD_MAX_FILES) {
			too_many = true;
			break;
		}
		names = xgrow(names, n, sizeof *names);
		names[n++] = xstrdup(e->d_name);
	}
	closedir(d);
	struct content *c = NULL;
	if (too_many) {
		diag(DIAG_ERROR, dir, 0, 0, "more than %d .yaml files in the content folder",
		     LOAD_MAX_FILES);
	} else if (n == 0) {
		diag(DIAG_ERROR, dir, 0, 0, "no .yaml files in the content folder");
	} else {
		qsort(names, n, sizeof *names, cmp_file_names);
		char **paths = xcalloc(n, sizeof *paths);
		size_t dl = strlen(dir);
		for (size_t i = 0; i < n; i++)
			paths[i] = dl && dir[dl - 1] == '/' ? xasprintf("%s%s", dir, names[i])
							    : xasprintf("%s/%s", dir, names[i]);
		c = load_all(dir, (const char *const *)paths, NULL, NULL, n, watch);
		for (size_t i = 0; i < n; i++)
			free(paths[i]);
		free(paths);
	}
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return c;
}
