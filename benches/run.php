<?php
// make bench: rsipc against the originals, each case measured alternately in one run, median of
// N. Queues: the stock sysvmsg, and a C loop as the kernel's ceiling. The table: see
// table_run.php (Swoole when SWOOLE_SO names a swoole.so, APCu when installed).
// Prints the expected total time first, a line per case as it runs, then the result tables;
// writes them to <outdir>/bench.txt and a chart to <outdir>/bench.svg.
// Usage: php -n benches/run.php /abs/path/rsipc.so [queue|table|all] [outdir]
require __DIR__ . '/report.php';
$so = $argv[1] ?? die("usage: run.php /path/to/rsipc.so [queue|table|all] [outdir]\n");
$what = $argv[2] ?? 'all';
$outdir = $argv[3] ?? dirname($so);
$runs = (int)(getenv('BENCH_RUNS') ?: 5);
$php = PHP_BINARY . ' -n';
$dir = __DIR__;

function run(string $cmd): float {
    $out = shell_exec($cmd . ' 2>&1');
    if (!preg_match('/^\d+$/m', (string)$out, $m)) { fwrite(STDERR, "failed: $cmd\n$out\n"); exit(1); }
    return (float)$m[0];
}
function wall(callable $f): float { $t0 = hrtime(true); $f(); return (hrtime(true) - $t0) / 1e9; }

$impls = ['sysvmsg' => "$php -d extension=sysvmsg", 'rsipc' => "$php -d extension=$so"];
$cases = [
    ['pairs 16 B, serialize', 'pairs', 16, 1, 1000000],
    ['pairs 16 B, raw', 'pairs', 16, 0, 1000000],
    ['pairs 4 KiB, serialize', 'pairs', 4096, 1, 300000],
    ['pairs 4 KiB, raw', 'pairs', 4096, 0, 300000],
    ['forked stream 1M x 16 B, raw', 'stream', 16, 0, 1000000],
];
$doQueue = $what === 'queue' || $what === 'all';
$doTable = ($what === 'table' || $what === 'all') && is_file("$dir/table_bench.php");

// Expected time: every case once at a twentieth of its size, scaled up.
$estimate = 0.0;
if ($doQueue) {
    foreach ($cases as [, $mode, $size, $ser, $n]) {
        foreach ($impls as $cmd) {
            $estimate += 20 * $runs * wall(fn() => run("$cmd $dir/queue_bench.php $mode $size $ser " . intdiv($n, 20)));
        }
    }
}
$tableRuns = (int)(getenv('BENCH_RUNS') ?: 3);
if ($doTable) {
    $estimate += (float)shell_exec("$php $dir/table_run.php " . escapeshellarg($so) . " $tableRuns --estimate");
}
printf("make bench: %s%s; expected total about %s (measured on a small sample just now)\n",
    $doQueue ? count($cases) . " queue cases x " . count($impls) . " programs x $runs runs" : '',
    $doTable ? ($doQueue ? ', ' : '') . "the table benchmark x $tableRuns runs" : '',
    bench_duration($estimate));

$report = '';
$sections = [];
if ($doQueue) {
    // the kernel's own cost: a C loop of msgsnd+msgrcv pairs, the ceiling for any PHP binding
    $cloop = null;
    $bin = sys_get_temp_dir() . '/rsipc-c-loop-' . getmypid();
    if (trim((string)shell_exec("cc -O2 -o $bin $dir/c_loop.c 2>&1; echo $?")) === '0') {
        $c = [];
        for ($r = 0; $r < $runs; $r++) { $c[] = run("$bin 16 1000000"); }
        $cloop = bench_median($c);
        unlink($bin);
    }
    $data = [];
    foreach ($cases as $i => [$label, $mode, $size, $ser, $n]) {
        $res = array_fill_keys(array_keys($impls), []);
        $took = wall(function () use (&$res, $impls, $runs, $dir, $mode, $size, $ser, $n) {
            for ($r = 0; $r < $runs; $r++) {
                foreach ($impls as $name => $cmd) {
                    $res[$name][] = run("$cmd $dir/queue_bench.php $mode $size $ser $n");
                }
            }
        });
        $data[$label] = array_map('bench_median', $res);
        printf("  queue %d/%d %s: %s (%.1f s)\n", $i + 1, count($cases), $label,
            implode(', ', array_map(fn($p, $v) => "$p " . bench_rate($v) . '/s', array_keys($data[$label]), $data[$label])), $took);
    }
    $notes = ["messages per second, median of $runs runs; higher is better"];
    if ($cloop !== null) {
        $notes[] = "the kernel's ceiling, a C loop of msgsnd+msgrcv pairs of 16 B: " . bench_rate($cloop) . '/s';
    }
    $report .= bench_table('queue', array_keys($impls), $data, [], $notes);
    $sections[] = ['queue: messages per second (higher is better)', array_keys($impls), $data, []];
    echo "\n", $report;
}
if ($doTable) {
    $json = tempnam(sys_get_temp_dir(), 'rsipc-bench');
    putenv("BENCH_JSON=$json");
    passthru("$php $dir/table_run.php " . escapeshellarg($so) . " $tableRuns", $rc);
    $t = json_decode((string)file_get_contents($json), true);
    unlink($json);
    if ($rc !== 0 || !$t) { exit(1); }
    $report .= "\n" . $t['text'];
    $sections[] = ['table: operations per second (higher is better; memory: lower is better)', $t['programs'], $t['data'], $t['lower']];
}
if (is_dir($outdir)) {
    file_put_contents("$outdir/bench.txt", $report);
    bench_svg("$outdir/bench.svg", $sections);
    echo "\nwrote $outdir/bench.txt and $outdir/bench.svg\n";
}
