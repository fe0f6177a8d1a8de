<?php
// A raw msg_send() of a large string allocates the payload plus the original's 16-byte header
// from PHP's heap: at memory_limit the fatal error names the same size (the lengths are those
// whose size with a smaller header would round to one page less). Run in a forked child so the
// case goes on.
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue();
foreach ([3145710, 3145713, 3145720] as $len) {
    echo "== raw string of $len bytes\n";
    $pid = rsipc_fork(function () use ($q, $len) {
        $s = str_repeat('x', $len);
        ini_set('memory_limit', '7M');
        msg_send($q, 1, $s, false, false, $e);
        echo "child returned, error $e\n";
    });
    $st = rsipc_wait($pid);
    echo "child status: ", $st === 0 ? 'ok' : 'exit ' . $st, ", queued: ", rsipc_qnum($q), "\n";
}
