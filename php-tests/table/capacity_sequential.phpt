--TEST--
Swoole\Table capacity promise: getSize() + floor(getSize() * p) sequential keys fit; the next insert fails with the 6.3 warning
--FILE--
<?php
function fill(Swoole\Table $t, array $keys): string {
    $failed = [];
    set_error_handler(function (int $no, string $str) use (&$failed) { $failed[] = $str; return true; });
    $ok = 0;
    $first = null;
    foreach ($keys as $i => $k) {
        if ($t->set($k, ['v' => $i])) {
            $ok++;
        } elseif ($first === null) {
            $first = $i;
        }
    }
    restore_error_handler();
    $bad = 0;
    foreach ($keys as $i => $k) {
        if ($t->get($k, 'v') !== $i) {
            $bad++;
        }
    }
    return "stored $ok of " . count($keys) . ($first === null ? '' : ", first failure #$first")
        . ", warnings " . count($failed) . ", wrong values $bad, count " . count($t);
}

echo "-- new Swoole\\Table(1024): 1228 keys key0..key1227\n";
$t = new Swoole\Table(1024);
$t->column('v', Swoole\Table::TYPE_INT);
$t->create();
$cap = $t->getSize() + (int) floor($t->getSize() * 0.2);
var_dump($cap);
$keys = [];
for ($i = 0; $i < $cap; $i++) { $keys[] = "key$i"; }
echo fill($t, $keys), "\n";
$s = $t->stats();
var_dump($s['num'], $s['available_slice_num']);

echo "-- the next distinct insert fails\n";
var_dump($t->set("key$cap", ['v' => 1]));
var_dump($t->incr("key$cap", 'v'));
var_dump($t->add("key$cap", ['v' => 1]));
var_dump($t->exists("key$cap"), count($t));

echo "-- existing rows still update when full\n";
var_dump($t->set('key0', ['v' => -1]), $t->incr('key1', 'v', 10), $t->update('key2', ['v' => -2]), $t->get('key0', 'v'), $t->get('key2', 'v'));

echo "-- after deleting one row, one insert works again, then full again\n";
var_dump($t->del('key500'));
var_dump($t->set("key$cap", ['v' => 1]));
var_dump(@$t->set('another', ['v' => 1]));
var_dump($t->del('key7'), $t->incr('another', 'v', 3), @$t->incr('yet-another', 'v'));
var_dump($t->del('key8'), $t->add('yet-another', ['v' => 5]), @$t->add('one-more', ['v' => 5]));
var_dump(count($t));

echo "-- emptied and refilled: again exactly the full count\n";
foreach ($keys as $k) { $t->del($k); }
foreach (['another', 'yet-another', "key$cap"] as $k) { $t->del($k); }
var_dump(count($t));
$keys2 = [];
for ($i = 0; $i < $cap; $i++) { $keys2[] = "user:$i"; }
echo fill($t, $keys2), "\n";
var_dump(@$t->set('user:x', ['v' => 0]));
$t->destroy();

echo "-- other sizes and proportions\n";
foreach ([[64, 0.2, 'k'], [100, 0.5, 'item-'], [1000, 1.0, 'id_'], [2048, 0.0, ''], [64, 5.0, 'x']] as [$n, $p, $prefix]) {
    $t = new Swoole\Table($n, $p);
    $t->column('v', Swoole\Table::TYPE_INT);
    $t->create();
    $cap = $t->getSize() + (int) floor($t->getSize() * max(0.2, min(1.0, $p)));
    $keys = [];
    for ($i = 0; $i <= $cap; $i++) { $keys[] = $prefix . $i; }
    echo "Table($n, $p) promises $cap: ", fill($t, $keys), "\n";
    $t->destroy();
}
?>
--EXPECTF--
-- new Swoole\Table(1024): 1228 keys key0..key1227
int(1228)
stored 1228 of 1228, warnings 0, wrong values 0, count 1228
int(1228)
int(0)
-- the next distinct insert fails

Warning: Swoole\Table::set(): failed to set('key1228'), unable to allocate memory in %s on line %d
bool(false)

Warning: Swoole\Table::incr(): unable to allocate memory in %s on line %d
bool(false)

Warning: Swoole\Table::add(): failed to add('key1228'), unable to allocate memory in %s on line %d
bool(false)
bool(false)
int(1228)
-- existing rows still update when full
bool(true)
int(11)
bool(true)
int(-1)
int(-2)
-- after deleting one row, one insert works again, then full again
bool(true)
bool(true)
bool(false)
bool(true)
int(3)
bool(false)
bool(true)
bool(true)
bool(false)
int(1228)
-- emptied and refilled: again exactly the full count
int(0)
stored 1228 of 1228, warnings 0, wrong values 0, count 1228
bool(false)
-- other sizes and proportions
Table(64, 0.2) promises 76: stored 76 of 77, first failure #76, warnings 1, wrong values 1, count 76
Table(100, 0.5) promises 192: stored 192 of 193, first failure #192, warnings 1, wrong values 1, count 192
Table(1000, 1) promises 2048: stored 2048 of 2049, first failure #2048, warnings 1, wrong values 1, count 2048
Table(2048, 0) promises 2457: stored 2457 of 2458, first failure #2457, warnings 1, wrong values 1, count 2457
Table(64, 5) promises 128: stored 128 of 129, first failure #128, warnings 1, wrong values 1, count 128
