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

# 7. Invisible characters: check warns where each stands (an escaped one at its
# scalar), no printer writes one raw, and search sees past them.
INVIS='\xc2\xad|\xe1\xa0\x8e|\xe2\x80[\x8b-\x8d]|\xe2\x81[\xa0-\xa4\xaa-\xaf]|\xef\xbb\xbf|\xef\xbf[\xb9-\xbb]|\xf3\xa0[\x80-\x81]'
mkdir -p "$TMPD/inv"
cp "$SRC" "$TMPD/inv/"
printf '%b\n' 'id: inv' 'title: "Ex\\u200bosome title"' 'body:' \
    '  - p: Read about ex\0342\0200\0213osome therapy, soft\0302\0255ly, tag\0363\0240\0200\0201s.' \
    '    sources: [overview]' '  - p: "Also \\u2060 and \\uFEFF here \0342\0200\0215 raw."' \
    '    sources: [overview]' >"$TMPD/inv/10-inv.yaml"
T=$TMPD/inv/10-inv.yaml
"$EXO" check "$TMPD/inv" >"$TMPD/out" 2>"$TMPD/err"
W="in text; readers cannot see it, so take it out"
expect_eq "invisible characters: check warns at each place, exit 0" "0|exoread: $T:4:21: warning: invisible character U+200B $W
exoread: $T:4:41: warning: invisible character U+00AD $W
exoread: $T:4:49: warning: invisible character U+E0001 $W
exoread: $T:6:37: warning: invisible character U+200D $W
exoread: $T:2:8: warning: invisible character U+200B $W
exoread: $T:6:8: warning: invisible character U+2060 $W
exoread: $T:6:8: warning: invisible character U+FEFF $W" "$?|$(cat "$TMPD/err")"
"$EXO" --content "$TMPD/inv" print --bare inv >"$TMPD/out" 2>&1
expect_eq "invisible characters: print leaves them out" \
    "Exosome title|Read about exosome therapy, softly, tags. [1]" \
    "$(sed -n 1p "$TMPD/out")|$(sed -n 4p "$TMPD/out")"
for a in 'print inv' 'print --format markdown inv' 'print --format json inv' list \
    'list --format tsv' 'search exosome' 'search --format tsv exosome' \
    'search --format json exosome' 'search --format markdown exosome' 'read inv'; do
	"$EXO" --content "$TMPD/inv" $a >"$TMPD/out" 2>&1
	if LC_ALL=C grep -qaP "$INVIS" "$TMPD/out"; then
		fail "$a writes no invisible character raw" "$(od -c "$TMPD/out" | head -5)"
	else
		pass "$a writes no invisible character raw"
	fi
done
"$EXO" --content "$TMPD/inv" print --format json inv >"$TMPD/out"
grep -q '"Ex\\u200bosome title"' "$TMPD/out" && grep -q 'tag\\udb40\\udc01s' "$TMPD/out" &&
	pass "print json keeps them as escapes" || fail "print json keeps them as escapes" "$(head -5 "$TMPD/out")"
"$EXO" --content "$TMPD/inv" search --format tsv exosome >"$TMPD/out" 2>&1
expect_eq "search finds a word with an invisible character in it" \
    "0|inv	Exosome title	Read about exosome therapy, softly, tags." "$?|$(cat "$TMPD/out")"
for q in softly tags; do
	"$EXO" --content "$TMPD/inv" search --format tsv $q >"$TMPD/out" 2>&1
	expect_eq "search finds '$q' split by an invisible character" 0 $?
done
"$EXO" --content "$TOP/content" search --format tsv "$(printf 'ex\342\200\213osome')" >"$TMPD/out" 2>&1
rc=$?
"$EXO" --content "$TOP/content" search --format tsv exosome >"$TMPD/want" 2>&1
expect_eq "a query with an invisible character is the plain word" "0|$(cat "$TMPD/want")" \
    "$rc|$(cat "$TMPD/out")"
"$EXO" --content "$TMPD/inv" print inv >/dev/null 2>"$TMPD/err"
expect_eq "invisible characters: only check warns" "" "$(cat "$TMPD/err")"
printf 'id: many\ntitle: Many\nbody:\n  - p: %s\n    sources: [overview]\n' \
    "$(for i in 1 2 3 4 5 6 7 8 9 10 11 12; do printf 'a\342\200\213'; done)" >"$TMPD/inv/20-many.yaml"
"$EXO" check "$TMPD/inv/20-many.yaml" >/dev/null 2>"$TMPD/err"
expect_eq "invisible characters: at most ten warnings a file" \
    "0|11|exoread: $TMPD/inv/20-many.yaml:4:29: warning: more invisible characters follow; only the first 10 are listed" \
    "$?|$(wc -l <"$TMPD/err" | tr -d ' ')|$(tail -1 "$TMPD/err")"
rm "$TMPD/inv/20-many.yaml"

# 8. Out of memory with many threads. Under an address-space limit (ulimit -v;
# sanitizer builds cannot run under one, so they skip this), 64 threads must
# manage wherever one thread can: threads that would not have room are not
# started. Where even that fails, one "out of memory" line and exit status 3.
mkdir -p "$TMPD/mem"
cp "$SRC" "$TMPD/mem/"
for i in $(seq 100 300); do
	awk -v i=$i 'BEGIN { printf "id: t%d\ntitle: Topic %d\nbody:\n", i, i
	    for (k = 0; k < 40; k++) printf "  - p: Some words, number %d of topic %d.\n    sources: [overview]\n", k, i
	    print "sections:"
	    for (k = 0; k < 30; k++) printf "  - id: s%d\n    title: Part %d\n    body:\n      - p: More words.\n        sources: [overview]\n", k, k }' \
	    >"$TMPD/mem/$i.yaml"
done
EXOREAD_JOBS=1 "$EXO" --content "$TMPD/mem" list --format tsv >"$TMPD/mem.want" 2>&1
limited() { # limited KIB JOBS: list under the limit; status, and stderr in $TMPD/mem.err
	(ulimit -v "$1" && EXOREAD_JOBS=$2 "$EXO" --content "$TMPD/mem" list --format tsv \
	    >"$TMPD/mem.out" 2>"$TMPD/mem.err")
}
if (ulimit -v 4000000 && "$EXO" --version) >/dev/null 2>&1; then
	one=
	for kib in $(seq 30000 5000 400000); do
		if limited $kib 1; then one=$kib; break; fi
	done
	if [ -z "$one" ]; then
		fail "one thread loads under some limit up to 400 MB"
	else
		for add in 0 25000 50000 100000 150000 200000 300000 400000 600000; do
			limited $((one + add)) 64
			rc=$?
			expect_eq "64 threads where one manages, limit + $((add / 1000)) MB" "0|" \
			    "$rc|$(cmp "$TMPD/mem.want" "$TMPD/mem.out" 2>&1)$(cat "$TMPD/mem.err")"
		done
		for kib in $(seq $((one - 20000)) 2000 $one); do
			limited $kib 64
			rc=$?
			[ $rc -eq 0 ] && continue
			[ $rc -eq 127 ] && continue # the libraries themselves did not fit
			expect_eq "out of memory under $kib KiB: one message, status 3" \
			    "3|exoread: out of memory" "$rc|$(cat "$TMPD/mem.err")"
		done
	fi
else
	echo "note: this build cannot run under ulimit -v; the memory limit cases are left out"
fi

# 9. A locale of another character set (ISO 8859-1, made here with
# localedef): output is converted, with '?' or a look-alike for what Latin-1
# lacks, and never holds a byte from 0x80 to 0x9F, which such a terminal takes
# for a C1 control (U+011D is C4 9D in UTF-8: 0x9D is OSC).
LOC=$TMPD/locale
mkdir -p "$LOC"
if localedef -i en_US -f ISO-8859-1 "$LOC/en_US.ISO-8859-1" >/dev/null 2>&1 &&
    [ "$(LOCPATH=$LOC LC_ALL=en_US.ISO-8859-1 locale charmap 2>/dev/null)" = ISO-8859-1 ]; then
	mkdir -p "$TMPD/lat"
	cp "$SRC" "$TMPD/lat/"
	printf '%s\n' 'id: lat' 'title: "Caf\u00e9 \u011d0;PWNED\u011c \u2014 \u4e2d"' 'body:' \
	    '  - p: "Na\u00efve \u011d0;PWNED\u011c text \u2026 \U0001F600."' \
	    '    sources: [overview]' >"$TMPD/lat/10-lat.yaml"
	lat() { LOCPATH=$LOC LC_ALL=en_US.ISO-8859-1 "$EXO" --content "$TMPD/lat" "$@"; }
	for a in 'print lat' 'print --format markdown lat' 'print --format json lat' \
	    'print --format tree lat' list 'list --format tsv' 'search pwned' \
	    'search --format tsv pwned' 'search --format json pwned' 'search --format markdown pwned' \
	    'print pwned-ĝ' 'search ĝ0;PWNEDĜzz'; do
		lat $a >"$TMPD/out" 2>&1
		if LC_ALL=C grep -qaP '[\x80-\x9f]' "$TMPD/out"; then
			fail "Latin-1: '$a' writes no C1 byte" "$(od -c "$TMPD/out" | head -5)"
		else
			pass "Latin-1: '$a' writes no C1 byte"
		fi
	done
	lat print --bare lat | head -1 >"$TMPD/out"
	expect_eq "Latin-1: print converts what it can" "$(printf 'Caf\351 g0;PWNEDG -- ?')" "$(cat "$TMPD/out")"
	lat print --format json lat >"$TMPD/out"
	if LC_ALL=C grep -qaP '[\x80-\xff]' "$TMPD/out"; then
		fail "Latin-1: JSON is ASCII" "$(od -c "$TMPD/out" | head -5)"
	else
		pass "Latin-1: JSON is ASCII"
	fi
	grep -q '"title": "Caf\\u00e9 \\u011d0;PWNED\\u011c \\u2014 \\u4e2d"' "$TMPD/out" &&
		pass "Latin-1: JSON keeps every character as an escape" ||
		fail "Latin-1: JSON keeps every character as an escape" "$(grep title "$TMPD/out")"
	LC_ALL=C "$EXO" --content "$TMPD/lat" print --bare lat | head -1 >"$TMPD/out"
	expect_eq "the C locale still gets UTF-8" "$(printf 'Caf\303\251 \304\2350;PWNED\304\234 \342\200\224 \344\270\255')" \
	    "$(cat "$TMPD/out")"
else
	echo "note: no ISO-8859-1 locale could be made (Debian package locales); its cases are left out"
fi

# 10. Printers write as they go: a list of 300,000 items prints as JSON
# (about 100 MB) within the address space that loading it takes, plus 32 MB.
mkdir -p "$TMPD/big"
cp "$SRC" "$TMPD/big/"
{
	printf 'id: big\ntitle: Big\nbody:\n  - list: ""\n    sources: [overview]\n    items: ['
	awk 'BEGIN { for (i = 1; i < 300000; i++) printf "a,"; print "a]" }'
} >"$TMPD/big/10-big.yaml"
if (ulimit -v 4000000 && "$EXO" --version) >/dev/null 2>&1; then
	load=
	for kib in $(seq 60000 10000 1000000); do
		if (ulimit -v $kib && "$EXO" --content "$TMPD/big" list >/dev/null 2>&1); then
			load=$kib
			break
		fi
	done
	for f in json markdown tree; do
		got=$( (ulimit -v $((load + 32000)) && "$EXO" --content "$TMPD/big" print --format $f big) 2>&1 | cksum)
		all=$("$EXO" --content "$TMPD/big" print --format $f big | cksum)
		expect_eq "print --format $f of 300,000 items in the room loading takes" "$all" "$got"
	done
fi

# 11. The pager on a real terminal (tmux): a prompt with invisible characters
# in it, sizes no screen has, and Ctrl-\ (SIGQUIT).
if command -v tmux >/dev/null 2>&1; then
	SOCK=exoh$$
	T() { tmux -L "$SOCK" -f /dev/null "$@"; }
	T new-session -d -s keep -x 20 -y 5 "sleep 3600"
	trap 'T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT
	# run NAME ENV...: the pager in an 80x24 session, under a shell that
	# restores nothing; it records the exit status and the tty modes before
	# and after in $TMPD/NAME.*.
	run() {
		S=$1
		shift
		cat >"$TMPD/$S.sh" <<-EOS
			export TERM=xterm-256color LC_ALL=C.UTF-8 $*
			trap : INT QUIT
			stty -g >"$TMPD/$S.before"
			"$EXO" --content "$TOP/content" 2>"$TMPD/$S.err"
			rc=\$?
			stty -g >"$TMPD/$S.after"
			echo "EXIT=\$rc" >"$TMPD/$S.exit.tmp" && mv "$TMPD/$S.exit.tmp" "$TMPD/$S.exit"
			exec sleep 3600
		EOS
		T new-session -d -s "$S" -x 80 -y 24 "sh '$TMPD/$S.sh'"
	}
	wait_exit() { # wait_exit: up to 10 s for the exit status
		i=0
		while [ $i -lt 100 ] && [ ! -f "$TMPD/$S.exit" ]; do
			sleep 0.1
			i=$((i + 1))
		done
		cat "$TMPD/$S.exit" 2>/dev/null
	}

	run prompt
	wait_for "Contents" || fail "prompt: the pager starts" "$(T capture-pane -p -t "$S")"
	T send-keys -t "$S" /
	T send-keys -t "$S" -l "$(printf 'ex\342\200\213osome\357\273\277')"
	T send-keys -t "$S" Enter
	if wait_for 'sections for "exosome"'; then
		pass "the prompt drops invisible characters"
	else
		fail "the prompt drops invisible characters" "$(T capture-pane -p -t "$S" | head -3)"
	fi
	T send-keys -t "$S" q q
	expect_eq "prompt: q quits" "EXIT=0" "$(wait_exit)"

	run size COLUMNS=99999 LINES=-3
	if wait_for "Contents"; then pass "COLUMNS=99999: the terminal's own size is used"; else
		fail "COLUMNS=99999: the terminal's own size is used" "$(cat "$TMPD/$S.err")"; fi
	w=$(T capture-pane -p -t "$S" | wc -L | tr -d ' ')
	if [ "$w" -gt 70 ] && [ "$w" -le 80 ]; then pass "COLUMNS=99999: the screen is 80 wide"; else
		fail "COLUMNS=99999: the screen is 80 wide" "widest line: $w"; fi
	T send-keys -t "$S" q
	expect_eq "COLUMNS=99999: q quits, nothing on stderr" "EXIT=0|" "$(wait_exit)|$(cat "$TMPD/$S.err")"

	run quit
	wait_for "Contents" || fail "quit: the pager starts" "$(T capture-pane -p -t "$S")"
	T send-keys -t "$S" 'C-\'
	expect_eq "Ctrl-\\ ends with 131" "EXIT=131" "$(wait_exit)"
	expect_eq "Ctrl-\\ restores the tty modes" "$(cat "$TMPD/$S.before")" "$(cat "$TMPD/$S.after")"
	expect_eq "Ctrl-\\ leaves the alternate screen, keypad and mouse modes" "0 0 0" \
	    "$(T display -p -t "$S" '#{alternate_on} #{keypad_flag} #{mouse_any_flag}')"
	T kill-server 2>/dev/null
fi
