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

# 4. Forged rows: a line break or tab in a one-line field is refused where the
# field starts, and every tsv writer keeps one row per record anyway.
T=$TMPD/rows.yaml
printf '%s\n' 'id: t' 'title: "A\nfake"' 'also_called:' '  - "x\ty"' '  - |' '    block' \
    'see_also: ["a\tb"]' 'body:' '  - q: "why\n"' '    a: "fine\nok"' '    sources: [overview]' \
    '  - term: "t\tx"' '    means: "m\tn"' '    sources: [overview]' >"$T"
check_is "line breaks and tabs in one-line fields" 2 "exoread: $T:2:8: error: a line break in 'title', which must be one line
exoread: $T:4:5: error: a tab in 'also_called', which must be one line
exoread: $T:5:5: error: a line break in 'also_called', which must be one line
exoread: $T:7:12: error: a tab in 'see_also', which must be one line
exoread: $T:9:8: error: a line break in 'q', which must be one line
exoread: $T:12:11: error: a tab in 'term', which must be one line
exoread: $T:7:12: error: see_also names no section 'a b'" "$SRC" "$T"
printf 'id: t\ntitle: |\n  Two\n  lines\n' >"$T"
check_is "a block scalar title" 2 \
    "exoread: $T:2:8: error: a line break in 'title', which must be one line" "$SRC" "$T"
mkdir -p "$TMPD/srcrows"
printf 'sources:\n  - id: overview\n    title: "Exo\\nsome"\n    file: "a\\tb"\n' \
    >"$TMPD/srcrows/sources.yaml"
check_is "line breaks and tabs in a source" 2 \
    "exoread: $TMPD/srcrows/sources.yaml:3:12: error: a line break in 'title', which must be one line
exoread: $TMPD/srcrows/sources.yaml:4:11: error: a tab in 'file', which must be one line" \
    "$TMPD/srcrows/sources.yaml"
mkdir -p "$TMPD/rows"
cp "$SRC" "$TMPD/rows/"
printf '%s\n' 'id: rows' 'title: Rows' 'body:' '  - p: "one\nforged\tcell row"' \
    '    sources: [overview]' 'sections:' '  - {id: sub, title: Sub}' >"$TMPD/rows/10-rows.yaml"
"$EXO" --content "$TMPD/rows" search --format tsv forged >"$TMPD/out" 2>&1
expect_eq "search tsv: one row of three cells" "1 3" \
    "$(wc -l <"$TMPD/out" | tr -d ' ') $(awk -F '\t' '{ print NF }' "$TMPD/out")"
"$EXO" --content "$TMPD/rows" list --format tsv >"$TMPD/out" 2>&1
expect_eq "list tsv: one row per section" "$(printf 'rows\tRows\nrows/sub\tSub')" "$(cat "$TMPD/out")"
