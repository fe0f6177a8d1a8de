--TEST--
sysvmsg: weak mode: numeric strings, floats, bools and null are coerced like any internal function
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
$k = rsipc_new_key();
$q = msg_get_queue($k);

echo "-- int parameters\n";
attempt('exists "key"', fn () => msg_queue_exists((string) $k));
attempt('exists " key"', fn () => msg_queue_exists(' ' . $k));
attempt('exists "key "', fn () => msg_queue_exists($k . ' '));
attempt('exists key.0', fn () => msg_queue_exists((float) $k));
attempt('exists "abc"', fn () => msg_queue_exists('abc'));
attempt('exists "0x10"', fn () => msg_queue_exists('0x10'));
attempt('exists "12abc"', fn () => msg_queue_exists($k . 'abc'));
attempt('exists INF', fn () => msg_queue_exists(INF));
attempt('exists NAN', fn () => msg_queue_exists(NAN));
attempt('exists 1e20', fn () => msg_queue_exists(1e20));
attempt('exists array', fn () => msg_queue_exists([]));
attempt('get "key"', fn () => msg_get_queue((string) $k) instanceof SysvMessageQueue);
attempt('get perms "0600"', fn () => msg_get_queue($k, '0600') instanceof SysvMessageQueue);
attempt('get perms 1.7', fn () => msg_get_queue($k, 1.7) instanceof SysvMessageQueue);
attempt('get perms null', fn () => msg_get_queue($k, null) instanceof SysvMessageQueue);
attempt('get perms true', fn () => msg_get_queue($k, true) instanceof SysvMessageQueue);
attempt('get perms "x"', fn () => msg_get_queue($k, 'x'));

echo "-- msg_send\n";
attempt('type "2"', fn () => msg_send($q, '2', 'a'));
attempt('type 3.0', fn () => msg_send($q, 3.0, 'b'));
attempt('type 4.9', fn () => msg_send($q, 4.9, 'c'));
attempt('type true', fn () => msg_send($q, true, 'd'));
attempt('type "4.5"', fn () => msg_send($q, '4.5', 'd2'));
attempt('type "1e1"', fn () => msg_send($q, '1e1', 'd3'));
attempt('type "1e1x"', fn () => msg_send($q, '1e1x', 'd4'));
attempt('type null', fn () => msg_send($q, null, 'e'));
attempt('type "abc"', fn () => msg_send($q, 'abc', 'f'));
attempt('type " 7"', fn () => msg_send($q, ' 7', 'g'));
attempt('type INF', fn () => msg_send($q, INF, 'h'));
attempt('serialize 0', fn () => msg_send($q, 8, 'i', 0));
attempt('serialize ""', fn () => msg_send($q, 8, 'j', ''));
attempt('serialize "0"', fn () => msg_send($q, 8, 'k', '0'));
attempt('serialize 0.0', fn () => msg_send($q, 8, 'l', 0.0));
attempt('serialize null', fn () => msg_send($q, 8, 'm', null));
attempt('serialize "yes"', fn () => msg_send($q, 9, 'n', 'yes'));
attempt('serialize array', fn () => msg_send($q, 9, 'o', []));
attempt('blocking null', fn () => msg_send($q, 9, 'p', true, null));
attempt('blocking 2', fn () => msg_send($q, 9, 'q', true, 2));
foreach (rsipc_drain($q) as [$t, $m]) {
    echo "  got $t ", rsipc_bytes($m), "\n";
}

echo "-- msg_receive\n";
msg_send($q, 5, 'five');
attempt('desired "5"', fn () => [msg_receive($q, '5', $t, 100, $m, true, MSG_IPC_NOWAIT), $t, $m]);
msg_send($q, 5, 'five');
attempt('desired 5.5', fn () => [msg_receive($q, 5.5, $t, 100, $m, true, MSG_IPC_NOWAIT), $t, $m]);
msg_send($q, 5, 'five');
attempt('desired null', fn () => [msg_receive($q, null, $t, 100, $m, true, MSG_IPC_NOWAIT), $t, $m]);
msg_send($q, 5, 'five');
attempt('max "100"', fn () => [msg_receive($q, 0, $t, '100', $m, true, MSG_IPC_NOWAIT), $t, $m]);
msg_send($q, 5, 'five');
attempt('max 100.5', fn () => [msg_receive($q, 0, $t, 100.5, $m, true, MSG_IPC_NOWAIT), $t, $m]);
attempt('max null', fn () => msg_receive($q, 0, $t, null, $m));
attempt('max "0"', fn () => msg_receive($q, 0, $t, '0', $m));
attempt('max 0.5', fn () => msg_receive($q, 0, $t, 0.5, $m));
attempt('max "big"', fn () => msg_receive($q, 0, $t, 'big', $m));
msg_send($q, 5, 'five');
attempt('unserialize null', fn () => [msg_receive($q, 0, $t, 100, $m, null, MSG_IPC_NOWAIT), $t, $m]);
msg_send($q, 5, 'five');
attempt('unserialize "0"', fn () => [msg_receive($q, 0, $t, 100, $m, '0', MSG_IPC_NOWAIT), $t, $m]);
attempt('flags "1"', fn () => [msg_receive($q, 0, $t, 100, $m, true, '1', $e), $e]);
attempt('flags 1.0', fn () => [msg_receive($q, 0, $t, 100, $m, true, 1.0, $e), $e]);
attempt('flags true', fn () => [msg_receive($q, 0, $t, 100, $m, true, true, $e), $e]);
attempt('flags 1.5', fn () => [msg_receive($q, 0, $t, 100, $m, true, 1.5, $e), $e]);
msg_send($q, 5, 'five');
attempt('flags null', fn () => [msg_receive($q, 0, $t, 100, $m, true, null, $e), $m]);
attempt('flags "nowait"', fn () => msg_receive($q, 0, $t, 100, $m, true, 'nowait', $e));
echo 'queued: ', rsipc_qnum($q), "\n";

echo "-- object parameters are never coerced\n";
attempt('send queue "q"', fn () => msg_send('q', 1, 'x'));
attempt('send queue false', fn () => msg_send(false, 1, 'x'));
attempt('stat null', fn () => msg_stat_queue(null));
attempt('remove array', fn () => msg_remove_queue([]));
attempt('set data "x"', fn () => msg_set_queue($q, 'x'));
attempt('set data null', fn () => msg_set_queue($q, null));
attempt('set queue null', fn () => msg_set_queue(null, []));
?>
--EXPECTF--
-- int parameters
exists "key": true
exists " key": true
exists "key ": true
exists key.0: true
exists "abc": TypeError: msg_queue_exists(): Argument #1 ($key) must be of type int, string given
exists "0x10": TypeError: msg_queue_exists(): Argument #1 ($key) must be of type int, string given
exists "12abc": TypeError: msg_queue_exists(): Argument #1 ($key) must be of type int, string given
exists INF: TypeError: msg_queue_exists(): Argument #1 ($key) must be of type int, float given
exists NAN: TypeError: msg_queue_exists(): Argument #1 ($key) must be of type int, float given
exists 1e20: TypeError: msg_queue_exists(): Argument #1 ($key) must be of type int, float given
exists array: TypeError: msg_queue_exists(): Argument #1 ($key) must be of type int, array given
get "key": true
get perms "0600": true

Deprecated: Implicit conversion from float 1.7 to int loses precision in %s on line %d
get perms 1.7: true

Deprecated: msg_get_queue(): Passing null to parameter #2 ($permissions) of type int is deprecated in %s on line %d
get perms null: true
get perms true: true
get perms "x": TypeError: msg_get_queue(): Argument #2 ($permissions) must be of type int, string given
-- msg_send
type "2": true
type 3.0: true

Deprecated: Implicit conversion from float 4.9 to int loses precision in %s on line %d
type 4.9: true
type true: true

Deprecated: Implicit conversion from float-string "4.5" to int loses precision in %s on line %d
type "4.5": true
type "1e1": true
type "1e1x": TypeError: msg_send(): Argument #2 ($message_type) must be of type int, string given

Deprecated: msg_send(): Passing null to parameter #2 ($message_type) of type int is deprecated in %s on line %d

Warning: msg_send(): msgsnd failed: Invalid argument in %s on line %d
type null: false
type "abc": TypeError: msg_send(): Argument #2 ($message_type) must be of type int, string given
type " 7": true
type INF: TypeError: msg_send(): Argument #2 ($message_type) must be of type int, float given
serialize 0: true
serialize "": true
serialize "0": true
serialize 0.0: true

Deprecated: msg_send(): Passing null to parameter #4 ($serialize) of type bool is deprecated in %s on line %d
serialize null: true
serialize "yes": true
serialize array: TypeError: msg_send(): Argument #4 ($serialize) must be of type bool, array given

Deprecated: msg_send(): Passing null to parameter #5 ($blocking) of type bool is deprecated in %s on line %d
blocking null: true
blocking 2: true
  got 2 s:1:"a";
  got 3 s:1:"b";
  got 4 s:1:"c";
  got 1 s:1:"d";
  got 4 s:2:"d2";
  got 10 s:2:"d3";
  got 7 s:1:"g";
  got 8 i
  got 8 j
  got 8 k
  got 8 l
  got 8 m
  got 9 s:1:"n";
  got 9 s:1:"p";
  got 9 s:1:"q";
-- msg_receive
desired "5": array (
  0 => true,
  1 => 5,
  2 => 'five',
)

Deprecated: Implicit conversion from float 5.5 to int loses precision in %s on line %d
desired 5.5: array (
  0 => true,
  1 => 5,
  2 => 'five',
)

Deprecated: msg_receive(): Passing null to parameter #2 ($desired_message_type) of type int is deprecated in %s on line %d
desired null: array (
  0 => true,
  1 => 5,
  2 => 'five',
)
max "100": array (
  0 => true,
  1 => 5,
  2 => 'five',
)

Deprecated: Implicit conversion from float 100.5 to int loses precision in %s on line %d
max 100.5: array (
  0 => true,
  1 => 5,
  2 => 'five',
)

Deprecated: msg_receive(): Passing null to parameter #4 ($max_message_size) of type int is deprecated in %s on line %d
max null: ValueError: msg_receive(): Argument #4 ($max_message_size) must be greater than 0
max "0": ValueError: msg_receive(): Argument #4 ($max_message_size) must be greater than 0

Deprecated: Implicit conversion from float 0.5 to int loses precision in %s on line %d
max 0.5: ValueError: msg_receive(): Argument #4 ($max_message_size) must be greater than 0
max "big": TypeError: msg_receive(): Argument #4 ($max_message_size) must be of type int, string given

Deprecated: msg_receive(): Passing null to parameter #6 ($unserialize) of type bool is deprecated in %s on line %d
unserialize null: array (
  0 => true,
  1 => 5,
  2 => 's:4:"five";',
)
unserialize "0": array (
  0 => true,
  1 => 5,
  2 => 's:4:"five";',
)
flags "1": array (
  0 => false,
  1 => 42,
)
flags 1.0: array (
  0 => false,
  1 => 42,
)
flags true: array (
  0 => false,
  1 => 42,
)

Deprecated: Implicit conversion from float 1.5 to int loses precision in %s on line %d
flags 1.5: array (
  0 => false,
  1 => 42,
)

Deprecated: msg_receive(): Passing null to parameter #7 ($flags) of type int is deprecated in %s on line %d
flags null: array (
  0 => true,
  1 => 'five',
)
flags "nowait": TypeError: msg_receive(): Argument #7 ($flags) must be of type int, string given
queued: 0
-- object parameters are never coerced
send queue "q": TypeError: msg_send(): Argument #1 ($queue) must be of type SysvMessageQueue, string given
send queue false: TypeError: msg_send(): Argument #1 ($queue) must be of type SysvMessageQueue, bool given
stat null: TypeError: msg_stat_queue(): Argument #1 ($queue) must be of type SysvMessageQueue, null given
remove array: TypeError: msg_remove_queue(): Argument #1 ($queue) must be of type SysvMessageQueue, array given
set data "x": TypeError: msg_set_queue(): Argument #2 ($data) must be of type array, string given
set data null: TypeError: msg_set_queue(): Argument #2 ($data) must be of type array, null given
set queue null: TypeError: msg_set_queue(): Argument #1 ($queue) must be of type SysvMessageQueue, null given
