--TEST--
sysvmsg: a blocking msg_send() on a full queue waits for room, or fails with EIDRM when the queue goes away
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$k = rsipc_new_key();
$q = msg_get_queue($k);
msg_set_queue($q, ['msg_qbytes' => 10]);
$parent = getmypid();

echo "-- a reader makes room\n";
msg_send($q, 1, '0123456789', false);
$pid = rsipc_fork(function () use ($q, $parent) {
    rsipc_wait_blocked($parent, 'snd');
    // exit status 0 when the child took the message that was in the way
    return msg_receive($q, 0, $t, 100, $m, false) && $m === '0123456789' ? 0 : 1;
});
var_dump(msg_send($q, 2, 'abcde', false, true, $e), $e ?? 'unset');
var_dump(rsipc_wait($pid), rsipc_drain($q));

echo "-- the queue is removed while the sender waits\n";
msg_send($q, 1, '0123456789', false);
$pid = rsipc_fork(function () use ($k, $parent) {
    rsipc_wait_blocked($parent, 'snd');
    msg_remove_queue(msg_get_queue($k));
});
$e = 'old';
var_dump(msg_send($q, 2, 'abcde', false, true, $e), $e);
var_dump(rsipc_wait($pid), msg_queue_exists($k));
?>
--EXPECTF--
-- a reader makes room
bool(true)
string(5) "unset"
int(0)
array(1) {
  [0]=>
  array(2) {
    [0]=>
    int(2)
    [1]=>
    string(5) "abcde"
  }
}
-- the queue is removed while the sender waits

Warning: msg_send(): msgsnd failed: Identifier removed in %s on line %d
bool(false)
int(43)
int(0)
bool(false)
