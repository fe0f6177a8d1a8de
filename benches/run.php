<?php
// make bench: rsipc against the originals, measured alternately in one run, median of N.
// Usage: php -n benches/run.php /abs/path/rsipc.so [queue|table|all]
$so = $argv[1] ?? die("usage: run.php /path/to/rsipc.so [queue|table|all]\n");
$what = $argv[2] ?? 'all';
$runs = (int)(getenv('BENCH_RUNS') ?: 5);
$php = PHP_BINARY . ' -n';
$dir = __DIR__;

function median(array $v): float { sort($v); return $v[intdiv(count($v), 2)]; }
function run(string $cmd): float {
    $out = shell_exec($cmd . ' 2>&1');
    if (!preg_match('/^\d+$/m', (string)$out, $m)) { fwrite(STDERR, "failed: $cmd\n$out\n"); exit(1); }
    return (float)$m[0];
}
function fmt(float $v): string { return $v >= 1e6 ? sprintf('%.2fM', $v / 1e6) : sprintf('%.0fk', $v / 1e3); }

if ($what === 'queue' || $what === 'all') {
    $impls = ['sysvmsg (original)' => "$php -d extension=sysvmsg", 'rsipc' => "$php -d extension=$so"];
    $cases = [
        ['pairs 16 B, serialize', 'pairs', 16, 1, 1000000],
        ['pairs 16 B, raw', 'pairs', 16, 0, 1000000],
        ['pairs 4 KiB, serialize', 'pairs', 4096, 1, 300000],
        ['pairs 4 KiB, raw', 'pairs', 4096, 0, 300000],
        ['forked stream 1M x 16 B, raw', 'stream', 16, 0, 1000000],
    ];
    // the kernel's own cost: a C loop of msgsnd+msgrcv pairs, the ceiling for any PHP binding
    $cloop = null;
    $bin = sys_get_temp_dir() . '/rsipc-c-loop-' . getmypid();
    if (trim((string)shell_exec("cc -O2 -o $bin $dir/c_loop.c 2>&1; echo $?")) === '0') {
        $c = [];
        for ($r = 0; $r < $runs; $r++) { $c[] = run("$bin 16 1000000"); }
        $cloop = median($c);
        unlink($bin);
    }
    printf("%-32s %14s %14s %8s\n", 'queue: msgs/s (median of ' . $runs . ')', 'original', 'rsipc', 'ratio');
    foreach ($cases as [$label, $mode, $size, $ser, $n]) {
        $res = array_fill_keys(array_keys($impls), []);
        for ($r = 0; $r < $runs; $r++) {
            foreach ($impls as $name => $cmd) {
                $res[$name][] = run("$cmd $dir/queue_bench.php $mode $size $ser $n");
            }
        }
        $o = median($res['sysvmsg (original)']); $m = median($res['rsipc']);
        printf("%-32s %14s %14s %7.2fx\n", $label, fmt($o), fmt($m), $m / $o);
    }
    if ($cloop !== null) {
        printf("%-32s %14s   (the kernel's ceiling for 16 B pairs)\n", 'C msgsnd+msgrcv loop, 16 B', fmt($cloop));
    }
}
if (($what === 'table' || $what === 'all') && is_file("$dir/table_bench.php")) {
    passthru("$php $dir/table_run.php " . escapeshellarg($so) . " " . (getenv('BENCH_RUNS') ?: 3));
}
