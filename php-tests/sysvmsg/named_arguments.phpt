--TEST--
sysvmsg: named arguments use the PHP 8 parameter names; the PHP 7 names are unknown
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

function attempt(string $what, callable $fn): void
{
    try {
        $r = $fn();
        echo "$what: ", var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$k = rsipc_new_key();
attempt('get', fn () => msg_get_queue(permissions: 0600, key: $k) instanceof SysvMessageQueue);
$q = msg_get_queue($k);
printf("mode %o\n", msg_stat_queue(queue: $q)['msg_perm.mode']);
attempt('exists', fn () => msg_queue_exists(key: $k));

attempt('send', fn () => msg_send(message: 'named', message_type: 3, queue: $q));
attempt('send skipping defaults', fn () => msg_send($q, 4, 'raw', blocking: false, serialize: false));
var_dump(@msg_send($q, 0, 'x', error_code: $err), $err);
attempt('receive', fn () => [msg_receive(queue: $q, desired_message_type: 3, received_message_type: $t,
    max_message_size: 100, message: $m), $t, $m]);
attempt('receive skipping defaults', fn () => [msg_receive($q, 0, $t, 100, $m, flags: MSG_IPC_NOWAIT,
    error_code: $e2, unserialize: false), $t, $m, $e2]);
attempt('receive, error_code only', fn () => [msg_receive($q, 0, $t, 100, $m, error_code: $e3, flags: 1), $e3]);
attempt('set', fn () => msg_set_queue(data: ['msg_qbytes' => 12345], queue: $q));
echo 'qbytes ', msg_stat_queue($q)['msg_qbytes'], "\n";

echo "-- PHP 7 names\n";
attempt('get perms', fn () => msg_get_queue($k, perms: 0600));
attempt('send msgtype', fn () => msg_send($q, msgtype: 1, message: 'x'));
attempt('send errorcode', fn () => msg_send($q, 1, 'x', errorcode: $e));
attempt('receive desiredmsgtype', fn () => msg_receive($q, desiredmsgtype: 0, msgtype: $t, maxsize: 10, message: $m));
attempt('receive maxsize', fn () => msg_receive($q, 0, $t, maxsize: 10, message: $m));
attempt('receive option', fn () => msg_receive($q, 0, $t, 10, $m, true, option: 0));
attempt('set data', fn () => msg_set_queue($q, info: []));
attempt('stat queue', fn () => msg_stat_queue(msg_queue: $q));

echo "-- misuse\n";
attempt('duplicate', fn () => msg_queue_exists($k, key: $k));
attempt('missing required', fn () => msg_send($q, message: 'x'));
attempt('positional after named', fn () => msg_get_queue(...['key' => $k, 0600]));
attempt('spread with string keys', fn () => msg_send(...['queue' => $q, 'message_type' => 5, 'message' => 'spread']));
var_dump(rsipc_drain($q));
?>
--EXPECT--
get: true
mode 600
exists: true
send: true
send skipping defaults: true
bool(false)
int(22)
receive: array (
  0 => true,
  1 => 3,
  2 => 'named',
)
receive skipping defaults: array (
  0 => true,
  1 => 4,
  2 => 'raw',
  3 => 0,
)
receive, error_code only: array (
  0 => false,
  1 => 42,
)
set: true
qbytes 12345
-- PHP 7 names
get perms: Error: Unknown named parameter $perms
send msgtype: Error: Unknown named parameter $msgtype
send errorcode: Error: Unknown named parameter $errorcode
receive desiredmsgtype: Error: Unknown named parameter $desiredmsgtype
receive maxsize: Error: Unknown named parameter $maxsize
receive option: Error: Unknown named parameter $option
set data: Error: Unknown named parameter $info
stat queue: Error: Unknown named parameter $msg_queue
-- misuse
duplicate: Error: Named parameter $key overwrites previous argument
missing required: ArgumentCountError: msg_send(): Argument #2 ($message_type) not passed
positional after named: Error: Cannot use positional argument after named argument during unpacking
spread with string keys: true
array(1) {
  [0]=>
  array(2) {
    [0]=>
    int(5)
    [1]=>
    string(13) "s:6:"spread";"
  }
}
