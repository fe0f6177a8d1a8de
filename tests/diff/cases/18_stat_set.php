<?php
// msg_stat_queue() fields and msg_set_queue() conversions for all four settable fields.
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue(0640);
$s = msg_stat_queue($q);
var_dump(array_keys($s), array_map('get_debug_type', $s));
printf("mode %o stime %d rtime %d ctime>0 %d qnum %d lspid %d lrpid %d uid-is-me %d\n", $s['msg_perm.mode'], $s['msg_stime'],
    $s['msg_rtime'], $s['msg_ctime'] > 0, $s['msg_qnum'], $s['msg_lspid'], $s['msg_lrpid'],
    $s['msg_perm.uid'] === (function_exists('posix_geteuid') ? posix_geteuid() : $s['msg_perm.uid']));
msg_send($q, 1, 'a');
msg_send($q, 1, 'bb', false);
$s = msg_stat_queue($q);
printf("qnum %d stime>0 %d lspid-is-me %d\n", $s['msg_qnum'], $s['msg_stime'] > 0, $s['msg_lspid'] === getmypid());
msg_receive($q, 0, $t, 10, $m);
$s = msg_stat_queue($q);
printf("qnum %d rtime>0 %d lrpid-is-me %d\n", $s['msg_qnum'], $s['msg_rtime'] > 0, $s['msg_lrpid'] === getmypid());
rsipc_drain($q);

class O {}
$vals = [null, false, true, 0, 1, 0600, 0777, 01777, 0x10000, 100, 1000.9, -0.0, '500', ' 500', '500 ', '5e2', '0x20', '0b11',
    '0600', 'abc', '', [], [1, 2], new O(), 1e30, NAN, INF];
foreach (['msg_qbytes', 'msg_perm.mode'] as $field) {
    echo "== $field\n";
    foreach ($vals as $v) {
        msg_set_queue($q, ['msg_qbytes' => 4000, 'msg_perm.mode' => 0600]);
        ob_start();
        $r = msg_set_queue($q, [$field => $v]);
        $noise = trim(ob_get_clean());
        $s = msg_stat_queue($q);
        printf("%-10s => %s qbytes %d mode %o%s\n", is_object($v) ? 'O' : str_replace("\n", '', var_export($v, true)),
            var_export($r, true), $s['msg_qbytes'], $s['msg_perm.mode'], $noise !== '' ? ' | ' . preg_replace('/\s+/', ' ', $noise) : '');
    }
}
if (function_exists('posix_geteuid') && posix_geteuid() === 0) {
    echo "== owner fields (root)\n";
    foreach (['msg_perm.uid', 'msg_perm.gid'] as $field) {
        foreach ([0, 65534, '1000', 1000.5, -5, -1, (1 << 32) + 7, 4294967294, null, true] as $v) {
            ob_start();
            $r = msg_set_queue($q, [$field => $v]);
            $noise = trim(ob_get_clean());
            $s = msg_stat_queue($q);
            printf("%s %-12s => %s uid %d gid %d%s\n", $field, str_replace("\n", '', var_export($v, true)), var_export($r, true),
                $s['msg_perm.uid'], $s['msg_perm.gid'], $noise !== '' ? ' | ' . preg_replace('/\s+/', ' ', $noise) : '');
        }
        msg_set_queue($q, ['msg_perm.uid' => 0, 'msg_perm.gid' => 0]);
    }
}
echo "== keys\n";
var_dump(msg_set_queue($q, ['msg_qbytes' => 1234, 'MSG_QBYTES' => 1, 'msg_qbytes ' => 2, 'x' => 3, 5 => 4]), msg_stat_queue($q)['msg_qbytes']);
var_dump(msg_set_queue($q, []), msg_set_queue($q, [[]]));
$msgmnb = (int) file_get_contents('/proc/sys/kernel/msgmnb');
$capRes = preg_match('/^CapEff:\s*([0-9a-f]+)/m', file_get_contents('/proc/self/status'), $mm) && (hexdec($mm[1]) & (1 << 24));
if (!$capRes) {
    echo "== above msgmnb without CAP_SYS_RESOURCE\n";
    foreach ([$msgmnb, $msgmnb + 1, -1, PHP_INT_MAX, 1 << 33, (1 << 32) + 9, PHP_INT_MIN] as $v) {
        msg_set_queue($q, ['msg_qbytes' => 4000]);
        $r = msg_set_queue($q, ['msg_qbytes' => $v]);
        $now = msg_stat_queue($q)['msg_qbytes'];
        echo $v === $msgmnb ? 'msgmnb' : ($v === $msgmnb + 1 ? 'msgmnb+1' : $v), ' => ', var_export($r, true), ' ', $now === $msgmnb ? 'msgmnb' : $now, "\n";
    }
}
