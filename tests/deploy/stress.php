<?php
// Deployment-shape stress for Swoole\Table locks, driven by the scripts next to it (hidepid.sh,
// pidns.sh), which build the situation (mount namespace, PID namespace) and run this as root.
// A master and its forked workers hammer a few rows with large string values, so locks are held
// long enough for waiters to ask whether the holder lives. Nobody may take a lock from a live
// process ("force unlock" warning) and no row may be torn.
//
// Usage: php -n -d extension=rsipc.so -d extension=posix stress.php <mode> [seconds] [label]
//   hidepid   workers drop to uid/gid 65534; run where /proc has hidepid=2: they can neither
//             signal nor see the root master
//   foreign   the master moves its future children into a new PID namespace
//             (pcntl_unshare) before forking the worker: the worker must be refused
//   same      plain workers; run inside a PID namespace (with or without its own /proc): all
//             works, and a worker SIGKILLed while writing is recovered from
// Prints one line: "PASS <label>: ...", "FAIL <label>: ..." or "SKIP <label>: <reason>" (the label
// defaults to the mode); exit status 0 for PASS and SKIP, 1 for FAIL.

$mode = $argv[1] ?? 'same';
$seconds = (float)($argv[2] ?? 3);
$label = $argv[3] ?? $mode;
const KEYS = 4;
const LEN = 262144;

function out(string $verdict, string $text): never
{
    global $label;
    echo "$verdict $label: $text\n";
    exit($verdict === 'FAIL' ? 1 : 0);
}

function value(int $x): array
{
    return ['v' => $x, 's' => str_repeat(chr(65 + $x % 26), LEN)];
}

// Whether a row read back is one that some process wrote in one piece.
function whole($row): bool
{
    return is_array($row) && $row['s'] === str_repeat(chr(65 + $row['v'] % 26), LEN);
}

// Reads and writes the shared rows until $until; returns [ops, takeovers, torn, refused].
function hammer(Swoole\Table $t, float $until, int $seed): array
{
    $stats = ['ops' => 0, 'takeovers' => 0, 'torn' => 0, 'refused' => 0];
    set_error_handler(function (int $no, string $msg) use (&$stats) {
        if (str_contains($msg, 'force unlock')) {
            $stats['takeovers']++;
        } else {
            fwrite(STDERR, "warning in " . getmypid() . ": $msg\n");
        }
        return true;
    });
    mt_srand($seed);
    while (microtime(true) < $until) {
        $k = 'k' . mt_rand(0, KEYS - 1);
        $x = mt_rand(0, 1 << 30);
        try {
            $ok = $t->set($k, value($x));
            $row = $t->get($k);
        } catch (Swoole\Error $e) {
            // a process of another PID or time namespace is refused the table with this error
            if (!str_contains($e->getMessage(), 'another PID or time namespace')) {
                throw $e;
            }
            $stats['refused'] += 2; // the set() and the get() of this round
            $stats['ops']++;
            usleep(1000);
            continue;
        }
        if (!$ok) {
            $stats['refused']++;
        }
        if ($row === false) {
            $stats['refused']++;
        } elseif (!whole($row)) {
            $stats['torn']++;
        }
        $stats['ops']++;
    }
    restore_error_handler();
    return $stats;
}

// Workers report through a pipe: one line "ops takeovers torn refused" each.
function start_worker(Swoole\Table $t, float $until, int $n, ?callable $setup): array
{
    [$r, $w] = stream_socket_pair(STREAM_PF_UNIX, STREAM_SOCK_STREAM, STREAM_IPPROTO_IP);
    $pid = pcntl_fork();
    if ($pid < 0) {
        out('FAIL', 'fork failed');
    }
    if ($pid === 0) {
        fclose($r);
        $why = $setup ? $setup() : null;
        if ($why !== null) {
            fwrite($w, "skip $why\n");
            exit(0);
        }
        $s = hammer($t, $until, $n);
        fwrite($w, implode(' ', $s) . "\n");
        exit(0);
    }
    fclose($w);
    return [$pid, $r];
}

function collect(array $worker): array
{
    [$pid, $r] = $worker;
    $line = trim((string)stream_get_contents($r));
    pcntl_waitpid($pid, $status);
    if (str_starts_with($line, 'skip ')) {
        out('SKIP', substr($line, 5));
    }
    $f = explode(' ', $line);
    if (count($f) !== 4) {
        out('FAIL', "worker $pid reported '$line' (status $status)");
    }
    return array_map('intval', $f);
}

if (!function_exists('pcntl_fork') || !function_exists('posix_getuid')) {
    out('SKIP', 'needs pcntl and posix');
}
if (posix_getuid() !== 0) {
    out('SKIP', 'needs root');
}
// A stuck lock must fail the run, not hang it (default SIGALRM action ends the process).
pcntl_signal(SIGALRM, SIG_DFL);
pcntl_alarm((int)$seconds + 30);

$t = new Swoole\Table(16);
$t->column('v', Swoole\Table::TYPE_INT);
$t->column('s', Swoole\Table::TYPE_STRING, LEN);
$t->create();
for ($i = 0; $i < KEYS; $i++) {
    $t->set("k$i", value($i));
}
$master = getmypid();
$until = microtime(true) + $seconds;
$workers = [];

if ($mode === 'hidepid') {
    $drop = function () use ($master): ?string {
        if (!posix_setgid(65534) || !posix_setuid(65534)) {
            return 'cannot switch to uid 65534';
        }
        if (posix_kill($master, 0) || posix_get_last_error() !== 1 /* EPERM */) {
            return 'the worker can signal the master: not the situation under test';
        }
        if (file_exists("/proc/$master")) {
            return '/proc shows the master to the worker: mount /proc with hidepid=2 first';
        }
        return null;
    };
    for ($n = 1; $n <= 2; $n++) {
        $workers[] = start_worker($t, $until, $n, $drop);
    }
} elseif ($mode === 'foreign') {
    if (!@pcntl_unshare(CLONE_NEWPID)) {
        out('SKIP', 'pcntl_unshare(CLONE_NEWPID) refused');
    }
    // One worker: it is the new namespace's init, which takes the namespace down when it ends.
    $workers[] = start_worker($t, $until, 1, function () use ($master): ?string {
        return getmypid() === 1 ? null : 'the worker is not in a new PID namespace';
    });
} elseif ($mode === 'same') {
    for ($n = 1; $n <= 2; $n++) {
        $workers[] = start_worker($t, $until, $n, null);
    }
} else {
    out('FAIL', "unknown mode $mode");
}

$mine = hammer($t, $until, 1000);
$totals = [0, 0, 0, 0];
foreach ($workers as $w) {
    foreach (collect($w) as $i => $v) {
        $totals[$i] += $v;
    }
}
[$wops, $wtake, $wtorn, $wrefused] = $totals;
$torn = $mine['torn'] + $wtorn;
for ($i = 0; $i < KEYS; $i++) {
    if (!whole($t->get("k$i"))) {
        $torn++;
    }
}
$summary = "master ops {$mine['ops']}, worker ops $wops, takeovers " . ($mine['takeovers'] + $wtake)
    . ", torn rows $torn, worker calls refused $wrefused";
if ($mine['takeovers'] + $wtake > 0 || $torn > 0 || $mine['refused'] > 0) {
    out('FAIL', $summary);
}
if ($mode === 'foreign' && $wrefused < 2 * $wops) {
    out('FAIL', "$summary; the worker in the other PID namespace was let in");
}
if ($mode !== 'foreign' && $wrefused > 0) {
    out('FAIL', $summary);
}

if ($mode === 'same') {
    // A worker killed while it writes: its lock must be recovered at once (no hang) and the
    // table stay usable. Kill it several times so some kills land inside a held lock.
    $recovered = 0;
    set_error_handler(function (int $no, string $msg) use (&$recovered) {
        if (str_contains($msg, 'force unlock')) {
            $recovered++;
        }
        return true;
    });
    for ($round = 0; $round < 20; $round++) {
        $pid = pcntl_fork();
        if ($pid === 0) {
            for ($x = 0; ; $x++) {
                $t->set('k0', value($x));
            }
        }
        usleep(2000 + 500 * $round);
        posix_kill($pid, SIGKILL);
        if ($round % 2) {
            pcntl_waitpid($pid, $status);   // reaped
            $t->set('k0', value(7));
        } else {
            $t->set('k0', value(7));        // still a zombie
            pcntl_waitpid($pid, $status);
        }
        if (!whole($t->get('k0')) || $t->get('k0', 'v') !== 7) {
            out('FAIL', "$summary; row not rewritable after killing a writer (round $round)");
        }
    }
    restore_error_handler();
    $summary .= "; 20 writers killed, $recovered locks recovered";
}
out('PASS', $summary);
