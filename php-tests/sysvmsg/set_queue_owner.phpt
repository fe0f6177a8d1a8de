--TEST--
sysvmsg: msg_set_queue(): changing owner uid/gid (root), 32-bit truncation of the ids
--SKIPIF--
<?php
if (!function_exists('posix_geteuid')) die('skip posix extension needed');
if (posix_geteuid() !== 0) die('skip needs root');
?>
--EXTENSIONS--
posix
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue(0600);
function owner($q): string
{
    $s = msg_stat_queue($q);
    return "uid {$s['msg_perm.uid']} gid {$s['msg_perm.gid']}";
}
var_dump(msg_set_queue($q, ['msg_perm.uid' => 65534, 'msg_perm.gid' => 65534]));
echo owner($q), "\n";
var_dump(msg_set_queue($q, ['msg_perm.uid' => '1234', 'msg_perm.gid' => 4321.9]));
echo owner($q), "\n";
var_dump(msg_set_queue($q, ['msg_perm.uid' => -5]));
echo owner($q), "\n";
var_dump(msg_set_queue($q, ['msg_perm.uid' => (1 << 32) + 77, 'msg_perm.gid' => (1 << 32) + 88]));
echo owner($q), "\n";
// -1 is no valid id
var_dump(msg_set_queue($q, ['msg_perm.uid' => -1]));
echo owner($q), "\n";
var_dump(msg_set_queue($q, ['msg_perm.gid' => 4294967295]));
echo owner($q), "\n";
// root keeps full control of a queue it no longer owns
var_dump(msg_send($q, 1, 'still mine'), msg_receive($q, 0, $t, 100, $m), $m);
var_dump(msg_set_queue($q, ['msg_perm.uid' => 0, 'msg_perm.gid' => 0]));
echo owner($q), "\n";
?>
--EXPECT--
bool(true)
uid 65534 gid 65534
bool(true)
uid 1234 gid 4321
bool(true)
uid 4294967291 gid 4321
bool(true)
uid 77 gid 88
bool(false)
uid 77 gid 88
bool(false)
uid 77 gid 88
bool(true)
bool(true)
string(10) "still mine"
bool(true)
uid 0 gid 0
