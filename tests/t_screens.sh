#!/bin/sh
# t_screens.sh - the pager on a real terminal: tmux runs $EXO at 100x30, 60x20 and 40x12 over the
# fixed content in tests/screens/content, sends keys, and compares each `capture-pane` screen
# (plus the cursor position) with tests/screens/NAME.txt. UPDATE_GOLDEN=1 rewrites them.
#
# No fixed sleeps: every step polls the pane (up to 10 s) until it shows what is expected.
. "$TOP/tests/lib.sh"

SCR=$TOP/tests/screens
CONTENT=$SCR/content
SOCK=exo$$
T() { tmux -L "$SOCK" -f /dev/null "$@"; }

if ! command -v tmux >/dev/null 2>&1; then
	fail "tmux is installed" "screen tests need tmux (Debian package tmux)"
	exit 0
fi
# One idle session keeps the server up between cases, so no case races a server shutting down.
T new-session -d -s keep -x 20 -y 5 "sleep 3600" || { fail "tmux starts"; exit 0; }
trap 'T kill-server 2>/dev/null; rm -rf "$TMPD"' EXIT

S= # the current case's session

# start NAME W H ARGS...: run the pager in a fresh session of W x H; its exit status goes to
# $TMPD/NAME.exit and its standard error to $TMPD/NAME.err.
start() {
	S=$1
	w=$2 h=$3
	shift 3
	args=
	for a in "$@"; do args="$args '$a'"; done
	cat >"$TMPD/$S.sh" <<-EOF
		export TERM=xterm-256color LC_ALL=C.UTF-8
		unset NO_COLOR EXOREAD_CONTENT
		trap : INT
		"$EXO" $args 2>"$TMPD/$S.err"
		rc=\$?
		echo "EXIT=\$rc" >"$TMPD/$S.exit.tmp" && mv "$TMPD/$S.exit.tmp" "$TMPD/$S.exit"
		echo "EXIT=\$rc"
		exec sleep 3600
	EOF
	T new-session -d -s "$S" -x "$w" -y "$h" "sh '$TMPD/$S.sh'"
}

stop() { T kill-session -t "$S" 2>/dev/null; }

keys() { T send-keys -t "$S" "$@"; }

cap() {
	T capture-pane -p -t "$S"
	T display -p -t "$S" 'cursor=#{cursor_x},#{cursor_y}'
}

# wait_for TEXT: poll until the pane shows TEXT; false after 10 s.
wait_for() {
	i=0
	while [ $i -lt 100 ]; do
		T capture-pane -p -t "$S" | grep -qF -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# settle: wait until two captures in a row agree (only used to write new expected screens).
settle() {
	prev= i=0
	while [ $i -lt 50 ]; do
		sleep 0.3
		cur=$(cap)
		[ "$cur" = "$prev" ] && return 0
		prev=$cur
		i=$((i + 1))
	done
}

# snap NAME CASE: wait until the screen equals tests/screens/NAME.txt, then compare.
snap() {
	exp=$SCR/$1.txt act=$TMPD/$1.txt
	if [ -n "${UPDATE_GOLDEN:-}" ]; then
		settle
		cap >"$act"
	else
		i=0
		while :; do
			cap >"$act"
			cmp -s "$exp" "$act" && break
			i=$((i + 1))
			[ $i -ge 100 ] && break
			sleep 0.1
		done
	fi
	golden "$2" "$exp" "$act"
}

# wait_exit CASE STATUS: the pager ended with STATUS, printed nothing on stderr, and left the
# terminal as it found it: normal screen, cursor shown, the shell's line at the top.
wait_exit() {
	i=0
	while [ ! -f "$TMPD/$S.exit" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	got=$(cat "$TMPD/$S.exit" 2>/dev/null || echo "still running")
	if [ "$got" = "EXIT=$2" ] && [ ! -s "$TMPD/$S.err" ]; then
		pass "$1"
	else
		fail "$1" "expected EXIT=$2, got $got" "$(head -20 "$TMPD/$S.err" 2>/dev/null)"
	fi
	wait_for "EXIT=" || true
	state=$(T display -p -t "$S" 'alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag}')
	first=$(T capture-pane -p -t "$S" | head -1)
	expect_eq "$1: terminal restored" "alt=0 cursor=1 mouse=0 EXIT=$2" "$state $first"
	stop
}

# ---- 100x30: two panes ----
start wide 100 30 --content "$CONTENT"
wait_for "Contents" || fail "100x30 starts" "$(cap)"
snap 100-open "100x30: contents with the safety notice, reader beside"
keys j l j
snap 100-expand "100x30: move down, expand, the reader previews"
keys Enter Tab
snap 100-link "100x30: Enter focuses the reader, Tab selects a link"
keys Enter
snap 100-follow "100x30: Enter follows the link"
keys B
snap 100-back "100x30: B goes back with the link still selected"
line=$(T capture-pane -p -e -t "$S" | grep -F 'Sources')
case $line in
*36m*Sources*) pass "100x30: colours on a colour terminal" ;;
*) fail "100x30: colours on a colour terminal" "$line" ;;
esac
keys '?'
snap 100-help "100x30: help draws over the screen"
keys Escape
snap 100-back "100x30: Esc closes help"
keys q
wait_exit "100x30: q quits with 0" 0

# ---- 60x20: one pane ----
start narrow 60 20 --content "$CONTENT" --color never
wait_for "Contents" || fail "60x20 starts" "$(cap)"
snap 60-open "60x20: contents alone"
keys j Right
snap 60-expand "60x20: expand with Right"
keys / r e d n e s s
snap 60-prompt "60x20: the search prompt"
keys Enter
snap 60-results "60x20: ranked results for a search"
keys Enter
snap 60-hit "60x20: a hit opens at its block"
keys n
snap 60-next "60x20: n moves to the next match"
line=$(T capture-pane -p -e -t "$S" | grep -F 'nurse about any')
case $line in
*7mredness*) pass "60x20: matches shown in reverse video" ;;
*) fail "60x20: matches shown in reverse video" "$line" ;;
esac
keys '!'
snap 60-urgent "60x20: when to get help, most urgent first"
keys Enter
snap 60-urgent-open "60x20: a sign opens its section"
keys h h
snap 60-back-twice "60x20: Left/h twice goes back to the hit"
keys t
snap 60-toc-again "60x20: t shows the contents at the open section"
keys q
wait_exit "60x20: q quits with 0" 0

# ---- 40x12: small ----
start small 40 12 --content "$CONTENT"
wait_for "Contents" || fail "40x12 starts" "$(cap)"
snap 40-open "40x12: contents scroll to the cursor"
keys Enter
snap 40-reader "40x12: reader"
keys Space
snap 40-page "40x12: Space pages down"
keys '?'
snap 40-help "40x12: help fits the small screen"
keys Space
snap 40-help-2 "40x12: help scrolls"
keys q
snap 40-page "40x12: q closes help first"
T resize-window -t "$S" -x 15 -y 4
snap 15-tiny "15x4: terminal too small note"
T resize-window -t "$S" -x 1 -y 1
snap 1-tiny "1x1: no crash"
T resize-window -t "$S" -x 40 -y 12
snap 40-page "40x12: back from tiny at the same place"
keys q
wait_exit "40x12: q quits with 0" 0

# ---- resize while reading keeps the reading position ----
start resize 60 20 --content "$CONTENT" read effects/allergic
wait_for "Allergic reactions" || fail "resize starts" "$(cap)"
keys j j j j
snap 60-allergic "60x20: read ID opens the reader, scrolled"
T resize-window -t "$S" -x 40 -y 12
snap 40-allergic "60x20 -> 40x12: the same text stays on top"
T resize-window -t "$S" -x 100 -y 30
snap 100-allergic "40x12 -> 100x30: two panes, same place"
keys q
wait_exit "resize: q quits with 0" 0

# ---- read WORDS opens the results ----
start words 60 20 --content "$CONTENT" read warm skin
wait_for "for \"warm skin\"" || fail "read WORDS starts" "$(cap)"
snap 60-words "60x20: read WORDS opens the results"
keys / Escape
snap 60-words "60x20: Esc cancels the prompt"
keys / x C-u q u x x BSpace Enter
wait_for "Nothing found" || fail "60x20: prompt editing" "$(cap)"
snap 60-edited "60x20: Ctrl-U and Backspace edit the query"
keys q
wait_exit "read WORDS: q quits with 0" 0

# ---- the mouse: a click opens, the wheel scrolls (SGR mouse reports, as xterm sends them) ----
start mouse 60 20 --content "$CONTENT"
wait_for "Contents" || fail "mouse starts" "$(cap)"
keys -l "$(printf '\033[<0;8;12M\033[<0;8;12m')"
snap 60-click "60x20: a click on a contents row opens it"
keys -l "$(printf '\033[<65;8;5M')"
snap 60-wheel "60x20: the wheel scrolls the text"
keys q
wait_exit "mouse: q quits with 0" 0

# ---- wide and combining characters are measured right ----
start cjk 40 12 --content "$CONTENT" read basics/words
wait_for "Words" || fail "wide characters start" "$(cap)"
snap 40-wide "40x12: wide and combining characters wrap and clip by display width"
T resize-window -t "$S" -x 27 -y 12
snap 27-wide "27x12: relaid out at a width that splits the wide word"
keys q
wait_exit "wide characters: q quits with 0" 0

# ---- Ctrl-Z suspends to the shell and fg resumes (needs a shell with job control) ----
if command -v bash >/dev/null 2>&1; then
	S=suspend
	T new-session -d -s "$S" -x 60 -y 20 \
	    "env TERM=xterm-256color LC_ALL=C.UTF-8 PS1='$ ' bash --norc --noprofile -i"
	keys "'$EXO' --content '$CONTENT' 2>'$TMPD/suspend.err'" Enter
	wait_for "Contents" || fail "suspend starts" "$(cap)"
	keys C-z
	if wait_for "Stopped"; then pass "Ctrl-Z suspends to the shell"; else fail "Ctrl-Z suspends to the shell" "$(cap)"; fi
	keys fg Enter
	# A key sent before the pager has taken the terminal back may be lost.
	wait_for "Contents" || fail "fg redraws the pager" "$(cap)"
	keys j
	if wait_for "Contents: Side effects"; then pass "fg resumes and keys work"; else fail "fg resumes and keys work" "$(cap)"; fi
	keys q
	keys 'echo "rc=$?"' Enter
	if wait_for "rc=0"; then pass "after resuming, q quits with 0"; else fail "after resuming, q quits with 0" "$(cap)"; fi
	stop
fi

# ---- signals restore the terminal ----
start sigterm 60 20 --content "$CONTENT"
wait_for "Contents" || fail "sigterm starts" "$(cap)"
pid=$(T display -p -t "$S" '#{pane_pid}')
pkid=$(ps -o pid= --ppid "$pid" | head -1 | tr -d ' ')
[ -n "$pkid" ] && kill -TERM "$pkid"
wait_exit "SIGTERM ends with 143" 143

start sigint 60 20 --content "$CONTENT"
wait_for "Contents" || fail "sigint starts" "$(cap)"
keys C-c
wait_exit "Ctrl-C ends with 130" 130

start sighup 60 20 --content "$CONTENT"
wait_for "Contents" || fail "sighup starts" "$(cap)"
pid=$(T display -p -t "$S" '#{pane_pid}')
pkid=$(ps -o pid= --ppid "$pid" | head -1 | tr -d ' ')
[ -n "$pkid" ] && kill -HUP "$pkid"
wait_exit "SIGHUP ends with 129" 129

# ---- the bundled content opens too ----
if ls "$TOP"/content/*.yaml >/dev/null 2>&1; then
	start bundled 100 30 --content "$TOP/content"
	if wait_for "Contents"; then
		pass "bundled content: the pager opens"
	else
		fail "bundled content: the pager opens" "$(cap)" "$(head -5 "$TMPD/$S.err")"
	fi
	keys / s w e l l i n g Enter
	if wait_for "for \"swelling\""; then pass "bundled content: search"; else fail "bundled content: search" "$(cap)"; fi
	keys q
	wait_exit "bundled content: q quits with 0" 0
else
	echo "note: no bundled content in $TOP/content; its smoke run is left out"
fi
