--TEST--
Swoole\Table Iterator methods called by hand: rewind/valid/current/key/next, NULL at the end, empty tables
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('v', Swoole\Table::TYPE_INT);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->create();

echo "-- empty table\n";
$t->rewind();
var_dump($t->valid(), $t->key(), $t->current());
$t->next();
var_dump($t->valid(), $t->key(), $t->current());
foreach ($t as $k => $v) { echo "never\n"; }
var_dump(iterator_to_array($t));

echo "-- three rows by hand\n";
$want = ['a' => 1, 'b' => 2, "c\0d" => 3];
foreach ($want as $k => $v) { $t->set($k, ['v' => $v, 's' => "s$v"]); }
$got = [];
$steps = 0;
for ($t->rewind(); $t->valid(); $t->next()) {
    $k = $t->key();
    $got['x' . bin2hex($k)] = $t->current();
    // key() and current() do not move the cursor
    if ($t->key() !== $k || $t->current() !== $got['x' . bin2hex($k)]) { echo "cursor moved\n"; }
    if (++$steps > 10) { echo "runaway\n"; break; }
}
ksort($got);
var_dump($got);
echo "-- at the end\n";
var_dump($t->valid(), $t->key(), $t->current());
$t->next();
$t->next();
var_dump($t->valid(), $t->key(), $t->current());

echo "-- rewind starts over\n";
$t->rewind();
var_dump($t->valid(), isset($want[$t->key()]), $t->current() === ['v' => $want[$t->key()], 's' => 's' . $want[$t->key()]]);
$n = 0;
for ($t->rewind(); $t->valid(); $t->next()) { $n++; }
var_dump($n);

echo "-- current() is a copy: changing the table after it does not change it\n";
$t->rewind();
$k = $t->key();
$row = $t->current();
$t->set($k, ['v' => 100]);
var_dump($row['v'] === $want[$k], $t->get($k, 'v'));
$t->set($k, ['v' => $want[$k]]);

echo "-- iterator_to_array, IteratorIterator and yield from\n";
$arr = iterator_to_array($t);
ksort($arr);
var_dump(array_map('bin2hex', array_keys($arr)), array_column($arr, 'v'));
$it = new IteratorIterator($t);
$c = 0;
foreach ($it as $k => $v) { $c++; }
var_dump($c);
function gen(Swoole\Table $t) { yield from $t; }
$c = 0;
foreach (gen($t) as $k => $v) { $c++; }
var_dump($c);

echo "-- extra arguments are ignored, as Swoole does\n";
$t->rewind(1, 2);
var_dump($t->valid('x'), $t->key([]), $t->current(null) !== null);
$t->next(3);
$t->destroy();
?>
--EXPECT--
-- empty table
bool(false)
NULL
NULL
bool(false)
NULL
NULL
array(0) {
}
-- three rows by hand
array(3) {
  ["x61"]=>
  array(2) {
    ["v"]=>
    int(1)
    ["s"]=>
    string(2) "s1"
  }
  ["x62"]=>
  array(2) {
    ["v"]=>
    int(2)
    ["s"]=>
    string(2) "s2"
  }
  ["x630064"]=>
  array(2) {
    ["v"]=>
    int(3)
    ["s"]=>
    string(2) "s3"
  }
}
-- at the end
bool(false)
NULL
NULL
bool(false)
NULL
NULL
-- rewind starts over
bool(true)
bool(true)
bool(true)
int(3)
-- current() is a copy: changing the table after it does not change it
bool(true)
int(100)
-- iterator_to_array, IteratorIterator and yield from
array(3) {
  [0]=>
  string(2) "61"
  [1]=>
  string(2) "62"
  [2]=>
  string(6) "630064"
}
array(3) {
  [0]=>
  int(1)
  [1]=>
  int(2)
  [2]=>
  int(3)
}
int(3)
int(3)
-- extra arguments are ignored, as Swoole does
bool(true)
string(1) "a"
bool(true)
