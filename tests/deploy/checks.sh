# How every script in tests/deploy/ reports (sourced by lib.sh and named/lib.sh): one PASS or
# FAIL line per check, and a last line that tools/test-summary.php counts: "<script>: all checks
# passed", "<script>: N FAILED" or "<script>: skipped (reason)".

name=${0##*/}
fails=0
passes=0

pass() { echo "  PASS $*"; passes=$((passes + 1)); }
fail() { echo "  FAIL $*"; fails=$((fails + 1)); }
# the whole script cannot run here
skip() { echo "  SKIP ($*)"; echo "$name: skipped ($*)"; exit 0; }
check() { # check "<what>" <command...>: passes when the command succeeds
  local what=$1; shift
  if "$@" >/dev/null 2>&1; then pass "$what"; else fail "$what"; fi
}
# counts the PASS and FAIL lines of a checker's output (on stdin) as this script's own
add_counts() {
  local out
  out=$(cat)
  passes=$((passes + $(grep -c '^  PASS' <<< "$out")))
  fails=$((fails + $(grep -c '^  FAIL' <<< "$out")))
}
summary() {
  if [ "$fails" = 0 ] && [ "$passes" -gt 0 ]; then echo "$name: all checks passed"
  elif [ "$fails" = 0 ]; then echo "$name: skipped (no check could run)"
  else echo "$name: $fails FAILED"; return 1; fi
}
