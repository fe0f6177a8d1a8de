--TEST--
sysvmsg: many messages between two processes keep their order and content
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();
$n = 300;
$pid = rsipc_fork(function () use ($q, $n) {
    for ($i = 1; $i <= $n; $i++) {
        // mixed types and sizes; the queue fills up, so the sender has to wait for the reader
        $payload = $i % 3 === 0 ? ['i' => $i, 'pad' => str_repeat('p', $i * 13 % 900)] : ($i % 3 === 1 ? "s$i" : $i * 1.5);
        if (!msg_send($q, 1 + $i % 4, $payload, $i % 2 === 0 || is_array($payload))) {
            return 1;
        }
    }
    msg_send($q, 9, 'done');
    return 0;
});
$bad = 0;
$byType = [];
for ($i = 1; $i <= $n; $i++) {
    $ser = $i % 2 === 0 || $i % 3 === 0;
    if (!msg_receive($q, 0, $t, 2048, $m, $ser, 0, $e)) {
        echo "receive $i failed: $e\n";
        break;
    }
    $want = $i % 3 === 0 ? ['i' => $i, 'pad' => str_repeat('p', $i * 13 % 900)] : ($i % 3 === 1 ? "s$i" : $i * 1.5);
    if (!$ser) {
        $want = is_float($want) ? sprintf('%F', $want) : $want;
    }
    if ($t !== 1 + $i % 4 || $m !== $want) {
        $bad++;
    }
    $byType[$t] = ($byType[$t] ?? 0) + 1;
}
ksort($byType);
var_dump($bad, $byType);
var_dump(msg_receive($q, 9, $t, 100, $m), $m, rsipc_wait($pid), rsipc_qnum($q));
?>
--EXPECT--
int(0)
array(4) {
  [1]=>
  int(75)
  [2]=>
  int(75)
  [3]=>
  int(75)
  [4]=>
  int(75)
}
bool(true)
string(4) "done"
int(0)
int(0)
