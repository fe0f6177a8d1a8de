<?php
// One queue measurement, printed as "<ops per second>". Run by benches/run.php under each
// implementation. Usage: php queue_bench.php pairs|stream <payload bytes> <serialize 0|1> <count>
[, $mode, $size, $ser, $count] = $argv;
$size = (int)$size; $ser = (bool)$ser; $count = (int)$count;
$key = 0x52530000 | ((getmypid() * 13) & 0xffff);
$q = msg_get_queue($key, 0600);
$payload = str_repeat('x', $size);
$max = $size + 64;
try {
    if ($mode === 'pairs') {
        for ($i = 0; $i < 1000; $i++) { msg_send($q, 1, $payload, $ser); msg_receive($q, 0, $t, $max, $m, $ser); }
        $t0 = hrtime(true);
        for ($i = 0; $i < $count; $i++) {
            msg_send($q, 1, $payload, $ser);
            msg_receive($q, 0, $t, $max, $m, $ser);
        }
        $dt = (hrtime(true) - $t0) / 1e9;
        if ($m !== $payload) { fwrite(STDERR, "payload mismatch\n"); exit(1); }
    } else {
        $t0 = hrtime(true);
        $pid = pcntl_fork();
        if ($pid === 0) {
            for ($i = 0; $i < $count; $i++) { msg_send($q, 1, $payload, $ser); }
            exit(0);
        }
        for ($i = 0; $i < $count; $i++) { msg_receive($q, 0, $t, $max, $m, $ser); }
        pcntl_waitpid($pid, $st);
        $dt = (hrtime(true) - $t0) / 1e9;
        if ($m !== $payload) { fwrite(STDERR, "payload mismatch\n"); exit(1); }
    }
    printf("%.0f\n", $count / $dt);
} finally {
    msg_remove_queue($q);
}
