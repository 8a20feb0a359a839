#!/bin/sh
# no-asan (it builds the package from the sources, whatever $EXO is)
# t_deb.sh - the Debian package: from the release tarball (make dist),
# `dpkg-buildpackage -us -uc -b` builds it (tests left to make check itself:
# nocheck), lintian accepts it with no error or warning, blhc finds every
# hardening flag on every compile and link, and the package, unpacked with
# dpkg -x into a throwaway root, holds the program, the content, the manual
# pages and the completions; the installed program reads the installed content.
# Skips, with a line, where dpkg-buildpackage, debhelper or lintian are missing.
. "$(dirname "$0")/lib.sh"

if [ -n "${EXOREAD_PACKAGE_BUILD:-}" ]; then
	skip "inside a package build (debian/rules)"
	exit 0
fi
for tool in dpkg-buildpackage:dpkg-dev dh:debhelper lintian:lintian; do
	if ! command -v "${tool%%:*}" >/dev/null 2>&1; then
		skip "no ${tool%%:*} (Debian: ${tool#*:}; mk/deps.sh check --install installs it)"
		exit 0
	fi
done
unset MAKEFLAGS MFLAGS MAKELEVEL
VERSION=$(sed -n 's/^VERSION *:= *//p' "$TOP/Makefile")
DEBVER=$(sed -n '1s/^exoread (\([^)]*\)).*/\1/p' "$TOP/debian/changelog")
ARCH=$(dpkg --print-architecture)

make -s -C "$TOP" dist >"$TMPD/dist.log" 2>&1 || { fail "make dist" "$(tail -5 "$TMPD/dist.log")"; exit 0; }
tar xzf "$TOP/build/exoread-$VERSION.tar.gz" -C "$TMPD"
S=$TMPD/exoread-$VERSION
if (cd "$S" && DEB_BUILD_OPTIONS="nocheck parallel=2" DEB_BUILD_PROFILES=nocheck \
	dpkg-buildpackage -us -uc -b) >"$TMPD/build.log" 2>&1; then
	pass "dpkg-buildpackage -us -uc -b"
else
	fail "dpkg-buildpackage -us -uc -b" "$(tail -20 "$TMPD/build.log")"
	exit 0
fi
DEB=$TMPD/exoread_${DEBVER}_$ARCH.deb
CHANGES=$TMPD/exoread_${DEBVER}_$ARCH.changes
if [ -f "$DEB" ]; then pass "the package is exoread_${DEBVER}_$ARCH.deb"
else fail "the package is exoread_${DEBVER}_$ARCH.deb" "$(ls "$TMPD")"; exit 0; fi

# lintian: not one error or warning (overrides carry their reasons in debian/).
if lintian --fail-on error,warning "$CHANGES" >"$TMPD/lintian.out" 2>&1; then
	pass "lintian --fail-on error,warning"
else
	fail "lintian --fail-on error,warning" "$(grep -v '^running with root' "$TMPD/lintian.out")"
fi
if command -v blhc >/dev/null 2>&1; then
	# --bindnow: debian/rules asks for every hardening feature, -z now included.
	if blhc --bindnow "$TMPD/build.log" >"$TMPD/blhc.out" 2>&1; then
		pass "blhc: hardening flags on every compile and link"
	else
		fail "blhc: hardening flags on every compile and link" "$(head -5 "$TMPD/blhc.out")"
	fi
	n=$(grep -c -e ' -c src/' "$TMPD/build.log")
	expect_eq "the build log shows every compile (for blhc)" "$(ls "$S"/src/*.c "$S"/src/ui/*.c | wc -l)" "$n"
else
	skip "no blhc (Debian: blhc): hardening flags in the build log not checked"
fi

# The package's files, in a throwaway root.
R=$TMPD/root
dpkg -x "$DEB" "$R"
for f in usr/bin/exoread usr/share/exoread/sources.yaml usr/share/exoread/00-notice.yaml \
	usr/share/man/man1/exoread.1.gz usr/share/man/man5/exoread-content.5.gz \
	usr/share/bash-completion/completions/exoread usr/share/zsh/vendor-completions/_exoread \
	usr/share/fish/vendor_completions.d/exoread.fish usr/share/doc/exoread/copyright \
	usr/share/doc/exoread/changelog.gz; do
	if [ -f "$R/$f" ]; then pass "package holds /$f"; else fail "package holds /$f"; fi
done
expect_eq "package holds every content file" "$(cd "$TOP/content" && ls *.yaml)" \
	"$(cd "$R/usr/share/exoread" && ls)"
if grep -q -a '/usr/share/exoread' "$R/usr/bin/exoread"; then pass "program looks for /usr/share/exoread"
else fail "program looks for /usr/share/exoread"; fi
if LC_ALL=C readelf -d "$R/usr/bin/exoread" 2>/dev/null | grep -q 'BIND_NOW'; then pass "program linked with -z now"
else fail "program linked with -z now"; fi

# The installed program on the installed content.
X=$R/usr/bin/exoread
I=$R/usr/share/exoread
"$X" --content "$I" check >"$TMPD/check.out" 2>&1
expect_eq "installed program checks the installed content (exit)" 0 $?
"$X" --content "$I" list >"$TMPD/list.got" 2>&1
expect_eq "installed program lists the installed content (exit)" 0 $?
"$TOP/build/exoread" --content "$TOP/content" list >"$TMPD/list.want" 2>&1
golden "installed program lists what the tree's lists" "$TMPD/list.want" "$TMPD/list.got"
"$X" --content "$I" search --format tsv redness >"$TMPD/search.got" 2>&1
"$TOP/build/exoread" --content "$TOP/content" search --format tsv redness >"$TMPD/search.want" 2>&1
golden "installed program searches as the tree's does" "$TMPD/search.want" "$TMPD/search.got"
cv=$(sed -n 's/^version: *"\{0,1\}\([^"]*\)"\{0,1\}$/\1/p' "$TOP/content/sources.yaml")
got=$("$X" --content "$I" --version 2>&1 | head -2)
case $got in
"exoread $VERSION
content: version $cv, "*"($I)") pass "installed program names its version and the content's" ;;
*) fail "installed program names its version and the content's" "$got" ;;
esac
for m in man1/exoread.1 man5/exoread-content.5; do
	if zcat "$R/usr/share/man/$m.gz" | grep -q '/usr/local'; then
		fail "installed $m names /usr, not /usr/local" "$(zcat "$R/usr/share/man/$m.gz" | grep /usr/local)"
	else
		pass "installed $m names /usr, not /usr/local"
	fi
done
if zcat "$R/usr/share/man/man1/exoread.1.gz" | grep -q '/usr/share/zsh/vendor-completions/_exoread'; then
	pass "installed manual names the installed completions"
else
	fail "installed manual names the installed completions"
fi
