--TEST--
Swoole\Table::del()/delete()/exists()/exist(): results, aliases, missing keys
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('v', Swoole\Table::TYPE_INT);
$t->create();
foreach (['a', 'b', 'c', 'd'] as $i => $k) {
    $t->set($k, ['v' => $i]);
}
var_dump($t->exists('a'), $t->exist('b'), $t->exists('zz'), $t->exist('zz'));
echo "-- del\n";
var_dump($t->del('a'), $t->del('a'), $t->exists('a'), $t->get('a'), count($t));
echo "-- delete is an alias\n";
var_dump($t->delete('b'), $t->delete('b'), $t->exist('b'), count($t));
echo "-- missing key: false, no warning\n";
var_dump($t->del('never'), $t->delete('never'));
echo "-- the others are untouched\n";
var_dump($t->get('c'), $t->get('d'));
echo "-- a deleted key can be set again\n";
var_dump($t->set('a', ['v' => 42]), $t->get('a', 'v'), count($t));
echo "-- aliases are real methods\n";
var_dump(method_exists($t, 'delete'), method_exists($t, 'exist'));
echo "-- int keys in weak mode\n";
$t->set('7', ['v' => 7]);
var_dump($t->exists(7), $t->del(7), $t->exists('7'));
$t->destroy();
?>
--EXPECT--
bool(true)
bool(true)
bool(false)
bool(false)
-- del
bool(true)
bool(false)
bool(false)
bool(false)
int(3)
-- delete is an alias
bool(true)
bool(false)
bool(false)
int(2)
-- missing key: false, no warning
bool(false)
bool(false)
-- the others are untouched
array(1) {
  ["v"]=>
  int(2)
}
array(1) {
  ["v"]=>
  int(3)
}
-- a deleted key can be set again
bool(true)
int(42)
int(3)
-- aliases are real methods
bool(true)
bool(true)
-- int keys in weak mode
bool(true)
bool(true)
bool(false)
