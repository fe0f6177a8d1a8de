--TEST--
sysvmsg: a msg_send() blocked on a full queue and interrupted by a signal warns and returns errno 4
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();
var_dump(msg_set_queue($q, ['msg_qbytes' => 8]));
var_dump(msg_send($q, 1, '12345678', false));
function handler(int $sig): void { echo "handler ran\n"; }

pcntl_async_signals(true);
pcntl_signal(SIGALRM, 'handler');
pcntl_alarm(1);
$e = 'old';
var_dump(msg_send($q, 2, 'x', false, true, $e), $e);

echo "-- serialized, without \$error_code, restart_syscalls=false\n";
pcntl_signal(SIGALRM, 'handler', false);
pcntl_alarm(1);
var_dump(msg_send($q, 3, ['x']));

echo "-- the queue still holds only the first message\n";
var_dump(rsipc_drain($q));
rsipc_watchdog();
?>
--EXPECTF--
bool(true)
bool(true)

Warning: msg_send(): msgsnd failed: Interrupted system call in %s on line %d
handler ran
bool(false)
int(4)
-- serialized, without $error_code, restart_syscalls=false

Warning: msg_send(): msgsnd failed: Interrupted system call in %s on line %d
handler ran
bool(false)
-- the queue still holds only the first message
array(1) {
  [0]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    string(8) "12345678"
  }
}
