--TEST--
sysvmsg: key 0 (IPC_PRIVATE) follows the upstream fix: exists(0) is false, get(0, perms) makes a private queue with perms
--DESCRIPTION--
This is the one deliberate difference from the stock 8.2 extension (see the contract): there,
msg_queue_exists(0) creates and leaks a mode-000 queue on every call and msg_get_queue(0, $perms)
ignores $perms. This test therefore FAILS against the stock extension by design.
The checks run in a private IPC namespace when possible (root + unshare), so even the stock
extension cannot leak anything; otherwise in this process, with leaked key-0 queues removed by id.
--EXTENSIONS--
posix
--FILE--
<?php
$body = <<<'PHP'
<?php
function key0_ids(): array
{
    $ids = [];
    foreach (array_slice(file('/proc/sysvipc/msg'), 1) as $line) {
        $f = preg_split('/\s+/', trim($line));
        if ($f[0] === '0') {
            $ids[] = (int) $f[1];
        }
    }
    return $ids;
}
$before = key0_ids();
$new = fn () => count(array_diff(key0_ids(), $before));

echo "-- msg_queue_exists() creates nothing\n";
var_dump(msg_queue_exists(0), msg_queue_exists(0x100000000), msg_queue_exists(-0x100000000));
var_dump($new());

echo "-- msg_get_queue(0) creates a new private queue each time, with the requested mode\n";
$a = msg_get_queue(0, 0600);
$b = msg_get_queue(0, 0640);
$c = msg_get_queue(0x100000000);
foreach ([$a, $b, $c] as $q) {
    $s = msg_stat_queue($q);
    printf("mode %o qnum %d\n", $s['msg_perm.mode'], $s['msg_qnum']);
}
var_dump($new());
var_dump(msg_queue_exists(0));

echo "-- they are distinct, usable queues\n";
var_dump(msg_send($a, 1, 'private a'));
var_dump(msg_receive($b, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e), $e);
var_dump(msg_receive($a, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e), $m);

echo "-- and removable through their objects\n";
var_dump(msg_remove_queue($a), msg_remove_queue($b), msg_remove_queue($c));
var_dump($new());
PHP;
$tmp = tempnam(sys_get_temp_dir(), 'rsipc');
file_put_contents($tmp, $body);
$php = getenv('TEST_PHP_EXECUTABLE') . ' ' . getenv('TEST_PHP_EXTRA_ARGS');

exec('unshare --ipc true 2>/dev/null', $o, $rc);
$isolated = posix_geteuid() === 0 && $rc === 0;
if ($isolated) {
    passthru('unshare --ipc ' . $php . ' ' . escapeshellarg($tmp) . ' 2>&1');
} else {
    $ids = function (): array {
        $r = [];
        foreach (array_slice(file('/proc/sysvipc/msg'), 1) as $line) {
            $f = preg_split('/\s+/', trim($line));
            if ($f[0] === '0' && (int) $f[7] === posix_geteuid()) {
                $r[] = (int) $f[1];
            }
        }
        return $r;
    };
    $start = $ids();
    passthru($php . ' ' . escapeshellarg($tmp) . ' 2>&1');
    foreach (array_diff($ids(), $start) as $leaked) {
        exec('ipcrm -q ' . (int) $leaked);
    }
}
unlink($tmp);
?>
--EXPECT--
-- msg_queue_exists() creates nothing
bool(false)
bool(false)
bool(false)
int(0)
-- msg_get_queue(0) creates a new private queue each time, with the requested mode
mode 600 qnum 0
mode 640 qnum 0
mode 666 qnum 0
int(3)
bool(false)
-- they are distinct, usable queues
bool(true)
bool(false)
int(42)
bool(true)
string(9) "private a"
-- and removable through their objects
bool(true)
bool(true)
bool(true)
int(0)
