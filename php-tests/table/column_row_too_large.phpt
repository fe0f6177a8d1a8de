--TEST--
Swoole\Table: columns whose row would pass 4 GiB are taken by column() as Swoole takes them, and create() refuses the table with the reason (never clamped)
--FILE--
<?php
$t = new Swoole\Table(64);
var_dump($t->column('a', Swoole\Table::TYPE_STRING, 0x7ffffff8));
var_dump($t->column('b', Swoole\Table::TYPE_STRING, 0x7ffffff8));
var_dump($t->column('c', Swoole\Table::TYPE_INT));
try { $t->create(); } catch (Swoole\Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
var_dump($t->getMemorySize());
// Swoole's own limit for one column is 4294967288 bytes
var_dump((new Swoole\Table(64))->column('big', Swoole\Table::TYPE_STRING, 4294967288));
var_dump(@(new Swoole\Table(64))->column('big', Swoole\Table::TYPE_STRING, 4294967289));
?>
--EXPECT--
bool(true)
bool(true)
bool(true)
Swoole\Error: unable to allocate memory (a row may hold at most 4 GiB)
int(0)
bool(true)
bool(false)
