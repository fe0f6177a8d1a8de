--TEST--
sysvmsg: SysvMessageQueue objects: new, clone, serialize, properties, casts, dumps, comparison
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

function attempt(string $what, callable $fn): void
{
    try {
        $r = $fn();
        echo "$what: ", var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

$key = rsipc_new_key();
$q = msg_get_queue($key);
$q2 = msg_get_queue($key);

var_dump($q);
print_r($q); echo "\n";
var_export($q); echo "\n";
var_dump(json_encode($q), (array) $q, get_object_vars($q), get_class($q), $q instanceof SysvMessageQueue);
$n = 0;
foreach ($q as $v) { $n++; }
echo "foreach iterations: $n\n";
var_dump((bool) $q);
var_dump(is_object($q), gettype($q), is_callable($q), is_iterable($q), is_countable($q));

attempt('new', fn () => new SysvMessageQueue());
attempt('new with args', fn () => new SysvMessageQueue(1, 2));
attempt('clone', fn () => clone $q);
attempt('serialize', fn () => serialize($q));
attempt('serialize nested', fn () => serialize(['a' => [$q]]));
attempt('unserialize', fn () => unserialize('O:16:"SysvMessageQueue":0:{}'));
attempt('unserialize C:', fn () => unserialize('C:16:"SysvMessageQueue":0:{}'));
attempt('set property', function () use ($q) { $q->foo = 1; });
attempt('read property', fn () => $q->foo);
attempt('isset property', fn () => isset($q->foo));
attempt('unset property', function () use ($q) { unset($q->foo); return 'ok'; });
attempt('array read', fn () => $q[0]);
attempt('array write', function () use ($q) { $q[0] = 1; });
attempt('method call', fn () => $q->send(1, 'x'));
attempt('static call', fn () => SysvMessageQueue::create());
attempt('to string', fn () => (string) $q);
attempt('string concat', fn () => 'q=' . $q);
attempt('to int', fn () => (int) $q);
attempt('to float', fn () => (float) $q);
attempt('arithmetic', fn () => $q + 1);
attempt('count', fn () => count($q));
attempt('invoke', fn () => $q());

attempt('same ==', fn () => $q == $q);
attempt('same ===', fn () => $q === $q);
attempt('other ==', fn () => $q == $q2);
attempt('other !=', fn () => $q != $q2);
attempt('other ===', fn () => $q === $q2);
attempt('other <', fn () => $q < $q2);
attempt('other >', fn () => $q > $q2);
attempt('other <=>', fn () => $q <=> $q2);
attempt('== true', fn () => $q == true);
attempt('== null', fn () => $q == null);
attempt('== false', fn () => $q == false);
attempt('== 1', fn () => $q == 1);
attempt('== "x"', fn () => $q == 'x');
attempt('== stdClass', fn () => $q == new stdClass());
attempt('in_array loose', fn () => in_array($q2, [$q]));
attempt('in_array strict', fn () => in_array($q, [$q], true));

$wm = new WeakMap();
$wm[$q] = 'meta';
var_dump(count($wm), $wm[$q]);
$s = new SplObjectStorage();
$s[$q] = 1;
var_dump(count($s), spl_object_id($q) !== spl_object_id($q2));

var_dump(msg_remove_queue($q));
// the object stays usable as a PHP value after its queue is gone
var_dump($q, $q2);
unset($q2, $s);
var_dump(count($wm));
$q = null;
var_dump(count($wm));
?>
--EXPECTF--
object(SysvMessageQueue)#1 (0) {
}
SysvMessageQueue Object
(
)

\SysvMessageQueue::__set_state(array(
))
string(2) "{}"
array(0) {
}
array(0) {
}
string(16) "SysvMessageQueue"
bool(true)
foreach iterations: 0
bool(true)
bool(true)
string(6) "object"
bool(false)
bool(false)
bool(false)
new: Error: Cannot directly construct SysvMessageQueue, use msg_get_queue() instead
new with args: Error: Cannot directly construct SysvMessageQueue, use msg_get_queue() instead
clone: Error: Trying to clone an uncloneable object of class SysvMessageQueue
serialize: Exception: Serialization of 'SysvMessageQueue' is not allowed
serialize nested: Exception: Serialization of 'SysvMessageQueue' is not allowed
unserialize: Exception: Unserialization of 'SysvMessageQueue' is not allowed
unserialize C:: Exception: Unserialization of 'SysvMessageQueue' is not allowed
set property: Error: Cannot create dynamic property SysvMessageQueue::$foo

Warning: Undefined property: SysvMessageQueue::$foo in %s on line %d
read property: NULL
isset property: false
unset property: 'ok'
array read: Error: Cannot use object of type SysvMessageQueue as array
array write: Error: Cannot use object of type SysvMessageQueue as array
method call: Error: Call to undefined method SysvMessageQueue::send()
static call: Error: Call to undefined method SysvMessageQueue::create()
to string: Error: Object of class SysvMessageQueue could not be converted to string
string concat: Error: Object of class SysvMessageQueue could not be converted to string

Warning: Object of class SysvMessageQueue could not be converted to int in %s on line %d
to int: 1

Warning: Object of class SysvMessageQueue could not be converted to float in %s on line %d
to float: 1.0
arithmetic: TypeError: Unsupported operand types: SysvMessageQueue + int
count: TypeError: count(): Argument #1 ($value) must be of type Countable|array, SysvMessageQueue given
invoke: Error: Object of type SysvMessageQueue is not callable
same ==: true
same ===: true
other ==: false
other !=: true
other ===: false
other <: false
other >: false
other <=>: 1
== true: true
== null: false
== false: false
== 1: false
== "x": false
== stdClass: false
in_array loose: false
in_array strict: true
int(1)
string(4) "meta"
int(1)
bool(true)
bool(true)
object(SysvMessageQueue)#1 (0) {
}
object(SysvMessageQueue)#2 (0) {
}
int(1)
int(0)
