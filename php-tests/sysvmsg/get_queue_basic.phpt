--TEST--
sysvmsg: msg_get_queue()/msg_queue_exists(): create, fetch existing, permissions, key truncation
--EXTENSIONS--
posix
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$k = rsipc_new_key();
var_dump(msg_queue_exists($k));
$q = msg_get_queue($k, 0640);
var_dump($q instanceof SysvMessageQueue, msg_queue_exists($k));
$st = msg_stat_queue($q);
printf("mode %o uid-is-euid %d gid-is-egid %d qnum %d qbytes-is-msgmnb %d\n", $st['msg_perm.mode'],
    $st['msg_perm.uid'] === posix_geteuid(), $st['msg_perm.gid'] === posix_getegid(),
    $st['msg_qnum'], $st['msg_qbytes'] === (int) file_get_contents('/proc/sys/kernel/msgmnb'));

echo "-- an existing queue keeps its mode, the permissions argument is ignored\n";
$again = msg_get_queue($k, 0666);
var_dump($again === $q, $again == $q);
printf("mode %o\n", msg_stat_queue($again)['msg_perm.mode']);
$again = msg_get_queue($k);
printf("mode %o\n", msg_stat_queue($again)['msg_perm.mode']);

echo "-- both handles address the same kernel queue\n";
var_dump(msg_send($again, 3, 'through the second handle'));
var_dump(msg_receive($q, 0, $t, 100, $m), $t, $m);

echo "-- the key is truncated to 32 bits\n";
$hi = $k | 0x100000000;
$neg = $k - 0x100000000;
var_dump($neg < 0, msg_queue_exists($hi), msg_queue_exists($neg), msg_queue_exists($k | 0x7fff_fff0_0000_0000));
$qh = msg_get_queue($hi, 0600);
printf("mode %o\n", msg_stat_queue($qh)['msg_perm.mode']);
var_dump(msg_send($qh, 9, 'via high bits', false));
var_dump(msg_receive(msg_get_queue($neg), 9, $t, 100, $m, false), $t, $m);

echo "-- permission bits: the kernel keeps perms & 0777\n";
foreach ([0600, 0, 0777, 01777, 0x1FFFF, -1, 0x7fffffff00000644, 0400 | 0200] as $perms) {
    $kk = rsipc_new_key();
    $qq = msg_get_queue($kk, $perms);
    printf("perms %s -> mode %o\n", $perms < 0 ? (string) $perms : '0x' . dechex($perms), msg_stat_queue($qq)['msg_perm.mode']);
    var_dump(msg_remove_queue($qq), msg_queue_exists($kk));
}

echo "-- a mode 0 queue is still usable by root (CAP_IPC_OWNER)\n";
$q0 = msg_get_queue(rsipc_new_key(), 0);
var_dump(msg_send($q0, 1, 'x'), msg_receive($q0, 1, $t, 10, $m), $m, msg_remove_queue($q0));

var_dump(msg_remove_queue($q), msg_queue_exists($k), msg_queue_exists($hi));
?>
--EXPECT--
bool(false)
bool(true)
bool(true)
mode 640 uid-is-euid 1 gid-is-egid 1 qnum 0 qbytes-is-msgmnb 1
-- an existing queue keeps its mode, the permissions argument is ignored
bool(false)
bool(false)
mode 640
mode 640
-- both handles address the same kernel queue
bool(true)
bool(true)
int(3)
string(25) "through the second handle"
-- the key is truncated to 32 bits
bool(true)
bool(true)
bool(true)
bool(true)
mode 640
bool(true)
bool(true)
int(9)
string(13) "via high bits"
-- permission bits: the kernel keeps perms & 0777
perms 0x180 -> mode 600
bool(true)
bool(false)
perms 0x0 -> mode 0
bool(true)
bool(false)
perms 0x1ff -> mode 777
bool(true)
bool(false)
perms 0x3ff -> mode 777
bool(true)
bool(false)
perms 0x1ffff -> mode 777
bool(true)
bool(false)
perms -1 -> mode 777
bool(true)
bool(false)
perms 0x7fffffff00000644 -> mode 104
bool(true)
bool(false)
perms 0x180 -> mode 600
bool(true)
bool(false)
-- a mode 0 queue is still usable by root (CAP_IPC_OWNER)
bool(true)
bool(true)
string(1) "x"
bool(true)
bool(true)
bool(false)
bool(false)
