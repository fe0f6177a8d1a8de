<?php
// Typed references as by-ref arguments: every received value against every property type.
require __DIR__ . '/../lib.php';

class T {
    public string $s = 's'; public int $i = 0; public float $f = 0.0; public bool $b = false; public ?int $ni = null;
    public array $a = []; public int|string $is = 0; public mixed $mx = null; public ?stdClass $o = null;
    public iterable $it = []; public string|bool $sb = ''; public float|array $fa = 0.0;
}
$props = array_keys(get_class_vars('T'));
$q = rsipc_new_queue();
$payloads = ['int' => 123, 'numeric string' => '42', 'float string' => '1.5', 'string' => 'abc', 'float' => 2.5,
    'integral float' => 3.0, 'true' => true, 'false' => false, 'null' => null, 'array' => [1], 'object' => new stdClass(),
    'empty string' => ''];
function chain(Throwable $e): string
{
    $s = [];
    for (; $e; $e = $e->getPrevious()) {
        $s[] = get_class($e) . ': ' . $e->getMessage();
    }
    return implode(' <- ', $s);
}
foreach ($payloads as $pname => $payload) {
    foreach ($props as $p) {
        $o = new T();
        msg_send($q, 5, $payload);
        try {
            $r = var_export(msg_receive($q, 0, $o->$p, 100, $o->$p, true, 0, $o->$p), true);
        } catch (Throwable $e) {
            $r = chain($e);
        }
        echo "$pname -> $p (type, message and error in one): $r => ", show($o->$p), "\n";
        $o = new T();
        msg_send($q, 5, $payload);
        try {
            $r = var_export(msg_receive($q, 0, $t, 100, $o->$p), true);
        } catch (Throwable $e) {
            $r = chain($e);
        }
        echo "$pname -> $p (message): $r => ", show($o->$p), "\n";
    }
}
echo "-- failure values (type 0, message false, errno) into each type\n";
foreach ($props as $p) {
    $o = new T();
    try {
        $r = var_export(msg_receive($q, 0, $o->$p, 100, $o->$p, true, MSG_IPC_NOWAIT, $o->$p), true);
    } catch (Throwable $e) {
        $r = chain($e);
    }
    echo "$p: $r => ", show($o->$p), "\n";
    $o = new T();
    try {
        $r = var_export(@msg_send($q, -1, 'x', true, true, $o->$p), true);
    } catch (Throwable $e) {
        $r = chain($e);
    }
    echo "$p (send errno): $r => ", show($o->$p), "\n";
}
echo "-- static and array-element references\n";
class St { public static int $n = 0; public static ?string $m = null; }
msg_send($q, 77, 'static');
var_dump(msg_receive($q, 0, St::$n, 100, St::$m), St::$n, St::$m);
$arr = ['x' => ['y' => null]];
msg_send($q, 78, 'deep');
var_dump(msg_receive($q, 0, $arr['x']['t'], 100, $arr['x']['y'], true, 0, $arr['e']), $arr);
var_dump(rsipc_qnum($q));
