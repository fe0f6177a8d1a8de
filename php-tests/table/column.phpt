--TEST--
Swoole\Table::column(): types, string width rounding, invalid sizes and types, duplicates, after create()
--FILE--
<?php
$t = new Swoole\Table(64);
echo "-- valid columns\n";
var_dump($t->column('id', Swoole\Table::TYPE_INT, 1));
var_dump($t->column('f', Swoole\Table::TYPE_FLOAT, 3));
var_dump($t->column('s1', Swoole\Table::TYPE_STRING, 1));
var_dump($t->column('s5', Swoole\Table::TYPE_STRING, 5));
var_dump($t->column('s8', Swoole\Table::TYPE_STRING, 8));
var_dump($t->column('s9', Swoole\Table::TYPE_STRING, 9));
var_dump($t->column('s17', Swoole\Table::TYPE_STRING, 17));

echo "-- string size < 1\n";
var_dump($t->column('bad0', Swoole\Table::TYPE_STRING));
var_dump($t->column('badneg', Swoole\Table::TYPE_STRING, -8));

echo "-- unknown types\n";
var_dump($t->column('t0', 0));
var_dump($t->column('t4', 4));
var_dump($t->column('tneg', -1));

echo "-- duplicate name (the first definition stays)\n";
var_dump($t->column('id', Swoole\Table::TYPE_STRING, 32));
var_dump($t->column('f', Swoole\Table::TYPE_FLOAT));

echo "-- create\n";
var_dump($t->create());
var_dump($t->column('late', Swoole\Table::TYPE_INT));

echo "-- rejected columns do not exist, columns come back in declaration order\n";
$long = 'abcdefghijklmnopqrstuvwxyz';
$r = @$t->set('k', ['id' => 1000, 'f' => 2.5, 's1' => $long, 's5' => 'world 123456789', 's8' => $long,
    's9' => $long, 's17' => $long, 'bad0' => 'x', 'badneg' => 'x', 't0' => 1, 't4' => 1, 'tneg' => 1, 'late' => 7]);
var_dump($r);
var_dump($t->get('k'));
var_dump($t->get('k', 'late'), $t->get('k', 'bad0'));

echo "-- widths: exactly the rounded width fits without a warning\n";
var_dump($t->set('w', ['s1' => '12345678', 's5' => 'abcdefgh', 's9' => str_repeat('x', 16), 's17' => str_repeat('y', 24)]));
var_dump($t->get('w', 's1'), $t->get('w', 's5'), $t->get('w', 's9'), $t->get('w', 's17'));

echo "-- argument types\n";
$u = new Swoole\Table(64);
try { $u->column('a', 'int'); } catch (TypeError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { $u->column(); } catch (ArgumentCountError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
var_dump($u->column('a', '1'));
$u->create();
$u->set('x', ['a' => 5]);
var_dump($u->get('x'));
?>
--EXPECTF--
-- valid columns
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
-- string size < 1

Warning: Swoole\Table::column(): the length of string type values has to be more than zero in %s on line %d
bool(false)

Warning: Swoole\Table::column(): the length of string type values has to be more than zero in %s on line %d
bool(false)
-- unknown types

Warning: Swoole\Table::column(): %Sunknown column type in %s on line %d
bool(false)

Warning: Swoole\Table::column(): %Sunknown column type in %s on line %d
bool(false)

Warning: Swoole\Table::column(): %Sunknown column type in %s on line %d
bool(false)
-- duplicate name (the first definition stays)

Warning: Swoole\Table::column(): %Scolumn[id] already exists in %s on line %d
bool(false)

Warning: Swoole\Table::column(): %Scolumn[f] already exists in %s on line %d
bool(false)
-- create
bool(true)

Warning: Swoole\Table::column(): unable to add column after table has been created in %s on line %d
bool(false)
-- rejected columns do not exist, columns come back in declaration order
bool(true)
array(7) {
  ["id"]=>
  int(1000)
  ["f"]=>
  float(2.5)
  ["s1"]=>
  string(8) "abcdefgh"
  ["s5"]=>
  string(8) "world 12"
  ["s8"]=>
  string(8) "abcdefgh"
  ["s9"]=>
  string(16) "abcdefghijklmnop"
  ["s17"]=>
  string(24) "abcdefghijklmnopqrstuvwx"
}
bool(false)
bool(false)
-- widths: exactly the rounded width fits without a warning
bool(true)
string(8) "12345678"
string(8) "abcdefgh"
string(16) "xxxxxxxxxxxxxxxx"
string(24) "yyyyyyyyyyyyyyyyyyyyyyyy"
-- argument types
TypeError: Swoole\Table::column(): Argument #2 ($type) must be of type int, string given
ArgumentCountError: Swoole\Table::column() expects at least 2 arguments, 0 given
bool(true)
array(1) {
  ["a"]=>
  int(5)
}
