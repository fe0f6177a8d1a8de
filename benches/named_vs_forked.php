<?php
// A named table against a forked one in the same process: every operation of `make bench` on
// both, in rounds, the two tables taking turns to go first, so that both see the same machine
// (a shared machine drifts by a third between whole runs; within one process and one second it
// drifts far less). Prints, per operation, the named table's time over the forked table's:
// the median of the rounds and their range.
// Usage: php -d extension=rsipc.so named_vs_forked.php [rows] [rounds]
ini_set('memory_limit', '1G');
$n = (int)($argv[1] ?? 1000000);
$rounds = (int)($argv[2] ?? 7);
if (!method_exists('Rsipc\\Table', 'open')) { fwrite(STDERR, "rsipc with named tables is not loaded\n"); exit(1); }
// keys without order (their hash places them anywhere, like most real keys)
$keys = [];
for ($i = 0; $i < $n; $i++) { $keys[] = strtr(hash('xxh64', "k$i"), '0123456789', 'ghijklmnop'); }
$cols = ['i' => Rsipc\Table::TYPE_INT, 'f' => Rsipc\Table::TYPE_FLOAT, 's' => [Rsipc\Table::TYPE_STRING, 32]];
$forked = new Rsipc\Table($n, 1.0);
foreach ($cols as $c => $t) { is_array($t) ? $forked->column($c, $t[0], $t[1]) : $forked->column($c, $t); }
$forked->create();
$name = 'rsipc-named-vs-forked-' . getmypid();
$named = Rsipc\Table::open($name, $n, $cols, 1.0);
$row = ['i' => 1, 'f' => 1.5, 's' => str_repeat('s', 32)];
$ops = [
    'set (insert)' => function ($t) use ($keys, $row) { foreach ($keys as $k) { $t->set($k, $row); } },
    'set (update)' => function ($t) use ($keys, $row) { foreach ($keys as $k) { $t->set($k, $row); } },
    'get (row)' => function ($t) use ($keys) { foreach ($keys as $k) { $t->get($k); } },
    'get (field)' => function ($t) use ($keys) { foreach ($keys as $k) { $t->get($k, 'i'); } },
    'incr' => function ($t) use ($keys) { foreach ($keys as $k) { $t->incr($k, 'i'); } },
    'exists' => function ($t) use ($keys) { foreach ($keys as $k) { $t->exists($k); } },
    'foreach (rows)' => function ($t) { foreach ($t as $k => $r) { } },
    'del' => function ($t) use ($keys) { foreach ($keys as $k) { $t->del($k); } },
];
$ratios = [];
for ($r = 0; $r < $rounds; $r++) {
    foreach ($ops as $op => $f) {
        $pair = $r % 2 ? ['named' => $named, 'forked' => $forked] : ['forked' => $forked, 'named' => $named];
        $ns = [];
        foreach ($pair as $which => $t) {
            $t0 = hrtime(true);
            $f($t);
            $ns[$which] = hrtime(true) - $t0;
        }
        $ratios[$op][] = $ns['named'] / $ns['forked'];
    }
    if ($forked->count() !== 0 || $named->count() !== 0) { fwrite(STDERR, "rows left after del\n"); exit(1); }
    fprintf(STDERR, "  round %d/%d done\n", $r + 1, $rounds);
}
Rsipc\Table::unlink($name);
printf("%-16s %8s %15s\n", 'operation', 'median', 'range');
foreach ($ratios as $op => $v) {
    sort($v);
    printf("%-16s %7.3fx %7.3f-%.3fx\n", $op, $v[intdiv(count($v), 2)], $v[0], $v[count($v) - 1]);
}
printf("  named table's time over the forked table's for the same operation on %d rows, %d rounds in one\n  process (the two take turns to go first); 1.000x = as fast\n", $n, $rounds);
