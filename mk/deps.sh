#!/bin/sh
# deps.sh - check the libraries and tools the build needs; name the Debian
# package of each one missing, and install it when running as root with apt-get.
# Usage: mk/deps.sh build|check
set -u
want=${1:-build}

missing=""
need() { # need PACKAGE TEST...
	pkg=$1; shift
	if ! "$@" >/dev/null 2>&1; then missing="$missing $pkg"; fi
}
have_pc() { pkg-config --exists "$1"; }
have_hdr() { printf '#include <%s>\n' "$1" | ${CC:-cc} -E -x c - >/dev/null 2>&1; }

need pkgconf command -v pkg-config
need make command -v make
need gcc command -v ${CC:-cc}
need libncurses-dev have_pc ncursesw
need libyaml-dev have_pc yaml-0.1
need libicu-dev have_pc icu-uc
need libstemmer-dev have_hdr libstemmer.h
need libhunspell-dev have_pc hunspell
need hunspell-en-us test -f /usr/share/hunspell/en_US.dic
if [ "$want" = check ]; then
	need libcmocka-dev have_pc cmocka
	need tmux command -v tmux
	need diction command -v style
	need mandoc command -v mandoc
	need clang command -v clang
	need libclang-rt-14-dev test -n "$(find /usr/lib/llvm-* -name 'libclang_rt.fuzzer*.a' 2>/dev/null | head -1)"
	need man-db command -v man
	need python3 command -v python3
fi

[ -z "$missing" ] && exit 0
echo "exoread: missing Debian packages:$missing" >&2
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
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
echo "exoread: install them with: sudo apt-get install$missing" >&2
exit 1
