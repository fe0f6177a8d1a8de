<?php
// The seed program examples/msg_queue_example.php, unchanged: a forked child sends, the parent
// receives and prints the message, then removes the queue.
$example = __DIR__ . '/../../../examples/msg_queue_example.php';
$key = ftok(dirname($example), 'u');
$me = getmypid();
register_shutdown_function(function () use ($key, $me) {
    if (getmypid() === $me && msg_queue_exists($key)) {
        msg_remove_queue(msg_get_queue($key));
        echo "the example left its queue behind\n";
    }
});
require $example;
var_dump(msg_queue_exists($key));
