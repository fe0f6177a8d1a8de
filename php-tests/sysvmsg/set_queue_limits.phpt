--TEST--
sysvmsg: msg_set_queue(): msg_qbytes above msgmnb and out-of-range values (no CAP_SYS_RESOURCE)
--SKIPIF--
<?php
// Raising msg_qbytes above msgmnb needs CAP_SYS_RESOURCE (bit 24 of CapEff).
if (!preg_match('/^CapEff:\s*([0-9a-f]+)/m', @file_get_contents('/proc/self/status'), $m)) die('skip no /proc/self/status');
if (hexdec($m[1]) & (1 << 24)) die('skip the process has CAP_SYS_RESOURCE');
?>
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue(0600);
$msgmnb = (int) file_get_contents('/proc/sys/kernel/msgmnb');
function try_qbytes(SysvMessageQueue $q, string $what, $v, int $msgmnb): void
{
    msg_set_queue($q, ['msg_qbytes' => 1000]);
    $r = msg_set_queue($q, ['msg_qbytes' => $v]);
    $now = msg_stat_queue($q)['msg_qbytes'];
    echo "$what: ", var_export($r, true), ' qbytes ', $now === $msgmnb ? 'msgmnb' : $now, "\n";
}
try_qbytes($q, 'msgmnb', $msgmnb, $msgmnb);
try_qbytes($q, 'msgmnb + 1', $msgmnb + 1, $msgmnb);
try_qbytes($q, '-1', -1, $msgmnb);
try_qbytes($q, 'PHP_INT_MAX', PHP_INT_MAX, $msgmnb);
try_qbytes($q, '"99999999999999999999"', '99999999999999999999', $msgmnb);
// the kernel narrows msg_qbytes to 32 bits on IPC_SET
try_qbytes($q, '1 << 33', 1 << 33, $msgmnb);
try_qbytes($q, '(1 << 32) + 500', (1 << 32) + 500, $msgmnb);
try_qbytes($q, 'PHP_INT_MIN', PHP_INT_MIN, $msgmnb);
// a failed call changes none of the other fields either
msg_set_queue($q, ['msg_perm.mode' => 0600]);
var_dump(msg_set_queue($q, ['msg_perm.mode' => 0644, 'msg_qbytes' => $msgmnb * 2]));
printf("mode %o\n", msg_stat_queue($q)['msg_perm.mode']);
?>
--EXPECT--
msgmnb: true qbytes msgmnb
msgmnb + 1: false qbytes 1000
-1: false qbytes 1000
PHP_INT_MAX: false qbytes 1000
"99999999999999999999": false qbytes 1000
1 << 33: true qbytes 0
(1 << 32) + 500: true qbytes 500
PHP_INT_MIN: true qbytes 0
bool(false)
mode 600
