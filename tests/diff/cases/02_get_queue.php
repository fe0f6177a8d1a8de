<?php
// msg_get_queue()/msg_queue_exists(): creation, existing queues, permission bits, key truncation.
require __DIR__ . '/../lib.php';

$k = rsipc_new_key();
var_dump(msg_queue_exists($k));
$q = msg_get_queue($k, 0640);
var_dump($q, msg_queue_exists($k));
printf("mode %o\n", msg_stat_queue($q)['msg_perm.mode']);
$q2 = msg_get_queue($k, 0666);
var_dump($q2, $q === $q2, $q == $q2);
printf("mode %o (permissions of an existing queue are ignored)\n", msg_stat_queue($q2)['msg_perm.mode']);
var_dump(msg_queue_exists($k | 0x100000000), msg_queue_exists($k - 0x100000000), msg_queue_exists($k | PHP_INT_MIN));
msg_send(msg_get_queue($k | 0x500000000), 4, 'via a key with high bits');
var_dump(msg_receive($q, 0, $t, 100, $m), $t, $m);
foreach ([0, 0600, 0777, 01777, 0x1FFFF, -1, PHP_INT_MIN | 0640, 0x7fffffff00000644, 0200] as $perms) {
    $kk = rsipc_new_key();
    $qq = msg_get_queue($kk, $perms);
    printf("perms %d -> mode %o\n", $perms, msg_stat_queue($qq)['msg_perm.mode']);
    var_dump(msg_remove_queue($qq));
}
var_dump(msg_remove_queue($q), msg_queue_exists($k));
// after a successful get, the next object handle
var_dump(new stdClass());
