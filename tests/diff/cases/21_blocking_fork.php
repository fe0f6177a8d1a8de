<?php
// Blocking receive and send between forked processes of the same implementation.
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue();
$me = getmypid();
echo "-- receiver waits, child sends\n";
$pid = rsipc_fork(function () use ($q, $me) {
    rsipc_wait_blocked($me, 'rcv');
    msg_send($q, 4, 'not the wanted type');
    msg_send($q, 5, ['payload' => range(1, 5)]);
});
var_dump(msg_receive($q, 5, $t, 1000, $m, true, 0, $e), $t, $m, $e, rsipc_wait($pid), rsipc_qnum($q));
rsipc_drain($q);
echo "-- negative desired type while waiting\n";
$pid = rsipc_fork(function () use ($q, $me) {
    rsipc_wait_blocked($me, 'rcv');
    msg_send($q, 9, 'too high');
    msg_send($q, 2, 'low enough');
});
var_dump(msg_receive($q, -3, $t, 1000, $m, true, 0, $e), $t, $m, rsipc_wait($pid));
rsipc_drain($q);
echo "-- MSG_EXCEPT while waiting\n";
$pid = rsipc_fork(function () use ($q, $me) {
    rsipc_wait_blocked($me, 'rcv');
    msg_send($q, 1, 'excluded');
    msg_send($q, 2, 'taken');
});
var_dump(msg_receive($q, 1, $t, 1000, $m, true, MSG_EXCEPT, $e), $t, $m, rsipc_wait($pid));
rsipc_drain($q);
echo "-- MSG_NOERROR while waiting\n";
$pid = rsipc_fork(function () use ($q, $me) {
    rsipc_wait_blocked($me, 'rcv');
    msg_send($q, 1, 'abcdefghijklmnop', false);
});
var_dump(msg_receive($q, 0, $t, 4, $m, false, MSG_NOERROR, $e), $t, $m, $e, rsipc_wait($pid), rsipc_qnum($q));
echo "-- sender waits for room\n";
msg_set_queue($q, ['msg_qbytes' => 20]);
msg_send($q, 1, str_repeat('f', 20), false);
$pid = rsipc_fork(function () use ($q, $me) {
    rsipc_wait_blocked($me, 'snd');
    return msg_receive($q, 0, $t, 100, $m, false) ? 0 : 1;
});
var_dump(msg_send($q, 2, 'fits now', false, true, $e), $e ?? 'unset', rsipc_wait($pid), rsipc_drain($q));
echo "-- ping-pong\n";
$pid = rsipc_fork(function () use ($q) {
    for ($i = 0; $i < 50; $i++) {
        msg_receive($q, 1, $t, 100, $m);
        msg_send($q, 2, $m + 1);
    }
});
$v = 0;
for ($i = 0; $i < 50; $i++) {
    msg_send($q, 1, $v);
    msg_receive($q, 2, $t, 100, $v);
}
var_dump($v, rsipc_wait($pid), rsipc_qnum($q));
