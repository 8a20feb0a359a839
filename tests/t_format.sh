#!/bin/sh
# no-asan (it reads the sources, not the program)
# t_format.sh - the C sources follow .clang-format: `make check-format` runs
# clang-format --dry-run --Werror on src/ and tests/unit/ (the files `make format` formats).
. "$(dirname "$0")/lib.sh"

if ! command -v clang-format >/dev/null 2>&1; then
	skip "no clang-format (Debian: clang-format)"
	exit 0
fi
# A make started from `make check` must not join the outer make's job server.
unset MAKEFLAGS MFLAGS MAKELEVEL
if make -s -C "$TOP" check-format >"$TMPD/format.out" 2>&1; then
	pass "clang-format --dry-run --Werror: the sources are formatted"
else
	fail "clang-format --dry-run --Werror: the sources are formatted" \
		"$(grep 'error:' "$TMPD/format.out" | head -10)" "run: make format"
fi
