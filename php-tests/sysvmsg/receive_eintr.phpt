--TEST--
sysvmsg: a blocked msg_receive() interrupted by a handled signal returns false with errno 4, no warning
--EXTENSIONS--
pcntl
posix
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();
function handler(int $sig): void { echo "handler: signal ", $sig === SIGALRM ? 'SIGALRM' : ($sig === SIGUSR1 ? 'SIGUSR1' : $sig), "\n"; }

echo "-- async signals, pcntl_alarm(1)\n";
pcntl_async_signals(true);
pcntl_signal(SIGALRM, 'handler');
pcntl_alarm(1);
$start = microtime(true);
$t = 'old'; $m = 'old'; $e = 'old';
$r = msg_receive($q, 0, $t, 100, $m, true, 0, $e);
$took = microtime(true) - $start;
var_dump($r, $t, $m, $e, $e === 4);
var_dump($took > 0.5 && $took < 10);

echo "-- restart_syscalls=false makes no difference\n";
pcntl_signal(SIGALRM, 'handler', false);
pcntl_alarm(1);
var_dump(msg_receive($q, 0, $t, 100, $m, false, 0, $e), $t, $m, $e);

echo "-- a signal sent by another process, with a specific desired type and MSG_NOERROR\n";
pcntl_signal(SIGUSR1, 'handler');
$parent = getmypid();
$pid = rsipc_fork(function () use ($parent) {
    rsipc_wait_blocked($parent, 'rcv');
    posix_kill($parent, SIGUSR1);
});
var_dump(msg_receive($q, 5, $t, 100, $m, true, MSG_NOERROR, $e), $t, $m, $e);
var_dump(rsipc_wait($pid));

echo "-- synchronous signals: the handler runs only at pcntl_signal_dispatch()\n";
pcntl_async_signals(false);
$pid = rsipc_fork(function () use ($parent) {
    rsipc_wait_blocked($parent, 'rcv');
    posix_kill($parent, SIGUSR1);
});
var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e), $t, $m, $e);
echo "before dispatch\n";
pcntl_signal_dispatch();
echo "after dispatch\n";
var_dump(rsipc_wait($pid));

echo "-- the queue is untouched\n";
var_dump(rsipc_qnum($q));
rsipc_watchdog();
?>
--EXPECT--
-- async signals, pcntl_alarm(1)
handler: signal SIGALRM
bool(false)
int(0)
bool(false)
int(4)
bool(true)
bool(true)
-- restart_syscalls=false makes no difference
handler: signal SIGALRM
bool(false)
int(0)
bool(false)
int(4)
-- a signal sent by another process, with a specific desired type and MSG_NOERROR
handler: signal SIGUSR1
bool(false)
int(0)
bool(false)
int(4)
int(0)
-- synchronous signals: the handler runs only at pcntl_signal_dispatch()
bool(false)
int(0)
bool(false)
int(4)
before dispatch
handler: signal SIGUSR1
after dispatch
int(0)
-- the queue is untouched
int(0)
