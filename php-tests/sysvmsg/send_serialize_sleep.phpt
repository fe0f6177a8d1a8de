--TEST--
sysvmsg: warnings raised while serializing carry the msg_send() prefix; the message is still sent
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

class BadSleep { public $a = 1; public function __sleep() { return 5; } }
class MissingProp { public $a = 1; public function __sleep() { return ['a', 'missing']; } }
class NonStringName { public $a = 1; public function __sleep() { return [['x']]; } }
class PrivateParent { private $hidden = 'h'; }
class Child extends PrivateParent { public function __sleep() { return ['hidden']; } }

$q = rsipc_new_queue();
foreach ([new BadSleep(), new MissingProp(), new NonStringName(), new Child(), [new MissingProp()]] as $v) {
    echo "== ", is_array($v) ? 'array of MissingProp' : get_class($v), "\n";
    var_dump(msg_send($q, 1, $v, true, true, $e));
    var_dump(msg_receive($q, 0, $t, 1000, $raw, false, MSG_IPC_NOWAIT));
    echo rsipc_bytes($raw), "\n";
    echo "same as serialize(): ";
    var_dump(@serialize($v) === $raw);
}
echo "== inside a user error handler\n";
set_error_handler(function ($no, $str) { echo "handler: $str\n"; return true; });
var_dump(msg_send($q, 1, new MissingProp()));
restore_error_handler();
echo "== the handler throws\n";
set_error_handler(function ($no, $str) { throw new ErrorException($str); });
try {
    var_dump(msg_send($q, 1, new MissingProp()));
} catch (ErrorException $ex) {
    echo 'ErrorException: ', $ex->getMessage(), "\n";
}
restore_error_handler();
var_dump(count(rsipc_drain($q)));
?>
--EXPECTF--
== BadSleep

Warning: msg_send(): BadSleep::__sleep() should return an array only containing the names of instance-variables to serialize in %s on line %d
bool(true)
bool(true)
N;
same as serialize(): bool(true)
== MissingProp

Warning: msg_send(): "missing" returned as member variable from __sleep() but does not exist in %s on line %d
bool(true)
bool(true)
O:11:"MissingProp":1:{s:1:"a";i:1;}
same as serialize(): bool(true)
== NonStringName

Warning: msg_send(): NonStringName::__sleep() should return an array only containing the names of instance-variables to serialize in %s on line %d

Warning: Array to string conversion in %s on line %d

Warning: msg_send(): "Array" returned as member variable from __sleep() but does not exist in %s on line %d
bool(true)
bool(true)
O:13:"NonStringName":0:{}
same as serialize(): bool(true)
== Child

Warning: msg_send(): "hidden" returned as member variable from __sleep() but does not exist in %s on line %d
bool(true)
bool(true)
O:5:"Child":0:{}
same as serialize(): bool(true)
== array of MissingProp

Warning: msg_send(): "missing" returned as member variable from __sleep() but does not exist in %s on line %d
bool(true)
bool(true)
a:1:{i:0;O:11:"MissingProp":1:{s:1:"a";i:1;}}
same as serialize(): bool(true)
== inside a user error handler
handler: msg_send(): "missing" returned as member variable from __sleep() but does not exist
bool(true)
== the handler throws
ErrorException: msg_send(): "missing" returned as member variable from __sleep() but does not exist
int(1)
