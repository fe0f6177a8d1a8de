--TEST--
Swoole\Table: count(null) deprecation (no arginfo read past the end); warnings and helper errors print binary names up to a NUL, as C does
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('i', Swoole\Table::TYPE_INT);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->create();
var_dump($t->count(null));
$t->incr('r1', "q\0z");
$t->set("k\0x", ['s' => str_repeat('y', 20)]);
var_dump($t->get("k\0x", 's'));
foreach (["a\0b", '', 'a:i,', "n\xff:s", "x:q\0r"] as $spec) {
    try {
        $h = swoole_table(64, $spec);
        echo bin2hex(implode(',', array_keys($h->get('nope') ?: ['?' => 0]))), "\n";
    } catch (RuntimeException $e) {
        echo get_class($e), ': ', bin2hex($e->getMessage()), "\n";
    }
}
?>
--EXPECTF--
Deprecated: Swoole\Table::count(): Passing null to parameter #1 of type int is deprecated in %s on line %d
int(0)

Warning: Swoole\Table::incr(): column[q] does not exist in %s on line %d

Warning: Swoole\Table::set(): [key=k,field=s]string value is too long in %s on line %d
string(8) "yyyyyyyy"
RuntimeException: 756e6b6e6f776e206669656c6420747970655b5d
RuntimeException: 756e6b6e6f776e206669656c6420747970655b5d
RuntimeException: 756e6b6e6f776e206669656c6420747970655b5d
RuntimeException: 6e65656420746f206769766520737472696e67206c656e677468
RuntimeException: 756e6b6e6f776e206669656c6420747970655b715d
