--TEST--
Swoole\Table: while another process inserts and deletes, every pass returns each row that exists throughout exactly once, and each row whole
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/../inc/table_helpers.php';
table_guard(120);

$t = new Swoole\Table(2048);     // 2048 + 409 slots; 2000 stable + up to 400 volatile rows
$t->column('n', Swoole\Table::TYPE_INT);
$t->column('s', Swoole\Table::TYPE_STRING, 48);
$t->create();
for ($i = 0; $i < 2000; $i++) { $t->set("stable:$i", ['n' => $i, 's' => "stable:$i:$i"]); }
$t->set('stop', ['n' => 0]);

$pid = table_fork(function () use ($t) {
    mt_srand(99);
    // churn 400 volatile keys until the parent says stop; every row written is self-describing
    for ($n = 0; $t->get('stop', 'n') === 0; $n++) {
        $k = 'vol:' . mt_rand(0, 399);
        if (mt_rand(0, 1)) { $t->set($k, ['n' => $n, 's' => "$k:$n"]); } else { $t->del($k); }
    }
});

// start once the writer is churning (the guard ends the test if it never does)
while (count($t) < 2001 + 100) { usleep(1000); }
$passes = 0;
$missed = 0;
$repeated = 0;
$torn = 0;
$volatileSeen = 0;
for ($p = 0; $p < 60; $p++) {
    $seen = [];
    foreach ($t as $k => $row) {
        if ($k === 'stop') { continue; }
        $seen[$k] = ($seen[$k] ?? 0) + 1;
        if ($row['s'] !== "$k:" . $row['n']) { $torn++; }     // key and row belong together, row is whole
        if (str_starts_with($k, 'vol:')) { $volatileSeen++; }
    }
    for ($i = 0; $i < 2000; $i++) {
        $c = $seen["stable:$i"] ?? 0;
        if ($c === 0) { $missed++; } elseif ($c > 1) { $repeated++; }
    }
    $passes++;
}
$t->set('stop', ['n' => 1]);
echo "writer: ", table_wait($pid), "\n";
echo "passes $passes, stable rows missed $missed, repeated $repeated, torn rows $torn\n";
var_dump($volatileSeen > 0);
$n = 0;
foreach ($t as $k => $row) { $n++; }
var_dump($n === count($t));
$t->destroy();
?>
--EXPECT--
writer: exit 0
passes 60, stable rows missed 0, repeated 0, torn rows 0
bool(true)
bool(true)
