--TEST--
Swoole\Table::stats(): keys, exact counter deltas for a known sequence, false before create and after destroy
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('v', Swoole\Table::TYPE_INT);
var_dump($t->stats());
$t->create();
$s0 = $t->stats();
var_dump(array_keys($s0));
var_dump($s0['num'], $s0['insert_count'], $s0['update_count'], $s0['delete_count'], $s0['conflict_count'],
    $s0['total_slice_num'], $s0['available_slice_num']);

// A known sequence.
for ($i = 0; $i < 20; $i++) { $t->set("k$i", ['v' => $i]); }   // 20 inserts
for ($i = 0; $i < 5; $i++) { $t->set("k$i", ['v' => -$i]); }   // 5 updates
$t->incr('k5', 'v');                                          // update
$t->decr('k6', 'v', 2);                                       // update
$t->incr('n1', 'v');                                          // insert
$t->decr('n2', 'v');                                          // insert
for ($i = 10; $i < 17; $i++) { $t->del("k$i"); }              // 7 deletes
$t->del('k10');                                               // missing: nothing
$t->del('never');                                             // missing: nothing
$t->get('k0'); $t->exists('k1'); $t->get('nope');             // reads: nothing
@$t->incr('n3', 'nope');                                      // invalid column: nothing
@$t->set('', ['v' => 1]);                                     // invalid key: nothing
$t->set('k10', ['v' => 1]);                                   // insert again

$s = $t->stats();
foreach (['num', 'insert_count', 'update_count', 'delete_count'] as $k) {
    echo $k, ' ', $s[$k] - $s0[$k], "\n";
}
var_dump($s['num'] === count($t));
var_dump($s['total_slice_num'] === $s0['total_slice_num']);
var_dump($s['available_slice_num'] <= $s['total_slice_num'], $s['available_slice_num'] >= 0);
var_dump($s['conflict_count'] >= 0, $s['conflict_max_level'] >= 0);

echo "-- deleting everything gives every overflow slot back\n";
foreach (array_keys(iterator_to_array($t)) as $k) { $t->del($k); }
$s = $t->stats();
var_dump($s['num'], $s['available_slice_num'] === $s['total_slice_num'], $s['delete_count'] - $s0['delete_count']);

echo "-- a full table uses overflow slots; emptied, every slot is free again\n";
// (keys without a shared stem: keys that differ only at the end, like f0, f1, ..., are kept
// apart by the hash, and 76 of them in 128 buckets may well meet no other key)
$n = $t->getSize() + $s['total_slice_num'];
for ($i = 0; $i < $n; $i++) { $t->set(md5("f$i"), ['v' => $i]); }
$s = $t->stats();
var_dump($s['num'] === $n, $s['available_slice_num'], $s['conflict_count'] > 0, $s['conflict_max_level'] >= 1);
for ($i = 0; $i < $n; $i++) { $t->del(md5("f$i")); }
$s = $t->stats();
var_dump($s['num'], $s['available_slice_num'] === $s['total_slice_num']);

$t->destroy();
var_dump($t->stats());
$r = (new ReflectionClass('Swoole\Table'))->newInstanceWithoutConstructor();
var_dump($r->stats());
?>
--EXPECT--
bool(false)
array(8) {
  [0]=>
  string(3) "num"
  [1]=>
  string(14) "conflict_count"
  [2]=>
  string(18) "conflict_max_level"
  [3]=>
  string(12) "insert_count"
  [4]=>
  string(12) "update_count"
  [5]=>
  string(12) "delete_count"
  [6]=>
  string(19) "available_slice_num"
  [7]=>
  string(15) "total_slice_num"
}
int(0)
int(0)
int(0)
int(0)
int(0)
int(12)
int(12)
num 16
insert_count 23
update_count 7
delete_count 7
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
-- deleting everything gives every overflow slot back
int(0)
bool(true)
int(23)
-- a full table uses overflow slots; emptied, every slot is free again
bool(true)
int(0)
bool(true)
bool(true)
int(0)
bool(true)
bool(false)
bool(false)
