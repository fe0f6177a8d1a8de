--TEST--
sysvmsg: a literal for msg_receive()'s $message throws an Error when the call is made
--FILE--
<?php
$q = null; // no TypeError for $queue: the Error comes first, while the arguments are passed
echo "start\n";
msg_receive($q, 0, $t, 100, 'literal');
echo "not reached\n";
?>
--EXPECTF--
start

Fatal error: Uncaught Error: msg_receive(): Argument #5 ($message) cannot be passed by reference in %s:%d
Stack trace:
#0 {main}
  thrown in %s on line %d
