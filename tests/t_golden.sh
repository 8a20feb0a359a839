#!/bin/sh
# t_golden.sh - `print` in every format against expected output.
#
# Each case is a content folder tests/golden/NAME/ with NAME.args beside it:
# one line per run, "LABEL ID...". The expected output of each run is in
# tests/golden/NAME.out/LABEL.FORMAT. UPDATE_GOLDEN=1 rewrites it.
# (tests/golden/bad/ holds the `check` cases and is not a print case.)
. "$(dirname "$0")/lib.sh"

G=$TOP/tests/golden
cd "$TOP" || exit 2

# run NAME LABEL FORMAT EXPECTED-STEM -- exoread ARGS...: one golden case.
run() {
	name=$1 label=$2 fmt=$3
	shift 4
	out=$TMPD/$name.$label.$fmt
	"$EXO" "$@" >"$out" 2>"$out.err"
	rc=$?
	if [ $rc -ne 0 ] || [ -s "$out.err" ]; then
		fail "$name $label $fmt runs cleanly" "exit $rc" "$(head -5 "$out.err")"
		return
	fi
	mkdir -p "$G/$name.out"
	golden "$name $label $fmt" "$G/$name.out/$label.$fmt" "$out"
	if [ "$fmt" = json ]; then
		if python3 -m json.tool "$out" >/dev/null 2>"$out.jerr"; then
			pass "$name $label json is valid"
		else
			fail "$name $label json is valid" "$(head -3 "$out.jerr")"
		fi
	fi
}

for args in "$G"/*.args; do
	[ -f "$args" ] || continue
	name=$(basename "$args" .args)
	dir=tests/golden/$name
	while read -r label ids; do
		[ -n "$label" ] || continue
		# shellcheck disable=SC2086 # ids are words on purpose
		{
			run "$name" "$label" text80 - --content "$dir" --color never --width 80 print --bare $ids
			run "$name" "$label" text40 - --content "$dir" --color never --width 40 print --bare $ids
			run "$name" "$label" styled - --content "$dir" --color always --width 80 print --bare $ids
			run "$name" "$label" md - --content "$dir" --width 80 print --bare $ids --format markdown
			run "$name" "$label" json - --content "$dir" --width 80 print $ids --format json
			run "$name" "$label" tree - --content "$dir" --width 80 print $ids --format tree
		}
	done <"$args"
done

# "When to get help": every sign once, by level, each level led by what to do;
# the bundled content's whole view at 80 columns, and the cases in each format.
run content urgent text80 - --content content --color never --width 80 print --urgent --bare
for name in basic unicode; do
	run $name urgent text80 - --content tests/golden/$name --color never --width 80 print --urgent --bare
	run $name urgent md - --content tests/golden/$name --width 80 print --urgent --bare --format md
	run $name urgent json - --content tests/golden/$name print --urgent --format json
done

# Output never depends on the locale or on the terminal: the same bytes under
# LANG=C and with stdout a pipe, whatever TERM says.
a=$(LC_ALL=C "$EXO" --content tests/golden/unicode --width 40 print --bare intl 2>&1)
b=$(cat "$G/unicode.out/all.text40")
expect_eq "text output does not depend on the locale" "$b" "$a"

# Styled output only on request: a pipe gets no escape sequences by default.
out=$("$EXO" --content tests/golden/basic --width 80 print side-effects | od -An -c | grep -c '033')
expect_eq "no escape sequences into a pipe" 0 "$out"

# --format markdown and its short name md agree; an unknown format is a usage error.
a=$("$EXO" --content tests/golden/basic print glossary --format md 2>&1)
b=$("$EXO" --content tests/golden/basic print glossary --format markdown 2>&1)
expect_eq "md is markdown" "$b" "$a"
"$EXO" --content tests/golden/basic print glossary --format html >/dev/null 2>&1
expect_eq "unknown format exits 2" 2 $?

# Every content folder through every format at odd widths: nothing may crash,
# and every text line must fit its width (the inputs hold no character wider
# than the narrowest width allowed, 10).
for dir in "$G"/*/ "$TOP/content/"; do
	dir=${dir%/}
	case $dir in */bad | *.out) continue ;; esac
	ls "$dir"/*.yaml >/dev/null 2>&1 || continue
	ids=$("$EXO" --content "$dir" list --format tsv 2>/dev/null | cut -f1 | grep -v /)
	[ -n "$ids" ] || { fail "sweep $(basename "$dir"): list gives ids"; continue; }
	bad=""
	for w in 10 11 13 33 80 1000; do
		# shellcheck disable=SC2086
		"$EXO" --content "$dir" --width $w print $ids >"$TMPD/sweep" 2>"$TMPD/sweep.err" ||
			bad="$bad text/$w:exit$?"
		over=$(python3 -c '
import sys, unicodedata as u
w = int(sys.argv[1])
def cw(c):
    if u.combining(c) or u.category(c) in ("Mn", "Me", "Cf"): return 0
    return 2 if u.east_asian_width(c) in ("W", "F") else 1
for i, l in enumerate(open(sys.argv[2], encoding="utf-8").read().splitlines()):
    if sum(cw(c) for c in l) > w: print(i + 1); break
' "$w" "$TMPD/sweep")
		[ -z "$over" ] || bad="$bad text/$w:line$over-too-wide"
	done
	for f in markdown json tree; do
		# shellcheck disable=SC2086
		"$EXO" --content "$dir" print $ids --format $f >"$TMPD/sweep" 2>"$TMPD/sweep.err" ||
			bad="$bad $f:exit$?"
		if [ $f = json ] && ! python3 -m json.tool "$TMPD/sweep" >/dev/null 2>&1; then
			bad="$bad json:invalid"
		fi
	done
	if [ -z "$bad" ]; then
		pass "sweep $(basename "$dir"): every format and width"
	else
		fail "sweep $(basename "$dir"): every format and width" "$bad"
	fi
done
