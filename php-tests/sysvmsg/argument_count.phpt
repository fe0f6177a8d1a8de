--TEST--
sysvmsg: too few / too many arguments, and by-reference parameters given non-variables
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
$q = rsipc_new_queue();
attempt('get 0', fn () => msg_get_queue());
attempt('get 3', fn () => msg_get_queue(1, 2, 3));
attempt('exists 0', fn () => msg_queue_exists());
attempt('exists 2', fn () => msg_queue_exists(1, 2));
attempt('send 2', fn () => msg_send($q, 1));
attempt('send 7', fn () => msg_send($q, 1, 'x', true, true, $e, 7));
attempt('receive 4', fn () => msg_receive($q, 0, $t, 100));
attempt('receive 9', fn () => msg_receive($q, 0, $t, 100, $m, true, 0, $e, 9));
attempt('remove 0', fn () => msg_remove_queue());
attempt('remove 2', fn () => msg_remove_queue($q, 1));
attempt('stat 0', fn () => msg_stat_queue());
attempt('stat 2', fn () => msg_stat_queue($q, 1));
attempt('set 1', fn () => msg_set_queue($q));
attempt('set 3', fn () => msg_set_queue($q, [], 1));
// the count is checked before the types
attempt('send 2, bad types', fn () => msg_send('x', 'y'));
attempt('receive 1, bad type', fn () => msg_receive('x'));
echo 'queued: ', rsipc_qnum($q), "\n";

echo "-- by-reference parameters need variables\n";
function ret() { return 5; }
attempt('function result as type', fn () => msg_receive($q, 0, ret(), 100, $m, true, MSG_IPC_NOWAIT));
attempt('function result as message', fn () => msg_receive($q, 0, $t, 100, ret(), true, MSG_IPC_NOWAIT));
attempt('function result as error_code', fn () => @msg_send($q, 0, 'x', true, true, ret()));
var_dump(ret());
$f = 'msg_receive';
attempt('dynamic call with a literal', fn () => $f($q, 0, 5, 100, $m, true, MSG_IPC_NOWAIT));
attempt('call_user_func', fn () => call_user_func('msg_receive', $q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT));
$args = [$q, 0, 'type', 100, 'msg', true, MSG_IPC_NOWAIT, 'err'];
attempt('call_user_func_array', fn () => call_user_func_array('msg_receive', $args));
var_dump($args[2], $args[4], $args[7]);
$args = [$q, 0, &$t2, 100, &$m2, true, MSG_IPC_NOWAIT, &$e2];
attempt('call_user_func_array with references', fn () => call_user_func_array('msg_receive', $args));
var_dump($t2, $m2, $e2);
attempt('spread', fn () => msg_receive(...[$q, 0, &$t3, 100, &$m3, true, MSG_IPC_NOWAIT, &$e3]));
var_dump($t3, $m3, $e3);
?>
--EXPECTF--
get 0: ArgumentCountError: msg_get_queue() expects at least 1 argument, 0 given
get 3: ArgumentCountError: msg_get_queue() expects at most 2 arguments, 3 given
exists 0: ArgumentCountError: msg_queue_exists() expects exactly 1 argument, 0 given
exists 2: ArgumentCountError: msg_queue_exists() expects exactly 1 argument, 2 given
send 2: ArgumentCountError: msg_send() expects at least 3 arguments, 2 given
send 7: ArgumentCountError: msg_send() expects at most 6 arguments, 7 given
receive 4: ArgumentCountError: msg_receive() expects at least 5 arguments, 4 given
receive 9: ArgumentCountError: msg_receive() expects at most 8 arguments, 9 given
remove 0: ArgumentCountError: msg_remove_queue() expects exactly 1 argument, 0 given
remove 2: ArgumentCountError: msg_remove_queue() expects exactly 1 argument, 2 given
stat 0: ArgumentCountError: msg_stat_queue() expects exactly 1 argument, 0 given
stat 2: ArgumentCountError: msg_stat_queue() expects exactly 1 argument, 2 given
set 1: ArgumentCountError: msg_set_queue() expects exactly 2 arguments, 1 given
set 3: ArgumentCountError: msg_set_queue() expects exactly 2 arguments, 3 given
send 2, bad types: ArgumentCountError: msg_send() expects at least 3 arguments, 2 given
receive 1, bad type: ArgumentCountError: msg_receive() expects at least 5 arguments, 1 given
queued: 0
-- by-reference parameters need variables

Notice: Only variables should be passed by reference in %s on line %d
function result as type: false

Notice: Only variables should be passed by reference in %s on line %d
function result as message: false
function result as error_code: false
int(5)
dynamic call with a literal: Error: msg_receive(): Argument #3 ($received_message_type) cannot be passed by reference

Warning: Undefined variable $t in %s on line %d

Warning: msg_receive(): Argument #3 ($received_message_type) must be passed by reference, value given in %s on line %d

Warning: Undefined variable $m in %s on line %d

Warning: msg_receive(): Argument #5 ($message) must be passed by reference, value given in %s on line %d
call_user_func: false

Warning: msg_receive(): Argument #3 ($received_message_type) must be passed by reference, value given in %s on line %d

Warning: msg_receive(): Argument #5 ($message) must be passed by reference, value given in %s on line %d

Warning: msg_receive(): Argument #8 ($error_code) must be passed by reference, value given in %s on line %d
call_user_func_array: false
string(4) "type"
string(3) "msg"
string(3) "err"
call_user_func_array with references: false
int(0)
bool(false)
int(42)
spread: false

Warning: Undefined variable $t3 in %s on line %d

Warning: Undefined variable $m3 in %s on line %d

Warning: Undefined variable $e3 in %s on line %d
NULL
NULL
NULL
