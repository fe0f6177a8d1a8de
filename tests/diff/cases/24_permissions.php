<?php
// Permission errors as seen by an unprivileged process (root switches a child to nobody).
require __DIR__ . '/../lib.php';

if (!function_exists('posix_geteuid') || posix_geteuid() !== 0) {
    echo "skipped: needs root and posix\n";
    return;
}
$keys = [];
$queues = [];
foreach ([0600, 0640, 0604, 0602, 0606, 0660, 0] as $mode) {
    $k = rsipc_new_key();
    $keys[$mode] = $k;
    $queues[$mode] = msg_get_queue($k, $mode);
    msg_send($queues[$mode], 1, 'root data');
}
$own = rsipc_new_key();
$pid = rsipc_fork(function () use ($keys, $queues, $own) {
    if (!posix_setgid(65534) || !posix_setuid(65534)) {
        return 1;
    }
    foreach ($keys as $mode => $k) {
        printf("== mode %o\n", $mode);
        $q = msg_get_queue($k);
        echo 'exists ', var_export(msg_queue_exists($k), true), ', get ', get_debug_type($q), "\n";
        $e = 'old';
        echo 'send ', var_export(msg_send($q, 2, 'x', true, false, $e), true), ' ', show($e), "\n";
        $t = $m = $e = 'old';
        echo 'receive ', var_export(msg_receive($q, 1, $t, 100, $m, true, MSG_IPC_NOWAIT, $e), true), ' ', show($t), ' ', show($m), ' ', show($e), "\n";
        $s = msg_stat_queue($q);
        echo 'stat ', $s === false ? 'false' : sprintf('mode %o qnum %d', $s['msg_perm.mode'], $s['msg_qnum']), "\n";
        echo 'set ', var_export(msg_set_queue($q, []), true), ', remove ', var_export(msg_remove_queue($q), true), "\n";
        echo 'inherited handle: stat ', var_export(msg_stat_queue($queues[$mode]) !== false, true), "\n";
    }
    echo "== a queue of its own\n";
    $q = msg_get_queue($own, 0644);
    $s = msg_stat_queue($q);
    printf("uid %d gid %d mode %o\n", $s['msg_perm.uid'], $s['msg_perm.gid'], $s['msg_perm.mode']);
    var_dump(msg_set_queue($q, ['msg_perm.uid' => 0, 'msg_perm.gid' => 0]));
    var_dump(msg_set_queue($q, ['msg_perm.mode' => 0600]), msg_send($q, 1, 'still writable as creator?', true, false, $e), $e ?? null);
    $msgmnb = (int) file_get_contents('/proc/sys/kernel/msgmnb');
    var_dump(msg_set_queue($q, ['msg_qbytes' => $msgmnb + 1]));
    return 0;
});
var_dump(rsipc_wait($pid));
foreach ($keys as $mode => $k) {
    printf("after: mode %o exists %s qnum %d\n", $mode, var_export(msg_queue_exists($k), true), rsipc_qnum($queues[$mode]));
}
$s = msg_stat_queue(msg_get_queue($own));
printf("own: uid %d mode %o qnum %d\n", $s['msg_perm.uid'], $s['msg_perm.mode'], $s['msg_qnum']);
