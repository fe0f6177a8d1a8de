--TEST--
Swoole\Table::column(): a column that would make a row pass 4 GiB is refused with a warning (never clamped); the table keeps the columns accepted so far
--FILE--
<?php
$t = new Swoole\Table(64);
var_dump($t->column('a', Swoole\Table::TYPE_STRING, 0x7ffffff8));
var_dump($t->column('b', Swoole\Table::TYPE_STRING, 0x7ffffff8));
var_dump($t->column('c', Swoole\Table::TYPE_INT));
var_dump($t->column('d', Swoole\Table::TYPE_STRING, 1 << 30));
var_dump($t->column('e', Swoole\Table::TYPE_STRING, 1 << 30));
?>
--EXPECTF--
bool(true)

Warning: Swoole\Table::column(): columns too large: a row may hold at most 4 GiB in %s on line %d
bool(false)
bool(true)
bool(true)

Warning: Swoole\Table::column(): columns too large: a row may hold at most 4 GiB in %s on line %d
bool(false)
