--TEST--
Swoole\Table::set()/get(): rows, single fields, partial updates, ignored entries, missing keys and fields
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('id', Swoole\Table::TYPE_INT);
$t->column('name', Swoole\Table::TYPE_STRING, 16);
$t->column('score', Swoole\Table::TYPE_FLOAT);
$t->create();

echo "-- set and get\n";
var_dump($t->set('alice', ['id' => 7, 'name' => 'Alice', 'score' => 9.5]));
var_dump($t->get('alice'));
var_dump($t->get('alice', 'id'), $t->get('alice', 'name'), $t->get('alice', 'score'));
var_dump($t->get('alice', null));

echo "-- missing key, unknown field (no warnings)\n";
var_dump($t->get('bob'), $t->get('bob', 'id'), $t->get('bob', null));
var_dump($t->get('alice', 'nope'), $t->get('alice', ''), $t->get('alice', 'ID'));

echo "-- partial update keeps the other columns\n";
var_dump($t->set('alice', ['score' => 1.25]));
var_dump($t->get('alice'));

echo "-- a new row: omitted columns are zero / 0.0 / ''\n";
var_dump($t->set('carol', ['name' => 'Carol']));
var_dump($t->get('carol'));
var_dump($t->set('dave', []));
var_dump($t->get('dave'));

echo "-- int keys and unknown names in the value array are ignored\n";
var_dump($t->set('erin', [0 => 'x', 1 => 5, 'id' => 3, 'other' => 'y', '7' => 1]));
var_dump($t->get('erin'));

echo "-- order of the value array does not matter\n";
$t->set('fay', ['score' => 2.0, 'name' => 'Fay', 'id' => -4]);
var_dump($t->get('fay'));

echo "-- a row set after del starts fresh\n";
var_dump($t->del('alice'));
var_dump($t->set('alice', ['id' => 1]));
var_dump($t->get('alice'));

echo "-- overwriting a long string with a short one\n";
$t->set('g', ['name' => 'abcdefghijklmnop']);
$t->set('g', ['name' => 'xy']);
var_dump($t->get('g', 'name'));
$t->set('g', ['name' => '']);
var_dump($t->get('g', 'name'));

echo "-- argument errors\n";
foreach ([
    fn() => $t->set('k'),
    fn() => $t->set('k', 'notarray'),
    fn() => $t->get(),
    fn() => $t->get('k', []),
    fn() => $t->set([], []),
] as $f) {
    try { $f(); echo "no error\n"; } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
var_dump(count($t));
$t->destroy();
?>
--EXPECT--
-- set and get
bool(true)
array(3) {
  ["id"]=>
  int(7)
  ["name"]=>
  string(5) "Alice"
  ["score"]=>
  float(9.5)
}
int(7)
string(5) "Alice"
float(9.5)
array(3) {
  ["id"]=>
  int(7)
  ["name"]=>
  string(5) "Alice"
  ["score"]=>
  float(9.5)
}
-- missing key, unknown field (no warnings)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
-- partial update keeps the other columns
bool(true)
array(3) {
  ["id"]=>
  int(7)
  ["name"]=>
  string(5) "Alice"
  ["score"]=>
  float(1.25)
}
-- a new row: omitted columns are zero / 0.0 / ''
bool(true)
array(3) {
  ["id"]=>
  int(0)
  ["name"]=>
  string(5) "Carol"
  ["score"]=>
  float(0)
}
bool(true)
array(3) {
  ["id"]=>
  int(0)
  ["name"]=>
  string(0) ""
  ["score"]=>
  float(0)
}
-- int keys and unknown names in the value array are ignored
bool(true)
array(3) {
  ["id"]=>
  int(3)
  ["name"]=>
  string(0) ""
  ["score"]=>
  float(0)
}
-- order of the value array does not matter
array(3) {
  ["id"]=>
  int(-4)
  ["name"]=>
  string(3) "Fay"
  ["score"]=>
  float(2)
}
-- a row set after del starts fresh
bool(true)
bool(true)
array(3) {
  ["id"]=>
  int(1)
  ["name"]=>
  string(0) ""
  ["score"]=>
  float(0)
}
-- overwriting a long string with a short one
string(2) "xy"
string(0) ""
-- argument errors
ArgumentCountError: Swoole\Table::set() expects exactly 2 arguments, 1 given
TypeError: Swoole\Table::set(): Argument #2 ($value) must be of type array, string given
ArgumentCountError: Swoole\Table::get() expects at least 1 argument, 0 given
TypeError: Swoole\Table::get(): Argument #2 ($field) must be of type ?string, array given
TypeError: Swoole\Table::set(): Argument #1 ($key) must be of type string, array given
int(6)
