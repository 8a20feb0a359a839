# lib.sh - shared helpers for the shell test suites. Source it, then call
# pass/fail; each suite prints one "PASS: name" or "FAIL: name" line per case.
# EXO is the binary under test (set by run.sh); TOP is the repository root.
: "${TOP:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${EXO:=$TOP/build/exoread}"
: "${TMPD:=$(mktemp -d)}"
export LC_ALL=C.UTF-8 NO_COLOR= TERM=${TERM:-xterm-256color}
unset EXOREAD_CONTENT NO_COLOR EXOREAD_EMERGENCY_NUMBER EXOREAD_CLINIC_PHONE
# No one's own config file: the local numbers come from the suite alone.
export XDG_CONFIG_HOME="$TMPD/config"
# The pager keeps the last place read under XDG_STATE_HOME: never the real one in tests.
export XDG_STATE_HOME="$TMPD/state"

pass() { echo "PASS: $1"; }
# skip WHY: the suite cannot run here (a missing tool or folder); run.sh lists it.
skip() { echo "SKIP: $1"; }
fail() { echo "FAIL: $1"; shift; [ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/    /'; return 0; }

# expect_eq NAME EXPECTED ACTUAL
expect_eq() {
	if [ "$2" = "$3" ]; then pass "$1"; else fail "$1" "expected: $2" "actual:   $3"; fi
}

# golden NAME EXPECTED_FILE ACTUAL_FILE: diff -u; UPDATE_GOLDEN=1 rewrites the expected file.
golden() {
	if [ -n "${UPDATE_GOLDEN:-}" ]; then cp "$3" "$2"; fi
	if [ -f "$2" ] && diff -u "$2" "$3" >"$TMPD/golden.diff" 2>&1; then
		pass "$1"
	else
		fail "$1" "$(head -40 "$TMPD/golden.diff" 2>/dev/null || echo "missing $2")"
	fi
}

# wait_for TEXT: poll the pane of tmux session $S (the suite's T runs tmux) until it shows
# TEXT; false after 10 s.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		T capture-pane -p -t "$S" | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
