/* yaml_floor.c - the floor for any libyaml loader: read every *.yaml file of a
 * folder and pull all of libyaml's events, doing nothing with them.
 *
 * usage: yaml_floor DIR
 * Prints floor_us (median of the runs), events and bytes as key=value lines.
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaml.h>

static double now_us(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e6 + (double)ts.tv_nsec / 1e3;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* One pass over the folder, as the loader does it: list, read, parse. */
static double pass(const char *dir, size_t *events, size_t *bytes)
{
	double t0 = now_us();
	DIR *d = opendir(dir);
	if (!d) {
		perror(dir);
		exit(2);
	}
	struct dirent *e;
	*events = *bytes = 0;
	while ((e = readdir(d)) != NULL) {
		size_t n = strlen(e->d_name);
		if (n <= 5 || strcmp(e->d_name + n - 5, ".yaml") != 0 || e->d_name[0] == '.')
			continue;
		char path[4096];
		snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
		FILE *f = fopen(path, "rb");
		if (!f)
			continue;
		fseek(f, 0, SEEK_END);
		long len = ftell(f);
		rewind(f);
		unsigned char *data = malloc((size_t)len + 1);
		size_t got = fread(data, 1, (size_t)len, f);
		fclose(f);
		*bytes += got;
		yaml_parser_t p;
		yaml_parser_initialize(&p);
		yaml_parser_set_input_string(&p, data, got);
		yaml_event_t ev;
		for (;;) {
			if (!yaml_parser_parse(&p, &ev))
				break;
			int end = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
			(*events)++;
			if (end)
				break;
		}
		yaml_parser_delete(&p);
		free(data);
	}
	closedir(d);
	return now_us() - t0;
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: yaml_floor DIR\n");
		return 2;
	}
	size_t events, bytes;
	double first = pass(argv[1], &events, &bytes);
	size_t reps = (size_t)(1e6 / (first + 1));
	reps = reps < 1 ? 1 : reps > 9 ? 9 : reps;
	double t[9] = {first};
	for (size_t r = 1; r < reps; r++)
		t[r] = pass(argv[1], &events, &bytes);
	qsort(t, reps, sizeof *t, cmp_double);
	printf("floor_us=%.0f\nevents=%zu\nbytes=%zu\n", t[(reps - 1) / 2], events, bytes);
	return 0;
}
