<?php
// msg_send() failures: the warning text, then $error_code, then false. Covers the errno table.
require __DIR__ . '/../lib.php';

$msgmax = (int) file_get_contents('/proc/sys/kernel/msgmax');
$q = rsipc_new_queue();
function s(string $what, SysvMessageQueue $q, int $type, $msg, bool $ser = true, bool $block = true): void
{
    $e = 'old';
    $r = msg_send($q, $type, $msg, $ser, $block, $e);
    echo "$what: ", var_export($r, true), ' error_code ', var_export($e, true), "\n";
}
foreach ([1, 0, -1, -2, PHP_INT_MIN, PHP_INT_MAX, 0x7fffffff, 0x80000000, 0xffffffff, 0x100000000] as $type) {
    s("type $type", $q, $type, 'x', true, false);
}
rsipc_drain($q);
foreach ([$msgmax - 1, $msgmax, $msgmax + 1, $msgmax * 2] as $len) {
    s("raw $len bytes non-blocking", $q, 1, str_repeat('r', $len), false, false);
    rsipc_drain($q, $msgmax);
    s("raw $len bytes blocking", $q, 1, str_repeat('r', $len), false, true);
    rsipc_drain($q, $msgmax);
}
$n = $msgmax - 4 - strlen((string) $msgmax) - 2;
foreach ([$n - 1, $n, $n + 1] as $len) {
    s("serialized string of $len", $q, 1, str_repeat('s', $len));
    rsipc_drain($q, $msgmax);
}
echo "-- qbytes 64\n";
var_dump(msg_set_queue($q, ['msg_qbytes' => 64]));
s('32', $q, 1, str_repeat('a', 32), false, false);
s('32', $q, 1, str_repeat('b', 32), false, false);
s('1 more', $q, 1, 'c', false, false);
s('empty', $q, 1, '', false, false);
s('serialized empty string', $q, 1, '', true, false);
var_dump(count(rsipc_drain($q)));
s('65 into an empty queue', $q, 1, str_repeat('d', 65), false, false);
echo "-- qbytes 0\n";
var_dump(msg_set_queue($q, ['msg_qbytes' => 0]));
s('empty', $q, 1, '', false, false);
echo "-- qbytes 1: one message of any size up to 1\n";
var_dump(msg_set_queue($q, ['msg_qbytes' => 1]));
s('empty', $q, 1, '', false, false);
s('empty again', $q, 1, '', false, false);
var_dump(rsipc_drain($q));
echo "-- removed\n";
msg_remove_queue($q);
s('stale blocking', $q, 1, 'x');
s('stale non-blocking raw', $q, 1, 'x', false, false);
s('stale bad type', $q, 0, 'x');
echo "-- without the by-ref argument\n";
var_dump(msg_send($q, 1, 'x'));
