--TEST--
sysvmsg: msg_receive() with max_message_size PHP_INT_MAX ends the process (memory limit)
--INI--
memory_limit=128M
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();
// In a child, so this process can still clean up after the child died.
$pid = rsipc_fork(function () use ($q) {
    msg_receive($q, 0, $t, PHP_INT_MAX, $m, true, MSG_IPC_NOWAIT);
    echo "child: not reached\n";
});
$st = rsipc_wait($pid);
echo "child ended: ", $st === 0 ? 'normally' : 'with an error', "\n";
?>
--EXPECTF--
Hard memory limit of 268435456 bytes exhausted (tried to allocate 9223372036854779904 bytes) in %s on line %d
child ended: with an error
