<?php
// Serialization inside msg_send(): warnings with the msg_send() prefix, exceptions that stop the
// send (GH-16592), objects that cannot be serialized.
require __DIR__ . '/../lib.php';

class S1 { public $a = 1; public function __sleep() { return 'a'; } }
class S2 { public $a = 1; public function __sleep() { return ['a', 'nope', 'nope2']; } }
class S3 { private $p = 1; protected $r = 2; public function __sleep() { return ['p', 'r', "\0S3\0p"]; } }
class S4 { public function __sleep() { echo "S4::__sleep\n"; return []; } }
class X1 { public function __serialize() { return 1; } }
class X2 { public function __serialize(): array { throw new RuntimeException('X2 says no'); } }
class X3 { public function __sleep() { throw new Error('X3 sleep error'); } }
class X4 { public $inner; public function __construct() { $this->inner = function () {}; } }
class X5 implements JsonSerializable { public function jsonSerialize(): mixed { return 1; } }
class Nested { public $a; public function __construct($a) { $this->a = $a; } }

$q = rsipc_new_queue();
$cases = ['S1' => new S1(), 'S2' => new S2(), 'S3' => new S3(), 'S4' => new S4(), 'X1' => new X1(), 'X2' => new X2(),
    'X3' => new X3(), 'X4' => new X4(), 'X5' => new X5(), 'nested X2' => new Nested([new Nested(new X2())]),
    'closure' => fn () => 1, 'generator' => (function () { yield; })(), 'SplFileInfo' => new SplFileInfo('/'),
    'anonymous' => new class {}, 'queue' => $q, 'nested queue' => ['q' => [$q]], 'weakref' => WeakReference::create($q),
    'ReflectionClass' => new ReflectionClass('stdClass'), 'enum inside' => [PHP_OS_FAMILY => 1]];
foreach ($cases as $name => $v) {
    $e = 'untouched';
    try {
        $r = var_export(msg_send($q, 3, $v, true, false, $e), true);
    } catch (Throwable $ex) {
        $r = get_class($ex) . ': ' . $ex->getMessage();
    }
    $got = rsipc_drain($q);
    echo "$name: $r | error_code ", show($e), ' | sent ', $got ? rsipc_bytes($got[0][1]) : 'nothing', "\n";
}
echo "-- serialization warnings turned into exceptions by an error handler\n";
set_error_handler(function (int $no, string $msg) { throw new ErrorException($msg, 0, $no); });
try {
    msg_send($q, 3, new S2());
} catch (ErrorException $ex) {
    echo 'ErrorException: ', $ex->getMessage(), "\n";
}
restore_error_handler();
echo 'queued: ', rsipc_qnum($q), "\n";
