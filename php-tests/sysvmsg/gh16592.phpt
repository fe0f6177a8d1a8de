--TEST--
sysvmsg: GH-16592 msg_send() with a __serialize() that returns no array throws and does not crash
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

class Test {
    function __serialize() {}
}

$q = rsipc_new_queue();
try {
    msg_send($q, 1, new Test);
} catch (\TypeError $e) {
    echo $e->getMessage(), "\n";
}
var_dump(rsipc_qnum($q));
// and once more, with the exception left for the engine
msg_send($q, 1, new Test);
?>
--EXPECTF--
Test::__serialize() must return an array
int(0)

Fatal error: Uncaught TypeError: Test::__serialize() must return an array in %s:%d
Stack trace:
#0 %s(%d): msg_send(Object(SysvMessageQueue), 1, Object(Test))
#1 {main}
  thrown in %s on line %d
