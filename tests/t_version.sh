#!/bin/sh
# t_version.sh - `exoread --version` names the program's version and the
# content's: the `version` of sources.yaml and the newest `reviewed` date of any
# file; malformed review dates are refused with file:line:col.
. "$(dirname "$0")/lib.sh"

VERSION=$(sed -n 's/^VERSION *:= *//p' "$TOP/Makefile")
C=$TMPD/content
mkdir -p "$C"
cat >"$C/sources.yaml" <<'YAML'
version: "2026.3"
reviewed: 2026-01-05
sources:
  - id: overview
    title: Exosome Therapy Side Effects
    file: 000_5c5f58f0b6b44dac.txt
YAML
# topic FILE DATE: a small topic file, reviewed on DATE (none when empty).
topic() {
	{
		echo "id: ${1%.yaml}"
		echo "title: Topic ${1%.yaml}"
		[ -n "$2" ] && echo "reviewed: $2"
		echo "body:"
		echo "  - p: Most side effects are mild."
		echo "    sources: [overview]"
	} >"$C/$1"
}
topic a.yaml 2024-02-29
topic b.yaml 2026-03-31
topic c.yaml ""

got=$("$EXO" --content "$C" --version 2>&1)
expect_eq "--version: program and content" "exoread $VERSION
content: version 2026.3, reviewed 2026-03-31 ($C)" "$got"
got=$("$EXO" --version --content "$C" 2>&1)
expect_eq "--version before --content" "exoread $VERSION
content: version 2026.3, reviewed 2026-03-31 ($C)" "$got"
got=$(EXOREAD_CONTENT=$C "$EXO" -V 2>&1)
expect_eq "-V reads EXOREAD_CONTENT" "exoread $VERSION
content: version 2026.3, reviewed 2026-03-31 ($C)" "$got"
"$EXO" --content "$C" check >"$TMPD/check.out" 2>&1
expect_eq "check accepts review dates (exit)" 0 $?

# Without the optional keys.
sed -i '/^version:/d; /^reviewed:/d' "$C/sources.yaml"
sed -i '/^reviewed:/d' "$C/a.yaml" "$C/b.yaml"
got=$("$EXO" --content "$C" --version 2>&1)
expect_eq "--version without version or dates" "exoread $VERSION
content: no version, no review date ($C)" "$got"

# Content that cannot be read: the program's version, a line that says so, exit 2.
"$EXO" --content "$TMPD/nowhere" --version >"$TMPD/v.out" 2>"$TMPD/v.err"
expect_eq "--version with a missing folder exits 2" 2 $?
expect_eq "--version with a missing folder (stdout)" "exoread $VERSION
content: cannot be read from $TMPD/nowhere" "$(cat "$TMPD/v.out")"

# bad NAME VALUE MESSAGE: a topic file reviewed: VALUE is refused at 3:11.
bad() {
	topic z.yaml ""
	sed -i "2a reviewed: $2" "$C/z.yaml"
	"$EXO" check "$C" >/dev/null 2>"$TMPD/bad.err"
	rc=$?
	expect_eq "$1 (exit)" 2 $rc
	expect_eq "$1 (message)" "exoread: $C/z.yaml:3:11: error: $3" "$(cat "$TMPD/bad.err")"
}
MSG="'reviewed' must be a date written YYYY-MM-DD, such as 2026-03-31"
bad "not a leap year" 2026-02-29 "$MSG"
bad "month 13" 2026-13-01 "$MSG"
bad "day 31 in April" 2026-04-31 "$MSG"
bad "day 0" 2026-04-00 "$MSG"
bad "another order" 31-03-2026 "$MSG"
bad "no leading zero" 2026-3-31 "$MSG"
bad "words" "last spring" "$MSG"
bad "a list" "[2026-03-31]" "'reviewed' must be text, not a list"
rm -f "$C/z.yaml"
topic z.yaml 2026-03-31
sed -i '3a reviewed: 2026-03-30' "$C/z.yaml"
"$EXO" check "$C" >/dev/null 2>"$TMPD/twice.err"
expect_eq "reviewed twice" "exoread: $C/z.yaml:4:1: error: key 'reviewed' appears twice in a section" \
	"$(cat "$TMPD/twice.err")"
rm -f "$C/z.yaml"

# Only a topic file's own section and sources.yaml take the key.
cat >"$C/d.yaml" <<'YAML'
id: d
title: D
sections:
  - id: sub
    title: Sub
    reviewed: 2026-03-31
YAML
"$EXO" check "$C" >/dev/null 2>"$TMPD/sub.err"
expect_eq "subsections take no reviewed key" \
	"exoread: $C/d.yaml:6:5: error: unknown key 'reviewed' in a section" "$(cat "$TMPD/sub.err")"
rm -f "$C/d.yaml"
printf 'version: "%s"\n' "$(printf '%041d' 0)" >>"$C/sources.yaml"
"$EXO" check "$C" >/dev/null 2>"$TMPD/ver.err"
expect_eq "a long version is refused" \
	"exoread: $C/sources.yaml:5:10: error: 'version' must be one line of at most 40 characters" \
	"$(cat "$TMPD/ver.err")"
