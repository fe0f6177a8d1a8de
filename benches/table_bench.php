<?php
// One pass of the table benchmark on one kind of keys; prints "name<TAB>ops_per_second" lines.
// Usage: php table_bench.php table|named|apcu <rows> [seq|rand|hex|id|addr|hex-reordered]
//   table  new Swoole\Table + create(), shared with forked children (rsipc or Swoole)
//   named  Swoole\Table::open() of a named table (rsipc only), same schema, removed at the end
//   apcu   apcu_store/apcu_fetch of the same rows, apcu_inc for the hot counters
// The kinds of keys are described in table_ops.php (bench_kinds()). hex-reordered reports only the
// operations whose cost depends on the visiting order: not the insert, not foreach.
require __DIR__ . '/table_ops.php';
ini_set('memory_limit', '1G'); // a million keys and their uniqueness check pass -n's 128M
$kind = $argv[1];
$n = (int)$argv[2];
$keyKind = $argv[3] ?? 'seq';
if ($kind === 'apcu' && !function_exists('apcu_store')) { exit(0); }
if ($kind === 'named' && !method_exists('Swoole\\Table', 'open')) { exit(0); }
$reordered = $keyKind === 'hex-reordered';
[$keys, $visit] = bench_kind_keys($keyKind, $n);
$out = [];
$time = function (string $name, int $ops, callable $f) use (&$out, $reordered) {
    if ($reordered && $name === 'foreach (rows)') { return; }
    $t0 = hrtime(true);
    $f();
    if ($reordered && $name === 'set (insert)') { return; }
    $out[$name] = $ops / ((hrtime(true) - $t0) / 1e9);
};
// the operations that do not depend on the keys run with the sequential keys only
$once = $keyKind === 'seq';
// hot incr: $inc bumps 1,000 counters $n times; it runs in 1, 2 and 4 processes at once (the
// others forked), and the final sum is checked through $read
$hot = [];
for ($i = 0; $i < 1000; $i++) { $hot[] = "hot:$i"; }

if ($kind === 'apcu') {
    $row = bench_row();
    $time('set (insert)', $n, function () use ($keys, $row) { foreach ($keys as $k) { apcu_store($k, $row); } });
    $time('set (update)', $n, function () use ($visit, $row) { foreach ($visit as $k) { apcu_store($k, $row); } });
    $time('get (row)', $n, function () use ($visit) { foreach ($visit as $k) { apcu_fetch($k); } });
    $time('exists', $n, function () use ($visit) { foreach ($visit as $k) { apcu_exists($k); } });
    $time('del', $n, function () use ($visit) { foreach ($visit as $k) { apcu_delete($k); } });
    $inc = function () use ($hot, $n) { for ($i = 0; $i < $n; $i++) { apcu_inc($hot[$i % 1000]); } };
    $read = fn(string $k) => apcu_fetch($k);
} else {
    if ($kind === 'named') {
        $name = 'rsipc-bench-' . getmypid();
        $t = Swoole\Table::open($name, $n, bench_columns(), 1.0);
    } else {
        $t = bench_table($n);
    }
    if ($once) { $out['memory bytes'] = $t->getMemorySize(); }
    foreach (table_ops($keys, $visit) as $op => $f) {
        $time($op, $n, fn() => $f($t));
        if ($op === 'set (insert)' && $t->count() !== $n) { fwrite(STDERR, "only {$t->count()} of $n rows stored\n"); exit(1); }
    }
    $inc = function () use ($t, $hot, $n) { for ($i = 0; $i < $n; $i++) { $t->incr($hot[$i % 1000], 'i'); } };
    $read = fn(string $k) => $t->get($k, 'i');
}

if ($once) {
    foreach ([1 => 'hot incr, 1 process', 2 => 'hot incr, 2 processes', 4 => 'hot incr, 4 processes'] as $procs => $label) {
        $time($label, $procs * $n, fn() => in_processes($procs, $inc));
    }
    $sum = 0;
    foreach ($hot as $k) { $sum += $read($k); }
    if ($sum !== 7 * $n) { fwrite(STDERR, "hot incr lost updates: $sum\n"); exit(1); }
}
if (isset($t)) { $t->destroy(); }
foreach ($out as $k => $v) { printf("%s\t%.0f\n", $k, $v); }
