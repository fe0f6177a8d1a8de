<?php
// Argument counts, dynamic calls, call_user_func*, spreading, by-ref misuse.
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue();
$calls = [
    'get()' => fn () => msg_get_queue(),
    'get(k,p,x)' => fn () => msg_get_queue(1, 2, 3),
    'exists()' => fn () => msg_queue_exists(),
    'send(q)' => fn () => msg_send($q),
    'send(q,1)' => fn () => msg_send($q, 1),
    'send 7 args' => fn () => msg_send($q, 1, 'x', true, true, $e, 1),
    'receive 4 args' => fn () => msg_receive($q, 0, $t, 1),
    'receive 9 args' => fn () => msg_receive($q, 0, $t, 1, $m, true, 0, $e, 1),
    'remove()' => fn () => msg_remove_queue(),
    'stat(q,1)' => fn () => msg_stat_queue($q, 1),
    'set(q)' => fn () => msg_set_queue($q),
    'set(q,[],1)' => fn () => msg_set_queue($q, [], 1),
    'bad types and too few' => fn () => msg_send(1, 'a'),
    'bad type first' => fn () => msg_send('q', 1, 'x'),
    'bad second of many' => fn () => msg_receive($q, 'x', $t, 1, $m),
];
foreach ($calls as $name => $fn) {
    attempt($name, $fn);
}
echo "-- dynamic calls\n";
$f = 'msg_send';
attempt('string callable', fn () => $f($q, 1, 'dyn'));
attempt('first-class callable', fn () => (msg_send(...))($q, 1, 'fcc'));
attempt('call_user_func', fn () => call_user_func('msg_send', $q, 1, 'cuf'));
attempt('call_user_func named', fn () => call_user_func('msg_send', queue: $q, message_type: 1, message: 'cufn'));
attempt('call_user_func_array named', fn () => call_user_func_array('msg_send', ['queue' => $q, 'message_type' => 1, 'message' => 'cufa']));
attempt('array_map', fn () => array_map('msg_queue_exists', ['abc']));
var_dump(array_column(rsipc_drain($q), 1));
echo "-- by-ref through dynamic calls\n";
$args = [$q, 0, 't', 100, 'm', true, MSG_IPC_NOWAIT, 'e'];
attempt('call_user_func_array values', fn () => call_user_func_array('msg_receive', $args));
var_dump($args);
$t = $m = $e = 'x';
attempt('call_user_func_array refs', function () use ($q, &$t, &$m, &$e) {
    return call_user_func_array('msg_receive', [$q, 0, &$t, 100, &$m, true, MSG_IPC_NOWAIT, &$e]);
});
var_dump($t, $m, $e);
$t = $m = null;
attempt('reflection invokeArgs refs', function () use ($q, &$t, &$m) {
    return (new ReflectionFunction('msg_receive'))->invokeArgs([$q, 0, &$t, 100, &$m, true, MSG_IPC_NOWAIT]);
});
var_dump($t, $m);
attempt('reflection invoke values', fn () => (new ReflectionFunction('msg_receive'))->invoke($q, 0, 1, 100, 2, true, MSG_IPC_NOWAIT));
function ret() { return 1; }
attempt('function result by ref', function () use ($q) { return msg_receive($q, 0, ret(), 100, $m, true, MSG_IPC_NOWAIT); });
$g = 'msg_receive';
attempt('literal into dynamic call', fn () => $g($q, 0, 5, 100, $m, true, MSG_IPC_NOWAIT));
attempt('spread', function () use ($q) {
    $a = [$q, 0, &$t, 100, &$m, true, MSG_IPC_NOWAIT, &$e];
    $r = msg_receive(...$a);
    return [$r, $t, $m, $e];
});
