--TEST--
sysvmsg: a blocking msg_receive() is woken by a message from a forked sender
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();
$parent = getmypid();

echo "-- any type\n";
$pid = rsipc_fork(function () use ($q, $parent) {
    if (!rsipc_wait_blocked($parent, 'rcv')) {
        echo "child: parent never blocked\n";
    }
    msg_send($q, 12, ['from' => 'child', 'n' => [1, 2, 3]]);
});
var_dump(msg_receive($q, 0, $t, 1024, $m, true, 0, $e), $t, $m, $e);
var_dump(rsipc_wait($pid));

echo "-- a specific type: other types do not wake the receiver\n";
$pid = rsipc_fork(function () use ($q, $parent) {
    rsipc_wait_blocked($parent, 'rcv');
    msg_send($q, 3, 'not for you', false);
    msg_send($q, 2, 'not for you either', false);
    usleep(100000);
    msg_send($q, 7, 'for you', false);
});
var_dump(msg_receive($q, 7, $t, 1024, $m, false, 0, $e), $t, $m, $e);
var_dump(rsipc_wait($pid));
var_dump(rsipc_drain($q));

echo "-- a message too big for the waiting receiver ends the wait with E2BIG and stays queued\n";
$pid = rsipc_fork(function () use ($q, $parent) {
    rsipc_wait_blocked($parent, 'rcv');
    msg_send($q, 1, str_repeat('x', 50), false);
});
var_dump(msg_receive($q, 0, $t, 10, $m, false, 0, $e), $t, $m, $e);
var_dump(rsipc_wait($pid), rsipc_qnum($q));

echo "-- child receives what the parent sends\n";
$pid = rsipc_fork(function () use ($q) {
    msg_receive($q, 0, $t, 100, $m, false);   // the 50 x
    $ok = msg_receive($q, 5, $t, 100, $m);
    echo "child got ", var_export($ok, true), " type $t: ", $m, "\n";
    msg_send($q, 6, 'ack');
});
rsipc_wait_blocked($pid, 'rcv');
msg_send($q, 5, 'ping');
var_dump(msg_receive($q, 6, $t, 100, $m), $m);
var_dump(rsipc_wait($pid), rsipc_qnum($q));
?>
--EXPECT--
-- any type
bool(true)
int(12)
array(2) {
  ["from"]=>
  string(5) "child"
  ["n"]=>
  array(3) {
    [0]=>
    int(1)
    [1]=>
    int(2)
    [2]=>
    int(3)
  }
}
int(0)
int(0)
-- a specific type: other types do not wake the receiver
bool(true)
int(7)
string(7) "for you"
int(0)
int(0)
array(2) {
  [0]=>
  array(2) {
    [0]=>
    int(3)
    [1]=>
    string(11) "not for you"
  }
  [1]=>
  array(2) {
    [0]=>
    int(2)
    [1]=>
    string(18) "not for you either"
  }
}
-- a message too big for the waiting receiver ends the wait with E2BIG and stays queued
bool(false)
int(0)
bool(false)
int(7)
int(0)
int(1)
-- child receives what the parent sends
child got true type 5: ping
bool(true)
string(3) "ack"
int(0)
int(0)
