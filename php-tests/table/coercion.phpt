--TEST--
Swoole\Table: value and key coercion (zval_get_long/double/string rules, int keys, __toString)
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('i', Swoole\Table::TYPE_INT);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->column('s', Swoole\Table::TYPE_STRING, 24);
$t->create();

class S { public function __toString(): string { return '77str'; } }
class F { public function __toString(): string { return 'i'; } }

$values = [
    "'42abc'" => '42abc',
    "'abc'" => 'abc',
    "' 12'" => ' 12',
    "'1e3'" => '1e3',
    '3.99' => 3.99,
    '-3.99' => -3.99,
    'null' => null,
    'true' => true,
    'false' => false,
    '12.5' => 12.5,
    'PHP_INT_MAX' => PHP_INT_MAX,
    '[]' => [],
    '[1,2]' => [1, 2],
    'object' => new S(),
];
foreach ($values as $label => $v) {
    echo "-- $label\n";
    $r = $t->set('k', ['i' => $v, 'f' => $v, 's' => $v]);
    var_dump($r);
    var_dump($t->get('k'));
}

echo "-- NAN and INF round-trip in a float column\n";
$t->set('n', ['f' => NAN]);
var_dump(is_nan($t->get('n', 'f')));
$t->set('n', ['f' => -INF]);
var_dump($t->get('n', 'f'));

echo "-- int keys (weak mode) become strings\n";
var_dump($t->set(1002, ['i' => 1]), $t->get('1002', 'i'), $t->get(1002, 'i'), $t->exists(1002));
var_dump($t->set(1.5, ['i' => 2]), $t->get('1.5', 'i'));
var_dump($t->set(true, ['i' => 3]), $t->get('1', 'i'));
var_dump($t->incr(55, 'i', 5), $t->get('55', 'i'));
$keys = [];
foreach ($t as $k => $row) { $keys[] = $k; }
sort($keys, SORT_STRING);
var_dump($keys);

echo "-- key and field from __toString\n";
var_dump($t->set(new S(), ['i' => 9]), $t->get('77str', 'i'), $t->get(new S(), new F()));

echo "-- an array key is a TypeError\n";
foreach (['set' => fn() => $t->set([], ['i' => 1]), 'get' => fn() => $t->get(['a']),
          'del' => fn() => $t->del([]), 'exists' => fn() => $t->exists([]),
          'incr' => fn() => $t->incr([], 'i'), 'decr' => fn() => $t->decr('x', [])] as $m => $f) {
    try { $f(); echo "$m: no error\n"; } catch (TypeError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
}
var_dump(count($t));
$t->destroy();
?>
--EXPECTF--
-- '42abc'
bool(true)
array(3) {
  ["i"]=>
  int(42)
  ["f"]=>
  float(42)
  ["s"]=>
  string(5) "42abc"
}
-- 'abc'
bool(true)
array(3) {
  ["i"]=>
  int(0)
  ["f"]=>
  float(0)
  ["s"]=>
  string(3) "abc"
}
-- ' 12'
bool(true)
array(3) {
  ["i"]=>
  int(12)
  ["f"]=>
  float(12)
  ["s"]=>
  string(3) " 12"
}
-- '1e3'
bool(true)
array(3) {
  ["i"]=>
  int(1000)
  ["f"]=>
  float(1000)
  ["s"]=>
  string(3) "1e3"
}
-- 3.99
bool(true)
array(3) {
  ["i"]=>
  int(3)
  ["f"]=>
  float(3.99)
  ["s"]=>
  string(4) "3.99"
}
-- -3.99
bool(true)
array(3) {
  ["i"]=>
  int(-3)
  ["f"]=>
  float(-3.99)
  ["s"]=>
  string(5) "-3.99"
}
-- null
bool(true)
array(3) {
  ["i"]=>
  int(0)
  ["f"]=>
  float(0)
  ["s"]=>
  string(0) ""
}
-- true
bool(true)
array(3) {
  ["i"]=>
  int(1)
  ["f"]=>
  float(1)
  ["s"]=>
  string(1) "1"
}
-- false
bool(true)
array(3) {
  ["i"]=>
  int(0)
  ["f"]=>
  float(0)
  ["s"]=>
  string(0) ""
}
-- 12.5
bool(true)
array(3) {
  ["i"]=>
  int(12)
  ["f"]=>
  float(12.5)
  ["s"]=>
  string(4) "12.5"
}
-- PHP_INT_MAX
bool(true)
array(3) {
  ["i"]=>
  int(9223372036854775807)
  ["f"]=>
  float(9.223372036854776E+18)
  ["s"]=>
  string(19) "9223372036854775807"
}
-- []

Warning: Array to string conversion in %s on line %d
bool(true)
array(3) {
  ["i"]=>
  int(0)
  ["f"]=>
  float(0)
  ["s"]=>
  string(5) "Array"
}
-- [1,2]

Warning: Array to string conversion in %s on line %d
bool(true)
array(3) {
  ["i"]=>
  int(1)
  ["f"]=>
  float(1)
  ["s"]=>
  string(5) "Array"
}
-- object

Warning: Object of class S could not be converted to int in %s on line %d

Warning: Object of class S could not be converted to float in %s on line %d
bool(true)
array(3) {
  ["i"]=>
  int(1)
  ["f"]=>
  float(1)
  ["s"]=>
  string(5) "77str"
}
-- NAN and INF round-trip in a float column
bool(true)
float(-INF)
-- int keys (weak mode) become strings
bool(true)
int(1)
int(1)
bool(true)
bool(true)
int(2)
bool(true)
int(3)
int(5)
int(5)
array(6) {
  [0]=>
  string(1) "1"
  [1]=>
  string(3) "1.5"
  [2]=>
  string(4) "1002"
  [3]=>
  string(2) "55"
  [4]=>
  string(1) "k"
  [5]=>
  string(1) "n"
}
-- key and field from __toString
bool(true)
int(9)
int(9)
-- an array key is a TypeError
TypeError: Swoole\Table::set(): Argument #1 ($key) must be of type string, array given
TypeError: Swoole\Table::get(): Argument #1 ($key) must be of type string, array given
TypeError: Swoole\Table::del(): Argument #1 ($key) must be of type string, array given
TypeError: Swoole\Table::exists(): Argument #1 ($key) must be of type string, array given
TypeError: Swoole\Table::incr(): Argument #1 ($key) must be of type string, array given
TypeError: Swoole\Table::decr(): Argument #2 ($column) must be of type string, array given
int(7)
