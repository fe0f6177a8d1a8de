<?php
// A named table against a forked one in the same process: every operation of `make bench` on
// both, in rounds, the two tables taking turns to go first, so that both see the same machine
// (a shared machine drifts by up to half between whole runs; within one process and one second it
// drifts far less). Prints, per operation, the named table's time over the forked table's:
// the median of the rounds and their range.
// Usage: php -d extension=rsipc.so named_vs_forked.php [rows] [rounds]
ini_set('memory_limit', '1G');
$n = (int)($argv[1] ?? 1000000);
$rounds = (int)($argv[2] ?? 7);
if (!method_exists('Swoole\\Table', 'open')) { fwrite(STDERR, "rsipc with named tables is not loaded\n"); exit(1); }
require __DIR__ . '/table_ops.php';
// keys without order (their hash places them anywhere, like most real keys)
$keys = bench_keys('hex', $n);
$forked = bench_table($n);
$name = 'rsipc-named-vs-forked-' . getmypid();
$named = Swoole\Table::open($name, $n, bench_columns(), 1.0);
$ops = table_ops($keys);
$ratios = [];
for ($r = 0; $r < $rounds; $r++) {
    foreach ($ops as $op => $f) {
        $pair = $r % 2 ? ['named' => $named, 'forked' => $forked] : ['forked' => $forked, 'named' => $named];
        $ns = [];
        foreach ($pair as $which => $t) {
            $t0 = hrtime(true);
            $f($t);
            $ns[$which] = hrtime(true) - $t0;
        }
        $ratios[$op][] = $ns['named'] / $ns['forked'];
    }
    if ($forked->count() !== 0 || $named->count() !== 0) { fwrite(STDERR, "rows left after del\n"); exit(1); }
    fprintf(STDERR, "  round %d/%d done\n", $r + 1, $rounds);
}
Swoole\Table::unlink($name);
printf("%-16s %8s %15s\n", 'operation', 'median', 'range');
foreach ($ratios as $op => $v) {
    sort($v);
    printf("%-16s %7.3fx %7.3f-%.3fx\n", $op, $v[intdiv(count($v), 2)], $v[0], $v[count($v) - 1]);
}
printf("  named table's time over the forked table's for the same operation on %d rows, %d rounds in one\n  process (the two take turns to go first); 1.000x = as fast\n", $n, $rounds);
