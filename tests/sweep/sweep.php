<?php
/*
 * The bad-input sweep, from the command line:
 *
 *   php -n -d extension=/path/to/rsipc.so tests/sweep/sweep.php table|queue [weak|strict] [--summary]
 *   php -n -d extension=sysvmsg         tests/sweep/sweep.php queue [weak|strict]   # the oracle
 *
 * Prints one line per call (or, with --summary, only the problems) and the counts at the end.
 * php-tests/sweep/*.phpt run the same sweep; tests/sweep/regen.sh rebuilds their expected output
 * from the original sysvmsg.
 */
$which = $argv[1] ?? '';
$mode = $argv[2] ?? 'weak';
$verbose = !in_array('--summary', $argv, true);
if (!in_array($which, ['queue', 'table'], true) || !in_array($mode, ['weak', 'strict'], true)) {
    fwrite(STDERR, "usage: php -n -d extension=... sweep.php queue|table [weak|strict] [--summary]\n");
    exit(2);
}
require __DIR__ . "/$mode.php";
exit(rsipc_sweep_main($which, $verbose));
