<?php
// The CLI side of tests/deploy/fpm.sh.
//   incr <table> <times>        waits until php-fpm has started counting, then increments the
//                                counter <times> times, pausing now and then so the increments
//                                interleave with the FastCGI requests; prints how many increments
//                                by others it saw meanwhile
//   spinner <table>              waits for the worker running RSIPC_MODE=spin; prints its pid
//   check <table> <requests> <expected counter> <pids of the workers, comma separated>
//                                PASS/FAIL lines about what the requests left behind
//   recheck <table> <requests>   after the table was unlinked and the workers served <requests>
//                                more: PASS/FAIL lines saying they all used one new table
//   unlink <table>               removes the table (the cleanup; quiet)
require __DIR__ . '/schema.php';
require __DIR__ . '/checks.php';

[, $cmd, $name] = $argv + [null, '', ''];
switch ($cmd) {
    case 'incr':
        $times = (int) $argv[3];
        $t = named_open($name);
        for ($i = 0; $i < 3000 && (int) $t->get('counter', 'n') < 50; $i++) {
            usleep(10000);
        }
        $start = (int) $t->get('counter', 'n');
        for ($i = 1; $i <= $times; $i++) {
            $t->incr('counter', 'n');
            if ($i % 10 === 0) {
                usleep(1000);
            }
        }
        $others = (int) $t->get('counter', 'n') - $start - $times;
        echo "cli ", getmypid(), ": $times increments, $others by others meanwhile\n";
        break;

    case 'spinner':
        $t = named_open($name);
        for ($i = 0; $i < 3000; $i++) {
            $pid = $t->get('spin', 'pid');
            if ($pid) {
                echo $pid, "\n";
                exit(0);
            }
            usleep(10000);
        }
        exit(1);

    case 'check':
        [, , , $requests, $expected, $pids] = $argv;
        $workers = array_map('intval', explode(',', $pids));
        $t = named_open($name);
        $got = $t->get('counter', 'n');
        report($got === (int) $expected, "the counter is exactly $expected (got " . var_export($got, true) . ")");
        $missing = $wrong = $foreign = [];
        $by = [];
        for ($r = 0; $r < (int) $requests; $r++) {
            $row = $t->get("r$r");
            if ($row === false) {
                $missing[] = $r;
                continue;
            }
            if ($row['n'] !== $r) {
                $wrong[] = "r$r=" . $row['n'];
            }
            if (!in_array($row['pid'], $workers, true)) {
                $foreign[] = "r$r by " . $row['pid'];
            }
            $by[$row['pid']] = ($by[$row['pid']] ?? 0) + 1;
        }
        report(!$missing, "the CLI reads all $requests rows the FPM requests wrote" . ($missing ? ' (' . count($missing) . ' missing, first ' . implode(', ', array_slice($missing, 0, 5)) . ')' : ''));
        report(!$wrong, "each row holds its request's number" . ($wrong ? ' (' . implode(', ', array_slice($wrong, 0, 5)) . ')' : ''));
        report(!$foreign, "each row was written by one of the FPM workers" . ($foreign ? ' (' . implode(', ', array_slice($foreign, 0, 5)) . ')' : ''));
        ksort($by);
        echo "  info requests per worker pid: ", json_encode($by), "\n";
        // the killed worker may have died holding the lock of this row: using it must not hang
        // (a warning that the lock was taken over from the dead worker is expected then)
        $spin = $t->get('spin', 'n');
        report($t->incr('spin', 'n') === $spin + 1, "the row the killed worker was incrementing is usable ($spin increments before the kill)");
        report(count($t) === (int) $requests + 2, "count() is the $requests rows + counter + spin (got " . count($t) . ")");
        $list = Rsipc\Table::list();
        report(isset($list[$name]) && $list[$name]['rows'] === count($t), "Rsipc\\Table::list() shows the table with that many rows");
        report(Rsipc\Table::unlink($name) === true, "Rsipc\\Table::unlink() returns true");
        report(!isset(Rsipc\Table::list()[$name]), "and the table is gone from Rsipc\\Table::list()");
        break;

    case 'recheck':
        $requests = (int) $argv[3];
        $t = named_open($name);
        $missing = 0;
        for ($r = 0; $r < $requests; $r++) {
            $missing += $t->get("r$r") === false ? 1 : 0;
        }
        report($t->get('counter', 'n') === $requests && $missing === 0 && count($t) === $requests + 1,
            "after unlink() the workers' next requests all used one new table (counter " . var_export($t->get('counter', 'n'), true) . ", $missing rows missing, " . count($t) . " rows)");
        report(Rsipc\Table::unlink($name) === true, "Rsipc\\Table::unlink() of the new table returns true");
        break;

    case 'unlink':
        unlink_quietly($name);
        break;

    default:
        fwrite(STDERR, "usage: see the comment at the top of fpm_cli.php\n");
        exit(2);
}
