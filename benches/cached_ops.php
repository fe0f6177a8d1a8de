<?php
// The CPU cost of each table operation, without memory misses: the benchmark's schema and
// operations on 1,000 digit-free keys in a table of 1,024 rows, small enough to stay in the CPU
// caches: 5 samples of about 0.2 s each (passes over the keys, with whatever restores the
// table between passes left out of the time). Prints "name<TAB>nanoseconds per operation" lines
// (the median sample), then checks the table holds every key again and exits 1 if not. Run
// under rsipc or under Swoole (both provide Swoole\Table). foreach is left out: it looks up no
// key (it asks for the buckets of the rows ahead while the current one is handled), so the split
// parts.php makes into one head read and the rest does not fit it.
// Usage: php -n -d extension=rsipc.so|swoole.so cached_ops.php
require __DIR__ . '/table_ops.php';
$keys = bench_keys('hex', 1000);
$n = count($keys);
$row = bench_row();
$t = bench_table(1024);
foreach ($keys as $k) { $t->set($k, $row); }
$empty = function () use ($t, $keys) { foreach ($keys as $k) { $t->del($k); } };
$full = function () use ($t, $keys, $row) { foreach ($keys as $k) { $t->set($k, $row); } };
// name => [the timed pass, what runs untimed after it to restore the table]
$ops = [
    'set (insert)' => [$full, $empty],
    'set (update)' => [$full, null],
    'get (row)' => [function () use ($t, $keys) { foreach ($keys as $k) { $t->get($k); } }, null],
    'get (field)' => [function () use ($t, $keys) { foreach ($keys as $k) { $t->get($k, 'i'); } }, null],
    'incr' => [function () use ($t, $keys) { foreach ($keys as $k) { $t->incr($k, 'i'); } }, null],
    'exists' => [function () use ($t, $keys) { foreach ($keys as $k) { $t->exists($k); } }, null],
    'del' => [$empty, $full],
];
$empty(); // set (insert) starts from an empty table
foreach ($ops as $name => [$timed, $restore]) {
    // passes per sample: enough for about 0.2 s of timed work, found from one pass
    $t0 = hrtime(true);
    $timed();
    $took = hrtime(true) - $t0;
    if ($restore) { $restore(); }
    $reps = max(1, (int)(0.2e9 / max(1, $took)));
    $samples = [];
    for ($s = 0; $s < 5; $s++) {
        $ns = 0;
        for ($r = 0; $r < $reps; $r++) {
            $t0 = hrtime(true);
            $timed();
            $ns += hrtime(true) - $t0;
            if ($restore) { $restore(); }
        }
        $samples[] = $ns / ($reps * $n);
    }
    sort($samples);
    printf("%s\t%.1f\n", $name, $samples[2]);
}
if ($t->count() !== $n) { fwrite(STDERR, "cached_ops: {$t->count()} rows left, expected $n\n"); exit(1); }
