--TEST--
sysvmsg: msg_send() with $serialize=false rejects non-scalar messages before sending
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

enum E { case A; }
enum B: int { case One = 1; }
class Str { public function __toString(): string { return 'str'; } }

$q = rsipc_new_queue();
$fp = fopen('php://memory', 'r');
$closed = fopen('php://memory', 'r');
fclose($closed);
$cases = ['null' => null, 'array' => [], 'array with values' => ['a'], 'resource' => $fp,
    'closed resource' => $closed, 'stdClass' => new stdClass(), 'Closure' => fn () => 1,
    'pure enum' => E::A, 'backed enum' => B::One, 'Stringable' => new Str(),
    'ArrayObject' => new ArrayObject([])];
foreach ($cases as $name => $v) {
    $err = 'untouched';
    try {
        var_dump(msg_send($q, 1, $v, false, true, $err));
    } catch (Throwable $e) {
        echo "$name: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
    var_dump($err);
}
var_dump(rsipc_qnum($q));
?>
--EXPECT--
null: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, null given
string(9) "untouched"
array: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, array given
string(9) "untouched"
array with values: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, array given
string(9) "untouched"
resource: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, resource given
string(9) "untouched"
closed resource: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, resource given
string(9) "untouched"
stdClass: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, stdClass given
string(9) "untouched"
Closure: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, Closure given
string(9) "untouched"
pure enum: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, E given
string(9) "untouched"
backed enum: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, B given
string(9) "untouched"
Stringable: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, Str given
string(9) "untouched"
ArrayObject: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, ArrayObject given
string(9) "untouched"
int(0)
