/* config.h - the reader's local settings: the emergency number and the clinic's phone.
 *
 * Read from $XDG_CONFIG_HOME/exoread/config (or ~/.config/exoread/config), one
 * "key = value" a line, '#' starting a comment; EXOREAD_EMERGENCY_NUMBER and
 * EXOREAD_CLINIC_PHONE override the file. Handouts, the "When to get help"
 * view and actions in the content show these numbers.
 */
#ifndef EXOREAD_CONFIG_H
#define EXOREAD_CONFIG_H

/* What an action writes where the emergency number goes. */
#define EMERGENCY_PLACEHOLDER "{emergency-number}"

struct config {
	char *emergency_number; /* NULL: say "your local emergency number" */
	char *clinic_phone;     /* NULL: no clinic number is shown */
};

/*
 * Fill cfg from the config file and the environment. A missing file is no
 * error; a bad line or value is reported as "FILE:LINE: error: ..." (or
 * "VARIABLE: error: ...") through diag(). Returns 0, or -1 after an error.
 * Free cfg with config_free() either way.
 */
int config_load(struct config *cfg);
/* Release cfg's strings. NULL-safe. */
void config_free(struct config *cfg);

/* Make cfg's numbers the ones text is filled in with (see config_emergency()). cfg may be NULL. */
void config_use(const struct config *cfg);
/* "your local emergency number", or the configured number. Never NULL. */
const char *config_emergency(void);
/* The configured emergency number, or NULL. */
const char *config_emergency_number(void);
/* The configured clinic phone, or NULL. */
const char *config_clinic(void);
/*
 * Append an action's text to out as readers see it: "{emergency-number}"
 * filled in, and for the "Call your provider" level the clinic's phone.
 */
struct buf;
struct node;
void config_action_text(struct buf *out, const struct node *action);

#endif
