#!/bin/sh
# deps.sh - check the libraries and tools a step needs and name the Debian
# package of each one missing; with --install, install them when running as
# root with apt-get.
# Usage: mk/deps.sh build|test|check [--install]
#   build  what compiling needs (plain `make` only names what is missing)
#   test   and what the test suites need against the plain build (`make test`)
#   check  and the sanitizer, fuzzing, formatting and packaging tools (`make check`)
set -u
want=${1:-build}
install=${2:-}

missing="" optional=""
need() { # need PACKAGE TEST...
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then missing="$missing $pkg"; fi
}
# Tools whose tests print a skip line when they are absent: installed with
# --install, otherwise only named.
like() { # like PACKAGE TEST...
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then optional="$optional $pkg"; fi
}
have_pc() { pkg-config --exists "$1"; }
have_hdr() { printf '#include <%s>\n' "$1" | ${CC:-cc} -E -x c - >/dev/null 2>&1; }
# libFuzzer's runtime: Debian's unversioned package where it has one.
clang_rt() {
	if apt-cache show libclang-rt-dev >/dev/null 2>&1; then
		echo libclang-rt-dev
	else
		v=$(clang --version 2>/dev/null | sed -n 's/.*clang version \([0-9]*\).*/\1/p' | head -1)
		echo "libclang-rt-${v:-14}-dev"
	fi
}

need pkgconf command -v pkg-config
need make command -v make
need gcc command -v ${CC:-cc}
need libncurses-dev have_pc ncursesw
need libyaml-dev have_pc yaml-0.1
need libicu-dev have_pc icu-uc
need libstemmer-dev have_hdr libstemmer.h
if [ "$want" = test ] || [ "$want" = check ]; then
	need libcmocka-dev have_pc cmocka
	need tmux command -v tmux
	need diction command -v style
	need mandoc command -v mandoc
	need man-db command -v man
	need locales test -f /usr/share/i18n/locales/en_US
fi
if [ "$want" = check ]; then
	need clang command -v clang
	need "$(clang_rt)" test -n "$(find /usr/lib/llvm-* -name 'libclang_rt.fuzzer*.a' 2>/dev/null | head -1)"
	need clang-format command -v clang-format
	like zsh command -v zsh
	like fish command -v fish
	like dpkg-dev command -v dpkg-buildpackage
	like debhelper command -v dh
	like fakeroot command -v fakeroot
	like lintian command -v lintian
	like blhc command -v blhc
fi

root_apt=false
[ "$install" = --install ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1 && root_apt=true
if [ -n "$optional" ] && ! $root_apt; then
	echo "exoread: the tests of completions and packaging skip without:$optional" >&2
elif [ -n "$optional" ]; then
	missing="$missing$optional"
fi
[ -z "$missing" ] && exit 0
echo "exoread: missing Debian packages:$missing" >&2
if $root_apt; then
	echo "exoread: installing them with apt-get" >&2
	export DEBIAN_FRONTEND=noninteractive
	if ! apt-get install -y -q --no-install-recommends $missing >&2; then
		apt-get update -q >&2 && apt-get install -y -q --no-install-recommends $missing >&2 || {
			echo "exoread: could not install:$missing" >&2
			exit 1
		}
	fi
	exit 0
fi
if [ "$install" = --install ]; then
	echo "exoread: install them with: sudo apt-get install$missing" >&2
else
	echo "exoread: install them with: sudo apt-get install$missing (or: sudo make deps)" >&2
fi
exit 1
