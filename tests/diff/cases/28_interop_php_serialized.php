<?php
// Wire interop between the two implementations, serialized messages, both directions:
// this side sends and a peer process running the OTHER implementation receives, then the reverse.
require __DIR__ . '/../lib.php';

$k = rsipc_new_key();
$q = msg_get_queue($k);
$classes = <<<'PHP'
enum Suit: string { case Clubs = 'C'; }
class Point { public $x = 1; protected $y = 2; private $z = 3; }
class Custom { public $v = 0; public function __serialize(): array { return ['v2' => $this->v * 2]; }
    public function __unserialize(array $d): void { $this->v = $d['v2'] / 2; } }
function values(): array {
    $c = new Custom(); $c->v = 21;
    return ['', 'plain', "nul\0inside", str_repeat('x', 3000), 0, -42, PHP_INT_MAX, 1.25, -0.0, 1e300, INF, true, false, null,
        [1, 'two', [3]], ['k' => ['n' => null]], (object) ['p' => 'q'], new Point(), $c, Suit::Clubs, 'ü€😀'];
}
PHP;
eval($classes);

echo "== this side sends, the other implementation receives\n";
foreach (values() as $i => $v) {
    msg_send($q, $i + 1, $v);
}
echo run_php(php_other(), "<?php\n" . $classes . <<<'PHP'

$q = msg_get_queue((int) $argv[1]);
while (msg_receive($q, 0, $t, 8192, $m, true, MSG_IPC_NOWAIT, $e)) {
    echo $t, ' ', md5(serialize($m)), ' ', is_object($m) ? get_class($m) : gettype($m), "\n";
}
echo "peer done, error $e\n";
PHP, $k);
echo "== expected\n";
foreach (values() as $i => $v) {
    echo $i + 1, ' ', md5(serialize($v)), ' ', is_object($v) ? get_class($v) : gettype($v), "\n";
}

echo "== the other implementation sends, this side receives\n";
echo run_php(php_other(), "<?php\n" . $classes . <<<'PHP'

$q = msg_get_queue((int) $argv[1]);
foreach (values() as $i => $v) {
    if (!msg_send($q, 100 + $i, $v)) {
        echo "send $i failed\n";
    }
}
echo "peer sent ", count(values()), "\n";
PHP, $k);
$n = 0;
while (msg_receive($q, 0, $t, 8192, $m, true, MSG_IPC_NOWAIT, $e)) {
    $want = values()[$t - 100];
    $same = serialize($m) === serialize($want);
    echo $t, ' ', $same ? 'same' : 'DIFFERENT', ' ', is_object($m) ? get_class($m) : gettype($m), "\n";
    $n++;
}
echo "received $n, error $e\n";
echo "== raw view of what the other implementation sent\n";
echo run_php(php_other(), "<?php\n" . $classes . <<<'PHP'

$q = msg_get_queue((int) $argv[1]);
msg_send($q, 7, values()[17]);
msg_send($q, 8, values()[19]);
PHP, $k);
foreach (rsipc_drain($q) as [$t, $raw]) {
    echo $t, ' ', rsipc_bytes($raw), "\n";
}
