# rsipc: build, demo, test and benchmark the PHP extension.
# Every PHP run uses -n (no php.ini): the distribution's conf.d loads the stock sysvmsg.

SHELL       := /bin/bash
PHP         ?= php
CARGO       ?= cargo
SO          := target/release/librsipc.so
EXT         := build/rsipc.so
PHPX         = $(PHP) -n -d extension=$(CURDIR)/$(EXT)
PHP_EXT_DIR  = $(shell php-config --extension-dir 2>/dev/null)
RUN_TESTS    = $(PHP_EXT_DIR)/build/run-tests.php
APT_PKGS    := php-cli php-dev libclang-dev
# modules the tests load next to ours, when the PHP build has them as shared objects
TEST_MODS    = $(foreach m,posix,$(if $(wildcard $(PHP_EXT_DIR)/$(m).so),-d extension=$(m)))

.PHONY: all deps build demo test cargo-test phpt difftest difftest-swoole difftest-swoole-quick torture-quick torture valgrind bench install uninstall clean

all: build

# Install what the build needs when it is missing (Debian/Ubuntu).
deps:
	@missing=""; \
	command -v php >/dev/null 2>&1 || missing="$$missing php-cli"; \
	command -v php-config >/dev/null 2>&1 || missing="$$missing php-dev"; \
	ls /usr/lib/llvm-*/lib/libclang*.so* >/dev/null 2>&1 || ls /usr/lib/*/libclang*.so* >/dev/null 2>&1 || missing="$$missing libclang-dev"; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
	    echo "rsipc: installing$$missing"; \
	    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $(APT_PKGS)) || exit 1; \
	  else \
	    echo "rsipc: missing$$missing. Run: sudo apt-get install -y $(APT_PKGS)"; exit 1; \
	  fi; \
	fi

build: deps
	$(CARGO) build --release
	@# a new file, renamed into place: a PHP process that has the old one loaded keeps running
	@mkdir -p build && cp -f $(SO) $(EXT).tmp && mv -f $(EXT).tmp $(EXT)
	@$(PHPX) -r 'echo "built ", realpath("$(EXT)"), " (", implode(", ", array_filter(["rsipc","sysvmsg"], "extension_loaded")), ")\n";'

demo: build
	@echo "== examples/msg_queue_example.php (the seed's queue program, with rsipc in place of sysvmsg)"
	cd examples && $(PHPX) msg_queue_example.php
	@if [ -f examples/table_example.php ] && $(PHPX) -r 'exit(class_exists("Swoole\\Table") ? 0 : 1);'; then \
	  echo "== examples/table_example.php (the seed's table program, without Swoole)"; \
	  cd examples && $(PHPX) table_example.php; fi

# Each suite's output is kept in build/logs; the last line counts what every runner reported.
test: build
	@mkdir -p build/logs
	$(MAKE) --no-print-directory cargo-test 2>&1 | tee build/logs/cargo.log; test $${PIPESTATUS[0]} -eq 0
	$(MAKE) --no-print-directory phpt 2>&1 | tee build/logs/phpt.log; test $${PIPESTATUS[0]} -eq 0
	$(MAKE) --no-print-directory difftest 2>&1 | tee build/logs/diff.log; test $${PIPESTATUS[0]} -eq 0
	$(MAKE) --no-print-directory torture-quick 2>&1 | tee build/logs/torture.log; test $${PIPESTATUS[0]} -eq 0
	@leftover=$$(ipcs -q | awk '$$1 ~ /^0x5253/ {print}'); \
	if [ -n "$$leftover" ]; then echo "queues left behind by the tests:"; echo "$$leftover"; exit 1; fi
	@$(PHP) -n tools/test-summary.php build/logs/cargo.log build/logs/phpt.log build/logs/diff.log build/logs/torture.log

cargo-test: deps
	$(CARGO) test --release --lib

phpt: build
	TEST_PHP_EXECUTABLE=$$(command -v $(PHP)) $(PHP) -n $(RUN_TESTS) -q --show-diff -j2 \
	  -n -d extension=$(CURDIR)/$(EXT) $(TEST_MODS) php-tests

difftest: build
	$(PHP) -n tests/diff/run.php $(CURDIR)/$(EXT)

# The table fuzzer (tests/fuzz/table_fuzz.php): random call sequences under rsipc and under a
# real Swoole, compared after the normalisations README lists; differences are minimised into
# build/fuzz/. Needs SWOOLE_SO=/path/to/swoole.so built for this PHP; skipped without it.
FUZZ_SEEDS  ?= 1-500
FUZZ_CALLS  ?= 40
FUZZ         = $(PHP) -n tests/fuzz/table_fuzz.php --rsipc=$(CURDIR)/$(EXT) --swoole=$(SWOOLE_SO) --out=build/fuzz
difftest-swoole: build
	@if [ -z "$(SWOOLE_SO)" ]; then echo "difftest-swoole: skipped (no SWOOLE_SO=/path/to/swoole.so given)"; \
	else $(FUZZ) --seeds=$(FUZZ_SEEDS) --calls=$(FUZZ_CALLS); fi

# the short fixed set for `make test`: the normaliser's self-test, the saved cases and 30 seeds,
# counted on one closing "difftest:" line
difftest-swoole-quick: build
	@if [ -z "$(SWOOLE_SO)" ]; then echo "difftest-swoole-quick: skipped (no SWOOLE_SO=/path/to/swoole.so given)"; \
	else $(FUZZ) --selftest --replay=tests/fuzz/cases --seeds=1-30 --calls=40; fi

# Fault injection: writers and readers SIGKILLed at random while they work (tests/torture/).
# `make test` runs a few seconds of it, `make torture` minutes.
TORTURE_TABLE_SECONDS ?= 150
TORTURE_QUEUE_SECONDS ?= 60
torture-quick: build
	$(PHPX) $(TEST_MODS) tests/torture/table.php 5 4
	$(PHPX) $(TEST_MODS) tests/torture/queue.php 4

torture: build
	$(CARGO) test --release --lib model_long -- --ignored
	$(PHPX) $(TEST_MODS) tests/torture/table.php $(TORTURE_TABLE_SECONDS) 4
	$(PHPX) $(TEST_MODS) tests/torture/queue.php $(TORTURE_QUEUE_SECONDS)

valgrind: build
	RSIPC_SO=$(CURDIR)/$(EXT) bash tools/valgrind.sh

bench: build
	$(PHP) -n benches/run.php $(CURDIR)/$(EXT)

install: build
	@bash tools/install.sh install $(EXT)

uninstall:
	@bash tools/install.sh uninstall

clean:
	$(CARGO) clean
	rm -rf build
