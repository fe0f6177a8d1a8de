--TEST--
sysvmsg: msg_set_queue(): recognised keys, value conversions, return values
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue(0600);
function qbytes($q, $v): void
{
    $r = msg_set_queue($q, ['msg_qbytes' => $v]);
    $s = msg_stat_queue($q);
    echo str_pad(is_object($v) ? get_class($v) : str_replace("\n", '', var_export($v, true)), 14),
        ' => ', var_export($r, true), ' qbytes ', $s['msg_qbytes'], "\n";
}
echo "-- msg_qbytes conversions (zval_get_long)\n";
foreach (['12000abc', 'abc', ' 4200', '4300 ', '0x10', '1e3', '010', 11000.9, -0.5, 1e30, -1e30, NAN, INF,
          null, [1], [], [5, 6], true, false, 123, 0, new stdClass(), '9999'] as $v) {
    qbytes($q, $v);
}
echo "-- msg_perm.mode conversions\n";
foreach ([0640, '0600', '384', 0777 | 01000, 07777, 0, 06400, 0x10000 | 0644, 0400, 0660] as $v) {
    $r = msg_set_queue($q, ['msg_perm.mode' => $v]);
    printf("%-8s => %s mode %o\n", var_export($v, true), var_export($r, true), msg_stat_queue($q)['msg_perm.mode']);
}
echo "-- other keys are ignored; the keys are case-sensitive\n";
$before = msg_stat_queue($q);
var_dump(msg_set_queue($q, []));
var_dump(msg_set_queue($q, ['MSG_QBYTES' => 1, 'msg_perm_mode' => 0, 'msg_qnum' => 5, 'msg_ctime' => 0,
    'msg_lspid' => 1, 0 => 0, 'msg_perm.uid ' => 1]));
$after = msg_stat_queue($q);
unset($before['msg_ctime'], $after['msg_ctime']);
var_dump($before === $after);
echo "-- several keys at once\n";
var_dump(msg_set_queue($q, ['msg_perm.mode' => 0606, 'msg_qbytes' => 3333, 'msg_perm.uid' => msg_stat_queue($q)['msg_perm.uid'],
    'msg_perm.gid' => msg_stat_queue($q)['msg_perm.gid']]));
$s = msg_stat_queue($q);
printf("mode %o qbytes %d\n", $s['msg_perm.mode'], $s['msg_qbytes']);
echo "-- values inside references and nested arrays\n";
$v = 2222;
var_dump(msg_set_queue($q, ['msg_qbytes' => &$v]), msg_stat_queue($q)['msg_qbytes']);
echo "-- lowering below what is queued is allowed; sends then wait or fail\n";
var_dump(msg_set_queue($q, ['msg_qbytes' => 16000]));
msg_send($q, 1, str_repeat('x', 100), false);
var_dump(msg_set_queue($q, ['msg_qbytes' => 10]), msg_stat_queue($q)['msg_qbytes'], msg_stat_queue($q)['msg_qnum']);
var_dump(@msg_send($q, 1, 'y', false, false, $e), $e);
var_dump(count(rsipc_drain($q)));
echo "-- raising back up to msgmnb is allowed\n";
$msgmnb = (int) file_get_contents('/proc/sys/kernel/msgmnb');
var_dump(msg_set_queue($q, ['msg_qbytes' => $msgmnb]), msg_stat_queue($q)['msg_qbytes'] === $msgmnb);
echo "-- removed queue\n";
msg_remove_queue($q);
var_dump(msg_set_queue($q, []), msg_set_queue($q, ['msg_qbytes' => 1]));
?>
--EXPECTF--
-- msg_qbytes conversions (zval_get_long)
'12000abc'     => true qbytes 12000
'abc'          => true qbytes 0
' 4200'        => true qbytes 4200
'4300 '        => true qbytes 4300
'0x10'         => true qbytes 0
'1e3'          => true qbytes 1000
'010'          => true qbytes 10
11000.9        => true qbytes 11000
-0.5           => true qbytes 0
1.0E+30        => true qbytes 0
-1.0E+30       => true qbytes 0
NAN            => true qbytes 0
INF            => true qbytes 0
NULL           => true qbytes 0
array (  0 => 1,) => true qbytes 1
array ()       => true qbytes 0
array (  0 => 5,  1 => 6,) => true qbytes 1
true           => true qbytes 1
false          => true qbytes 0
123            => true qbytes 123
0              => true qbytes 0

Warning: Object of class stdClass could not be converted to int in %s on line %d
stdClass       => true qbytes 1
'9999'         => true qbytes 9999
-- msg_perm.mode conversions
416      => true mode 640
'0600'   => true mode 130
'384'    => true mode 600
1023     => true mode 777
4095     => true mode 777
0        => true mode 0
3328     => true mode 400
65956    => true mode 644
256      => true mode 400
432      => true mode 660
-- other keys are ignored; the keys are case-sensitive
bool(true)
bool(true)
bool(true)
-- several keys at once
bool(true)
mode 606 qbytes 3333
-- values inside references and nested arrays
bool(true)
int(2222)
-- lowering below what is queued is allowed; sends then wait or fail
bool(true)
bool(true)
int(10)
int(1)
bool(false)
int(11)
int(1)
-- raising back up to msgmnb is allowed
bool(true)
bool(true)
-- removed queue
bool(false)
bool(false)
