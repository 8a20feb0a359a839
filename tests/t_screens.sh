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
		export TERM=${CASE_TERM:-xterm-256color} LC_ALL=${CASE_LC:-C.UTF-8}
		unset NO_COLOR EXOREAD_CONTENT
		export XDG_STATE_HOME="$TMPD/state-${CASE_STATE:-$S}"
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

# ---- the first screen: the notice in brief, every top-level topic whole, the key footer ----
# first_screen CONTENT W H TITLES...: the first screen shows "not medical advice", every title
# given (the content's top-level titles) without an ellipsis, and, from 60 columns on, a footer
# with ?, !, / and q.
first_screen() {
	fc=$1 w=$2 h=$3
	shift 3
	start "first$w" "$w" "$h" --content "$fc"
	wait_for "Contents" || fail "${w}x$h first screen starts" "$(cap)"
	scr=$(T capture-pane -p -t "$S")
	missing=
	for t in "not medical advice" "Press ! for when to get help." "$@"; do
		printf '%s\n' "$scr" | grep -qF -- "$t" || missing="$missing [$t]"
	done
	expect_eq "${w}x$h: first screen shows the notice and every top-level title" "" "$missing"
	expect_eq "${w}x$h: no title is cut" "" "$(printf '%s\n' "$scr" | grep -F '…')"
	if [ "$w" -ge 60 ]; then
		foot=$(printf '%s\n' "$scr" | tail -1)
		bad=
		for k in '? help' '! when to get help' '/ search' 'q quit'; do
			case $foot in *"$k"*) ;; *) bad="$bad [$k]" ;; esac
		done
		expect_eq "${w}x$h: the footer holds ? ! / q" "" "$bad"
	fi
	keys q
	wait_exit "${w}x$h first screen: q quits" 0
}
for size in "80 24" "60 20" "40 12"; do
	# shellcheck disable=SC2086
	first_screen "$CONTENT" $size "Read this first" "The basics" "Side effects" \
		"When to get help" "Questions"
done
if ls "$TOP"/content/*.yaml >/dev/null 2>&1; then
	tops=$("$EXO" --content "$TOP/content" list --format tsv | grep -v '^[^	]*/' | cut -f2)
	IFS='
'
	# shellcheck disable=SC2086
	set -- $tops
	unset IFS
	first_screen "$TOP/content" 80 24 "$@"
	first_screen "$TOP/content" 60 20 "$@"
fi

# ---- one rule on every screen: Esc goes back (and closes help), q quits ----
# status_is TEXT: poll until the status line (the last line but one) starts with " TEXT".
status_is() {
	i=0
	while [ $i -lt 100 ]; do
		T capture-pane -p -t "$S" | tail -2 | head -1 | grep -q "^ $1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
# esc_back NAME KEYS... EXPECT: from the contents, KEYS open a screen whose status line starts
# with EXPECT; Esc then brings the contents back.
esc_back() {
	name=$1 expect=$2
	shift 2
	keys "$@"
	if status_is "$expect" && keys Escape && status_is "Contents:"; then
		pass "60x20: Esc goes back from $name"
	else
		fail "60x20: Esc goes back from $name" "$(cap)"
	fi
}
start esc 60 20 --content "$CONTENT"
wait_for "Contents" || fail "Esc case starts" "$(cap)"
esc_back "the reader" "The basics  *basics" Enter
esc_back "when to get help" "When to get help" '!'
esc_back "the results" "Search: nurse" / n u r s e Enter
esc_back "the sources" "Sources" S
esc_back "help" "Help: keys" '?'
keys Enter '!'
status_is "When to get help" || fail "60x20: ! from the reader" "$(cap)"
keys BSpace
if status_is "The basics  *basics"; then pass "60x20: Backspace goes back to the reader"; else fail "60x20: Backspace goes back to the reader" "$(cap)"; fi
keys '?' q
if status_is "The basics  *basics"; then pass "60x20: q closes help"; else fail "60x20: q closes help" "$(cap)"; fi
keys q
wait_exit "Esc case: q quits with 0" 0

# ---- find in page: / highlights in place, n moves, the match stays lit and in view on resize ----
start find 60 20 --content "$CONTENT" --color never read effects/skin
wait_for "At the shot site" || fail "find case starts" "$(cap)"
keys / r e d n e s s Enter
wait_for "Match 1 of 3" || fail "60x20: / counts the matches in the page" "$(cap)"
snap 60-find "60x20: / finds in the page without leaving it"
line=$(T capture-pane -p -e -t "$S" | grep -F 'mild swelling')
case $line in
*7m*Redness*) pass "60x20: the match is highlighted" ;;
*) fail "60x20: the match is highlighted" "$line" ;;
esac
keys n
wait_for "Match 2 of 3" || fail "60x20: n goes to the next match" "$(cap)"
T resize-window -t "$S" -x 40 -y 12
snap 40-find "60x20 -> 40x12: the match stays highlighted and in view"
line=$(T capture-pane -p -e -t "$S" | grep -F 'that spreads')
case $line in
*7m*Redness*) pass "40x12: after a resize the match is highlighted and on screen" ;;
*) fail "40x12: after a resize the match is highlighted and on screen" "$(T capture-pane -p -e -t "$S")" ;;
esac
keys q
wait_exit "find: q quits with 0" 0

# ---- Space at the end of a section goes on to the next one, as in info ----
start space 60 20 --content "$CONTENT" read effects/tired
wait_for "Feeling tired" || fail "Space case starts" "$(cap)"
keys Space
if status_is "When to get help  *help"; then pass "60x20: Space at the end goes to the next section"; else fail "60x20: Space at the end goes to the next section" "$(cap)"; fi
keys q
wait_exit "Space: q quits with 0" 0

# ---- the line about the sources is a link wherever the width puts the word "Sources" ----
start srclink 60 20 --content "$CONTENT" read effects/allergic
wait_for "Allergic reactions" && keys G && wait_for "Sources (key S)" ||
	fail "sources link case starts" "$(cap)"
# Tab from link to link (each step waits for the screen to change) until Sources is chosen.
n=0
while [ $n -lt 15 ]; do
	before=$(T capture-pane -p -e -t "$S")
	keys Tab
	n=$((n + 1))
	i=0
	while [ $i -lt 30 ] && [ "$(T capture-pane -p -e -t "$S")" = "$before" ]; do
		sleep 0.1
		i=$((i + 1))
	done
	T capture-pane -p -e -t "$S" | grep -F '(key S)' | grep -q '7m[^ ]*Sources' && break
done
keys Enter
if status_is "Sources"; then
	pass "60x20: Tab reaches Sources on the sentence's second line, Enter shows the sources"
else
	fail "60x20: Tab reaches Sources on the sentence's second line, Enter shows the sources" "$(cap)"
fi
keys q
wait_exit "sources link: q quits with 0" 0

# ---- a terminal that cannot move the cursor: the text comes line by line, commands too ----
for term in dumb plain; do
	if [ $term = dumb ]; then
		CASE_TERM=dumb start dumb 80 24 --content "$CONTENT"
	else
		start plainopt 80 24 --content "$CONTENT" --plain
	fi
	if wait_for "not medical advice" && wait_for " 5. Questions" && wait_for "q quits."; then
		pass "$term: the notice and the numbered contents are printed"
	else
		fail "$term: the notice and the numbered contents are printed" "$(cap)"
	fi
	keys 2 Enter
	if wait_for "Words from other languages" && wait_for "[basics]"; then
		pass "$term: a number reads that section"
	else
		fail "$term: a number reads that section" "$(cap)"
	fi
	keys "s nurse" Enter
	if wait_for 'for "nurse"'; then pass "$term: s WORDS searches"; else fail "$term: s WORDS searches" "$(cap)"; fi
	# Nothing answers: as in the pager, the words not found and numbered closest topics.
	keys "s how do i pick a good clinic" Enter
	if wait_for 'Nothing here answers "how do i pick a good clinic".' && wait_for "Not found: pick, good" &&
		wait_for " 1. Cost and time [basics/cost]"; then
		pass "$term: no answer names the words not found and the closest topics"
	else
		fail "$term: no answer names the words not found and the closest topics" "$(cap)"
	fi
	keys 1 Enter
	if wait_for "[basics/cost]" && T capture-pane -p -t "$S" | tail -3 | grep -qF "[basics/cost]"; then
		pass "$term: a closest topic's number reads it"
	else
		fail "$term: a closest topic's number reads it" "$(cap)"
	fi
	keys "s woozy after the drip" Enter
	if wait_for "Something new since the treatment? Type ! for when to get"; then
		pass "$term: no answer about a time since the treatment points to the signs"
	else
		fail "$term: no answer about a time since the treatment points to the signs" "$(cap)"
	fi
	keys '!' Enter
	wait_for "1. Read more: Allergic reactions" || fail "$term: ! numbers the signs" "$(cap)"
	keys 1 Enter
	if wait_for "[effects/allergic]"; then pass "$term: ! then a number reads about a sign"; else fail "$term: ! then a number reads about a sign" "$(cap)"; fi
	if T capture-pane -p -e -t "$S" | grep -q "$(printf '\033')"; then
		fail "$term: no escape sequences in the output" "$(T capture-pane -p -e -t "$S")"
	else
		pass "$term: no escape sequences in the output"
	fi
	keys q Enter
	# The text stays on the terminal, so only the status and the mouse state are checked.
	if wait_for "EXIT=0" && [ "$(cat "$TMPD/$S.exit")" = EXIT=0 ] && [ ! -s "$TMPD/$S.err" ] &&
		[ "$(T display -p -t "$S" '#{alternate_on}#{mouse_any_flag}')" = 00 ]; then
		pass "$term: q quits with 0"
	else
		fail "$term: q quits with 0" "$(cat "$TMPD/$S.exit" "$TMPD/$S.err" 2>&1)"
	fi
	stop
done

# ---- Home/End/PgUp/PgDn as other terminals send them, whatever TERM says ----
start seqkeys 40 12 --content "$CONTENT" read basics
wait_for "The basics" || fail "key sequences case starts" "$(cap)"
for kv in '[4~:End' '[1~:Top' '[F:End' '[H:Top' '[6~:%' '[5~:Top' 'OF:End' 'OH:Top'; do
	seq=${kv%%:*} want=${kv#*:}
	keys -l "$(printf '\033%s' "$seq")"
	if status_is ".*$want"; then pass "40x12: ESC $seq moves ($want)"; else fail "40x12: ESC $seq moves ($want)" "$(cap)"; fi
done
keys q
wait_exit "key sequences: q quits with 0" 0

# ---- a locale without UTF-8: bullets, arrows and fold marks in ASCII, never "?" ----
CASE_LC=C start asciilc 60 20 --content "$CONTENT" read effects/skin
wait_for "At the shot site" || fail "C locale case starts" "$(cap)"
scr=$(T capture-pane -p -t "$S")
case $scr in
*"* Redness and mild swelling"*"-> Allergic reactions"*) pass "C locale: * bullets and -> arrows" ;;
*) fail "C locale: * bullets and -> arrows" "$scr" ;;
esac
keys t
wait_for "Contents:" || fail "C locale: contents" "$(cap)"
if T capture-pane -p -t "$S" | grep -q '^ - Side effects'; then pass "C locale: fold marks in ASCII"; else fail "C locale: fold marks in ASCII" "$(cap)"; fi
T resize-window -t "$S" -x 100 -y 30
keys '?'
wait_for "Keys" || fail "C locale: help at 100x30" "$(cap)"
scr=$(T capture-pane -p -t "$S")
if printf '%s\n' "$scr" | grep -q '^ Contents  *| ' && printf '%s\n' "$scr" | grep -q -- '+- Keys --'; then
	pass "C locale: pane and box lines in ASCII"
else
	fail "C locale: pane and box lines in ASCII" "$scr"
fi
keys Escape
# The safety view too: no byte outside ASCII anywhere on it.
keys '!'
wait_for "What to do:" || fail "C locale: when to get help" "$(cap)"
if T capture-pane -p -t "$S" | LC_ALL=C grep -q '[^ -~]'; then
	fail "C locale: when to get help in ASCII" "$(T capture-pane -p -t "$S" | LC_ALL=C grep '[^ -~]')"
else
	pass "C locale: when to get help in ASCII"
fi
keys Escape
T resize-window -t "$S" -x 60 -y 20
wait_for "Contents:" || fail "C locale: back at 60x20" "$(cap)"
keys q
wait_exit "C locale: q quits with 0" 0

# ---- the last place read comes back: the contents first, the cursor on it, Enter goes on ----
CASE_STATE=resume start resume1 40 12 --content "$CONTENT" read effects/allergic
wait_for "Allergic reactions" || fail "resume case starts" "$(cap)"
keys j j j
status_is ".*[0-9]%" || fail "resume: scrolled" "$(cap)"
where=$(T capture-pane -p -t "$S" | head -3)
keys q
wait_exit "resume: q quits with 0" 0
expect_eq "resume: the place is kept in XDG_STATE_HOME" "effects/allergic	3" \
	"$(cat "$TMPD/state-resume/exoread/last" 2>&1)"
CASE_STATE=resume start resume2 40 12 --content "$CONTENT"
if wait_for "Last time: Allergic" && status_is "Contents: Side effects > Al"; then
	pass "resume: the first screen names the last place, the cursor on it"
else
	fail "resume: the first screen names the last place, the cursor on it" "$(cap)"
fi
wait_for "not medical advice" || fail "resume: the first screen still shows the notice" "$(cap)"
keys Enter
wait_for "effects/allergic" || fail "resume: Enter opens the section" "$(cap)"
expect_eq "resume: Enter opens it where reading stopped" "$where" "$(T capture-pane -p -t "$S" | head -3)"
keys q
wait_exit "resume again: q quits with 0" 0

# ---- w saves the open section as plain text, as print writes it ----
start save 60 20 --content "$CONTENT" read effects/skin
wait_for "At the shot site" || fail "save case starts" "$(cap)"
keys w
wait_for "Save to file: exoread-effects-skin.txt" || fail "60x20: w offers a file name" "$(cap)"
keys C-u
keys -l "$TMPD/saved.txt"
keys Enter
wait_for "Saved" || fail "60x20: w says where it saved" "$(cap)"
"$EXO" --content "$CONTENT" print --width 78 effects/skin >"$TMPD/printed.txt"
if cmp -s "$TMPD/printed.txt" "$TMPD/saved.txt"; then pass "60x20: w saves what print prints"; else fail "60x20: w saves what print prints" "$(diff -u "$TMPD/printed.txt" "$TMPD/saved.txt" 2>&1 | head -20)"; fi
keys q
wait_exit "save: q quits with 0" 0

# ---- the mouse: clicks and the wheel only; the wheel over the contents opens nothing ----
start wheel2 100 30 --content "$CONTENT"
wait_for "Contents" || fail "wheel case starts" "$(cap)"
expect_eq "100x30: mouse reports without motion" "1 0" \
	"$(T display -p -t "$S" '#{mouse_any_flag} #{mouse_all_flag}')"
keys -l "$(printf '\033[<65;8;8M\033[<65;8;8M')"
sleep 0.3
if status_is "Contents: The basics" && T capture-pane -p -t "$S" | head -1 | grep -q '│ The basics'; then
	pass "100x30: the wheel over the contents opens nothing"
else
	fail "100x30: the wheel over the contents opens nothing" "$(cap)"
fi
keys q
wait_exit "wheel: q quits with 0" 0
start nomouse 60 20 --content "$CONTENT" --no-mouse
wait_for "Contents" || fail "--no-mouse case starts" "$(cap)"
expect_eq "--no-mouse: the terminal keeps the mouse" "0" "$(T display -p -t "$S" '#{mouse_any_flag}')"
keys q
wait_exit "--no-mouse: q quits with 0" 0

# ---- every key in the tables does what its row says: the keys come from the tables ----
# (build/tests/test_keymap tmux prints "context request how" for every key tmux can type;
# the help screen, exoread(1) and the README list the same tables.)
KEYDUMP=$TOP/build/tests/test_keymap
if [ ! -x "$KEYDUMP" ]; then
	fail "key tables dump" "$KEYDUMP is not built"
else
	"$KEYDUMP" tmux >"$TMPD/keys.tsv"
	send() { if [ "$1" = key ]; then keys "$2"; else keys -l "$2"; fi; }
	line_re() { # line_re WHICH RE: poll until the status (WHICH=s) or bottom (b) line matches
		i=0
		while [ $i -lt 60 ]; do
			if [ "$1" = s ]; then l=$(T capture-pane -p -t "$S" | tail -2 | head -1); else l=$(T capture-pane -p -t "$S" | tail -1); fi
			printf '%s\n' "$l" | grep -Eq -- "$2" && return 0
			sleep 0.1
			i=$((i + 1))
		done
		return 1
	}
	screen_has() { # screen_has TEXT: poll for TEXT anywhere on the screen
		wait_for "$1"
	}
	screen_lacks() {
		i=0
		while [ $i -lt 60 ]; do
			T capture-pane -p -t "$S" | grep -qF -- "$1" || return 0
			sleep 0.1
			i=$((i + 1))
		done
		return 1
	}
	HOME_ST='^ The basics +basics +'
	# reader: each key of the reader and "Everywhere" tables, on a section longer than the screen
	start keysrd 40 12 --content "$CONTENT" read basics
	wait_for "The basics" || fail "keys: reader case starts" "$(cap)"
	grep -E '^(global|reader) ' "$TMPD/keys.tsv" | while read -r ctx req kind key; do
		name="reader: $kind $key ($ctx $req)"
		ok=false
		case $req in
		top) send lit G && line_re s 'End$' && send "$kind" "$key" && line_re s 'Top$' && ok=true ;;
		end) send lit g && line_re s 'Top$' && send "$kind" "$key" && line_re s 'End$' && ok=true ;;
		line-down | page-down | half-down)
			send lit g && line_re s 'Top$' && send "$kind" "$key" && line_re s '([0-9]%|End)$' && ok=true ;;
		line-up | page-up | half-up)
			send lit G && line_re s 'End$' && send "$kind" "$key" && line_re s '([0-9]%|Top)$' && ok=true ;;
		help) send "$kind" "$key" && line_re s '^ Help: keys' && keys Escape && line_re s "$HOME_ST" && ok=true ;;
		back) send lit '!' && line_re s '^ When to get help' && send "$kind" "$key" && line_re s "$HOME_ST" && ok=true ;;
		forward) send lit '!' && line_re s '^ When to get help' && keys Escape && line_re s "$HOME_ST" &&
			send "$kind" "$key" && line_re s '^ When to get help' && keys Escape && line_re s "$HOME_ST" && ok=true ;;
		contents) send "$kind" "$key" && line_re s '^ Contents:' && keys Escape && line_re s "$HOME_ST" && ok=true ;;
		urgent) send "$kind" "$key" && line_re s '^ When to get help' && keys Escape && line_re s "$HOME_ST" && ok=true ;;
		sources) send "$kind" "$key" && line_re s '^ Sources' && keys Escape && line_re s "$HOME_ST" && ok=true ;;
		search-all) send "$kind" "$key" && line_re b '^Search all:' && keys Escape && line_re b '^\?' && ok=true ;;
		find) send "$kind" "$key" && line_re b '^/' && keys Escape && line_re b '^\?' && ok=true ;;
		save) send "$kind" "$key" && line_re b '^Save to file: ' && keys Escape && line_re b '^\?' && ok=true ;;
		next-section) send "$kind" "$key" && line_re s 'basics/words' && keys Escape && line_re s "$HOME_ST" && ok=true ;;
		prev-section) send "$kind" "$key" && line_re s 'notice' && keys Escape && line_re s "$HOME_ST" && ok=true ;;
		next-match | prev-match) send "$kind" "$key" && line_re b '^Nothing to find yet' && ok=true ;;
		next-link | enter)
			send lit g && line_re s 'Top$' && { [ "$req" = enter ] && keys Tab || send "$kind" "$key"; } &&
				{ [ "$req" = enter ] && send "$kind" "$key" || keys Enter; } &&
				line_re s '^ Sources' && keys Escape && line_re s "$HOME_ST" && ok=true ;;
		prev-link) send lit g && line_re s 'Top$' && send "$kind" "$key" && keys Enter &&
			line_re s '^ Sources' && keys Escape && line_re s "$HOME_ST" && ok=true ;;
		redraw) send "$kind" "$key" && line_re s "$HOME_ST" && ok=true ;;
		quit) continue ;; # below, one session per key
		*) fail "$name: no check for this request" ; continue ;;
		esac
		if $ok; then pass "$name"; else fail "$name" "$(cap)"; fi
	done
	keys q
	wait_exit "keys: reader case quits" 0
	grep -E '^global quit ' "$TMPD/keys.tsv" | while read -r ctx req kind key; do
		start "keysq$key" 40 12 --content "$CONTENT"
		wait_for "Contents" || fail "keys: quit case starts" "$(cap)"
		send "$kind" "$key"
		wait_exit "contents: $kind $key ($ctx $req)" 0
	done

	# contents
	start keystoc 40 12 --content "$CONTENT"
	wait_for "Contents" || fail "keys: contents case starts" "$(cap)"
	grep -E '^contents ' "$TMPD/keys.tsv" | while read -r ctx req kind key; do
		name="contents: $kind $key ($ctx $req)"
		ok=false
		case $req in
		open) send "$kind" "$key" && line_re s "$HOME_ST" && keys Escape && line_re s '^ Contents:' && ok=true ;;
		expand) send "$kind" "$key" && screen_has "Cost and time" && keys -l - && screen_lacks "Cost and time" && ok=true ;;
		collapse) keys -l + && screen_has "Cost and time" && send "$kind" "$key" && screen_lacks "Cost and time" && ok=true ;;
		expand-all) send "$kind" "$key" && screen_has "Cost and time" && keys -l - && screen_lacks "Cost and time" && ok=true ;;
		search-all) send "$kind" "$key" && line_re b '^Search all:' && keys Escape && line_re b '^\?' && ok=true ;;
		switch-pane) send "$kind" "$key" && line_re s "$HOME_ST" && keys -l t && line_re s '^ Contents:' && ok=true ;;
		*) fail "$name: no check for this request" ; continue ;;
		esac
		if $ok; then pass "$name"; else fail "$name" "$(cap)"; fi
	done
	keys q
	wait_exit "keys: contents case quits" 0

	# lists (the results of a search) and the prompt; a section opened from the
	# list has any status line but the list's "Search: ..."
	NOT_SEARCH='^ ([^S]|S[^e]|Se[^a]|Sea[^r]|Sear[^c]|Searc[^h]|Search[^:])'
	start keyslist 40 12 --content "$CONTENT" read nurse
	wait_for 'for "nurse"' || fail "keys: list case starts" "$(cap)"
	grep -E '^(list|prompt) ' "$TMPD/keys.tsv" | while read -r ctx req kind key; do
		name="$ctx: $kind $key ($ctx $req)"
		ok=false
		case $req in
		open) send "$kind" "$key" && line_re s "$NOT_SEARCH" && keys Escape && line_re s '^ Search: nurse' && ok=true ;;
		search-all) send "$kind" "$key" && line_re b '^Search all:' && keys Escape && line_re b '^\?' && ok=true ;;
		back) keys Enter && line_re s "$NOT_SEARCH" && keys -l s && keys -l nurse && keys Enter &&
			line_re s '^ Search: nurse' && send "$kind" "$key" && line_re s "$NOT_SEARCH" &&
			keys Escape && line_re s '^ Search: nurse' && ok=true ;;
		forward) keys Enter && line_re s "$NOT_SEARCH" && keys Escape && line_re s '^ Search: nurse' &&
			send "$kind" "$key" && line_re s "$NOT_SEARCH" && keys Escape && line_re s '^ Search: nurse' && ok=true ;;
		switch-pane) send "$kind" "$key" && line_re s '^ Contents:' && keys Tab && line_re s '^ Search: nurse' && ok=true ;;
		prompt-done) keys -l s && line_re b '^Search all:' && keys -l x && send "$kind" "$key" && line_re s '^ Search: x' &&
			keys Escape && line_re s '^ Search: nurse' && ok=true ;;
		prompt-erase) keys -l s && keys -l ab && line_re b 'Search all: ab$' && send "$kind" "$key" &&
			line_re b 'Search all: a$' && keys Escape && ok=true ;;
		prompt-kill) keys -l s && keys -l ab && line_re b 'Search all: ab$' && send "$kind" "$key" &&
			line_re b 'Search all:$' && keys Escape && ok=true ;;
		prompt-word) keys -l s && keys -l 'ab cd' && line_re b 'Search all: ab cd$' && send "$kind" "$key" &&
			line_re b 'Search all: ab$' && keys Escape && ok=true ;;
		prompt-cancel) keys -l s && line_re b '^Search all:' && send "$kind" "$key" && line_re b '^\?' && ok=true ;;
		*) fail "$name: no check for this request" ; continue ;;
		esac
		if $ok; then pass "$name"; else fail "$name" "$(cap)"; fi
	done
	keys q
	wait_exit "keys: list case quits" 0

	# help
	start keyshelp 40 12 --content "$CONTENT"
	wait_for "Contents" || fail "keys: help case starts" "$(cap)"
	grep -E '^help ' "$TMPD/keys.tsv" | while read -r ctx req kind key; do
		name="help: $kind $key ($ctx $req)"
		ok=false
		keys -l '?'
		line_re s '^ Help: keys' || { fail "$name: help opens" "$(cap)"; continue; }
		case $req in
		close) send "$kind" "$key" && line_re s '^ Contents:' && ok=true ;;
		top) keys -l G && screen_has "100%" && send "$kind" "$key" && screen_has "In the contents" && ok=true ;;
		end) send "$kind" "$key" && screen_has "100%" && ok=true ;;
		line-down | page-down) send "$kind" "$key" && screen_lacks "In the contents" && ok=true ;;
		line-up | page-up) keys -l G && screen_has "100%" && send "$kind" "$key" && screen_lacks "100%" && ok=true ;;
		*) fail "$name: no check for this request" ; continue ;;
		esac
		keys Escape
		line_re s '^ Contents:' || true
		if $ok; then pass "$name"; else fail "$name" "$(cap)"; fi
	done
	keys q
	wait_exit "keys: help case quits" 0
fi

# ---- 100x30: two panes ----
start wide 100 30 --content "$CONTENT"
wait_for "Contents" || fail "100x30 starts" "$(cap)"
snap 100-open "100x30: contents with the safety notice, reader beside"
keys j l j
snap 100-expand "100x30: move down, expand, the reader previews"
keys Enter Tab
wait_for "Sources (key S)" || fail "100x30: the reader opens" "$(cap)"
keys Enter
if status_is "Sources" && wait_for "[1] Alpha article"; then
	pass "100x30: Tab chooses the first reference, Enter shows its source"
else
	fail "100x30: Tab chooses the first reference, Enter shows its source" "$(cap)"
fi
keys Escape
status_is "Side effects > At the shot site" || fail "100x30: Esc back from the sources" "$(cap)"
keys Tab Tab
snap 100-link "100x30: Enter focuses the reader, Tab goes on past the references to a link"
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
keys j Enter
snap 60-hit "60x20: Down chooses the next hit, which opens at its block"
keys n
snap 60-next "60x20: n moves to the next match"
line=$(T capture-pane -p -e -t "$S" | grep -F 'of the skin')
case $line in
*7m[Rr]edness*) pass "60x20: matches shown in reverse video" ;;
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
keys / "how do i pick a good clinic" Enter
wait_for "Nothing here answers" || fail "60x20: no answer" "$(cap)"
snap 60-noanswer "60x20: no answer names the word not found and the closest topics"
keys / "woozy after the drip" Enter
if wait_for "Something new since the treatment? Press ! for when to get"; then
	pass "60x20: no answer about a time since the treatment points to the signs"
else
	fail "60x20: no answer about a time since the treatment points to the signs" "$(cap)"
fi
keys / "alergic hxzzq" Enter
wait_for "Showing results" || fail "60x20: corrected" "$(cap)"
snap 60-corrected "60x20: results say what was searched and what was not found"
keys q
wait_exit "read WORDS: q quits with 0" 0

# ---- the mouse: a click opens, the wheel scrolls (SGR mouse reports, as xterm sends them) ----
start mouse 60 20 --content "$CONTENT"
wait_for "Contents" || fail "mouse starts" "$(cap)"
keys -l "$(printf '\033[<0;8;7M\033[<0;8;7m')"
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
	# Keys typed before the pager takes the terminal back are flushed with the old mode, so G
	# (idempotent) is sent until it lands.
	n=0
	until T capture-pane -p -t "$S" | grep -qF "Contents: Questions" || [ $n -ge 50 ]; do
		keys G
		sleep 0.2
		n=$((n + 1))
	done
	if wait_for "Contents: Questions"; then pass "fg resumes and keys work"; else fail "fg resumes and keys work" "$(cap)"; fi
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
