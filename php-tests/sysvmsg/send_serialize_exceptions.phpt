--TEST--
sysvmsg: an exception during serialization propagates from msg_send() and nothing is sent (GH-16592)
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

class NotArray { public function __serialize() { return 'nope'; } }
class Throws { public function __serialize(): array { throw new RuntimeException('refusing to serialize'); } }
class SleepThrows { public function __sleep() { throw new LogicException('no sleep'); } }
class SerThrows implements Serializable {
    public function serialize() { throw new DomainException('old style'); }
    public function unserialize($s) {}
}
class NullSer implements Serializable {
    public function serialize() { return null; }
    public function unserialize($s) {}
}
$anon = new class { public $x = 1; };

$q = rsipc_new_queue();
$cases = [
    'non-array __serialize' => new NotArray(),
    'throwing __serialize' => new Throws(),
    'throwing __sleep' => new SleepThrows(),
    'throwing Serializable' => new SerThrows(),
    'Serializable returning null' => new NullSer(),
    'Closure' => function () {},
    'nested Closure' => ['ok', ['deeper' => fn () => 1]],
    'Generator' => (function () { yield 1; })(),
    'anonymous class' => $anon,
    'Reflection object' => new ReflectionClass('stdClass'),
    'SysvMessageQueue' => $q,
    'WeakMap' => new WeakMap(),
];
foreach ($cases as $name => $v) {
    echo "== $name\n";
    $e = 'untouched';
    try {
        var_dump(msg_send($q, 1, $v, true, true, $e));
    } catch (Throwable $ex) {
        echo get_class($ex), ': ', $ex->getMessage(), "\n";
    }
    var_dump($e, rsipc_qnum($q));
    rsipc_drain($q);
}
echo "== the queue still works\n";
var_dump(msg_send($q, 1, 'fine'), msg_receive($q, 0, $t, 100, $m), $m);
?>
--EXPECTF--
Deprecated: SerThrows implements the Serializable interface, which is deprecated. Implement __serialize() and __unserialize() instead (or in addition, if support for old PHP versions is necessary) in %s on line %d

Deprecated: NullSer implements the Serializable interface, which is deprecated. Implement __serialize() and __unserialize() instead (or in addition, if support for old PHP versions is necessary) in %s on line %d
== non-array __serialize
TypeError: NotArray::__serialize() must return an array
string(9) "untouched"
int(0)
== throwing __serialize
RuntimeException: refusing to serialize
string(9) "untouched"
int(0)
== throwing __sleep
LogicException: no sleep
string(9) "untouched"
int(0)
== throwing Serializable
DomainException: old style
string(9) "untouched"
int(0)
== Serializable returning null
bool(true)
string(9) "untouched"
int(1)
== Closure
Exception: Serialization of 'Closure' is not allowed
string(9) "untouched"
int(0)
== nested Closure
Exception: Serialization of 'Closure' is not allowed
string(9) "untouched"
int(0)
== Generator
Exception: Serialization of 'Generator' is not allowed
string(9) "untouched"
int(0)
== anonymous class
Exception: Serialization of 'class@anonymous' is not allowed
string(9) "untouched"
int(0)
== Reflection object
Exception: Serialization of 'ReflectionClass' is not allowed
string(9) "untouched"
int(0)
== SysvMessageQueue
Exception: Serialization of 'SysvMessageQueue' is not allowed
string(9) "untouched"
int(0)
== WeakMap
Exception: Serialization of 'WeakMap' is not allowed
string(9) "untouched"
int(0)
== the queue still works
bool(true)
bool(true)
string(4) "fine"
