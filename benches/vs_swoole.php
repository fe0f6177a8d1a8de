<?php
// rsipc's table against Swoole's in the same process: with swoole.so and rsipc.so both loaded,
// Swoole keeps Swoole\Table and rsipc's is Rsipc\Table. Every operation of `make bench` on both,
// for each kind of key, in rounds, the two taking turns to go first; then hot incr from 1, 2 and
// 4 processes the same way. A shared machine's speed drifts by up to half between whole runs;
// within one process and a few seconds far less, so these ratios are steadier than the ones of
// `make bench`, which runs each program in a process of its own.
// Prints, per operation, Swoole's time over rsipc's (how many times faster rsipc is): the
// median of the rounds and their range.
// Usage: php -d extension=swoole.so -d extension=rsipc.so vs_swoole.php [rows] [rounds] [kinds]
// kinds: a comma-separated list of the kinds of bench_kinds() in table_ops.php (seq, rand, hex,
// id, addr, hex-reordered); all of them by default.
ini_set('memory_limit', '2G');
$n = (int)($argv[1] ?? 1000000);
$rounds = (int)($argv[2] ?? 3);
if (!class_exists('Rsipc\\Table') || !extension_loaded('swoole')) {
    fwrite(STDERR, "load both swoole.so and rsipc.so\n");
    exit(1);
}
require __DIR__ . '/table_ops.php';
$names = bench_kinds();
$kinds = isset($argv[3]) ? explode(',', $argv[3]) : array_keys($names);
$ratios = [];
$turn = 0;

// Times each side of $pair once, in the order of this turn; adds Swoole's over rsipc's.
$measure = function (string $label, array $pair, callable $f) use (&$ratios, &$turn) {
    $order = $turn++ % 2 ? ['Swoole', 'rsipc'] : ['rsipc', 'Swoole'];
    $ns = [];
    foreach ($order as $which) {
        $t0 = hrtime(true);
        $f($pair[$which]);
        $ns[$which] = hrtime(true) - $t0;
    }
    $ratios[$label][] = $ns['Swoole'] / $ns['rsipc'];
};

foreach ($kinds as $kind) {
    // hex-reordered: the hex keys, inserted in their order and then visited in another one. Every
    // other kind visits its keys in the order they were inserted in. Its tables are new in every
    // round, so the rows lie as one pass of inserts leaves them (deleting in the other order and
    // inserting again would scatter them). Neither the insert nor foreach depends on the visiting
    // order: the insert is run but not reported, foreach is not run, and the hex kind has both.
    $reordered = $kind === 'hex-reordered';
    [$keys, $visit] = bench_kind_keys($kind, $n);
    $ops = table_ops($keys, $visit);
    $pair = null;
    for ($r = 0; $r < $rounds; $r++) {
        if ($pair === null || $reordered) {
            $pair = null;
            $pair = ['rsipc' => bench_table($n, 'Rsipc\\Table'), 'Swoole' => bench_table($n, 'Swoole\\Table')];
        }
        foreach ($ops as $op => $f) {
            if ($reordered && $op === 'set (insert)') {
                foreach ($pair as $t) { $f($t); }
                continue;
            }
            if ($reordered && $op === 'foreach (rows)') {
                continue;
            }
            $measure("$op, {$names[$kind]}", $pair, $f);
        }
        if ($pair['rsipc']->count() !== 0 || $pair['Swoole']->count() !== 0) { fwrite(STDERR, "rows left after del\n"); exit(1); }
    }
    fprintf(STDERR, "  %s keys: %d rounds done\n", $names[$kind], $rounds);
    unset($pair, $ops, $keys);
}

// hot incr: 1,000 counters bumped $n times by each of $procs processes (the others forked);
// the final sum is checked
$hot = [];
for ($i = 0; $i < 1000; $i++) { $hot[] = "hot:$i"; }
$pair = ['rsipc' => bench_table($n, 'Rsipc\\Table'), 'Swoole' => bench_table($n, 'Swoole\\Table')];
$expect = 0;
for ($r = 0; $r < $rounds; $r++) {
    foreach ([1, 2, 4] as $procs) {
        $measure("hot incr, $procs process" . ($procs > 1 ? 'es' : ''), $pair, function ($t) use ($procs, $hot, $n) {
            in_processes($procs, function () use ($t, $hot, $n) { for ($i = 0; $i < $n; $i++) { $t->incr($hot[$i % 1000], 'i'); } });
        });
        $expect += $procs * $n;
    }
}
foreach ($pair as $which => $t) {
    $sum = 0;
    foreach ($hot as $k) { $sum += $t->get($k, 'i'); }
    if ($sum !== $expect) { fwrite(STDERR, "$which: hot incr lost updates ($sum of $expect)\n"); exit(1); }
}
fprintf(STDERR, "  hot incr: %d rounds done\n", $rounds);

$w = max([strlen('operation'), ...array_map('strlen', array_keys($ratios))]);
printf("%-{$w}s %8s %17s\n", 'operation', 'median', 'range');
foreach ($ratios as $op => $v) {
    sort($v);
    printf("%-{$w}s %7.2fx %7.2f-%.2fx\n", $op, $v[intdiv(count($v), 2)], $v[0], $v[count($v) - 1]);
}
printf("  Swoole's time over rsipc's for the same operation on %d rows (hot incr: %d increments per\n  process), %d rounds in one process, the two taking turns to go first; 3.00x = rsipc three\n  times as fast\n", $n, $n, $rounds);
