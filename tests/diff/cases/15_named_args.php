<?php
// Named arguments: every parameter by name, in odd orders, old PHP 7 names, errors.
require __DIR__ . '/../lib.php';

$k = rsipc_new_key();
attempt('get', fn () => msg_get_queue(permissions: 0604, key: $k) instanceof SysvMessageQueue);
$q = msg_get_queue(key: $k);
attempt('exists', fn () => msg_queue_exists(key: $k));
attempt('stat', fn () => msg_stat_queue(queue: $q)['msg_perm.mode']);
attempt('set', fn () => msg_set_queue(data: ['msg_qbytes' => 4000], queue: $q));
attempt('send all named', fn () => msg_send(error_code: $e, blocking: false, serialize: false, message: 'm1', message_type: 9, queue: $q));
attempt('send mixed', fn () => msg_send($q, 8, message: ['m2']));
attempt('send skip', fn () => msg_send($q, 7, 'm3', blocking: false));
$r = msg_receive(flags: MSG_IPC_NOWAIT, unserialize: false, max_message_size: 100, message: $m, received_message_type: $t,
    desired_message_type: 9, queue: $q, error_code: $e);
var_dump($r, $t, $m, $e);
var_dump(msg_receive($q, 0, $t, 100, $m, flags: MSG_IPC_NOWAIT), $t, $m);
var_dump(msg_receive($q, 0, $t, 100, $m, error_code: $e), $t, $m, $e);
var_dump(@msg_send($q, 0, 'x', error_code: $err), $err);
var_dump(msg_receive($q, 0, $t, 100, $m, error_code: $e, flags: MSG_IPC_NOWAIT), $e);
foreach ([
    'perms' => fn () => msg_get_queue($k, perms: 0600),
    'msgtype' => fn () => msg_send($q, msgtype: 1, message: 'x'),
    'errorcode' => fn () => msg_send($q, 1, 'x', true, true, errorcode: $e),
    'desiredmsgtype' => fn () => msg_receive($q, desiredmsgtype: 0, msgtype: $t, maxsize: 1, message: $m),
    'maxsize' => fn () => msg_receive($q, 0, $t, maxsize: 1, message: $m),
    'option' => fn () => msg_receive($q, 0, $t, 1, $m, option: 1),
    'msgtype (receive)' => fn () => msg_receive($q, 0, msgtype: $t, max_message_size: 1, message: $m),
    'unserialize on send' => fn () => msg_send($q, 1, 'x', unserialize: true),
    'serialize on receive' => fn () => msg_receive($q, 0, $t, 1, $m, serialize: true),
    'QUEUE' => fn () => msg_stat_queue(QUEUE: $q),
    'overwrite' => fn () => msg_send($q, 1, 'x', message: 'y'),
    'missing 2' => fn () => msg_send(queue: $q, message: 'x'),
    'missing 4' => fn () => msg_receive($q, 0, $t, message: $m),
    'missing queue' => fn () => msg_remove_queue(),
    'named literal by-ref' => fn () => msg_receive($q, 0, received_message_type: $t, max_message_size: 10, message: $m, error_code: $e, flags: 1),
] as $name => $fn) {
    attempt($name, $fn);
}
var_dump(rsipc_qnum($q));
