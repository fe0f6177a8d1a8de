<?php
// The table half of `make bench`: rsipc's Swoole\Table on 1M rows (new Table(1_000_000, 1.0),
// columns int, float, string(32)), median of N runs, beside Swoole's figures for the same
// benchmark on this machine class (Swoole is not installable here; the figures come from the
// issue that set the targets) and beside APCu (store/fetch of the same rows) where installed.
// Usage: php -n benches/table_run.php /abs/path/rsipc.so [runs]
$so = $argv[1];
$runs = (int)($argv[2] ?? 3);
$rows = (int)(getenv('BENCH_ROWS') ?: 1000000);
$php = PHP_BINARY . ' -n';
$dir = __DIR__;
$swoole = [
    'set (insert)' => 1.90e6, 'set (update)' => 2.07e6, 'get (row)' => 2.76e6, 'get (field)' => 4.19e6,
    'incr' => 3.33e6, 'exists' => 4.05e6, 'foreach (rows)' => 2.09e6, 'del' => 4.06e6,
    'hot incr, 1 process' => 4.81e6, 'hot incr, 2 processes' => 5.73e6, 'memory bytes' => 335544368,
];
$apcuSo = trim((string)shell_exec("$php -r 'echo ini_get(\"extension_dir\");'")) . '/apcu.so';
$impls = ['rsipc' => "$php -d extension=$so $dir/table_bench.php table $rows"];
if (is_file($apcuSo)) {
    $impls['apcu'] = "$php -d extension=apcu -d apc.enable_cli=1 -d apc.shm_size=1024M -d apc.entries_hint=2000000 $dir/table_bench.php apcu $rows";
}
$res = [];
for ($r = 0; $r < $runs; $r++) {
    foreach ($impls as $name => $cmd) {
        exec($cmd . ' 2>&1', $lines, $rc);
        if ($rc !== 0) { fwrite(STDERR, "failed: $cmd\n" . implode("\n", $lines) . "\n"); exit(1); }
        foreach ($lines as $l) {
            if (preg_match('/^(.+)\t(\d+)$/', $l, $m)) { $res[$name][$m[1]][] = (float)$m[2]; }
        }
        $lines = [];
    }
}
$med = function (array $v) { sort($v); return $v[intdiv(count($v), 2)]; };
$f = fn(?float $v) => $v === null ? '-' : ($v >= 1e6 ? sprintf('%.2fM', $v / 1e6) : sprintf('%.0fk', $v / 1e3));
printf("\n%-24s %12s %12s %8s %12s\n", "table: ops/s, $rows rows (median of $runs)", 'Swoole*', 'rsipc', 'ratio', 'APCu');
foreach ($swoole as $op => $sv) {
    $ours = isset($res['rsipc'][$op]) ? $med($res['rsipc'][$op]) : null;
    $ap = isset($res['apcu'][$op]) ? $med($res['apcu'][$op]) : null;
    if ($op === 'memory bytes') {
        printf("%-24s %12d %12d %7.2fx\n", 'getMemorySize() bytes', $sv, $ours, $ours / $sv);
        continue;
    }
    printf("%-24s %12s %12s %7.2fx %12s\n", $op, $f($sv), $f($ours), $ours / $sv, $f($ap));
}
echo "* Swoole master on this machine class, from the issue (no Swoole build is possible here).\n";
