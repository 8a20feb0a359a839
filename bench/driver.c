/* driver.c - time exoread's stages in-process on one content folder.
 *
 * usage: driver DIR
 * Prints key=value lines (bench/run.sh makes the table):
 *   bytes, files, sections  the content measured
 *   load_us                 load_dir: parse and validate (median of the runs)
 *   index_us                search_index_new on the loaded content (median)
 *   total_us                load_dir_watch indexing each topic file as soon as it is read,
 *                           then search_index_end: the load of `search` and the pager (median)
 *   cpu_us                  CPU time of that, all threads together (median)
 *   search_p50_us/p95_us    search_run over a fixed set of lay queries, best 20 hits (as `search`)
 *   searchall_p50_us/p95_us the same with every hit (`search --limit 0`)
 *   print_text_mb_s, print_json_mb_s, print_bytes   rendering every section
 *   key_p50_us/p95_us, keys the pager handling scripted keys, drawing to a null terminal
 *   cold_us                 load and index once in a fresh process (driver --once DIR),
 *                           as the program does
 *   rss_base_kb, rss_kb     in that process: peak RSS before loading, and after load,
 *                           index and one search of each query
 *
 * Keys are driven through the pager's own ui_run(): the link step wraps
 * newterm() (-Wl,--wrap=newterm) so the screen goes to /dev/null at a fixed
 * size, and wget_wch()/get_wch() so keys come from a script and the time from
 * one key's return to the next read is that key's handling, drawing and refresh.
 * A pseudo-terminal stands in for stdin because ui_run() wants a terminal there.
 */
#define _GNU_SOURCE
#include <curses.h>
#include <fcntl.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "load.h"
#include "print.h"
#include "search.h"
#include "ui/ui.h"
#include "util.h"

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

/* CPU time of every thread of the process, in microseconds. */
static double cpu_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The p-th percentile (0..100) of v[0..n), nearest rank; sorts v. */
static double pct(double *v, size_t n, double p)
{
	if (n == 0)
		return 0;
	qsort(v, n, sizeof *v, cmp_double);
	size_t k = (size_t)(p / 100.0 * (double)n + 0.999999);
	return v[k == 0 ? 0 : k - 1];
}

static long rss_kb(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return ru.ru_maxrss;
}

static size_t dir_bytes(const struct content *c)
{
	size_t total = 0;
	for (size_t i = 0; i < c->nfiles; i++) {
		FILE *f = fopen(c->files[i], "rb");
		if (!f)
			continue;
		fseek(f, 0, SEEK_END);
		total += (size_t)ftell(f);
		fclose(f);
	}
	return total;
}

static const char *const queries[] = {
    "redness",
    "swelling",
    "side effects",
    "allergic reaction",
    "fever",
    "how long do side effects last",
    "is it safe",
    "stem cells",
    "FDA approval",
    "infection",
    "tiredness",
    "\"trouble breathing\"",
    "headache",
    "cost",
    "fevr",
    "exosome",
    "what should I do before treatment",
    "regulation",
};
enum { NQUERIES = sizeof queries / sizeof *queries };

/* ---- scripted keys ---- */

struct skey {
	wint_t ch;
	bool is_key;
};

static struct skey *script;
static size_t nscript, kpos;
static double *lat, tlast;
static FILE *nullout;

int __real_wget_wch(WINDOW *w, wint_t *ch);
SCREEN *__real_newterm(const char *type, FILE *out, FILE *in);

SCREEN *__wrap_newterm(const char *type, FILE *out, FILE *in)
{
	(void)type;
	(void)out;
	return __real_newterm("xterm-256color", nullout, in);
}

static int next_key(wint_t *ch)
{
	double t = now_us();
	if (kpos > 0 && kpos <= nscript)
		lat[kpos - 1] = t - tlast;
	if (kpos >= nscript) {
		kpos++;
		*ch = 'q';
		return OK;
	}
	struct skey k = script[kpos++];
	*ch = k.ch;
	tlast = now_us();
	return k.is_key ? KEY_CODE_YES : OK;
}

int __wrap_wget_wch(WINDOW *w, wint_t *ch)
{
	(void)w;
	return next_key(ch);
}

int __wrap_get_wch(wint_t *ch)
{
	return next_key(ch);
}

static void add(struct skey k, size_t times)
{
	for (size_t i = 0; i < times; i++) {
		script = xreallocarray(script, nscript + 1, sizeof *script);
		script[nscript++] = k;
	}
}

static void add_text(const char *s)
{
	for (; *s; s++)
		add((struct skey){.ch = (unsigned char)*s}, 1);
}

/* A reading session: contents, reading and scrolling, links, search, help, history. */
static void make_script(void)
{
	for (int round = 0; round < 4; round++) {
		add((struct skey){.ch = KEY_DOWN, .is_key = true}, 8);
		add((struct skey){.ch = '\r'}, 1);
		add((struct skey){.ch = 'j'}, 12);
		add((struct skey){.ch = KEY_NPAGE, .is_key = true}, 3);
		add((struct skey){.ch = KEY_PPAGE, .is_key = true}, 1);
		add((struct skey){.ch = '\t'}, 1);
		add((struct skey){.ch = ']'}, 4);
		add((struct skey){.ch = '['}, 2);
		add((struct skey){.ch = '/'}, 1);
		add_text(round % 2 ? "redness" : "allergic reaction");
		add((struct skey){.ch = '\r'}, 1);
		add((struct skey){.ch = KEY_DOWN, .is_key = true}, 3);
		add((struct skey){.ch = '\r'}, 1);
		add((struct skey){.ch = 'n'}, 3);
		add((struct skey){.ch = '?'}, 1);
		add((struct skey){.ch = KEY_NPAGE, .is_key = true}, 1);
		add((struct skey){.ch = 27}, 1);
		add((struct skey){.ch = '!'}, 1);
		add((struct skey){.ch = 'B'}, 4);
		add((struct skey){.ch = 't'}, 1);
		add((struct skey){.ch = KEY_UP, .is_key = true}, 8);
	}
}

static void bench_keys(const struct content *c, const struct search_index *ix)
{
	make_script();
	lat = xcalloc(nscript, sizeof *lat);
	nullout = fopen("/dev/null", "w");
	int pt = posix_openpt(O_RDWR | O_NOCTTY);
	if (pt < 0 || grantpt(pt) || unlockpt(pt)) {
		printf("keys_error=no pseudo-terminal\n");
		return;
	}
	int slave = open(ptsname(pt), O_RDWR | O_NOCTTY);
	int saved = dup(STDIN_FILENO);
	dup2(slave, STDIN_FILENO);
	setenv("LINES", "50", 1);
	setenv("COLUMNS", "160", 1);
	struct ui_opts o = {.color = UI_COLOR_NEVER};
	int rc = ui_run(c, ix, &o);
	dup2(saved, STDIN_FILENO);
	close(saved);
	close(slave);
	close(pt);
	fclose(nullout);
	size_t n = kpos > nscript ? nscript : kpos;
	printf("keys=%zu\nkeys_status=%d\n", n, rc);
	double *v = xcalloc(n + 1, sizeof *v);
	memcpy(v, lat, n * sizeof *v);
	printf("key_p50_us=%.1f\nkey_p95_us=%.1f\n", pct(v, n, 50), pct(v, n, 95));
	free(v);
	free(lat);
	free(script);
}

/* ---- the rest ---- */

static void index_topic(void *ix, const struct node *section)
{
	search_index_add_tree(ix, section);
}

/* driver --once DIR: one load, index and search of each query, as the program does. */
static int once(const char *dir)
{
	long base = rss_kb();
	double t0 = now_us();
	struct search_index *ix = search_index_begin();
	struct load_watch w = { .topic = index_topic, .arg = ix };
	struct content *c = load_dir_watch(dir, &w);
	if (c == NULL)
		return 2;
	search_index_end(ix, c);
	double t1 = now_us();
	for (size_t q = 0; q < NQUERIES; q++) {
		struct search_result res = { 0 };
		struct search_opts so = { .limit = 20, .snippet_width = 80 };
		search_run(ix, queries[q], &so, &res);
		search_result_free(&res);
	}
	printf("cold_us=%.0f\nrss_base_kb=%ld\nrss_kb=%ld\n", t1 - t0, base, rss_kb());
	search_index_free(ix);
	content_free(c);
	return 0;
}

int main(int argc, char **argv)
{
	if (argc == 3 && strcmp(argv[1], "--once") == 0) {
		setlocale(LC_ALL, "C.UTF-8");
		return once(argv[2]);
	}
	if (argc != 2) {
		fprintf(stderr, "usage: driver DIR\n");
		return 2;
	}
	setlocale(LC_ALL, "C.UTF-8");
	const char *dir = argv[1];

	/* One run as the program makes it, in a fresh process (this program run
	 * again with --once): load and index once, as `search` and the pager do,
	 * then search. Its time is the cold cost (all memory new), and its peak
	 * RSS the memory measure. */
	fflush(stdout);
	pid_t pid = fork();
	if (pid == 0) {
		execl(argv[0], argv[0], "--once", dir, (char *)NULL);
		_exit(127);
	}
	int status;
	if (pid < 0 || waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return 2;

	/* Load and index: the first run tells the size, and how many more fit in ~2 s.
	 * Each run loads three ways: alone, then with the index built alone
	 * afterwards (each for its own cost), then as `search` and the pager do,
	 * indexing each topic file as soon as it is read (the total, for R). */
	struct content *c = NULL;
	struct search_index *ix = NULL;
	double *tl = NULL, *ti = NULL, *tt = NULL, *tc = NULL;
	size_t reps = 1;
	for (size_t r = 0; r < reps; r++) {
		search_index_free(ix);
		content_free(c);
		double t0 = now_us();
		c = load_dir(dir);
		double t1 = now_us();
		if (c == NULL)
			return 2;
		ix = search_index_new(c);
		double t2 = now_us();
		search_index_free(ix);
		content_free(c);
		double c0 = cpu_us(), t3 = now_us();
		ix = search_index_begin();
		struct load_watch w = { .topic = index_topic, .arg = ix };
		c = load_dir_watch(dir, &w);
		if (c == NULL)
			return 2;
		search_index_end(ix, c);
		double t4 = now_us(), c4 = cpu_us();
		if (r == 0) {
			reps = (size_t)(2e6 / (t4 - t0 + 1));
			reps = reps < 1 ? 1 : reps > 9 ? 9 : reps;
			tl = xcalloc(reps + 1, sizeof *tl);
			ti = xcalloc(reps + 1, sizeof *ti);
			tt = xcalloc(reps + 1, sizeof *tt);
			tc = xcalloc(reps + 1, sizeof *tc);
		}
		tl[r] = t1 - t0;
		ti[r] = t2 - t1;
		tt[r] = t4 - t3;
		tc[r] = c4 - c0;
	}
	size_t bytes = dir_bytes(c);
	printf("bytes=%zu\nfiles=%zu\nsections=%zu\nruns=%zu\n", bytes, c->nfiles, c->nsections, reps);
	printf("load_us=%.0f\nindex_us=%.0f\ntotal_us=%.0f\ncpu_us=%.0f\n", pct(tl, reps, 50),
	       pct(ti, reps, 50), pct(tt, reps, 50), pct(tc, reps, 50));
	free(tl);
	free(ti);
	free(tt);
	free(tc);

	/* Search: every query, several times; latencies of single runs. */
	for (int lim = 0; lim < 2; lim++) {
		size_t qreps = c->nsections > 5000 ? 3 : 10;
		size_t n = 0;
		double *v = xcalloc(NQUERIES * qreps, sizeof *v);
		struct search_opts so = {.limit = lim ? 0 : 20, .snippet_width = 80};
		for (size_t r = 0; r < qreps; r++)
			for (size_t q = 0; q < NQUERIES; q++) {
				struct search_result res = {0};
				double a = now_us();
				search_run(ix, queries[q], &so, &res);
				v[n++] = now_us() - a;
				search_result_free(&res);
			}
		const char *name = lim ? "searchall" : "search";
		printf("%s_p50_us=%.1f\n%s_p95_us=%.1f\n", name, pct(v, n, 50), name, pct(v, n, 95));
		free(v);
	}

	/* Print every top-level section, as `print` would. */
	const struct node **top = xcalloc(c->nsections + 1, sizeof *top);
	size_t ntop = 0;
	for (size_t i = 0; i < c->nsections; i++)
		if (c->sections[i]->depth == 0)
			top[ntop++] = c->sections[i];
	for (int f = 0; f < 2; f++) {
		struct buf out = {0};
		struct print_opts po = {.format = f ? PRINT_JSON : PRINT_TEXT, .width = 80};
		double a = now_us();
		if (f)
			print_json(&out, c, top, ntop, &po);
		else
			print_text(&out, c, top, ntop, &po);
		double us = now_us() - a;
		printf("print_%s_mb_s=%.1f\n", f ? "json" : "text", (double)out.len / us);
		if (!f)
			printf("print_bytes=%zu\n", out.len);
		buf_free(&out);
	}
	free(top);

	bench_keys(c, ix);
	search_index_free(ix);
	content_free(c);
	return 0;
}
