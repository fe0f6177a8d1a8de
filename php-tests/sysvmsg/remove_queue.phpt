--TEST--
sysvmsg: msg_remove_queue() and what stale handles do afterwards
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$k = rsipc_new_key();
$q = msg_get_queue($k);
$other = msg_get_queue($k);
msg_send($q, 1, 'lost with the queue');
var_dump(msg_remove_queue($q));
var_dump(msg_queue_exists($k));
var_dump(msg_remove_queue($q), msg_remove_queue($other));
var_dump(msg_stat_queue($q), msg_set_queue($q, []));
var_dump(msg_send($other, 1, 'x', true, true, $e), $e);
var_dump(msg_receive($other, 0, $t, 100, $m, true, 0, $e), $t, $m, $e);
var_dump($q);

echo "-- getting the key again makes a new queue; old handles stay stale\n";
$new = msg_get_queue($k, 0600);
printf("mode %o qnum %d\n", msg_stat_queue($new)['msg_perm.mode'], rsipc_qnum($new));
var_dump(@msg_send($q, 1, 'x'), msg_stat_queue($q));
var_dump(msg_send($new, 1, 'fresh'), msg_receive($new, 0, $t, 100, $m), $m);
var_dump(msg_remove_queue($new), msg_queue_exists($k));

echo "-- a queue with mode 0 can be removed by its owner\n";
$k0 = rsipc_new_key();
$z = msg_get_queue($k0, 0);
var_dump(msg_remove_queue($z), msg_queue_exists($k0));

echo "-- dropping the object does not remove the queue\n";
$k2 = rsipc_new_key();
$tmp = msg_get_queue($k2);
msg_send($tmp, 4, 'survivor');
unset($tmp);
gc_collect_cycles();
var_dump(msg_queue_exists($k2));
var_dump(msg_receive(msg_get_queue($k2), 0, $t, 100, $m), $t, $m);
var_dump(msg_remove_queue(msg_get_queue($k2)));
?>
--EXPECTF--
bool(true)
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)

Warning: msg_send(): msgsnd failed: Invalid argument in %s on line %d
bool(false)
int(22)
bool(false)
int(0)
bool(false)
int(22)
object(SysvMessageQueue)#1 (0) {
}
-- getting the key again makes a new queue; old handles stay stale
mode 600 qnum 0
bool(false)
bool(false)
bool(true)
bool(true)
string(5) "fresh"
bool(true)
bool(false)
-- a queue with mode 0 can be removed by its owner
bool(true)
bool(false)
-- dropping the object does not remove the queue
bool(true)
bool(true)
int(4)
string(8) "survivor"
bool(true)
