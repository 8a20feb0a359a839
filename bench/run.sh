#!/bin/sh
# run.sh - `make bench`: how exoread's cost grows with the content.
#
# Builds the bundled content at 1x, 10x, 100x and 1000x (bench/scale.sh; set
# BENCH_SCALES to choose others) in a temporary folder, and for each scale
# measures in-process (bench/driver.c): load (parse and validate), index,
# search latency, print throughput, the pager's key handling and peak RSS;
# beside it the floor of a bare libyaml event parse (bench/yaml_floor.c) and
# `grep -ril` over the same files. BENCH_ROUNDS (default 5) rounds alternate
# the driver and the floor, and each figure is the best round's, so a slow
# spell of a shared machine does not fall on one side only. Prints a table,
# then one summary line:
#   bench: scale=100x load_vs_libyaml=R search_p50_us=S key_p50_us=K rss_per_content_byte=M
# load_vs_libyaml is the time to load and index, as `search` and the pager do
# it, over the libyaml floor, in wall time: topic files are read by one thread
# per processor (EXOREAD_JOBS) and indexed as each is read, while the floor
# uses one thread, so the table also shows R_cpu, the CPU time of all threads
# over the floor.
# rss_per_content_byte is (peak RSS after load, index and search - RSS before
# loading) / content bytes, in one fresh process.
# Targets at 100x: R <= 1.5, S <= 1000, K <= 1000, M <= 3. Not part of `make check`.
set -eu
TOP=$(cd "$(dirname "$0")/.." && pwd)
cd "$TOP"
CC=${CC:-cc}
B=build/bench
SCALES=${BENCH_SCALES:-1 10 100 1000}
ROUNDS=${BENCH_ROUNDS:-5}
case $ROUNDS in
'' | *[!0-9]* | 0) echo "bench: BENCH_ROUNDS must be a number from 1 up, not '$ROUNDS'" >&2; exit 2 ;;
esac
mkdir -p "$B"
PKG_LIBS="$(pkg-config --libs ncursesw yaml-0.1 icu-uc icu-i18n) -lstemmer -lm -pthread"
OBJS=$(ls build/obj/src/*.o build/obj/src/ui/*.o | grep -v '/main\.o$')
# CPPFLAGS and LDFLAGS as make was given them (the objects were built with them).
$CC ${CPPFLAGS:-} -O2 -g -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Isrc ${LDFLAGS:-} \
    -o "$B/driver" bench/driver.c $OBJS -Wl,--wrap=newterm,--wrap=wget_wch,--wrap=get_wch $PKG_LIBS
$CC ${CPPFLAGS:-} -O2 -g -std=c11 -Wall -Wextra ${LDFLAGS:-} -o "$B/yaml_floor" bench/yaml_floor.c -lyaml

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
: >"$TMP/permb"

# get KEY FILE...: the smallest value of KEY=... in the FILEs (the best round);
# getmax: the largest (for throughput).
get() {
	k=$1
	shift
	sed -n "s/^$k=//p" "$@" | LC_ALL=C sort -g | head -1
}
getmax() {
	k=$1
	shift
	sed -n "s/^$k=//p" "$@" | LC_ALL=C sort -g | tail -1
}
ms() { awk -v us="$1" 'BEGIN { printf "%.1f", us / 1000 }'; }
now_us() { echo $(($(date +%s%N) / 1000)); }

printf '%-6s %7s %6s %7s %9s %9s %9s %8s %9s %6s %6s %6s %8s %8s %8s %8s %8s %7s %7s %8s %7s\n' \
    scale MB files sections load_ms index_ms total_ms cold_ms libyaml_ms R R_load R_cpu grep_ms \
    srch_p50 srch_p95 all_p50 print_MBs key_p50 key_p95 rss_MB rss/B
summary=
for n in $SCALES; do
	d=$TMP/x$n
	sh bench/scale.sh content "$d" "$n"
	# Rounds alternate exoread and the floor, so a slow spell of a shared
	# machine falls on both; each figure is the best round's.
	rm -f "$TMP"/drv.* "$TMP"/floor.*
	r=1
	while [ "$r" -le "$ROUNDS" ]; do
		"$B/driver" "$d" >"$TMP/drv.$r" 2>"$TMP/driver.err" || {
			echo "bench: driver failed at ${n}x:" >&2
			cat "$TMP/driver.err" >&2
			exit 1
		}
		"$B/yaml_floor" "$d" >"$TMP/floor.$r"
		r=$((r + 1))
	done
	# grep -ril over the same files: best of three.
	best=
	for r in 1 2 3; do
		a=$(now_us)
		grep -ril swelling "$d" >/dev/null
		t=$(($(now_us) - a))
		[ -z "$best" ] || [ "$t" -lt "$best" ] && best=$t
	done
	bytes=$(get bytes "$TMP"/drv.*)
	load=$(get load_us "$TMP"/drv.*)
	index=$(get index_us "$TMP"/drv.*)
	total=$(get total_us "$TMP"/drv.*)
	floor=$(get floor_us "$TMP"/floor.*)
	rss=$(get rss_kb "$TMP/drv.1")
	base=$(get rss_base_kb "$TMP/drv.1")
	line=$(awk -v n="$n" -v bytes="$bytes" -v load="$load" -v idx="$index" -v total="$total" -v cold="$(get cold_us "$TMP"/drv.*)" -v floor="$floor" \
	    -v grep_us="$best" -v rss="$rss" -v base="$base" -v cpu="$(get cpu_us "$TMP"/drv.*)" \
	    -v files="$(get files "$TMP"/drv.*)" -v secs="$(get sections "$TMP"/drv.*)" \
	    -v s50="$(get search_p50_us "$TMP"/drv.*)" -v s95="$(get search_p95_us "$TMP"/drv.*)" \
	    -v t50="$(get searchall_p50_us "$TMP"/drv.*)" -v pr="$(getmax print_text_mb_s "$TMP"/drv.*)" \
	    -v k50="$(get key_p50_us "$TMP"/drv.*)" -v k95="$(get key_p95_us "$TMP"/drv.*)" 'BEGIN {
		R = total / floor; Rl = load / floor; Rc = cpu / floor; M = (rss - base) * 1024 / bytes
		printf "%-6s %7.2f %6d %7d %9.1f %9.1f %9.1f %8.1f %9.1f %6.2f %6.2f %6.2f %8.1f %8.0f %8.0f %8.0f %8.1f %7.0f %7.0f %8.1f %7.2f\n",
		    n "x", bytes / 1048576, files, secs, load / 1000, idx / 1000, total / 1000,
		    cold / 1000, floor / 1000, R, Rl, Rc,
		    grep_us / 1000, s50, s95, t50, pr, k50, k95, rss / 1024, M
		printf "PERMB %-6s %9.1f %9.1f %9.1f %10.0f %10.0f\n", n "x", load / 1000 / (bytes / 1048576),
		    idx / 1000 / (bytes / 1048576), floor / 1000 / (bytes / 1048576),
		    s50 / (bytes / 1048576), t50 / (bytes / 1048576)
		if (n == 100)
			printf "SUMMARY bench: scale=100x load_vs_libyaml=%.2f search_p50_us=%.0f key_p50_us=%.0f rss_per_content_byte=%.2f\n",
			    R, s50, k50, M
	}')
	echo "$line" | grep -v '^SUMMARY \|^PERMB '
	echo "$line" | sed -n 's/^PERMB //p' >>"$TMP/permb"
	s=$(echo "$line" | sed -n 's/^SUMMARY //p')
	[ -n "$s" ] && summary=$s
	[ "$(getmax keys_status "$TMP"/drv.*)" = 0 ] ||
		echo "bench: the pager run at ${n}x ended with status $(getmax keys_status "$TMP"/drv.*)" >&2
	rm -rf "$d"
done
echo
echo "Growth: cost per MB of content at each scale (flat columns mean linear cost)."
printf '%-6s %9s %9s %9s %10s %10s\n' scale load_ms index_ms libyaml_ms srch_us all_us
cat "$TMP/permb"
echo
echo "load = parse and validate; index = building the index alone; total = loading as"
echo "'search' and the pager do, indexing each topic file as soon as it is read, on threads"
echo "(EXOREAD_JOBS); cold = total in a fresh process, once, where all memory is new;"
echo "R = total / libyaml floor, in wall time; R_load = load / floor;"
echo "R_cpu = CPU time of total, all threads together, / floor; srch = best 20 hits (as"
echo "'exoread search'), all = every hit (--limit 0); times in ms, latencies in us; rss/B = RSS"
echo "growth over the pre-load RSS per content byte, in the fresh process after load,"
echo "index and one search of each query."
[ -n "$summary" ] && echo "$summary"
exit 0
