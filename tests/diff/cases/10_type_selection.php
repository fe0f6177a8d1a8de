<?php
// Which message msgrcv picks for every desired type and flag combination.
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue();
$types = [7, 3, 1, 9, 3, 2, 8, 1, 5, 0x100000000, PHP_INT_MAX];
foreach ([0, 1, 2, 3, 4, 6, 7, 9, 10, -1, -2, -3, -5, -8, -9, -100, PHP_INT_MIN, PHP_INT_MAX, -PHP_INT_MAX, 0x100000000, -0x100000000] as $d) {
    foreach ([0, MSG_EXCEPT] as $flags) {
        foreach ($types as $i => $t) {
            msg_send($q, $t, "$i", false);
        }
        $got = [];
        while (msg_receive($q, $d, $t, 10, $m, false, $flags | MSG_IPC_NOWAIT, $e)) {
            $got[] = "$t/$m";
        }
        $rest = array_map(fn ($x) => $x[0] . '/' . $x[1], rsipc_drain($q));
        printf("%d%s: [%s] err %d rest [%s]\n", $d, $flags ? ' except' : '', implode(' ', $got), $e, implode(' ', $rest));
    }
}
