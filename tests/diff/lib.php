<?php
// Shared code of the differential cases (tests/diff/cases/*.php). Run by tests/diff/run.php,
// which sets the RSIPC_* environment variables described there.
//
// A case must print the same bytes under the stock sysvmsg and under ours: never print keys,
// ids, pids, times or paths.
require_once __DIR__ . '/../../php-tests/sysvmsg/inc/helpers.php';

const RSIPC_HELPERS = __DIR__ . '/../../php-tests/sysvmsg/inc/helpers.php';

function attempt(string $what, callable $fn): void
{
    try {
        $r = $fn();
        echo "$what: ", str_replace("\n", "\n  ", var_export($r, true)), "\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

// The php command line of this side / of the other implementation (shell syntax).
function php_self(): string
{
    return (string) getenv('RSIPC_PHP_SELF') ?: escapeshellarg(PHP_BINARY) . ' -n';
}

function php_other(): string
{
    return (string) getenv('RSIPC_PHP_OTHER') ?: php_self();
}

/**
 * Runs PHP code in a separate process started with $cmd (php_self() or php_other()); $args
 * become $argv[1..]. Returns everything it printed, with the temporary script path replaced
 * by "peer.php". The code may use the helpers (RSIPC_HELPERS is a path it can require).
 */
function run_php(string $cmd, string $code, ...$args): string
{
    $file = tempnam(sys_get_temp_dir(), 'rsipc-peer');
    file_put_contents($file, $code);
    $line = $cmd . ' ' . escapeshellarg($file);
    foreach ($args as $a) {
        $line .= ' ' . escapeshellarg((string) $a);
    }
    $out = shell_exec($line . ' 2>&1') ?? '';
    unlink($file);
    return str_replace($file, 'peer.php', $out);
}

/** Starts run_php() in the background; finish with finish_php(). */
function start_php(string $cmd, string $code, ...$args): array
{
    $file = tempnam(sys_get_temp_dir(), 'rsipc-peer');
    file_put_contents($file, $code);
    $line = $cmd . ' ' . escapeshellarg($file);
    foreach ($args as $a) {
        $line .= ' ' . escapeshellarg((string) $a);
    }
    $p = proc_open($line . ' 2>&1', [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w']], $pipes);
    return [$p, $pipes[1], $file];
}

function finish_php(array $h): string
{
    [$p, $out, $file] = $h;
    $s = stream_get_contents($out);
    fclose($out);
    proc_close($p);
    unlink($file);
    return str_replace($file, 'peer.php', $s);
}

/** The pid of a process started with start_php() (the shell's child when sh -c is used). */
function php_pid(array $h): int
{
    return proc_get_status($h[0])['pid'];
}

/** Runs the raw C peer (tests/peers/peer.c); null when it is not available. */
function peer_c(string ...$args): ?string
{
    $bin = (string) getenv('RSIPC_PEER_C');
    if ($bin === '' || !is_executable($bin)) {
        return null;
    }
    return shell_exec(escapeshellarg($bin) . ' ' . implode(' ', array_map('escapeshellarg', $args)) . ' 2>&1');
}

/** Runs the Python ctypes peer (tests/peers/peer.py); null when it is not available. */
function peer_py(string ...$args): ?string
{
    $cmd = (string) getenv('RSIPC_PEER_PY');
    if ($cmd === '') {
        return null;
    }
    return shell_exec($cmd . ' ' . implode(' ', array_map('escapeshellarg', $args)) . ' 2>&1');
}

/** Prints a value compactly on one line (strings with escapes). */
function show($v): string
{
    if (is_string($v)) {
        return 'string(' . strlen($v) . ') "' . rsipc_bytes($v) . '"';
    }
    if (is_float($v)) {
        return 'float(' . var_export($v, true) . ')';
    }
    return str_replace("\n", '', var_export($v, true));
}
