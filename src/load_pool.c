/* load_pool.c - reading files, and the threads that read topic files.
 *
 * Topic files are read in parallel: each is independent once the sources are
 * known. Workers take the next file in turn; each file's diagnostics are held
 * in its own log and its section is built without a parent, and afterwards
 * the logs are replayed and the sections linked in file order, so the result
 * and the messages do not depend on which thread read what.
 */
#ifndef _GNU_SOURCE
#define _GNU_SOURCE /* sched_getaffinity */
#endif
#include "load_int.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

char *read_content_file(const char *path, size_t *len)
{
	/* O_NONBLOCK: a FIFO named x.yaml must be refused, not waited on. */
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
	if (fd < 0) {
		diag(DIAG_ERROR, path, 0, 0, "cannot open: %s", strerror(errno));
		return NULL;
	}
	struct stat st;
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		diag(DIAG_ERROR, path, 0, 0, "not a regular file");
		close(fd);
		return NULL;
	}
	if (st.st_size > LOAD_MAX_FILE_BYTES) {
		diag(DIAG_ERROR, path, 0, 0, "file is larger than %d MiB",
		     LOAD_MAX_FILE_BYTES / (1024 * 1024));
		close(fd);
		return NULL;
	}
	size_t cap = (size_t)st.st_size, n = 0;
	char *data = xmalloc(cap + 1);
	for (;;) {
		ssize_t r = read(fd, data + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			diag(DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
			close(fd);
			free(data);
			return NULL;
		}
		if (r == 0 || (n += (size_t)r) == cap)
			break;
	}
	close(fd);
	data[n] = '\0';
	*len = n;
	return data;
}

struct pool {
	struct content *c; /* read only while workers run */
	struct topic *t;
	size_t n;
	atomic_size_t next; /* the next topic to take */
	bool capture;       /* several threads: hold diagnostics back */
	pthread_mutex_t lock;
	pthread_cond_t done; /* a topic is done, a worker has started, or all have */
	size_t started;      /* under lock: workers that took their memory */
	bool go;             /* under lock: every worker there is room for has started */
};

struct worker {
	struct pool *p;
	struct arena mem;  /* the nodes this worker built, handed to the content at the end */
	struct arena yaml; /* scratch for each file's YAML tree, kept from file to file */
	pthread_t tid;
};

static void load_topic(struct content *c, struct arena *mem, struct arena *yaml, struct topic *t)
{
	size_t len = t->len, errors = diag_errors();
	char *owned = NULL;
	const char *data = t->data;
	if (data == NULL && (data = owned = read_content_file(t->path, &len)) == NULL) {
		t->failed = true;
		return;
	}
	struct loader L = {
		.c = c, .mem = mem, .file = t->path, .yaml = yaml, .reviewed = t->reviewed
	};
	struct ynode *doc = parse_yaml(&L, data, len);
	if (doc)
		t->top = build_section(&L, doc, NULL, NULL);
	arena_reset(yaml);
	free(L.seen);
	free(owned);
	t->failed = diag_errors() != errors;
}

/* Read topic i as worker w, and say it is done. */
static void take_topic(struct worker *w, size_t i)
{
	struct pool *p = w->p;
	if (p->capture)
		diag_capture(&p->t[i].log);
	load_topic(p->c, &w->mem, &w->yaml, &p->t[i]);
	if (p->capture)
		diag_capture(NULL);
	pthread_mutex_lock(&p->lock);
	p->t[i].done = true;
	pthread_cond_broadcast(&p->done);
	pthread_mutex_unlock(&p->lock);
}

static void *work(void *arg)
{
	struct worker *w = arg;
	for (size_t i; (i = atomic_fetch_add(&w->p->next, 1)) < w->p->n;)
		take_topic(w, i);
	return NULL;
}

/* The function of each extra thread: say it has started, wait until every
 * thread has, then read topics. */
static void *work_thread(void *arg)
{
	struct worker *w = arg;
	/* A thread's first allocation gives it its own C library heap, which
	 * holds address space; the next thread is only started after this one
	 * holds its own, so the room asked for before it is room still left.
	 * Asking for room, and making a heap, each map more than they keep for
	 * a moment: no thread reads a topic (and allocates) until the last
	 * thread has started, or an allocation could fail in that moment. */
	free(xmalloc(1));
	pthread_mutex_lock(&w->p->lock);
	w->p->started++;
	pthread_cond_broadcast(&w->p->done);
	while (!w->p->go)
		pthread_cond_wait(&w->p->done, &w->p->lock);
	pthread_mutex_unlock(&w->p->lock);
	return work(w);
}

static bool topic_done(struct pool *p, size_t i)
{
	pthread_mutex_lock(&p->lock);
	bool done = p->t[i].done;
	pthread_mutex_unlock(&p->lock);
	return done;
}

/* Hand every topic to the watch in file order. Until the next one is read,
 * this thread reads others rather than wait; only when none is left to take
 * does it wait. So as many threads run as there are jobs, no more. */
static void watch_topics(struct worker *w, const struct load_watch *watch)
{
	struct pool *p = w->p;
	for (size_t i = 0; i < p->n; i++) {
		while (!topic_done(p, i)) {
			size_t k = atomic_fetch_add(&p->next, 1);
			if (k < p->n) {
				take_topic(w, k);
				continue;
			}
			pthread_mutex_lock(&p->lock);
			while (!p->t[i].done)
				pthread_cond_wait(&p->done, &p->lock);
			pthread_mutex_unlock(&p->lock);
		}
		if (p->t[i].top && !p->t[i].failed)
			watch->topic(watch->arg, p->t[i].top);
	}
}

/* Threads to read n topic files with: EXOREAD_JOBS, or one per usable processor up to 8. */
static size_t load_jobs(size_t n)
{
	/* The processors this process may run on (taskset, cpusets), not all. */
	long jobs = sysconf(_SC_NPROCESSORS_ONLN);
#ifdef CPU_COUNT
	cpu_set_t set;
	if (sched_getaffinity(0, sizeof set, &set) == 0)
		jobs = CPU_COUNT(&set);
#endif
	if (jobs > 8)
		jobs = 8;
	const char *e = getenv("EXOREAD_JOBS");
	if (e && *e) {
		char *end;
		errno = 0;
		long v = strtol(e, &end, 10);
		if (errno || *end || v < 1 || v > LOAD_MAX_JOBS)
			msg("EXOREAD_JOBS=%s is not a number from 1 to %d; ignored", e,
			    LOAD_MAX_JOBS);
		else
			jobs = v;
	}
	if (jobs < 1 || n < 2)
		return 1;
	return (size_t)jobs < n ? (size_t)jobs : n;
}

/* Start the workers w[1..jobs), one after another; returns the last one
 * started (0: none). w[0] is this thread's. A thread that cannot be started
 * leaves more work for the others; so does one there is no memory for, as
 * much as a worker commonly needs, asked for (and given back) before it
 * starts. A worker's stack is small: reading a file takes no deep recursion. */
static size_t start_workers(struct pool *p, struct worker *w, size_t jobs)
{
	size_t started = 0;
	pthread_attr_t attr;
	bool attr_ok = pthread_attr_init(&attr) == 0;
	if (attr_ok)
		pthread_attr_setstacksize(&attr, LOAD_THREAD_STACK);
	for (size_t k = 1; k < jobs; k++) {
		void *room = malloc(LOAD_THREAD_MEM);
		if (room == NULL)
			break;
		free(room);
		if (pthread_create(&w[k].tid, attr_ok ? &attr : NULL, work_thread, &w[k]) != 0)
			break;
		started = k;
		pthread_mutex_lock(&p->lock);
		while (p->started < k)
			pthread_cond_wait(&p->done, &p->lock);
		pthread_mutex_unlock(&p->lock);
	}
	if (attr_ok)
		pthread_attr_destroy(&attr);
	pthread_mutex_lock(&p->lock);
	p->go = true;
	pthread_cond_broadcast(&p->done);
	pthread_mutex_unlock(&p->lock);
	return started;
}

/* Once every topic is read: report what each file said, in file order, and
 * link the files' sections under the root; the workers' nodes join the
 * content's memory. */
static void gather_topics(struct content *c, const struct pool *p, struct worker *w, size_t jobs)
{
	c->reviews = xcalloc(p->n ? p->n : 1, sizeof(*c->reviews));
	for (size_t i = 0; i < p->n; i++) {
		if (p->capture)
			diag_replay(&p->t[i].log);
		if (strcmp(p->t[i].reviewed, c->reviewed) > 0)
			memcpy(c->reviewed, p->t[i].reviewed, sizeof c->reviewed);
		struct file_review *r = &c->reviews[c->nreviews++];
		r->file = p->t[i].path;
		memcpy(r->date, p->t[i].reviewed, sizeof r->date);
	}
	content_sort_reviews(c);
	for (size_t i = 0; i < p->n; i++)
		if (p->t[i].top)
			prepend_child(c->root, p->t[i].top);
	reverse_children(c->root);
	for (size_t k = 0; k < jobs; k++) {
		arena_adopt(&c->mem, &w[k].mem);
		arena_free(&w[k].yaml);
	}
}

void load_topics(struct content *c, struct topic *t, size_t n, const struct load_watch *watch)
{
	size_t jobs = load_jobs(n);
	struct worker *w = xcalloc(jobs, sizeof *w);
	struct pool p = { .c = c, .t = t, .n = n, .capture = jobs > 1 };
	atomic_init(&p.next, 0);
	pthread_mutex_init(&p.lock, NULL);
	pthread_cond_init(&p.done, NULL);
	for (size_t k = 0; k < jobs; k++)
		w[k].p = &p;
	size_t started = start_workers(&p, w, jobs);
	if (watch)
		watch_topics(&w[0], watch);
	else
		work(&w[0]);
	for (size_t k = 1; k <= started; k++)
		pthread_join(w[k].tid, NULL);
	pthread_cond_destroy(&p.done);
	pthread_mutex_destroy(&p.lock);
	gather_topics(c, &p, w, jobs);
	free(w);
}
