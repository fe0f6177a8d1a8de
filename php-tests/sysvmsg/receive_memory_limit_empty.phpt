--TEST--
sysvmsg: msg_receive() with a huge max_message_size on an empty queue (MSG_IPC_NOWAIT): memory_limit fatal error
--INI--
memory_limit=128M
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();
echo "receiving\n";
msg_receive($q, 0, $t, 200000000, $m, false, MSG_IPC_NOWAIT, $e);
echo "not reached\n";
?>
--EXPECTF--
receiving

Fatal error: Allowed memory size of 134217728 bytes exhausted (tried to allocate 200003584 bytes) in %s on line %d
