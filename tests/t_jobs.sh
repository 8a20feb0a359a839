#!/bin/sh
# t_jobs.sh - topic files are read by several threads (EXOREAD_JOBS): the
# content, the output and every message, in order, are the same as when one
# thread reads them all.
. "$TOP/tests/lib.sh"

# run JOBS OUT ARGS...: exoread with EXOREAD_JOBS=JOBS; stdout, stderr and status to OUT.*
run() {
	jobs=$1 out=$2
	shift 2
	EXOREAD_JOBS=$jobs "$EXO" "$@" >"$out.out" 2>"$out.err"
	echo $? >"$out.rc"
}

# same NAME ARGS...: one thread and 2, 3 and 7 threads give the same bytes and status.
same() {
	name=$1
	shift
	run 1 "$TMPD/one" "$@"
	for j in 2 3 7; do
		run $j "$TMPD/many" "$@"
		if cmp -s "$TMPD/one.out" "$TMPD/many.out" && cmp -s "$TMPD/one.err" "$TMPD/many.err" &&
		    cmp -s "$TMPD/one.rc" "$TMPD/many.rc"; then
			pass "$name, $j threads"
		else
			fail "$name, $j threads" "$(diff "$TMPD/one.err" "$TMPD/many.err" | head -10)" \
			    "status $(cat "$TMPD/one.rc") / $(cat "$TMPD/many.rc")" \
			    "$(diff "$TMPD/one.out" "$TMPD/many.out" | head -10)"
		fi
	done
}

# folder DIR: a new content folder holding the test sources.yaml only.
folder() {
	mkdir -p "$1"
	cp "$TOP/tests/golden/bad/sources.yaml" "$1/"
}

# 1. The bundled content: every section, in every format, and a search.
same "print --format json" print --format json
same "print --format text" print --width 72
same "list" list
same "search" search --limit 0 "swelling after the shot"

# 2. Many broken files: each file's messages stay together, files in name order.
B=$TMPD/broken
folder "$B"
for f in "$TOP"/tests/golden/bad/*.yaml; do
	n=$(basename "$f")
	[ "$n" = sources.yaml ] || cp "$f" "$B/$n"
done
# Copies under other names, so there is more to share out than threads.
for k in 1 2 3; do
	for f in "$TOP"/tests/golden/bad/*.yaml; do
		n=$(basename "$f")
		[ "$n" = sources.yaml ] || sed "s/^id: /id: k$k-/" "$f" >"$B/k$k-$n"
	done
done
same "check of broken files" --content "$B" check
run 4 "$TMPD/b" --content "$B" check
expect_eq "broken files fail" "2" "$(cat "$TMPD/b.rc")"

# 3. An error flood in several files keeps the per-file cap.
F=$TMPD/flood
folder "$F"
for k in 1 2 3 4; do
	awk -v k=$k 'BEGIN {
		printf "id: flood-%d\ntitle: Flood\nbody:\n", k
		for (i = 0; i < 300; i++)
			printf "  - p: Text %d.\n    sources: [nowhere]\n", i
	}' >"$F/$k.yaml"
done
same "error flood" --content "$F" check
run 4 "$TMPD/f" --content "$F" check
expect_eq "each file lists 100 errors, then one line" "404" "$(wc -l <"$TMPD/f.err" | tr -d ' ')"

# 4. Unreadable files among readable ones.
U=$TMPD/unread
mkdir -p "$U"
cp "$TOP"/content/*.yaml "$U/"
mkdir "$U/15-dir.yaml"
ln -s nowhere "$U/55-dangling.yaml"
same "unreadable files" --content "$U" check

# 5. A bad value is named and ignored.
for v in 0 -1 x 2x 65 99999999999999999999; do
	EXOREAD_JOBS=$v "$EXO" list >"$TMPD/v.out" 2>"$TMPD/v.err"
	expect_eq "EXOREAD_JOBS=$v: named and ignored" \
	    "0|exoread: EXOREAD_JOBS=$v is not a number from 1 to 64; ignored" \
	    "$?|$(cat "$TMPD/v.err")"
done
EXOREAD_JOBS=64 "$EXO" list >/dev/null 2>"$TMPD/v.err"
expect_eq "EXOREAD_JOBS=64 is taken" "0|" "$?|$(cat "$TMPD/v.err")"

# 6. An index begun while broken content loads is dropped cleanly (the ASan
# run checks that nothing leaks), with the same messages as `check`.
for j in 1 3; do
	EXOREAD_JOBS=$j "$EXO" --content "$B" search swelling >"$TMPD/s.out" 2>"$TMPD/s.err"
	rc=$?
	EXOREAD_JOBS=$j "$EXO" --content "$B" check >/dev/null 2>"$TMPD/c.err"
	expect_eq "search on broken content, $j threads: exit 2, the check messages" \
	    "2|$(cat "$TMPD/c.err")" "$rc|$(cat "$TMPD/s.err")"
done

# 7. A folder with sources.yaml and no topic file: one clear line, exit 2.
O=$TMPD/only
folder "$O"
same "no topic file" --content "$O" check
for cmd in check list "search swelling"; do
	EXOREAD_JOBS=4 "$EXO" --content "$O" $cmd >/dev/null 2>"$TMPD/o.err"
	expect_eq "no topic file: $cmd" \
	    "2|exoread: $O: error: no sections: the content folder holds no topic files" \
	    "$?|$(cat "$TMPD/o.err")"
done
