<?php
// Table torture: writers doing random set/incr/del/add/cmpset while the parent SIGKILLs a random
// one every few milliseconds and starts a new one. At the end every invariant must hold.
// Usage: php -n -d extension=rsipc.so tests/torture/table.php <seconds> [writers]
// Prints a summary line and exits non-zero on any violation.

$seconds = (float)($argv[1] ?? 5);
$writers = (int)($argv[2] ?? 4);
const KEYS_PER_WRITER = 200;
const SHARED = 20;

pcntl_async_signals(true);
$t = new Swoole\Table(8192, 1.0);
$t->column('v', Swoole\Table::TYPE_INT);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->column('s', Swoole\Table::TYPE_STRING, 24);
$t->create();
// per-writer report rows: the longest call that recovered a dead holder's lock, and the count
$report = new Swoole\Table(4096);
$report->column('max_recovery_us', Swoole\Table::TYPE_INT);
$report->column('recoveries', Swoole\Table::TYPE_INT);
$report->create();
// rows the parent owns, which must survive every kill untouched
for ($i = 0; $i < 300; $i++) {
    $t->set("stable:$i", ['v' => $i, 'f' => $i / 2.0, 's' => "stable $i"]);
}
$dir = sys_get_temp_dir() . '/rsipc-torture-' . getmypid();
@mkdir($dir);

// A writer owns the keys "w<slot>:*". A replacement for a killed writer takes over its slot and
// starts from what the table holds (only the row the dead one was writing may be half-written,
// and the int column is written in one piece).
function writer(Swoole\Table $t, Swoole\Table $report, int $id, int $seed, string $dir): void
{
    $stop = false;
    pcntl_signal(SIGTERM, function () use (&$stop) { $stop = true; });
    pcntl_sigprocmask(SIG_UNBLOCK, [SIGTERM]);
    $recovered = false;
    set_error_handler(function ($no, $msg) use (&$recovered) {
        if (str_contains($msg, 'force unlock')) { $recovered = true; return true; }
        if (str_contains($msg, 'unable to allocate memory')) { return true; }
        fwrite(STDERR, "writer warning: $msg\n");
        return true;
    });
    mt_srand($seed * 7919 + getmypid());
    $model = [];   // what this writer's own keys hold
    for ($j = 0; $j < KEYS_PER_WRITER; $j++) {
        $v = $t->get("w$id:$j", 'v');
        if ($v !== false) { $model["w$id:$j"] = $v; }
    }
    while (!$stop) {
        $k = "w$id:" . mt_rand(0, KEYS_PER_WRITER - 1);
        $op = mt_rand(0, 9);
        $recovered = false;
        $t0 = hrtime(true);
        switch ($op) {
            case 0: case 1: case 2:
                $v = mt_rand();
                if ($t->set($k, ['v' => $v, 'f' => $v / 3, 's' => "v$v"])) { $model[$k] = $v; }
                break;
            case 3: case 4:
                $r = $t->incr($k, 'v', 1);
                if ($r !== false) {
                    $model[$k] = ($model[$k] ?? 0) + 1;
                    if ($r !== $model[$k]) { fwrite(STDERR, "writer $id: incr $k gave $r, expected {$model[$k]}\n"); }
                }
                break;
            case 5:
                if ($t->del($k)) { unset($model[$k]); }
                break;
            case 6:
                $v = mt_rand();
                if ($t->add($k, ['v' => $v, 'f' => $v / 3, 's' => "v$v"])) { $model[$k] = $v; }
                break;
            case 7:
                if (isset($model[$k])) {
                    $old = $model[$k];
                    $v = mt_rand();
                    if ($t->cmpset($k, ['v' => $old], ['v' => $v, 'f' => $v / 3, 's' => "v$v"])) { $model[$k] = $v; }
                }
                break;
            default:
                $t->incr('shared:' . mt_rand(0, SHARED - 1), 'v', 1);
                $t->get("stable:" . mt_rand(0, 299));
        }
        if ($recovered) {
            // one live writer per slot, so the report row of the slot is updated by one process
            $us = intdiv(hrtime(true) - $t0, 1000);
            $report->incr("w$id", 'recoveries');
            if ($us > (int)$report->get("w$id", 'max_recovery_us')) {
                $report->set("w$id", ['max_recovery_us' => $us]);
            }
        }
    }
    file_put_contents("$dir/w$id.json", json_encode($model));
    exit(0);
}

// SIGTERM stays blocked until a new writer has its handler in place
pcntl_sigprocmask(SIG_BLOCK, [SIGTERM]);
$spawned = 0;
$live = [];
$spawn = function (int $slot) use (&$spawned, &$live, $t, $report, $dir) {
    $seed = $spawned++;
    $pid = pcntl_fork();
    if ($pid === 0) { writer($t, $report, $slot, $seed, $dir); }
    $live[$pid] = $slot;
};
for ($i = 0; $i < $writers; $i++) { $spawn($i); }

$kills = 0;
$end = microtime(true) + $seconds;
while (microtime(true) < $end) {
    usleep(mt_rand(2000, 8000));
    $pid = array_rand($live);
    $slot = $live[$pid];
    posix_kill($pid, SIGKILL);
    // reap now or leave it a zombie for a while: both must be recovered from at once
    if (mt_rand(0, 1)) { pcntl_waitpid($pid, $st); }
    unset($live[$pid]);
    $kills++;
    $spawn($slot);
    while (($p = pcntl_waitpid(-1, $st, WNOHANG)) > 0) {}
}
// stop the survivors cleanly; each writes what its keys should hold
foreach ($live as $pid => $id) { posix_kill($pid, SIGTERM); }
$survivors = $live;
foreach ($survivors as $pid => $id) { pcntl_waitpid($pid, $st); }
while (pcntl_waitpid(-1, $st, WNOHANG) > 0) {}

$fail = [];
set_error_handler(function ($no, $msg) { return str_contains($msg, 'force unlock') || str_contains($msg, 'unable to allocate memory'); });
// every lock is free: touching every row and inserting/deleting new keys cannot hang
pcntl_alarm(60);
$rows = 0;
$seen = [];
foreach ($t as $k => $row) {
    $rows++;
    if (isset($seen[$k])) { $fail[] = "key $k returned twice by foreach"; }
    $seen[$k] = true;
    if ($t->get($k) === false) { $fail[] = "get($k) false for a row foreach returned"; }
}
if ($rows !== $t->count()) { $fail[] = "count() " . $t->count() . " but foreach returned $rows"; }
$st = $t->stats();
if ($st['num'] !== $t->count()) { $fail[] = "stats num {$st['num']} != count " . $t->count(); }
for ($i = 0; $i < 300; $i++) {
    if ($t->get("stable:$i") !== ['v' => $i, 'f' => $i / 2.0, 's' => "stable $i"]) { $fail[] = "stable:$i changed"; }
}
foreach ($survivors as $pid => $id) {
    $model = json_decode((string)@file_get_contents("$dir/w$id.json"), true);
    if (!is_array($model)) { $fail[] = "writer $id left no log"; continue; }
    for ($j = 0; $j < KEYS_PER_WRITER; $j++) {
        $k = "w$id:$j";
        $got = $t->get($k, 'v');
        $want = $model[$k] ?? false;
        if ($got !== $want) { $fail[] = "survivor $id key $k: table " . var_export($got, true) . ", writer wrote " . var_export($want, true); }
    }
}
// fill what is left of the table to the promised capacity: no slot may have leaked
$free = $t->getSize() * 2 - $t->count();
for ($i = 0; $i < $free; $i++) {
    if (!$t->set("fill:$i", ['v' => 1])) { $fail[] = "only $i of $free free slots could be filled"; break; }
}
if ($t->set('one-too-many', []) !== false || $t->count() !== $t->getSize() * 2) { $fail[] = 'capacity is not exactly getSize() * 2'; }
pcntl_alarm(0);
$maxRec = 0; $recs = 0;
foreach ($report as $r) { $maxRec = max($maxRec, $r['max_recovery_us']); $recs += $r['recoveries']; }
if ($maxRec > 100000) { $fail[] = "a call waited {$maxRec} us on a dead lock holder (limit 100 ms)"; }
array_map('unlink', glob("$dir/*"));
@rmdir($dir);
$t->destroy();
$report->destroy();
printf("table torture: %.0f s, %d writers, %d kills survived, %d lock recoveries (longest %.1f ms), %s\n",
    $seconds, $writers, $kills, $recs, $maxRec / 1000, $fail ? count($fail) . ' FAILURES' : 'all invariants hold');
foreach (array_slice($fail, 0, 20) as $f) { echo "  $f\n"; }
exit($fail ? 1 : 0);
