--TEST--
Swoole\Table::incr()/decr(): int and float columns, creating rows, wrapping, coercion of the step, errors
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('i', Swoole\Table::TYPE_INT);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->create();

echo "-- a missing row is created with zeroes\n";
var_dump($t->incr('a', 'i'));
var_dump($t->get('a'));
var_dump($t->decr('b', 'i'), $t->decr('c', 'f', 1.5), count($t));

echo "-- int column\n";
var_dump($t->incr('a', 'i', 10), $t->decr('a', 'i', 3), $t->incr('a', 'i', -20), $t->decr('a', 'i', -5));
var_dump($t->incr('a', 'i', 2.9), $t->incr('a', 'i', '3'), $t->decr('a', 'i', true));
var_dump($t->get('a', 'i'));

echo "-- float column\n";
var_dump($t->incr('a', 'f'), $t->incr('a', 'f', 0.25), $t->decr('a', 'f', 2), $t->incr('a', 'f', '1.5'));
var_dump($t->get('a', 'f'));

echo "-- wrapping at the int64 limits\n";
$t->set('w', ['i' => 1]);
var_dump($t->incr('w', 'i', PHP_INT_MAX));
var_dump($t->decr('w', 'i', 1));
var_dump($t->incr('w', 'i', 1));
var_dump($t->get('w', 'i') === PHP_INT_MIN);

echo "-- string column\n";
$t->set('s1', ['s' => 'abc']);
var_dump($t->incr('s1', 's'));
var_dump($t->decr('s1', 's', 2));
var_dump($t->get('s1', 's'));

echo "-- unknown column: warning, no row created\n";
$n = count($t);
var_dump($t->incr('new1', 'nope'));
var_dump($t->decr('new2', 'nope', 5));
var_dump($t->incr('new3', 's'));
var_dump($t->exists('new1'), $t->exists('new2'), $t->exists('new3'), count($t) === $n);

echo "-- after del, incr starts again from 0\n";
for ($k = 0; $k < 10; $k++) { $t->incr('x', 'i'); }
var_dump($t->get('x', 'i'), $t->del('x'));
for ($k = 0; $k < 10; $k++) { $t->incr('x', 'i'); }
var_dump($t->get('x', 'i'));

echo "-- a row made by incr keeps its other columns zero, set keeps the counter\n";
$t->set('y', ['s' => 'hello']);
$t->incr('y', 'i', 5);
var_dump($t->get('y'));

echo "-- key errors\n";
var_dump($t->incr('', 'i'), $t->decr(str_repeat('k', 64), 'i'));

echo "-- argument errors\n";
try { $t->incr('a'); } catch (ArgumentCountError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
echo "-- the step is converted like zval_get_long/double, no TypeError (as in Swoole)\n";
var_dump($t->incr('q', 'i', [1]), $t->incr('q', 'i', 'abc'), $t->incr('q', 'i', null), $t->incr('q', 'f', [1]));
$t->destroy();
?>
--EXPECTF--
-- a missing row is created with zeroes
int(1)
array(3) {
  ["i"]=>
  int(1)
  ["f"]=>
  float(0)
  ["s"]=>
  string(0) ""
}
int(-1)
float(-1.5)
int(3)
-- int column
int(11)
int(8)
int(-12)
int(-7)
int(-5)
int(-2)
int(-3)
int(-3)
-- float column
float(1)
float(1.25)
float(-0.75)
float(0.75)
float(0.75)
-- wrapping at the int64 limits
int(-9223372036854775808)
int(9223372036854775807)
int(-9223372036854775808)
bool(true)
-- string column

Warning: Swoole\Table::incr(): can't execute 'incr' on a string type column in %s on line %d
bool(false)

Warning: Swoole\Table::decr(): can't execute 'decr' on a string type column in %s on line %d
bool(false)
string(3) "abc"
-- unknown column: warning, no row created

Warning: Swoole\Table::incr(): column[nope] does not exist in %s on line %d
bool(false)

Warning: Swoole\Table::decr(): column[nope] does not exist in %s on line %d
bool(false)

Warning: Swoole\Table::incr(): can't execute 'incr' on a string type column in %s on line %d
bool(false)
bool(false)
bool(false)
bool(false)
bool(true)
-- after del, incr starts again from 0
int(10)
bool(true)
int(10)
-- a row made by incr keeps its other columns zero, set keeps the counter
array(3) {
  ["i"]=>
  int(5)
  ["f"]=>
  float(0)
  ["s"]=>
  string(5) "hello"
}
-- key errors

Warning: Swoole\Table::incr(): key must not be empty in %s on line %d

Warning: Swoole\Table::decr(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)
bool(false)
-- argument errors
ArgumentCountError: Swoole\Table::incr() expects at least 2 arguments, 1 given
-- the step is converted like zval_get_long/double, no TypeError (as in Swoole)
int(1)
int(1)
int(1)
float(1)
