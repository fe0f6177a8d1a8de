--TEST--
sysvmsg: a literal for msg_send()'s $error_code throws an Error when the call is made
--FILE--
<?php
$q = null; // no TypeError for $queue: the Error comes first, while the arguments are passed
echo "start\n";
msg_send($q, 1, 'x', true, true, 22);
echo "not reached\n";
?>
--EXPECTF--
start

Fatal error: Uncaught Error: msg_send(): Argument #6 ($error_code) cannot be passed by reference in %s:%d
Stack trace:
#0 {main}
  thrown in %s on line %d
