#!/bin/sh
# t_yamlsuite.sh - every case of the YAML test suite goes in as a topic file.
#
# Each case must be either loaded or refused with "file:line:col" diagnostics,
# every case the suite marks as invalid (an `error` file) must be refused, and
# nothing may crash, hang or leak (run.sh also runs this under ASan/UBSan).
#
# Checking the cases in groups gives the per-file verdicts cheaply (the loader
# reports each file on its own), so the sanitizer build pays its start-up and
# leak scan once per group. The plain build then checks every case in a
# process of its own for the exit status of each. The files are read where
# they are, through `check FILE...`, to keep the suite free of copying.
. "$TOP/tests/lib.sh"

SUITE=${YAML_TEST_SUITE:-$TOP/../shared/yaml-test-suite}
if [ ! -d "$SUITE" ]; then
	skip "no YAML test suite in $SUITE (set YAML_TEST_SUITE to run it)"
	exit 0
fi
SUITE=$(cd "$SUITE" && pwd)

# Diagnostics must be one line each, in this form; nothing else may reach stderr.
# (A file's 101st error is listed in the same form, as "too many errors in this
# file", and the next file's are listed again, so a group hides none.)
DIAG_RE='^exoread: .*:[0-9]+:[0-9]+: (error|warning): '
SAN_RE='AddressSanitizer|LeakSanitizer|UndefinedBehaviorSanitizer|runtime error:'

cat >"$TMPD/sources.yaml" <<'EOF'
sources:
  - id: overview
    title: Exosome Therapy Side Effects
    file: 000_overview.txt
EOF

# "name error" per case; name is the case folder ("2G84/01"), error is 1 when
# the suite marks the case invalid (a numbered subcase only by its own folder).
(cd "$SUITE" && find . -name in.yaml) | sed 's|^\./||; s|/in\.yaml$||' | sort >"$TMPD/names"
: >"$TMPD/cases"
while read -r name; do
	[ -f "$SUITE/$name/error" ] && err=1 || err=0
	echo "$name $err" >>"$TMPD/cases"
done <"$TMPD/names"
ncases=$(wc -l <"$TMPD/cases")
nerr=$(grep -c ' 1$' "$TMPD/cases")
if [ "$ncases" -ge 400 ] && [ "$nerr" -ge 90 ]; then
	pass "yaml suite: $ncases cases, $nerr invalid"
else
	fail "yaml suite: found $ncases cases, $nerr invalid (want >= 400 and >= 90)"
fi

# The cases in groups of eight, one process per group: few processes, and each
# group's errors stay under exoread's cap on listed errors (100), so every
# refused file is named. A group that still reaches the cap has its cases run
# again one by one. timeout(1) only guards against a hang.
sed "s|^|$SUITE/|; s|\$|/in.yaml|" "$TMPD/names" | awk '{ printf "%s%s", $0, NR % 8 ? " " : "\n" }
	END { if (NR % 8) print "" }' >"$TMPD/groups"
: >"$TMPD/all.err"
: >"$TMPD/all.out"
batch_ok=1 g=0 hung=0 badrc=0
while read -r paths; do
	g=$((g + 1))
	# shellcheck disable=SC2086 # the paths hold no spaces
	timeout 60 "$EXO" check "$TMPD/sources.yaml" $paths >>"$TMPD/all.out" 2>"$TMPD/g.err"
	rc=$?
	case $rc in
	2) ;;
	124) hung=$((hung + 1)); echo "group $g: $paths" >>"$TMPD/hung" ;;
	*) badrc=$((badrc + 1)); { echo "group $g exit $rc: $paths"; tail -5 "$TMPD/g.err"; } >>"$TMPD/badrc" ;;
	esac
	cat "$TMPD/g.err" >>"$TMPD/all.err"
done <"$TMPD/groups"
[ $hung -eq 0 ] && pass "all cases in groups: none hangs" ||
	{ fail "all cases in groups: $hung groups hang" "$(head -3 "$TMPD/hung")"; batch_ok=; }
[ $badrc -eq 0 ] && pass "all cases in groups: every group exits 2" ||
	{ fail "all cases in groups: $badrc groups exit with other than 2" "$(head -12 "$TMPD/badrc")"; batch_ok=; }
if grep -Eq "$SAN_RE" "$TMPD/all.err"; then
	fail "all cases: no sanitizer report" "$(grep -E -A12 "$SAN_RE" "$TMPD/all.err" | head -30)"
else
	pass "all cases: no sanitizer report"
fi
bad=$(grep -Evc "$DIAG_RE" "$TMPD/all.err")
if [ "$bad" -eq 0 ]; then
	pass "all cases: every stderr line is file:line:col: level: message"
else
	fail "all cases: $bad stderr lines not file:line:col: level: message" \
	    "$(grep -Ev "$DIAG_RE" "$TMPD/all.err" | head -3 | od -c | head -20)"
fi
if [ -s "$TMPD/all.out" ]; then
	fail "all cases: nothing on stdout" "$(head -5 "$TMPD/all.out")"
else
	pass "all cases: nothing on stdout"
fi

# Per-case verdicts: refused when an error names the case's file.
grep -E "$DIAG_RE" "$TMPD/all.err" | grep ': error: ' | awk -v pre="exoread: $SUITE/" '
	index($0, pre) == 1 {
		rest = substr($0, length(pre) + 1)
		i = index(rest, "/in.yaml:")
		if (i > 0) print substr(rest, 1, i - 1)
	}' | sort -u >"$TMPD/refused"
awk 'NR == FNR { refused[$1] = 1; next }
	$1 in refused { print "PASS: case " $1 ": refused with file:line:col"; next }
	$2 == 1 { print "FAIL: case " $1 ": invalid YAML was not refused"; next }
	{ print "PASS: case " $1 ": loaded" }' "$TMPD/refused" "$TMPD/cases"

# One process per case for the exit status of each, once the groups finished
# (so no case hangs): plain build only, as the groups above already ran every
# input under the sanitizers and a sanitizer build's start-up and leak scan
# per process would cost a minute here.
[ -n "$batch_ok" ] || exit 0
case $EXO in
*/asan/*) exit 0 ;;
esac
cp "$TMPD/cases" "$TMPD/single"
mkdir -p "$TMPD/runs"
# Two shells, each taking every other case, keep both cores busy.
for half in 0 1; do
	awk -v h=$half 'NR % 2 == h { f = $1; gsub("/", "-", f); print $1, $2, f }' "$TMPD/single" |
	    while read -r name err f; do
		"$EXO" check "$TMPD/sources.yaml" "$SUITE/$name/in.yaml" >/dev/null \
		    2>"$TMPD/runs/$f.err"
		echo "$name $err $? $f"
	done >"$TMPD/rc.$half" &
done
wait
# Which single runs printed an error, then one verdict per case.
(cd "$TMPD/runs" && grep -l ': error: ' -- *.err) | sed 's/\.err$//' >"$TMPD/errored"
sort "$TMPD/rc.0" "$TMPD/rc.1" | awk 'NR == FNR { errored[$1] = 1; next }
	{
		name = $1; err = $2; rc = $3; e = ($4 in errored); msg = ""
		if (rc != 0 && rc != 2) msg = "exit " rc " (signal or crash)"
		else if (err == 1 && rc != 2) msg = "invalid YAML gave exit " rc
		else if (rc == 2 && !e) msg = "exit 2 without an error message"
		else if (rc == 0 && e) msg = "exit 0 after an error message"
		if (msg == "") print "PASS: case " name " alone: exit " rc
		else print "FAIL: case " name " alone: " msg
	}' "$TMPD/errored" -
# Stray stderr (anything but one-line diagnostics) in any single run.
if grep -Ev "$DIAG_RE" "$TMPD"/runs/*.err >"$TMPD/stray"; then
	fail "every case alone: stderr holds only diagnostics" "$(head -5 "$TMPD/stray")"
else
	pass "every case alone: stderr holds only diagnostics"
fi
