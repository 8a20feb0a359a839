#!/bin/sh
# t_content.sh - the bundled patient content in content/: it loads cleanly, holds
# every fact of the five source articles (tests/coverage.tsv), every statement
# names its sources, no look-alike letters slipped in, and it reads at grade 7 or
# below.
#
# Readability figure: the Kincaid (Flesch-Kincaid) grade printed by GNU style
# (Debian package diction) for the text of every top-level section, printed with
# `exoread print --format text --width 1000` so that lines are never wrapped in
# the middle of a sentence. Kincaid is the grade most used for patient material,
# and, unlike Coleman-Liau or ARI, it is counted from syllables rather than letters,
# so explained medical words do not dominate it. It must be 7.0 or less. The
# average of the five school-grade figures style prints (Kincaid, ARI,
# Coleman-Liau, Fog, SMOG) must stay at 8.0 or less, so that no one measure can
# drift far on its own.
. "$(dirname "$0")/lib.sh"

C=$TOP/content
COV=$TOP/tests/coverage.tsv
MAX_KINCAID=7.0
MAX_AVERAGE=8.0

# 1. The folder passes `check` with no output at all.
out=$("$EXO" check "$C" 2>&1)
rc=$?
if [ $rc -eq 0 ] && [ -z "$out" ]; then
	pass "check content: exit 0, no output"
else
	fail "check content: exit 0, no output" "exit $rc" "$out"
fi

# 2. No Cyrillic or Greek letters (two source articles hide look-alikes inside
#    English words), and no invisible characters that could hide a word from search.
#    First prove the detector works, so this case can fail.
bad_re='[\x{0370}-\x{03FF}\x{0400}-\x{04FF}\x{00A0}\x{00AD}\x{200B}-\x{200F}\x{2060}\x{FEFF}]'
if printf 'Ex\320\276some\n' | grep -qP "$bad_re"; then
	hits=$(grep -nP "$bad_re" "$C"/*.yaml)
	if [ -z "$hits" ]; then
		pass "no Cyrillic, Greek or invisible characters in content"
	else
		fail "no Cyrillic, Greek or invisible characters in content" "$hits"
	fi
else
	fail "no Cyrillic, Greek or invisible characters in content" "grep -P cannot see a Cyrillic o"
fi

# Every section id, in reading order; the top-level ones have no slash.
"$EXO" --content "$C" list --format tsv >"$TMPD/list.tsv" 2>"$TMPD/list.err"
all_ids=$(cut -f1 "$TMPD/list.tsv")
top_ids=$(printf '%s\n' "$all_ids" | grep -v /)
ntop=$(printf '%s\n' "$top_ids" | grep -c .)
nall=$(printf '%s\n' "$all_ids" | grep -c .)
if [ "$nall" -ge 20 ] && [ "$ntop" -ge 10 ]; then
	pass "content has $nall sections, $ntop top-level"
else
	fail "content has at least 20 sections, 10 top-level" "sections: $nall, top-level: $ntop" \
		"$(cat "$TMPD/list.err")"
fi

# 3. Coverage: each row of tests/coverage.tsv names an article, a fact, the section
#    that states it and a phrase that printed section must contain.
mkdir -p "$TMPD/sec"
printed() { # printed ID: a file with the section as text, printed once and kept
	f=$TMPD/sec/$(printf '%s' "$1" | tr / _)
	[ -f "$f" ] || "$EXO" --content "$C" print --format text --width 1000 "$1" >"$f" 2>&1
	printf '%s\n' "$f"
}
flat() { # flat ID: a file with the section on one line, each run of white space one space
	f=$(printed "$1")
	[ -f "$f.flat" ] || tr -s '[:space:]' ' ' <"$f" >"$f.flat"
	printf '%s\n' "$f.flat"
}
if [ -f "$COV" ]; then
	tab=$(printf '\t')
	grep -v '^#' "$COV" | grep . >"$TMPD/cov"
	while IFS="$tab" read -r art fact sid phrase; do
		name="covers $art: $fact ($sid)"
		if [ -z "$phrase" ]; then
			fail "$name" "coverage row has no phrase"
		elif grep -qiF -- "$phrase" "$(flat "$sid")"; then
			pass "$name"
		else
			fail "$name" "section $sid does not print: $phrase"
		fi
	done <"$TMPD/cov"
	# Each article is mapped fact by fact, not just mentioned.
	for art in overview infusion safety expert stemcell; do
		n=$(cut -f1 "$TMPD/cov" | grep -cx "$art")
		if [ "$n" -ge 15 ]; then
			pass "coverage maps $n facts of $art"
		else
			fail "coverage maps at least 15 facts of $art" "only $n rows"
		fi
	done
	# Every top-level section holds at least one mapped fact (notice and glossary restate).
	for id in $top_ids; do
		case $id in notice | glossary) continue ;; esac
		if cut -f3 "$TMPD/cov" | grep -qE "^$id(/|\$)"; then
			pass "coverage reaches section $id"
		else
			fail "coverage reaches section $id" "no row of coverage.tsv points into $id"
		fi
	done
else
	fail "coverage checklist exists" "missing $COV"
fi

# 4. Readability of everything a reader can print.
if command -v style >/dev/null 2>&1; then
	# shellcheck disable=SC2086 # ids are single words
	"$EXO" --content "$C" print --format text --width 1000 $top_ids >"$TMPD/all.txt" 2>&1
	style "$TMPD/all.txt" >"$TMPD/style.out" 2>&1
	grade() { sed -n "s/^ *$1: *\\([0-9.-]*\\).*/\\1/p" "$TMPD/style.out" | head -1; }
	k=$(grade Kincaid)
	avg=$(printf '%s %s %s %s %s\n' "$(grade Kincaid)" "$(grade ARI)" "$(grade Coleman-Liau)" \
		"$(grade 'Fog Index')" "$(grade SMOG-Grading)" |
		awk 'NF == 5 { printf "%.1f", ($1 + $2 + $3 + $4 + $5) / 5 }')
	words=$(sed -n 's/^ *\([0-9]*\) words,.*/\1/p' "$TMPD/style.out")
	if [ -z "$k" ] || [ -z "$avg" ] || [ "${words:-0}" -lt 3000 ]; then
		fail "readability measured" "words: ${words:-none}" "$(head -20 "$TMPD/style.out")"
	else
		if awk -v k="$k" -v m="$MAX_KINCAID" 'BEGIN { exit !(k <= m) }'; then
			pass "readability: Kincaid grade $k <= $MAX_KINCAID over $words words"
		else
			fail "readability: Kincaid grade <= $MAX_KINCAID" "Kincaid grade $k" \
				"$(style -l 20 "$TMPD/all.txt" | head -12)"
		fi
		if awk -v k="$avg" -v m="$MAX_AVERAGE" 'BEGIN { exit !(k <= m) }'; then
			pass "readability: average grade $avg <= $MAX_AVERAGE"
		else
			fail "readability: average grade <= $MAX_AVERAGE" "average $avg" \
				"$(head -9 "$TMPD/style.out")"
		fi
	fi
	# The same Kincaid limit per top-level section, so that one hard topic cannot hide
	# behind easy ones.
	for id in $top_ids; do
		one=$(printed "$id")
		k=$(style "$one" | sed -n 's/^ *Kincaid: *\([0-9.-]*\).*/\1/p')
		if [ -n "$k" ] && awk -v k="$k" -v m="$MAX_KINCAID" 'BEGIN { exit !(k <= m) }'; then
			pass "readability of $id: Kincaid grade $k <= $MAX_KINCAID"
		else
			fail "readability of $id: Kincaid grade <= $MAX_KINCAID" "Kincaid grade ${k:-?}" \
				"$(style -l 20 "$one" | head -8)"
		fi
	done
else
	fail "readability measured" "style is not installed (Debian package diction)"
fi

# 5. Every statement carries sources: every paragraph, list, item, question,
#    note, claim and glossary term in the JSON output has a non-empty "sources"
#    array of known source ids, and each claim has its context sources. The number
#    of statements must match the number in the YAML, so a change in the JSON
#    shape cannot make this pass by finding nothing.
# shellcheck disable=SC2086
"$EXO" --content "$C" print --format json $top_ids >"$TMPD/all.json" 2>"$TMPD/json.err"
res=$(python3 - "$TMPD/all.json" "$C" <<'EOF'
import glob, json, os, sys

# Block objects carry "type" (src/print_json.c); sections have none of these types.
KINDS = {"para", "list", "item", "qa", "note", "claim", "term", "action"}

def yaml_count(folder):
    try:
        import yaml
    except ImportError:
        return None
    n = 0
    def walk(sec):
        nonlocal n
        for b in sec.get("body") or []:
            if "signs" in b:
                continue  # names signs written elsewhere; no statement of its own
            n += 1
            if "list" in b:
                n += len(b.get("items") or [])
        for s in sec.get("sections") or []:
            walk(s)
    for f in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
        if os.path.basename(f) != "sources.yaml":
            walk(yaml.safe_load(open(f, encoding="utf-8")))
    return n

def known_ids(folder):
    try:
        import yaml
    except ImportError:
        return None
    doc = yaml.safe_load(open(os.path.join(folder, "sources.yaml"), encoding="utf-8"))
    return {s["id"] for s in doc["sources"]}

def source_ok(v, ids):
    if not isinstance(v, list) or not v:
        return False
    for s in v:
        sid = s.get("id") if isinstance(s, dict) else s
        if isinstance(sid, int):
            continue  # a reference number
        if not isinstance(sid, str) or (ids is not None and sid not in ids):
            return False
    return True

try:
    doc = json.load(open(sys.argv[1], encoding="utf-8"))
except Exception as e:
    print("bad json: %s" % e)
    sys.exit(0)
ids = known_ids(sys.argv[2])
found, bad = 0, []

def is_statement(o):
    return o.get("type") in KINDS

def walk(o, path):
    global found
    if isinstance(o, dict):
        if o.get("type") == "signs":
            return  # the signs it shows are counted where they are written
        if is_statement(o):
            found += 1
            if not source_ok(o.get("sources"), ids):
                bad.append("%s: no sources: %s" % (path, json.dumps(o)[:120]))
            if o["type"] == "claim" and not source_ok(o.get("context_sources"), ids):
                bad.append("%s: claim without context_sources" % path)
        for k, v in o.items():
            walk(v, path + "/" + str(k))
    elif isinstance(o, list):
        for i, v in enumerate(o):
            walk(v, "%s[%d]" % (path, i))

walk(doc, "")
want = yaml_count(sys.argv[2])
if want is not None and found != want:
    bad.append("found %d statements in the JSON, the YAML has %d" % (found, want))
if found == 0:
    bad.append("found no statements in the JSON")
print("ok %d" % found if not bad else "\n".join(bad[:20]))
EOF
)
case $res in
ok\ *) pass "every statement has sources (${res#ok } statements)" ;;
*) fail "every statement has sources" "$res" "$(head -5 "$TMPD/json.err")" ;;
esac
