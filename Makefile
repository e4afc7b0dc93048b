# coursekiosk - an offline training-course kiosk for the terminal.
# See README.md.  `make run` starts the kiosk, `make check` runs every test.

VERSION    = 0.1.0
PREFIX    ?= /usr/local
BINDIR    ?= $(PREFIX)/bin
DATADIR   ?= $(PREFIX)/share/coursekiosk
LIBDIR    ?= $(PREFIX)/lib/coursekiosk
MANDIR    ?= $(PREFIX)/share/man
DESTDIR   ?=
PKG_CONFIG ?= pkg-config
CC        ?= cc
CFLAGS    ?= -O2 -g
BUILD     ?= build
BIN       ?= coursekiosk

WARN      = -std=c11 -Wall -Wextra -Wshadow
DEFS      = -D_POSIX_C_SOURCE=200809L -D_DEFAULT_SOURCE \
            -DCK_VERSION='"$(VERSION)"' -DCK_DATADIR='"$(DATADIR)"' \
            -DCK_LIBDIR='"$(LIBDIR)"'

# The core (model, loader, quiz, store, certificates, session) knows nothing
# of the terminal: it is compiled and unit-tested without ncurses.
CORE_PKGS = libxml-2.0 sqlite3 libsodium cairo pangocairo libqrencode glib-2.0 fontconfig \
            xlsxwriter
# The binary itself does without the PDF renderer's libraries: it loads
# coursekiosk-pdf.so when a certificate is drawn (see src/cert_pdf_dl.c).
BIN_PKGS  = libxml-2.0 sqlite3 libsodium glib-2.0 xlsxwriter
# Of those, and ncursesw, all but libxml2 are linked statically from the
# Debian -dev packages' lib*.a: resolving symbols across sixteen shared
# objects was a tenth of the kiosk's start-up (`make bench`, startup).
# libxml2 stays shared (its static form drags in all of ICU's data), as do
# the C library and what the static ones need from it.  The binary then
# runs where only libxml2 is installed.  SHARED=1 links everything shared.
STATIC_PKGS = sqlite3 libsodium glib-2.0 ncursesw
PDF_PKGS  = cairo pangocairo libqrencode glib-2.0 fontconfig libsodium
UI_PKGS   = ncursesw
TEST_PKGS = cmocka

CORE_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(CORE_PKGS) 2>/dev/null)
CORE_LIBS   := $(shell $(PKG_CONFIG) --libs $(CORE_PKGS) 2>/dev/null)
BIN_LIBS    := $(shell $(PKG_CONFIG) --libs $(BIN_PKGS) 2>/dev/null)
PDF_LIBS    := $(shell $(PKG_CONFIG) --libs $(PDF_PKGS) 2>/dev/null)
UI_CFLAGS   := $(shell $(PKG_CONFIG) --cflags $(UI_PKGS) 2>/dev/null)
UI_LIBS     := $(shell $(PKG_CONFIG) --libs $(UI_PKGS) 2>/dev/null)
ifeq ($(SHARED),1)
LINK_LIBS   := $(UI_LIBS) $(BIN_LIBS)
else
STATIC_L    := $(shell $(PKG_CONFIG) --libs-only-l $(STATIC_PKGS) 2>/dev/null)
STATIC_DEPS := $(shell $(PKG_CONFIG) --static --libs-only-l $(STATIC_PKGS) 2>/dev/null)
# libxlsxwriter (report --format xlsx) has no static library in Debian.
LINK_LIBS   := $(shell $(PKG_CONFIG) --libs libxml-2.0 xlsxwriter 2>/dev/null) \
               -Wl,-Bstatic $(STATIC_L) $(filter -lpcre2%,$(STATIC_DEPS)) -Wl,-Bdynamic \
               $(filter-out $(STATIC_L) -lpcre2%,$(STATIC_DEPS))
endif
TEST_CFLAGS := $(shell $(PKG_CONFIG) --cflags $(TEST_PKGS) 2>/dev/null)
TEST_LIBS   := $(shell $(PKG_CONFIG) --libs $(TEST_PKGS) 2>/dev/null)

ALL_SRC   = $(wildcard src/*.c)
UI_SRC    = $(filter src/ui%.c,$(ALL_SRC))
FRONT_SRC = src/main.c $(filter src/cli_%.c src/plain%.c src/kiosk%.c,$(ALL_SRC)) \
            src/cert_pdf_dl.c
CORE_SRC  = $(filter-out $(UI_SRC) $(FRONT_SRC),$(ALL_SRC))

CORE_OBJ  = $(CORE_SRC:src/%.c=$(BUILD)/%.o) $(BUILD)/schema_data.o
FRONT_OBJ = $(FRONT_SRC:src/%.c=$(BUILD)/%.o)
UI_OBJ    = $(UI_SRC:src/%.c=$(BUILD)/%.o)
LIBCORE   = $(BUILD)/libcore.a
# The PDF renderer as a plugin: cert_pdf.c and what it calls, built -fPIC.
PDF_SRC   = src/cert_pdf.c src/cert_code.c src/cert_file.c src/cert_text.c src/err.c
PDF_OBJ   = $(PDF_SRC:src/%.c=$(BUILD)/pic/%.o)
PDF_SO    = $(BUILD)/coursekiosk-pdf.so

TEST_SRC  = $(wildcard tests/unit/test_*.c)
TEST_BIN  = $(TEST_SRC:tests/unit/%.c=$(BUILD)/tests/%)
TEST_HELPERS = $(filter-out $(TEST_SRC),$(wildcard tests/unit/*.c))
# Test-only programs (fault and bench drivers), not run as unit tests.
TOOL_SRC  = $(wildcard tests/tools/*.c)
TOOL_BIN  = $(TOOL_SRC:tests/tools/%.c=$(BUILD)/tests/tools/%)

# Debian packages: to build, and to run the tests.
BUILD_DEBS = gcc make pkg-config libncurses-dev libxml2-dev libsqlite3-dev \
             libsodium-dev libcairo2-dev libpango1.0-dev libqrencode-dev \
             fonts-dejavu-core libxlsxwriter-dev
CHECK_DEBS = $(BUILD_DEBS) libcmocka-dev tmux sqlite3 libxml2-utils \
             poppler-utils python3 valgrind clang time unzip

.PHONY: FORCE all run check tests check-asan check-valgrind bench \
        install uninstall clean deps deps-check

all: $(BIN) $(PDF_SO)

# cert_pdf_dl.o comes before the core library, so the archive's cert_pdf.o
# (and with it cairo and pango) is never linked into the binary.
$(BIN): $(FRONT_OBJ) $(UI_OBJ) $(LIBCORE)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $(FRONT_OBJ) $(UI_OBJ) $(LIBCORE) \
		$(LINK_LIBS) -ldl -lm -pthread

$(PDF_SO): $(PDF_OBJ)
	$(CC) $(CFLAGS) $(LDFLAGS) -shared -Wl,-Bsymbolic -o $@ $(PDF_OBJ) $(PDF_LIBS) -lm

$(BUILD)/pic/%.o: src/%.c | $(BUILD)/pic
	$(CC) $(WARN) $(DEFS) $(CFLAGS) $(CPPFLAGS) $(CORE_CFLAGS) -fPIC -MMD -MP -c -o $@ $<

$(LIBCORE): $(CORE_OBJ)
	@rm -f $@
	$(AR) rcs $@ $(CORE_OBJ)

$(BUILD)/ui%.o: src/ui%.c | $(BUILD)
	$(CC) $(WARN) $(DEFS) $(CFLAGS) $(CPPFLAGS) $(UI_CFLAGS) $(CORE_CFLAGS) -MMD -MP -c -o $@ $<

$(BUILD)/%.o: src/%.c | $(BUILD)
	$(CC) $(WARN) $(DEFS) $(CFLAGS) $(CPPFLAGS) $(CORE_CFLAGS) -MMD -MP -c -o $@ $<

# The RELAX NG schema is compiled into the binary and shipped as a file.
$(BUILD)/schema_data.c: courses/coursekiosk.rng | $(BUILD)
	{ echo '/* generated from $< by make: do not edit */'; \
	  echo 'const unsigned char ck_schema_rng[] = {'; \
	  od -An -v -tx1 $< | sed -e 's/ *\([0-9a-f][0-9a-f]\)/0x\1,/g'; \
	  echo '0x00 };'; \
	  echo 'const unsigned long ck_schema_rng_len = sizeof(ck_schema_rng) - 1;'; \
	} > $@

$(BUILD)/schema_data.o: $(BUILD)/schema_data.c
	$(CC) $(CFLAGS) -c -o $@ $<

# main.c has the version and the data folder compiled in: rebuild it when
# either changes (e.g. `make install PREFIX=/usr` after a plain `make`).
$(BUILD)/config.stamp: FORCE | $(BUILD)
	@echo '$(VERSION) $(DATADIR) $(LIBDIR)' | cmp -s - $@ || echo '$(VERSION) $(DATADIR) $(LIBDIR)' > $@
$(BUILD)/main.o $(BUILD)/cert_pdf_dl.o: $(BUILD)/config.stamp
FORCE:

$(BUILD) $(BUILD)/pic $(BUILD)/tests $(BUILD)/tests/tools:
	mkdir -p $@

# Unit tests link the core only: a stray curses call fails the link.
$(BUILD)/tests/%: tests/unit/%.c $(TEST_HELPERS) $(LIBCORE) | $(BUILD)/tests
	$(CC) $(WARN) $(DEFS) $(CFLAGS) $(CPPFLAGS) -Isrc -Itests/unit $(CORE_CFLAGS) $(TEST_CFLAGS) \
		-o $@ $< $(TEST_HELPERS) $(LIBCORE) $(CORE_LIBS) $(TEST_LIBS) -lm

$(BUILD)/tests/tools/%: tests/tools/%.c $(LIBCORE) | $(BUILD)/tests/tools
	$(CC) $(WARN) $(DEFS) $(CFLAGS) $(CPPFLAGS) -Isrc $(CORE_CFLAGS) \
		-o $@ $< $(LIBCORE) $(CORE_LIBS) -lm

-include $(wildcard $(BUILD)/*.d $(BUILD)/pic/*.d)

# ---- set-up on Debian ---------------------------------------------------
# Installs what is missing when run as root, else prints the command.
define need_debs
	@command -v dpkg-query >/dev/null 2>&1 || exit 0; \
	missing=$$(for p in $(1); do \
	  dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'install ok installed' || printf '%s ' $$p; \
	done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "Installing missing Debian packages: $$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing || exit 1; \
	  else \
	    echo "coursekiosk needs these Debian packages. Run:"; \
	    echo "  sudo apt-get install $$missing"; \
	    exit 1; \
	  fi; \
	fi
endef

deps:
	$(call need_debs,$(BUILD_DEBS))

deps-check:
	$(call need_debs,$(CHECK_DEBS))

# ---- the two README commands ---------------------------------------------
run:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all
	./$(BIN) --courses courses

check:
	@$(MAKE) --no-print-directory deps-check
	@$(MAKE) --no-print-directory all tests
	@CK_BIN=./$(BIN) CK_BUILD=$(BUILD) bash tests/run

tests: $(TEST_BIN) $(TOOL_BIN)

# Sanitizers and valgrind over the whole suite.
check-asan:
	@$(MAKE) --no-print-directory deps-check
	@$(MAKE) --no-print-directory BUILD=build-asan BIN=build-asan/coursekiosk \
		CFLAGS='-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all' \
		LDFLAGS='-fsanitize=address,undefined' all tests
	@CK_BIN=./build-asan/coursekiosk CK_BUILD=build-asan CK_SANITIZE=1 \
		ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
		bash tests/run

check-valgrind:
	@$(MAKE) --no-print-directory deps-check
	@$(MAKE) --no-print-directory all tests
	@CK_BIN=./$(BIN) CK_BUILD=$(BUILD) CK_VALGRIND=1 bash tests/run

bench:
	@$(MAKE) --no-print-directory deps-check
	@$(MAKE) --no-print-directory all tests
	@CK_BIN=./$(BIN) CK_BUILD=$(BUILD) bash tests/bench/run

# ---- install ---------------------------------------------------------------
install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/courses $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(LIBDIR)
	install -m 0755 $(BIN) $(DESTDIR)$(BINDIR)/coursekiosk
	install -m 0644 $(PDF_SO) $(DESTDIR)$(LIBDIR)/coursekiosk-pdf.so
	install -m 0644 src/coursekiosk.1 $(DESTDIR)$(MANDIR)/man1/coursekiosk.1
	cp -R courses/. $(DESTDIR)$(DATADIR)/courses/
	chmod -R u=rwX,go=rX $(DESTDIR)$(DATADIR)/courses

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/coursekiosk $(DESTDIR)$(MANDIR)/man1/coursekiosk.1
	rm -rf $(DESTDIR)$(DATADIR) $(DESTDIR)$(LIBDIR)

clean:
	rm -rf build build-asan build-clang $(BIN)
