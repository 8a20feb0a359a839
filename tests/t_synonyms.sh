#!/bin/sh
# t_synonyms.sh - `exoread check --synonyms`: WordNet words offered for
# also_called, read from a small WordNet database made here (WNSEARCHDIR), so
# the test does not depend on the installed one.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2

wn=$TMPD/wordnet
mkdir -p "$wn"
# data.noun: each line starts with its own byte offset, as wndb(5) says.
: >"$wn/data.noun"
add_synset() { # name lexfile words...
	off=$(wc -c <"$wn/data.noun")
	name=$1 lexfile=$2
	shift 2
	line=$(printf '%08d %s n %02x' "$off" "$lexfile" $#)
	for w; do line="$line $w 0"; done
	printf '%s 000 | %s\n' "$line" "$name" >>"$wn/data.noun"
	eval "off_$name=$off"
}
# 26 is noun.state, 09 noun.cognition.
add_synset fever 26 fever febrility pyrexia feverishness
add_synset bruise 26 bruise contusion
add_synset worry 09 concern worry headache
add_synset headache 26 headache cephalalgia
add_synset hurt 26 injury hurt harm trauma
# 23 is noun.quantity: a dose's bodily sense (a disease) is not one seen in use.
add_synset dose 23 dose dosage
add_synset vd 26 venereal_disease dose
{
	echo "  1 This software and database is being provided to you, the LICENSEE, by"
	echo "  2 Princeton University under the following license."
	echo "bruise n 1 0 1 0 $off_bruise"
	echo "dose n 2 0 2 1 $off_dose $off_vd"
	echo "fever n 1 0 1 0 $off_fever"
	echo "headache n 2 0 2 2 $off_worry $off_headache"
	echo "hurt n 1 0 1 0 $off_hurt"
} >"$wn/index.noun"
echo "brusies bruise" >"$wn/noun.exc"

c=$TMPD/content
mkdir -p "$c"
cp tests/golden/bad/sources.yaml "$c/"
cat >"$c/20-effects.yaml" <<'YAML'
id: effects
title: Side effects
body:
  - list: "Signs:"
    sources: [overview]
    items:
      - text: A fever.
        also_called: [fever, pyrexia]
      - text: Bruising.
        also_called: [bruises]
      - text: Pain.
        also_called: [hurts, RNA]
      - text: A headache.
        also_called: [headache]
  - list: "Ask about:"
    sources: [overview]
    items:
      - text: The dose.
        also_called: [dose]
YAML
cat >"$c/30-more.yaml" <<'YAML'
id: more
title: More
body:
  - p: Worry is normal.
    sources: [overview]
YAML

WNSEARCHDIR=$wn "$EXO" check --synonyms "$c" >"$TMPD/out" 2>"$TMPD/err"
expect_eq "check --synonyms exits 0 on clean content" "0:" "$?:$(cat "$TMPD/err")"
f=$c/20-effects.yaml
# A noun's first sense for what a body feels or has, among those seen in use,
# comes first: "headache" is cephalalgia, not a worry; "dose" stays a dose.
expect_eq "check --synonyms offers each new word once, at its name" \
"$f:8:23: hint: WordNet lists 'febrility' with 'fever'; add it to also_called if the sources support it
$f:8:23: hint: WordNet lists 'feverishness' with 'fever'; add it to also_called if the sources support it
$f:10:23: hint: WordNet lists 'contusion' with 'bruises'; add it to also_called if the sources support it
$f:12:23: hint: WordNet lists 'injury' with 'hurts'; add it to also_called if the sources support it
$f:12:23: hint: WordNet lists 'harm' with 'hurts'; add it to also_called if the sources support it
$f:12:23: hint: WordNet lists 'trauma' with 'hurts'; add it to also_called if the sources support it
$f:14:23: hint: WordNet lists 'cephalalgia' with 'headache'; add it to also_called if the sources support it
$f:19:23: hint: WordNet lists 'dosage' with 'dose'; add it to also_called if the sources support it" \
	"$(cat "$TMPD/out")"

# Without --synonyms, check stays silent.
WNSEARCHDIR=$wn "$EXO" check "$c" >"$TMPD/out" 2>&1
expect_eq "check without --synonyms prints no hints" "0:" "$?:$(cat "$TMPD/out")"

# No WordNet: a clear message and exit 2.
mkdir -p "$TMPD/nowordnet"
WNSEARCHDIR=$TMPD/nowordnet "$EXO" check --synonyms "$c" >"$TMPD/out" 2>"$TMPD/err"
expect_eq "check --synonyms without WordNet exits 2" 2 $?
expect_eq "check --synonyms without WordNet says what to install" \
	"exoread: --synonyms needs WordNet (Debian package wordnet-base); no index files in $TMPD/nowordnet" \
	"$(cat "$TMPD/err")"

# Broken content is reported as always, and no hints are offered.
printf 'id: [\n' >"$c/40-bad.yaml"
WNSEARCHDIR=$wn "$EXO" check --synonyms "$c" >"$TMPD/out" 2>"$TMPD/err"
expect_eq "check --synonyms on broken content exits 2 with no hints" "2:" "$?:$(cat "$TMPD/out")"
rm "$c/40-bad.yaml"

"$EXO" search --synonyms fever >/dev/null 2>"$TMPD/err"
expect_eq "--synonyms elsewhere is a usage error" \
	"2:exoread: --synonyms applies to 'check' only" "$?:$(head -1 "$TMPD/err")"

# A truncated or garbled database never crashes: every line cut short.
cp "$wn/data.noun" "$TMPD/data.full"
for n in 1 9 17 25 40; do
	cut -c1-$n "$TMPD/data.full" >"$wn/data.noun"
	WNSEARCHDIR=$wn "$EXO" check --synonyms "$c" >"$TMPD/out" 2>"$TMPD/err"
	expect_eq "check --synonyms on a WordNet cut to $n columns exits 0" "0:" "$?:$(cat "$TMPD/err")"
done
cp "$TMPD/data.full" "$wn/data.noun"

# The installed WordNet, when there is one, reads the bundled content.
if [ -r /usr/share/wordnet/index.noun ]; then
	env -u WNSEARCHDIR "$EXO" check --synonyms content >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	# Every line a hint at a place in the content; there are some (no content names
	# every word WordNet has), and nothing else is printed.
	bad=$(grep -cvE "^content/[0-9a-z-]+\.yaml:[0-9]+:[0-9]+: hint: WordNet lists '.+' with '.+'; add it to also_called if the sources support it\$" "$TMPD/out")
	[ $rc = 0 ] && [ -s "$TMPD/out" ] && [ "$bad" = 0 ] && [ ! -s "$TMPD/err" ] &&
		pass "check --synonyms reads the installed WordNet" ||
		fail "check --synonyms reads the installed WordNet" "exit $rc, $bad other lines" \
			"$(head -3 "$TMPD/err")"
else
	skip "check --synonyms on the installed WordNet (package wordnet-base)"
fi
