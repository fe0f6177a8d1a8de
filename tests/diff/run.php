<?php
/*
 * Differential test runner: every tests/diff/cases/*.php runs once under the stock sysvmsg
 * extension (the oracle) and once under the extension given on the command line; the two
 * outputs (stdout and stderr together) must be identical.
 *
 *   php -n tests/diff/run.php /abs/path/to/rsipc.so [filter...]
 *   php -n tests/diff/run.php sysvmsg                 # the oracle against itself
 *
 * Filters are substrings of case file names. Each case gets these environment variables:
 *   RSIPC_PHP_SELF    the php command line of the side it runs under (shell syntax)
 *   RSIPC_PHP_OTHER   the command line of the other side, for cross-implementation peers
 *   RSIPC_PEER_C      path of the compiled tests/peers/peer.c ("" if no C compiler)
 *   RSIPC_PEER_PY     command line of tests/peers/peer.py ("" if no python3)
 *   RSIPC_KEYS_FILE   where the case's helpers record every queue key they hand out
 * The last line printed is "difftest: N passed, M failed"; the exit status is 1 if M > 0.
 */

const CASE_TIMEOUT = 60;

function usage(): never
{
    fwrite(STDERR, "usage: php -n tests/diff/run.php <path/to/extension.so | sysvmsg> [filter...]\n");
    exit(2);
}

function shell_join(array $argv): string
{
    return implode(' ', array_map(
        static fn (string $a) => preg_match('~^[A-Za-z0-9_./=:+,@%-]+$~', $a) ? $a : escapeshellarg($a),
        $argv
    ));
}

function which(string $prog): ?string
{
    foreach (explode(PATH_SEPARATOR, (string) getenv('PATH')) as $dir) {
        if ($dir !== '' && is_file("$dir/$prog") && is_executable("$dir/$prog")) {
            return "$dir/$prog";
        }
    }
    return null;
}

/** Runs $argv (no shell), returns [exit status, stdout and stderr interleaved as written]. */
function run_capture(array $argv, array $env, string $cwd, int $timeout): array
{
    $timeoutBin = which('timeout');
    if ($timeoutBin !== null) {
        // timeout(1) puts the command in its own process group and kills all of it, forked
        // children included
        $argv = array_merge([$timeoutBin, '-k', '5', (string) $timeout], $argv);
    }
    $p = proc_open($argv, [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes, $cwd, $env);
    if (!is_resource($p)) {
        return [127, "could not start: " . shell_join($argv) . "\n"];
    }
    $out = stream_get_contents($pipes[1]);
    fclose($pipes[1]);
    $rc = proc_close($p);
    return [$rc, $out];
}

/** A small line diff (LCS), printed in unified style without hunks. */
function line_diff(string $a, string $b): string
{
    $x = explode("\n", $a);
    $y = explode("\n", $b);
    // trim the common head and tail first, so the LCS table stays small
    $head = 0;
    while ($head < count($x) && $head < count($y) && $x[$head] === $y[$head]) {
        $head++;
    }
    $tail = 0;
    while ($tail < count($x) - $head && $tail < count($y) - $head
        && $x[count($x) - 1 - $tail] === $y[count($y) - 1 - $tail]) {
        $tail++;
    }
    $xs = array_slice($x, $head, count($x) - $head - $tail);
    $ys = array_slice($y, $head, count($y) - $head - $tail);
    $n = count($xs);
    $m = count($ys);
    $out = [];
    for ($i = max(0, $head - 3); $i < $head; $i++) {
        $out[] = '  ' . $x[$i];
    }
    if ($n * $m > 4000000) {
        foreach ($xs as $l) { $out[] = '- ' . $l; }
        foreach ($ys as $l) { $out[] = '+ ' . $l; }
    } else {
        $L = array_fill(0, $n + 1, array_fill(0, $m + 1, 0));
        for ($i = $n - 1; $i >= 0; $i--) {
            for ($j = $m - 1; $j >= 0; $j--) {
                $L[$i][$j] = $xs[$i] === $ys[$j] ? $L[$i + 1][$j + 1] + 1 : max($L[$i + 1][$j], $L[$i][$j + 1]);
            }
        }
        $i = $j = 0;
        while ($i < $n || $j < $m) {
            if ($i < $n && $j < $m && $xs[$i] === $ys[$j]) {
                $out[] = '  ' . $xs[$i++];
                $j++;
            } elseif ($i < $n && ($j >= $m || $L[$i + 1][$j] >= $L[$i][$j + 1])) {
                $out[] = '- ' . $xs[$i++];
            } else {
                $out[] = '+ ' . $ys[$j++];
            }
        }
    }
    for ($i = count($x) - $tail, $k = 0; $i < count($x) && $k < 3; $i++, $k++) {
        $out[] = '  ' . $x[$i];
    }
    return implode("\n", $out) . "\n";
}

/** Removes queues whose keys a case recorded and left behind; returns how many. */
function remove_leftovers(string $keysFile): int
{
    if (!is_file($keysFile)) {
        return 0;
    }
    $keys = array_unique(array_filter(array_map('intval', file($keysFile))));
    $live = [];
    foreach (array_slice(@file('/proc/sysvipc/msg') ?: [], 1) as $line) {
        $f = preg_split('/\s+/', trim($line));
        $live[(int) $f[0]] = (int) $f[1];
    }
    $n = 0;
    foreach ($keys as $k) {
        $k32 = $k & 0xffffffff;
        $signed = $k32 >= 0x80000000 ? $k32 - 0x100000000 : $k32;
        if (isset($live[$signed])) {
            exec('ipcrm -q ' . (int) $live[$signed] . ' 2>/dev/null');
            $n++;
        }
    }
    return $n;
}

// ---------------------------------------------------------------------------------------------

$args = array_slice($argv, 1);
$target = array_shift($args) ?? usage();
$filters = $args;

$root = dirname(__DIR__, 2);
$casesDir = __DIR__ . '/cases';
$php = PHP_BINARY;
$extDir = (string) ini_get('extension_dir');
$mods = is_file("$extDir/posix.so") ? ['-d', 'extension=posix'] : [];

if ($target === 'sysvmsg') {
    $ourExt = 'sysvmsg';
} else {
    $ourExt = realpath($target);
    if ($ourExt === false || !is_file($ourExt)) {
        fwrite(STDERR, "difftest: no such extension file: $target\n");
        echo "difftest: 0 passed, 1 failed\n";
        exit(1);
    }
}
$sides = [
    'oracle' => array_merge([$php, '-n', '-d', 'extension=sysvmsg'], $mods),
    'ours' => array_merge([$php, '-n', '-d', 'extension=' . $ourExt], $mods),
];

$tmp = sys_get_temp_dir() . '/rsipc-difftest-' . getmypid();
@mkdir($tmp, 0700, true);
register_shutdown_function(static function () use ($tmp) {
    foreach (glob("$tmp/*") ?: [] as $f) {
        @unlink($f);
    }
    @rmdir($tmp);
});

// Both sides must load and report the sysvmsg surface before any case runs.
foreach ($sides as $name => $cmd) {
    [$rc, $out] = run_capture(array_merge($cmd, ['-r', 'echo extension_loaded("sysvmsg") && function_exists("msg_get_queue") ? "ok" : "missing";']),
        getenv(), $root, 30);
    if ($rc !== 0 || trim($out) !== 'ok') {
        fwrite(STDERR, "difftest: the $name side does not load: " . shell_join($cmd) . "\n$out\n");
        echo "difftest: 0 passed, 1 failed\n";
        exit(1);
    }
}

// The raw peers.
$peerC = '';
$cc = which('cc') ?? which('gcc') ?? which('clang');
if ($cc !== null) {
    [$rc, $out] = run_capture([$cc, '-O2', '-Wall', '-o', "$tmp/peer", "$root/tests/peers/peer.c"], getenv(), $root, 120);
    if ($rc === 0) {
        $peerC = "$tmp/peer";
    } else {
        fwrite(STDERR, "difftest: note: tests/peers/peer.c did not compile, C peer cases print a notice\n$out");
    }
}
$py = which('python3');
$peerPy = $py !== null ? shell_join([$py, "$root/tests/peers/peer.py"]) : '';

$cases = glob("$casesDir/*.php") ?: [];
sort($cases, SORT_STRING);
if ($filters) {
    $cases = array_values(array_filter($cases, static function ($c) use ($filters) {
        foreach ($filters as $f) {
            if (str_contains(basename($c), $f)) {
                return true;
            }
        }
        return false;
    }));
}

$passed = $failed = 0;
$started = microtime(true);
foreach ($cases as $case) {
    $name = basename($case);
    $outputs = [];
    $notes = [];
    foreach ($sides as $side => $cmd) {
        $other = $side === 'oracle' ? $sides['ours'] : $sides['oracle'];
        $keysFile = "$tmp/keys-$side";
        @unlink($keysFile);
        $env = array_merge(getenv(), [
            'LC_ALL' => 'C',
            'RSIPC_PHP_SELF' => shell_join($cmd),
            'RSIPC_PHP_OTHER' => shell_join($other),
            'RSIPC_PEER_C' => $peerC,
            'RSIPC_PEER_PY' => $peerPy,
            'RSIPC_KEYS_FILE' => $keysFile,
        ]);
        $t0 = microtime(true);
        [$rc, $out] = run_capture(array_merge($cmd, [$case]), $env, $root, CASE_TIMEOUT);
        if ($rc === 124 || $rc === 137) {
            $out .= "\n[timed out after " . CASE_TIMEOUT . " s]\n";
        }
        $out = str_replace($case, $name, $out);
        $outputs[$side] = $out;
        if (($left = remove_leftovers($keysFile)) > 0) {
            $notes[] = "$side run left $left queue(s) behind (removed)";
        }
    }
    if ($outputs['oracle'] === $outputs['ours'] && !$notes) {
        $passed++;
        echo "PASS $name\n";
    } else {
        $failed++;
        echo "FAIL $name\n";
        foreach ($notes as $n) {
            echo "  note: $n\n";
        }
        if ($outputs['oracle'] !== $outputs['ours']) {
            echo "--- oracle (stock sysvmsg)\n+++ ours\n", line_diff($outputs['oracle'], $outputs['ours']);
        }
    }
}
printf("difftest: %d passed, %d failed\n", $passed, $failed);
exit($failed > 0 ? 1 : 0);
