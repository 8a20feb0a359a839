#!/bin/sh
# no-asan (the bash completion suite runs the program under both builds)
# t_completion_zsh.sh - zsh completion: autoload completion/exoread.zsh as the
# function _exoread in zsh, set words/CURRENT as zsh would, call it with
# compadd and _files recording what they are given, and compare the candidates
# that match the cursor word (as zsh's own matching would) with the bash cases
# (tests/completion.sh). compinit must register it for exoread.
. "$(dirname "$0")/lib.sh"
. "$TOP/tests/completion.sh"

if ! command -v zsh >/dev/null 2>&1; then
	skip "no zsh (Debian: zsh)"
	exit 0
fi
FDIR=$TMPD/zfunc
mkdir -p "$FDIR"
cp "$TOP/completion/exoread.zsh" "$FDIR/_exoread"

# The stubs: compadd records its words and compset -P '*=' moves "--opt=" out of
# the word, as in a completion widget; _files -/ offers folders.
comp() {
	name=$1 want=$2
	shift 2
	got=$(cd "$TMPD/dirs" && zsh -f -c '
		fpath=("$1" $fpath)
		shift
		autoload -Uz _exoread
		typeset -ga got
		IPREFIX=""
		compadd() {
			while [[ $1 == -* && $1 != -- ]]; do shift; done
			[[ $1 == -- ]] && shift
			got+=("$@")
		}
		compset() { [[ $1 == -P && $PREFIX == *=* ]] && IPREFIX=${PREFIX%%=*}= PREFIX=${PREFIX#*=}; }
		_files() { got+=(*(N/)); }
		words=("$@")
		CURRENT=$#
		PREFIX=${words[CURRENT]}
		_exoread || exit 4
		for w in $got; do [[ $IPREFIX$w == $IPREFIX$PREFIX* ]] && print -r -- "$IPREFIX$w"; done |
			LC_ALL=C sort | paste -sd " " -
	' comp "$FDIR" "$@" 2>"$TMPD/comp.err")
	comp_result "$name" "$want" "$got"
}

if zsh -n "$FDIR/_exoread" 2>"$TMPD/syntax.err"; then pass "syntax"; else fail "syntax" "$(cat "$TMPD/syntax.err")"; fi
got=$(cd "$TMPD" && HOME=$TMPD zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -D
	print -r -- ${_comps[exoread]}' _ "$FDIR" 2>&1)
expect_eq "compinit registers _exoread for exoread" "_exoread" "$got"

common_cases
comp "check completes folders" "alpha beta" "$EXO" check ""
comp "content completes folders" "alpha" "$EXO" --content al
comp "content= completes folders" "--content=alpha" "$EXO" --content=al
