# tests/fuzz/fuzz.mk — libFuzzer target for the YAML loader (include it from
# the Makefile). Needs clang-14 and libclang-rt-14-dev.
#
#   make fuzz                       build build/fuzz/fuzz_load and run it FUZZ_TIME seconds
#   make fuzz LIBYAML_SRC=dir       compile libyaml from source (e.g. the 0.2.5 tag of
#                                   yaml/libyaml) into the fuzzer: instrumented, so the
#                                   fuzzer sees libyaml's branches. Against the Debian .so
#                                   it sees only ours and coverage stalls early.
#   make fuzz-build                 build only
#
# New inputs go to build/fuzz/corpus; crashes to build/fuzz/crash-*.

FUZZ_CC ?= clang-14
FUZZ_TIME ?= 120
FUZZ_ARGS ?= -max_len=4096 -timeout=2 -rss_limit_mb=1024
# e.g. "-seed=1 -runs=300000": a fixed seed and count make a run repeatable (CI)
FUZZ_EXTRA ?=
FUZZ_DIR := build/fuzz
FUZZ_BIN := $(FUZZ_DIR)/fuzz_load$(if $(LIBYAML_SRC),-src)
# Every source but main.c, with the program's own libraries: a list kept by
# hand broke whenever a loader gained a helper file.
FUZZ_LIB_SRC := $(filter-out src/main.c,$(SRC))
FUZZ_CFLAGS := -std=c11 -D_GNU_SOURCE -g -O1 -Wall -Wextra -Werror \
	-fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined -Isrc \
	-DQPDF_SONAME='"$(QPDF_SONAME)"'

ifneq ($(LIBYAML_SRC),)
# libyaml's own sources need its version macros and tolerate fewer warnings.
FUZZ_YAML := $(addprefix $(LIBYAML_SRC)/src/,api.c reader.c scanner.c parser.c)
FUZZ_YAML_FLAGS := -I$(LIBYAML_SRC)/include -DYAML_VERSION_MAJOR=0 -DYAML_VERSION_MINOR=2 \
	-DYAML_VERSION_PATCH=5 -DYAML_VERSION_STRING='"0.2.5"' -Wno-error
FUZZ_YAML_LIBS :=
else
FUZZ_YAML :=
FUZZ_YAML_FLAGS :=
FUZZ_YAML_LIBS := -lyaml
endif

.PHONY: fuzz fuzz-build
fuzz-build: $(FUZZ_BIN)

$(FUZZ_BIN): tests/fuzz/fuzz_load.c $(FUZZ_LIB_SRC) $(FUZZ_YAML) tests/fuzz/fuzz.mk
	mkdir -p $(FUZZ_DIR)/corpus
	$(FUZZ_CC) $(FUZZ_CFLAGS) $$(pkg-config --cflags $(PKGS)) $(FUZZ_YAML_FLAGS) -o $@ tests/fuzz/fuzz_load.c \
		$(FUZZ_LIB_SRC) $(FUZZ_YAML) $(FUZZ_YAML_LIBS) $(filter-out -lyaml,$(LDLIBS))

fuzz: $(FUZZ_BIN)
	ASAN_OPTIONS=detect_leaks=1 $(FUZZ_BIN) $(FUZZ_ARGS) -max_total_time=$(FUZZ_TIME) \
		-dict=tests/fuzz/yaml.dict -artifact_prefix=$(FUZZ_DIR)/ $(FUZZ_EXTRA) \
		$(FUZZ_DIR)/corpus tests/fuzz/seeds

# The whole pipeline as a second target: the YAML and the files it names
# (CSV, images, scans) in one input, split at "%%file NAME" lines and served
# from memory (fuzz_render.c), fonts opened once, output in /dev/shm. It
# runs FUZZ_RENDER_TIME seconds; make fuzz-long runs it FUZZ_LONG_TIME
# (hours) with every core's worth of jobs.
FUZZ_RENDER_TIME ?= 60
FUZZ_LONG_TIME ?= 14400
FUZZ_RENDER_BIN := $(FUZZ_DIR)/fuzz_render
FUZZ_RENDER_RUN = ASAN_OPTIONS=detect_leaks=1 VANBAN_HOME=. $(FUZZ_RENDER_BIN) -max_len=8192 -timeout=10 \
	-rss_limit_mb=2048 -dict=tests/fuzz/yaml.dict -artifact_prefix=$(FUZZ_DIR)/
FUZZ_RENDER_SEEDS := tests/fuzz/render-seeds tests/fuzz-regressions/render input tests/golden tests/cli

.PHONY: fuzz-render fuzz-long fuzz-replay
$(FUZZ_RENDER_BIN): tests/fuzz/fuzz_render.c $(filter-out src/main.c,$(SRC)) tests/fuzz/fuzz.mk
	mkdir -p $(FUZZ_DIR)/render-corpus
	$(FUZZ_CC) $(FUZZ_CFLAGS) $$(pkg-config --cflags $(PKGS)) -o $@ tests/fuzz/fuzz_render.c \
		$(filter-out src/main.c,$(SRC)) $(LDLIBS)

fuzz-render: $(FUZZ_RENDER_BIN) fonts
	$(FUZZ_RENDER_RUN) -max_total_time=$(FUZZ_RENDER_TIME) $(FUZZ_EXTRA) \
		$(FUZZ_DIR)/render-corpus $(FUZZ_RENDER_SEEDS)

fuzz-long: $(FUZZ_BIN) $(FUZZ_RENDER_BIN) fonts
	$(FUZZ_RENDER_RUN) -max_total_time=$(FUZZ_LONG_TIME) -jobs=$$(nproc) -workers=$$(nproc) \
		$(FUZZ_EXTRA) $(FUZZ_DIR)/render-corpus $(FUZZ_RENDER_SEEDS)
	$(MAKE) fuzz FUZZ_TIME=$(FUZZ_LONG_TIME)

# Replay without libFuzzer: each target's entry point with replay.c's main,
# built like the program (SAN=1: under ASan+UBSan). make check runs them
# over tests/fuzz-regressions (tests/e2e/fuzz_regressions.sh).
FUZZ_REPLAY := $(BUILD)/fuzz-replay/load $(BUILD)/fuzz-replay/render
$(BUILD)/fuzz-replay/%: tests/fuzz/fuzz_%.c tests/fuzz/replay.c $(LIBOBJ)
	@mkdir -p $(@D)
	$(CC) $(filter-out -MMD -MP,$(CFLAGS)) -Isrc -o $@ tests/fuzz/fuzz_$*.c tests/fuzz/replay.c \
		$(LIBOBJ) $(LDFLAGS) $(LDLIBS)
fuzz-replay: $(FUZZ_REPLAY) fonts
	$(BUILD)/fuzz-replay/load tests/fuzz-regressions/load tests/fuzz/seeds
	VANBAN_HOME=. $(BUILD)/fuzz-replay/render tests/fuzz-regressions/render tests/fuzz/render-seeds
