<?php
// Run with the system's plain `php` (its php.ini and conf.d, no -n) after rsipc was installed:
// proves that rsipc, not the stock sysvmsg, was loaded, and that its queue and table work across
// fork. Prints one line and exits 0 when everything holds, 1 otherwise.
$maps = file_get_contents('/proc/self/maps');
$problems = [];
if (!extension_loaded('rsipc')) $problems[] = 'rsipc is not loaded';
if (str_contains($maps, '/sysvmsg.so')) $problems[] = 'the stock sysvmsg.so is loaded';
if (!function_exists('pcntl_fork')) $problems[] = 'pcntl is missing';
if ($problems) { echo "fork check: FAIL (", implode('; ', $problems), ")\n"; exit(1); }

$key = 0x5253f000 | (getmypid() & 0xfff);
$q = msg_get_queue($key, 0600);
$t = new Swoole\Table(16);
$t->column('pid', Swoole\Table::TYPE_INT);
$t->create();
$pid = pcntl_fork();
if ($pid === 0) {
    $t->set('child', ['pid' => getmypid()]);
    msg_send($q, 7, ['hello' => 'from the child']);
    exit(0);
}
$got = msg_receive($q, 7, $type, 4096, $msg);
pcntl_waitpid($pid, $status);
msg_remove_queue($q);
$row = $t->get('child');
if ($got && $msg === ['hello' => 'from the child'] && $row && $row['pid'] === $pid) {
    echo "fork check: OK (rsipc ", phpversion('rsipc'), ": a queue message and a table row from a forked child)\n";
    exit(0);
}
echo "fork check: FAIL (message: ", json_encode($msg ?? null), ", row: ", json_encode($row), ")\n";
exit(1);
