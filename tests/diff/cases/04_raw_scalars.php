<?php
// serialize=false: strings raw, ints in decimal, bools as "1"/"0".
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue();
foreach (['abc', '', "\0\0", "a\0b", "\xff\xfe", '007', '-0', 0, -0, 1, -1, 42, PHP_INT_MAX, PHP_INT_MIN, true, false] as $v) {
    var_dump(msg_send($q, 3, $v, false));
    var_dump(msg_receive($q, 0, $t, 100, $m, false, MSG_IPC_NOWAIT, $e));
    echo show($v), ' => ', show($m), " type $t err $e\n";
}
// received with unserialize=true, raw text that happens to be valid or not
foreach (['i:1;', 'N;', 'b:1;', '1', '', 'a:0:{}'] as $raw) {
    msg_send($q, 3, $raw, false);
    $r = msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e);
    echo show($raw), ' => ', var_export($r, true), ' ', show($m), " err $e\n";
}
