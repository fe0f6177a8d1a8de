--TEST--
Swoole\Table: an uncaught Swoole\Error from get() before create() still stops the script
--FILE--
<?php
$t = new Swoole\Table(64);
register_shutdown_function(function () { echo "shutdown ran\n"; });
echo "before\n";
$t->get('k');
echo "not reached\n";
?>
--EXPECTF--
before

Fatal error: Uncaught Swoole\Error: table is not created or has been destroyed in %s:%d
Stack trace:
#0 %s(%d): Swoole\Table->get('k')
#1 {main}
  thrown in %s on line %d
shutdown ran
