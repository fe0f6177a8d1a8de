<?php
// msg_remove_queue() and every function on a stale handle; re-creating a removed key.
require __DIR__ . '/../lib.php';

$k = rsipc_new_key();
$q = msg_get_queue($k);
$twin = msg_get_queue($k);
msg_send($q, 1, 'gone with the queue');
var_dump(msg_remove_queue($q), msg_remove_queue($q), msg_remove_queue($twin), msg_queue_exists($k));
foreach ([$q, $twin] as $h) {
    var_dump(msg_stat_queue($h), msg_set_queue($h, []), msg_set_queue($h, ['msg_qbytes' => 10]));
    var_dump(msg_send($h, 1, 'x', true, false, $e), $e);
    var_dump(msg_receive($h, 0, $t, 10, $m, true, 0, $e), $t, $m, $e);
    var_dump(msg_receive($h, 0, $t, 10, $m, true, MSG_IPC_NOWAIT | MSG_NOERROR | MSG_EXCEPT, $e), $e);
}
$new = msg_get_queue($k, 0600);
var_dump(msg_queue_exists($k), rsipc_qnum($new), msg_stat_queue($q));
var_dump(msg_send($new, 1, 'new'), msg_receive($new, 0, $t, 10, $m), $m);
var_dump(msg_remove_queue($new), msg_queue_exists($k));
echo "-- remove while a child holds a handle\n";
$k2 = rsipc_new_key();
$q2 = msg_get_queue($k2);
$pid = rsipc_fork(function () use ($q2) {
    return msg_remove_queue($q2) ? 0 : 1;
});
var_dump(rsipc_wait($pid), msg_queue_exists($k2), msg_stat_queue($q2), msg_remove_queue($q2));
