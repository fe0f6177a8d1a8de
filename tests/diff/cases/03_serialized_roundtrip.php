<?php
// Serialized messages: the payload is exactly serialize() output and comes back unchanged.
require __DIR__ . '/../lib.php';

enum Suit: string { case Hearts = 'H'; }
enum Pure { case A; }
class P { public $a = 1; protected $b = [2]; private $c = 'three'; }
class S { public $x = 1; public function __serialize(): array { return ['y' => 2]; } public function __unserialize(array $d): void { $this->x = $d; } }

$q = rsipc_new_queue();
$values = ['', 'hello', "bin\0\xff\x01", str_repeat('é', 100), 0, -1, PHP_INT_MAX, PHP_INT_MIN, 0.1, -0.0, 1e100, 1.5e-300,
    INF, -INF, true, false, null, [], [1, 2, 3], ['k' => ['n' => null]], [PHP_INT_MAX => 'x', -5 => 'y'],
    (object) ['a' => 1], new P(), new S(), Suit::Hearts, Pure::A, new ArrayObject([1, 2]), new SplFixedArray(2),
    new DateTimeImmutable('2001-02-03 04:05:06 UTC')];
foreach ($values as $i => $v) {
    $ok1 = msg_send($q, 1 + $i, $v);
    $ok2 = msg_send($q, 1 + $i, $v);
    msg_receive($q, 1 + $i, $t, 4096, $raw, false);
    msg_receive($q, 1 + $i, $t2, 4096, $back, true);
    echo $i, ': ', var_export($ok1 && $ok2, true), ' ', $t === $t2 ? 'type ok' : 'type differs', ' ', rsipc_bytes($raw),
        ' same-as-serialize=', var_export($raw === serialize($v), true), "\n";
    echo '   back: ', str_replace("\n", ' ', print_r($back, true)), "\n";
}
msg_send($q, 1, NAN);
msg_receive($q, 1, $t, 100, $back);
var_dump(is_nan($back));
$fp = fopen('php://memory', 'r');
msg_send($q, 1, [$fp]);
msg_receive($q, 1, $t, 100, $raw, false);
var_dump($raw);
ini_set('serialize_precision', '17');
msg_send($q, 1, [0.1, 1/3]);
msg_receive($q, 1, $t, 100, $raw, false);
var_dump($raw);
var_dump(rsipc_qnum($q));
