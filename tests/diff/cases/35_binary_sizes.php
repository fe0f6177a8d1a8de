<?php
// Raw payloads of many sizes and byte patterns, through this side and the other implementation.
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue();
$msgmax = (int) file_get_contents('/proc/sys/kernel/msgmax');
$sizes = [0, 1, 2, 7, 8, 9, 15, 16, 17, 31, 32, 33, 255, 256, 257, 1000, 4095, 4096, 4097, $msgmax - 1, $msgmax];
function pattern(int $n, int $seed): string
{
    $s = '';
    for ($i = 0; $i < $n; $i++) {
        $s .= chr(($i * 131 + $seed * 17 + ($i >> 3)) & 0xff);
    }
    return $s;
}
foreach ($sizes as $i => $n) {
    $p = pattern($n, $i);
    msg_send($q, 1, $p, false);
    msg_receive($q, 0, $t, $msgmax, $m, false, MSG_IPC_NOWAIT, $e);
    msg_send($q, 2, $p);
    msg_receive($q, 0, $t2, $msgmax, $m2, true, MSG_IPC_NOWAIT, $e2);
    echo "$n: raw ", $m === $p ? 'ok' : 'DIFFERENT', ', serialized ', $n + strlen((string) $n) + 6 > $msgmax ? 'too big' : ($m2 === $p ? 'ok' : 'DIFFERENT'),
        ' ', md5($p), "\n";
}
echo "== the other implementation reads what this side wrote\n";
$k = rsipc_new_key();
$q2 = msg_get_queue($k);
foreach ([0, 1, 255, 4097, $msgmax] as $i => $n) {
    msg_send($q2, $i + 1, pattern($n, $i), false);
}
echo run_php(php_other(), <<<'PHP'
<?php
$q = msg_get_queue((int) $argv[1]);
while (msg_receive($q, 0, $t, (int) $argv[2], $m, false, MSG_IPC_NOWAIT)) {
    echo $t, ' ', strlen($m), ' ', md5($m), "\n";
}
PHP, $k, $msgmax);
