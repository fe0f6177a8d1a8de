<?php
// Every value of the low flag bits and some high ones, against a fixed queue content.
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue();
foreach (array_merge(range(-9, 17), [0x7ff, 0x800, 0x1000, 0x2000, 0x4000, 1 << 31, 1 << 32, PHP_INT_MAX, PHP_INT_MIN, PHP_INT_MIN | 1]) as $flags) {
    foreach ([[2, 4], [5, 100], [0, 4]] as [$desired, $max]) {
        msg_send($q, 2, 'two-two', false);
        msg_send($q, 5, 'five', false);
        $r = msg_receive($q, $desired, $t, $max, $m, false, $flags | MSG_IPC_NOWAIT, $e);
        $left = implode(',', array_map(fn ($x) => $x[0] . ':' . $x[1], rsipc_drain($q)));
        printf("flags %d desired %d max %d: %s %d %s %d | left %s\n", $flags, $desired, $max, var_export($r, true), $t, show($m), $e, $left);
    }
}
echo "-- without forcing MSG_IPC_NOWAIT (a matching message is always there)\n";
foreach ([0, 2, 4, 6, -1 & ~MSG_IPC_NOWAIT] as $flags) {
    msg_send($q, 2, 'two-two', false);
    msg_send($q, 5, 'five', false);
    $r = msg_receive($q, 5, $t, 100, $m, false, $flags, $e);
    printf("flags %d: %s %d %s %d | left %d\n", $flags, var_export($r, true), $t, show($m), $e, rsipc_qnum($q));
    rsipc_drain($q);
}
