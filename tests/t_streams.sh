#!/bin/sh
# t_streams.sh - output streams that go away or fill up, and content folders or
# files that cannot be read: each ends quietly or with one clear line, exit 2.
# (Tests run as root, so unreadable files are made as directories, dangling
# symlinks, symlink loops, devices and FIFOs rather than with chmod.)
. "$TOP/tests/lib.sh"

mkdir -p "$TMPD/c"
cat >"$TMPD/c/sources.yaml" <<'EOF'
sources:
  - id: overview
    title: Exosome Therapy Side Effects
    file: 000_overview.txt
EOF
# A long section, so output is far larger than a pipe's buffer.
awk 'BEGIN {
	print "id: long\ntitle: A long section\nbody:"
	for (i = 0; i < 3000; i++)
		printf "  - p: Paragraph %d says that redness and swelling often pass in a day or two.\n    sources: [overview]\n", i
	print "sections:"
	for (i = 0; i < 200; i++)
		printf "  - id: part-%d\n    title: Part %d of the swelling story\n", i, i
}' >"$TMPD/c/10-long.yaml"
C="--content $TMPD/c"
"$EXO" $C check >"$TMPD/out" 2>&1
expect_eq "fixture checks clean" "0:" "$?:$(cat "$TMPD/out")"

# 1. A reader that goes away: head(1) takes one line, exoread says nothing.
# The status of exoread itself is kept in a file, since a pipeline reports head's.
quiet_head() { # quiet_head NAME ARGS...
	name=$1
	shift
	{ "$EXO" "$@" 2>"$TMPD/err"; echo $? >"$TMPD/rc"; } | head -1 >"$TMPD/out"
	rc=$(cat "$TMPD/rc")
	if [ -s "$TMPD/err" ]; then
		fail "$name | head -1: no error text" "$(head -3 "$TMPD/err")"
	elif [ ! -s "$TMPD/out" ]; then
		fail "$name | head -1: the first line arrives"
	elif [ "$rc" -ne 0 ] && [ "$rc" -ne 141 ]; then
		fail "$name | head -1: exit 0 or SIGPIPE, not $rc"
	else
		pass "$name | head -1: quiet"
	fi
}
for f in text markdown json; do
	quiet_head "print --format $f" $C print --format $f long
done
quiet_head "print --format tree" $C print --format tree long
quiet_head "list" $C list
quiet_head "list --format tsv" $C list --format tsv
quiet_head "no command, to a pipe" $C
quiet_head "search" $C search swelling
quiet_head "search --format tsv" $C search --format tsv swelling
quiet_head "search --format json" $C search --format json redness
quiet_head "read, to a pipe" $C read long
# The same when the caller ignores SIGPIPE, so writes fail with EPIPE instead.
(trap '' PIPE; quiet_head "print with SIGPIPE ignored" $C print long)
(trap '' PIPE; quiet_head "search with SIGPIPE ignored" $C search swelling)

# 2. Output that cannot be written is an error, in one line.
if [ -w /dev/full ]; then
	"$EXO" $C print long >/dev/full 2>"$TMPD/err"
	expect_eq "print to a full disk" \
	    "2|exoread: write error: No space left on device" "$?|$(cat "$TMPD/err")"
	"$EXO" $C search swelling >/dev/full 2>"$TMPD/err"
	expect_eq "search to a full disk" \
	    "2|exoread: write error: No space left on device" "$?|$(cat "$TMPD/err")"
else
	fail "print to a full disk" "no writable /dev/full"
fi
"$EXO" $C list >&- 2>"$TMPD/err"
rc=$?
[ $rc -eq 2 ] && [ "$(wc -l <"$TMPD/err")" -eq 1 ] && grep -q '^exoread: write error: ' "$TMPD/err" &&
	pass "list to a closed stdout: one line, exit 2" ||
	fail "list to a closed stdout: one line, exit 2" "exit $rc" "$(cat "$TMPD/err")"

# 3. Content folders and files that cannot be read. Each gives exactly one
# line naming the path, exit 2, and nothing on stdout, for every command.
one_line() { # one_line NAME EXPECTED-LINE ARGS...
	name=$1 want=$2
	shift 2
	timeout 10 "$EXO" "$@" >"$TMPD/out" 2>"$TMPD/err"
	rc=$?
	if [ $rc -eq 124 ]; then
		fail "$name: hangs"
	else
		expect_eq "$name" "2|$want|" "$rc|$(cat "$TMPD/err")|$(head -c 200 "$TMPD/out")"
	fi
}
M=$TMPD/missing
for cmd in list check "print long" "search swelling"; do
	one_line "missing folder: $cmd" \
	    "exoread: $M: error: cannot open content folder: No such file or directory" \
	    --content "$M" $cmd
done
(EXOREAD_CONTENT=$M; export EXOREAD_CONTENT; one_line "missing folder from EXOREAD_CONTENT" \
    "exoread: $M: error: cannot open content folder: No such file or directory" list)
one_line "content folder that is a file" \
    "exoread: $TMPD/c/sources.yaml: error: cannot open content folder: Not a directory" \
    --content "$TMPD/c/sources.yaml" list
mkdir -p "$TMPD/empty" "$TMPD/noyaml/sub.yaml.d"
for cmd in list check "print long"; do
	one_line "empty folder: $cmd" \
	    "exoread: $TMPD/empty: error: no .yaml files in the content folder" \
	    --content "$TMPD/empty" $cmd
done
printf '# Notes\n' >"$TMPD/noyaml/README.md"
printf 'id: x\n' >"$TMPD/noyaml/.hidden.yaml"
printf 'id: x\n' >"$TMPD/noyaml/notes.yml"
one_line "folder with no .yaml files" \
    "exoread: $TMPD/noyaml: error: no .yaml files in the content folder" --content "$TMPD/noyaml" list

# Files that are not regular files, beside clean content.
bad_file() { # bad_file NAME MAKE-COMMAND EXPECTED-MESSAGE
	d=$TMPD/bad-$1
	rm -rf "$d"
	mkdir -p "$d"
	cp "$TMPD/c/sources.yaml" "$d/"
	printf 'id: ok\ntitle: Fine\nbody:\n  - p: Fine.\n    sources: [overview]\n' >"$d/10-ok.yaml"
	(cd "$d" && eval "$2")
	for cmd in check list; do
		one_line "$1: $cmd" "exoread: $d/20-x.yaml: error: $3" --content "$d" $cmd
	done
}
bad_file "folder named x.yaml" 'mkdir 20-x.yaml' "not a regular file"
bad_file "dangling symlink" 'ln -s nowhere.txt 20-x.yaml' "cannot open: No such file or directory"
bad_file "symlink loop" 'ln -s 20-x.yaml 20-x.yaml' \
    "cannot open: Too many levels of symbolic links"
bad_file "device" 'ln -s /dev/zero 20-x.yaml' "not a regular file"
# A FIFO nobody writes to must not block the loader.
bad_file "FIFO" 'mkfifo 20-x.yaml' "not a regular file"
