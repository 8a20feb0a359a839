#!/bin/sh
# run.sh [SECONDS] - build the libFuzzer targets and run each for SECONDS (60).
#
# Builds build/fuzz/fuzz_* with `make` (clang, -fsanitize=fuzzer,address,undefined
# and the Makefile's flags): one binary per tests/fuzz/fuzz_*.c. Seed
# corpora are made here from content/, the golden inputs and the YAML test
# suite; what the fuzzer finds beyond them stays in build/fuzz/corpus.
# Every input in tests/fuzz/regress/ (named TARGET-*, e.g. load-deep-flow) is
# replayed first. Prints one line per target:
#   fuzz: target=load runs=N findings=K seconds=S
# and exits 1 when anything was found (the inputs are in build/fuzz/artifacts).
set -u
SECS=${1:-60}
TOP=$(cd "$(dirname "$0")/../.." && pwd)
cd "$TOP" || exit 2
CLANG=${CLANG:-clang}
B=build/fuzz
SUITE=${YAML_TEST_SUITE:-$TOP/../shared/yaml-test-suite}
mkdir -p "$B/artifacts" "$B/corpus" "$B/seeds"

if ! command -v "$CLANG" >/dev/null; then
	echo "fuzz: $CLANG not found (Debian: apt install clang)" >&2
	exit 2
fi
# fuzz_search indexes this folder once.
FUZZ_CONTENT=${FUZZ_CONTENT:-$TOP/content}
export FUZZ_CONTENT
# The Makefile builds the targets (build/fuzz/fuzz_*) with its own flags, plus
# the fuzzer's coverage and both sanitizers. A make started from another make
# (make check) must not join that one's job server.
TARGETS=$(ls tests/fuzz/fuzz_*.c | sed 's|^tests/fuzz/fuzz_||; s|\.c$||')
if ! (unset MAKEFLAGS MFLAGS MAKELEVEL; ${MAKE:-make} -s -j2 CLANG="$CLANG" \
    $(for t in $TARGETS; do printf 'build/fuzz/fuzz_%s ' "$t"; done)) >"$B/build.log" 2>&1; then
	echo "fuzz: building the targets failed" >&2
	tail -20 "$B/build.log" >&2
	exit 2
fi

# Seeds, made afresh each run, and the ones in tests/fuzz/seeds/TARGET/.
rm -rf "$B/seeds"
mkdir -p "$B/seeds/load" "$B/seeds/search" "$B/seeds/wrap"
i=0
for f in content/*.yaml tests/golden/*/*.yaml tests/golden/*/*/*.yaml tests/cli/*.yaml; do
	[ -f "$f" ] || continue
	i=$((i + 1))
	cp "$f" "$B/seeds/load/content-$i.yaml"
done
# Several topics in one input, cut by "#%" lines (see fuzz_load.c).
for f in content/[0-9]*.yaml; do
	i=$((i + 1))
	{ cat "$f"; echo '#%'; cat content/95-glossary.yaml; echo '#%'; cat tests/golden/bad/bad-id.yaml; } \
	    >"$B/seeds/load/many-$i.yaml" 2>/dev/null
done
printf '#%%\n' >"$B/seeds/load/many-none.yaml"
# Hostile inputs kept by hand: byte order marks, invisible characters and
# noncharacters (raw and escaped), tabs and line breaks in one-line fields.
for f in tests/fuzz/seeds/load/* tests/fuzz/seeds/search/* tests/fuzz/seeds/wrap/*; do
	[ -f "$f" ] || continue
	d=${f%/*}
	cp "$f" "$B/seeds/${d##*/}/hand-${f##*/}"
done
if [ -d "$SUITE" ]; then
	find "$SUITE" -name in.yaml | while read -r f; do
		n=${f#"$SUITE"/}
		cp "$f" "$B/seeds/load/suite-$(echo "${n%/in.yaml}" | tr / -).yaml"
	done
fi
# Queries: lay words, phrases, operators-to-be and text lines from the content.
for q in redness swelling '"side effects"' 'allergic reaction' 'stem cells vs exosomes' \
    'fevr' 'tiredness' 'FDA' "patient's" 'don'"'"'t' 'ｒｅｄｎｅｓｓ' 'fеvеr' '-' '""' \
    '"unclosed' 'a b c d e f g h i j k l m n o p' 'ﬁ ß İ ǅ' 'x*y' 'é́́́'; do
	i=$((i + 1))
	printf '%s' "$q" >"$B/seeds/search/q-$i"
done
# Wrap: the first two bytes are the widths (see fuzz_wrap.c).
cat content/*.yaml 2>/dev/null | grep -v '^ *$' | head -200 | while IFS= read -r line; do
	i=$((i + 1))
	printf '\050\024%s' "$line" >"$B/seeds/wrap/line-$i"
	printf '%s' "$line" | head -c 40 >"$B/seeds/search/line-$i"
done
printf '\001\001a\314\201b\343\201\202\360\237\230\200 c\033[2J\342\200\256' >"$B/seeds/wrap/mixed"

status=0
for t in $TARGETS; do
	bin=$B/fuzz_$t
	case $t in load) max=65536 ;; search) max=512 ;; *) max=8192 ;; esac
	# Inputs that once failed must pass now.
	reg=$(ls tests/fuzz/regress/$t-* 2>/dev/null)
	if [ -n "$reg" ]; then
		if ! "$bin" -rss_limit_mb=4096 $reg >"$B/$t-regress.log" 2>&1; then
			echo "fuzz: target=$t regression input fails:" >&2
			grep -E 'ERROR|SUMMARY|runtime error|Running' "$B/$t-regress.log" | tail -5 >&2
			status=1
		fi
	fi
	mkdir -p "$B/corpus/$t"
	before=$(ls "$B/artifacts" | grep -c "^$t-")
	"$bin" -max_total_time="$SECS" -max_len=$max -timeout=10 -rss_limit_mb=4096 \
	    -print_final_stats=1 -artifact_prefix="$B/artifacts/$t-" \
	    "$B/corpus/$t" "$B/seeds/$t" >"$B/$t.log" 2>&1
	rc=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$B/$t.log" | tail -1)
	after=$(ls "$B/artifacts" | grep -c "^$t-")
	found=$((after - before))
	[ $rc -ne 0 ] && [ $found -eq 0 ] && found=1 # a failure that left no input
	echo "fuzz: target=$t runs=${runs:-0} findings=$found seconds=$SECS"
	if [ $found -gt 0 ]; then
		status=1
		grep -E '^==[0-9]+==ERROR|SUMMARY|runtime error|^artifact_prefix|Test unit written' \
		    "$B/$t.log" | head -8 | sed 's/^/    /'
	fi
done
exit $status
