<?php
// Signals interrupting blocked calls: EINTR (4), handler order, sync and async signals.
require __DIR__ . '/../lib.php';

function h(int $sig): void { echo "handler ", $sig === SIGALRM ? 'ALRM' : ($sig === SIGUSR1 ? 'USR1' : $sig), "\n"; }
$q = rsipc_new_queue();
$me = getmypid();
pcntl_async_signals(true);
pcntl_signal(SIGALRM, 'h');
pcntl_alarm(1);
$t = $m = $e = 'old';
var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e), $t, $m, $e);
echo "-- SIGUSR1 from a child, restart_syscalls on and off\n";
foreach ([true, false] as $restart) {
    pcntl_signal(SIGUSR1, 'h', $restart);
    $pid = rsipc_fork(function () use ($me) {
        rsipc_wait_blocked($me, 'rcv');
        posix_kill($me, SIGUSR1);
    });
    var_dump(msg_receive($q, 3, $t, 100, $m, false, MSG_EXCEPT, $e), $t, $m, $e, rsipc_wait($pid));
}
echo "-- blocked send\n";
msg_set_queue($q, ['msg_qbytes' => 3]);
msg_send($q, 1, 'abc', false);
$pid = rsipc_fork(function () use ($me) {
    rsipc_wait_blocked($me, 'snd');
    posix_kill($me, SIGUSR1);
});
$e = 'old';
var_dump(msg_send($q, 1, 'd', false, true, $e), $e, rsipc_wait($pid));
echo "-- synchronous signals\n";
pcntl_async_signals(false);
$pid = rsipc_fork(function () use ($me) {
    rsipc_wait_blocked($me, 'snd');
    posix_kill($me, SIGUSR1);
});
var_dump(msg_send($q, 1, 'd', false, true, $e), $e);
echo "dispatching\n";
pcntl_signal_dispatch();
var_dump(rsipc_wait($pid), rsipc_drain($q));
rsipc_watchdog();
