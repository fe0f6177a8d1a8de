--TEST--
sysvmsg: msg_send() failures: warning, errno in $error_code, return value (EINVAL, EAGAIN)
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

set_error_handler(function (int $no, string $str) {
    // the warning comes before $error_code is assigned
    echo "warning: $str (error_code is now ", var_export($GLOBALS['e'], true), ")\n";
    return true;
});
function attempt(string $what, SysvMessageQueue $q, int $type, $msg, bool $ser = true, bool $block = true): void
{
    $GLOBALS['e'] = 'old';
    $r = msg_send($q, $type, $msg, $ser, $block, $GLOBALS['e']);
    echo "$what: ", var_export($r, true), ' error_code=', var_export($GLOBALS['e'], true), "\n";
}

$msgmax = (int) file_get_contents('/proc/sys/kernel/msgmax');
$q = rsipc_new_queue();

echo "-- success leaves \$error_code alone\n";
attempt('ok', $q, 1, 'x');
attempt('ok raw', $q, PHP_INT_MAX, 'x', false, false);

echo "-- message type must be > 0\n";
attempt('type 0', $q, 0, 'x');
attempt('type -1', $q, -1, 'x', false, false);
attempt('type PHP_INT_MIN', $q, PHP_INT_MIN, 'x');

echo "-- larger than msgmax\n";
var_dump(count(rsipc_drain($q)));
attempt('msgmax raw', $q, 1, str_repeat('a', $msgmax), false);
var_dump(strlen(rsipc_drain($q, $msgmax)[0][1]) === $msgmax);
attempt('msgmax+1 raw, blocking', $q, 1, str_repeat('a', $msgmax + 1), false);
attempt('msgmax+1 raw, non-blocking', $q, 1, str_repeat('a', $msgmax + 1), false, false);
$n = $msgmax - 2 - strlen((string) $msgmax) - 4;   // s:NNNN:"...";
attempt('serialized exactly msgmax', $q, 1, str_repeat('b', $n));
attempt('serialized msgmax+1', $q, 1, str_repeat('b', $n + 1));
$got = rsipc_drain($q, $msgmax);
var_dump(count($got), strlen($got[0][1]) === $msgmax);

echo "-- queue full, non-blocking\n";
var_dump(msg_set_queue($q, ['msg_qbytes' => 100]));
attempt('60 bytes', $q, 1, str_repeat('c', 60), false, false);
attempt('40 bytes', $q, 2, str_repeat('d', 40), false, false);
attempt('1 more byte', $q, 3, 'e', false, false);
var_dump(MSG_EAGAIN === $GLOBALS['e']);
attempt('even an empty message', $q, 3, '', false, false);
var_dump(rsipc_drain($q));
attempt('101 bytes > msg_qbytes, queue empty', $q, 1, str_repeat('f', 101), false, false);
attempt('100 bytes = msg_qbytes', $q, 1, str_repeat('f', 100), false, false);
rsipc_drain($q);

echo "-- msg_qbytes = 0\n";
var_dump(msg_set_queue($q, ['msg_qbytes' => 0]), msg_stat_queue($q)['msg_qbytes']);
attempt('empty message, non-blocking', $q, 1, '', false, false);
attempt('one byte, non-blocking', $q, 1, 'x', false, false);

echo "-- removed queue (stale id)\n";
var_dump(msg_remove_queue($q));
attempt('stale, blocking', $q, 1, 'x');
attempt('stale, non-blocking', $q, 1, 'x', false, false);

echo "-- without \$error_code\n";
restore_error_handler();
var_dump(msg_send($q, 1, 'x'));
var_dump(msg_send($q, 0, 'x', false, false));
?>
--EXPECTF--
-- success leaves $error_code alone
ok: true error_code='old'
ok raw: true error_code='old'
-- message type must be > 0
warning: msg_send(): msgsnd failed: Invalid argument (error_code is now 'old')
type 0: false error_code=22
warning: msg_send(): msgsnd failed: Invalid argument (error_code is now 'old')
type -1: false error_code=22
warning: msg_send(): msgsnd failed: Invalid argument (error_code is now 'old')
type PHP_INT_MIN: false error_code=22
-- larger than msgmax
int(2)
msgmax raw: true error_code='old'
bool(true)
warning: msg_send(): msgsnd failed: Invalid argument (error_code is now 'old')
msgmax+1 raw, blocking: false error_code=22
warning: msg_send(): msgsnd failed: Invalid argument (error_code is now 'old')
msgmax+1 raw, non-blocking: false error_code=22
serialized exactly msgmax: true error_code='old'
warning: msg_send(): msgsnd failed: Invalid argument (error_code is now 'old')
serialized msgmax+1: false error_code=22
int(1)
bool(true)
-- queue full, non-blocking
bool(true)
60 bytes: true error_code='old'
40 bytes: true error_code='old'
warning: msg_send(): msgsnd failed: Resource temporarily unavailable (error_code is now 'old')
1 more byte: false error_code=11
bool(true)
even an empty message: true error_code='old'
array(3) {
  [0]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    string(60) "cccccccccccccccccccccccccccccccccccccccccccccccccccccccccccc"
  }
  [1]=>
  array(2) {
    [0]=>
    int(2)
    [1]=>
    string(40) "dddddddddddddddddddddddddddddddddddddddd"
  }
  [2]=>
  array(2) {
    [0]=>
    int(3)
    [1]=>
    string(0) ""
  }
}
warning: msg_send(): msgsnd failed: Resource temporarily unavailable (error_code is now 'old')
101 bytes > msg_qbytes, queue empty: false error_code=11
100 bytes = msg_qbytes: true error_code='old'
-- msg_qbytes = 0
bool(true)
int(0)
warning: msg_send(): msgsnd failed: Resource temporarily unavailable (error_code is now 'old')
empty message, non-blocking: false error_code=11
warning: msg_send(): msgsnd failed: Resource temporarily unavailable (error_code is now 'old')
one byte, non-blocking: false error_code=11
-- removed queue (stale id)
bool(true)
warning: msg_send(): msgsnd failed: Invalid argument (error_code is now 'old')
stale, blocking: false error_code=22
warning: msg_send(): msgsnd failed: Invalid argument (error_code is now 'old')
stale, non-blocking: false error_code=22
-- without $error_code

Warning: msg_send(): msgsnd failed: Invalid argument in %s on line %d
bool(false)

Warning: msg_send(): msgsnd failed: Invalid argument in %s on line %d
bool(false)
