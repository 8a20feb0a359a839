# exoread - a terminal reader for patient education about exosome therapy.
# Plain GNU Makefile. Outputs go in build/; the program is build/exoread.

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share
MANDIR  ?= $(DATADIR)/man
COMPDIR ?= $(DATADIR)/bash-completion/completions
DESTDIR ?=

VERSION := 0.1.0
CC      ?= cc
CLANG   ?= clang
PKGS    := ncursesw yaml-0.1 icu-uc icu-i18n hunspell
WERROR  := $(if $(CI),-Werror,)

# pkg-config runs only once the dependency check has passed (see build/.deps).
PKG_CFLAGS = $(filter-out -D_XOPEN_SOURCE=% -D_DEFAULT_SOURCE,$(shell pkg-config --cflags $(PKGS) 2>/dev/null))
PKG_LIBS   = $(shell pkg-config --libs $(PKGS) 2>/dev/null) -lstemmer -lm -pthread

CFLAGS  ?= -O2 -g
XCFLAGS := -std=c11 -pthread -D_POSIX_C_SOURCE=200809L -D_XOPEN_SOURCE=700 -Wall -Wextra $(WERROR) \
           -DEXOREAD_VERSION='"$(VERSION)"' -DEXOREAD_DATADIR='"$(DATADIR)/exoread"' -Isrc
SAN     := -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined
TSAN    := -fsanitize=thread

SRC      := $(sort $(wildcard src/*.c src/ui/*.c))
LIB_SRC  := $(filter-out src/main.c,$(SRC))
OBJ      := $(SRC:%.c=build/obj/%.o)
LIB_OBJ  := $(LIB_SRC:%.c=build/obj/%.o)
ASAN_OBJ := $(SRC:%.c=build/asan/%.o)
ASAN_LIB := $(LIB_SRC:%.c=build/asan/%.o)
TSAN_OBJ := $(SRC:%.c=build/tsan/%.o)
UNIT_SRC := $(sort $(wildcard tests/unit/test_*.c))
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=build/tests/%)
UNIT_ASAN:= $(UNIT_SRC:tests/unit/%.c=build/asan/tests/%)
HDR      := $(wildcard src/*.h src/ui/*.h)

.PHONY: all run check install uninstall clean bench fuzz deps check-deps format screenshot relevance
all: build/exoread

build/.deps: mk/deps.sh
	@mkdir -p build
	@CC=$(CC) sh mk/deps.sh build
	@touch $@

build/.deps-check: mk/deps.sh build/.deps
	@CC=$(CC) sh mk/deps.sh check
	@touch $@

build/obj/%.o: %.c $(HDR) build/.deps
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XCFLAGS) $(PKG_CFLAGS) -c $< -o $@

build/asan/%.o: %.c $(HDR) build/.deps
	@mkdir -p $(dir $@)
	$(CC) -O1 -g $(SAN) $(XCFLAGS) $(PKG_CFLAGS) -c $< -o $@

# ThreadSanitizer: topic files are read on several threads (tests/t_jobs.sh).
build/tsan/%.o: %.c $(HDR) build/.deps
	@mkdir -p $(dir $@)
	$(CC) -O1 -g $(TSAN) $(XCFLAGS) $(PKG_CFLAGS) -c $< -o $@

# A different PREFIX must rebuild what has the data folder compiled in.
.PHONY: FORCE
build/.datadir: FORCE
	@mkdir -p build
	@echo '$(DATADIR)/exoread' | cmp -s - $@ || echo '$(DATADIR)/exoread' >$@
build/obj/src/main.o build/asan/src/main.o build/tsan/src/main.o: build/.datadir

build/exoread: $(OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(OBJ) $(PKG_LIBS)

build/asan/exoread: $(ASAN_OBJ)
	$(CC) -g $(SAN) -o $@ $(ASAN_OBJ) $(PKG_LIBS)

build/tsan/exoread: $(TSAN_OBJ)
	$(CC) -g $(TSAN) -o $@ $(TSAN_OBJ) $(PKG_LIBS)

build/tests/%: tests/unit/%.c $(LIB_OBJ) $(HDR) build/.deps-check
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS) $(XCFLAGS) $(PKG_CFLAGS) -o $@ $< $(LIB_OBJ) $(PKG_LIBS) -lcmocka

build/asan/tests/%: tests/unit/%.c $(ASAN_LIB) $(HDR) build/.deps-check
	@mkdir -p $(dir $@)
	$(CC) -O1 -g $(SAN) $(XCFLAGS) $(PKG_CFLAGS) -o $@ $< $(ASAN_LIB) $(PKG_LIBS) -lcmocka

run: build/exoread
	./build/exoread --content content

check: build/.deps-check build/exoread build/asan/exoread build/tsan/exoread $(UNIT_BIN) $(UNIT_ASAN)
	@sh tests/run.sh

bench: build/exoread
	@sh bench/run.sh

# P@1, P@3 and MRR by kind of query, beside a plain bm25 (SQLite FTS5) baseline.
relevance: build/exoread
	@python3 tests/relevance.py --exo build/exoread --content content tests/relevance.tsv

fuzz: build/.deps-check
	@sh tests/fuzz/run.sh $${FUZZ_SECONDS:-60}

screenshot: build/exoread
	@sh tests/screenshot.sh

format:
	clang-format -i $(SRC) $(HDR) $(UNIT_SRC)

install: build/exoread
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/exoread $(DESTDIR)$(MANDIR)/man1 \
	    $(DESTDIR)$(MANDIR)/man5 $(DESTDIR)$(COMPDIR)
	install -m 755 build/exoread $(DESTDIR)$(BINDIR)/exoread
	install -m 644 content/*.yaml $(DESTDIR)$(DATADIR)/exoread/
	sed 's|/usr/local/share/exoread|$(DATADIR)/exoread|g' man/exoread.1 \
	    >$(DESTDIR)$(MANDIR)/man1/exoread.1
	chmod 644 $(DESTDIR)$(MANDIR)/man1/exoread.1
	install -m 644 man/exoread-content.5 $(DESTDIR)$(MANDIR)/man5/exoread-content.5
	install -m 644 completion/exoread.bash $(DESTDIR)$(COMPDIR)/exoread

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/exoread $(DESTDIR)$(MANDIR)/man1/exoread.1 \
	    $(DESTDIR)$(MANDIR)/man5/exoread-content.5 $(DESTDIR)$(COMPDIR)/exoread
	rm -f $(DESTDIR)$(DATADIR)/exoread/*.yaml
	-rmdir $(DESTDIR)$(DATADIR)/exoread 2>/dev/null

clean:
	rm -rf build
