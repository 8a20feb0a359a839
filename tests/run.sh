#!/bin/sh
# run.sh - run every test: cmocka unit tests (plain and ASan/UBSan builds) and
# every tests/t_*.sh suite against build/exoread and build/asan/exoread, and the
# threaded loading suite (t_jobs) against build/tsan/exoread (ThreadSanitizer).
# EXOREAD_TEST_PLAIN=1 (make test) runs only the plain build's tests.
# A suite that cannot run here prints "SKIP: why" and no checks; it is listed
# as a skip line. Closes with "N passed, N failed"; exits non-zero when
# anything failed.
set -u
TOP=$(cd "$(dirname "$0")/.." && pwd)
export TOP
cd "$TOP" || exit 2
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:halt_on_error=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
LOG=$(mktemp -d)
trap 'rm -rf "$LOG"' EXIT
passed=0 failed=0

count() { # count FILE NAME: add up PASS:/FAIL: lines, and say how the suite went
	p=$(grep -c '^PASS: ' "$1"); f=$(grep -c '^FAIL: ' "$1")
	passed=$((passed + p)); failed=$((failed + f))
	sed -n "s|^SKIP: [^:]*: |skip  $2: |p" "$1"
	if [ "$f" -eq 0 ] && [ "$p" -eq 0 ] && grep -q '^SKIP: ' "$1"; then return; fi
	if [ "$f" -eq 0 ]; then echo "ok    $2 ($p checks)"; else echo "FAILED $2 ($f of $((p + f)) checks)"; fi
	grep -A40 '^FAIL: ' "$1" | grep -v '^PASS: ' | head -60
}

plain=${EXOREAD_TEST_PLAIN:-}
builds="build/exoread build/asan/exoread"
[ -n "$plain" ] && builds=build/exoread
for bin in build/tests/test_* ${plain:+/none/}build/asan/tests/test_*; do
	[ -x "$bin" ] || continue
	name=${bin#build/}
	CMOCKA_MESSAGE_OUTPUT=TAP "$bin" >"$LOG/unit.out" 2>&1
	rc=$?
	sed -n 's/^ok [0-9]* - \(.*\)/PASS: '"$(echo "$name" | sed 's,/,\\/,g')"': \1/p; s/^not ok [0-9]* - \(.*\)/FAIL: '"$(echo "$name" | sed 's,/,\\/,g')"': \1/p' "$LOG/unit.out" >"$LOG/unit.res"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL: ' "$LOG/unit.res"; then
		echo "FAIL: $name exited $rc" >>"$LOG/unit.res"
		tail -20 "$LOG/unit.out" >>"$LOG/unit.res"
	fi
	count "$LOG/unit.res" "$name"
done

# suite EXO T: run the suite T against the binary EXO and count its checks.
suite() {
	exo=$1 t=$2
	name=$(basename "$t" .sh)
	TMPD=$(mktemp -d) EXO="$TOP/$exo" sh "$t" >"$LOG/$name.out" 2>&1
	rc=$?
	sed "s|^PASS: |PASS: $exo $name: |; s|^FAIL: |FAIL: $exo $name: |; s|^SKIP: |SKIP: $exo $name: |" \
		"$LOG/$name.out" >"$LOG/$name.res"
	if [ $rc -ne 0 ] && ! grep -q '^FAIL: ' "$LOG/$name.res"; then
		echo "FAIL: $exo $name: suite exited $rc" >>"$LOG/$name.res"
		tail -20 "$LOG/$name.out" >>"$LOG/$name.res"
	fi
	count "$LOG/$name.res" "$exo $name"
}

for exo in $builds; do
	for t in tests/t_*.sh; do
		[ -f "$t" ] || continue
		# A suite can opt out of the sanitizer pass (e.g. one that is all timing-free screen work).
		if [ "$exo" = build/asan/exoread ] && grep -q '^# no-asan' "$t"; then continue; fi
		suite "$exo" "$t"
	done
done

# The suite that loads content on several threads, once more under ThreadSanitizer.
export TSAN_OPTIONS=halt_on_error=1:exitcode=66
if [ -n "$plain" ]; then
	echo "skip  build/asan/exoread, build/tsan/exoread (make test runs the plain build only)"
elif [ -x build/tsan/exoread ]; then
	suite build/tsan/exoread tests/t_jobs.sh
else
	echo "skip  build/tsan/exoread t_jobs (no ThreadSanitizer build; make check makes one)"
fi

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
