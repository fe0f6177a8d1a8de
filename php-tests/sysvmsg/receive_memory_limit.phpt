--TEST--
sysvmsg: msg_receive() allocates max_message_size bytes: a huge size hits memory_limit (fatal error)
--INI--
memory_limit=128M
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();
register_shutdown_function(function () use ($q) {
    echo "shutdown: ", rsipc_qnum($q) === 0 ? "the message was consumed" : "the message is still queued", "\n";
});
// below the limit: fine
var_dump(msg_receive($q, 0, $t, 100000000, $m, true, MSG_IPC_NOWAIT, $e), $e);
msg_send($q, 1, 'small');
echo "receiving\n";
// PHP 8.2.36 reports the exhausted memory_limit once the call returns to the engine, so the
// buffer is allocated, msgrcv runs and takes the message, and then the fatal error comes.
msg_receive($q, 0, $t, 200000000, $m, true, MSG_IPC_NOWAIT);
echo "not reached\n";
?>
--EXPECTF--
bool(false)
int(42)
receiving

Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate 200003584 bytes) in %s on line %d
shutdown: the message was consumed
