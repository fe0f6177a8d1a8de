<?php
// Shared helpers for the sysvmsg phpt files.
//
// Every queue a test makes comes from rsipc_new_key()/rsipc_new_queue(): the key is one of the
// 0x5253xxxx test keys and is removed again when the test process ends, also after a fatal error
// or an uncaught exception. Forked children never run that cleanup (the pid is checked), so a
// child that exits early cannot pull a queue away from its parent.
require_once __DIR__ . '/../../inc/keys.php';

$GLOBALS['__rsipc_keys'] = [];
$GLOBALS['__rsipc_owner'] = getmypid();
$GLOBALS['__rsipc_next'] = 0;

// Named functions rather than closures, so the helpers hold no object handles and object ids
// in var_dump() output start at #1 as in a test without them.
register_shutdown_function('rsipc_shutdown');

// The cleanup re-registers itself once, so it runs after the shutdown functions of the test.
function rsipc_shutdown(bool $last = false): void
{
    if (!$last) {
        register_shutdown_function('rsipc_shutdown', true);
        return;
    }
    if (getmypid() === $GLOBALS['__rsipc_owner']) {
        rsipc_cleanup_all();
    }
}

// A watchdog: a test that hangs (for example a send that should not block) is ended after
// $seconds with its queues removed, instead of being killed by run-tests with the queues left
// behind. Tests that use SIGALRM themselves replace it and may call this again afterwards.
function rsipc_watchdog(int $seconds = 20): void
{
    if (!function_exists('pcntl_alarm')) {
        return;
    }
    pcntl_async_signals(true);
    pcntl_signal(SIGALRM, 'rsipc_watchdog_fired');
    pcntl_alarm($seconds);
}

function rsipc_watchdog_fired(): void
{
    echo "\nrsipc watchdog: the test took too long\n";
    exit(1);
}
rsipc_watchdog();

// Removes every key handed out so far (queues that still exist only).
function rsipc_cleanup_all(): void
{
    foreach ($GLOBALS['__rsipc_keys'] as $k) {
        if (function_exists('msg_queue_exists') && msg_queue_exists($k)) {
            $q = @msg_get_queue($k);
            if ($q !== false) {
                @msg_remove_queue($q);
            }
        }
        if (function_exists('msg_queue_exists') && msg_queue_exists($k)) {
            // last resort, independent of the extension under test
            @exec(sprintf('ipcrm -Q %d 2>/dev/null', $k));
        }
    }
}

// A test key that no queue uses right now; it is removed at the end of the test.
function rsipc_new_key(): int
{
    do {
        $k = rsipc_test_key($GLOBALS['__rsipc_next']++);
    } while (msg_queue_exists($k) || in_array($k, $GLOBALS['__rsipc_keys'], true));
    $GLOBALS['__rsipc_keys'][] = $k;
    // the differential runner (tests/diff/run.php) removes these keys if the process dies
    if (($f = getenv('RSIPC_KEYS_FILE')) !== false && $f !== '') {
        file_put_contents($f, $k . "\n", FILE_APPEND);
    }
    return $k;
}

// A fresh, empty queue with the given permissions.
function rsipc_new_queue(int $perms = 0666): SysvMessageQueue
{
    $q = msg_get_queue(rsipc_new_key(), $perms);
    if (!$q instanceof SysvMessageQueue) {
        throw new RuntimeException('could not create a test queue');
    }
    return $q;
}

// Runs $fn in a forked child, which then exits with $fn's return value (0 if none).
function rsipc_fork(callable $fn): int
{
    $pid = pcntl_fork();
    if ($pid < 0) {
        throw new RuntimeException('fork failed');
    }
    if ($pid === 0) {
        $rc = 0;
        try {
            $rc = (int) $fn();
        } catch (Throwable $e) {
            echo 'child: ', get_class($e), ': ', $e->getMessage(), "\n";
            $rc = 99;
        }
        exit($rc);
    }
    return $pid;
}

// Waits for a forked child and returns its exit status (or -signal if it was killed).
function rsipc_wait(int $pid): int
{
    pcntl_waitpid($pid, $status);
    if (pcntl_wifsignaled($status)) {
        return -pcntl_wtermsig($status);
    }
    return pcntl_wexitstatus($status);
}

// Waits until process $pid sleeps inside msgrcv ('rcv') or msgsnd ('snd'). Uses
// /proc/<pid>/syscall on x86_64 and otherwise the process state plus a grace period.
// Returns true when the blocked state was seen.
function rsipc_wait_blocked(int $pid, string $what = 'rcv', float $timeout = 10.0): bool
{
    $nr = ['rcv' => 70, 'snd' => 69][$what];
    $deadline = microtime(true) + $timeout;
    $useSyscall = php_uname('m') === 'x86_64' && is_readable("/proc/$pid/syscall");
    while (microtime(true) < $deadline) {
        if ($useSyscall) {
            $s = @file_get_contents("/proc/$pid/syscall");
            if ($s === false) {
                $useSyscall = false;
                continue;
            }
            $f = explode(' ', trim($s));
            if ($f[0] === (string) $nr) {
                $stat = @file_get_contents("/proc/$pid/stat");
                if ($stat !== false && preg_match('/\) S /', $stat)) {
                    return true;
                }
            }
        } else {
            $stat = @file_get_contents("/proc/$pid/stat");
            if ($stat !== false && preg_match('/\) S /', $stat)) {
                usleep(300000);
                return true;
            }
        }
        usleep(5000);
    }
    return false;
}

// Reads every message of a queue without blocking: a list of [type, raw payload].
function rsipc_drain(SysvMessageQueue $q, int $max = 65536): array
{
    $out = [];
    while (msg_receive($q, 0, $t, $max, $m, false, MSG_IPC_NOWAIT)) {
        $out[] = [$t, $m];
    }
    return $out;
}

// Number of messages waiting in $q.
function rsipc_qnum(SysvMessageQueue $q): int
{
    $s = msg_stat_queue($q);
    return $s === false ? -1 : $s['msg_qnum'];
}

// The bytes of $s as printable text: printable ASCII as is, everything else as \xNN.
function rsipc_bytes(string $s): string
{
    return preg_replace_callback('/[^\x20-\x7e]|\\\\/', static fn ($m) => $m[0] === '\\' ? '\\\\' : sprintf('\\x%02x', ord($m[0])), $s);
}
