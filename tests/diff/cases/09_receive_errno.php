<?php
// msg_receive() failures: no warning, refs set to 0 / false / errno; ValueError for max <= 0.
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue();
function r(string $what, SysvMessageQueue $q, int $desired, int $max, bool $unser, int $flags): void
{
    $t = 'old'; $m = 'old'; $e = 'old';
    try {
        $ret = msg_receive($q, $desired, $t, $max, $m, $unser, $flags, $e);
        echo "$what: ", var_export($ret, true);
    } catch (Throwable $ex) {
        echo "$what: ", get_class($ex), ': ', $ex->getMessage();
    }
    echo ' | ', show($t), ' ', show($m), ' ', show($e), ' | queued ', rsipc_qnum($q), "\n";
}
r('empty nowait', $q, 0, 10, true, MSG_IPC_NOWAIT);
r('empty nowait except', $q, 1, 10, true, MSG_IPC_NOWAIT | MSG_EXCEPT);
msg_send($q, 4, '0123456789', false);
foreach ([1, 4, 9, 10, 11] as $max) {
    r("max $max raw", $q, 0, $max, false, MSG_IPC_NOWAIT);
    if (rsipc_qnum($q) === 0) {
        msg_send($q, 4, '0123456789', false);
    }
}
r('max 4 blocking (E2BIG does not wait)', $q, 0, 4, false, 0);
r('max 4 unserialize', $q, 0, 4, true, MSG_IPC_NOWAIT);
r('max 4 noerror', $q, 0, 4, false, MSG_NOERROR);
msg_send($q, 4, ['array', 'value']);
r('serialized, max 5, noerror, unserialize', $q, 0, 5, true, MSG_NOERROR);
foreach ([0, -1, -100, PHP_INT_MIN] as $max) {
    r("max $max", $q, 0, $max, true, MSG_IPC_NOWAIT);
}
msg_send($q, 4, 'x');
r('wrong type', $q, 5, 100, true, MSG_IPC_NOWAIT);
r('below type', $q, -3, 100, true, MSG_IPC_NOWAIT);
r('except own type', $q, 4, 100, true, MSG_IPC_NOWAIT | MSG_EXCEPT);
r('right type', $q, 4, 100, true, MSG_IPC_NOWAIT);
echo "-- removed queue\n";
msg_remove_queue($q);
r('stale', $q, 0, 100, true, 0);
r('stale nowait', $q, 0, 100, true, MSG_IPC_NOWAIT);
r('stale max 0', $q, 0, 0, true, 0);
var_dump(msg_receive($q, 0, $t, 10, $m), $t, $m);
