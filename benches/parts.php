<?php
// make bench-parts: where the time of one table operation goes on the benchmark table, rsipc
// beside Swoole, with one kind of keys of bench_kinds() (BENCH_KIND; digit-free keys, the hex
// kind, by default). Three measurements, in one run, the programs taking turns in every round:
//   big       benches/table_bench.php: each operation on every row of the 1M-row table, with
//             keys of that kind
//   in cache  benches/cached_ops.php: the same operation on 1,000 keys of a 1,024-row table,
//             where nothing misses the CPU caches: the operation's CPU cost
//   head      a pointer chase over an array the size of rsipc's chain heads (4 bytes a bucket,
//             8 MiB for this table; floor.rs): what the one read every rsipc operation makes at
//             a random place of that array costs
// Per operation it prints both programs' times and splits rsipc's big time into its CPU cost,
// one head read, and the rest (reading the row's slot and what the head read does not cover:
// chain steps past the first row, TLB misses). The parts are estimates, not a sum that must
// hold: the CPU overlaps part of a miss with the next call's work, so "rest" can be negative.
// With Swoole's side it also prints what rsipc's big time would have to be to reach three times
// Swoole's speed.
// Usage: php -n benches/parts.php /abs/path/rsipc.so [rounds]
//   (SWOOLE_SO: Swoole's side; BENCH_KIND: the kind of keys of the big table)
require __DIR__ . '/report.php';
require __DIR__ . '/kinds.php';
$so = $argv[1] ?? die("usage: parts.php /abs/path/rsipc.so [rounds]\n");
$rounds = max(1, (int)($argv[2] ?? 3));
$rows = (int)(getenv('BENCH_ROWS') ?: 1000000);
$php = PHP_BINARY . ' -n';
$dir = __DIR__;
$swoole = (string)getenv('SWOOLE_SO');
$kind = (string)(getenv('BENCH_KIND') ?: 'hex');
if (!isset(bench_kinds()[$kind])) {
    fwrite(STDERR, "bench-parts: BENCH_KIND must be one of " . implode(', ', array_keys(bench_kinds())) . "\n");
    exit(1);
}
$programs = ['rsipc' => "$php -d extension=" . escapeshellarg($so)];
if ($swoole !== '' && is_file($swoole)) {
    $programs['Swoole'] = "$php -d extension=" . escapeshellarg($swoole);
}

// rsipc's buckets for Table($rows, 1.0) (capacity.rs, layout.rs): getSize() N is a power of two
// of at least 64, N overflow rows more, and B is the power of two at or above N + N, at least
// 128. The chase runs over whole MiB: at least 1 MiB, so for small tables it is bigger than
// their heads.
$pow2 = function (int $v): int { $p = 1; while ($p < $v) { $p <<= 1; } return $p; };
$buckets = max(128, $pow2(2 * $pow2(max(64, $rows))));
$mib = max(1, intdiv(4 * $buckets, 1 << 20));

$bin = bench_floor_binary();
if ($bin === null) {
    fwrite(STDERR, "bench-parts: rustc could not build benches/floor.rs\n");
    exit(1);
}
$heads = $cached = $big = [];
for ($r = 1; $r <= $rounds; $r++) {
    // the programs take turns going first
    $order = $r % 2 ? $programs : array_reverse($programs, true);
    $ps = trim((string)shell_exec("$bin $mib 3000000 | tail -1"));
    if (!preg_match('/^\d+$/', $ps)) { fwrite(STDERR, "bench-parts: the pointer chase printed no figure\n"); exit(1); }
    $heads[] = (int)$ps / 1000;
    foreach ($order as $name => $cmd) {
        foreach (bench_figures("$cmd $dir/cached_ops.php") as $op => $ns) { $cached[$name][$op][] = $ns; }
        foreach (bench_figures("$cmd $dir/table_bench.php table $rows $kind") as $op => $perSec) {
            $big[$name][$op][] = 1e9 / $perSec;
        }
    }
    fprintf(STDERR, "  round %d of %d done\n", $r, $rounds);
}
$head = bench_median($heads);

$swooleToo = isset($programs['Swoole']);
$fmt = '%-13s %9s %9s %9s  %9s %9s %9s %9s  %9s';
$lines = [sprintf($fmt, '', 'Swoole', 'Swoole', '', 'rsipc', 'rsipc', 'one head', 'rsipc', '3x'),
    sprintf($fmt, 'operation', 'in cache', 'big', 'ratio', 'big', 'in cache', 'read', 'rest', 'needs')];
$lines[] = str_repeat('-', strlen($lines[1]));
// the operations of both measurements (the reordered kind leaves the insert out of the big one)
foreach (array_keys(array_intersect_key($cached['rsipc'], $big['rsipc'])) as $op) {
    $rc = bench_median($cached['rsipc'][$op]);
    $rb = bench_median($big['rsipc'][$op]);
    [$sc, $sb, $ratio, $needs] = ['-', '-', '-', '-'];
    if ($swooleToo) {
        $sc = sprintf('%.0f', bench_median($cached['Swoole'][$op]));
        $sbv = bench_median($big['Swoole'][$op]);
        [$sb, $ratio, $needs] = [sprintf('%.0f', $sbv), sprintf('%.2fx', $sbv / $rb), sprintf('%.0f', $sbv / 3)];
    }
    $lines[] = sprintf($fmt, $op, $sc, $sb, $ratio, sprintf('%.0f', $rb), sprintf('%.0f', $rc), sprintf('%.0f', $head),
        sprintf('%.0f', $rb - $rc - $head), $needs);
}
echo implode("\n", $lines), "\n";
printf("  nanoseconds per operation, medians of %d rounds; ratio = Swoole big / rsipc big (higher is better)\n", $rounds);
printf("  big: %d rows, keys: %s; in cache: 1,000 digit-free keys in a 1,024-row table\n", $rows, bench_kinds()[$kind]);
printf("  one head read: a pointer chase over %d MiB; rsipc's chain heads: %d buckets of 4 bytes\n", $mib, $buckets);
echo "  rest = rsipc big - in cache - one head read: the slot's row and whatever else misses\n";
if ($swooleToo) {
    echo "  3x needs = Swoole big / 3: what rsipc big must come down to for three times Swoole's speed\n";
} else {
    echo "  Swoole's columns skipped: set SWOOLE_SO to a swoole.so built for this PHP\n";
}
