<?php
// A queue removed while a receiver or a sender waits on it: errno 43.
require __DIR__ . '/../lib.php';

$me = getmypid();
$k = rsipc_new_key();
$q = msg_get_queue($k);
$pid = rsipc_fork(function () use ($k, $me) {
    rsipc_wait_blocked($me, 'rcv');
    return msg_remove_queue(msg_get_queue($k)) ? 0 : 1;
});
$t = $m = $e = 'old';
var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e), $t, $m, $e, rsipc_wait($pid), msg_queue_exists($k));

$k = rsipc_new_key();
$q = msg_get_queue($k);
msg_set_queue($q, ['msg_qbytes' => 5]);
msg_send($q, 1, '12345', false);
$pid = rsipc_fork(function () use ($k, $me) {
    rsipc_wait_blocked($me, 'snd');
    return msg_remove_queue(msg_get_queue($k)) ? 0 : 1;
});
$e = 'old';
var_dump(msg_send($q, 1, 'x', true, true, $e), $e, rsipc_wait($pid), msg_queue_exists($k));

echo "-- a message bigger than msg_qbytes waits until the queue goes away\n";
$k = rsipc_new_key();
$q = msg_get_queue($k);
msg_set_queue($q, ['msg_qbytes' => 5]);
$pid = rsipc_fork(function () use ($k, $me) {
    rsipc_wait_blocked($me, 'snd');
    return msg_remove_queue(msg_get_queue($k)) ? 0 : 1;
});
var_dump(msg_send($q, 1, 'six!!!', false, true, $e), $e, rsipc_wait($pid));
