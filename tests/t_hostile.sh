#!/bin/sh
# t_hostile.sh - hostile content, names and queries never reach the terminal raw,
# and every limit on content is enforced with a clear, located message.
#
# Control characters (C0 but tab and newline, DEL, C1, ESC sequences) and the
# Unicode bidirectional controls are either refused by `check` at their exact
# line:col, or shown in a harmless form. Every byte exoread writes is checked.
. "$TOP/tests/lib.sh"

# Bytes that must never leave exoread: C0 but tab and newline, DEL, C1 as UTF-8,
# the bidi embeddings, overrides, isolates and marks (U+202A..E, U+2066..9,
# U+200E/F, U+061C). Invalid UTF-8 (such as a lone 0x9b, the 8-bit CSI) is
# caught by iconv.
UNSAFE='[\x00-\x08\x0b-\x1f\x7f]|\xc2[\x80-\x9f]|\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c'

# safe NAME FILE...: pass when the files hold only terminal-safe UTF-8.
safe() {
	name=$1
	shift
	if grep -Eq 'Sanitizer|runtime error:' "$@"; then
		fail "$name: no sanitizer report" "$(grep -E -A3 'Sanitizer|runtime error:' "$@" | head)"
	elif LC_ALL=C grep -naP "$UNSAFE" "$@" >"$TMPD/unsafe"; then
		fail "$name: no raw control bytes" "$(od -c "$TMPD/unsafe" | head -6)"
	elif ! cat "$@" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then
		fail "$name: output is valid UTF-8" "$(od -c "$@" | head -6)"
	else
		pass "$name: no raw control bytes"
	fi
}

DIAG_RE='^exoread: .*:[0-9]+:[0-9]+: (error|warning): '

# lines NAME FILE: pass when every line of FILE is one located diagnostic.
lines() {
	if grep -Evq "$DIAG_RE" "$2"; then
		fail "$1: one diagnostic per line" "$(od -c "$2" | head -8)"
	else
		pass "$1: one diagnostic per line"
	fi
}

SRC=$TMPD/sources.yaml
cat >"$SRC" <<'EOF'
sources:
  - id: overview
    title: Exosome Therapy Side Effects
    file: 000_overview.txt
EOF

# A topic whose paragraph (line 4) holds the given text, raw or escaped.
topic() { # topic FILE PRINTF-TEXT
	printf 'id: t\ntitle: Test\nbody:\n  - p: '"$2"'\n    sources: [overview]\n' >"$1"
}

# refused NAME FILE EXPECTED-LINE: check exits 2, prints exactly that line.
refused() {
	"$EXO" check "$SRC" "$2" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	expect_eq "$1: refused" "2|$3" "$rc|$(cat "$TMPD/err")"
}

# 1. Raw bytes in content: refused where they stand (line 4, column 14).
T=$TMPD/raw.yaml
for c in 'ESC \033 U+001B' 'BEL \007 U+0007' 'NUL \000 U+0000' 'BS \010 U+0008' \
    'VT \013 U+000B' 'DEL \177 U+007F' 'CSI-C1 \302\233 U+009B' 'NEL \302\205 U+0085' \
    'RLO \342\200\256 U+202E' 'LRE \342\200\252 U+202A' 'RLI \342\201\247 U+2067' \
    'PDI \342\201\251 U+2069' 'RLM \342\200\217 U+200F' 'ALM \330\234 U+061C'; do
	set -- $c
	topic "$T" "Start $2[2J end"
	refused "raw $1 in text" "$T" "exoread: $T:4:14: error: control character $3 in text"
done
topic "$T" 'Start \233[2J end'
refused "raw 8-bit CSI byte" "$T" "exoread: $T:4:14: error: invalid UTF-8 byte 0x9b"
topic "$T" 'Start \300\200 end'
refused "overlong UTF-8 NUL" "$T" \
    "exoread: $T:4:14: error: invalid UTF-8 byte 0xc0
exoread: $T:4:15: error: invalid UTF-8 byte 0x80"
topic "$T" 'Start \355\240\200 end'
refused "UTF-8 surrogate" "$T" "exoread: $T:4:14: error: invalid UTF-8 byte 0xed
exoread: $T:4:15: error: invalid UTF-8 byte 0xa0
exoread: $T:4:16: error: invalid UTF-8 byte 0x80"

# 2. The same through YAML escapes in a double-quoted scalar: refused at the
# scalar (line 4, column 8).
for c in 'esc \\e U+001B' 'x1b \\x1b U+001B' 'csi \\x9b U+009B' 'nul \\0 U+0000' \
    'bel \\a U+0007' 'del \\x7f U+007F' 'nel \\N U+0085' 'rlo \\u202E U+202E' \
    'lri \\u2066 U+2066' 'lrm \\u200e U+200E' 'alm \\u061c U+061C'; do
	set -- $c
	topic "$T" "\"Start $2[2J end\""
	refused "escaped $1 in text" "$T" "exoread: $T:4:8: error: control character $3 in text"
done

# A carriage return may pass the loader ("\r" is a YAML escape); then every
# printer must show it harmlessly.
mkdir -p "$TMPD/cr"
cp "$SRC" "$TMPD/cr/"
printf 'id: cr\ntitle: "Title \\r over"\nalso_called: ["a\\rb"]\nbody:\n  - p: "Start \\r end \\t tab"\n    sources: [overview]\n  - list: "Intro \\r"\n    sources: [overview]\n    items: ["one \\r", "two"]\n' >"$TMPD/cr/10-cr.yaml"
if "$EXO" check "$TMPD/cr" 2>"$TMPD/err"; then
	for f in text markdown json; do
		"$EXO" --content "$TMPD/cr" print --format $f cr >"$TMPD/out" 2>&1
		expect_eq "print --format $f of text with CR exits 0" 0 $?
		safe "print --format $f of text with CR" "$TMPD/out"
	done
	"$EXO" --content "$TMPD/cr" list >"$TMPD/out" 2>&1
	safe "list of a title with CR" "$TMPD/out"
else
	safe "check of text with CR" "$TMPD/err"
fi

# 3. Strings the loader echoes in its messages: keys, ids, urgency values,
# source and section references. Refused, and the messages themselves safe.
printf '"\\e[2J\\u202eEvil": 1\nid: t\ntitle: T\n' >"$TMPD/key.yaml"
"$EXO" check "$SRC" "$TMPD/key.yaml" >/dev/null 2>"$TMPD/err"
expect_eq "escaped ESC and RLO in a key: exit" 2 $?
safe "escaped ESC and RLO in a key: message" "$TMPD/err"
printf '"line one\\nexoread: fake.yaml:1:1: note: all clear": 1\nid: t\ntitle: T\n' \
    >"$TMPD/key.yaml"
"$EXO" check "$SRC" "$TMPD/key.yaml" >/dev/null 2>"$TMPD/err"
expect_eq "newline in a key: exit" 2 $?
lines "newline in a key" "$TMPD/err"
printf 'id: "\\e]0;PWNED\\a"\ntitle: T\nsee_also: ["\\e[2J"]\nbody:\n  - list: ""\n    items:\n      - text: A\n        urgency: "\\e[5m"\n        sources: ["\\u202e"]\n' \
    >"$TMPD/vals.yaml"
"$EXO" check "$SRC" "$TMPD/vals.yaml" >/dev/null 2>"$TMPD/err"
expect_eq "escapes in id, see_also, urgency and sources: exit" 2 $?
safe "escapes in id, see_also, urgency and sources: messages" "$TMPD/err"
lines "escapes in id, see_also, urgency and sources" "$TMPD/err"

# 4. Hostile file and folder names reach messages too.
mkdir -p "$TMPD/names"
cp "$SRC" "$TMPD/names/"
printf 'id: [\n' >"$TMPD/names/$(printf 'x\033[31m\342\200\256.yaml')"
"$EXO" check "$TMPD/names" >/dev/null 2>"$TMPD/err"
expect_eq "hostile file name: exit" 2 $?
safe "hostile file name: message" "$TMPD/err"
"$EXO" --content "$(printf '%s/nowhere\033]0;PWNED\007' "$TMPD")" list >"$TMPD/out" 2>&1
expect_eq "hostile --content folder: exit" 2 $?
safe "hostile --content folder: message" "$TMPD/out"

# 5. Hostile command lines and queries, against clean content.
mkdir -p "$TMPD/c"
cp "$SRC" "$TMPD/c/"
cat >"$TMPD/c/10-effects.yaml" <<'EOF'
id: side-effects
title: Side effects
also_called: [reactions, redness]
body:
  - p: Most side effects are mild, such as redness where the shot went in.
    sources: [overview]
sections:
  - id: allergic
    title: Allergic reactions
    body:
      - p: An allergic reaction is rare. Trouble breathing needs help at once.
        sources: [overview]
EOF
n=0
for arg in '\033[2J' '\033]0;PWNED\007' '\342\200\256snoitcaer' 'side\302\233effects' \
    'side\233effects' '\033[31mallergic' 'redness \342\201\246x' '\177\001\002' \
    '"zzqx redness"' '"unclosed \033[2J'; do
	n=$((n + 1))
	q=$(printf "$arg")
	for cmd in search print read; do
		"$EXO" --content "$TMPD/c" $cmd "$q" >"$TMPD/out" 2>&1
		rc=$?
		[ $rc -le 2 ] && pass "hostile query $n to $cmd: exit $rc" ||
			fail "hostile query $n to $cmd: exit $rc (crash?)" "$(head -5 "$TMPD/out")"
		safe "hostile query $n to $cmd" "$TMPD/out"
	done
	for f in text tsv json; do
		"$EXO" --content "$TMPD/c" search --format $f "$q" side >"$TMPD/out" 2>&1
		safe "hostile query $n to search --format $f" "$TMPD/out"
	done
done
for args in "$(printf '\033[2J')" "--format=$(printf '\033[2J')" \
    "--color=$(printf '\342\200\256')" "--width=$(printf '\033[2J')"; do
	n=$((n + 1))
	"$EXO" --content "$TMPD/c" $args list >"$TMPD/out" 2>&1
	expect_eq "hostile option $n: exit" 2 $?
	safe "hostile option $n" "$TMPD/out"
done
"$EXO" --content "$TMPD/c" search --limit "$(printf '\033[2J')" side >"$TMPD/out" 2>&1
expect_eq "hostile --limit: exit" 2 $?
safe "hostile --limit" "$TMPD/out"

# 6. Limits. Each is refused with its own message, at its place when it has one.
# File size: 4 MiB is the most a file may hold.
L=$TMPD/limit.yaml
awk 'BEGIN { printf "id: big\ntitle: Big\n"; s = sprintf("%1021s", "");
	for (i = 0; i < 4100; i++) print "#" s; }' | head -c 4194304 >"$L"
"$EXO" check "$SRC" "$L" >/dev/null 2>"$TMPD/err"
expect_eq "a file of exactly 4 MiB is read" "0|" "$?|$(cat "$TMPD/err")"
printf '#\n' >>"$L"
"$EXO" check "$SRC" "$L" >/dev/null 2>"$TMPD/err"
expect_eq "a file over 4 MiB is refused" "2|exoread: $L: error: file is larger than 4 MiB" \
    "$?|$(cat "$TMPD/err")"

# Nesting: 64 levels of YAML are fine, 65 are not. The mapping of the file is
# the first level, so 62 or 63 brackets follow "body: [" (63 or 64 in all).
nest() { # nest FILE BRACKETS
	awk -v n="$2" 'BEGIN { printf "id: deep\ntitle: Deep\nbody: ";
		for (i = 0; i < n; i++) printf "["; for (i = 0; i < n; i++) printf "]"; print "" }' >"$1"
}
nest "$L" 63
"$EXO" check "$SRC" "$L" >/dev/null 2>"$TMPD/err"
grep -q 'nesting' "$TMPD/err" && fail "64 levels of nesting are fine" "$(cat "$TMPD/err")" ||
	pass "64 levels of nesting are fine"
nest "$L" 64
"$EXO" check "$SRC" "$L" >/dev/null 2>"$TMPD/err"
expect_eq "65 levels of nesting are refused" \
    "2|exoread: $L:3:70: error: nesting deeper than 64 levels" "$?|$(cat "$TMPD/err")"

# Node count: a flat list of a million and one scalars (2 MB) is too many.
awk 'BEGIN { printf "id: many\ntitle: Many\nalso_called: [";
	for (i = 0; i < 100001; i++) printf "a,a,a,a,a,a,a,a,a,a,"; print "a]" }' >"$L"
"$EXO" check "$SRC" "$L" >/dev/null 2>"$TMPD/err"
rc=$?
grep -q '^exoread: '"$L"':3:[0-9]*: error: more than 1000000 YAML nodes in one file$' \
    "$TMPD/err" && [ $rc -eq 2 ] && [ "$(wc -l <"$TMPD/err")" -eq 1 ] &&
	pass "a million YAML nodes are refused" ||
	fail "a million YAML nodes are refused" "exit $rc" "$(head -3 "$TMPD/err")"

# One text: 64 KiB. Words of at most 256 bytes, so the text is made of words.
text() { # text FILE BYTES WORDLEN: a paragraph of BYTES bytes in words of WORDLEN
	awk -v n="$2" -v w="$3" 'BEGIN { printf "id: t\ntitle: T\nbody:\n  - p: ";
		for (i = 0; i < n; i++) printf (i % (w + 1) == w ? " " : "a");
		print "b\n    sources: [overview]" }' >"$1"
}
text "$L" 65535 99
"$EXO" check "$SRC" "$L" >/dev/null 2>"$TMPD/err"
expect_eq "a text of 64 KiB is read" "0|" "$?|$(cat "$TMPD/err")"
text "$L" 65536 99
"$EXO" check "$SRC" "$L" >/dev/null 2>"$TMPD/err"
expect_eq "a text over 64 KiB is refused" \
    "2|exoread: $L:4:8: error: text longer than 65536 bytes" "$?|$(cat "$TMPD/err")"
text "$L" 255 1000
"$EXO" check "$SRC" "$L" >/dev/null 2>"$TMPD/err"
expect_eq "a word of 256 bytes is read" "0|" "$?|$(cat "$TMPD/err")"
text "$L" 256 1000
"$EXO" check "$SRC" "$L" >/dev/null 2>"$TMPD/err"
expect_eq "a word over 256 bytes is refused" \
    "2|exoread: $L:4:8: error: a word longer than 256 bytes in text" "$?|$(cat "$TMPD/err")"

# Billion laughs: refused at the first anchor, before anything is expanded.
cat >"$L" <<'EOF'
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
EOF
"$EXO" check "$SRC" "$L" >/dev/null 2>"$TMPD/err"
expect_eq "billion laughs refused at the first anchor" \
    "2|exoread: $L:1:4: error: YAML anchors (&a) are not allowed" "$?|$(cat "$TMPD/err")"

# Files in a folder: at most 10000 .yaml files.
mkdir -p "$TMPD/many"
(cd "$TMPD/many" && seq -f 'f%05g.yaml' 1 10001 | xargs touch)
"$EXO" check "$TMPD/many" >/dev/null 2>"$TMPD/err"
expect_eq "more than 10000 files are refused" \
    "2|exoread: $TMPD/many: error: more than 10000 .yaml files in the content folder" \
    "$?|$(cat "$TMPD/err")"

# Work that grows with the square of a hostile file's size would hang `check` as
# surely as a loop. These inputs are well under the size limit; a linear loader
# handles each in well under a second, so timeout(1) here only guards a hang.
guard() { # guard NAME ARGS...: check runs to completion, refusing the content
	name=$1
	shift
	timeout 30 "$EXO" check "$@" >/dev/null 2>"$TMPD/err"
	rc=$?
	if [ $rc -eq 124 ]; then
		fail "$name: completes (killed after 30 s)"
	else
		expect_eq "$name: refused" 2 $rc
	fi
}
mkdir -p "$TMPD/quad"
# 40000 sections, and 40000 see_also entries naming none of them: each unknown
# name must not be compared with every section id.
awk 'BEGIN { print "id: a\ntitle: T\nsections:";
	for (i = 0; i < 40000; i++) printf "  - id: s%d\n    title: T\n", i }' >"$TMPD/quad/a.yaml"
awk 'BEGIN { print "id: b\ntitle: T\nsee_also:";
	for (i = 0; i < 40000; i++) print "  - q/zz" i }' >"$TMPD/quad/b.yaml"
guard "40000 unknown see_also against 40000 sections" "$SRC" "$TMPD/quad/a.yaml" "$TMPD/quad/b.yaml"
# 60000 sources, and a paragraph citing 60000 that do not exist: neither the
# duplicate check, nor each lookup, nor each did-you-mean may scan every source.
awk 'BEGIN { print "sources:"; for (i = 0; i < 60000; i++) printf "  - {id: s%d, title: T, file: f}\n", i;
	print "  - {id: s1, title: T, file: f}" }' >"$TMPD/quad/sources.yaml"
awk 'BEGIN { printf "id: a\ntitle: T\nbody:\n  - p: x\n    sources: [s1";
	for (i = 0; i < 60000; i++) printf ", t%d", i; print "]" }' >"$TMPD/quad/c.yaml"
guard "60000 unknown sources against 60000 sources" "$TMPD/quad/sources.yaml" "$TMPD/quad/c.yaml"
# A flood of errors from one small file: the list is cut short, not 300000 lines long.
awk 'BEGIN { print "id: a\ntitle: T"; for (i = 0; i < 300000; i++) print "id: a" }' >"$TMPD/quad/d.yaml"
"$EXO" check "$SRC" "$TMPD/quad/d.yaml" >/dev/null 2>"$TMPD/err"
rc=$?
lines=$(wc -l <"$TMPD/err")
[ $rc -eq 2 ] && [ "$lines" -le 1000 ] && pass "300000 errors in one file: a short list ($lines lines)" ||
	fail "300000 errors in one file: a short list" "exit $rc, $lines lines"

# 7. The pager: hostile queries on the command line and typed at the search
# prompt. Every byte the pager writes to the terminal is captured (tmux
# pipe-pane); escape sequences are the pager's own business, but the hostile
# ones must not appear, nor bidi controls or C1 characters.
if ! command -v tmux >/dev/null 2>&1; then
	fail "pager: tmux is installed" "the pager checks need tmux (Debian package tmux)"
	exit 0
fi
SOCK=exoh$$
X() { tmux -L "$SOCK" -f /dev/null "$@"; }
trap 'X kill-server 2>/dev/null' EXIT
X new-session -d -s keep -x 20 -y 5 "sleep 3600" || { fail "pager: tmux starts"; exit 0; }
# wait_for (lib.sh) watches session $S through T.
T() { X "$@"; }
S=pg
# wait_exit: poll until the pager has exited.
wait_exit() {
	i=0
	while [ $i -lt 100 ]; do
		[ -f "$TMPD/pg.exit" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
n=0
for arg in '\033]0;PWNED\007redness' '\342\200\256redness' 'redness\302\233[2J'; do
	n=$((n + 1))
	rm -f "$TMPD/pg.exit" "$TMPD/pg.raw"
	printf "$arg" >"$TMPD/pg.q"
	cat >"$TMPD/pg.sh" <<-EOF
		export TERM=xterm-256color LC_ALL=C.UTF-8
		"$EXO" --content "$TMPD/c" read "\$(cat "$TMPD/pg.q")" 2>"$TMPD/pg.err"
		echo \$? >"$TMPD/pg.exit"
		exec sleep 3600
	EOF
	X new-session -d -s pg -x 100 -y 30 "sleep 0.2; sh '$TMPD/pg.sh'"
	X pipe-pane -o -t pg "cat >'$TMPD/pg.raw'"
	if ! wait_for "Side effects"; then
		fail "pager, hostile query $n: the pager starts" "$(X capture-pane -p -t pg | head -5)"
		X kill-session -t pg
		continue
	fi
	# Typed at the prompt: a bidi override, a C1 CSI and an OSC title sequence.
	X send-keys -t pg / && X send-keys -t pg -l "$(printf '\342\200\256x\302\233y')" &&
		X send-keys -t pg Enter
	X send-keys -t pg / && X send-keys -t pg -l "$(printf ']0;PWNED\007')" && X send-keys -t pg Enter
	X send-keys -t pg q
	if wait_exit; then
		expect_eq "pager, hostile query $n: exit" 0 "$(cat "$TMPD/pg.exit")"
	else
		fail "pager, hostile query $n: q quits"
	fi
	X kill-session -t pg
	if LC_ALL=C grep -aqP '\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xc2[\x80-\x9f]|\x1b\]0;PWNED' \
	    "$TMPD/pg.raw"; then
		fail "pager, hostile query $n: no hostile bytes reach the terminal" \
		    "$(LC_ALL=C grep -aoP '.{0,12}(\xe2\x80[\xaa-\xae]|\xc2[\x80-\x9f]|\x1b\]0;PWNED).{0,12}' \
		    "$TMPD/pg.raw" | head -3 | od -c | head -6)"
	elif [ ! -s "$TMPD/pg.raw" ]; then
		fail "pager, hostile query $n: output captured"
	else
		pass "pager, hostile query $n: no hostile bytes reach the terminal"
	fi
	safe "pager, hostile query $n: stderr" "$TMPD/pg.err"
done
