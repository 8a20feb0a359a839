/* history.c - where the reader has been: the back and forward places of this run, and the
 * last section read, kept between runs in $XDG_STATE_HOME/exoread/last. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ui_int.h"

void history_store(struct ui *u, struct hist *h)
{
	free(h->query);
	*h = (struct hist){
		.screen = u->screen,
		.focus = u->focus,
		.sec = u->sec,
		.query = u->screen == SCR_RESULTS && u->rquery ? xstrdup(u->rquery) : NULL,
		.pos = view_pos(ui_main_view(u)),
	};
}

void history_leave(struct ui *u, struct hist *saved)
{
	if (saved) {
		free(u->hist[u->hpos].query);
		u->hist[u->hpos] = *saved;
	} else {
		history_store(u, &u->hist[u->hpos]);
	}
	for (size_t i = u->hpos + 1; i < u->nhist; i++)
		free(u->hist[i].query);
	u->nhist = u->hpos + 1;
}

void history_arrive(struct ui *u)
{
	u->hist = xgrow(u->hist, u->nhist, sizeof *u->hist);
	u->hist[u->nhist] = (struct hist){ 0 };
	u->hpos = u->nhist++;
	history_store(u, &u->hist[u->hpos]);
}

/* A list screen comes back with an entry chosen. */
static void restore_list(struct view *v, const struct vpos *p, size_t h)
{
	view_restore(v, p, h);
	if (v->sel == VIEW_NONE && v->nlinks)
		v->sel = 0;
}

static void history_apply(struct ui *u, const struct hist *h)
{
	size_t mh = ui_rect_lines(&u->main_r);
	u->screen = h->screen;
	u->focus = h->focus;
	switch (h->screen) {
	case SCR_READER:
		if (h->sec && h->sec != u->sec)
			reader_load(u, h->sec, NULL);
		else if (h->sec)
			toc_reveal(u, h->sec);
		view_restore(&u->reader, &h->pos, mh);
		break;
	case SCR_RESULTS:
		if (h->query && (!u->rquery || strcmp(h->query, u->rquery) != 0))
			results_load(u, h->query);
		restore_list(&u->results, &h->pos, mh);
		break;
	case SCR_URGENT:
		if (!u->urgent.L.n)
			urgent_load(u);
		restore_list(&u->urgent, &h->pos, mh);
		break;
	case SCR_SOURCES:
		if (!u->sources.L.n)
			sources_load(u);
		view_restore(&u->sources, &h->pos, mh);
		break;
	}
}

void history_move(struct ui *u, int dir)
{
	if (dir < 0 && u->hpos == 0) {
		ui_message(u, false, "This is the first place you opened.");
		return;
	}
	if (dir > 0 && u->hpos + 1 >= u->nhist) {
		ui_message(u, false, "Nothing to go forward to.");
		return;
	}
	history_store(u, &u->hist[u->hpos]);
	u->hpos = dir < 0 ? u->hpos - 1 : u->hpos + 1;
	history_apply(u, &u->hist[u->hpos]);
}

void history_free(struct ui *u)
{
	for (size_t i = 0; i < u->nhist; i++)
		free(u->hist[i].query);
	free(u->hist);
	u->hist = NULL;
	u->nhist = u->hpos = 0;
}

/* ---- the last place read, between runs ---- */

/* $XDG_STATE_HOME/exoread, or ~/.local/state/exoread; NULL when neither can be known. */
static char *state_dir(void)
{
	const char *x = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
	if (x && x[0] == '/')
		return xasprintf("%s/exoread", x);
	if (home && home[0] == '/')
		return xasprintf("%s/.local/state/exoread", home);
	return NULL;
}

/* The file holds one line: the section id, a tab and the first line shown. */
void history_load_last(struct ui *u)
{
	char *dir = state_dir();
	if (!dir)
		return;
	char *path = xasprintf("%s/last", dir);
	FILE *f = fopen(path, "r");
	char line[512];
	if (f && fgets(line, sizeof line, f)) {
		char *tab = strchr(line, '\t');
		if (tab) {
			*tab = '\0';
			const struct node *s = content_find(u->c, line);
			if (s) {
				u->resume = s;
				u->resume_top = (size_t)strtoul(tab + 1, NULL, 10);
			}
		}
	}
	if (f)
		fclose(f);
	free(path);
	free(dir);
}

/* Written whole to a new file that then takes the old one's name, so a crash never leaves half
 * a line. Failing to keep the place is not worth a word on the way out. */
void history_save_last(const struct ui *u)
{
	if (!u->last)
		return;
	char *dir = state_dir();
	if (!dir)
		return;
	/* mkdir -p of the last two levels is enough for ~/.local/state/exoread. */
	char *parent = xstrdup(dir);
	char *slash = strrchr(parent, '/');
	if (slash && slash != parent) {
		*slash = '\0';
		mkdir(parent, 0700);
	}
	mkdir(dir, 0700);
	char *path = xasprintf("%s/last", dir),
	     *tmp = xasprintf("%s/last.%ld", dir, (long)getpid());
	size_t top = u->sec == u->last ? u->reader.top : 0;
	FILE *f = fopen(tmp, "w");
	if (f) {
		bool ok = fprintf(f, "%s\t%zu\n", u->last->id, top) > 0;
		ok = fclose(f) == 0 && ok;
		if (!ok || rename(tmp, path) != 0)
			unlink(tmp);
	}
	free(tmp);
	free(path);
	free(parent);
	free(dir);
}
