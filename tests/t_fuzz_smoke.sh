#!/bin/sh
# no-asan (the fuzz targets carry their own sanitizers; one pass is enough)
# t_fuzz_smoke.sh - in CI (CI set), build the fuzz targets and run each briefly:
# every saved regression input must pass and a short run must find nothing.
# Outside CI it prints a skip line: `make fuzz` is the long run.
. "$TOP/tests/lib.sh"
if [ -z "${CI:-}" ]; then
	skip "runs in CI (CI set); make fuzz is the long run"
	exit 0
fi
sh "$TOP/tests/fuzz/run.sh" "${FUZZ_SMOKE_SECONDS:-5}" >"$TMPD/fuzz.out" 2>&1
rc=$?
for t in load search wrap; do
	line=$(grep "^fuzz: target=$t " "$TMPD/fuzz.out")
	case $line in
	*" findings=0 "*) pass "fuzz smoke $t: ${line#fuzz: target=$t }" ;;
	*) fail "fuzz smoke $t" "${line:-no result}" "$(grep -v '^fuzz: target=' "$TMPD/fuzz.out" | tail -8)" ;;
	esac
done
grep -q 'regression input fails' "$TMPD/fuzz.out" &&
	fail "fuzz smoke: regression inputs" "$(grep -A5 'regression input fails' "$TMPD/fuzz.out")" ||
	pass "fuzz smoke: regression inputs pass"
[ $rc -eq 0 ] && pass "fuzz smoke: run.sh exit 0" || fail "fuzz smoke: run.sh exit $rc"
