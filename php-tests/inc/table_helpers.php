<?php
// Helpers for the Swoole\Table phpt files (php-tests/table). Named functions only, so the
// helpers hold no objects and object ids in var_dump() output are those of the test itself.

// Runs $f and prints what came out: the return value (var_export) or the class and message of
// whatever was thrown.
function table_try(callable $f, string $label = ''): void
{
    $prefix = $label === '' ? '' : "$label: ";
    try {
        $r = $f();
        echo $prefix, 'returned ', var_export($r, true), "\n";
    } catch (Throwable $e) {
        echo $prefix, get_class($e), ': ', $e->getMessage(), "\n";
    }
}

// Forks; the child runs $f and ends with exit($code) (0 unless $f returns an int). Returns the
// child's pid in the parent.
function table_fork(callable $f): int
{
    $pid = pcntl_fork();
    if ($pid < 0) {
        echo "fork failed\n";
        exit(1);
    }
    if ($pid === 0) {
        $code = 0;
        try {
            $r = $f();
            if (is_int($r)) {
                $code = $r;
            }
        } catch (Throwable $e) {
            echo "child ", getmypid(), ": uncaught ", get_class($e), ': ', $e->getMessage(), "\n";
            $code = 99;
        }
        exit($code);
    }
    return $pid;
}

// Waits for one child and describes how it ended: "exit N" or "signal N".
function table_wait(int $pid): string
{
    $r = pcntl_waitpid($pid, $status);
    if ($r !== $pid) {
        return "waitpid failed";
    }
    if (pcntl_wifexited($status)) {
        return 'exit ' . pcntl_wexitstatus($status);
    }
    if (pcntl_wifsignaled($status)) {
        return 'signal ' . pcntl_wtermsig($status);
    }
    return "status $status";
}

// A hang guard. SIGALRM keeps its default action (end the process): a PHP signal handler would
// not run while the process is stuck inside an extension call, the default action always does.
// The test then fails on its truncated output instead of blocking the suite.
function table_guard(int $seconds): void
{
    pcntl_signal(SIGALRM, SIG_DFL);
    pcntl_alarm($seconds);
}

// Sorted key => row dump of a whole table (iteration order is not promised).
function table_rows(Swoole\Table $t): array
{
    $rows = [];
    foreach ($t as $k => $row) {
        $rows[$k] = $row;
    }
    ksort($rows, SORT_STRING);
    return $rows;
}
