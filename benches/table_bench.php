<?php
// One pass of the table benchmark on one kind of keys; prints "name<TAB>ops_per_second" lines.
// Usage: php table_bench.php table|named|apcu <rows> [seq|rand|hex|id|addr]
//   table  new Swoole\Table + create(), shared with forked children (rsipc or Swoole)
//   named  Swoole\Table::open() of a named table (rsipc only), same schema, removed at the end
//   apcu   apcu_store/apcu_fetch of the same rows, apcu_inc for the hot counters
//   seq   key:0, key:1, ... in order          rand  the same keys in a random order
//   hex   16 letters a-p, no digits at all    id    id:%012d of 1024*i      addr  addr: 4096*i
// The last two are strides that hashes adding a key's trailing number pile into few buckets.
ini_set('memory_limit', '1G'); // a million keys and their uniqueness check pass -n's 128M
$kind = $argv[1];
$n = (int)$argv[2];
$keyKind = $argv[3] ?? 'seq';
$keys = [];
switch ($keyKind) {
    case 'seq':
    case 'rand':
        for ($i = 0; $i < $n; $i++) { $keys[] = "key:$i"; }
        if ($keyKind === 'rand') { mt_srand(42); shuffle($keys); }
        break;
    case 'hex':
        for ($i = 0; $i < $n; $i++) { $keys[] = strtr(hash('xxh64', "k$i"), '0123456789', 'ghijklmnop'); }
        break;
    case 'id':
        for ($i = 0; $i < $n; $i++) { $keys[] = sprintf('id:%012d', 1024 * $i); }
        break;
    case 'addr':
        for ($i = 0; $i < $n; $i++) { $keys[] = 'addr:' . (4096 * $i); }
        break;
    default:
        fwrite(STDERR, "unknown key kind $keyKind\n");
        exit(1);
}
if (count(array_flip($keys)) !== $n) { fwrite(STDERR, "duplicate keys in $keyKind\n"); exit(1); }
$row = ['i' => 1, 'f' => 1.5, 's' => str_repeat('s', 32)];
$out = [];
// hot incr: $loop bumps 1,000 counters $n times; it runs in $procs processes at once (the others
// forked), and the caller checks the final sum
$hot = [];
for ($i = 0; $i < 1000; $i++) { $hot[] = "hot:$i"; }
$hotRun = function (int $procs, callable $loop) {
    $kids = [];
    for ($p = 1; $p < $procs; $p++) {
        $pid = pcntl_fork();
        if ($pid === 0) { $loop(); exit(0); }
        $kids[] = $pid;
    }
    $loop();
    foreach ($kids as $pid) { pcntl_waitpid($pid, $st); }
};
$time = function (string $name, int $ops, callable $f) use (&$out) {
    $t0 = hrtime(true);
    $f();
    $out[$name] = $ops / ((hrtime(true) - $t0) / 1e9);
};
// the operations that do not depend on the keys run with the sequential keys only
$once = $keyKind === 'seq';

if ($kind === 'apcu') {
    if (!function_exists('apcu_store')) { exit(0); }
    $time('set (insert)', $n, function () use ($keys, $row) { foreach ($keys as $k) { apcu_store($k, $row); } });
    $time('set (update)', $n, function () use ($keys, $row) { foreach ($keys as $k) { apcu_store($k, $row); } });
    $time('get (row)', $n, function () use ($keys) { foreach ($keys as $k) { apcu_fetch($k); } });
    $time('exists', $n, function () use ($keys) { foreach ($keys as $k) { apcu_exists($k); } });
    $time('del', $n, function () use ($keys) { foreach ($keys as $k) { apcu_delete($k); } });
    if ($once) {
        $inc = function () use ($hot, $n) { for ($i = 0; $i < $n; $i++) { apcu_inc($hot[$i % 1000]); } };
        $time('hot incr, 1 process', $n, fn() => $hotRun(1, $inc));
        $time('hot incr, 2 processes', 2 * $n, fn() => $hotRun(2, $inc));
        $time('hot incr, 4 processes', 4 * $n, fn() => $hotRun(4, $inc));
        $sum = 0;
        for ($i = 0; $i < 1000; $i++) { $sum += apcu_fetch("hot:$i"); }
        if ($sum !== 7 * $n) { fwrite(STDERR, "hot incr lost updates: $sum\n"); exit(1); }
    }
} else {
    if ($kind === 'named') {
        if (!method_exists('Swoole\\Table', 'open')) { exit(0); }
        $name = 'rsipc-bench-' . getmypid();
        $t = Swoole\Table::open($name, $n, ['i' => Swoole\Table::TYPE_INT, 'f' => Swoole\Table::TYPE_FLOAT,
            's' => [Swoole\Table::TYPE_STRING, 32]], 1.0);
    } else {
        $t = new Swoole\Table($n, 1.0);
        $t->column('i', Swoole\Table::TYPE_INT);
        $t->column('f', Swoole\Table::TYPE_FLOAT);
        $t->column('s', Swoole\Table::TYPE_STRING, 32);
        $t->create();
    }
    if ($once) { $out['memory bytes'] = $t->getMemorySize(); }
    $time('set (insert)', $n, function () use ($t, $keys, $row) { foreach ($keys as $k) { $t->set($k, $row); } });
    if ($t->count() !== $n) { fwrite(STDERR, "only {$t->count()} of $n rows stored\n"); exit(1); }
    $time('set (update)', $n, function () use ($t, $keys, $row) { foreach ($keys as $k) { $t->set($k, $row); } });
    $time('get (row)', $n, function () use ($t, $keys) { foreach ($keys as $k) { $t->get($k); } });
    $time('get (field)', $n, function () use ($t, $keys) { foreach ($keys as $k) { $t->get($k, 'i'); } });
    $time('incr', $n, function () use ($t, $keys) { foreach ($keys as $k) { $t->incr($k, 'i'); } });
    $time('exists', $n, function () use ($t, $keys) { foreach ($keys as $k) { $t->exists($k); } });
    $time('foreach (rows)', $n, function () use ($t) { foreach ($t as $k => $r) { } });
    $time('del', $n, function () use ($t, $keys) { foreach ($keys as $k) { $t->del($k); } });
    if ($once) {
        $inc = function () use ($t, $hot, $n) { for ($i = 0; $i < $n; $i++) { $t->incr($hot[$i % 1000], 'i'); } };
        $time('hot incr, 1 process', $n, fn() => $hotRun(1, $inc));
        $time('hot incr, 2 processes', 2 * $n, fn() => $hotRun(2, $inc));
        $time('hot incr, 4 processes', 4 * $n, fn() => $hotRun(4, $inc));
        $sum = 0;
        for ($i = 0; $i < 1000; $i++) { $sum += $t->get("hot:$i", 'i'); }
        if ($sum !== 7 * $n) { fwrite(STDERR, "hot incr lost updates: $sum\n"); exit(1); }
    }
    $t->destroy();
}
foreach ($out as $k => $v) { printf("%s\t%.0f\n", $k, $v); }
