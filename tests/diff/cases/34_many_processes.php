<?php
// Several writer processes and one reader; a full queue forces the writers to wait. Per-writer
// order and every payload must survive.
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue();
msg_set_queue($q, ['msg_qbytes' => 2048]);
$writers = [];
for ($w = 1; $w <= 3; $w++) {
    $writers[] = rsipc_fork(function () use ($q, $w) {
        for ($i = 0; $i < 120; $i++) {
            $v = ['w' => $w, 'i' => $i, 'pad' => str_repeat(chr(64 + $w), ($i * 37) % 300)];
            if (!msg_send($q, $w, $i % 2 ? $v : serialize($v), (bool) ($i % 2))) {
                return 1;
            }
        }
        return 0;
    });
}
$next = [1 => 0, 2 => 0, 3 => 0];
$bad = 0;
for ($n = 0; $n < 360; $n++) {
    if (!msg_receive($q, 0, $t, 1000, $m, false, 0, $e)) {
        echo "receive failed: $e\n";
        break;
    }
    $v = unserialize($m);
    if ($v['w'] !== $t || $v['i'] !== $next[$t] || strlen($v['pad']) !== ($v['i'] * 37) % 300) {
        $bad++;
    }
    $next[$t]++;
}
$status = array_map('rsipc_wait', $writers);
var_dump($bad, $next, $status, rsipc_qnum($q));
