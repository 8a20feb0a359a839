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

# 5. Inputs that once cost quadratic time, at 100,000 entries, against content
# of the same size that loads plainly. Each cost is the best of three runs, in
# milliseconds; the ratio allows for a noisy machine, and a quadratic path
# would be tens or hundreds of times slower.
now_ms() { echo $(($(date +%s%N) / 1000000)); }
cost() { # cost CMD...: best wall time of three runs, in ms
	best=
	for _ in 1 2 3; do
		t0=$(now_ms)
		"$@" >/dev/null 2>&1
		t=$(($(now_ms) - t0))
		[ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
	done
	echo "$best"
}
# within NAME COST BASE RATIO: pass when COST <= RATIO * BASE (+50 ms of slack).
within() {
	if [ "$2" -le $(($3 * $4 + 50)) ]; then
		pass "$1 (${2} ms against ${3} ms)"
	else
		fail "$1" "${2} ms against ${3} ms for the same amount of plain content"
	fi
}
N=100000
mkdir -p "$TMPD/dup" "$TMPD/uniq"
cp "$SRC" "$TMPD/dup/"
cp "$SRC" "$TMPD/uniq/"
gen_subs() { # gen_subs ID-PREFIX: N subsections
	printf 'id: t\ntitle: T\nbody:\n  - p: x\n    sources: [overview]\nsections:\n'
	awk -v n=$N -v p="$1" 'BEGIN { for (i = 1; i <= n; i++) printf "  - {id: %s, title: b}\n", (p == "" ? "a" i : p) }'
}
gen_subs a >"$TMPD/dup/10-t.yaml"
gen_subs "" >"$TMPD/uniq/10-t.yaml"
"$EXO" check "$TMPD/dup" 2>"$TMPD/err"
expect_eq "duplicate ids: exit and first message" \
    "2|exoread: $TMPD/dup/10-t.yaml:8:5: error: duplicate section id 't/a' (first defined at $TMPD/dup/10-t.yaml:7:5)" \
    "$?|$(head -1 "$TMPD/err")"
within "check of $N duplicate ids" "$(cost "$EXO" check "$TMPD/dup")" \
    "$(cost "$EXO" check "$TMPD/uniq")" 3

# Two files of N/2 sibling sections each; the prefix "a" matches them all,
# and no candidate holds another.
mkdir -p "$TMPD/sibs"
cp "$SRC" "$TMPD/sibs/"
for f in ta tb; do
	{
		printf 'id: %s\ntitle: T\nbody:\n  - p: x\n    sources: [overview]\nsections:\n' $f
		awk -v n=$((N / 2)) 'BEGIN { for (i = 1; i <= n; i++) printf "  - {id: a%d, title: b}\n", i }'
	} >"$TMPD/sibs/10-$f.yaml"
done
"$EXO" --content "$TMPD/sibs" print a >/dev/null 2>"$TMPD/err"
expect_eq "a prefix of $N sections: the candidates" "2|exoread: 'a' matches $N sections; say which:
  ta/a1	b|  ... and $((N - 20)) more" "$?|$(head -2 "$TMPD/err")|$(tail -1 "$TMPD/err")"
within "print of a prefix matching $N sections" "$(cost "$EXO" --content "$TMPD/sibs" print a)" \
    "$(cost "$EXO" --content "$TMPD/sibs" print ta/a1)" 3

# N sources; a paragraph cites them all, then the first N times more. The
# same number of citations in short lists is the measure.
gen_sources() {
	printf 'sources:\n'
	awk -v n=$N 'BEGIN { for (i = 1; i <= n; i++) printf "  - {id: s%d, title: t, file: f}\n", i }'
}
mkdir -p "$TMPD/cites" "$TMPD/cites0"
gen_sources >"$TMPD/cites/sources.yaml"
cp "$TMPD/cites/sources.yaml" "$TMPD/cites0/"
{
	printf 'id: t\ntitle: T\nbody:\n  - p: x\n    sources: ['
	awk -v n=$N 'BEGIN { for (i = 1; i <= n; i++) printf "s%d, ", i; for (i = 1; i < n; i++) printf "s1, "; print "s1]" }'
} >"$TMPD/cites/10-t.yaml"
{
	printf 'id: t\ntitle: T\nbody:\n'
	awk -v n=$N 'BEGIN { for (i = 0; i < 2 * n / 100; i++) { printf "  - p: x\n    sources: [s1"; for (k = 2; k <= 100; k++) printf ", s%d", (i * 100 + k - 1) % (n - 1) + 2; print "]" } }'
} >"$TMPD/cites0/10-t.yaml"
"$EXO" check "$TMPD/cites" 2>"$TMPD/err"
expect_eq "a source cited again: exit and first message" \
    "2|exoread: $TMPD/cites/10-t.yaml:5:$(awk -v n=$N 'BEGIN { c = 15; for (i = 1; i <= n; i++) c += length("s" i ", "); print c }'): error: source 's1' is listed twice" \
    "$?|$(head -1 "$TMPD/err")"
"$EXO" check "$TMPD/cites0" 2>"$TMPD/err"
expect_eq "the same citations in short lists are clean" "0|" "$?|$(cat "$TMPD/err")"
within "check of $N sources cited in one list, and $N repeats" \
    "$(cost "$EXO" check "$TMPD/cites")" "$(cost "$EXO" check "$TMPD/cites0")" 3

# A mapping of N/2 unknown keys, then N/2 copies of a known one.
{
	printf 'id: t\n'
	awk -v n=$N 'BEGIN { for (i = 1; i <= n / 2; i++) printf "x%d: 1\n", i; for (i = 1; i <= n / 2; i++) print "title: b" }'
} >"$TMPD/keys.yaml"
{
	printf 'id: t\n'
	awk -v n=$N 'BEGIN { for (i = 1; i <= n; i++) printf "x%d: 1\n", i }'
} >"$TMPD/keys0.yaml"
"$EXO" check "$SRC" "$TMPD/keys.yaml" 2>"$TMPD/err"
expect_eq "a key repeated: exit and messages" \
    "2|exoread: $TMPD/keys.yaml:2:1: error: unknown key 'x1' in a section|101" \
    "$?|$(head -1 "$TMPD/err")|$(wc -l <"$TMPD/err" | tr -d ' ')"
within "check of a key repeated $((N / 2)) times after $((N / 2)) others" \
    "$(cost "$EXO" check "$SRC" "$TMPD/keys.yaml")" "$(cost "$EXO" check "$SRC" "$TMPD/keys0.yaml")" 3

# 6. Noncharacters are refused where they stand (raw), or at the scalar (escaped).
T=$TMPD/nonchar.yaml
for c in 'FFFE \357\277\276' 'FFFF \357\277\277' 'FDD0 \357\267\220' '1FFFF \360\237\277\277' \
    '10FFFE \364\217\277\276'; do
	set -- $c
	printf 'id: t\ntitle: T\nbody:\n  - p: Some text '"$2"' here\n    sources: [overview]\n' >"$T"
	check_is "raw noncharacter U+$1" 2 "exoread: $T:4:18: error: noncharacter U+$1 in text" "$SRC" "$T"
done
printf 'id: t\ntitle: T\nbody:\n  - p: "Some text \\uFFFF here"\n    sources: [overview]\n' >"$T"
check_is "escaped noncharacter" 2 "exoread: $T:4:8: error: noncharacter U+FFFF in text" "$SRC" "$T"
printf 'id: t\ntitle: "T \\uFDEF"\n' >"$T"
check_is "escaped noncharacter in a title" 2 "exoread: $T:2:8: error: noncharacter U+FDEF in text" "$SRC" "$T"
