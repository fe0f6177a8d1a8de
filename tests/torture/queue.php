<?php
// Queue torture: a producer streams numbered messages into a small queue (so it blocks when the
// queue is full) while readers are SIGKILLed at random moments and replaced, and both sides are
// interrupted by handled signals (EINTR) all along. At the end: no message was received twice,
// and every message was received or is still queued, except at most one per killed reader (taken
// off the queue by the kernel just before the kill, before the reader could log it). Finally the
// queue is removed under a blocked reader, which must see EIDRM.
// Usage: php -n -d extension=rsipc.so -d extension=posix tests/torture/queue.php <seconds>

$seconds = (float)($argv[1] ?? 5);
pcntl_async_signals(true);
$key = 0x52530000 | ((getmypid() * 31 + 7) & 0xffff);
if (msg_queue_exists($key)) { msg_remove_queue(msg_get_queue($key)); }
$q = msg_get_queue($key, 0600);
msg_set_queue($q, ['msg_qbytes' => 2048]);   // fills up fast: the producer blocks often
$log = tempnam(sys_get_temp_dir(), 'rsipc-qt');
$parent = getmypid();
register_shutdown_function(function () use ($q, $log, $parent) {
    if (getmypid() === $parent) { @msg_remove_queue($q); @unlink($log); }
});

function reader($q, string $log): void
{
    pcntl_signal(SIGUSR1, function () {});
    $fh = fopen($log, 'a');
    while (true) {
        if (msg_receive($q, 0, $type, 64, $m, false, 0, $err)) {
            fwrite($fh, "$m\n");
            fflush($fh);
        } elseif ($err === 43 || $err === 22) {
            exit(43);   // the queue is gone
        } elseif ($err !== 4) {
            fwrite(STDERR, "reader: msg_receive failed with $err\n");
            exit(1);
        }
    }
}

$producer = pcntl_fork();
if ($producer === 0) {
    pcntl_signal(SIGUSR1, function () {});
    // SIGTERM only asks the loop to stop: exiting from the handler could land between a
    // msg_send() that succeeded and the line that counts it, and the message would look unsent
    $stop = false;
    pcntl_signal(SIGTERM, function () use (&$stop) { $stop = true; });
    $n = 0;
    while (!$stop) {
        set_error_handler(fn() => true);   // "Interrupted system call" warnings are expected
        $ok = msg_send($q, 1 + $n % 3, (string)$n, false, true, $err);
        restore_error_handler();
        if ($ok) {
            $n++;
            file_put_contents($log . '.sent', (string)$n);
        } elseif ($err !== 4) {
            exit(0);   // the queue is gone
        }
    }
    exit(0);
}
$spawn = function () use ($q, $log) {
    $pid = pcntl_fork();
    if ($pid === 0) { reader($q, $log); }
    return $pid;
};
$reader = $spawn();
$kills = 0;
$interrupts = 0;
$end = microtime(true) + $seconds;
while (microtime(true) < $end) {
    usleep(mt_rand(500, 5000));
    if (mt_rand(0, 2) === 0) {
        posix_kill($reader, SIGKILL);
        pcntl_waitpid($reader, $st);
        $kills++;
        $reader = $spawn();
    } else {
        posix_kill(mt_rand(0, 1) ? $reader : $producer, SIGUSR1);
        $interrupts++;
    }
}
// stop the producer, let the reader drain, then remove the queue under the blocked reader
posix_kill($producer, SIGTERM);
pcntl_waitpid($producer, $st);
$sent = (int)file_get_contents($log . '.sent');
$deadline = microtime(true) + 10;
while (msg_stat_queue($q)['msg_qnum'] > 0 && microtime(true) < $deadline) { usleep(1000); }
usleep(20000);
msg_remove_queue($q);
pcntl_waitpid($reader, $st);
$readerExit = pcntl_wifexited($st) ? pcntl_wexitstatus($st) : -1;

$got = array_map('intval', file($log, FILE_IGNORE_NEW_LINES));
$counts = array_count_values($got);
$dups = array_filter($counts, fn($c) => $c > 1);
$missing = $sent - count($counts);
$fail = [];
if ($dups) { $fail[] = count($dups) . ' messages received twice'; }
if (max($got ?: [0]) >= $sent) { $fail[] = 'received a message that was never sent'; }
if ($missing > $kills) { $fail[] = "$missing messages lost, more than the $kills killed readers can explain"; }
if ($readerExit !== 43) { $fail[] = "the blocked reader did not see the queue removed (exit $readerExit)"; }
@unlink($log . '.sent');
printf("queue torture: %.0f s, %d messages, %d reader kills, %d signal interruptions, %d unaccounted (<= kills), %s\n",
    $seconds, $sent, $kills, $interrupts, $missing, $fail ? implode('; ', $fail) : 'no duplicates, nothing lost');
exit($fail ? 1 : 0);
