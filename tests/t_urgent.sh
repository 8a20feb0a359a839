#!/bin/sh
# t_urgent.sh - "When to get help" and handouts: every sign once, most urgent first, each level
# led by what to do; the local numbers from the config file and the environment; the handout
# header and footer of print; review dates in check; snippets that keep their "No".
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

# The bundled content's view, as JSON: no sign twice (after folding), the first emergency
# sign is about breathing or anaphylaxis, every level has an action, levels in order.
"$EXO" print --urgent --format json >"$TMPD/urgent.json" 2>"$TMPD/err"
expect_eq "print --urgent --format json: exit" 0 $?
python3 - "$TMPD/urgent.json" >"$TMPD/check.out" 2>&1 <<'EOF'
import json, re, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
levels = doc["levels"]
order = ["emergency", "call-provider", "watch", "expected"]
names = [l["level"] for l in levels]
if names != sorted(names, key=order.index):
    print("levels out of order: %s" % names)
if not levels or levels[0]["level"] != "emergency":
    print("the first level is not emergency")
first = levels[0]["signs"][0]["text"] if levels and levels[0]["signs"] else ""
if not re.search(r"breath|anaphyla", first, re.I):
    print("the first emergency sign is not about breathing or anaphylaxis: %r" % first)
seen = {}
for l in levels:
    if not l["action"] or not l["action"]["text"]:
        print("level %s has no action" % l["level"])
    for s in l["signs"]:
        words = " ".join(sorted(set(re.findall(r"[a-z]+", s["text"].lower()))))
        if words in seen:
            print("sign twice: %r and %r" % (seen[words], s["text"]))
        seen[words] = s["text"]
        if s["urgency"] != l["level"]:
            print("sign %r at level %s under %s" % (s["text"], s["urgency"], l["level"]))
if len(seen) < 8:
    print("only %d signs" % len(seen))
EOF
if [ -s "$TMPD/check.out" ]; then fail "the ! view: each sign once, breathing first" "$(cat "$TMPD/check.out")"; else pass "the ! view: each sign once, breathing first"; fi

# The emergency level is led by its action in words, with the number.
"$EXO" --width 80 print --urgent --bare >"$TMPD/u.txt"
sed -n '/^Emergency: get help now$/,/^$/p' "$TMPD/u.txt" | sed -n 3p >"$TMPD/act"
case $(cat "$TMPD/act") in
"What to do: Call your local emergency number now"*) pass "emergency level starts with what to do" ;;
*) fail "emergency level starts with what to do" "$(cat "$TMPD/act")" ;;
esac
expect_eq "no 'Note:' label in the view" 0 "$(grep -c 'Note:' "$TMPD/u.txt")"

# read --urgent, not on a terminal, prints the view; --urgent takes no section.
"$EXO" --width 80 read --urgent --bare >"$TMPD/r.txt" 2>&1
expect_eq "read --urgent to a pipe prints the view" "$(cat "$TMPD/u.txt")" "$(cat "$TMPD/r.txt")"
"$EXO" print --urgent side-effects >/dev/null 2>"$TMPD/err"
expect_eq "print --urgent ID: exit" 2 $?
expect_eq "print --urgent ID: message" "exoread: --urgent takes no section ('side-effects')" "$(head -1 "$TMPD/err")"
"$EXO" search --urgent hives >/dev/null 2>"$TMPD/err"
expect_eq "search --urgent: exit" 2 $?
"$EXO" list --bare >/dev/null 2>"$TMPD/err"
expect_eq "list --bare: exit" 2 $?
"$EXO" print --urgent --format tree >/dev/null 2>"$TMPD/err"
expect_eq "print --urgent --format tree: exit" 2 $?

# Handouts: the disclaimer, the emergency line, the version and the review date at the top
# and at the bottom; --bare leaves them out.
ver=$("$EXO" --version | head -1 | cut -d' ' -f2)
date=$("$EXO" --version | sed -n 's/.*reviewed \([0-9-]*\).*/\1/p')
[ -n "$date" ] || fail "the bundled content has a review date"
for end in head tail; do
	"$EXO" --width 80 print side-effects/injection-site | $end -n 5 >"$TMPD/$end"
	for want in "Not medical advice" "In an emergency, call your local emergency number." \
		"exoread $ver" "last reviewed $date"; do
		if grep -qF "$want" "$TMPD/$end"; then pass "print | $end: $want"; else
			fail "print | $end: $want" "$(cat "$TMPD/$end")"; fi
	done
done
"$EXO" --width 80 print --format markdown side-effects/injection-site | head -3 >"$TMPD/md"
case $(head -1 "$TMPD/md") in "> Not medical advice"*) pass "markdown handout header" ;;
*) fail "markdown handout header" "$(cat "$TMPD/md")" ;; esac
expect_eq "print --bare has no header" "At the injection site" \
	"$("$EXO" --width 80 print --bare side-effects/injection-site | head -1)"
expect_eq "json has no handout lines" 0 \
	"$("$EXO" print --format json side-effects/injection-site | grep -c 'Not medical advice')"

# The local numbers: the config file in the XDG place, then the environment.
mkdir -p "$XDG_CONFIG_HOME/exoread"
printf '# Spain\nemergency-number = 112\n\nclinic-phone = +34 91 555 0100\n' >"$XDG_CONFIG_HOME/exoread/config"
"$EXO" --width 80 print side-effects/injection-site >"$TMPD/p112"
expect_eq "config 112: the emergency line" "In an emergency, call 112. Your clinic's phone number is +34 91 555 0100." \
	"$(sed -n 3p "$TMPD/p112")"
"$EXO" --width 80 print --urgent --bare >"$TMPD/u112"
if grep -q "What to do: Call 112 now" "$TMPD/u112"; then pass "config 112: the emergency action"; else
	fail "config 112: the emergency action" "$(grep 'What to do' "$TMPD/u112")"; fi
if grep -q "Your clinic's phone number is +34 91 555 0100" "$TMPD/u112"; then pass "config: the clinic phone with 'Call your provider'"; else
	fail "config: the clinic phone with 'Call your provider'"; fi
expect_eq "EXOREAD_EMERGENCY_NUMBER beats the file" "In an emergency, call 999. Your clinic's phone number is +34 91 555 0100." \
	"$(EXOREAD_EMERGENCY_NUMBER=999 "$EXO" --width 80 print side-effects/injection-site | sed -n 3p)"

expect_eq "an empty EXOREAD_EMERGENCY_NUMBER is not set" "In an emergency, call 112. Your clinic's phone number is +34 91 555 0100." \
	"$(EXOREAD_EMERGENCY_NUMBER= "$EXO" --width 80 print side-effects/injection-site | sed -n 3p)"

# Bad settings: a clear message with file:line, exit 2, nothing printed.
bad() { # bad NAME CONFIG-TEXT EXPECTED-MESSAGE
	printf '%b' "$2" >"$XDG_CONFIG_HOME/exoread/config"
	"$EXO" print side-effects >"$TMPD/out" 2>"$TMPD/err"
	expect_eq "config $1: exit" 2 $?
	expect_eq "config $1: message" "$3" "$(cat "$TMPD/err")"
	expect_eq "config $1: no output" "" "$(cat "$TMPD/out")"
}
cfg=$XDG_CONFIG_HOME/exoread/config
bad "letters in the number" 'emergency-number = call 911\n' \
	"exoread: $cfg:1: error: the value of 'emergency-number' may hold only digits, spaces and + - ( ) . /"
bad "unknown key" '\n# x\nemergency-numbr = 112\n' \
	"exoread: $cfg:3: error: unknown setting 'emergency-numbr' (known: emergency-number, clinic-phone); did you mean 'emergency-number'?"
bad "no equals sign" 'emergency-number 112\n' "exoread: $cfg:1: error: expected 'key = value'"
bad "empty value" 'clinic-phone =\n' "exoread: $cfg:1: error: the value of 'clinic-phone' is empty"
bad "escape sequence" 'clinic-phone = \033]0;x\a\n' \
	"exoread: $cfg:1: error: the value of 'clinic-phone' may hold only digits, spaces and + - ( ) . /"
rm -f "$cfg"
EXOREAD_CLINIC_PHONE=abc "$EXO" print side-effects >/dev/null 2>"$TMPD/err"
expect_eq "bad EXOREAD_CLINIC_PHONE: exit" 2 $?
expect_eq "bad EXOREAD_CLINIC_PHONE: message" \
	"exoread: EXOREAD_CLINIC_PHONE: error: the value of 'clinic-phone' may hold only digits, spaces and + - ( ) . /" \
	"$(cat "$TMPD/err")"

# check: review dates older than the limit, or still to come, get a warning at their place.
mkdir -p "$TMPD/rv"
cp tests/golden/bad/sources.yaml "$TMPD/rv/"
printf 'id: a\ntitle: A\nreviewed: 2020-01-31\n' >"$TMPD/rv/a.yaml"
printf 'id: b\ntitle: B\nreviewed: 2999-01-01\n' >"$TMPD/rv/b.yaml"
"$EXO" check "$TMPD/rv" 2>"$TMPD/err"
expect_eq "check old review: exit 0 (a warning)" 0 $?
case $(sed -n 1p "$TMPD/err") in
"exoread: $TMPD/rv/a.yaml:3:11: warning: last reviewed on 2020-01-31, before "*) pass "check old review: warned at file:line:col" ;;
*) fail "check old review: warned at file:line:col" "$(cat "$TMPD/err")" ;;
esac
case $(sed -n 2p "$TMPD/err") in
"exoread: $TMPD/rv/b.yaml:3:11: warning: 'reviewed' is 2999-01-01, a day still to come"*) pass "check future review date" ;;
*) fail "check future review date" "$(cat "$TMPD/err")" ;;
esac
"$EXO" check --max-age 0 "$TMPD/rv" 2>"$TMPD/err"
expect_eq "check --max-age 0: no warning" "0:" "$?:$(cat "$TMPD/err")"
"$EXO" check --max-age=1200 "$TMPD/rv/a.yaml" "$TMPD/rv/sources.yaml" 2>"$TMPD/err"
expect_eq "check --max-age=1200 FILE: no warning for 2020" "0:0" "$?:$(grep -c 2020 "$TMPD/err")"
"$EXO" check --max-age x 2>"$TMPD/err"
expect_eq "check --max-age x: exit" 2 $?
"$EXO" print --max-age 3 side-effects 2>"$TMPD/err" >/dev/null
expect_eq "print --max-age: exit" 2 $?

# A handout claims the review date of the files it prints from: the oldest of them, and none
# when one of them has none; --version still names the newest of all.
mkdir -p "$TMPD/pf"
cp tests/golden/bad/sources.yaml "$TMPD/pf/"
printf 'id: a\ntitle: A\nreviewed: 2026-01-31\nbody:\n  - p: Aa.\n    sources: [overview]\n' >"$TMPD/pf/a.yaml"
printf 'id: b\ntitle: B\nreviewed: 2026-06-30\nbody:\n  - p: Bb.\n    sources: [overview]\n' >"$TMPD/pf/b.yaml"
printf 'id: c\ntitle: C\nbody:\n  - p: Cc.\n    sources: [overview]\n' >"$TMPD/pf/c.yaml"
for case in "b:last reviewed 2026-06-30" "a:last reviewed 2026-01-31" "a b:last reviewed 2026-01-31" \
	"c:no review date" "b c:no review date"; do
	ids=${case%%:*} want=${case#*:}
	# shellcheck disable=SC2086
	got=$("$EXO" --content "$TMPD/pf" print $ids | tail -1)
	case $got in *"$want."*) pass "print $ids: $want" ;; *) fail "print $ids: $want" "$got" ;; esac
done
case $("$EXO" --content "$TMPD/pf" --version) in *"reviewed 2026-06-30"*) pass "--version: the newest review date" ;;
*) fail "--version: the newest review date" "$("$EXO" --content "$TMPD/pf" --version)" ;; esac

# Snippets keep a leading "No": the FDA question answers no.
snip=$("$EXO" search --format tsv --limit 1 "is it FDA approved" | cut -f3)
case $snip in "No. "*) pass "FDA snippet keeps its No" ;; *) fail "FDA snippet keeps its No" "$snip" ;; esac
