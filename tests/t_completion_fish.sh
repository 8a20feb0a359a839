#!/bin/sh
# no-asan (the bash completion suite runs the program under both builds)
# t_completion_fish.sh - fish completion: source completion/exoread.fish in fish
# and ask fish itself what it would offer (`complete -C LINE`), against the bash
# cases (tests/completion.sh). Folders are offered with a trailing slash.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/completion.sh"

if ! command -v fish >/dev/null 2>&1; then
	skip "no fish (Debian: fish)"
	exit 0
fi
COMP=$TOP/completion/exoread.fish
export XDG_CONFIG_HOME="$TMPD/config" XDG_DATA_HOME="$TMPD/data" HOME="$TMPD"

# comp NAME EXPECTED WORD...: the line is the WORDs, shell-quoted for fish.
comp() {
	name=$1 want=$2
	shift 2
	line=
	for w in "$@"; do line="$line '$(printf '%s' "$w" | sed "s/'/\\\\'/g")'"; done
	# The cursor word may be empty: the line then ends in a space.
	case $line in *" ''") line="${line% \'\'} " ;; esac
	got=$(cd "$TMPD/dirs" && fish --no-config -c 'source $argv[1]; or exit 3
		complete -C $argv[2]' "$COMP" "${line# }" 2>"$TMPD/comp.err" |
		cut -f1 | LC_ALL=C sort | paste -sd " " -)
	comp_result "$name" "$want" "$got"
}

if fish --no-config -n "$COMP" 2>"$TMPD/syntax.err"; then pass "syntax"; else fail "syntax" "$(cat "$TMPD/syntax.err")"; fi
got=$(fish --no-config -c 'source $argv[1]; complete -c exoread | count' "$COMP" 2>&1)
[ "$got" -gt 10 ] 2>/dev/null && pass "registered for exoread ($got rules)" || fail "registered for exoread" "$got"

common_cases
comp "check completes folders" "alpha/ beta/" "$EXO" check ""
comp "content completes folders" "alpha/" "$EXO" --content al
comp "content= completes folders" "--content=alpha/" "$EXO" --content=al
