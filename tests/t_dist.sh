#!/bin/sh
# no-asan (it checks the release tarball, not the program)
# t_dist.sh - `make dist` writes exoread-VERSION.tar.gz holding exactly the files
# under version control (less .gitignore and .ci/) and a MANIFEST of them; no
# .git, no build/. Made again from the unpacked tarball, it holds the same files.
# The version is written once, in the Makefile: NEWS and debian/changelog follow it.
# (make distcheck, which runs make check in the unpacked tarball, is too slow
# for make check itself.)
. "$(dirname "$0")/lib.sh"

unset MAKEFLAGS MFLAGS MAKELEVEL
VERSION=$(sed -n 's/^VERSION *:= *//p' "$TOP/Makefile")
case $VERSION in
[0-9]*.[0-9]*.[0-9]*) pass "version $VERSION in the Makefile" ;;
*) fail "version in the Makefile" "got '$VERSION'" ;;
esac
expect_eq "NEWS names the version first" "exoread $VERSION" \
	"$(grep -m1 '^exoread [0-9]' "$TOP/NEWS")"
if [ -f "$TOP/debian/changelog" ]; then
	expect_eq "debian/changelog follows the version" "$VERSION" \
		"$(sed -n '1s/^exoread (\([^-)]*\)-[^)]*).*/\1/p' "$TOP/debian/changelog")"
fi

if [ -e "$TOP/.git" ] && command -v git >/dev/null 2>&1 && git -C "$TOP" rev-parse >/dev/null 2>&1; then
	{ git -C "$TOP" ls-files | grep -v -e '^\.gitignore$' -e '^\.ci/'; echo MANIFEST; } >"$TMPD/want"
else
	cp "$TOP/MANIFEST" "$TMPD/want" # an unpacked tarball: its MANIFEST is the list
fi
LC_ALL=C sort -o "$TMPD/want" "$TMPD/want"

# dist_files TARBALL: the files it holds, without the leading folder.
dist_files() { tar tzf "$1" | grep -v '/$' | sed "s|^exoread-$VERSION/||" | LC_ALL=C sort; }

if make -s -C "$TOP" dist >"$TMPD/dist.out" 2>&1; then pass "make dist"; else fail "make dist" "$(tail -5 "$TMPD/dist.out")"; fi
TB=$TOP/build/exoread-$VERSION.tar.gz
expect_eq "make dist names its tarball" "build/exoread-$VERSION.tar.gz" "$(tail -1 "$TMPD/dist.out")"
dist_files "$TB" >"$TMPD/got"
if diff -u "$TMPD/want" "$TMPD/got" >"$TMPD/files.diff"; then pass "the tarball holds exactly the tracked files"
else fail "the tarball holds exactly the tracked files" "$(head -20 "$TMPD/files.diff")"; fi
expect_eq "every file under exoread-$VERSION/" "" "$(tar tzf "$TB" | grep -v "^exoread-$VERSION/")"
expect_eq "no .git or build/ in the tarball" "" "$(grep -E '^(\.git|build)(/|$)' "$TMPD/got")"
expect_eq "MANIFEST lists the tarball" "$(cat "$TMPD/got")" \
	"$(tar xzf "$TB" -O "exoread-$VERSION/MANIFEST")"
if tar tvzf "$TB" | awk '{print $2}' | grep -qv '^0/0$'; then
	fail "files in the tarball belong to root" "$(tar tvzf "$TB" | head -3)"
else
	pass "files in the tarball belong to root"
fi

# From the unpacked tarball (no .git), make dist makes the same files.
mkdir -p "$TMPD/unpacked"
tar xzf "$TB" -C "$TMPD/unpacked"
U=$TMPD/unpacked/exoread-$VERSION
if make -s -C "$U" dist >"$TMPD/dist2.out" 2>&1; then pass "make dist in the unpacked tarball"
else fail "make dist in the unpacked tarball" "$(tail -5 "$TMPD/dist2.out")"; fi
dist_files "$U/build/exoread-$VERSION.tar.gz" >"$TMPD/got2"
if diff -u "$TMPD/got" "$TMPD/got2" >"$TMPD/files2.diff"; then pass "the tarball's own make dist holds the same files"
else fail "the tarball's own make dist holds the same files" "$(head -20 "$TMPD/files2.diff")"; fi
