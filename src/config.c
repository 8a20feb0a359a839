/* config.c - the reader's local settings, from the XDG config file and the environment. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "util.h"

static const struct config *in_use;

enum {
	PHONE_MAX = 32
};

/* A phone number as people write it: digits, spaces and + - ( ) . / only,
 * with at least one digit. Anything else would be printed into handouts. */
static const char *phone_problem(const char *v)
{
	size_t digits = 0, len = strlen(v);
	if (len == 0)
		return "is empty";
	if (len > PHONE_MAX)
		return "is longer than 32 characters";
	for (const char *p = v; *p; p++) {
		if (*p >= '0' && *p <= '9')
			digits++;
		else if (!strchr(" +-()./", *p))
			return "may hold only digits, spaces and + - ( ) . /";
	}
	return digits ? NULL : "holds no digit";
}

static const char *const keys[] = { "emergency-number", "clinic-phone", NULL };

static char **slot(struct config *cfg, const char *key)
{
	if (strcmp(key, keys[0]) == 0)
		return &cfg->emergency_number;
	if (strcmp(key, keys[1]) == 0)
		return &cfg->clinic_phone;
	return NULL;
}

static char *trim(char *s)
{
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n > 0 &&
	       (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		s[--n] = '\0';
	return s;
}

static void set(struct config *cfg, const char *key, const char *value, const char *file, int line)
{
	char **p = slot(cfg, key);
	const char *why = phone_problem(value);
	if (why) {
		diag(DIAG_ERROR, file, line, 0, "the value of '%s' %s", key, why);
		return;
	}
	free(*p);
	*p = xstrdup(value);
}

static void read_config_file(struct config *cfg, const char *path)
{
	FILE *f = fopen(path, "r");
	if (f == NULL) {
		if (errno != ENOENT && errno != ENOTDIR)
			diag(DIAG_ERROR, path, 0, 0, "cannot read the config file: %s",
			     strerror(errno));
		return;
	}
	char *lp = NULL;
	size_t cap = 0;
	int line = 0;
	while (getline(&lp, &cap, f) != -1) {
		line++;
		char *s = trim(lp);
		if (*s == '\0' || *s == '#')
			continue;
		char *eq = strchr(s, '=');
		if (eq == NULL) {
			diag(DIAG_ERROR, path, line, 0, "expected 'key = value'");
			continue;
		}
		*eq = '\0';
		char *key = trim(s), *value = trim(eq + 1);
		if (slot(cfg, key) == NULL) {
			const char *near = closest_word(key, keys, 2);
			diag(DIAG_ERROR, path, line, 0,
			     "unknown setting '%s' (known: emergency-number, clinic-phone)%s%s%s",
			     key, near ? "; did you mean '" : "", near ? near : "",
			     near ? "'?" : "");
			continue;
		}
		set(cfg, key, value, path, line);
	}
	if (ferror(f))
		diag(DIAG_ERROR, path, 0, 0, "cannot read the config file: %s", strerror(errno));
	free(lp);
	fclose(f);
}

int config_load(struct config *cfg)
{
	*cfg = (struct config){ 0 };
	size_t errors = diag_errors();
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct buf path = { 0 };
	/* The XDG spec says a relative XDG_CONFIG_HOME is to be ignored. */
	if (xdg && xdg[0] == '/')
		buf_printf(&path, "%s/exoread/config", xdg);
	else if (home && home[0])
		buf_printf(&path, "%s/.config/exoread/config", home);
	if (path.s)
		read_config_file(cfg, path.s);
	buf_free(&path);
	static const struct {
		const char *var, *key;
	} env[] = {
		{ "EXOREAD_EMERGENCY_NUMBER", "emergency-number" },
		{ "EXOREAD_CLINIC_PHONE", "clinic-phone" },
	};
	for (size_t i = 0; i < sizeof env / sizeof env[0]; i++) {
		const char *v = getenv(env[i].var);
		/* Set but empty counts as not set, as with NO_COLOR. */
		if (v && *v)
			set(cfg, env[i].key, v, env[i].var, 0);
	}
	return diag_errors() != errors ? -1 : 0;
}

void config_free(struct config *cfg)
{
	if (cfg == NULL)
		return;
	if (in_use == cfg)
		in_use = NULL;
	free(cfg->emergency_number);
	free(cfg->clinic_phone);
	*cfg = (struct config){ 0 };
}

void config_use(const struct config *cfg)
{
	in_use = cfg;
}

const char *config_emergency(void)
{
	return in_use && in_use->emergency_number ? in_use->emergency_number
						  : "your local emergency number";
}

const char *config_emergency_number(void)
{
	return in_use ? in_use->emergency_number : NULL;
}

const char *config_clinic(void)
{
	return in_use ? in_use->clinic_phone : NULL;
}

void config_action_text(struct buf *out, const struct node *action)
{
	static const char ph[] = EMERGENCY_PLACEHOLDER;
	const char *s = action->text ? action->text : "";
	for (const char *p; (p = strstr(s, ph)) != NULL; s = p + sizeof ph - 1) {
		buf_add(out, s, (size_t)(p - s));
		buf_puts(out, config_emergency());
	}
	buf_puts(out, s);
	if (action->urgency == URG_CALL_PROVIDER && config_clinic())
		buf_printf(out, " Your clinic's phone number is %s.", config_clinic());
	if (out->s == NULL)
		buf_add(out, "", 0);
}
