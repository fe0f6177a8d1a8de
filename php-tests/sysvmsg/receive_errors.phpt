--TEST--
sysvmsg: msg_receive() failures: no warning, by-ref results, E2BIG keeps the message, ENOMSG, stale id
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

function rcv(string $what, SysvMessageQueue $q, int $desired, int $max, bool $unser = false, int $flags = 0): void
{
    $t = 'old-type'; $m = 'old-message'; $e = 'old-error';
    $r = msg_receive($q, $desired, $t, $max, $m, $unser, $flags, $e);
    printf("%s: %s type=%s message=%s error=%s\n", $what, var_export($r, true),
        var_export($t, true), var_export($m, true), var_export($e, true));
}

$q = rsipc_new_queue();

echo "-- empty queue, MSG_IPC_NOWAIT\n";
rcv('empty', $q, 0, 100, false, MSG_IPC_NOWAIT);
rcv('empty, unserialize', $q, 0, 100, true, MSG_IPC_NOWAIT);
msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e);
var_dump($e === MSG_ENOMSG);
msg_send($q, 5, 'five', false);
rcv('no message of type 6', $q, 6, 100, false, MSG_IPC_NOWAIT);
rcv('no message of type <= 4', $q, -4, 100, false, MSG_IPC_NOWAIT);
rcv('no message except 5', $q, 5, 100, false, MSG_IPC_NOWAIT | MSG_EXCEPT);
var_dump(rsipc_qnum($q));
rcv('type 5 is there', $q, 5, 100, false, MSG_IPC_NOWAIT);

echo "-- message longer than max_message_size\n";
msg_send($q, 7, '0123456789', false);
rcv('E2BIG non-blocking', $q, 0, 4, false, MSG_IPC_NOWAIT);
rcv('E2BIG blocking', $q, 0, 4, false, 0);
rcv('E2BIG unserialize', $q, 7, 9, true, 0);
echo "still queued: ", rsipc_qnum($q), "\n";
rcv('MSG_NOERROR truncates', $q, 0, 4, false, MSG_NOERROR);
echo "queued now: ", rsipc_qnum($q), "\n";

echo "-- exact size fits\n";
msg_send($q, 7, '0123456789', false);
rcv('max 10', $q, 0, 10);
msg_send($q, 7, 'hello');
rcv('serialized, max = strlen(s:5:"hello";)', $q, 0, 12, true);

echo "-- empty message\n";
msg_send($q, 3, '', false);
rcv('raw', $q, 0, 1);
msg_send($q, 3, '', false);
rcv('unserialize', $q, 0, 1, true);
echo "queued: ", rsipc_qnum($q), "\n";

echo "-- max_message_size must be > 0 (refs untouched)\n";
foreach ([0, -1, PHP_INT_MIN] as $max) {
    $t = 'old-type'; $m = 'old-message'; $e = 'old-error';
    try {
        msg_receive($q, 0, $t, $max, $m, true, MSG_IPC_NOWAIT, $e);
    } catch (ValueError $ex) {
        echo get_class($ex), ': ', $ex->getMessage(), "\n";
    }
    var_dump($t, $m, $e);
}
// checked even on a removed queue, before the syscall
$gone = rsipc_new_queue();
msg_remove_queue($gone);
try {
    msg_receive($gone, 0, $t, 0, $m);
} catch (ValueError $ex) {
    echo get_class($ex), ': ', $ex->getMessage(), "\n";
}

echo "-- removed queue (stale id): silent, errno 22, also when blocking\n";
rcv('stale blocking', $gone, 0, 100);
rcv('stale non-blocking', $gone, 0, 100, true, MSG_IPC_NOWAIT);
rcv('stale all flags', $gone, 1, 100, true, -1);

echo "-- without the optional by-ref error code\n";
var_dump(msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT), $t, $m);
?>
--EXPECTF--
-- empty queue, MSG_IPC_NOWAIT
empty: false type=0 message=false error=42
empty, unserialize: false type=0 message=false error=42
bool(true)
no message of type 6: false type=0 message=false error=42
no message of type <= 4: false type=0 message=false error=42
no message except 5: false type=0 message=false error=42
int(1)
type 5 is there: true type=5 message='five' error=0
-- message longer than max_message_size
E2BIG non-blocking: false type=0 message=false error=7
E2BIG blocking: false type=0 message=false error=7
E2BIG unserialize: false type=0 message=false error=7
still queued: 1
MSG_NOERROR truncates: true type=7 message='0123' error=0
queued now: 0
-- exact size fits
max 10: true type=7 message='0123456789' error=0
serialized, max = strlen(s:5:"hello";): true type=7 message='hello' error=0
-- empty message
raw: true type=3 message='' error=0

Warning: msg_receive(): Message corrupted in %s on line %d
unserialize: false type=3 message=false error=0
queued: 0
-- max_message_size must be > 0 (refs untouched)
ValueError: msg_receive(): Argument #4 ($max_message_size) must be greater than 0
string(8) "old-type"
string(11) "old-message"
string(9) "old-error"
ValueError: msg_receive(): Argument #4 ($max_message_size) must be greater than 0
string(8) "old-type"
string(11) "old-message"
string(9) "old-error"
ValueError: msg_receive(): Argument #4 ($max_message_size) must be greater than 0
string(8) "old-type"
string(11) "old-message"
string(9) "old-error"
ValueError: msg_receive(): Argument #4 ($max_message_size) must be greater than 0
-- removed queue (stale id): silent, errno 22, also when blocking
stale blocking: false type=0 message=false error=22
stale non-blocking: false type=0 message=false error=22
stale all flags: false type=0 message=false error=22
-- without the optional by-ref error code
bool(false)
int(0)
bool(false)
