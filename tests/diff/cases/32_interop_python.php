<?php
// Wire interop with a Python ctypes peer (tests/peers/peer.py).
require __DIR__ . '/../lib.php';

if (peer_py('drain', '1', '1') === null) {
    echo "skipped: no python3\n";
    return;
}
$k = rsipc_new_key();
$q = msg_get_queue($k);
echo "== Python -> PHP\n";
echo peer_py('send', (string) $k, '1', bin2hex('s:5:"hello";'));
echo peer_py('send', (string) $k, '2', '00ff41');
echo peer_py('send', (string) $k, '3', bin2hex(serialize(['py' => 3.5, 'list' => [1, 2]])));
echo peer_py('send', (string) $k, '4', bin2hex('plain words'));
echo peer_py('send', (string) $k, '-1', '41');
echo peer_py('send', (string) $k, '5', '-', 'nowait');
var_dump(msg_receive($q, 1, $t, 100, $m), $t, $m);
var_dump(msg_receive($q, 2, $t, 100, $m, false), $t, bin2hex($m));
var_dump(msg_receive($q, 3, $t, 100, $m), $m);
var_dump(msg_receive($q, 4, $t, 100, $m, true, 0, $e), $t, $m, $e);
var_dump(msg_receive($q, 5, $t, 100, $m, false, 0, $e), $t, $m, $e);
echo "== PHP -> Python\n";
msg_send($q, 10, 'hello');
msg_send($q, 11, "\x00\xff\x41", false);
msg_send($q, 12, 2.25, false);
msg_send($q, 0x123456789, ['k' => true]);
echo peer_py('recv', (string) $k, '11', '100', 'nowait');
echo peer_py('recv', (string) $k, '-11', '100', 'nowait');
echo peer_py('recv', (string) $k, '0', '3', 'nowait');
echo peer_py('recv', (string) $k, '0', '3', 'nowait', 'noerror');
echo peer_py('drain', (string) $k, '100');
echo "== C and Python agree\n";
msg_send($q, 77, ['same' => 'bytes']);
msg_send($q, 77, ['same' => 'bytes']);
$c = peer_c('recv', (string) $k, '77', '100', 'nowait');
$py = peer_py('recv', (string) $k, '77', '100', 'nowait');
echo $py;
var_dump($c === null || $c === $py);
