/* main.c - options and subcommands. Every exit status is decided here, except
 * that util.c ends the program with status 3 when memory runs out (xoom()) or
 * a library cannot start (fatal(), as fold.c calls it): there is nothing left
 * to do then. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "load.h"
#include "model.h"
#include "print.h"
#include "search.h"
#include "synonyms.h"
#include "search_print.h"
#include "validate.h"
#include "text.h"
#include "ui/ui.h"
#include "util.h"

#ifndef EXOREAD_VERSION
#define EXOREAD_VERSION "0.0"
#endif
#ifndef EXOREAD_DATADIR
#define EXOREAD_DATADIR "/usr/local/share/exoread"
#endif

enum exit_code {
	EXIT_OK = 0,
	EXIT_NOTHING = 1, /* nothing found */
	EXIT_USAGE = 2,   /* usage or content errors */
};

enum command {
	CMD_NONE,
	CMD_READ,
	CMD_PRINT,
	CMD_SEARCH,
	CMD_LIST,
	CMD_CHECK,
	CMD_HELP
};

struct opts {
	const char *content;
	enum ui_color color;
	int width; /* 0: the terminal's, or 80 */
	enum command cmd;
	const char *format;
	size_t limit;
	bool limit_set;
	bool urgent; /* --urgent: "When to get help" instead of sections */
	bool bare;   /* --bare: print without the handout header and footer */
	int max_age; /* check --max-age: months a review date stays fresh (0: no limit) */
	bool max_age_set;
	bool synonyms; /* check --synonyms: WordNet candidates for also_called */
	char **args;   /* operands after the command */
	size_t nargs;
	const char *unknown; /* a first operand that is no command, or NULL */
	bool plain;          /* the pager prints and reads lines */
	bool no_mouse;       /* the pager leaves the mouse alone */
	bool help;           /* -h, --help */
	bool version;        /* -V, --version */
};

static const char *const cmd_names[] = {
	[CMD_READ] = "read", [CMD_PRINT] = "print", [CMD_SEARCH] = "search",
	[CMD_LIST] = "list", [CMD_CHECK] = "check", [CMD_HELP] = "help",
};

static const char usage_main[] =
	"usage: exoread [--content DIR] [--color auto|always|never] [--width N] [--plain]\n"
	"               [--no-mouse] [COMMAND] [ARGS]\n"
	"\n"
	"A reader for patient information about exosome therapy: side effects, why they\n"
	"happen, what regulators say, and the questions patients ask.\n"
	"\n"
	"Commands:\n"
	"  (none)            open the reader (or list the contents when not on a terminal)\n"
	"  read [ID|WORDS]   open the reader at a section, or at the search results for WORDS\n"
	"                    (--urgent: at \"When to get help\")\n"
	"  print ID...       print sections as a handout; --format text|markdown|json;\n"
	"                    --urgent: \"When to get help\"; --bare: no header and footer\n"
	"  search WORDS...   ranked results; --format text|tsv|json|markdown; --limit N\n"
	"                    (default 20; 0 for all)\n"
	"  list              the contents with ids; --format text|tsv\n"
	"  check [DIR]       check a content folder; every problem as file:line:col\n"
	"  help [COMMAND]    show this help, or a command's\n"
	"\n"
	"Options:\n"
	"  --content DIR     read content from DIR (default: $EXOREAD_CONTENT, then the\n"
	"                    bundled content)\n"
	"  --color WHEN      auto (default), always or never; NO_COLOR turns colour off\n"
	"  --width N         wrap text at N columns (default: the terminal's, or 80)\n"
	"  --plain           the reader prints sections and reads commands line by line,\n"
	"                    as on a terminal that cannot move the cursor (TERM=dumb)\n"
	"  --no-mouse        the reader leaves the mouse to the terminal\n"
	"                    (every option also takes its value after '=', as in\n"
	"                    --width=60; --colour is --color)\n"
	"  -h, --help        show help; with a command, that command's help\n"
	"  -V, --version     print the version\n"
	"\n"
	"Ids are paths such as side-effects/allergic; a unique prefix or title words work too.\n"
	"Exit status: 0 success, 1 nothing found, 2 usage or content error.\n"
	"See exoread(1) and exoread-content(5).\n";

static const char *const usage_cmd[] = {
	[CMD_READ] = "usage: exoread read [ID|WORDS...]\n"
		     "       exoread read --urgent\n"
		     "Open the reader at the section ID, or at the search results for WORDS, or\n"
		     "with --urgent at \"When to get help\". When standard output is not a\n"
		     "terminal, print the section, the results or the signs instead.\n",
	[CMD_PRINT] =
		"usage: exoread print [--format text|markdown|json] [--width N] [--bare] ID...\n"
		"       exoread print --urgent [--format text|markdown|json] [--bare]\n"
		"Print the sections (with their subsections) to standard output, followed\n"
		"by the list of sources they cite. ID is a section id, a unique prefix of\n"
		"one, or words from its title. See 'exoread list' for the ids.\n"
		"--urgent prints \"When to get help\": every sign once, from most to least\n"
		"urgent, each level led by what to do.\n"
		"Text and markdown start and end with a handout header and footer: the\n"
		"disclaimer, the emergency number, the version and the content's review\n"
		"date. --bare leaves them out.\n",
	[CMD_SEARCH] =
		"usage: exoread search [--format text|tsv|json|markdown] [--limit N] WORDS...\n"
		"Search all sections; print hits best first with a snippet around the match.\n"
		"\"Quoted phrases\" match as a phrase. tsv prints id<TAB>title<TAB>snippet.\n"
		"--limit N shows the best N hits (default 20; 0 shows all).\n"
		"Corrected words and words no section uses come first (\"Showing results\n"
		"for:\", \"Not found:\"; in tsv as # lines).\n"
		"Exit status 1 when nothing matches or nothing answers the question; then\n"
		"the closest topics are named on standard error.\n",
	[CMD_LIST] =
		"usage: exoread list [--format text|tsv]\n"
		"Print the table of contents: an indented tree, or id<TAB>title per section.\n",
	[CMD_CHECK] =
		"usage: exoread check [--max-age MONTHS] [--synonyms] [DIR | FILE...]\n"
		"Check a content folder (default: the content in use) or files. Every problem\n"
		"is printed as file:line:col: error: message. Exit 0 when clean, 2 otherwise.\n"
		"A file last reviewed more than MONTHS months ago (default 12; 0: no limit)\n"
		"gets a warning. --synonyms also prints, as file:line:col: hint:, the WordNet\n"
		"words for each name that no name in the content says yet: candidates for\n"
		"also_called, to add only where the sources support them.\n",
	[CMD_HELP] = "usage: exoread help [COMMAND]\n",
};

static int usage_error(const char *fmt, const char *arg) __attribute__((format(printf, 1, 0)));
static int usage_error(const char *fmt, const char *arg)
{
	struct buf b = { 0 };
	buf_printf(&b, fmt, arg);
	msg("%s", b.s);
	buf_free(&b);
	fputs("Try 'exoread --help' for more information.\n", diag_stream_get());
	return EXIT_USAGE;
}

/* Standard output as the sink of a buffer: printers write into a buffer that
 * passes its bytes on as it fills, in the locale's character set (as JSON
 * when json), so output of any size takes little memory. */
struct out_sink {
	struct buf_sink sink;
	bool json;
};

static int out_write(struct buf_sink *sink, const char *s, size_t n)
{
	const struct out_sink *o = (const struct out_sink *)sink;
	if (!text_locale_converts())
		return fwrite(s, 1, n, stdout) == n ? 0 : -1;
	struct buf t = { 0 };
	text_to_locale(&t, s, n, o->json);
	int rc = buf_write(&t, stdout);
	buf_free(&t);
	return rc;
}

static struct out_sink out_sink(bool json)
{
	return (struct out_sink){ .sink = { .write = out_write }, .json = json };
}

/* Write what the buffer holds still to standard output (through its sink, or
 * as text when it has none) and free it; a reader that went away (EPIPE) is
 * not an error worth a word. */
static int write_stdout(struct buf *b, bool json)
{
	int rc = EXIT_OK;
	struct out_sink os = out_sink(json);
	if (b->sink == NULL)
		b->sink = &os.sink;
	if (buf_flush(b) != 0 || fflush(stdout) != 0) {
		if (errno != EPIPE) {
			msg("write error: %s", strerror(errno));
			rc = EXIT_USAGE;
		}
	}
	buf_free(b);
	b->sink = NULL;
	return rc;
}

/* The exit status once everything is written: a write that failed (such as
 * --help to a full disk) makes it EXIT_USAGE. */
static int finish(int rc)
{
	if ((fflush(stdout) != 0 || ferror(stdout)) && errno != EPIPE) {
		msg("write error: %s", strerror(errno ? errno : EIO));
		return EXIT_USAGE;
	}
	return rc;
}

static int term_width(void)
{
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static bool is_dir(const char *p)
{
	struct stat st;
	return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* --content, then $EXOREAD_CONTENT, then the installed data folder, then the
 * content/ folder beside build/ (running from a source tree). */
static char *content_dir(const char *opt)
{
	if (opt)
		return xstrdup(opt);
	const char *env = getenv("EXOREAD_CONTENT");
	if (env && *env)
		return xstrdup(env);
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash && strstr(exe, "/build/")) {
			*slash = '\0';
			static const char *const up[] = { "/../content", "/../../content" };
			for (size_t i = 0; i < 2; i++) {
				char *tree = xasprintf("%s%s", exe, up[i]);
				if (is_dir(tree))
					return tree;
				free(tree);
			}
		}
	}
	if (is_dir(EXOREAD_DATADIR))
		return xstrdup(EXOREAD_DATADIR);
	return xstrdup("content");
}

/* --version: the program's version, then the version and newest review date
 * of the content it would read (content/README.md: 'version', 'reviewed'). */
static int print_version(const struct opts *o)
{
	printf("exoread %s\n", EXOREAD_VERSION);
	char *dir = content_dir(o->content);
	struct content *c = load_dir(dir);
	int rc = EXIT_OK;
	if (c == NULL) {
		printf("content: cannot be read from %s\n", dir);
		rc = EXIT_USAGE;
	} else {
		printf("content: %s%s, %s%s (%s)\n", c->version ? "version " : "no version",
		       c->version ? c->version : "",
		       c->reviewed[0] ? "reviewed " : "no review date", c->reviewed, dir);
	}
	content_free(c);
	free(dir);
	return rc;
}

static bool parse_size(const char *s, long min, long max, long *out)
{
	char *end;
	errno = 0;
	long v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < min || v > max)
		return false;
	*out = v;
	return true;
}

static enum command parse_command(const char *s)
{
	for (int c = CMD_READ; c <= CMD_HELP; c++)
		if (strcmp(s, cmd_names[c]) == 0)
			return (enum command)c;
	return CMD_NONE;
}

enum long_only {
	OPT_CONTENT = 256,
	OPT_COLOR,
	OPT_WIDTH,
	OPT_FORMAT,
	OPT_LIMIT,
	OPT_MAX_AGE,
	OPT_URGENT,
	OPT_BARE,
	OPT_PLAIN,
	OPT_NO_MOUSE,
	OPT_SYNONYMS,
};

/* Every option takes "--opt value" and "--opt=value" (getopt_long), before or after the
 * command; "--" ends the options. */
static const struct option long_opts[] = {
	{ "help", no_argument, NULL, 'h' },
	{ "version", no_argument, NULL, 'V' },
	{ "content", required_argument, NULL, OPT_CONTENT },
	{ "color", required_argument, NULL, OPT_COLOR },
	{ "colour", required_argument, NULL, OPT_COLOR },
	{ "width", required_argument, NULL, OPT_WIDTH },
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "limit", required_argument, NULL, OPT_LIMIT },
	{ "max-age", required_argument, NULL, OPT_MAX_AGE },
	{ "urgent", no_argument, NULL, OPT_URGENT },
	{ "bare", no_argument, NULL, OPT_BARE },
	{ "plain", no_argument, NULL, OPT_PLAIN },
	{ "no-mouse", no_argument, NULL, OPT_NO_MOUSE },
	{ "synonyms", no_argument, NULL, OPT_SYNONYMS },
	{ NULL, 0, NULL, 0 },
};

/* Options that take a number: its range, and what is wrong when the value is
 * not one (printf format for the value as given; "" when there is none). */
struct number_opt {
	int opt;
	long min, max;
	const char *wrong;
};
static const struct number_opt number_opts[] = {
	{ OPT_WIDTH, 10, 1000, "--width takes a number from 10 to 1000, not '%s'" },
	{ OPT_LIMIT, 0, 1000000, "--limit takes a number from 0 to 1000000, not '%s'" },
	{ OPT_MAX_AGE, 0, 1200, "--max-age takes a number of months from 0 to 1200, not '%s'" },
};

static const struct number_opt *number_opt(int opt)
{
	for (size_t i = 0; i < sizeof number_opts / sizeof number_opts[0]; i++)
		if (number_opts[i].opt == opt)
			return &number_opts[i];
	return NULL;
}

/* What an option wants when its value is missing. */
static int missing_value(int opt)
{
	const struct number_opt *num = number_opt(opt);
	if (num)
		return usage_error(num->wrong, "");
	switch (opt) {
	case OPT_CONTENT:
		return usage_error("option '%s' needs a folder", "--content");
	case OPT_COLOR:
		return usage_error("option '%s' needs auto, always or never", "--color");
	default:
		return usage_error("option '%s' needs a format name", "--format");
	}
}

/* The word as typed for an option getopt_long() does not know, without any
 * "=value" part. */
static int unknown_option(char **argv)
{
	const char *a = argv[optind - 1];
	char shortopt[3] = { '-', (char)optopt, '\0' };
	if (optopt && strncmp(a, "--", 2) != 0)
		a = shortopt;
	size_t len = strcspn(a, "=");
	char *w = xstrndup(a, len);
	int rc = usage_error("unknown option '%s'", w);
	free(w);
	return rc;
}

/* --width, --limit or --max-age with the value arg. Returns -1 to go on, or an
 * exit status. */
static int take_number(struct opts *o, const struct number_opt *num, const char *arg)
{
	long n;
	if (!parse_size(arg, num->min, num->max, &n))
		return usage_error(num->wrong, arg);
	if (num->opt == OPT_WIDTH) {
		o->width = (int)n;
	} else if (num->opt == OPT_LIMIT) {
		o->limit = (size_t)n;
		o->limit_set = true;
	} else {
		o->max_age = (int)n;
		o->max_age_set = true;
	}
	return -1;
}

/* The flag an option without a value sets, or NULL. */
static bool *option_flag(struct opts *o, int opt)
{
	switch (opt) {
	case 'h':
		return &o->help;
	case 'V':
		return &o->version;
	case OPT_URGENT:
		return &o->urgent;
	case OPT_BARE:
		return &o->bare;
	case OPT_PLAIN:
		return &o->plain;
	case OPT_NO_MOUSE:
		return &o->no_mouse;
	case OPT_SYNONYMS:
		return &o->synonyms;
	default:
		return NULL;
	}
}

/* One option as getopt_long() returned it. Returns -1 to go on, or an exit status. */
static int take_option(struct opts *o, int opt, char **argv)
{
	static const char *const colors[] = {
		[UI_COLOR_AUTO] = "auto", [UI_COLOR_ALWAYS] = "always", [UI_COLOR_NEVER] = "never"
	};
	bool *flag = option_flag(o, opt);
	const struct number_opt *num = number_opt(opt);
	if (flag) {
		*flag = true;
	} else if (num) {
		return take_number(o, num, optarg);
	} else if (opt == OPT_CONTENT) {
		o->content = optarg;
	} else if (opt == OPT_FORMAT) {
		o->format = optarg;
	} else if (opt == OPT_COLOR) {
		size_t c = 0, nc = sizeof colors / sizeof colors[0];
		while (c < nc && strcmp(optarg, colors[c]) != 0)
			c++;
		if (c == nc)
			return usage_error("--color takes auto, always or never, not '%s'", optarg);
		o->color = (enum ui_color)c;
	} else if (opt == ':') {
		return missing_value(optopt);
	} else {
		return unknown_option(argv);
	}
	return -1;
}

/* The operands: the command, then its arguments. Returns -1 to go on, or an
 * exit status. */
static int take_operands(struct opts *o, int argc, char **argv)
{
	for (int i = optind; i < argc; i++) {
		const char *a = argv[i];
		if (o->cmd != CMD_NONE || o->nargs != 0 || o->unknown) {
			o->args[o->nargs++] = argv[i];
			continue;
		}
		o->cmd = parse_command(a);
		if (o->cmd != CMD_NONE)
			continue;
		const char *near = closest_word(a, (const char *const *)cmd_names + 1, 6);
		if (near) {
			msg("unknown command '%s'; did you mean '%s'?", a, near);
			return EXIT_USAGE;
		}
		/* Decided once the content is loaded: words it holds get a hint. */
		o->unknown = a;
	}
	return -1;
}

/* --version, help and --help answer at once. Returns -1 when o asks for none
 * of them, or the exit status. */
static int answer_at_once(const struct opts *o)
{
	if (o->version)
		return print_version(o);
	if (o->cmd == CMD_HELP) {
		enum command c = o->nargs ? parse_command(o->args[0]) : CMD_NONE;
		if (o->nargs && c == CMD_NONE)
			return usage_error("no help for unknown command '%s'", o->args[0]);
		fputs(c == CMD_NONE ? usage_main : usage_cmd[c], stdout);
		return EXIT_OK;
	}
	if (o->help) {
		fputs(o->cmd == CMD_NONE ? usage_main : usage_cmd[o->cmd], stdout);
		return EXIT_OK;
	}
	return -1;
}

/* Options given to a command they do not apply to. Returns -1 when there is
 * none, or the exit status. */
static int misplaced_option(const struct opts *o)
{
	bool print_or_read = o->cmd == CMD_PRINT || o->cmd == CMD_READ;
	if (o->format && o->cmd != CMD_PRINT && o->cmd != CMD_SEARCH && o->cmd != CMD_LIST)
		return usage_error("--format does not apply to '%s'",
				   o->cmd == CMD_NONE ? "the reader" : cmd_names[o->cmd]);
	if (o->limit_set && o->cmd != CMD_SEARCH)
		return usage_error("%s", "--limit applies to 'search' only");
	if (o->max_age_set && o->cmd != CMD_CHECK)
		return usage_error("%s", "--max-age applies to 'check' only");
	if (o->synonyms && o->cmd != CMD_CHECK)
		return usage_error("%s", "--synonyms applies to 'check' only");
	if (o->urgent && !print_or_read)
		return usage_error("%s", "--urgent applies to 'print' and 'read' only");
	if (o->urgent && o->nargs)
		return usage_error("--urgent takes no section ('%s')", o->args[0]);
	if (o->bare && !print_or_read)
		return usage_error("%s", "--bare applies to 'print' and 'read' only");
	return -1;
}

/* Returns -1 to go on, or an exit status. */
static int parse_args(int argc, char **argv, struct opts *o)
{
	o->args = xcalloc((size_t)argc + 1, sizeof *o->args);
	opterr = 0;
	optind = 1;
	int opt, rc = -1;
	while (rc < 0 && (opt = getopt_long(argc, argv, ":hV", long_opts, NULL)) != -1)
		rc = take_option(o, opt, argv);
	if (rc < 0)
		rc = take_operands(o, argc, argv);
	if (rc < 0 && o->unknown && !o->help && !o->version)
		return -1; /* main looks at the content first */
	if (rc < 0)
		rc = answer_at_once(o);
	if (rc < 0)
		rc = misplaced_option(o);
	return rc;
}

static bool use_style(const struct opts *o)
{
	if (o->color == UI_COLOR_ALWAYS)
		return true;
	if (o->color == UI_COLOR_NEVER)
		return false;
	const char *nc = getenv("NO_COLOR"), *term = getenv("TERM");
	return isatty(STDOUT_FILENO) && !(nc && *nc) && !(term && strcmp(term, "dumb") == 0);
}

static int cmd_list(const struct content *c, const struct opts *o)
{
	bool tsv = false;
	if (o->format) {
		if (strcmp(o->format, "tsv") == 0)
			tsv = true;
		else if (strcmp(o->format, "text") != 0)
			return usage_error("list --format takes text or tsv, not '%s'", o->format);
	}
	if (o->nargs)
		return usage_error("list takes no operands ('%s')", o->args[0]);
	struct out_sink os = out_sink(false);
	struct buf b = { .sink = &os.sink };
	/* One row per section, whatever the text holds: text_sanitize() makes
	 * tabs and line breaks spaces, and controls harmless. */
	for (size_t i = 0; i < c->nsections; i++) {
		const struct node *s = c->sections[i];
		if (tsv) {
			text_sanitize(&b, s->id, strlen(s->id));
			buf_putc(&b, '\t');
			text_sanitize(&b, s->title, strlen(s->title));
		} else {
			buf_repeat(&b, ' ', (size_t)s->depth * 2);
			text_sanitize(&b, s->title, strlen(s->title));
			buf_puts(&b, "  [");
			text_sanitize(&b, s->id, strlen(s->id));
			buf_putc(&b, ']');
		}
		buf_putc(&b, '\n');
	}
	return write_stdout(&b, false);
}

static void print_candidates(const struct node *const *v, size_t n)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < n && i < 20; i++) {
		buf_reset(&b);
		text_sanitize(&b, v[i]->title, strlen(v[i]->title));
		struct buf t = { 0 };
		text_to_locale(&t, b.s, b.len, false);
		fprintf(diag_stream_get(), "  %s\t%s\n", v[i]->id, t.s ? t.s : "");
		buf_free(&t);
	}
	buf_free(&b);
	if (n > 20)
		fprintf(diag_stream_get(), "  ... and %zu more\n", n - 20);
}

/* Resolve one reference; on failure say why and return NULL. */
static const struct node *resolve(const struct content *c, const char *ref)
{
	const struct node *out, **cands;
	size_t n;
	enum resolve_status st = content_resolve(c, ref, &out, &cands, &n);
	if (st == RESOLVE_AMBIGUOUS) {
		msg("'%s' matches %zu sections; say which:", ref, n);
		print_candidates(cands, n);
	} else if (st == RESOLVE_NONE) {
		if (n == 1)
			msg("no section '%s'; did you mean '%s'?", ref, cands[0]->id);
		else if (n > 1) {
			msg("no section '%s'; did you mean one of these?", ref);
			print_candidates(cands, n);
		} else {
			msg("no section '%s'; 'exoread list' shows the ids, and "
			    "'exoread search %s' searches the text",
			    ref, ref);
		}
	}
	free(cands);
	return st == RESOLVE_OK ? out : NULL;
}

static int do_print(const struct content *c, const struct opts *o, const struct node **secs,
		    size_t n)
{
	const struct print_format_entry *f = print_format_find(o->format ? o->format : "text");
	if (f == NULL || f->print == NULL)
		return usage_error("print --format takes text, markdown or json, not '%s'",
				   o->format);
	struct print_opts po = {
		.format = f->format,
		.width = o->width ? o->width : term_width(),
		.styled = use_style(o),
		.handout = !o->bare,
		.version = EXOREAD_VERSION,
		.reviewed = o->urgent ? content_oldest_review(c, c->signs, c->nsigns)
				      : content_handout_review(c, secs, n),
		.content_version = c->version,
	};
	if (o->urgent && po.format == PRINT_TREE)
		return usage_error("%s", "print --urgent takes text, markdown or json");
	struct out_sink os = out_sink(po.format == PRINT_JSON);
	struct buf b = { .sink = &os.sink };
	if (o->urgent) {
		print_urgent(&b, c, &po);
		return write_stdout(&b, po.format == PRINT_JSON);
	}
	f->print(&b, c, secs, n, &po);
	return write_stdout(&b, po.format == PRINT_JSON);
}

static int cmd_print(const struct content *c, const struct opts *o)
{
	if (o->urgent)
		return do_print(c, o, NULL, 0);
	if (o->nargs == 0)
		return usage_error("%s",
				   "print needs at least one section id (see 'exoread list')");
	const struct node **secs = xcalloc(o->nargs, sizeof *secs);
	size_t n = 0;
	int rc = EXIT_OK;
	for (size_t i = 0; i < o->nargs; i++) {
		const struct node *s = resolve(c, o->args[i]);
		if (s == NULL)
			rc = EXIT_USAGE;
		else
			secs[n++] = s;
	}
	if (rc == EXIT_OK)
		rc = do_print(c, o, secs, n);
	free(secs);
	return rc;
}

static char *join_args(const struct opts *o)
{
	struct buf b = { 0 };
	for (size_t i = 0; i < o->nargs; i++) {
		if (i)
			buf_putc(&b, ' ');
		buf_puts(&b, o->args[i]);
	}
	return buf_take(&b);
}

/* The index made while the content loaded, if there is one (taken over by the
 * caller), or one made now. */
static struct search_index *take_index(const struct content *c, struct search_index **early)
{
	struct search_index *ix = *early;
	*early = NULL;
	return ix ? ix : search_index_new(c);
}

static int cmd_search(const struct content *c, const struct opts *o, const char *query,
		      struct search_index **early)
{
	const struct print_format_entry *f = print_format_find(o->format ? o->format : "text");
	if (f == NULL || f->search == NULL)
		return usage_error("search --format takes text, tsv, json or markdown, not '%s'",
				   o->format);
	struct search_index *ix = take_index(c, early);
	struct search_opts so = {
		.limit = o->limit_set ? o->limit : SEARCH_DEFAULT_LIMIT,
		.snippet_width = 80,
	};
	struct search_result res = { 0 };
	int rc = EXIT_OK;
	if (search_run(ix, query, &so, &res) != 0) {
		msg("the query '%s' holds no word to search for", query);
		rc = EXIT_USAGE;
	} else if (res.nhits == 0) {
		if (res.ntopics) {
			struct buf t = { 0 };
			for (size_t i = 0; i < res.ntopics; i++)
				buf_printf(&t, "%s%s (%s)", i ? ", " : "", res.topics[i]->id,
					   res.topics[i]->title);
			struct buf w = { 0 };
			if (res.nmissing) {
				buf_puts(&w, "; not found: ");
				search_put_missing(&w, &res);
			}
			msg("nothing here answers '%s'%s; closest topics: %s", query,
			    w.s ? w.s : "", t.s);
			buf_free(&w);
			buf_free(&t);
		} else if (res.suggestion) {
			msg("no match for '%s'; did you mean '%s'?", query, res.suggestion);
		} else {
			msg("no match for '%s'", query);
		}
		if (res.since)
			msg("%s",
			    "for signs since treatment and what to do: exoread print --urgent");
		rc = EXIT_NOTHING;
	} else {
		struct out_sink os = out_sink(f->format == PRINT_JSON);
		struct buf b = { .sink = &os.sink };
		f->search(&b, &res, use_style(o), o->width ? o->width : term_width());
		rc = write_stdout(&b, f->format == PRINT_JSON);
		/* Say so when hits were left out; on stderr, so pipes get only hits. */
		if (rc == EXIT_OK && res.ntotal > res.nhits && isatty(STDERR_FILENO))
			msg("%zu more sections match; --limit 0 shows them all",
			    res.ntotal - res.nhits);
	}
	search_result_free(&res);
	search_index_free(ix);
	return rc;
}

static int cmd_check(const struct opts *o, const char *dir)
{
	struct content *c;
	load_set_review_limit(o->max_age_set ? o->max_age : 12);
	load_set_lint(true);
	/* One operand that names no file (a folder, or nothing at all) is a folder. */
	struct stat st;
	if (o->nargs == 0 ||
	    (o->nargs == 1 && (stat(o->args[0], &st) != 0 || S_ISDIR(st.st_mode)))) {
		c = load_dir(o->nargs ? o->args[0] : dir);
	} else {
		c = load_files((const char *const *)o->args, o->nargs, ".");
	}
	if (c) {
		validate_lint(c);
		search_lint(c);
	}
	if (c && o->synonyms && diag_errors() == 0) {
		const char *where;
		struct wordnet *wn = wordnet_open(NULL, &where);
		if (wn == NULL) {
			msg("--synonyms needs WordNet (Debian package wordnet-base); no index files "
			    "in %s",
			    where);
			content_free(c);
			return EXIT_USAGE;
		}
		synonym_hints(c, wn, stdout);
		wordnet_close(wn);
	}
	content_free(c);
	return c && diag_errors() == 0 ? EXIT_OK : EXIT_USAGE;
}

static int run_ui(const struct content *c, const struct opts *o, const struct node *start,
		  const char *query, struct search_index **early)
{
	struct search_index *ix = take_index(c, early);
	enum ui_color color = o->color;
	const char *nc = getenv("NO_COLOR");
	if (color == UI_COLOR_AUTO && nc && *nc)
		color = UI_COLOR_NEVER;
	struct ui_opts uo = { .color = color,
			      .start = start,
			      .query = query,
			      .urgent = o->urgent,
			      .plain = o->plain,
			      .no_mouse = o->no_mouse };
	int rc = ui_run(c, ix, &uo);
	search_index_free(ix);
	return rc;
}

/* Whether read opens the pager rather than printing. */
static bool read_is_interactive(void)
{
	return isatty(STDOUT_FILENO) && isatty(STDIN_FILENO);
}

/* Whether a search for words finds a section; the index stays in *early. */
static bool search_finds(const struct content *c, const char *words, struct search_index **early)
{
	*early = take_index(c, early);
	struct search_result res;
	struct search_opts one = { .limit = 1 };
	bool found = search_run(*early, words, &one, &res) == 0 && res.nhits > 0;
	search_result_free(&res);
	return found;
}

static int cmd_read(const struct content *c, const struct opts *o, struct search_index **early)
{
	bool tty = read_is_interactive();
	if (o->urgent)
		return tty ? run_ui(c, o, NULL, NULL, early) : do_print(c, o, NULL, 0);
	if (o->nargs == 0)
		return tty ? run_ui(c, o, NULL, NULL, early) : cmd_list(c, o);
	char *words = join_args(o);
	const struct node *out, **cands;
	size_t n;
	enum resolve_status st = content_resolve(c, words, &out, &cands, &n);
	free(cands);
	int rc;
	if (st == RESOLVE_OK)
		rc = tty ? run_ui(c, o, out, NULL, early) : do_print(c, o, &out, 1);
	else if (tty && search_finds(c, words, early))
		rc = run_ui(c, o, NULL, words, early);
	else /* nothing found: the same message and exit status as search */
		rc = cmd_search(c, o, words, early);
	free(words);
	return rc;
}

/* A first word that is no command: when the content knows the words, say how to read
 * about them; either way it is a usage error. */
static int unknown_command(const struct content *c, const struct opts *o)
{
	struct buf b = { 0 };
	buf_puts(&b, o->unknown);
	for (size_t i = 0; i < o->nargs; i++) {
		buf_putc(&b, ' ');
		buf_puts(&b, o->args[i]);
	}
	const struct node *out, **cands;
	size_t n;
	bool known = content_resolve(c, b.s, &out, &cands, &n) != RESOLVE_NONE;
	free(cands);
	if (!known) {
		struct search_index *ix = search_index_new(c);
		struct search_result res = { 0 };
		struct search_opts so = { .limit = 1 };
		known = search_run(ix, b.s, &so, &res) == 0 && res.nhits > 0;
		search_result_free(&res);
		search_index_free(ix);
	}
	int rc;
	if (known) {
		msg("unknown command '%s'; to read about it: exoread read %s", o->unknown, b.s);
		rc = EXIT_USAGE;
	} else {
		rc = usage_error("unknown command '%s'", o->unknown);
	}
	buf_free(&b);
	return rc;
}

/* load_watch: index each topic's sections as soon as its file is read. */
static void index_topic(void *ix, const struct node *section)
{
	search_index_add_tree(ix, section);
}

/* What a command other than check does with the content it loaded. */
static int run_on_content(const struct content *c, const struct opts *o, struct search_index **ix)
{
	if (o->unknown)
		return unknown_command(c, o);
	switch (o->cmd) {
	case CMD_LIST:
		return cmd_list(c, o);
	case CMD_PRINT:
		return cmd_print(c, o);
	case CMD_SEARCH: {
		if (o->nargs == 0)
			return usage_error("%s", "search needs words to look for");
		char *q = join_args(o);
		int rc = cmd_search(c, o, q, ix);
		free(q);
		return rc;
	}
	case CMD_NONE:
	case CMD_READ:
		return cmd_read(c, o, ix);
	case CMD_CHECK: /* run by main */
	case CMD_HELP:  /* answered by parse_args */
		break;
	}
	return -1;
}

/* Every command but check: the local numbers, then the content (and, for
 * commands that search, its index, built as the files are read). */
static int run_command(const struct opts *o, const char *dir)
{
	struct config cfg;
	if (config_load(&cfg) != 0) {
		config_free(&cfg);
		return EXIT_USAGE;
	}
	config_use(&cfg);
	bool want_index = o->cmd == CMD_SEARCH ||
			  ((o->cmd == CMD_READ || o->cmd == CMD_NONE) && read_is_interactive());
	struct search_index *ix = want_index ? search_index_begin() : NULL;
	struct load_watch watch = { .topic = index_topic, .arg = ix };
	struct content *c = load_dir_watch(dir, ix ? &watch : NULL);
	int rc = EXIT_USAGE;
	if (c) {
		if (ix)
			search_index_end(ix, c);
		rc = run_on_content(c, o, &ix);
	}
	search_index_free(ix);
	content_free(c);
	config_free(&cfg);
	return rc;
}

int main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	text_locale_init();
	/* Die quietly of SIGPIPE when a reader such as head(1) goes away, even if
	 * our parent ignored it. */
	signal(SIGPIPE, SIG_DFL);

	/* A broken file can hold any number of errors; its first hundred say enough. */
	diag_set_limit(100);
	struct opts o = { .color = UI_COLOR_AUTO };
	int rc = parse_args(argc, argv, &o);
	if (rc >= 0) {
		free(o.args);
		return finish(rc);
	}
	char *dir = content_dir(o.content);
	rc = o.cmd == CMD_CHECK ? cmd_check(&o, dir) : run_command(&o, dir);
	free(dir);
	free(o.args);
	return rc;
}
