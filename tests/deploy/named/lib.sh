# Shared by the named-table tests (tests/deploy/fpm.sh, tests/deploy/named_*.sh). Each check
# prints one PASS, FAIL or SKIP (reason) line; the last line is the one tools/test-summary.php
# counts: "<script>: all checks passed", "<script>: N FAILED" or "<script>: skipped (reason)".

name=${0##*/}
fails=0
passes=0

pass() { echo "  PASS $*"; passes=$((passes + 1)); }
fail() { echo "  FAIL $*"; fails=$((fails + 1)); }
skip_check() { echo "  SKIP ($1) ${*:2}"; }
# the whole script cannot run here
skip() { echo "  SKIP ($*)"; echo "$name: skipped ($*)"; exit 0; }
check() { # check "<what>" <command...>: passes when the command succeeds
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}
summary() {
  if [ "$fails" = 0 ] && [ "$passes" -gt 0 ]; then echo "$name: all checks passed"
  elif [ "$fails" = 0 ]; then echo "$name: skipped (no check could run)"
  else echo "$name: $fails FAILED"; return 1; fi
}

# php with nothing but rsipc (and posix for posix_kill/getpwuid): the distribution's conf.d
# would load the stock sysvmsg
use_so() { # use_so <path to rsipc.so>
  so=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  [ -f "$so" ] || skip "$1 not found: make build first"
  phpx=(php -n -d "extension=$so")
  [ -f "$(php-config --extension-dir 2>/dev/null)/posix.so" ] && phpx+=(-d extension=posix)
  echo '<?php exit(method_exists("Rsipc\\Table", "open") ? 0 : 1);' | "${phpx[@]}" 2>/dev/null \
    || skip "this rsipc.so has no Rsipc\\Table::open (named tables)"
}

# a table name no other run uses
unique_name() { echo "t_${name%%.*}_$$_${RANDOM}_$1"; }
