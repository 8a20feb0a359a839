#!/bin/sh
# t_man.sh - the manual pages and the built-in help: both pages pass mandoc's lint
# and man-db's warnings, they agree with --help and with content/README.md, and
# --help and --version say what the manual says they do.
. "$(dirname "$0")/lib.sh"

M1=$TOP/man/exoread.1
M5=$TOP/man/exoread-content.5

# mandoc looks cross references up among the installed manuals only, so the two
# pages' references to each other are not found until they are installed, and an
# outdated system mandoc.db is a fact about the machine, not about the page.
lint() { # lint NAME PAGE
	mandoc -Tlint "$2" >"$TMPD/lint.raw" 2>&1
	grep -v -e 'referenced manual not found: Xr exoread' -e 'outdated mandoc.db' \
		"$TMPD/lint.raw" >"$TMPD/lint.out"
	if [ -s "$TMPD/lint.out" ]; then fail "$1" "$(cat "$TMPD/lint.out")"; else pass "$1"; fi
}
lint "mandoc lint exoread.1" "$M1"
lint "mandoc lint exoread-content.5" "$M5"

for page in "$M1" "$M5"; do
	name="man warnings $(basename "$page")"
	MANWIDTH=80 man --warnings -l "$page" >"$TMPD/man.out" 2>"$TMPD/man.err"
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$TMPD/man.err" ]; then
		fail "$name" "exit $rc" "$(cat "$TMPD/man.err")"
	elif ! grep -q 'SEE ALSO' "$TMPD/man.out"; then
		fail "$name" "rendered page has no SEE ALSO section"
	else
		pass "$name"
	fi
done

# exoread(1) has the sections a user looks for.
MANWIDTH=80 man -l "$M1" 2>/dev/null >"$TMPD/man1.txt"
for sec in SYNOPSIS DESCRIPTION ENVIRONMENT FILES 'EXIT STATUS' EXAMPLES 'SEE ALSO'; do
	if grep -q "^$sec\$" "$TMPD/man1.txt"; then pass "exoread.1 has $sec"; else fail "exoread.1 has $sec"; fi
done
for v in EXOREAD_CONTENT NO_COLOR TERM; do
	if grep -q "^\.It Ev $v\$" "$M1"; then pass "exoread.1 documents $v"; else fail "exoread.1 documents $v"; fi
done

# exoread-content(5) names every key and urgency value of content/README.md.
missing=""
for key in $(sed -n 's/^| `\([a-z_-]*\)`.*/\1/p' "$TOP/content/README.md" | sort -u); do
	grep -Eq "(Ic|Li) $key( |\$)" "$M5" || missing="$missing $key"
done
expect_eq "exoread-content.5 names every key of content/README.md" "" "$missing"

# --help and --version.
"$EXO" --help >"$TMPD/help.out" 2>"$TMPD/help.err"
expect_eq "--help exits 0" 0 $?
expect_eq "--help writes no errors" "" "$(cat "$TMPD/help.err")"
for cmd in read print search list check; do
	if grep -qw "$cmd" "$TMPD/help.out"; then pass "--help mentions $cmd"; else fail "--help mentions $cmd"; fi
	"$EXO" "$cmd" --help >"$TMPD/cmd.out" 2>&1
	rc=$?
	if [ $rc -eq 0 ] && grep -q "exoread.* $cmd" "$TMPD/cmd.out"; then
		pass "$cmd --help"
	else
		fail "$cmd --help" "exit $rc" "$(head -5 "$TMPD/cmd.out")"
	fi
	cat "$TMPD/cmd.out" >>"$TMPD/help.all"
done
cat "$TMPD/help.out" >>"$TMPD/help.all"
V=$(sed -n 's/^VERSION *:= *//p' "$TOP/Makefile")
expect_eq "--version" "exoread $V" "$("$EXO" --version 2>&1 | head -1)"
expect_eq "-V" "exoread $V" "$("$EXO" -V 2>&1 | head -1)"
expect_eq "help print is print --help" "$("$EXO" print --help 2>&1)" "$("$EXO" help print 2>&1)"

# Every command that --help lists has its entry in exoread.1.
cmds=$(sed -n '/^Commands:/,/^$/p' "$TMPD/help.out" | awk '$1 ~ /^[a-z]+$/ { print $1 }')
expect_eq "--help lists the six commands" "read print search list check help" "$(echo $cmds)"
undocumented=""
for cmd in $cmds; do
	grep -q "^\.It Cm $cmd\( \|\$\)" "$M1" || undocumented="$undocumented $cmd"
done
expect_eq "every --help command is in exoread.1" "" "$undocumented"
"$EXO" --no-such-option >/dev/null 2>"$TMPD/bad.err"
expect_eq "unknown option exits 2" 2 $?

# Every option that --help shows is in the manual, and every option in the
# manual's SYNOPSIS is in --help: the two must not drift apart.
undocumented=""
for opt in $(grep -o -- '--[a-z][a-z-]*' "$TMPD/help.all" | sort -u); do
	grep -q "Fl -${opt#--}" "$M1" || undocumented="$undocumented $opt"
done
expect_eq "every --help option is in exoread.1" "" "$undocumented"
unhelped=""
for opt in $(sed -n '/^\.Sh SYNOPSIS/,/^\.Sh DESCRIPTION/p' "$M1" | grep -o 'Fl -[a-z][a-z-]*' |
	sed 's/^Fl /-/' | sort -u); do
	grep -q -- "$opt" "$TMPD/help.all" || unhelped="$unhelped $opt"
done
expect_eq "every exoread.1 option is in --help" "" "$unhelped"

# The pager keys in exoread.1 are checked against the key tables by t_keys.sh.

# The README's examples are real output: run every "$ " line of its first example
# block with the program under test and compare. Blank lines just before a
# command separate examples and are not output, so both sides drop them.
awk '/^Real output/ { want = 1 } want && /^```$/ { if (inblock) exit; inblock = 1; next }
	inblock { print }' "$TOP/README.md" >"$TMPD/readme.want"
awk -v q="'" '/^\$ / {
		cmd = substr($0, 3); line = $0
		gsub(q, q "\\" q q, line)
		printf "printf \"%%s\\n\" %s%s%s\n(exit $rc)\n{ %s; } 2>&1\nrc=$?\n", q, line, q, cmd
	}' "$TMPD/readme.want" >"$TMPD/readme.sh"
drop_seps() { awk 'NR > 1 && !(prev == "" && /^\$ /) { print prev } { prev = $0 } END { print prev }' "$1"; }
if [ ! -s "$TMPD/readme.sh" ]; then
	fail "README examples are real output" "no example block after 'Real output' in README.md"
else
	(cd "$TMPD" && exoread() { "$EXO" --content "$TOP/content" "$@"; } && rc=0 && . ./readme.sh) \
		>"$TMPD/readme.raw"
	drop_seps "$TMPD/readme.want" >"$TMPD/readme.want2"
	drop_seps "$TMPD/readme.raw" >"$TMPD/readme.got"
	golden "README examples are real output" "$TMPD/readme.want2" "$TMPD/readme.got"
fi
