#!/bin/sh
# no-asan (it reads what make would run, not the program)
# t_build.sh - the Makefile honours CPPFLAGS, CFLAGS and LDFLAGS: with the flags a
# distribution sets (here CFLAGS=-O2 LDFLAGS=-Wl,-z,now), `make -n` shows them
# on every compile and every link: the program, the sanitizer builds, the unit
# tests and the fuzz targets. Also: the warnings, header dependencies, -Werror in CI.
. "$(dirname "$0")/lib.sh"

unset MAKEFLAGS MFLAGS MAKELEVEL
cd "$TOP" || exit 2
FLAGS_CPP=-DEXOREAD_CPPFLAGS_SEEN
# dryrun OUT [VAR=VALUE...]: every command make would run for check and the fuzz targets.
dryrun() {
	out=$1
	shift
	# One line per command: join the lines a recipe continues with '\'.
	make -n -B "$@" check fuzz-build 2>"$TMPD/make.err" | sed -e :a -e '/\\$/N; s/\\\n//; ta' >"$out" ||
		fail "make -n $*" "$(tail -5 "$TMPD/make.err")"
}
# CI= : this part shows the build outside CI, even when make check runs in CI.
dryrun "$TMPD/n.out" CI= CFLAGS=-O2 LDFLAGS=-Wl,-z,now CPPFLAGS=$FLAGS_CPP

# Compiles and links of our own sources (cc or clang ... -o build/...).
grep -E '^(cc|gcc|clang|\S*cc) .* -o build/' "$TMPD/n.out" >"$TMPD/cmds"
grep -e ' -c ' "$TMPD/cmds" >"$TMPD/compiles"
grep -v -e ' -c ' "$TMPD/cmds" >"$TMPD/links"
nunit=$(ls tests/unit/test_*.c | wc -l)
nfuzz=$(ls tests/fuzz/fuzz_*.c | wc -l)
nsrc=$(ls src/*.c src/ui/*.c | wc -l)
# program, ASan and TSan programs, the unit tests twice, the fuzz targets
expect_eq "link lines: every binary" $((3 + 2 * nunit + nfuzz)) "$(wc -l <"$TMPD/links")"
# plain, ASan and TSan objects of every source; fuzz objects of all but main.c
expect_eq "compile lines: every object" $((4 * nsrc - 1)) "$(wc -l <"$TMPD/compiles")"

# every NAME FILE PATTERN: each line of FILE holds the fixed string PATTERN.
every() {
	bad=$(grep -v -e "$3" "$2" | head -3)
	if [ -s "$2" ] && [ -z "$bad" ]; then pass "$1"; else fail "$1" "$bad"; fi
}
every "LDFLAGS reach every link" "$TMPD/links" ' -Wl,-z,now '
every "CPPFLAGS reach every compile" "$TMPD/compiles" " $FLAGS_CPP "
grep -e ' -o build/exoread ' "$TMPD/links" >"$TMPD/prog.link"
every "CFLAGS and LDFLAGS reach the program's link" "$TMPD/prog.link" ' -O2 -Wl,-z,now '
grep -e ' -o build/obj/' "$TMPD/compiles" >"$TMPD/prog.cc"
every "CFLAGS reach the program's compiles" "$TMPD/prog.cc" ' -O2 '
grep -e ' -o build/tests/' "$TMPD/links" >"$TMPD/unit.link"
every "CFLAGS reach the unit tests" "$TMPD/unit.link" ' -O2 '
every "header dependencies on every compile" "$TMPD/compiles" ' -MMD -MP '
every "stricter warnings on every compile" "$TMPD/compiles" \
	' -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wcast-qual -Wvla -Wundef -Wwrite-strings '
if grep -q -e '-Werror' "$TMPD/cmds"; then fail "no -Werror outside CI" "$(grep -m1 -e -Werror "$TMPD/cmds")"
else pass "no -Werror outside CI"; fi
dryrun "$TMPD/ci.out" CI=true
grep -E '^(cc|gcc|clang|\S*cc) .* -c ' "$TMPD/ci.out" >"$TMPD/ci.compiles"
every "-Werror on every compile in CI" "$TMPD/ci.compiles" ' -Werror '

# The targets named .PHONY exist.
phony=$(sed -e :a -e '/\\$/N; s/\\\n//; ta' Makefile | sed -n 's/^\.PHONY: *//p')
for t in $phony; do
	if grep -qE "^([^ :=#]+ )*$t( [^ :=#]+)*:" Makefile; then
		pass ".PHONY target $t exists"
	else
		fail ".PHONY target $t exists"
	fi
done

# Plain make and make test only name missing packages; run, check and deps install them.
deps_steps() { make -n -B "$1" 2>/dev/null | sed -n 's/.*sh mk\/deps\.sh \([a-z]*\) *\(.*\)$/\1 \2/p' | paste -sd, -; }
expect_eq "make: the build's packages, named only" "build " "$(deps_steps all)"
expect_eq "make test: named only" "build ,test " "$(deps_steps test)"
expect_eq "make run: installed" "build --install" "$(deps_steps run)"
expect_eq "make check: installed" "build --install,test --install,check --install" "$(deps_steps check)"
expect_eq "make deps: installed" "check --install" "$(deps_steps deps)"
