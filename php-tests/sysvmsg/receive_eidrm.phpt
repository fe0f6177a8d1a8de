--TEST--
sysvmsg: a blocked msg_receive() returns errno 43 (EIDRM) when another process removes the queue
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$k = rsipc_new_key();
$q = msg_get_queue($k);
$parent = getmypid();
$pid = rsipc_fork(function () use ($k, $parent) {
    rsipc_wait_blocked($parent, 'rcv');
    msg_remove_queue(msg_get_queue($k));
});
$t = 'old'; $m = 'old'; $e = 'old';
var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e), $t, $m, $e);
var_dump(rsipc_wait($pid), msg_queue_exists($k));
// afterwards the handle is merely stale
var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e), $e);
?>
--EXPECT--
bool(false)
int(0)
bool(false)
int(43)
int(0)
bool(false)
bool(false)
int(22)
