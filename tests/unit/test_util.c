/* test_util.c - allocation failure: whatever the number of threads running
 * out of memory at once, one message and one exit. Diagnostics: every kind of
 * message goes to the one stream, and only errors are counted, once. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "util.h"

enum {
	THREADS = 8
};

static pthread_barrier_t ready;

/* Ask for far more than any machine has, all threads at the same moment. */
static void *starve(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&ready);
	void *p = xmalloc((size_t)1 << 45);
	free(p);
	return NULL;
}

static void test_oom_on_threads(void **state)
{
	(void)state;
#if defined(__SANITIZE_ADDRESS__)
	skip(); /* AddressSanitizer reports a failed allocation itself */
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
	skip();
#endif
#endif
	for (int round = 0; round < 20; round++) {
		int fd[2];
		assert_int_equal(pipe(fd), 0);
		pid_t pid = fork();
		assert_true(pid >= 0);
		if (pid == 0) {
			dup2(fd[1], STDERR_FILENO);
			close(fd[0]);
			close(fd[1]);
			pthread_t t[THREADS];
			pthread_barrier_init(&ready, NULL, THREADS);
			for (int i = 0; i < THREADS; i++)
				pthread_create(&t[i], NULL, starve, NULL);
			for (int i = 0; i < THREADS; i++)
				pthread_join(t[i], NULL);
			_exit(0); /* not reached: an allocation failed */
		}
		close(fd[1]);
		char out[1024];
		size_t n = 0;
		ssize_t r;
		while (n < sizeof out - 1 && (r = read(fd[0], out + n, sizeof out - 1 - n)) > 0)
			n += (size_t)r;
		out[n] = '\0';
		close(fd[0]);
		int st;
		assert_int_equal(waitpid(pid, &st, 0), pid);
		assert_true(WIFEXITED(st));
		assert_int_equal(WEXITSTATUS(st), 3);
		assert_string_equal(out, "exoread: out of memory\n");
	}
}

/* What the diagnostics stream received since it was set. */
static char *drain(FILE *f)
{
	fflush(f);
	long n = ftell(f);
	char *s = calloc(1, (size_t)n + 1);
	rewind(f);
	assert_int_equal(fread(s, 1, (size_t)n, f), (size_t)n);
	rewind(f);
	return s;
}

static void test_one_stream_one_count(void **state)
{
	(void)state;
	FILE *f = tmpfile();
	assert_non_null(f);
	diag_set_stream(f);
	diag_reset();
	assert_ptr_equal(diag_stream_get(), f);
	msg("write error: %s", "No space left on device");
	diag(DIAG_WARNING, "a.yaml", 3, 0, "old");
	diag(DIAG_ERROR, "a.yaml", 4, 2, "bad");
	diag(DIAG_ERROR, NULL, 0, 0, "cannot open the terminal");
	char *s = drain(f);
	assert_string_equal(s, "exoread: write error: No space left on device\n"
			       "exoread: a.yaml:3: warning: old\n"
			       "exoread: a.yaml:4:2: error: bad\n"
			       "exoread: error: cannot open the terminal\n");
	free(s);
	assert_int_equal(diag_errors(), 2);

	/* Held back, errors count in the log; replayed, in the total, once. */
	struct diag_log log = { 0 };
	diag_capture(&log);
	assert_int_equal(diag_errors(), 0);
	diag(DIAG_ERROR, "b.yaml", 1, 1, "one");
	msg("not an error");
	assert_int_equal(diag_errors(), 1);
	diag_capture(NULL);
	assert_int_equal(diag_errors(), 2);
	diag_replay(&log);
	assert_int_equal(diag_errors(), 3);
	s = drain(f);
	assert_non_null(strstr(s, "exoread: b.yaml:1:1: error: one\nexoread: not an error\n"));
	free(s);
	diag_set_stream(NULL);
	diag_reset();
	fclose(f);
}

/* The one table of typo thresholds holds the rules each caller had before. */
static void test_typo_table(void **state)
{
	(void)state;
	for (size_t n = 0; n < 80; n++) {
		assert_int_equal(typo_max_edits(TYPO_NAME, n), n <= 3 ? 1 : n <= 7 ? 2 : 3);
		assert_int_equal(typo_max_edits(TYPO_MATCH, n), n < 4 ? 0 : n >= 8 ? 2 : 1);
		assert_int_equal(typo_max_edits(TYPO_SLIP, n), n >= 6 ? 2 : 1);
		assert_int_equal(typo_max_edits(TYPO_SUGGEST, n), n >= 8 ? 3 : n >= 5 ? 2 : 1);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_oom_on_threads),
		cmocka_unit_test(test_one_stream_one_count),
		cmocka_unit_test(test_typo_table),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
