--TEST--
sysvmsg: a child that ends in any way (return, exit, fatal error, uncaught exception, SIGKILL) never removes the queue or its messages
--EXTENSIONS--
pcntl
posix
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';
$q = rsipc_new_queue();
msg_send($q, 1, 'kept by the parent');
$endings = [
    'return' => function ($q) { msg_send($q, 2, 'from a returning child'); },
    'exit' => function ($q) { msg_send($q, 2, 'from exit'); exit(3); },
    'fatal' => function ($q) { msg_send($q, 2, 'from a fatal'); ini_set('display_errors', '0'); undefined_function(); },
    'exception' => function ($q) { msg_send($q, 2, 'from an exception'); ini_set('display_errors', '0'); throw new RuntimeException('x'); },
    'sigkill' => function ($q) { msg_send($q, 2, 'from sigkill'); posix_kill(getmypid(), SIGKILL); },
];
foreach ($endings as $how => $body) {
    $pid = pcntl_fork();
    if ($pid === 0) {
        // the child also holds a second handle of its own, which it drops as it ends
        $own = msg_get_queue(msg_stat_queue($q) ? $GLOBALS['__rsipc_keys'][0] : 0);
        $body($q);
        exit(0);
    }
    pcntl_waitpid($pid, $status);
    $st = msg_stat_queue($q);
    printf("%-9s queue %s, %d messages\n", $how, $st === false ? 'GONE' : 'exists', $st['msg_qnum'] ?? -1);
}
while (msg_receive($q, 0, $type, 100, $m, true, MSG_IPC_NOWAIT)) {
    echo "$type: $m\n";
}
?>
--EXPECT--
return    queue exists, 2 messages
exit      queue exists, 3 messages
fatal     queue exists, 4 messages
exception queue exists, 5 messages
sigkill   queue exists, 6 messages
1: kept by the parent
2: from a returning child
2: from exit
2: from a fatal
2: from an exception
2: from sigkill
