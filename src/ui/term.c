/* term.c - one question for terminfo, apart from the rest of the pager: <term.h> defines
 * macros (lines, columns) that clash with ordinary names elsewhere. */
#include <curses.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>
#include <unistd.h>

bool ui_term_can_address(void);

bool ui_term_can_address(void)
{
	const char *term = getenv("TERM");
	if (!term || !*term || strcmp(term, "dumb") == 0)
		return false;
	int err = 0;
	if (setupterm(term, STDOUT_FILENO, &err) != OK)
		return false;
	const char *cup = tigetstr("cup");
	bool ok = cup != NULL && cup != (char *)-1;
	del_curterm(cur_term);
	return ok;
}
