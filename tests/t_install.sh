#!/bin/sh
# t_install.sh - make install / make uninstall honour DESTDIR and PREFIX, put every
# file where the manual says, the installed program finds its content with no
# flags, EXOREAD_CONTENT and --content override it, and uninstall leaves no file.
# no-asan
# This suite installs build/exoread itself, whatever $EXO is.
. "$(dirname "$0")/lib.sh"

# A make started from `make check` must not join the outer make's job server.
unset MAKEFLAGS MFLAGS MAKELEVEL
CONTENT_FILES=$(cd "$TOP/content" && ls *.yaml)

# Our own small content folder, to show that overrides win over the installed one.
OTHER=$TMPD/clinic
mkdir -p "$OTHER"
cat >"$OTHER/sources.yaml" <<'YAML'
sources:
  - id: overview
    title: Exosome Therapy Side Effects
    file: 000_5c5f58f0b6b44dac.txt
YAML
cat >"$OTHER/10-clinic.yaml" <<'YAML'
id: clinic-hours
title: When our clinic is open
body:
  - p: Call us if you are not sure what to do.
    sources: [overview]
YAML

# installed_files ROOT: every file and link under ROOT, relative, sorted.
installed_files() { [ ! -d "$1" ] || (cd "$1" && find . ! -type d | sed 's|^\./||' | LC_ALL=C sort); }

# expect_layout NAME ROOT PREFIX: the installed files are exactly the expected ones.
expect_layout() {
	pfx=${3#/}
	pfx=${pfx:+$pfx/}
	{
		echo "${pfx}bin/exoread"
		echo "${pfx}share/bash-completion/completions/exoread"
		echo "${pfx}share/fish/vendor_completions.d/exoread.fish"
		echo "${pfx}share/zsh/vendor-completions/_exoread"
		for f in $CONTENT_FILES; do echo "${pfx}share/exoread/$f"; done
		echo "${pfx}share/man/man1/exoread.1"
		echo "${pfx}share/man/man5/exoread-content.5"
	} | LC_ALL=C sort >"$TMPD/want.files"
	installed_files "$2" >"$TMPD/got.files"
	if diff -u "$TMPD/want.files" "$TMPD/got.files" >"$TMPD/files.diff"; then
		pass "$1"
	else
		fail "$1" "$(cat "$TMPD/files.diff")"
	fi
}

# The content folder is compiled into the program, so every PREFIX needs its own
# build. Make them in a copy of the tree, so that the tree under test is never
# rebuilt, keeping the timestamps and the objects that do not depend on the
# folder: only those that do are rebuilt, before each install.
T=$TMPD/tree
mkdir -p "$T/build"
(cd "$TOP" && cp -Rp Makefile mk src content man completion "$T/") &&
	cp -Rp "$TOP/build/obj" "$TOP/build/.deps" "$T/build/" 2>/dev/null
datadir_objs=$(cd "$T" && grep -l EXOREAD_DATADIR src/*.c src/*/*.c 2>/dev/null | sed 's|^|build/obj/|; s|\.c$|.o|')
fresh_build() { (cd "$T" && rm -f build/exoread $datadir_objs); }

# --- 1. DESTDIR and PREFIX -------------------------------------------------------
D=$TMPD/dest P=/opt/exoread-test
fresh_build
"$TOP/build/exoread" --content "$TOP/content" list >"$TMPD/list.want" 2>&1
# Without an installed tree the checks below would only repeat this failure.
if make -s -C "$T" install DESTDIR="$D" PREFIX="$P" >"$TMPD/install.log" 2>&1; then
	pass "make install DESTDIR PREFIX"
else
	fail "make install DESTDIR PREFIX" "$(tail -20 "$TMPD/install.log")"
	exit 0
fi
expect_layout "DESTDIR layout" "$D" "$P"
expect_eq "binary mode" "755" "$(stat -c %a "$D$P/bin/exoread" 2>&1)"
expect_eq "man page mode" "644" "$(stat -c %a "$D$P/share/man/man1/exoread.1" 2>&1)"
if cmp -s "$T/build/exoread" "$D$P/bin/exoread"; then pass "installed binary is build/exoread"
else fail "installed binary is build/exoread"; fi

EXOREAD_CONTENT=$D$P/share/exoread "$D$P/bin/exoread" list >"$TMPD/list.got" 2>&1
expect_eq "installed binary lists the installed content (exit)" 0 $?
golden "installed binary lists the installed content" "$TMPD/list.want" "$TMPD/list.got"
EXOREAD_CONTENT=$TMPD/nowhere "$D$P/bin/exoread" --content "$D$P/share/exoread" list \
	>"$TMPD/list.got" 2>&1
golden "--content wins over EXOREAD_CONTENT" "$TMPD/list.want" "$TMPD/list.got"
EXOREAD_CONTENT=$TMPD/nowhere "$D$P/bin/exoread" list >/dev/null 2>"$TMPD/nowhere.err"
expect_eq "a missing EXOREAD_CONTENT folder exits 2" 2 $?
if grep -q "nowhere" "$TMPD/nowhere.err"; then pass "a missing folder is named in the error"
else fail "a missing folder is named in the error" "$(cat "$TMPD/nowhere.err")"; fi

page=$(MANPATH=$D$P/share/man man -w exoread 2>&1)
expect_eq "man finds exoread(1)" "$D$P/share/man/man1/exoread.1" "$page"
page=$(MANPATH=$D$P/share/man man -w 5 exoread-content 2>&1)
expect_eq "man finds exoread-content(5)" "$D$P/share/man/man5/exoread-content.5" "$page"
got=$(bash -c '. "$1" && complete -p exoread' _ "$D$P/share/bash-completion/completions/exoread" 2>&1)
expect_eq "installed completion registers" "complete -F _exoread exoread" "$got"
if command -v zsh >/dev/null 2>&1; then
	got=$(HOME=$TMPD zsh -f -c 'fpath=("$1" $fpath); autoload -Uz compinit; compinit -u -D
		print -r -- ${_comps[exoread]}' _ "$D$P/share/zsh/vendor-completions" 2>&1)
	expect_eq "installed zsh completion registers" "_exoread" "$got"
fi
if command -v fish >/dev/null 2>&1; then
	got=$(HOME=$TMPD fish --no-config -c 'source $argv[1]; complete -C "exoread --colo"' \
		"$D$P/share/fish/vendor_completions.d/exoread.fish" 2>&1 | cut -f1)
	expect_eq "installed fish completion completes" "--color" "$got"
fi

if make -s -C "$T" uninstall DESTDIR="$D" PREFIX="$P" >"$TMPD/uninstall.log" 2>&1; then
	pass "make uninstall DESTDIR PREFIX"
else
	fail "make uninstall DESTDIR PREFIX" "$(tail -20 "$TMPD/uninstall.log")"
fi
expect_eq "uninstall leaves no file" "" "$(installed_files "$D")"
if [ -d "$D$P/share/exoread" ]; then fail "uninstall removes share/exoread"
else pass "uninstall removes share/exoread"; fi

# --- 2. PREFIX alone: the compiled-in content folder ----------------------------
P2=$TMPD/prefix
fresh_build
if make -s -C "$T" install PREFIX="$P2" >"$TMPD/install2.log" 2>&1; then
	pass "make install PREFIX"
else
	fail "make install PREFIX" "$(tail -20 "$TMPD/install2.log")"
	exit 0
fi
expect_layout "PREFIX layout" "$P2" ""
(cd / && "$P2/bin/exoread" list) >"$TMPD/list.got" 2>&1
expect_eq "installed binary finds its content with no flags (exit)" 0 $?
golden "installed binary finds its content with no flags" "$TMPD/list.want" "$TMPD/list.got"
got=$(cd / && EXOREAD_CONTENT=$OTHER "$P2/bin/exoread" list --format tsv 2>&1)
expect_eq "EXOREAD_CONTENT overrides the installed content" "$(printf 'clinic-hours\tWhen our clinic is open')" "$got"
got=$(cd / && EXOREAD_CONTENT=$TMPD/nowhere "$P2/bin/exoread" --content "$OTHER" list --format tsv 2>&1)
expect_eq "--content overrides the installed content" "$(printf 'clinic-hours\tWhen our clinic is open')" "$got"

if make -s -C "$T" uninstall PREFIX="$P2" >"$TMPD/uninstall2.log" 2>&1; then
	pass "make uninstall PREFIX"
else
	fail "make uninstall PREFIX" "$(tail -20 "$TMPD/uninstall2.log")"
fi
expect_eq "uninstall PREFIX leaves no file" "" "$(installed_files "$P2")"
