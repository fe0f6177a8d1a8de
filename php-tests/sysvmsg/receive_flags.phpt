--TEST--
sysvmsg: msg_receive() $flags: MSG_NOERROR truncation, combined bits, unknown bits ignored
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();

echo "-- MSG_NOERROR: a longer message is truncated and removed\n";
msg_send($q, 2, 'abcdefghij', false);
var_dump(msg_receive($q, 0, $t, 3, $m, false, MSG_NOERROR, $e), $t, $m, $e, rsipc_qnum($q));
echo "-- MSG_NOERROR on a serialized message: cut text is corrupted, and consumed\n";
msg_send($q, 3, ['a' => 'long value']);
var_dump(msg_receive($q, 0, $t, 8, $m, true, MSG_NOERROR, $e), $t, $m, $e, rsipc_qnum($q));
echo "-- a cut that still holds a complete value\n";
msg_send($q, 4, 'i:12;junk', false);
var_dump(msg_receive($q, 0, $t, 5, $m, true, MSG_NOERROR, $e), $t, $m, $e);

echo "-- flags -1 = MSG_EXCEPT | MSG_NOERROR | MSG_IPC_NOWAIT\n";
msg_send($q, 5, 'five-five', false);
msg_send($q, 6, 'six-six-six', false);
var_dump(msg_receive($q, 5, $t, 4, $m, false, -1, $e), $t, $m, $e);
var_dump(msg_receive($q, 6, $t, 4, $m, false, -1, $e), $t, $m, $e);
var_dump(msg_receive($q, 5, $t, 4, $m, false, -1, $e), $t, $m, $e);

echo "-- unknown bits are ignored\n";
foreach ([8, 16, 0x800, 0x1000, 0x2000, 1 << 40, PHP_INT_MIN, 8 | MSG_IPC_NOWAIT] as $flags) {
    msg_send($q, 1, 'one', false);
    $r = msg_receive($q, 0, $t, 10, $m, false, $flags, $e);
    printf("flags 0x%x: %s %d %s %d\n", $flags, var_export($r, true), $t, var_export($m, true), $e);
}
var_dump(msg_receive($q, 0, $t, 10, $m, false, 8 | MSG_IPC_NOWAIT, $e), $e);
echo "-- MSG_IPC_NOWAIT with a matching message present\n";
msg_send($q, 1, 'x', false);
var_dump(msg_receive($q, 1, $t, 10, $m, false, MSG_IPC_NOWAIT | MSG_NOERROR, $e), $m, $e);
var_dump(rsipc_qnum($q));
?>
--EXPECTF--
-- MSG_NOERROR: a longer message is truncated and removed
bool(true)
int(2)
string(3) "abc"
int(0)
int(0)
-- MSG_NOERROR on a serialized message: cut text is corrupted, and consumed

Warning: msg_receive(): Message corrupted in %s on line %d
bool(false)
int(3)
bool(false)
int(0)
int(0)
-- a cut that still holds a complete value
bool(true)
int(4)
int(12)
int(0)
-- flags -1 = MSG_EXCEPT | MSG_NOERROR | MSG_IPC_NOWAIT
bool(true)
int(6)
string(4) "six-"
int(0)
bool(true)
int(5)
string(4) "five"
int(0)
bool(false)
int(0)
bool(false)
int(42)
-- unknown bits are ignored
flags 0x8: true 1 'one' 0
flags 0x10: true 1 'one' 0
flags 0x800: true 1 'one' 0
flags 0x1000: true 1 'one' 0
flags 0x2000: true 1 'one' 0
flags 0x10000000000: true 1 'one' 0
flags 0x8000000000000000: true 1 'one' 0
flags 0x9: true 1 'one' 0
bool(false)
int(42)
-- MSG_IPC_NOWAIT with a matching message present
bool(true)
string(1) "x"
int(0)
int(0)
