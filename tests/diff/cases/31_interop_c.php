<?php
// Wire bytes against a raw C peer (tests/peers/peer.c): what PHP puts on the wire (native long
// mtype + payload, no NUL) and what PHP makes of bytes sent by C.
require __DIR__ . '/../lib.php';

if (peer_c('drain', '1', '1') === null) {
    echo "skipped: no C peer (no C compiler)\n";
    return;
}
$k = rsipc_new_key();
$q = msg_get_queue($k);

echo "== PHP -> C\n";
msg_send($q, 1, 'hello');
msg_send($q, 2, 'abc', false);
msg_send($q, 3, "hi\0there");
msg_send($q, 4, 42);
msg_send($q, 5, 1.5);
msg_send($q, 6, -0.0, false);
msg_send($q, 7, true, false);
msg_send($q, 8, ['a' => [1, null]]);
msg_send($q, 9, '', false);
msg_send($q, 0x100000001, 'big type', false);
msg_send($q, PHP_INT_MAX, 'max type', false);
msg_send($q, 0x7f, NAN);
echo peer_c('drain', (string) $k, '100');

echo "== C -> PHP, raw\n";
foreach ([['5', '00ff41'], ['6', '-'], ['7', '0a0d0900'], ['0x100000000', '41'], ['9223372036854775807', '42']] as [$t, $hex]) {
    echo peer_c('send', (string) $k, $t, $hex);
}
while (msg_receive($q, 0, $t, 100, $m, false, MSG_IPC_NOWAIT, $e)) {
    echo $t, ' ', show($m), "\n";
}
echo "error $e\n";

echo "== C -> PHP, unserialized\n";
foreach (['a:1:{i:0;s:3:"foo";}', 's:5:"hello";', 'd:0.5;', 'b:1;', 'foreign text', 'N;'] as $i => $text) {
    echo peer_c('send', (string) $k, (string) ($i + 1), bin2hex($text));
}
for ($i = 0; $i < 7; $i++) {
    $r = msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e);
    echo var_export($r, true), " $t ", show($m), " $e\n";
}

echo "== C receive options on PHP messages\n";
msg_send($q, 3, 'three');
msg_send($q, 1, 'one', false);
msg_send($q, 2, str_repeat('2', 40), false);
echo peer_c('recv', (string) $k, '2', '10', 'nowait');
echo peer_c('recv', (string) $k, '2', '10', 'nowait', 'noerror');
echo peer_c('recv', (string) $k, '3', '100', 'nowait', 'except');
echo peer_c('recv', (string) $k, '-5', '100', 'nowait');
echo peer_c('recv', (string) $k, '0', '100', 'nowait');

echo "== a full 8192-byte message\n";
$big = '';
for ($i = 0; $i < 8192; $i++) {
    $big .= chr(($i * 7) & 0xff);
}
msg_send($q, 11, $big, false);
$out = peer_c('recv', (string) $k, '11', '8192', 'nowait');
[, $mt, , $len, , $wire, $payload] = explode(' ', trim($out));
echo "mtype $mt len $len wire $wire, payload ", hex2bin($payload) === $big ? 'identical' : 'DIFFERENT', "\n";
echo peer_c('send', (string) $k, '12', bin2hex($big));
var_dump(msg_receive($q, 12, $t, 8192, $m, false, MSG_IPC_NOWAIT), $m === $big);

echo "== C blocks, PHP sends\n";
$p = proc_open([getenv('RSIPC_PEER_C'), 'recv', (string) $k, '21', '100'], [1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
rsipc_wait_blocked(proc_get_status($p)['pid'], 'rcv');
msg_send($q, 20, 'not this one');
msg_send($q, 21, ['wake' => 'up']);
echo stream_get_contents($pipes[1]);
fclose($pipes[1]);
proc_close($p);
echo peer_c('drain', (string) $k, '100');
