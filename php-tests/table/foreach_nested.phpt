--TEST--
Swoole\Table: each foreach has its own cursor (nested loops over one table, break, hand-driven iteration inside)
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('v', Swoole\Table::TYPE_INT);
$t->create();
for ($i = 0; $i < 10; $i++) { $t->set("k$i", ['v' => $i]); }

echo "-- two levels: every pair once\n";
$pairs = [];
$outer = 0;
foreach ($t as $a => $ra) {
    $outer++;
    foreach ($t as $b => $rb) {
        $pairs["$a|$b"] = ($pairs["$a|$b"] ?? 0) + 1;
    }
}
var_dump($outer, count($pairs), max($pairs));

echo "-- three levels\n";
$n = 0;
foreach ($t as $a => $ra) { foreach ($t as $b => $rb) { foreach ($t as $c => $rc) { $n++; } } }
var_dump($n);

echo "-- breaking out of the inner loop does not disturb the outer one\n";
$outerKeys = [];
foreach ($t as $a => $ra) {
    $outerKeys[] = $a;
    foreach ($t as $b => $rb) { break; }
    foreach ($t as $b => $rb) { if ($rb['v'] > 3) break; }
}
sort($outerKeys);
var_dump(implode(',', $outerKeys));

echo "-- a new foreach after a break starts from the beginning\n";
foreach ($t as $a => $ra) { break; }
var_dump(iterator_count($t));

echo "-- hand-driven iteration inside a foreach does not end it\n";
$outer = 0;
$innerTotal = 0;
foreach ($t as $a => $ra) {
    $outer++;
    for ($t->rewind(); $t->valid(); $t->next()) { $innerTotal++; }
}
var_dump($outer, $innerTotal);

echo "-- a foreach inside a hand-driven loop does not move its cursor\n";
$outer = 0;
$seen = [];
for ($t->rewind(); $t->valid(); $t->next()) {
    $outer++;
    $seen[$t->key()] = true;
    foreach ($t as $b => $rb) {}
    if ($outer > 20) { echo "runaway\n"; break; }
}
var_dump($outer, count($seen));

echo "-- iterator_to_array inside a foreach\n";
$sizes = [];
foreach ($t as $a => $ra) { $sizes[] = count(iterator_to_array($t)); }
var_dump(count($sizes), array_unique($sizes));

echo "-- writes during nested iteration\n";
$visits = 0;
foreach ($t as $a => $ra) {
    foreach ($t as $b => $rb) {
        $t->incr($b, 'v');
        $visits++;
    }
}
$sum = 0;
foreach ($t as $k => $r) { $sum += $r['v']; }
var_dump($visits, $sum);
$t->destroy();
?>
--EXPECT--
-- two levels: every pair once
int(10)
int(100)
int(1)
-- three levels
int(1000)
-- breaking out of the inner loop does not disturb the outer one
string(29) "k0,k1,k2,k3,k4,k5,k6,k7,k8,k9"
-- a new foreach after a break starts from the beginning
int(10)
-- hand-driven iteration inside a foreach does not end it
int(10)
int(100)
-- a foreach inside a hand-driven loop does not move its cursor
int(10)
int(10)
-- iterator_to_array inside a foreach
int(10)
array(1) {
  [0]=>
  int(10)
}
-- writes during nested iteration
int(100)
int(145)
