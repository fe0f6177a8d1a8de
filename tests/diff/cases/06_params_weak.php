<?php
// Weak mode: every scalar parameter of every function against a matrix of argument values.
// Warnings, deprecations, exceptions and results must match.
require __DIR__ . '/../lib.php';

class Str { public function __toString(): string { return '5'; } }
$fp = fopen('php://memory', 'r');
$values = [
    'null' => null, 'true' => true, 'false' => false, '0' => 0, '1' => 1, '-1' => -1, '2' => 2,
    '1.0' => 1.0, '1.5' => 1.5, '-0.0' => -0.0, '"1"' => '1', '"1.5"' => '1.5', '" 1"' => ' 1', '"1 "' => '1 ',
    '"abc"' => 'abc', '""' => '', '"0x1A"' => '0x1A', '"1e2"' => '1e2', '"2abc"' => '2abc', 'array' => [],
    'stdClass' => new stdClass(), 'Stringable' => new Str(), 'INF' => INF, 'NAN' => NAN, '1e19' => 1e19,
    'resource' => $fp, 'PHP_INT_MIN' => PHP_INT_MIN,
];
$q = rsipc_new_queue();
$k = rsipc_new_key();
msg_get_queue($k);

function call(string $label, callable $fn): void
{
    ob_start();
    try {
        $r = $fn();
        $res = show($r);
    } catch (Throwable $e) {
        $res = get_class($e) . ': ' . $e->getMessage();
    }
    $noise = trim(ob_get_clean());
    echo $label, ' => ', $res, $noise !== '' ? "\n    " . str_replace("\n", "\n    ", $noise) : '', "\n";
}

// the key itself in different clothes (other key values would touch foreign queues)
echo "== msg_queue_exists / msg_get_queue key\n";
foreach (['int' => $k, 'string' => (string) $k, 'leading space' => " $k", 'trailing space' => "$k ",
          'float' => (float) $k, 'string e' => sprintf('%.9e', $k),
          'trailing text' => "{$k}abc", 'Stringable' => new Str(), 'array' => [$k], 'object' => new stdClass()] as $name => $v) {
    call("exists $name", fn () => msg_queue_exists($v));
    call("get $name", fn () => msg_get_queue($v) instanceof SysvMessageQueue);
}
echo "== msg_get_queue permissions (existing queue)\n";
foreach ($values as $name => $v) {
    call("perms $name", fn () => msg_get_queue($k, $v) instanceof SysvMessageQueue);
}
echo "== msg_send message_type\n";
foreach ($values as $name => $v) {
    call("type $name", fn () => [msg_send($q, $v, 'm', true, false, $e), $e ?? null]);
    rsipc_drain($q);
}
echo "== msg_send message, serialize=false\n";
foreach ($values as $name => $v) {
    call("raw $name", fn () => [msg_send($q, 1, $v, false, false), rsipc_drain($q)]);
}
echo "== msg_send serialize\n";
foreach ($values as $name => $v) {
    call("serialize $name", fn () => [msg_send($q, 1, 'm', $v, false), rsipc_drain($q)]);
}
echo "== msg_send blocking\n";
foreach ($values as $name => $v) {
    call("blocking $name", fn () => [msg_send($q, 1, 'm', true, $v), rsipc_drain($q)]);
}
echo "== msg_receive desired_message_type (non-blocking)\n";
foreach ($values as $name => $v) {
    msg_send($q, 1, 'one');
    call("desired $name", fn () => [msg_receive($q, $v, $t, 100, $m, true, MSG_IPC_NOWAIT, $e), $t, $m, $e]);
    rsipc_drain($q);
}
echo "== msg_receive max_message_size\n";
foreach ($values as $name => $v) {
    msg_send($q, 1, 'one');
    $t = $m = $e = 'untouched';
    call("max $name", fn () => [msg_receive($q, 0, $t, $v, $m, true, MSG_IPC_NOWAIT, $e), $t, $m, $e]);
    rsipc_drain($q);
}
echo "== msg_receive unserialize\n";
foreach ($values as $name => $v) {
    msg_send($q, 1, 'one');
    call("unserialize $name", fn () => [msg_receive($q, 0, $t, 100, $m, $v, MSG_IPC_NOWAIT, $e), $m]);
    rsipc_drain($q);
}
echo "== msg_receive flags (a message is always waiting)\n";
foreach ($values as $name => $v) {
    msg_send($q, 1, 'one');
    call("flags $name", fn () => [msg_receive($q, 0, $t, 100, $m, true, $v, $e), $m, $e]);
    rsipc_drain($q);
}
echo "== queue and data parameters\n";
foreach ($values as $name => $v) {
    call("send queue $name", fn () => msg_send($v, 1, 'x'));
    call("stat queue $name", fn () => msg_stat_queue($v));
    call("set data $name", fn () => msg_set_queue($q, $v));
}
var_dump(rsipc_qnum($q));
