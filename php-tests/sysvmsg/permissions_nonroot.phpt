--TEST--
sysvmsg: permission checks seen by an unprivileged process (EACCES on send/receive, silent false on stat/set/remove)
--SKIPIF--
<?php
if (!function_exists('posix_geteuid')) die('skip posix extension needed');
if (posix_geteuid() !== 0) die('skip needs root to switch to an unprivileged user');
?>
--EXTENSIONS--
posix
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$k600 = rsipc_new_key();
$k604 = rsipc_new_key();
$k602 = rsipc_new_key();
$kown = rsipc_new_key();
$q600 = msg_get_queue($k600, 0600);
$q604 = msg_get_queue($k604, 0604);
$q602 = msg_get_queue($k602, 0602);
foreach ([$q600, $q604, $q602] as $q) {
    msg_send($q, 1, 'for root');
}

$pid = rsipc_fork(function () use ($k600, $k604, $k602, $kown, $q600) {
    if (!posix_setgid(65534) || !posix_setuid(65534)) {
        echo "cannot drop privileges\n";
        return 1;
    }
    echo "-- 0600 queue owned by root\n";
    var_dump(msg_queue_exists($k600));
    $q = msg_get_queue($k600, 0666);
    var_dump($q instanceof SysvMessageQueue);
    var_dump(msg_send($q, 1, 'x', true, true, $e), $e);
    var_dump(msg_send($q, 1, 'x', false, false, $e), $e);
    var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e), $t, $m, $e);
    var_dump(msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e), $e);
    var_dump(msg_stat_queue($q));
    var_dump(msg_set_queue($q, []), msg_set_queue($q, ['msg_qbytes' => 100]));
    var_dump(msg_remove_queue($q));
    echo "-- the handle inherited from root behaves the same\n";
    var_dump(@msg_send($q600, 1, 'x', true, true, $e), $e, msg_stat_queue($q600));

    echo "-- 0604: others may read, not write\n";
    $q = msg_get_queue($k604);
    var_dump(msg_send($q, 1, 'x', true, true, $e), $e);
    var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e), $t, $m, $e);
    $s = msg_stat_queue($q);
    printf("stat: mode %o qnum %d\n", $s['msg_perm.mode'], $s['msg_qnum']);
    var_dump(msg_set_queue($q, ['msg_perm.mode' => 0666]), msg_remove_queue($q));

    echo "-- 0602: others may write, not read\n";
    $q = msg_get_queue($k602);
    var_dump(msg_send($q, 2, 'from nobody', true, true, $e), $e);
    var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e), $t, $m, $e);
    var_dump(msg_stat_queue($q));

    echo "-- a queue of its own\n";
    $q = msg_get_queue($kown, 0600);
    $s = msg_stat_queue($q);
    printf("uid %d gid %d mode %o\n", $s['msg_perm.uid'], $s['msg_perm.gid'], $s['msg_perm.mode']);
    var_dump(msg_send($q, 1, 'mine'), msg_receive($q, 0, $t, 100, $m), $m);
    echo "-- raising msg_qbytes above msgmnb is refused\n";
    $msgmnb = (int) file_get_contents('/proc/sys/kernel/msgmnb');
    var_dump(msg_set_queue($q, ['msg_qbytes' => $msgmnb * 2]));
    var_dump(msg_set_queue($q, ['msg_qbytes' => 100]), msg_set_queue($q, ['msg_qbytes' => $msgmnb]));
    echo "-- giving the queue away: the creator keeps control\n";
    var_dump(msg_set_queue($q, ['msg_perm.uid' => 0]));
    var_dump(msg_set_queue($q, ['msg_perm.mode' => 0666]), msg_remove_queue($q));
    return 0;
});
var_dump(rsipc_wait($pid));
echo "-- back in root: what the child left\n";
var_dump(rsipc_qnum($q600), rsipc_qnum($q604), rsipc_qnum($q602));
var_dump(msg_queue_exists($kown));
var_dump(msg_receive($q602, 2, $t, 100, $m), $m);
?>
--EXPECTF--
-- 0600 queue owned by root
bool(true)
bool(true)

Warning: msg_send(): msgsnd failed: Permission denied in %s on line %d
bool(false)
int(13)

Warning: msg_send(): msgsnd failed: Permission denied in %s on line %d
bool(false)
int(13)
bool(false)
int(0)
bool(false)
int(13)
bool(false)
int(13)
bool(false)
bool(false)
bool(false)
bool(false)
-- the handle inherited from root behaves the same
bool(false)
int(13)
bool(false)
-- 0604: others may read, not write

Warning: msg_send(): msgsnd failed: Permission denied in %s on line %d
bool(false)
int(13)
bool(true)
int(1)
string(8) "for root"
int(0)
stat: mode 604 qnum 0
bool(false)
bool(false)
-- 0602: others may write, not read
bool(true)
int(0)
bool(false)
int(0)
bool(false)
int(13)
bool(false)
-- a queue of its own
uid 65534 gid 65534 mode 600
bool(true)
bool(true)
string(4) "mine"
-- raising msg_qbytes above msgmnb is refused
bool(false)
bool(true)
bool(true)
-- giving the queue away: the creator keeps control
bool(true)
bool(true)
bool(true)
int(0)
-- back in root: what the child left
int(1)
int(0)
int(2)
bool(false)
bool(true)
string(11) "from nobody"
