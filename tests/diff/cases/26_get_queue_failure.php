<?php
// msg_get_queue() failing (ENOSPC) in a private IPC namespace with msgmni lowered: the warning
// prints the full 64-bit key. Needs root and unshare(1); otherwise the case says so.
require __DIR__ . '/../lib.php';

exec('unshare --ipc true 2>&1', $o, $rc);
if (!function_exists('posix_geteuid') || posix_geteuid() !== 0 || $rc !== 0) {
    echo "skipped: needs root and unshare --ipc\n";
    return;
}
$code = <<<'PHP'
<?php
foreach ([0x52530001, 0x5253ffff, 0x7fffffff, -2, -0x52530001, 0x152530001, 0x7FFFFFFE0, PHP_INT_MAX, PHP_INT_MIN + 3] as $k) {
    var_dump(msg_queue_exists($k), msg_get_queue($k), msg_get_queue($k, 0600));
}
var_dump(new stdClass);
file_put_contents('/proc/sys/kernel/msgmni', '2');
$a = msg_get_queue(0x52530010);
$b = msg_get_queue(0x52530011, 0600);
var_dump($a, $b, msg_get_queue(0x52530012), msg_get_queue(0x52530010) instanceof SysvMessageQueue);
var_dump(msg_remove_queue($b), msg_get_queue(0x52530012) instanceof SysvMessageQueue, msg_get_queue(0x52530013));
var_dump(new stdClass);
PHP;
$file = tempnam(sys_get_temp_dir(), 'rsipc-ns');
file_put_contents($file, $code);
$out = shell_exec('unshare --ipc sh -c ' . escapeshellarg('echo 0 > /proc/sys/kernel/msgmni && exec ' . php_self() . ' ' . escapeshellarg($file)) . ' 2>&1');
unlink($file);
echo str_replace($file, 'ns.php', $out);
