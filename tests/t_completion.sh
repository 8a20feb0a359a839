#!/bin/sh
# t_completion.sh - bash completion: source completion/exoread.bash in bash, set
# COMP_WORDS/COMP_CWORD as bash would, call _exoread and compare COMPREPLY.
# Section ids come from the program under test ($EXO) reading a small content folder.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/completion.sh"

COMP=$TOP/completion/exoread.bash
# comp NAME EXPECTED WORD...: complete the last WORD (the cursor word) of the
# line "WORD...", where the first WORD is the program; compare the sorted,
# space-joined COMPREPLY with EXPECTED.
comp() {
	name=$1 want=$2
	shift 2
	got=$(cd "$TMPD/dirs" && bash -c '
		. "$1" || exit 3
		shift
		COMP_WORDS=("$@")
		COMP_CWORD=$(($# - 1))
		COMP_LINE="$*"
		COMP_POINT=${#COMP_LINE}
		_exoread || exit 4
		printf "%s\n" "${COMPREPLY[@]}" | LC_ALL=C sort | paste -sd " " -
	' comp "$COMP" "$@" 2>"$TMPD/comp.err")
	comp_result "$name" "$want" "$got"
}

if bash -n "$COMP" 2>"$TMPD/syntax.err"; then pass "syntax"; else fail "syntax" "$(cat "$TMPD/syntax.err")"; fi
expect_eq "registered" "complete -F _exoread exoread" "$(bash -c '. "$1"; complete -p exoread' _ "$COMP")"

common_cases
# bash splits "--opt=value" at the '=' (it is in COMP_WORDBREAKS).
comp "color after = split" "never" "$EXO" --color = n
comp "color after = empty" "always auto never" "$EXO" --color =
comp "list format after = split" "tsv" "$EXO" list --format = ts
comp "check completes folders" "alpha beta" "$EXO" check ""
comp "content completes folders" "alpha" "$EXO" --content al
