<?php
// The table half of `make bench`: Swoole\Table on 1M rows (new Table(1_000_000, 1.0), columns
// int, float, string(32)), median of N runs, run alternately under each program present: rsipc,
// Swoole's own table when SWOOLE_SO names a swoole.so built for this PHP, and APCu (store/fetch
// of the same rows) when it is installed. A program that is missing gets no column. Every keyed
// operation is measured on five kinds of keys (sequential, the same in random order, digit-free,
// and the strides id:%012d of 1024*i and addr: 4096*i), one row of the table each.
// Prints a line per run as it goes and the result table; with BENCH_JSON set, also writes the
// figures there for run.php's report and chart. With --estimate, prints only the expected
// seconds (from one run at a twentieth of the rows).
// Usage: php -n benches/table_run.php /abs/path/rsipc.so [runs] [--estimate]
require __DIR__ . '/report.php';
$so = $argv[1];
$runs = (int)($argv[2] ?? 3);
$estimate = in_array('--estimate', $argv, true);
$rows = (int)(getenv('BENCH_ROWS') ?: 1000000);
$php = PHP_BINARY . ' -n';
$dir = __DIR__;

$kinds = ['seq' => 'sequential', 'rand' => 'random order', 'hex' => 'hex, no digits', 'id' => 'id: 1024*i', 'addr' => 'addr: 4096*i'];
// measured once, with sequential keys (they do not depend on the keys)
$unkeyed = ['memory bytes', 'hot incr, 1 process', 'hot incr, 2 processes'];
$programs = ['rsipc' => "$php -d extension=$so $dir/table_bench.php table"];
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

$missing = [];
if (!isset($programs['Swoole'])) $missing[] = 'Swoole: set SWOOLE_SO=/path/to/swoole.so to measure it';
if (!isset($programs['APCu'])) $missing[] = 'APCu: not installed (apt install php8.2-apcu)';
$res = [];
for ($r = 0; $r < $runs; $r++) {
    foreach ($kinds as $kind => $label) {
        foreach ($programs as $name => $cmd) {
            $t0 = hrtime(true);
            exec("$cmd $rows $kind 2>&1", $lines, $rc);
            if ($rc !== 0) { fwrite(STDERR, "failed: $cmd $rows $kind\n" . implode("\n", $lines) . "\n"); exit(1); }
            foreach ($lines as $l) {
                if (preg_match('/^(.+)\t(\d+)$/', $l, $m)) {
                    $case = in_array($m[1], $unkeyed, true) ? $m[1] : "$m[1], $label";
                    $res[$name][$case][] = (float)$m[2];
                }
            }
            $lines = [];
            printf("  table run %d/%d, %s, %s keys: every operation on %s rows in %.1f s\n", $r + 1, $runs, $name, $label, number_format($rows), (hrtime(true) - $t0) / 1e9);
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
foreach ($missing as $m) $notes[] = "no column for $m";
$text = bench_table('table', array_keys($programs), $data, $lower, $notes);
echo "\n", $text;
if ($json = getenv('BENCH_JSON')) {
    file_put_contents($json, json_encode(['programs' => array_keys($programs), 'data' => $data, 'lower' => $lower, 'text' => $text]));
}
