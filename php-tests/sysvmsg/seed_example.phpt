--TEST--
sysvmsg: the seed program examples/msg_queue_example.php, run verbatim
--EXTENSIONS--
pcntl
--FILE--
<?php
$example = __DIR__ . '/../../examples/msg_queue_example.php';
$key = ftok(dirname($example), 'u');
$me = getmypid();
// The example removes its queue itself; this only matters when it fails half-way.
register_shutdown_function(function () use ($key, $me) {
    if (getmypid() === $me && msg_queue_exists($key)) {
        msg_remove_queue(msg_get_queue($key));
        echo "cleanup: the example left its queue behind\n";
    }
});
require $example;
echo "queue removed by the example: ", var_export(!msg_queue_exists($key), true), "\n";
?>
--EXPECT--
string(30) "我是子进程发送的消息"
queue removed by the example: true
