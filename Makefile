# exoread - a terminal reader for patient education about exosome therapy.
# Plain GNU Makefile. Outputs go in build/; the program is build/exoread.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
COMPDIR ?= $(DATADIR)/bash-completion/completions
ZSHDIR  ?= $(DATADIR)/zsh/vendor-completions
FISHDIR ?= $(DATADIR)/fish/vendor_completions.d
DESTDIR ?=

# The version: the one place it is written (NEWS and debian/changelog follow it;
# tests/t_dist.sh checks that they do).
VERSION := 0.1.0
CC      ?= cc
CLANG   ?= clang
PKGS    := ncursesw yaml-0.1 icu-uc icu-i18n
WERROR  := $(if $(CI),-Werror,)

# pkg-config runs only once the dependency check has passed (see build/.deps).
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -pthread

# CPPFLAGS, CFLAGS and LDFLAGS are the user's (or the distribution's, e.g. from
# dpkg-buildflags) and reach every compile and link; ours come in X*FLAGS.
CFLAGS  ?= -O2 -g
WARN    := -Wall -Wextra -Wshadow -Wmissing-prototypes -Wstrict-prototypes -Wcast-qual \
           -Wvla -Wundef -Wwrite-strings
XCPPFLAGS := -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 \
           -DEXOREAD_VERSION='"$(VERSION)"' -DEXOREAD_DATADIR='"$(DATADIR)/exoread"' -Isrc
XCFLAGS := -std=c11 -pthread $(WARN) $(WERROR) -MMD -MP
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
TSAN    := -fsanitize=thread
# libFuzzer targets (clang): coverage and both sanitizers.
FUZZ    := -g -O1 -fsanitize=address,undefined -fno-sanitize-recover=undefined \
           -fno-omit-frame-pointer

SRC      := $(sort $(wildcard src/*.c src/ui/*.c))
LIB_SRC  := $(filter-out src/main.c,$(SRC))
OBJ      := $(SRC:%.c=build/obj/%.o)
LIB_OBJ  := $(LIB_SRC:%.c=build/obj/%.o)
ASAN_OBJ := $(SRC:%.c=build/asan/%.o)
ASAN_LIB := $(LIB_SRC:%.c=build/asan/%.o)
TSAN_OBJ := $(SRC:%.c=build/tsan/%.o)
FUZZ_LIB := $(LIB_SRC:%.c=build/fuzz/obj/%.o)
FUZZ_BIN := $(patsubst tests/fuzz/%.c,build/fuzz/%,$(sort $(wildcard tests/fuzz/fuzz_*.c)))
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/tests/%)
UNIT_ASAN:= $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
HDR      := $(wildcard src/*.h src/ui/*.h)

.PHONY: all run check test install uninstall clean bench fuzz fuzz-build deps format \
        check-format screenshot dist distcheck
all: build/exoread

# Plain `make` (and `make test`, which package builds run) only name missing
# Debian packages; `make run`, `make check` and `make deps` install them when
# run as root.
run check: DEPS_INSTALL := --install
build/.deps: mk/deps.sh
	@mkdir -p build
	@CC=$(CC) sh mk/deps.sh build $(DEPS_INSTALL)
	@touch $@

build/.deps-test: mk/deps.sh build/.deps
	@CC=$(CC) sh mk/deps.sh test $(DEPS_INSTALL)
	@touch $@

build/.deps-check: mk/deps.sh build/.deps-test
	@CC=$(CC) sh mk/deps.sh check $(DEPS_INSTALL)
	@touch $@

deps:
	@CC=$(CC) sh mk/deps.sh check --install

build/obj/%.o: %.c build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(XCPPFLAGS) $(CPPFLAGS) $(CFLAGS) $(XCFLAGS) $(PKG_CFLAGS) -c $< -o $@

build/asan/%.o: %.c build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(XCPPFLAGS) $(CPPFLAGS) -O1 -g $(SAN) $(XCFLAGS) $(PKG_CFLAGS) -c $< -o $@

# ThreadSanitizer: topic files are read on several threads (tests/t_jobs.sh).
build/tsan/%.o: %.c build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(XCPPFLAGS) $(CPPFLAGS) -O1 -g $(TSAN) $(XCFLAGS) $(PKG_CFLAGS) -c $< -o $@

build/fuzz/obj/%.o: %.c build/.deps-check
	@mkdir -p $(dir $@)
	$(CLANG) $(XCPPFLAGS) $(CPPFLAGS) $(FUZZ) -fsanitize=fuzzer-no-link $(XCFLAGS) $(PKG_CFLAGS) \
	    -c $< -o $@

# A different PREFIX must rebuild what has the data folder compiled in.
.PHONY: FORCE
FORCE:
build/.datadir: FORCE
	@mkdir -p build
	@echo '$(DATADIR)/exoread' | cmp -s - $@ || echo '$(DATADIR)/exoread' >$@
build/obj/src/main.o build/asan/src/main.o build/tsan/src/main.o: build/.datadir

build/exoread: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(PKG_LIBS)

build/asan/exoread: $(ASAN_OBJ)
	$(CC) -g $(SAN) $(LDFLAGS) -o $@ $(ASAN_OBJ) $(PKG_LIBS)

build/tsan/exoread: $(TSAN_OBJ)
	$(CC) -g $(TSAN) $(LDFLAGS) -o $@ $(TSAN_OBJ) $(PKG_LIBS)

build/tests/%: tests/unit/%.c $(LIB_OBJ) build/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(XCPPFLAGS) $(CPPFLAGS) $(CFLAGS) $(XCFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(LIB_OBJ) $(PKG_LIBS) -lcmocka

build/asan/tests/%: tests/unit/%.c $(ASAN_LIB) build/.deps-test
	@mkdir -p $(dir $@)
	$(CC) $(XCPPFLAGS) $(CPPFLAGS) -O1 -g $(SAN) $(XCFLAGS) $(PKG_CFLAGS) $(LDFLAGS) -o $@ $< \
	    $(ASAN_LIB) $(PKG_LIBS) -lcmocka

build/fuzz/fuzz_%: tests/fuzz/fuzz_%.c $(FUZZ_LIB) build/.deps-check
	$(CLANG) $(XCPPFLAGS) $(CPPFLAGS) $(FUZZ) -fsanitize=fuzzer $(XCFLAGS) $(PKG_CFLAGS) \
	    $(LDFLAGS) -o $@ $< $(FUZZ_LIB) $(PKG_LIBS)

run: build/exoread
	./build/exoread --content content

# Every test: unit tests and suites on the plain build, and again under
# ASan/UBSan, the threaded loading suite under ThreadSanitizer.
check: build/.deps-check build/exoread build/asan/exoread build/tsan/exoread $(UNIT_BIN) $(UNIT_ASAN)
	@sh tests/run.sh

# The same tests on the plain build only (what dh_auto_test runs in a package build).
test: build/.deps-test build/exoread $(UNIT_BIN)
	@EXOREAD_TEST_PLAIN=1 sh tests/run.sh

check-format:
	clang-format --dry-run --Werror $(SRC) $(HDR) $(UNIT_SRC)

bench: build/exoread
	@sh bench/run.sh

fuzz-build: $(FUZZ_BIN)

fuzz: $(FUZZ_BIN)
	@sh tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

screenshot: build/exoread
	@sh tests/screenshot.sh

format:
	clang-format -i $(SRC) $(HDR) $(UNIT_SRC)

install: build/exoread
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/exoread $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(COMPDIR) $(DESTDIR)$(ZSHDIR) $(DESTDIR)$(FISHDIR)
	install -m 755 build/exoread $(DESTDIR)$(BINDIR)/exoread
	install -m 644 content/*.yaml $(DESTDIR)$(DATADIR)/exoread/
	sed 's|/usr/local/share/|$(DATADIR)/|g' man/exoread.1 \
	    >$(DESTDIR)$(MANDIR)/man1/exoread.1
	sed 's|/usr/local/share/|$(DATADIR)/|g' man/exoread-content.5 \
	    >$(DESTDIR)$(MANDIR)/man5/exoread-content.5
	chmod 644 $(DESTDIR)$(MANDIR)/man1/exoread.1 $(DESTDIR)$(MANDIR)/man5/exoread-content.5
	install -m 644 completion/exoread.bash $(DESTDIR)$(COMPDIR)/exoread
	install -m 644 completion/exoread.zsh $(DESTDIR)$(ZSHDIR)/_exoread
	install -m 644 completion/exoread.fish $(DESTDIR)$(FISHDIR)/exoread.fish

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/exoread $(DESTDIR)$(MANDIR)/man1/exoread.1 \
	    $(DESTDIR)$(MANDIR)/man5/exoread-content.5 $(DESTDIR)$(COMPDIR)/exoread \
	    $(DESTDIR)$(ZSHDIR)/_exoread $(DESTDIR)$(FISHDIR)/exoread.fish
	rm -f $(DESTDIR)$(DATADIR)/exoread/*.yaml
	-rmdir $(DESTDIR)$(DATADIR)/exoread 2>/dev/null

# The release tarball: the files under version control (in an unpacked tarball,
# the files its MANIFEST lists), less what only the repository needs.
DIST       := exoread-$(VERSION)
DIST_FILES  = $(filter-out .gitignore .ci/% MANIFEST,$(wildcard $(shell \
                if [ -d .git ] || [ -f .git ]; then git ls-files; else cat MANIFEST; fi)))
dist:
	@rm -rf build/dist && mkdir -p build/dist/$(DIST)
	@printf '%s\n' $(DIST_FILES) MANIFEST | LC_ALL=C sort >build/dist/$(DIST)/MANIFEST
	@tar cf - $(DIST_FILES) | tar xf - -C build/dist/$(DIST)
	@tar -C build/dist --sort=name --owner=0 --group=0 --numeric-owner --mode=go-w \
	    -cf - $(DIST) | gzip -9n >build/$(DIST).tar.gz
	@rm -rf build/dist
	@echo build/$(DIST).tar.gz

# Unpack the tarball in a temporary folder, build it, run make check there,
# install into a DESTDIR and uninstall; fail if anything is left behind.
distcheck: dist
	@sh mk/distcheck.sh build/$(DIST).tar.gz

clean:
	rm -rf build

# Header dependencies, written by -MMD -MP beside each object.
-include $(shell find build -name '*.d' 2>/dev/null)
