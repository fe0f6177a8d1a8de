<?php
// The PHP half of the benchmark's floor: what one loop step with an empty method call costs,
// `foreach ($keys as $k) { $t->getSize(); }` over the benchmark's keys (getSize() reads a
// number the handle keeps: no shared memory, no key), median of 5 rounds. Prints picoseconds
// per step on one line.
// Usage: php -n -d extension=rsipc.so floor_call.php <rows>
$n = (int)($argv[1] ?? 1000000);
$t = new Swoole\Table(1024, 1.0);
$t->column('i', Swoole\Table::TYPE_INT);
$t->create();
$keys = [];
for ($i = 0; $i < $n; $i++) { $keys[] = "key:$i"; }
$r = [];
for ($round = 0; $round < 5; $round++) {
    $t0 = hrtime(true);
    foreach ($keys as $k) { $t->getSize(); }
    $r[] = (hrtime(true) - $t0) * 1000 / $n;
}
sort($r);
printf("%d\n", $r[2]);
