#!/bin/sh
# distcheck.sh TARBALL - check a release tarball builds and installs on its own:
# unpack it in a temporary folder, run `make check` there, install into a
# DESTDIR and uninstall, and fail if the uninstall leaves a file behind or the
# build wrote anywhere but build/. Prints "distcheck: ... ready" on success.
set -eu
tarball=$1
case $tarball in /*) ;; *) tarball=$(pwd)/$tarball ;; esac
name=$(basename "$tarball" .tar.gz)
T=$(mktemp -d "${TMPDIR:-/tmp}/exoread-distcheck.XXXXXX")
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
# A make started from another make must not join that one's job server.
unset MAKEFLAGS MFLAGS MAKELEVEL
JOBS=${JOBS:-2}

say() { echo "distcheck: $*"; }
die() { echo "distcheck: $*" >&2; exit 1; }
listing() { (cd "$1" && find . ! -path './build' ! -path './build/*' | LC_ALL=C sort); }

tar -xzf "$tarball" -C "$T"
[ -d "$T/$name" ] || die "$tarball does not unpack to $name/"
listing "$T/$name" >"$T/before"
say "make check in $T/$name"
make -C "$T/$name" -j"$JOBS" check || die "make check failed in the unpacked tarball"

D=$T/dest
make -C "$T/$name" install DESTDIR="$D" PREFIX=/usr >"$T/install.log" 2>&1 ||
	die "make install failed: $(tail -5 "$T/install.log")"
[ -x "$D/usr/bin/exoread" ] || die "make install did not install usr/bin/exoread"
EXOREAD_CONTENT=$D/usr/share/exoread "$D/usr/bin/exoread" list >/dev/null ||
	die "the installed program does not read the installed content"
say "installed $(cd "$D" && find . -type f | wc -l) files"
make -C "$T/$name" uninstall DESTDIR="$D" PREFIX=/usr >"$T/uninstall.log" 2>&1 ||
	die "make uninstall failed: $(tail -5 "$T/uninstall.log")"
left=$(cd "$D" && find . ! -type d)
[ -z "$left" ] || die "make uninstall left files behind: $left"

# Nothing but build/ may differ from what the tarball held.
listing "$T/$name" >"$T/after"
if ! diff -u "$T/before" "$T/after" >"$T/tree.diff"; then
	die "the build changed the unpacked tree outside build/: $(grep '^[-+]\./' "$T/tree.diff")"
fi
say "$name.tar.gz is ready"
