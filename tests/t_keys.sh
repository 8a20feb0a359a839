#!/bin/sh
# t_keys.sh - the key lists in the manual page and the README are the pager's key tables:
# build/tests/test_keymap prints them from src/ui/keymap.c (the help screen draws from the same
# tables), and each document must hold exactly that between its "keys: begin" and "keys: end".
. "$(dirname "$0")/lib.sh"

DUMP=$TOP/build/tests/test_keymap
if [ ! -x "$DUMP" ]; then
	fail "key tables dump" "$DUMP is not built (make build/tests/test_keymap)"
	exit 0
fi

# between FILE: the lines strictly between the begin and end markers.
between() { sed -n '/keys: begin/,/keys: end/p' "$1" | sed '1d;$d'; }

# compare NAME FORMAT FILE: FILE holds exactly what the dump prints in FORMAT.
compare() {
	"$DUMP" "$2" >"$TMPD/$2.want"
	between "$3" >"$TMPD/$2.have"
	if diff -u "$TMPD/$2.want" "$TMPD/$2.have" >"$TMPD/$2.diff"; then
		pass "$1"
	else
		fail "$1" "$(head -30 "$TMPD/$2.diff")"
	fi
}
compare "exoread.1 lists the keys of the key tables" man "$TOP/man/exoread.1"
compare "README.md lists the keys of the key tables" md "$TOP/README.md"

# The rule the manual states is the rule the tables keep (the unit test checks each key).
for phrase in 'go back one screen' 'quits, and closes the help screen'; do
	if tr '\n' ' ' <"$TOP/man/exoread.1" | grep -q "$phrase"; then
		pass "exoread.1 states: $phrase"
	else
		fail "exoread.1 states: $phrase"
	fi
done
