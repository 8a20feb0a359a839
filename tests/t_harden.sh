#!/bin/sh
# t_harden.sh - hostile and careless input: byte order marks, single files,
# failed writes, forged rows, inputs that would cost quadratic time, invisible
# characters and noncharacters, odd terminal sizes and signals, other locales.
# Costs are compared as ratios to loading content of the same size, never
# against the clock.
. "$(dirname "$0")/lib.sh"

SRC=$TMPD/sources.yaml
printf 'sources:\n  - id: overview\n    title: Exosome Therapy Side Effects\n    file: 000_overview.txt\n' >"$SRC"

# check_is NAME EXPECTED-EXIT EXPECTED-STDERR FILE...: `check` of the files.
check_is() {
	name=$1 rc_want=$2 err_want=$3
	shift 3
	"$EXO" check "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	expect_eq "$name" "$rc_want|$err_want" "$rc|$(cat "$TMPD/err")"
}

# 1. A byte order mark at the start of a file is skipped; columns count after it.
T=$TMPD/bom.yaml
printf '\357\273\277id: fine\ntitle: Fine\nbody:\n  - p: All good.\n    sources: [overview]\n' >"$T"
check_is "BOM at the start of a topic file" 0 "" "$SRC" "$T"
printf '\357\273\277id: Bad\ntitle: Fine\n' >"$T"
check_is "BOM: columns count after it" 2 \
    "exoread: $T:1:5: error: id 'Bad' must be lowercase letters, digits and single '-' (at most 64)" \
    "$SRC" "$T"
mkdir -p "$TMPD/bom"
printf '\357\273\277' | cat - "$SRC" >"$TMPD/bom/sources.yaml"
printf '\357\273\277id: fine\ntitle: Fine\nbody:\n  - p: All good.\n    sources: [overview]\n' \
    >"$TMPD/bom/10-fine.yaml"
check_is "BOM in sources.yaml and a topic file of a folder" 0 "" "$TMPD/bom"
"$EXO" --content "$TMPD/bom" list --format tsv >"$TMPD/out" 2>&1
expect_eq "BOM: list shows the section" "$(printf 'fine\tFine')" "$(cat "$TMPD/out")"

# 2. `check FILE`: one file is checked as a file, with the sources.yaml beside it.
check_is "check FILE with sources.yaml beside it" 0 "" "$TMPD/bom/10-fine.yaml"
check_is "check sources.yaml FILE" 0 "" "$TMPD/bom/sources.yaml" "$TMPD/bom/10-fine.yaml"
mkdir -p "$TMPD/alone"
cp "$TMPD/bom/10-fine.yaml" "$TMPD/alone/"
"$EXO" check "$TMPD/alone/10-fine.yaml" >"$TMPD/out" 2>"$TMPD/err"
expect_eq "check FILE without sources: exit" 2 $?
grep -q "Not a directory" "$TMPD/err" && fail "check FILE is not taken for a folder" "$(cat "$TMPD/err")" ||
	pass "check FILE is not taken for a folder"
grep -q "^exoread: $TMPD/alone/10-fine.yaml:5:15: error: unknown source 'overview'" "$TMPD/err" &&
	pass "check FILE without sources: located message" ||
	fail "check FILE without sources: located message" "$(cat "$TMPD/err")"
printf 'id: Bad\ntitle: T\n' >"$TMPD/bom/20-bad.yaml"
check_is "check FILE reports the file's errors" 2 \
    "exoread: $TMPD/bom/20-bad.yaml:1:5: error: id 'Bad' must be lowercase letters, digits and single '-' (at most 64)" \
    "$TMPD/bom/20-bad.yaml"
rm "$TMPD/bom/20-bad.yaml"

# 3. A failed write is reported, with exit status 2, by every command.
if [ -w /dev/full ]; then
	for a in --help --version -V -h help 'help print' 'print --help' 'check --help' list \
	    'list --format tsv' 'print about' 'search redness' 'read about'; do
		"$EXO" --content "$TOP/content" $a >/dev/full 2>"$TMPD/err"
		expect_eq "'$a' to a full disk" "2|exoread: write error: No space left on device" \
		    "$?|$(cat "$TMPD/err")"
	done
fi
