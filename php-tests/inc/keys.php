<?php
// Unique System V keys for the tests. Every key the tests use starts with 0x5253 ("RS"), so
// `make test` can tell whether a test left a queue behind. The low 16 bits mix the pid and a
// per-script counter, so parallel test processes do not collide.
function rsipc_test_key(int $n = 0): int
{
    static $base = null;
    if ($base === null) {
        $base = (getmypid() * 37) & 0xffff;
    }
    return 0x52530000 | (($base + $n * 7919) & 0xffff);
}

// Removes every queue whose key this script handed out, also when the script failed half-way.
function rsipc_test_cleanup(int ...$keys): void
{
    foreach ($keys as $k) {
        if (msg_queue_exists($k)) {
            @msg_remove_queue(msg_get_queue($k));
        }
    }
}
