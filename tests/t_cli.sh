#!/bin/sh
# t_cli.sh - the command-line contract: help, version, options, ids, exit status.
. "$(dirname "$0")/lib.sh"
C="$TOP/tests/cli"

run() { "$EXO" "$@" >"$TMPD/out" 2>"$TMPD/err"; echo $? >"$TMPD/rc"; }
rc() { cat "$TMPD/rc"; }
out() { cat "$TMPD/out"; }
err() { cat "$TMPD/err"; }

run --version
expect_eq "--version" "0:exoread $(sed -n 's/^VERSION *:= *//p' "$TOP/Makefile")" "$(rc):$(out | head -1)"
run --help
expect_eq "--help exits 0" 0 "$(rc)"
cp "$TMPD/out" "$TMPD/help"
for cmd in read print search list check; do
	grep -q "^  $cmd" "$TMPD/help" && pass "--help lists $cmd" || fail "--help lists $cmd" "$(cat "$TMPD/help")"
	run "$cmd" --help
	expect_eq "$cmd --help" "0:usage: exoread $cmd" "$(rc):$(head -1 "$TMPD/out" | cut -d' ' -f1-3)"
done
run help print
expect_eq "help print" "0:usage: exoread print" "$(rc):$(head -1 "$TMPD/out" | cut -d' ' -f1-3)"

run frobnicate
expect_eq "unknown command" "2:exoread: unknown command 'frobnicate'" "$(rc):$(head -1 "$TMPD/err")"
run lst
expect_eq "command typo suggests" "2:exoread: unknown command 'lst'; did you mean 'list'?" "$(rc):$(err)"
run --bogus list
expect_eq "unknown option" "2:exoread: unknown option '--bogus'" "$(rc):$(head -1 "$TMPD/err")"
run --width 5 list
expect_eq "bad width" "2:exoread: --width takes a number from 10 to 1000, not '5'" "$(rc):$(head -1 "$TMPD/err")"
run --width
expect_eq "width without value" "2" "$(rc)"
run --color sometimes list
expect_eq "bad color" "2:exoread: --color takes auto, always or never, not 'sometimes'" "$(rc):$(head -1 "$TMPD/err")"
run --content "$C" list --limit 3
expect_eq "--limit only for search" "2:exoread: --limit applies to 'search' only" "$(rc):$(head -1 "$TMPD/err")"
run --content "$C" search x --limit -1
expect_eq "--limit range" "2" "$(rc)"

run --content "$C" list --format tsv
expect_eq "list tsv" "0:side-effects	Side effects
side-effects/allergic	Allergic reactions
side-effects/infection	Infection risk
side-effects/injection-site	Where the needle goes in" "$(rc):$(out)"
run --content "$C" list
expect_eq "list text is an indented tree" "0:Side effects  [side-effects]
  Allergic reactions  [side-effects/allergic]
  Infection risk  [side-effects/infection]
  Where the needle goes in  [side-effects/injection-site]" "$(rc):$(out)"
run --content "$C" list --format json
expect_eq "list bad format" "2:exoread: list --format takes text or tsv, not 'json'" "$(rc):$(head -1 "$TMPD/err")"
# With stdout not a terminal, no command lists the contents.
run --content "$C"
expect_eq "no command on a pipe lists" "0:Side effects  [side-effects]" "$(rc):$(head -1 "$TMPD/out")"
EXOREAD_CONTENT="$C" "$EXO" list --format tsv >"$TMPD/out" 2>&1
expect_eq "EXOREAD_CONTENT" "side-effects	Side effects" "$(head -1 "$TMPD/out")"
EXOREAD_CONTENT=/nonexistent "$EXO" --content "$C" list --format tsv >"$TMPD/out" 2>&1
expect_eq "--content beats EXOREAD_CONTENT" "side-effects	Side effects" "$(head -1 "$TMPD/out")"
run --content /nonexistent list
expect_eq "missing content folder" "2:exoread: /nonexistent: error: cannot open content folder: No such file or directory" "$(rc):$(err)"

# Section references: exact, last part, prefix, title words, ambiguous, unknown.
for ref in side-effects/allergic allergic allerg "allergic reactions"; do
	run --content "$C" print --format tree "$ref"
	expect_eq "print resolves '$ref'" "0" "$(rc)"
	grep -q "side-effects/allergic" "$TMPD/out" && pass "print '$ref' prints the section" ||
		fail "print '$ref' prints the section" "$(out)"
done
run --content "$C" print in
expect_eq "ambiguous id exits 2" 2 "$(rc)"
expect_eq "ambiguous id lists candidates" "exoread: 'in' matches 2 sections; say which:
  side-effects/infection	Infection risk
  side-effects/injection-site	Where the needle goes in" "$(err)"
run --content "$C" print alergic
expect_eq "unknown id suggests" "2:exoread: no section 'alergic'; did you mean 'side-effects/allergic'?" "$(rc):$(err)"
run --content "$C" print zzz
expect_eq "unknown id without suggestion" "2:exoread: no section 'zzz'; 'exoread list' shows the ids, and 'exoread search zzz' searches the text" "$(rc):$(err)"
run --content "$C" print
expect_eq "print needs an id" "2" "$(rc)"
run --content "$C" print allergic --format pdf
expect_eq "print bad format" "2:exoread: print --format takes text, markdown or json, not 'pdf'" "$(rc):$(head -1 "$TMPD/err")"
run --content "$C" search
expect_eq "search needs words" "2:exoread: search needs words to look for" "$(rc):$(head -1 "$TMPD/err")"

# Every option also takes "--opt=value"; --colour is --color.
run --content="$C" --width=30 --colour=never list --format=tsv
expect_eq "--opt=value forms" "0:side-effects	Side effects" "$(rc):$(head -1 "$TMPD/out")"
run --content "$C" --colour always print --width 40 allergic
case $(out) in *"$(printf '\033[')"*) pass "--colour always styles a pipe" ;; *) fail "--colour always styles a pipe" "$(out)" ;; esac
run --colour=sometimes list
expect_eq "bad --colour=value" "2:exoread: --color takes auto, always or never, not 'sometimes'" "$(rc):$(head -1 "$TMPD/err")"
run --width=
expect_eq "empty --width=" "2:exoread: --width takes a number from 10 to 1000, not ''" "$(rc):$(head -1 "$TMPD/err")"
# A first word that is no command but that the content knows: say how to read about it.
run --content "$C" allergic
expect_eq "unknown command the content knows" "2:exoread: unknown command 'allergic'; to read about it: exoread read allergic" "$(rc):$(err)"
run --content "$C" needle goes
expect_eq "unknown command, several words" "2:exoread: unknown command 'needle'; to read about it: exoread read needle goes" "$(rc):$(err)"
