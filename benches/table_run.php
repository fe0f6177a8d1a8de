<?php
// The table half of `make bench`: rsipc's Swoole\Table on 1M rows (new Table(1_000_000, 1.0),
// columns int, float, string(32)), median of N runs, every keyed operation measured on five kinds
// of keys side by side (sequential, the same in random order, digit-free, and the strides
// id:%012d of 1024*i and addr: 4096*i), beside Swoole's figures for sequential keys on this
// machine class (Swoole is not installable here; the figures come from the issue that set the
// targets) and APCu (store/fetch of the same rows, sequential keys) where installed.
// Usage: php -n benches/table_run.php /abs/path/rsipc.so [runs]     (BENCH_ROWS=n for fewer rows)
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
$kinds = ['seq' => 'sequential', 'rand' => 'random-order', 'hex' => 'hex, no digits', 'id' => 'id: 1024*i', 'addr' => 'addr: 4096*i'];
$apcuSo = trim((string)shell_exec("$php -r 'echo ini_get(\"extension_dir\");'")) . '/apcu.so';
$cmds = [];
foreach ($kinds as $k => $_) {
    $cmds["rsipc/$k"] = "$php -d extension=$so $dir/table_bench.php table $rows $k";
}
if (is_file($apcuSo)) {
    $cmds['apcu/seq'] = "$php -d extension=apcu -d apc.enable_cli=1 -d apc.shm_size=1024M -d apc.entries_hint=2000000 $dir/table_bench.php apcu $rows seq";
}
$res = [];
for ($r = 0; $r < $runs; $r++) {
    foreach ($cmds as $name => $cmd) {
        exec($cmd . ' 2>&1', $lines, $rc);
        if ($rc !== 0) { fwrite(STDERR, "failed: $cmd\n" . implode("\n", $lines) . "\n"); exit(1); }
        foreach ($lines as $l) {
            if (preg_match('/^(.+)\t(\d+)$/', $l, $m)) { $res[$name][$m[1]][] = (float)$m[2]; }
        }
        $lines = [];
    }
}
$med = function (array $v) { sort($v); return $v[intdiv(count($v), 2)]; };
$get = fn(string $name, string $op) => isset($res[$name][$op]) ? $med($res[$name][$op]) : null;
$f = fn(?float $v) => $v === null ? '-' : ($v >= 1e6 ? sprintf('%.2fM', $v / 1e6) : sprintf('%.0fk', $v / 1e3));

printf("\ntable: ops/s, %d rows (median of %d)\n", $rows, $runs);
printf("%-22s %8s", 'operation', 'Swoole*');
foreach ($kinds as $label) { printf(" %14s", $label); }
printf(" %9s %10s %10s\n", 'seq/Sw.', 'worst/best', 'APCu seq');
foreach ($swoole as $op => $sv) {
    if ($op === 'memory bytes') {
        $ours = $get('rsipc/seq', $op);
        $cmp = $rows === 1000000 ? sprintf("   (%.2fx Swoole's %d)", $ours / $sv, $sv) : '';
        printf("%-22s %8s %14s%s\n", 'getMemorySize()', '', $ours === null ? '-' : sprintf('%d', $ours), $cmp);
        continue;
    }
    printf("%-22s %8s", $op, $f($sv));
    $vals = [];
    foreach ($kinds as $k => $_) {
        $v = $get("rsipc/$k", $op);
        if ($v !== null) { $vals[$k] = $v; }
        printf(" %14s", $f($v));
    }
    $seq = $vals['seq'] ?? null;
    $worst = count($vals) > 1 ? sprintf('%.2fx', min($vals) / max($vals)) : '';
    printf(" %8s %10s %10s\n", $seq ? sprintf('%.2fx', $seq / $sv) : '-', $worst, $f($get('apcu/seq', $op)));
}
echo "* Swoole master on this machine class, sequential keys, from the issue (no Swoole build is possible here).\n";
echo "  worst/best: the slowest key kind against the fastest (1.00x = every key pattern runs alike).\n";
