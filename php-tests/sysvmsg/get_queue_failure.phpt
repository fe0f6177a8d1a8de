--TEST--
sysvmsg: msg_get_queue() failure warning (msgmni exhausted in a private IPC namespace)
--SKIPIF--
<?php
if (!function_exists('posix_geteuid') || posix_geteuid() !== 0) die('skip needs root (unshare --ipc)');
exec('unshare --ipc true 2>&1', $o, $rc);
if ($rc !== 0) die('skip unshare --ipc is not available');
?>
--EXTENSIONS--
posix
--FILE--
<?php
// The child runs in a new, empty IPC namespace whose msgmni is lowered, so queue creation fails
// with ENOSPC deterministically and nothing it does can touch the machine-wide namespace.
$script = <<<'PHP'
<?php
function show($what, $v) { echo $what, ': '; var_dump($v); }

echo "-- msgmni = 0: every create fails\n";
show('exists', msg_queue_exists(0x52530101));
show('get', msg_get_queue(0x52530101));
show('get 0600', msg_get_queue(0x5253abcd, 0600));
show('get negative key', msg_get_queue(-4));
show('get key above 32 bits', msg_get_queue(0x7FFFFFFE0));
show('get PHP_INT_MIN+5', msg_get_queue(PHP_INT_MIN + 5));
show('get PHP_INT_MAX', msg_get_queue(PHP_INT_MAX));
// the failed queue object was released again, so its handle is reused
var_dump(new stdClass);

echo "-- msgmni = 1: the first queue fits, the second does not\n";
file_put_contents('/proc/sys/kernel/msgmni', "1");
$a = msg_get_queue(0x52530201);
var_dump($a);
show('second', msg_get_queue(0x52530202));
show('first again', msg_get_queue(0x52530201) instanceof SysvMessageQueue);
show('remove', msg_remove_queue($a));
show('second after remove', msg_get_queue(0x52530202) instanceof SysvMessageQueue);
PHP;
$tmp = tempnam(sys_get_temp_dir(), 'rsipc');
file_put_contents($tmp, $script);
$php = getenv('TEST_PHP_EXECUTABLE') . ' ' . getenv('TEST_PHP_EXTRA_ARGS');
$cmd = 'unshare --ipc sh -c ' . escapeshellarg('echo 0 > /proc/sys/kernel/msgmni && exec ' . $php . ' ' . escapeshellarg($tmp)) . ' 2>&1';
passthru($cmd, $rc);
unlink($tmp);
echo "exit $rc\n";
?>
--EXPECTF--
-- msgmni = 0: every create fails
exists: bool(false)

Warning: msg_get_queue(): Failed for key 0x52530101: No space left on device in %s on line %d
get: bool(false)

Warning: msg_get_queue(): Failed for key 0x5253abcd: No space left on device in %s on line %d
get 0600: bool(false)

Warning: msg_get_queue(): Failed for key 0xfffffffffffffffc: No space left on device in %s on line %d
get negative key: bool(false)

Warning: msg_get_queue(): Failed for key 0x7ffffffe0: No space left on device in %s on line %d
get key above 32 bits: bool(false)

Warning: msg_get_queue(): Failed for key 0x8000000000000005: No space left on device in %s on line %d
get PHP_INT_MIN+5: bool(false)

Warning: msg_get_queue(): Failed for key 0x7fffffffffffffff: No space left on device in %s on line %d
get PHP_INT_MAX: bool(false)
object(stdClass)#1 (0) {
}
-- msgmni = 1: the first queue fits, the second does not
object(SysvMessageQueue)#1 (0) {
}

Warning: msg_get_queue(): Failed for key 0x52530202: No space left on device in %s on line %d
second: bool(false)
first again: bool(true)
remove: bool(true)
second after remove: bool(true)
exit 0
