#!/bin/sh
# t_check.sh - `exoread check` on broken content: each file (or folder) in
# tests/golden/bad/ is checked together with its sources.yaml, and the
# diagnostics must match NAME.err exactly, with the expected exit status.
. "$(dirname "$0")/lib.sh"
cd "$TOP" || exit 2
bad=tests/golden/bad

for case in $bad/*.yaml $bad/*/; do
	case $case in */sources.yaml) continue ;; esac
	name=$(basename "$case" .yaml)
	if [ -d "$case" ]; then
		set -- $bad/sources.yaml "${case%/}"/*.yaml
	else
		set -- $bad/sources.yaml "$case"
	fi
	"$EXO" check "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	echo "exit $rc" >>"$TMPD/err"
	golden "check $name" "$bad/$name.err" "$TMPD/err"
	[ -s "$TMPD/out" ] && fail "check $name prints nothing on stdout" "$(head -3 "$TMPD/out")"
done

# A clean folder: silence and exit 0.
mkdir -p "$TMPD/clean"
cp $bad/sources.yaml "$TMPD/clean/"
printf 'id: fine\ntitle: Fine\nbody:\n  - p: All good.\n    sources: [overview]\n' >"$TMPD/clean/10-fine.yaml"
"$EXO" check "$TMPD/clean" >"$TMPD/out" 2>&1
expect_eq "check clean folder exits 0" 0 $?
expect_eq "check clean folder is silent" "" "$(cat "$TMPD/out")"

# Folders that cannot be content.
"$EXO" check "$TMPD/missing" 2>"$TMPD/err"
expect_eq "check missing folder exits 2" 2 $?
expect_eq "check missing folder message" \
	"exoread: $TMPD/missing: error: cannot open content folder: No such file or directory" \
	"$(cat "$TMPD/err")"
mkdir -p "$TMPD/empty"
"$EXO" check "$TMPD/empty" 2>"$TMPD/err"
expect_eq "check empty folder exits 2" 2 $?
expect_eq "check empty folder message" \
	"exoread: $TMPD/empty: error: no .yaml files in the content folder" "$(cat "$TMPD/err")"
mkdir -p "$TMPD/nosrc"
cp "$TMPD/clean/10-fine.yaml" "$TMPD/nosrc/"
"$EXO" check "$TMPD/nosrc" 2>"$TMPD/err"
expect_eq "check folder without sources.yaml exits 2" 2 $?
grep -q "error: unknown source 'overview'" "$TMPD/err" &&
	grep -q "no sources.yaml" "$TMPD/err" && pass "check names the missing sources.yaml" ||
	fail "check names the missing sources.yaml" "$(cat "$TMPD/err")"

# The bundled content is clean.
"$EXO" check "$TOP/content" >"$TMPD/out" 2>&1
expect_eq "bundled content checks clean" "0:" "$?:$(cat "$TMPD/out")"
