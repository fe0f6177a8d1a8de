--TEST--
Swoole\Table::count(): count($t), $t->count(COUNT_RECURSIVE) = rows x columns, before create and after destroy
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('a', Swoole\Table::TYPE_INT);
$t->column('b', Swoole\Table::TYPE_FLOAT);
$t->column('c', Swoole\Table::TYPE_STRING, 8);
var_dump($t->count(), count($t));
$t->create();
var_dump($t->count(), count($t), $t->count(COUNT_RECURSIVE));
for ($i = 0; $i < 10; $i++) {
    $t->set("k$i", ['a' => $i]);
}
var_dump($t->count(), count($t), $t->count(COUNT_NORMAL), $t->count(COUNT_RECURSIVE), $t->count(COUNT_RECURSIVE));
$t->set('k0', ['b' => 1.0]);
$t->del('k1');
$t->del('nope');
$t->incr('k10', 'a');
var_dump(count($t), $t->count(COUNT_RECURSIVE));
var_dump(iterator_count($t) === count($t));
$t->destroy();
var_dump($t->count(), count($t));

echo "-- no columns: recursive count is 0\n";
$u = new Swoole\Table(64);
$u->create();
$u->set('x', []);
$u->set('y', []);
var_dump(count($u), $u->count(COUNT_RECURSIVE));
$u->destroy();
?>
--EXPECT--
int(0)
int(0)
int(0)
int(0)
int(0)
int(10)
int(10)
int(10)
int(30)
int(30)
int(10)
int(30)
bool(true)
int(0)
int(0)
-- no columns: recursive count is 0
int(2)
int(0)
