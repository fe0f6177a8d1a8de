--TEST--
sysvmsg: strict_types=1: scalar parameters are not coerced, typed references are strict too
--FILE--
<?php
declare(strict_types=1);
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
$k = rsipc_new_key();
$q = msg_get_queue($k);

attempt('get key "1"', fn () => msg_get_queue((string) $k));
attempt('get key float', fn () => msg_get_queue((float) $k));
attempt('get key null', fn () => msg_get_queue(null));
attempt('get key true', fn () => msg_get_queue(true));
attempt('get perms "438"', fn () => msg_get_queue($k, '438'));
attempt('get perms 1.0', fn () => msg_get_queue($k, 438.0));
attempt('exists "1"', fn () => msg_queue_exists((string) $k));
attempt('exists 1.0', fn () => msg_queue_exists(1.0));
attempt('exists null', fn () => msg_queue_exists(null));

attempt('send queue int', fn () => msg_send(1, 1, 'x'));
attempt('send queue null', fn () => msg_send(null, 1, 'x'));
attempt('send type "2"', fn () => msg_send($q, '2', 'x'));
attempt('send type 10.0', fn () => msg_send($q, 10.0, 'x'));
attempt('send type true', fn () => msg_send($q, true, 'x'));
attempt('send type null', fn () => msg_send($q, null, 'x'));
attempt('send serialize 1', fn () => msg_send($q, 1, 'x', 1));
attempt('send serialize "1"', fn () => msg_send($q, 1, 'x', '1'));
attempt('send serialize null', fn () => msg_send($q, 1, 'x', null));
attempt('send blocking 0', fn () => msg_send($q, 1, 'x', true, 0));
attempt('send message untyped: int raw', fn () => msg_send($q, 1, 5, false));
attempt('send message untyped: float raw', fn () => msg_send($q, 1, 2.5, false));
attempt('send message untyped: bool raw', fn () => msg_send($q, 1, true, false));
attempt('send message untyped: null raw', fn () => msg_send($q, 1, null, false));
echo 'queued: ', rsipc_qnum($q), "\n";
var_dump(rsipc_drain($q));

attempt('receive desired "0"', fn () => msg_receive($q, '0', $t, 100, $m));
attempt('receive desired 0.0', fn () => msg_receive($q, 0.0, $t, 100, $m));
attempt('receive max "100"', fn () => msg_receive($q, 0, $t, '100', $m));
attempt('receive max 100.0', fn () => msg_receive($q, 0, $t, 100.0, $m));
attempt('receive max null', fn () => msg_receive($q, 0, $t, null, $m));
attempt('receive unserialize 0', fn () => msg_receive($q, 0, $t, 100, $m, 0));
attempt('receive flags "1"', fn () => msg_receive($q, 0, $t, 100, $m, false, '1'));
attempt('receive flags true', fn () => msg_receive($q, 0, $t, 100, $m, false, true));
attempt('receive flags null', fn () => msg_receive($q, 0, $t, 100, $m, false, null));
attempt('receive queue string', fn () => msg_receive('q', 0, $t, 100, $m));

attempt('remove string', fn () => msg_remove_queue('q'));
attempt('remove object', fn () => msg_remove_queue(new stdClass()));
attempt('stat int', fn () => msg_stat_queue(1));
attempt('set data string', fn () => msg_set_queue($q, 'x'));
attempt('set data null', fn () => msg_set_queue($q, null));
attempt('set data object', fn () => msg_set_queue($q, new ArrayObject([])));
attempt('set values are converted without strict checks', fn () => msg_set_queue($q, ['msg_qbytes' => '16000']));
echo 'qbytes ', msg_stat_queue($q)['msg_qbytes'], "\n";

echo "-- typed references are assigned strictly\n";
class Box { public string $s = 'init'; public int $i = 0; public float $f = 0.0; }
$b = new Box();
msg_send($q, 1, 'x');
attempt('int type into string property', fn () => msg_receive($q, 0, $b->s, 100, $m));
var_dump($b->s);
msg_send($q, 1, 123);
attempt('int message into string property', fn () => msg_receive($q, 0, $t, 100, $b->s));
var_dump($b->s);
msg_send($q, 1, 123);
attempt('int message into float property', fn () => msg_receive($q, 0, $t, 100, $b->f));
var_dump($b->f);
attempt('false into string property', fn () => msg_receive($q, 0, $t, 100, $b->s, true, MSG_IPC_NOWAIT));
var_dump($b->s);
attempt('errno into string property', fn () => @msg_send($q, 0, 'x', true, true, $b->s));
var_dump($b->s);
attempt('errno into float property', fn () => @msg_send($q, 0, 'x', true, true, $b->f));
var_dump($b->f);
echo 'queued: ', rsipc_qnum($q), "\n";
?>
--EXPECT--
get key "1": TypeError: msg_get_queue(): Argument #1 ($key) must be of type int, string given
get key float: TypeError: msg_get_queue(): Argument #1 ($key) must be of type int, float given
get key null: TypeError: msg_get_queue(): Argument #1 ($key) must be of type int, null given
get key true: TypeError: msg_get_queue(): Argument #1 ($key) must be of type int, bool given
get perms "438": TypeError: msg_get_queue(): Argument #2 ($permissions) must be of type int, string given
get perms 1.0: TypeError: msg_get_queue(): Argument #2 ($permissions) must be of type int, float given
exists "1": TypeError: msg_queue_exists(): Argument #1 ($key) must be of type int, string given
exists 1.0: TypeError: msg_queue_exists(): Argument #1 ($key) must be of type int, float given
exists null: TypeError: msg_queue_exists(): Argument #1 ($key) must be of type int, null given
send queue int: TypeError: msg_send(): Argument #1 ($queue) must be of type SysvMessageQueue, int given
send queue null: TypeError: msg_send(): Argument #1 ($queue) must be of type SysvMessageQueue, null given
send type "2": TypeError: msg_send(): Argument #2 ($message_type) must be of type int, string given
send type 10.0: TypeError: msg_send(): Argument #2 ($message_type) must be of type int, float given
send type true: TypeError: msg_send(): Argument #2 ($message_type) must be of type int, bool given
send type null: TypeError: msg_send(): Argument #2 ($message_type) must be of type int, null given
send serialize 1: TypeError: msg_send(): Argument #4 ($serialize) must be of type bool, int given
send serialize "1": TypeError: msg_send(): Argument #4 ($serialize) must be of type bool, string given
send serialize null: TypeError: msg_send(): Argument #4 ($serialize) must be of type bool, null given
send blocking 0: TypeError: msg_send(): Argument #5 ($blocking) must be of type bool, int given
send message untyped: int raw: true
send message untyped: float raw: true
send message untyped: bool raw: true
send message untyped: null raw: TypeError: msg_send(): Argument #3 ($message) must be of type string|int|float|bool, null given
queued: 3
array(3) {
  [0]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    string(1) "5"
  }
  [1]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    string(8) "2.500000"
  }
  [2]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    string(1) "1"
  }
}
receive desired "0": TypeError: msg_receive(): Argument #2 ($desired_message_type) must be of type int, string given
receive desired 0.0: TypeError: msg_receive(): Argument #2 ($desired_message_type) must be of type int, float given
receive max "100": TypeError: msg_receive(): Argument #4 ($max_message_size) must be of type int, string given
receive max 100.0: TypeError: msg_receive(): Argument #4 ($max_message_size) must be of type int, float given
receive max null: TypeError: msg_receive(): Argument #4 ($max_message_size) must be of type int, null given
receive unserialize 0: TypeError: msg_receive(): Argument #6 ($unserialize) must be of type bool, int given
receive flags "1": TypeError: msg_receive(): Argument #7 ($flags) must be of type int, string given
receive flags true: TypeError: msg_receive(): Argument #7 ($flags) must be of type int, bool given
receive flags null: TypeError: msg_receive(): Argument #7 ($flags) must be of type int, null given
receive queue string: TypeError: msg_receive(): Argument #1 ($queue) must be of type SysvMessageQueue, string given
remove string: TypeError: msg_remove_queue(): Argument #1 ($queue) must be of type SysvMessageQueue, string given
remove object: TypeError: msg_remove_queue(): Argument #1 ($queue) must be of type SysvMessageQueue, stdClass given
stat int: TypeError: msg_stat_queue(): Argument #1 ($queue) must be of type SysvMessageQueue, int given
set data string: TypeError: msg_set_queue(): Argument #2 ($data) must be of type array, string given
set data null: TypeError: msg_set_queue(): Argument #2 ($data) must be of type array, null given
set data object: TypeError: msg_set_queue(): Argument #2 ($data) must be of type array, ArrayObject given
set values are converted without strict checks: true
qbytes 16000
-- typed references are assigned strictly
int type into string property: TypeError: Cannot assign int to reference held by property Box::$s of type string
string(4) "init"
int message into string property: TypeError: Cannot assign int to reference held by property Box::$s of type string
string(4) "init"
int message into float property: true
float(123)
false into string property: TypeError: Cannot assign bool to reference held by property Box::$s of type string
string(4) "init"
errno into string property: TypeError: Cannot assign int to reference held by property Box::$s of type string
string(4) "init"
errno into float property: false
float(22)
queued: 0
