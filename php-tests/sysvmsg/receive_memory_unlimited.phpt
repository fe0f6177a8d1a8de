--TEST--
sysvmsg: msg_receive() with memory_limit=-1 accepts a large max_message_size
--INI--
memory_limit=-1
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();
var_dump(msg_receive($q, 0, $t, 50000000, $m, true, MSG_IPC_NOWAIT, $e), $t, $m, $e);
msg_send($q, 3, ['big buffer, small message']);
var_dump(msg_receive($q, 0, $t, 300000000, $m, true, MSG_IPC_NOWAIT, $e), $t, $m, $e);
?>
--EXPECT--
bool(false)
int(0)
bool(false)
int(42)
bool(true)
int(3)
array(1) {
  [0]=>
  string(25) "big buffer, small message"
}
int(0)
