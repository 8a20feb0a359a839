# completion.sh - what the completion suites share (t_completion*.sh): a small
# content folder and the cases every shell's completion must pass. Source it
# after lib.sh and after defining
#   comp NAME EXPECTED WORD...
# which completes the last WORD (the cursor word) of the line "WORD...", where
# the first WORD is the program, and compares the sorted, space-joined
# candidates with EXPECTED.
# Section ids come from the program under test ($EXO) reading the folder $C.

C=$TMPD/content
mkdir -p "$C" "$TMPD/dirs/alpha" "$TMPD/dirs/beta"
: >"$TMPD/dirs/afile"
cat >"$C/sources.yaml" <<'YAML'
sources:
  - id: overview
    title: Exosome Therapy Side Effects
    file: 000_5c5f58f0b6b44dac.txt
YAML
cat >"$C/10-side-effects.yaml" <<'YAML'
id: side-effects
title: Side effects
body:
  - p: Most side effects are mild.
    sources: [overview]
sections:
  - id: allergic
    title: Allergic reactions
    body:
      - p: A rash can be a sign of allergy.
        sources: [overview]
  - id: swelling
    title: Swelling
    body:
      - p: Some swelling where the needle went in is common.
        sources: [overview]
YAML
cat >"$C/20-faq.yaml" <<'YAML'
id: faq
title: Questions people ask
sections:
  - id: long-term
    title: Long-term effects
    body:
      - q: Are the long-term effects known?
        a: Not yet. There are few long studies.
        sources: [overview]
YAML

# comp_result NAME EXPECTED GOT: a check, failed also when the shell wrote to
# $TMPD/comp.err.
comp_result() {
	if [ -s "$TMPD/comp.err" ]; then
		fail "$1" "stderr: $(cat "$TMPD/comp.err")"
	else
		expect_eq "$1" "$2" "$3"
	fi
}

# common_cases: what all the completions offer, word for word.
common_cases() {
	comp "commands" "check help list print read search" "$EXO" ""
	comp "command prefix" "print" "$EXO" pr
	comp "command after global options" "search" "$EXO" --width 72 --color never se
	comp "global options" "--color --content --help --no-mouse --plain --version --width" "$EXO" --
	comp "global option prefix" "--color --content" "$EXO" --co
	comp "color values" "always auto never" "$EXO" --color ""
	comp "color value prefix" "always" "$EXO" --color al
	comp "color after = one word" "--color=auto" "$EXO" --color=au
	comp "width takes a number" "" "$EXO" --width ""
	comp "print formats" "json markdown text" "$EXO" print --format ""
	comp "search formats" "json markdown text tsv" "$EXO" search --format ""
	comp "list formats" "text tsv" "$EXO" list --format ""
	comp "print options" "--bare --color --content --format --help --urgent --width" "$EXO" print --
	comp "read options" "--bare --color --content --help --no-mouse --plain --urgent --width" "$EXO" read --
	comp "search options" "--color --content --format --help --limit --width" "$EXO" search --
	comp "list options" "--color --content --format --help --width" "$EXO" list --
	comp "check options" "--color --content --help --max-age --synonyms --width" "$EXO" check --
	comp "max-age takes a number" "" "$EXO" check --max-age ""
	comp "print option prefix" "--format" "$EXO" print --f
	comp "help completes commands" "print" "$EXO" help pr
	comp "nothing after help COMMAND" "" "$EXO" help print ""
	comp "limit takes a number" "" "$EXO" search --limit ""
	comp "search words are free text" "" "$EXO" search sw

	ids="faq faq/long-term side-effects side-effects/allergic side-effects/swelling"
	comp "print ids from --content" "$ids" "$EXO" --content "$C" print ""
	comp "print ids from --content=" "$ids" "$EXO" --content="$C" print ""
	comp "read id prefix" "side-effects/allergic side-effects/swelling" \
		"$EXO" --content "$C" read side-effects/
	comp "ids after other options" "faq faq/long-term" \
		"$EXO" --width 60 --content "$C" --color never print --format json f
	comp "second print id" "side-effects/swelling" "$EXO" --content "$C" print faq side-effects/sw
	export EXOREAD_CONTENT="$C"
	comp "ids from EXOREAD_CONTENT" "side-effects/allergic" "$EXO" read side-effects/a
	unset EXOREAD_CONTENT
	comp "no ids from a bad folder" "" "$EXO" --content "$TMPD/dirs" print ""
}
