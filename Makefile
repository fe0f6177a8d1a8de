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
# A swoole.so built for this PHP: php-tests/module/beside_swoole.phpt and `make bench` use it
# when given (make test SWOOLE_SO=/path/to/swoole.so), and skip it with that reason otherwise.
SWOOLE_SO   ?=
export SWOOLE_SO
# modules the tests load next to ours, when the PHP build has them as shared objects
TEST_MODS    = $(foreach m,posix,$(if $(wildcard $(PHP_EXT_DIR)/$(m).so),-d extension=$(m)))

.PHONY: all deps build demo test cargo-test phpt difftest difftest-swoole difftest-swoole-quick torture-quick torture deploy-test valgrind bench bench-named bench-swoole bench-parts install uninstall deb test-deploy test-named clean

all: build

# Rust is not packaged the way we need it (rust-version in Cargo.toml is newer than Debian 12's
# rustc), so `deps` only checks for cargo; the rest comes from apt when missing.
RUST_VERSION := $(shell sed -n 's/^rust-version = "\(.*\)"/\1/p' Cargo.toml)
deps:
	@if ! command -v $(CARGO) >/dev/null 2>&1; then \
	  home=$$(getent passwd "$${SUDO_USER:-}" 2>/dev/null | cut -d: -f6); \
	  if [ -n "$${SUDO_USER:-}" ] && [ -x "$$home/.cargo/bin/cargo" ]; then \
	    echo "rsipc: cargo is in $$home/.cargo/bin, which sudo leaves out of PATH. Build as yourself first (make), then run sudo make install: it uses build/rsipc.so as built."; \
	  elif [ -x "$$HOME/.cargo/bin/cargo" ]; then \
	    echo "rsipc: cargo is installed in $$HOME/.cargo/bin but not in PATH. Open a new shell (or run: . \"$$HOME/.cargo/env\") and run make again."; \
	  else \
	    echo "rsipc: cargo not found. rsipc is written in Rust ($(RUST_VERSION) or newer): install it from https://rustup.rs (curl --proto '=https' -sSf https://sh.rustup.rs | sh), open a new shell, and run make again."; \
	  fi; exit 1; \
	fi
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
	@v=$$(php-config --vernum); if [ "$$v" -lt 80200 ] || [ "$$v" -ge 80300 ]; then \
	  echo "rsipc: supports PHP 8.2 only; php-config is PHP $$(php-config --version)"; exit 1; fi; \
	if php-config --configure-options | grep -q -e '--enable-zts' -e '--enable-maintainer-zts'; then \
	  echo "rsipc: supports non-thread-safe (NTS) PHP builds only; this PHP is ZTS"; exit 1; fi

build: deps
	@$(CARGO) build --release
	@# a new file, renamed into place: a PHP process that has the old one loaded keeps running
	@mkdir -p build && cp -f $(SO) $(EXT).tmp && mv -f $(EXT).tmp $(EXT)
	@$(PHPX) -r 'echo "built ", realpath("$(EXT)"), " (rsipc ", phpversion("rsipc"), ", for PHP ", PHP_VERSION, ")\n";'

# The suites below take build/rsipc.so as it is and rebuild it only when a source is newer, so
# `make test` (which builds first) shows the build once.
SOURCES := $(shell find src -name '*.rs') Cargo.toml Cargo.lock build.rs
$(EXT): $(SOURCES)
	@$(MAKE) --no-print-directory build

demo: build
	@$(PHP) -n tools/demo.php "$(PHPX) $(TEST_MODS)" examples/msg_queue_example.php examples/table_example.php

# Each suite's output is kept in build/logs (without colour codes); the last line counts what
# every runner reported.
SUITE = @mkdir -p build/logs; set -o pipefail; NO_COLOR=1 CARGO_TERM_COLOR=never $(MAKE) -s --no-print-directory
test: build
	@echo "== 1/6 cargo test: the PHP-free core (queues, table layout, locks, hash), one line per test"
	$(SUITE) cargo-test 2>&1 | tee build/logs/cargo.log
	@echo "== 2/6 phpt: PHP's run-tests.php on php-tests/ (SKIP lines give their reason; the Swoole one needs SWOOLE_SO)"
	$(SUITE) phpt 2>&1 | tee build/logs/phpt.log
	@echo "== 3/6 difftest: each script under the stock sysvmsg and under rsipc, outputs compared"
	$(SUITE) difftest 2>&1 | tee build/logs/diff.log
	@echo "   and the table fuzzer against a real Swoole (needs SWOOLE_SO; skipped without it)"
	$(SUITE) difftest-swoole-quick 2>&1 | tee build/logs/fuzz.log
	@echo "== 4/6 torture: writers and readers SIGKILLed at random for a few seconds"
	@echo "   'kills survived' = writers killed mid-operation; 'lock recoveries' = locks taken over from them."
	@echo "   'unaccounted' = messages a reader took off the queue just before it was killed, so it never"
	@echo "   logged them; at most one per kill is allowed, more fails the run."
	$(SUITE) torture-quick 2>&1 | tee build/logs/torture.log
	@echo "== 5/6 deployment: dpkg -i/-r and make install/uninstall on this machine's PHP, hidepid=2 and"
	@echo "   PID/time namespaces (root only, restored after)"
	$(SUITE) test-deploy 2>&1 | tee build/logs/deploy.log
	@echo "== 6/6 named tables where they are deployed: a real php-fpm beside CLI processes, file"
	@echo "   permissions, a full tmpfs, PID namespaces (root only, php-fpm installed when missing)"
	$(SUITE) test-named 2>&1 | tee build/logs/named.log
	@leftover=$$(ipcs -q | awk '$$1 ~ /^0x5253/ {print}'); \
	if [ -n "$$leftover" ]; then echo "queues left behind by the tests:"; echo "$$leftover"; exit 1; fi
	@$(PHP) -n tools/test-summary.php build/logs/cargo.log build/logs/phpt.log build/logs/diff.log build/logs/fuzz.log build/logs/torture.log build/logs/deploy.log build/logs/named.log

cargo-test: deps
	@$(CARGO) test --release --lib

phpt: $(EXT)
	@TEST_PHP_EXECUTABLE=$$(command -v $(PHP)) $(PHP) -n $(RUN_TESTS) -q --show-diff -j2 \
	  -n -d extension=$(CURDIR)/$(EXT) $(TEST_MODS) php-tests

difftest: $(EXT)
	@$(PHP) -n tests/diff/run.php $(CURDIR)/$(EXT)

# The table fuzzer (tests/fuzz/table_fuzz.php): random call sequences under rsipc and under a
# real Swoole, compared after the normalisations README lists; differences are minimised into
# build/fuzz/. Needs SWOOLE_SO=/path/to/swoole.so built for this PHP; skipped without it.
FUZZ_SEEDS  ?= 1-500
FUZZ_CALLS  ?= 40
# $(call fuzz,<arguments>): the fuzzer with these arguments, or a skip line without SWOOLE_SO
fuzz = @if [ -z "$(SWOOLE_SO)" ]; then echo "$@: skipped (no SWOOLE_SO=/path/to/swoole.so given)"; \
	else $(PHP) -n tests/fuzz/table_fuzz.php --rsipc=$(CURDIR)/$(EXT) --swoole=$(SWOOLE_SO) --out=build/fuzz $(1); fi
difftest-swoole: $(EXT)
	$(call fuzz,--seeds=$(FUZZ_SEEDS) --calls=$(FUZZ_CALLS))

# the short fixed set for `make test`: the normaliser's self-test, the saved cases and 30 seeds,
# counted on one closing "difftest:" line
difftest-swoole-quick: $(EXT)
	$(call fuzz,--selftest --replay=tests/fuzz/cases --seeds=1-30 --calls=40)

# Fault injection: writers and readers SIGKILLed at random while they work (tests/torture/).
# `make test` runs a few seconds of it, `make torture` minutes.
TORTURE_TABLE_SECONDS ?= 150
TORTURE_QUEUE_SECONDS ?= 60
torture-quick: $(EXT)
	@$(PHPX) $(TEST_MODS) tests/torture/table.php 5 4
	@$(PHPX) $(TEST_MODS) tests/torture/queue.php 4

torture: $(EXT)
	$(CARGO) test --release --lib model_long -- --ignored
	$(PHPX) $(TEST_MODS) tests/torture/table.php $(TORTURE_TABLE_SECONDS) 4
	$(PHPX) $(TEST_MODS) tests/torture/queue.php $(TORTURE_QUEUE_SECONDS)

# Lock safety where the table is deployed (tests/deploy/run.sh): /proc with hidepid=2, PID and
# time namespaces. Needs root (each case prints SKIP with the reason otherwise); about 20 seconds.
deploy-test: $(EXT)
	@RSIPC_SO=$(CURDIR)/$(EXT) PHP=$(PHP) bash tests/deploy/run.sh

valgrind: $(EXT)
	RSIPC_SO=$(CURDIR)/$(EXT) bash tools/valgrind.sh

bench: $(EXT)
	@$(PHP) -n benches/run.php $(CURDIR)/$(EXT) all $(CURDIR)/build

# a named table against a forked one, in one process, rounds taking turns (about a minute)
bench-named: $(EXT)
	@$(PHPX) benches/named_vs_forked.php 1000000 7

# rsipc's table against Swoole's in one process (both loaded), rounds taking turns, every key
# kind and hot incr (about 5 minutes); needs SWOOLE_SO=/path/to/swoole.so
BENCH_ROUNDS ?= 3
bench-swoole: $(EXT)
	@if [ -z "$(SWOOLE_SO)" ]; then echo "$@: needs SWOOLE_SO=/path/to/swoole.so (a swoole.so built for this PHP)"; exit 1; fi
	@# (both are loaded on purpose: rsipc's startup warning saying so is left out)
	@set -o pipefail; $(PHP) -n -d display_startup_errors=0 -d extension=$(SWOOLE_SO) -d extension=$(CURDIR)/$(EXT) benches/vs_swoole.php \
		$(or $(BENCH_ROWS),1000000) $(BENCH_ROUNDS) 2> >(grep -v 'rsipc: the Swoole extension is loaded' >&2) \
		| tee build/bench-swoole.txt

# where one table operation's time goes on the benchmark table: its CPU cost (a cached table),
# one read of the chain heads (a pointer chase of their size) and the rest, beside Swoole's
# times when SWOOLE_SO is given (about 90 seconds); BENCH_KIND=seq|rand|hex|id|addr|hex-reordered
# picks the keys of the big table (hex by default)
bench-parts: $(EXT)
	@set -o pipefail; $(PHP) -n benches/parts.php $(CURDIR)/$(EXT) $(BENCH_ROUNDS) | tee build/bench-parts.txt

# Without the rights, say so in one line before anything is built or touched.
ifneq ($(filter install uninstall,$(MAKECMDGOALS)),)
ifneq ($(shell id -u),0)
ifeq ($(shell test -w "$(PHP_EXT_DIR)" && echo writable),)
$(error make $(filter install uninstall,$(MAKECMDGOALS)) changes $(PHP_EXT_DIR) and /etc/php: run it as root (sudo make $(filter install uninstall,$(MAKECMDGOALS))))
endif
endif
endif

# install and deb take build/rsipc.so as built, so `sudo make install` after `make` needs no
# cargo in root's PATH.
install: $(EXT)
	@bash tools/install.sh install $(EXT)

uninstall:
	@bash tools/install.sh uninstall

VERSION := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
DEB      = build/rsipc_$(VERSION)_$(shell dpkg --print-architecture 2>/dev/null).deb
deb: $(EXT)
	@mkdir -p build && bash tools/mkdeb.sh $(EXT) $(DEB)

# As root: install the .deb and `make install` into the system PHP for real, check, and restore
# it exactly; each script says "skipped" with the reason when not root or not on Debian.
test-deploy: $(EXT)
	@if [ "$$(id -u)" = 0 ] && command -v dpkg-deb >/dev/null 2>&1; then $(MAKE) --no-print-directory deb; fi
	@bash tests/deploy/deb.sh $(DEB)
	@bash tests/deploy/make_install.sh $(CURDIR)
	@$(MAKE) --no-print-directory deploy-test

# Named tables where a phpt cannot go (php-tests/named has the rest): a real php-fpm and CLI
# processes sharing one table, file permissions, a full tmpfs and PID namespaces. Each script
# prints PASS/FAIL/SKIP (reason) lines and a closing line tools/test-summary.php counts; the ones
# that need root say "skipped" with the reason otherwise. Set VALGRIND_NAMED=1 to also run the
# damaged-file phpt under valgrind.
NAMED_TESTS := tests/deploy/fpm.sh tests/deploy/named_perms.sh tests/deploy/named_tmpfs.sh tests/deploy/named_pidns.sh
test-named: $(EXT)
	@rc=0; for t in $(NAMED_TESTS); do bash $$t $(CURDIR)/$(EXT) || rc=1; done; \
	if [ -n "$(VALGRIND_NAMED)" ]; then RSIPC_SO=$(CURDIR)/$(EXT) bash tools/valgrind.sh php-tests/named/corrupt_files.phpt || rc=1; fi; \
	exit $$rc

clean:
	$(CARGO) clean
	rm -rf build
