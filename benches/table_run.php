<?php
// The table half of `make bench`: Swoole\Table on 1M rows (new Table(1_000_000, 1.0), columns
// int, float, string(32)), median of N runs, run alternately under each program present: rsipc
// (a table made by create() and shared by fork), rsipc's named table (Table::open(), same
// schema), Swoole's own table when SWOOLE_SO names a swoole.so built for this PHP, and APCu
// (store/fetch of the same rows, apcu_inc for the counters) when it is installed. A program that
// is missing gets no column.
// The floor every operation is compared with: one dependent cache miss over a 300 MB mapping
// (floor.rs, built with rustc when there is one) plus one loop step with an empty method call
// (floor_call.php); the last column gives rsipc's time per operation as a multiple of it. Every keyed
// operation is measured on five kinds of keys (sequential, the same in random order, digit-free,
// and the strides id:%012d of 1024*i and addr: 4096*i), one row of the table each, all visited
// in the order they were inserted in; and a sixth, the digit-free keys visited in another order
// (only the operations whose cost depends on it; see table_bench.php).
// Prints a line per run as it goes and the result table; with BENCH_JSON set, also writes the
// figures there for run.php's report and chart. With --estimate, prints only the expected
// seconds (from one run at a twentieth of the rows).
// Usage: php -n benches/table_run.php /abs/path/rsipc.so [runs] [--estimate]
require __DIR__ . '/report.php';
require __DIR__ . '/kinds.php';
$so = $argv[1];
$runs = (int)($argv[2] ?? 3);
$estimate = in_array('--estimate', $argv, true);
$rows = (int)(getenv('BENCH_ROWS') ?: 1000000);
$php = PHP_BINARY . ' -n';
$dir = __DIR__;

$kinds = bench_kinds();
// measured once, with sequential keys (they do not depend on the keys)
$unkeyed = ['memory bytes', 'hot incr, 1 process', 'hot incr, 2 processes', 'hot incr, 4 processes'];
$programs = ['rsipc' => "$php -d extension=$so $dir/table_bench.php table",
    'named' => "$php -d extension=$so $dir/table_bench.php named"];
$swooleSo = (string)getenv('SWOOLE_SO');
if ($swooleSo !== '' && is_file($swooleSo)) {
    $programs['Swoole'] = "$php -d extension=" . escapeshellarg($swooleSo) . " $dir/table_bench.php table";
}
$apcuSo = trim((string)shell_exec("$php -r 'echo ini_get(\"extension_dir\");'")) . '/apcu.so';
if (is_file($apcuSo)) {
    $programs['APCu'] = "$php -d extension=apcu -d apc.enable_cli=1 -d apc.shm_size=1024M -d apc.entries_hint=2000000 $dir/table_bench.php apcu";
}

if ($estimate) {
    $t0 = hrtime(true);
    foreach ($programs as $cmd) { exec("$cmd " . intdiv($rows, 20) . ' seq 2>&1'); }
    printf("%.1f\n", 20 * $runs * count($kinds) * (hrtime(true) - $t0) / 1e9);
    exit(0);
}

// the floor, measured before the runs: median of three of each half
$floor = null;
$chase = null;
$call = null;
$bin = bench_floor_binary();
if ($bin !== null) {
    $c = [];
    $p = [];
    for ($r = 0; $r < 3; $r++) {
        $c[] = (float)trim((string)shell_exec("$bin 300 5000000 | tail -1")) / 1000;
        $p[] = (float)trim((string)shell_exec("$php -d extension=$so $dir/floor_call.php $rows")) / 1000;
    }
    [$chase, $call] = [bench_median($c), bench_median($p)];
    $floor = $chase + $call;
    printf("  floor: one dependent miss over 300 MB %.0f ns + a loop step with an empty method call %.0f ns = %.0f ns\n", $chase, $call, $floor);
}

$missing = [];
if (!isset($programs['Swoole'])) $missing[] = 'Swoole: set SWOOLE_SO=/path/to/swoole.so to measure it';
if (!isset($programs['APCu'])) $missing[] = 'APCu: not installed (apt install php8.2-apcu)';
$res = [];
for ($r = 0; $r < $runs; $r++) {
    foreach ($kinds as $kind => $label) {
        foreach ($programs as $name => $cmd) {
            $t0 = hrtime(true);
            // (a program with nothing to measure here, APCu's or the named table's, prints nothing)
            foreach (bench_figures("$cmd $rows $kind", false) as $op => $v) {
                $case = in_array($op, $unkeyed, true) ? $op : "$op, $label";
                $res[$name][$case][] = $v;
            }
            printf("  table run %d/%d, %s, %s keys: %s on %s rows in %.1f s\n", $r + 1, $runs, $name, $label,
                $kind === 'hex-reordered' ? 'the order-dependent operations' : 'every operation', number_format($rows), (hrtime(true) - $t0) / 1e9);
        }
    }
}
// case => program => median, cases in the order the benchmark printed them
$data = [];
foreach ($res as $name => $ops) {
    foreach ($ops as $op => $values) { $data[$op][$name] = bench_median($values); }
}
$lower = array_values(array_filter(array_keys($data), fn($op) => str_contains($op, 'memory') || str_contains($op, 'bytes')));
$notes = ["operations per second on $rows rows, median of $runs runs; higher is better, except memory"];
if ($floor !== null) {
    $notes[] = sprintf('rsipc/floor: rsipc\'s nanoseconds per operation (all processes together for hot incr) over the floor of %.0f ns ='
        . ' one dependent cache miss over 300 MB (%.0f ns) + one loop step with an empty method call (%.0f ns)', $floor, $chase, $call);
}
if (isset($data['memory bytes']['rsipc'])) {
    // Table($rows, 1.0) rounds the size up to a power of two and adds as many overflow rows
    $fit = 2 << (int)ceil(log($rows, 2));
    $notes[] = sprintf('memory per row that fits (%s = N + C): %s; per row stored (%s): %s', number_format($fit),
        implode(', ', array_map(fn($p, $v) => sprintf('%s %.1f B', $p, $v / $fit), array_keys($data['memory bytes']), $data['memory bytes'])),
        number_format($rows),
        implode(', ', array_map(fn($p, $v) => sprintf('%s %.1f B', $p, $v / $rows), array_keys($data['memory bytes']), $data['memory bytes'])));
}
foreach ($missing as $m) $notes[] = "no column for $m";
$text = bench_table('table', array_keys($programs), $data, $lower, $notes, $floor);
echo "\n", $text;
if ($json = getenv('BENCH_JSON')) {
    file_put_contents($json, json_encode(['programs' => array_keys($programs), 'data' => $data, 'lower' => $lower, 'text' => $text, 'floor' => $floor]));
}
