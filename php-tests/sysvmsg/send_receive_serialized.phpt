--TEST--
sysvmsg: serialized round trips of every value type, and the exact payload bytes
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

enum Suit: string { case Hearts = 'H'; case Spades = 'S'; }
enum Pure { case A; }
class P { public $a = 1; protected $b = 2; private $c = 3; }
class WithSer { public $x = 5; public function __serialize(): array { return ['y' => $this->x * 2]; }
                public function __unserialize(array $d): void { $this->x = $d['y'] + 1; } }
class Sl { public $keep = 'k'; public $drop = 'd'; public function __sleep() { return ['keep']; }
           public function __wakeup() { echo "Sl::__wakeup\n"; } }

$q = rsipc_new_queue();
$values = [
    'string' => 'hello',
    'empty string' => '',
    'binary' => "hi\0there\xff",
    'int' => 42,
    'negative int' => -7,
    'PHP_INT_MIN' => PHP_INT_MIN,
    'float' => 1.5,
    'float 0.1' => 0.1,
    'float 1e20' => 1e20,
    'INF' => INF,
    '-INF' => -INF,
    '-0.0' => -0.0,
    'true' => true,
    'false' => false,
    'null' => null,
    'list' => [1, 'b'],
    'map' => ['a' => ['nested' => [true, null]]],
    'stdClass' => (object) ['p' => 1],
    'class with visibility' => new P(),
    '__serialize' => new WithSer(),
    '__sleep' => new Sl(),
    'backed enum' => Suit::Spades,
    'pure enum' => Pure::A,
    'references' => (function () { $a = [1]; $r = [&$a, &$a]; return $r; })(),
];
foreach ($values as $name => $v) {
    echo "== $name\n";
    var_dump(msg_send($q, 1, $v));
    var_dump(msg_send($q, 2, $v));
    // type 1: the bytes on the wire; type 2: the value back
    var_dump(msg_receive($q, 1, $t, 1024, $raw, false));
    echo rsipc_bytes($raw), "\n";
    var_dump($raw === serialize($v));
    var_dump(msg_receive($q, 2, $t, 1024, $back));
    var_dump($t);
    is_string($back) ? printf("string(%d) \"%s\"\n", strlen($back), rsipc_bytes($back)) : var_dump($back);
}

echo "== NAN\n";
msg_send($q, 1, NAN);
msg_receive($q, 0, $t, 100, $raw, false);
echo $raw, "\n";
msg_send($q, 1, NAN);
msg_receive($q, 0, $t, 100, $back);
var_dump(is_nan($back));

echo "== a resource serializes as i:0;\n";
$fp = fopen('php://memory', 'r');
var_dump(msg_send($q, 1, $fp));
msg_receive($q, 0, $t, 100, $raw, false);
echo $raw, "\n";

echo "== serialize_precision is honoured\n";
ini_set('serialize_precision', '17');
msg_send($q, 1, 0.1);
msg_receive($q, 0, $t, 100, $raw, false);
echo $raw, "\n";
ini_set('serialize_precision', '-1');

echo "== default flags: serialize and unserialize\n";
var_dump(msg_send($q, 5, ['k' => 'v']), msg_receive($q, 5, $t, 100, $m), $m);
var_dump(rsipc_qnum($q));
?>
--EXPECT--
== string
bool(true)
bool(true)
bool(true)
s:5:"hello";
bool(true)
bool(true)
int(2)
string(5) "hello"
== empty string
bool(true)
bool(true)
bool(true)
s:0:"";
bool(true)
bool(true)
int(2)
string(0) ""
== binary
bool(true)
bool(true)
bool(true)
s:9:"hi\x00there\xff";
bool(true)
bool(true)
int(2)
string(9) "hi\x00there\xff"
== int
bool(true)
bool(true)
bool(true)
i:42;
bool(true)
bool(true)
int(2)
int(42)
== negative int
bool(true)
bool(true)
bool(true)
i:-7;
bool(true)
bool(true)
int(2)
int(-7)
== PHP_INT_MIN
bool(true)
bool(true)
bool(true)
i:-9223372036854775808;
bool(true)
bool(true)
int(2)
int(-9223372036854775808)
== float
bool(true)
bool(true)
bool(true)
d:1.5;
bool(true)
bool(true)
int(2)
float(1.5)
== float 0.1
bool(true)
bool(true)
bool(true)
d:0.1;
bool(true)
bool(true)
int(2)
float(0.1)
== float 1e20
bool(true)
bool(true)
bool(true)
d:1.0E+20;
bool(true)
bool(true)
int(2)
float(1.0E+20)
== INF
bool(true)
bool(true)
bool(true)
d:INF;
bool(true)
bool(true)
int(2)
float(INF)
== -INF
bool(true)
bool(true)
bool(true)
d:-INF;
bool(true)
bool(true)
int(2)
float(-INF)
== -0.0
bool(true)
bool(true)
bool(true)
d:-0;
bool(true)
bool(true)
int(2)
float(-0)
== true
bool(true)
bool(true)
bool(true)
b:1;
bool(true)
bool(true)
int(2)
bool(true)
== false
bool(true)
bool(true)
bool(true)
b:0;
bool(true)
bool(true)
int(2)
bool(false)
== null
bool(true)
bool(true)
bool(true)
N;
bool(true)
bool(true)
int(2)
NULL
== list
bool(true)
bool(true)
bool(true)
a:2:{i:0;i:1;i:1;s:1:"b";}
bool(true)
bool(true)
int(2)
array(2) {
  [0]=>
  int(1)
  [1]=>
  string(1) "b"
}
== map
bool(true)
bool(true)
bool(true)
a:1:{s:1:"a";a:1:{s:6:"nested";a:2:{i:0;b:1;i:1;N;}}}
bool(true)
bool(true)
int(2)
array(1) {
  ["a"]=>
  array(1) {
    ["nested"]=>
    array(2) {
      [0]=>
      bool(true)
      [1]=>
      NULL
    }
  }
}
== stdClass
bool(true)
bool(true)
bool(true)
O:8:"stdClass":1:{s:1:"p";i:1;}
bool(true)
bool(true)
int(2)
object(stdClass)#9 (1) {
  ["p"]=>
  int(1)
}
== class with visibility
bool(true)
bool(true)
bool(true)
O:1:"P":3:{s:1:"a";i:1;s:4:"\x00*\x00b";i:2;s:4:"\x00P\x00c";i:3;}
bool(true)
bool(true)
int(2)
object(P)#10 (3) {
  ["a"]=>
  int(1)
  ["b":protected]=>
  int(2)
  ["c":"P":private]=>
  int(3)
}
== __serialize
bool(true)
bool(true)
bool(true)
O:7:"WithSer":1:{s:1:"y";i:10;}
bool(true)
bool(true)
int(2)
object(WithSer)#9 (1) {
  ["x"]=>
  int(11)
}
== __sleep
bool(true)
bool(true)
bool(true)
O:2:"Sl":1:{s:4:"keep";s:1:"k";}
bool(true)
Sl::__wakeup
bool(true)
int(2)
object(Sl)#10 (2) {
  ["keep"]=>
  string(1) "k"
  ["drop"]=>
  string(1) "d"
}
== backed enum
bool(true)
bool(true)
bool(true)
E:11:"Suit:Spades";
bool(true)
bool(true)
int(2)
enum(Suit::Spades)
== pure enum
bool(true)
bool(true)
bool(true)
E:6:"Pure:A";
bool(true)
bool(true)
int(2)
enum(Pure::A)
== references
bool(true)
bool(true)
bool(true)
a:2:{i:0;a:1:{i:0;i:1;}i:1;R:2;}
bool(true)
bool(true)
int(2)
array(2) {
  [0]=>
  &array(1) {
    [0]=>
    int(1)
  }
  [1]=>
  &array(1) {
    [0]=>
    int(1)
  }
}
== NAN
d:NAN;
bool(true)
== a resource serializes as i:0;
bool(true)
i:0;
== serialize_precision is honoured
d:0.10000000000000001;
== default flags: serialize and unserialize
bool(true)
bool(true)
array(1) {
  ["k"]=>
  string(1) "v"
}
int(0)
