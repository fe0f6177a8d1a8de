--TEST--
Swoole\Table::create()/destroy(): properties, no-column tables, create twice, destroy twice, state after destroy
--FILE--
<?php
require __DIR__ . '/../inc/table_helpers.php';

$t = new Swoole\Table(100);
$t->column('i', Swoole\Table::TYPE_INT);
var_dump($t->size, $t->memorySize, $t->getMemorySize());
var_dump($t->create());
var_dump($t->size === $t->getSize(), $t->size, $t->memorySize === $t->getMemorySize(), $t->memorySize > 0);

echo "-- the properties are plain properties\n";
$t->size = 5;
var_dump($t->getSize(), $t->size);

echo "-- create twice\n";
$t->set('a', ['i' => 1]);
try {
    $t->create();
    echo "no exception\n";
} catch (Swoole\Error $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
var_dump($t->get('a'));

echo "-- destroy\n";
var_dump($t->destroy());
table_try(fn() => $t->destroy(), 'destroy again');
table_try(fn() => $t->get('a'), 'get');
table_try(fn() => $t->create(), 'create');
var_dump($t->count(), count($t), $t->getSize(), $t->getMemorySize(), $t->stats());

echo "-- a table without columns\n";
$t = new Swoole\Table(64);
var_dump($t->create());
var_dump($t->set('k', []), $t->set('k2', ['x' => 1]), $t->get('k'), $t->get('k', 'x'), $t->exists('k2'), count($t));
foreach ($t as $k => $row) { $seen[$k] = $row; }
ksort($seen);
var_dump($seen);
var_dump($t->destroy());

echo "-- the Swoole\\Error classes\n";
var_dump(is_subclass_of('Swoole\Error', 'Error'), is_subclass_of('Swoole\Exception', 'Exception'));
?>
--EXPECT--
NULL
NULL
int(0)
bool(true)
bool(true)
int(128)
bool(true)
bool(true)
-- the properties are plain properties
int(128)
int(5)
-- create twice
Swoole\Error: unable to allocate memory
array(1) {
  ["i"]=>
  int(1)
}
-- destroy
bool(true)
destroy again: Swoole\Error: must call constructor first
get: Swoole\Error: must call constructor first
create: Swoole\Error: must call constructor first
int(0)
int(0)
int(0)
int(0)
bool(false)
-- a table without columns
bool(true)
bool(true)
bool(true)
array(0) {
}
bool(false)
bool(true)
int(2)
array(2) {
  ["k"]=>
  array(0) {
  }
  ["k2"]=>
  array(0) {
  }
}
bool(true)
-- the Swoole\Error classes
bool(true)
bool(true)
