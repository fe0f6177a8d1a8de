<?php
// What benches/table_bench.php, benches/named_vs_forked.php and benches/vs_swoole.php measure:
// the keys of each kind, the row every set() writes, and the table operations in the order they
// run.
require_once __DIR__ . '/kinds.php';

// $n distinct keys of one kind:
//   seq   key:0, key:1, ... in order          rand  the same keys in a random order
//   hex   16 letters a-p, no digits at all    id    id:%012d of 1024*i      addr  addr: 4096*i
// The last two are strides that hashes adding a key's trailing number pile into few buckets.
function bench_keys(string $kind, int $n): array
{
    $keys = [];
    switch ($kind) {
        case 'seq':
        case 'rand':
            for ($i = 0; $i < $n; $i++) { $keys[] = "key:$i"; }
            if ($kind === 'rand') { mt_srand(42); shuffle($keys); }
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
            fwrite(STDERR, "unknown key kind $kind\n");
            exit(1);
    }
    if (count(array_flip($keys)) !== $n) { fwrite(STDERR, "duplicate keys in $kind\n"); exit(1); }
    return $keys;
}

// The benchmark schema, as Table::open() takes it: int, float, string(32).
function bench_columns(): array
{
    return ['i' => Swoole\Table::TYPE_INT, 'f' => Swoole\Table::TYPE_FLOAT, 's' => [Swoole\Table::TYPE_STRING, 32]];
}

function bench_row(): array
{
    return ['i' => 1, 'f' => 1.5, 's' => str_repeat('s', 32)];
}

// The $n keys of a kind of bench_kinds() in the order they are inserted in, and in the order
// every later operation visits them: [$keys, $visit].
function bench_kind_keys(string $kind, int $n): array
{
    if ($kind === 'hex-reordered') {
        $keys = bench_keys('hex', $n);
        return [$keys, bench_reorder($keys, 7)];
    }
    $keys = bench_keys($kind, $n);
    return [$keys, $keys];
}

// $keys in another order, fixed by $seed; each string is a fresh copy, made in the new order, so
// reading the keys in that order walks PHP's memory as reading $keys in theirs does.
function bench_reorder(array $keys, int $seed): array
{
    mt_srand($seed);
    shuffle($keys);
    return array_map(fn($k) => substr("_$k", 1), $keys);
}

// A new forked-style table of the benchmark schema: a Swoole\Table (Swoole's or rsipc's), or
// of another class with its API (rsipc's Rsipc\Table beside Swoole's).
function bench_table(int $n, string $class = 'Swoole\\Table'): object
{
    $t = new $class($n, 1.0);
    foreach (bench_columns() as $name => $type) {
        is_array($type) ? $t->column($name, $type[0], $type[1]) : $t->column($name, $type);
    }
    $t->create();
    return $t;
}

// Each operation on every key (foreach: on every row), as name => function (table); run in this
// order they leave the table as they found it: empty. The rows are inserted in the order of
// $keys; every later operation visits them in the order of $visit (the same keys), when given.
function table_ops(array $keys, ?array $visit = null): array
{
    $row = bench_row();
    $inserted = $keys;
    $keys = $visit ?? $keys;
    return [
        'set (insert)' => function ($t) use ($inserted, $row) { foreach ($inserted as $k) { $t->set($k, $row); } },
        'set (update)' => function ($t) use ($keys, $row) { foreach ($keys as $k) { $t->set($k, $row); } },
        'get (row)' => function ($t) use ($keys) { foreach ($keys as $k) { $t->get($k); } },
        'get (field)' => function ($t) use ($keys) { foreach ($keys as $k) { $t->get($k, 'i'); } },
        'incr' => function ($t) use ($keys) { foreach ($keys as $k) { $t->incr($k, 'i'); } },
        'exists' => function ($t) use ($keys) { foreach ($keys as $k) { $t->exists($k); } },
        'foreach (rows)' => function ($t) { foreach ($t as $k => $r) { } },
        'del' => function ($t) use ($keys) { foreach ($keys as $k) { $t->del($k); } },
    ];
}

// Runs $f in $procs processes at once: this one and $procs - 1 forked children; returns when
// all are done.
function in_processes(int $procs, callable $f): void
{
    $kids = [];
    for ($p = 1; $p < $procs; $p++) {
        $pid = pcntl_fork();
        if ($pid === 0) { $f(); exit(0); }
        $kids[] = $pid;
    }
    $f();
    foreach ($kids as $pid) { pcntl_waitpid($pid, $st); }
}
