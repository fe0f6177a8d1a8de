--TEST--
sweep (weak mode): every Swoole\Table method, swoole_table() and the exception constructors with every bad value in every parameter: no crash, hang, panic or broken table
--DESCRIPTION--
Each call runs in a forked child (tests/sweep/lib.php) and is followed by the table invariants:
count() equals the rows foreach returns and stats()['num'], every row foreach gives exists, and a
probe set/get/exists/del works. Only problems are printed, then the counts; any output line that
mentions a panic or Rust fails the test. For the full per-call listing run
  php -n -d extension=build/rsipc.so tests/sweep/sweep.php table weak
--SKIPIF--
<?php
if (!class_exists('Swoole\Table')) die('skip Swoole\Table is not loaded');
if (!function_exists('pcntl_fork')) die('skip pcntl is needed');
?>
--FILE--
<?php
require __DIR__ . '/../../tests/sweep/weak.php';
ob_start();
rsipc_sweep_main('table', false);
$out = ob_get_clean();
echo $out;
foreach (explode("\n", $out) as $line) {
    if (stripos($line, 'panicked') !== false || str_contains($line, 'Rust')) {
        echo "PANIC OUTPUT: $line\n";
    }
}
?>
--EXPECTF--
sweep: table, weak mode, %d callables, 20 bad values
sweep: weak table done
calls: %d
crashes: 0
hangs: 0
fatal: 0
panics: 0
invariant_failures: 0
driver_errors: 0
other_exit: 0
missing_sane: 0
