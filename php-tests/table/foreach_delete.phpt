--TEST--
Swoole\Table: deleting rows during foreach (the current one or others) never skips or repeats a row
--FILE--
<?php
function fresh(int $size, int $rows): Swoole\Table {
    $t = new Swoole\Table($size);
    $t->column('v', Swoole\Table::TYPE_INT);
    $t->create();
    for ($i = 0; $i < $rows; $i++) {
        if (!$t->set("key$i", ['v' => $i])) { echo "set key$i failed\n"; }
    }
    return $t;
}

echo "-- delete the current row: 10,000 rows, full table (chains in use)\n";
$t = fresh(8192, 9830);
$visits = [];
foreach ($t as $k => $row) {
    $visits[$k] = ($visits[$k] ?? 0) + 1;
    if ($row['v'] !== (int) substr($k, 3)) { echo "wrong row for $k\n"; }
    $t->del($k);
}
var_dump(count($visits), max($visits), count($t), $t->stats()['available_slice_num'] === $t->stats()['total_slice_num']);
$t->destroy();

echo "-- delete the current row with delete(), getdel() and cmpdel()\n";
$t = fresh(1024, 1228);
$visits = [];
$i = 0;
foreach ($t as $k => $row) {
    $visits[$k] = ($visits[$k] ?? 0) + 1;
    switch ($i++ % 3) {
        case 0: $t->delete($k); break;
        case 1: if ($t->getdel($k) !== $row) { echo "getdel $k wrong\n"; } break;
        case 2: if (!$t->cmpdel($k, ['v' => $row['v']])) { echo "cmpdel $k failed\n"; } break;
    }
}
var_dump(count($visits), max($visits), count($t));
$t->destroy();

echo "-- delete other rows: no row is repeated, every row never deleted is visited once\n";
mt_srand(12345);
$t = fresh(1024, 1228);
$all = [];
foreach ($t as $k => $row) { $all[] = $k; }
$deleted = [];
$visits = [];
foreach ($t as $k => $row) {
    $visits[$k] = ($visits[$k] ?? 0) + 1;
    if (isset($deleted[$k])) { echo "visited $k after it was deleted\n"; }
    for ($j = 0; $j < 2; $j++) {
        $victim = $all[mt_rand(0, count($all) - 1)];
        if ($victim !== $k && $t->del($victim)) { $deleted[$victim] = true; }
    }
}
$missed = 0;
foreach ($all as $k) {
    if (!isset($deleted[$k]) && ($visits[$k] ?? 0) !== 1) { $missed++; }
}
var_dump(max($visits), $missed, count($t) === count($all) - count($deleted), count($deleted) > 500);
$t->destroy();

echo "-- delete the current row and the next rows in key order\n";
$t = fresh(64, 76);
$visits = [];
foreach ($t as $k => $row) {
    $visits[$k] = ($visits[$k] ?? 0) + 1;
    $n = (int) substr($k, 3);
    $t->del($k);
    $t->del('key' . ($n + 1));
    $t->del('key' . ($n + 37));
}
var_dump(max($visits), count($t));
$t->destroy();

echo "-- inserting while iterating: the rows that were there are each visited once\n";
$t = fresh(4096, 1000);
$visits = [];
$added = 0;
foreach ($t as $k => $row) {
    $visits[$k] = ($visits[$k] ?? 0) + 1;
    if ($added < 2000) { $t->set("new$added", ['v' => -1]); $added++; }
}
$orig = 0;
foreach ($visits as $k => $c) { if (str_starts_with($k, 'key')) { $orig++; } }
var_dump($orig, max($visits), count($t));
$t->destroy();
?>
--EXPECT--
-- delete the current row: 10,000 rows, full table (chains in use)
int(9830)
int(1)
int(0)
bool(true)
-- delete the current row with delete(), getdel() and cmpdel()
int(1228)
int(1)
int(0)
-- delete other rows: no row is repeated, every row never deleted is visited once
int(1)
int(0)
bool(true)
bool(true)
-- delete the current row and the next rows in key order
int(1)
int(0)
-- inserting while iterating: the rows that were there are each visited once
int(1000)
int(1)
int(3000)
