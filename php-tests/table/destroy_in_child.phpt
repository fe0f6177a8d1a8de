--TEST--
Swoole\Table: destroy() in a forked child ends the table for the parent and for other children
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/../inc/table_helpers.php';
table_guard(60);

$t = new Swoole\Table(64);
$t->column('v', Swoole\Table::TYPE_INT);
$t->create();
$t->set('a', ['v' => 1]);
$t->set('b', ['v' => 2]);

// a second child, forked before the destroy, waits and then reports what it sees
$r = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
$watcher = table_fork(function () use ($t, $r) {
    fclose($r[0]);
    fread($r[1], 1);             // "the table is gone now"
    try {
        $t->get('a');
        fwrite($r[1], "watcher: get worked\n");
    } catch (Swoole\Error $e) {
        fwrite($r[1], "watcher: " . get_class($e) . ': ' . $e->getMessage() . "\n");
    }
    fclose($r[1]);
});
fclose($r[1]);

$pid = table_fork(function () use ($t) {
    return $t->destroy() ? 0 : 1;
});
echo "destroyer: ", table_wait($pid), "\n";

foreach ([
    'get' => fn() => $t->get('a'),
    'set' => fn() => $t->set('c', ['v' => 3]),
    'exists' => fn() => $t->exists('a'),
    'incr' => fn() => $t->incr('a', 'v'),
    'foreach' => function () use ($t) { foreach ($t as $k => $v) {} return 'looped'; },
] as $label => $f) {
    try {
        $f();
        echo "parent $label: no error\n";
    } catch (Swoole\Error $e) {
        echo "parent $label: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
echo "count of the ended table: ", count($t), "\n";

fwrite($r[0], 'x');
echo stream_get_contents($r[0]);
fclose($r[0]);
echo "watcher: ", table_wait($watcher), "\n";
?>
--EXPECT--
destroyer: exit 0
parent get: Swoole\Error: table is not created or has been destroyed
parent set: Swoole\Error: table is not created or has been destroyed
parent exists: Swoole\Error: table is not created or has been destroyed
parent incr: Swoole\Error: table is not created or has been destroyed
parent foreach: Swoole\Error: table is not created or has been destroyed
count of the ended table: 0
watcher: Swoole\Error: table is not created or has been destroyed
watcher: exit 0
