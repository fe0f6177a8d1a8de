--TEST--
sysvmsg: msg_receive() unserialization: corrupted payloads, trailing bytes, side effects and their order
--INI--
unserialize_callback_func=mycb
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

enum Pure { case A; }
class Wake { public $v = 1; public function __wakeup() { echo "Wake::__wakeup\n"; } }
class WakeThrows { public $v = 1; public function __wakeup() { throw new RuntimeException('no wakeup today'); } }
class Unser { public $v; public function __unserialize(array $d): void { echo "Unser::__unserialize\n"; $this->v = $d; } }
class UnserThrows { public function __unserialize(array $d): void { throw new LogicException('bad data'); } }
class Ser implements Serializable {
    public $d;
    public function serialize() { return 'payload'; }
    public function unserialize($s) { echo "Ser::unserialize($s)\n"; $this->d = $s; }
}
function mycb($class) { echo "mycb($class)\n"; }

$q = rsipc_new_queue();
function via(SysvMessageQueue $q, string $raw, int $max = 1024): void
{
    msg_send($q, 3, $raw, false);
    $t = 'old'; $m = 'old'; $e = 'old';
    try {
        $r = msg_receive($q, 0, $t, $max, $m, true, MSG_IPC_NOWAIT, $e);
        echo 'result ', var_export($r, true), "\n";
    } catch (Throwable $ex) {
        echo get_class($ex), ': ', $ex->getMessage(), "\n";
    }
    echo 'type ', var_export($t, true), ', error ', var_export($e, true), ', message ';
    var_dump($m);
    echo 'left in queue: ', rsipc_qnum($q), "\n\n";
}

echo "== valid value followed by garbage\n";       via($q, 'i:5;garbage');
echo "== two values\n";                            via($q, 's:1:"a";s:1:"b";');
echo "== plain text\n";                            via($q, 'Hi');
echo "== wrong string length\n";                   via($q, 's:10:"abc";');
echo "== bad bool\n";                              via($q, 'b:2;');
echo "== unterminated array\n";                    via($q, 'a:1:{i:0;i:1;');
echo "== unknown class, callback does not define it\n"; via($q, 'O:7:"Missing":1:{s:1:"x";i:1;}');
echo "== __wakeup\n";                              via($q, serialize(new Wake()));
echo "== __wakeup throws\n";                       via($q, serialize(new WakeThrows()));
echo "== __unserialize\n";                         via($q, 'O:5:"Unser":1:{s:1:"k";i:2;}');
echo "== __unserialize throws\n";                  via($q, 'O:11:"UnserThrows":0:{}');
echo "== Serializable\n";                          via($q, 'C:3:"Ser":7:{payload}');
echo "== enum case\n";                             via($q, 'E:6:"Pure:A";');
echo "== unknown enum case\n";                     via($q, 'E:6:"Pure:B";');
echo "== SysvMessageQueue\n";                      via($q, 'O:16:"SysvMessageQueue":0:{}');
echo "== Closure\n";                               via($q, 'O:7:"Closure":0:{}');
echo "== back reference\n";                        via($q, 'a:2:{i:0;s:1:"x";i:1;R:2;}');
echo "== invalid back reference\n";                via($q, 'a:1:{i:0;R:5;}');

echo "== depth limit\n";
ini_set('unserialize_max_depth', '2');
via($q, serialize([[[1]]]));
via($q, serialize([[1]]));
ini_set('unserialize_max_depth', '4096');

echo "== callback function missing\n";
ini_set('unserialize_callback_func', 'no_such_function');
via($q, 'O:8:"Missing2":0:{}');
?>
--EXPECTF--
Deprecated: Ser implements the Serializable interface, which is deprecated. Implement __serialize() and __unserialize() instead (or in addition, if support for old PHP versions is necessary) in %s on line %d
== valid value followed by garbage
result true
type 3, error 0, message int(5)
left in queue: 0

== two values
result true
type 3, error 0, message string(1) "a"
left in queue: 0

== plain text

Warning: msg_receive(): Message corrupted in %s on line %d
result false
type 3, error 0, message bool(false)
left in queue: 0

== wrong string length

Warning: msg_receive(): Message corrupted in %s on line %d
result false
type 3, error 0, message bool(false)
left in queue: 0

== bad bool

Warning: msg_receive(): Message corrupted in %s on line %d
result false
type 3, error 0, message bool(false)
left in queue: 0

== unterminated array

Warning: msg_receive(): Message corrupted in %s on line %d
result false
type 3, error 0, message bool(false)
left in queue: 0

== unknown class, callback does not define it
mycb(Missing)

Warning: msg_receive(): Function mycb() hasn't defined the class it was called for in %s on line %d
result true
type 3, error 0, message object(__PHP_Incomplete_Class)#2 (2) {
  ["__PHP_Incomplete_Class_Name"]=>
  string(7) "Missing"
  ["x"]=>
  int(1)
}
left in queue: 0

== __wakeup
Wake::__wakeup
result true
type 3, error 0, message object(Wake)#2 (1) {
  ["v"]=>
  int(1)
}
left in queue: 0

== __wakeup throws
RuntimeException: no wakeup today
type 3, error 0, message object(WakeThrows)#2 (1) {
  ["v"]=>
  int(1)
}
left in queue: 0

== __unserialize
Unser::__unserialize
result true
type 3, error 0, message object(Unser)#3 (1) {
  ["v"]=>
  array(1) {
    ["k"]=>
    int(2)
  }
}
left in queue: 0

== __unserialize throws
LogicException: bad data
type 3, error 0, message object(UnserThrows)#3 (0) {
}
left in queue: 0

== Serializable
Ser::unserialize(payload)
result true
type 3, error 0, message object(Ser)#2 (1) {
  ["d"]=>
  string(7) "payload"
}
left in queue: 0

== enum case
result true
type 3, error 0, message enum(Pure::A)
left in queue: 0

== unknown enum case

Warning: msg_receive(): Undefined constant Pure::B in %s on line %d

Warning: msg_receive(): Message corrupted in %s on line %d
result false
type 3, error 0, message bool(false)
left in queue: 0

== SysvMessageQueue

Warning: msg_receive(): Message corrupted in %s on line %d
Exception: Unserialization of 'SysvMessageQueue' is not allowed
type 3, error 0, message bool(false)
left in queue: 0

== Closure

Warning: msg_receive(): Message corrupted in %s on line %d
Exception: Unserialization of 'Closure' is not allowed
type 3, error 0, message bool(false)
left in queue: 0

== back reference
result true
type 3, error 0, message array(2) {
  [0]=>
  &string(1) "x"
  [1]=>
  &string(1) "x"
}
left in queue: 0

== invalid back reference

Warning: msg_receive(): Message corrupted in %s on line %d
result false
type 3, error 0, message bool(false)
left in queue: 0

== depth limit

Warning: msg_receive(): Maximum depth of 2 exceeded. The depth limit can be changed using the max_depth unserialize() option or the unserialize_max_depth ini setting in %s on line %d

Warning: msg_receive(): Message corrupted in %s on line %d
result false
type 3, error 0, message bool(false)
left in queue: 0

result true
type 3, error 0, message array(1) {
  [0]=>
  array(1) {
    [0]=>
    int(1)
  }
}
left in queue: 0

== callback function missing

Warning: msg_receive(): Message corrupted in %s on line %d
Error: Invalid callback no_such_function, function "no_such_function" not found or invalid function name
type 3, error 0, message bool(false)
left in queue: 0
