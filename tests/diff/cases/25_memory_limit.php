<?php
// max_message_size is allocated up front: large sizes hit memory_limit. Each fatal case runs in a
// forked child so the case itself goes on.
require __DIR__ . '/../lib.php';

ini_set('memory_limit', '128M');
$q = rsipc_new_queue();
var_dump(msg_receive($q, 0, $t, 64 * 1024 * 1024, $m, true, MSG_IPC_NOWAIT, $e), $e);
foreach ([200000000, 134217728, 268435456 - 4096, 268435456, PHP_INT_MAX, PHP_INT_MAX - 16, PHP_INT_MAX - 15] as $size) {
    echo "== $size, empty queue\n";
    $pid = rsipc_fork(function () use ($q, $size) {
        msg_receive($q, 0, $t, $size, $m, true, MSG_IPC_NOWAIT, $e);
        echo "child returned, error $e\n";
    });
    $st = rsipc_wait($pid);
    echo "child status: ", $st === 0 ? 'ok' : ($st < 0 ? 'killed by a signal' : 'exit ' . $st), "\n";
}
echo "== 200000000 with a message waiting\n";
msg_send($q, 1, 'small');
$pid = rsipc_fork(function () use ($q) {
    msg_receive($q, 0, $t, 200000000, $m, true, MSG_IPC_NOWAIT, $e);
});
$st = rsipc_wait($pid);
echo "child status: $st, queued now: ", rsipc_qnum($q), "\n";
ini_set('memory_limit', '-1');
msg_send($q, 1, 'small');
var_dump(msg_receive($q, 0, $t, 100000000, $m, true, MSG_IPC_NOWAIT, $e), $m, $e);
