<?php
// make bench-parts: where the time of one table operation goes on the benchmark table, rsipc
// beside Swoole, with digit-free keys (the benchmark's hex kind). Three measurements, in one run,
// the programs taking turns in every round:
//   big       benches/table_bench.php: each operation on every row of the 1M-row table
//   in cache  benches/cached_ops.php: the same operation on 1,000 keys of a 1,024-row table,
//             where nothing misses the CPU caches: the operation's CPU cost
//   head      a pointer chase over an array the size of rsipc's chain heads (4 bytes a bucket,
//             8 MiB for this table; floor.rs): what the one read every rsipc operation makes at
//             a random place of that array costs
// Per operation it prints both programs' times and splits rsipc's big time into its CPU cost,
// one head read, and the rest (reading the row's slot and what the head read does not cover:
// chain steps past the first row, TLB misses). The parts are estimates, not a sum that must
// hold: the CPU overlaps part of a miss with the next call's work, so "rest" can be negative.
// Usage: php -n benches/parts.php /abs/path/rsipc.so [rounds]   (SWOOLE_SO: Swoole's side)
require __DIR__ . '/report.php';
$so = $argv[1] ?? die("usage: parts.php /abs/path/rsipc.so [rounds]\n");
$rounds = max(1, (int)($argv[2] ?? 3));
$rows = (int)(getenv('BENCH_ROWS') ?: 1000000);
$php = PHP_BINARY . ' -n';
$dir = __DIR__;
$swoole = (string)getenv('SWOOLE_SO');
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
        foreach (bench_figures("$cmd $dir/table_bench.php table $rows hex") as $op => $perSec) {
            $big[$name][$op][] = 1e9 / $perSec;
        }
    }
    fprintf(STDERR, "  round %d of %d done\n", $r, $rounds);
}
$head = bench_median($heads);

$swooleToo = isset($programs['Swoole']);
$fmt = '%-13s %9s %9s %9s  %9s %9s %9s %9s';
$lines = [sprintf($fmt, '', 'Swoole', 'Swoole', '', 'rsipc', 'rsipc', 'one head', 'rsipc'),
    sprintf($fmt, 'operation', 'in cache', 'big', 'ratio', 'big', 'in cache', 'read', 'rest')];
$lines[] = str_repeat('-', strlen($lines[1]));
foreach (array_keys($cached['rsipc']) as $op) {
    $rc = bench_median($cached['rsipc'][$op]);
    $rb = bench_median($big['rsipc'][$op]);
    [$sc, $sb, $ratio] = ['-', '-', '-'];
    if ($swooleToo) {
        $sc = sprintf('%.0f', bench_median($cached['Swoole'][$op]));
        $sbv = bench_median($big['Swoole'][$op]);
        [$sb, $ratio] = [sprintf('%.0f', $sbv), sprintf('%.2fx', $sbv / $rb)];
    }
    $lines[] = sprintf($fmt, $op, $sc, $sb, $ratio, sprintf('%.0f', $rb), sprintf('%.0f', $rc), sprintf('%.0f', $head),
        sprintf('%.0f', $rb - $rc - $head));
}
echo implode("\n", $lines), "\n";
printf("  nanoseconds per operation, medians of %d rounds; ratio = Swoole big / rsipc big (higher is better)\n", $rounds);
printf("  big: %d rows, digit-free keys; in cache: 1,000 keys in a 1,024-row table\n", $rows);
printf("  one head read: a pointer chase over %d MiB; rsipc's chain heads: %d buckets of 4 bytes\n", $mib, $buckets);
echo "  rest = rsipc big - in cache - one head read: the slot's row and whatever else misses\n";
if (!$swooleToo) {
    echo "  Swoole's columns skipped: set SWOOLE_SO to a swoole.so built for this PHP\n";
}
