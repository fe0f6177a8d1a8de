#!/usr/bin/env bash
# Runs the phpt suite (or the given phpt files / folders) under valgrind memcheck and fails when
# valgrind reports an invalid read/write/free or jump, a crash (SIGSEGV, SIGBUS, SIGABRT, ...), a
# use of uninitialised memory or a definite leak that involves rsipc (a frame in rsipc.so / librsipc.so, or a rsipc:: / ext_php_rs symbol).
#
#   bash tools/valgrind.sh                         # php-tests/, the whole suite (slow: tens of minutes)
#   bash tools/valgrind.sh php-tests/sysvmsg       # a subset
#   RSIPC_SO=/path/rsipc.so JOBS=2 bash tools/valgrind.sh php-tests/table/set_get.phpt
#
# It uses run-tests.php -m (valgrind, USE_ZEND_ALLOC=0, ZEND_DONT_UNLOAD_MODULES=1) with
# --leak-check=full passed through VALGRIND_OPTS, and PCRE's JIT off (its generated code makes
# memcheck report uninitialised jumps in unknown frames). The valgrind logs and the files of tests
# that failed are moved to a log folder (printed at the end; VALGRIND_LOG_DIR chooses it), so the
# work tree stays clean. Findings not involving rsipc (PHP's own) are counted, not fatal.
#
# Exit status: 0 no rsipc finding, 1 rsipc findings, 2 the run could not be made.
# Tests that fail only under valgrind (timing) are listed but do not change the status.
set -uo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
so=${RSIPC_SO:-$root/build/rsipc.so}
php=${PHP:-php}
jobs=${JOBS:-1}

if ! command -v valgrind >/dev/null 2>&1; then
  echo "valgrind.sh: valgrind is not installed (apt-get install valgrind)" >&2
  exit 2
fi
if [ ! -f "$so" ]; then
  echo "valgrind.sh: $so is missing; run make build first" >&2
  exit 2
fi
ext_dir=$(php-config --extension-dir 2>/dev/null || "$php" -n -r 'echo PHP_EXTENSION_DIR;')
run_tests=$ext_dir/build/run-tests.php
if [ ! -f "$run_tests" ]; then
  echo "valgrind.sh: $run_tests is missing (php-dev)" >&2
  exit 2
fi
mods=()
[ -f "$ext_dir/posix.so" ] && mods+=(-d extension=posix)

targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(php-tests)

logdir=${VALGRIND_LOG_DIR:-$(mktemp -d /tmp/rsipc-valgrind.XXXXXX)}
mkdir -p "$logdir"
# Test a private copy: a rebuild that overwrites build/rsipc.so in place (cp -f) while a test
# process has it mapped crashes that process, which would be reported here as a finding.
cp "$so" "$logdir/rsipc.so"
so=$logdir/rsipc.so
stamp=$logdir/.start
touch "$stamp"
sleep 1 # so files written by this run are strictly newer than the stamp

# The phpt files of the run; stale valgrind logs next to them would be mistaken for new ones.
mapfile -t phpts < <(for t in "${targets[@]}"; do
  if [ -d "$t" ]; then find "$t" -name '*.phpt'; else echo "$t"; fi
done | sort)
for t in "${phpts[@]}"; do rm -f "${t%.phpt}.mem"; done

# --vgdb=no: a test that drops privileges cannot remove valgrind's gdb pipes (noise in the log).
# --trace-children=yes (set by run-tests) follows the php processes some tests start; ipcrm/ipcs
# run natively. The sweep tests make each forked child do a batch of calls (RSIPC_SWEEP_BATCH):
# under valgrind a child's exit costs far more than its calls.
export VALGRIND_OPTS="${VALGRIND_OPTS:-} --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite --num-callers=40 --vgdb=no --trace-children-skip=*/ipcrm,*/ipcs"
export RSIPC_SWEEP_BATCH=${RSIPC_SWEEP_BATCH:-20}
export TEST_PHP_EXECUTABLE=${TEST_PHP_EXECUTABLE:-$(command -v "$php")}

echo "valgrind.sh: ${#phpts[@]} tests under valgrind memcheck, $jobs worker(s); logs in $logdir"
"$php" -n "$run_tests" -m -q -j"$jobs" -n -d extension="$so" "${mods[@]}" -d pcre.jit=0 \
  "${targets[@]}" > "$logdir/run-tests.txt" 2>&1
rt=$?
grep -E '^(Number of tests|Tests (skipped|warned|failed|leaked|passed)|Time taken)' "$logdir/run-tests.txt" | sed 's/^/  /'
if ! grep -q '^Number of tests' "$logdir/run-tests.txt"; then
  echo "valgrind.sh: run-tests did not finish (status $rt):" >&2
  tail -20 "$logdir/run-tests.txt" >&2
  exit 2
fi

# Move this run's artefacts (valgrind logs, and the files run-tests leaves for failed tests) out
# of the work tree; files that were there before the run stay.
for t in "${phpts[@]}"; do
  base=${t%.phpt}
  for ext in mem diff exp out log php sh; do
    f=$base.$ext
    if [ -f "$f" ] && [ "$f" -nt "$stamp" ]; then
      mkdir -p "$logdir/$(dirname "$t")"
      mv "$f" "$logdir/$f"
    fi
  done
done

# The verdict: read every valgrind log of the run.
"$php" -n -r '
$logdir = $argv[1];
$it = new RecursiveIteratorIterator(new RecursiveDirectoryIterator($logdir, FilesystemIterator::SKIP_DOTS));
$files = [];
foreach ($it as $f) {
    if (str_ends_with($f->getPathname(), ".mem")) {
        $files[] = $f->getPathname();
    }
}
sort($files);
$errorRe = "/^(Invalid (read|write|free)|Mismatched free|Jump to the invalid address|Process terminating with default action of signal (4|6|7|8|11) |Conditional jump or move depends on uninitialised|Use of uninitialised value|Syscall param .* (uninitialised|unaddressable)|Source and destination overlap|Argument .* of function .* has a fishy)/";
$leakRe = "/are definitely lost in loss record/";
$oursRe = "/rsipc\.so|librsipc|rsipc::|ext_php_rs/";
// Findings that involve rsipc but are not rsipc bugs: [what the record matches, why it is accepted]
$accepted = [
    ["/has a fishy \(possibly negative\) value(.|\n)*__zend_malloc(.|\n)*msg_receive/",
        "a huge max_message_size: the stock sysvmsg makes the same emalloc (USE_ZEND_ALLOC=0 turns it into malloc)"],
    ["/are definitely lost(.|\n)*php_module_startup/",
        "registrations made at module startup, freed at module shutdown: reported only for a process that ends without shutdown (out-of-memory exit, SIGKILL)"],
];
$acceptedCount = [];
$ours = [];
$other = ["error" => 0, "leak" => 0];
foreach ($files as $file) {
    $test = substr($file, strlen($logdir) + 1, -4) . ".phpt";
    // split into records: lines of one pid, a record ends at a line that is only "==pid== "
    $records = [];
    $cur = [];
    foreach (file($file, FILE_IGNORE_NEW_LINES) as $line) {
        if (!preg_match("/^==(\d+)== ?(.*)$/", $line, $m)) {
            continue;
        }
        $cur[$m[1]] ??= [];
        if (trim($m[2]) === "") {
            if ($cur[$m[1]]) {
                $records[] = $cur[$m[1]];
            }
            $cur[$m[1]] = [];
        } else {
            $cur[$m[1]][] = $m[2];
        }
    }
    foreach ($cur as $r) {
        if ($r) {
            $records[] = $r;
        }
    }
    foreach ($records as $r) {
        $kind = preg_match($errorRe, $r[0]) ? "error" : (preg_match($leakRe, $r[0]) ? "leak" : null);
        if ($kind === null) {
            continue;
        }
        $text = implode("\n", $r);
        foreach ($accepted as [$re, $why]) {
            if (preg_match($re, $text)) {
                $acceptedCount[$why] = ($acceptedCount[$why] ?? 0) + 1;
                continue 2;
            }
        }
        if (preg_match($oursRe, $text)) {
            // one report per distinct stack (a loop in a test repeats the same one)
            $sig = $kind . "|" . preg_replace(["/0x[0-9A-Fa-f]+/", "/\d+( bytes| blocks)/", "/loss record [\d,]+ of [\d,]+/"], ["0x", "N$1", ""], implode("\n", $r));
            $ours[$sig] ??= ["kind" => $kind, "tests" => [], "record" => $r];
            $ours[$sig]["tests"][$test] = true;
        } else {
            $other[$kind]++;
        }
    }
}
printf("valgrind logs with findings: %d; findings not involving rsipc (PHP, libc, tools): %d errors, %d definite leaks\n",
    count($files), $other["error"], $other["leak"]);
foreach ($acceptedCount as $why => $n) {
    printf("accepted, %d record(s): %s\n", $n, $why);
}
if (!$ours) {
    echo "valgrind.sh: no invalid access, uninitialised use or definite leak involving rsipc\n";
    exit(0);
}
printf("valgrind.sh: %d distinct finding(s) involving rsipc:\n", count($ours));
foreach ($ours as $o) {
    echo "\n== ", strtoupper($o["kind"]), " in ", implode(", ", array_keys($o["tests"])), "\n";
    foreach (array_slice($o["record"], 0, 40) as $l) {
        echo "   ", $l, "\n";
    }
}
exit(1);
' "$logdir"
verdict=$?

# run-tests prints the tests that failed (or whose valgrind log is not empty) in summary blocks
failed=$(awk '/^(FAILED|LEAKED|BORKED) TEST SUMMARY/ {blk=$1; next} /^=====/ {blk=""} blk != "" && !/^-----/ && NF {print blk ": " $0}' "$logdir/run-tests.txt")
if [ -n "$failed" ]; then
  echo "tests that did not pass under valgrind (see $logdir; a timing test may fail only there):"
  echo "$failed" | sed 's/^/  /'
fi
echo "valgrind.sh: logs in $logdir"
exit $verdict
