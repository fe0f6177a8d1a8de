--TEST--
sysvmsg: msg_stat_queue(): the ten fields, their order and how they change
--EXTENSIONS--
posix
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue(0640);
$before = time();
$s = msg_stat_queue($q);
var_dump(array_keys($s));
foreach ($s as $k => $v) {
    echo "$k: ", get_debug_type($v), "\n";
}
$msgmnb = (int) file_get_contents('/proc/sys/kernel/msgmnb');
printf("uid=euid %d, gid=egid %d, mode %o, stime %d, rtime %d, ctime>0 %d, qnum %d, qbytes=msgmnb %d, lspid %d, lrpid %d\n",
    $s['msg_perm.uid'] === posix_geteuid(), $s['msg_perm.gid'] === posix_getegid(), $s['msg_perm.mode'],
    $s['msg_stime'], $s['msg_rtime'], $s['msg_ctime'] > 0, $s['msg_qnum'], $s['msg_qbytes'] === $msgmnb,
    $s['msg_lspid'], $s['msg_lrpid']);

echo "-- after two sends\n";
msg_send($q, 1, 'one');
msg_send($q, 2, 'two', false);
$s = msg_stat_queue($q);
printf("stime>0 %d, rtime %d, qnum %d, lspid=me %d, lrpid %d\n", $s['msg_stime'] >= $before,
    $s['msg_rtime'], $s['msg_qnum'], $s['msg_lspid'] === getmypid(), $s['msg_lrpid']);

echo "-- after a receive\n";
msg_receive($q, 0, $t, 100, $m);
$s = msg_stat_queue($q);
printf("rtime>0 %d, qnum %d, lrpid=me %d\n", $s['msg_rtime'] >= $before, $s['msg_qnum'], $s['msg_lrpid'] === getmypid());

echo "-- a failed receive or send changes nothing\n";
msg_receive($q, 9, $t, 100, $m, true, MSG_IPC_NOWAIT);
@msg_send($q, 0, 'x');
var_dump(msg_stat_queue($q) === $s);

echo "-- a child process sends\n";
$pid = rsipc_fork(function () use ($q) { msg_send($q, 3, 'from child'); });
var_dump(rsipc_wait($pid));
$s = msg_stat_queue($q);
printf("qnum %d, lspid=child %d\n", $s['msg_qnum'], $s['msg_lspid'] === $pid);

echo "-- msg_set_queue updates ctime and the fields\n";
var_dump(msg_set_queue($q, ['msg_perm.mode' => 0604, 'msg_qbytes' => 5000]));
$s2 = msg_stat_queue($q);
printf("mode %o, qbytes %d, ctime>=before %d, qnum %d\n", $s2['msg_perm.mode'], $s2['msg_qbytes'],
    $s2['msg_ctime'] >= $s['msg_ctime'], $s2['msg_qnum']);

echo "-- removed queue: false, no warning\n";
var_dump(msg_remove_queue($q), msg_stat_queue($q));
?>
--EXPECT--
array(10) {
  [0]=>
  string(12) "msg_perm.uid"
  [1]=>
  string(12) "msg_perm.gid"
  [2]=>
  string(13) "msg_perm.mode"
  [3]=>
  string(9) "msg_stime"
  [4]=>
  string(9) "msg_rtime"
  [5]=>
  string(9) "msg_ctime"
  [6]=>
  string(8) "msg_qnum"
  [7]=>
  string(10) "msg_qbytes"
  [8]=>
  string(9) "msg_lspid"
  [9]=>
  string(9) "msg_lrpid"
}
msg_perm.uid: int
msg_perm.gid: int
msg_perm.mode: int
msg_stime: int
msg_rtime: int
msg_ctime: int
msg_qnum: int
msg_qbytes: int
msg_lspid: int
msg_lrpid: int
uid=euid 1, gid=egid 1, mode 640, stime 0, rtime 0, ctime>0 1, qnum 0, qbytes=msgmnb 1, lspid 0, lrpid 0
-- after two sends
stime>0 1, rtime 0, qnum 2, lspid=me 1, lrpid 0
-- after a receive
rtime>0 1, qnum 1, lrpid=me 1
-- a failed receive or send changes nothing
bool(true)
-- a child process sends
int(0)
qnum 2, lspid=child 1
-- msg_set_queue updates ctime and the fields
bool(true)
mode 604, qbytes 5000, ctime>=before 1, qnum 2
-- removed queue: false, no warning
bool(true)
bool(false)
