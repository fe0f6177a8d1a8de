<?php
// Received payloads through unserialize: valid, trailing bytes, corrupted (only failures detected
// inside the payload: a cut payload would let the parser read past the received bytes), side
// effects of classes, callbacks and depth limits.
require __DIR__ . '/../lib.php';

enum E: int { case One = 1; }
class W { public $v; public function __wakeup() { echo "W::__wakeup v=", $this->v, "\n"; } }
class WT { public function __wakeup() { throw new DomainException('wakeup refused'); } }
class U { public $d; public function __unserialize(array $d): void { echo "U::__unserialize ", json_encode($d), "\n"; $this->d = $d; } }
class UT { public function __unserialize(array $d): void { throw new UnexpectedValueException('bad'); } }
class D { public function __destruct() { echo "D::__destruct\n"; } }
function cb($c) { echo "cb($c)\n"; if ($c === 'Late') { eval('class Late { public $x; }'); } }

$q = rsipc_new_queue();
function u(SysvMessageQueue $q, string $raw): void
{
    msg_send($q, 2, $raw, false);
    $t = $m = $e = 'old';
    try {
        $r = msg_receive($q, 0, $t, 4096, $m, true, MSG_IPC_NOWAIT, $e);
        $how = var_export($r, true);
    } catch (Throwable $ex) {
        $how = get_class($ex) . ': ' . $ex->getMessage();
    }
    echo show($raw), " => $how | t=", show($t), ' e=', show($e), ' m=', is_object($m) ? get_class($m) . ' ' . json_encode($m) : show($m),
        ' | queued ', rsipc_qnum($q), "\n";
}
ini_set('unserialize_callback_func', 'cb');
foreach ([
    'i:1;', 'i:-0;', 'i:+5;', 'i:1;trailing', 'd:0.5;', 'd:1e3;', 'd:-INF;', 'd:NAN;x', 'b:0;', 'b:1;', 'N;', 's:0:"";',
    's:3:"a"c";', 'S:1:"\61";', 'a:0:{}', 'a:1:{i:0;a:0:{}}', 'a:2:{i:0;i:1;i:0;i:2;}', 'a:1:{s:1:"k";R:1;}',
    'O:8:"stdClass":1:{s:1:"p";i:1;}', 'O:1:"W":1:{s:1:"v";i:9;}', 'O:2:"WT":0:{}', 'O:1:"U":1:{i:0;i:1;}', 'O:2:"UT":0:{}',
    'O:4:"Gone":0:{}', 'O:4:"Late":1:{s:1:"x";i:1;}', 'E:5:"E:One";', 'E:5:"E:Two";', 'E:7:"Nope:No";', 'a:1:{i:0;O:1:"D":0:{}}',
    'O:16:"SysvMessageQueue":0:{}', 'O:9:"Exception":0:{}', 'x', '', ' i:1;', 'b:2;', 's:5:"abc";', 'a:1:{i:0;i:1;X',
    'a:-1:{}', 'O:-1:"":0:{}', 'r:1;', 'R:1;', 'C:8:"stdClass":0:{}', 'i:99999999999999999999;', 'd:1e999;',
] as $raw) {
    u($q, $raw);
}
echo "-- depth\n";
ini_set('unserialize_max_depth', '3');
u($q, serialize([[[1]]]));
u($q, serialize([[[[1]]]]));
u($q, serialize([(object) ['a' => [(object) []]]]));
ini_set('unserialize_max_depth', '0');
u($q, serialize([[[[[[1]]]]]]));
echo "-- callback not callable\n";
ini_set('unserialize_callback_func', 'missing_cb');
u($q, 'O:5:"Gone2":0:{}');
ini_set('unserialize_callback_func', '');
u($q, 'O:5:"Gone3":0:{}');
echo "-- unserialize=false keeps the bytes\n";
msg_send($q, 1, ['x' => new W()]);
var_dump(msg_receive($q, 0, $t, 100, $m, false), $m);
echo "done\n";
