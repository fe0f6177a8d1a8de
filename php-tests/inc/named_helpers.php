<?php
// Helpers for the named-table phpt files (php-tests/named): unique names, where a table's file
// is, forking with a hang guard, and describing how an exception or a child ended.
require_once __DIR__ . '/table_helpers.php';

// A name no other test (or concurrent run of this one) uses; tests unlink what they open.
function named_unique(string $tag): string
{
    return sprintf('phpt_%s_%d_%04x', $tag, getmypid(), random_int(0, 0xffff));
}

// The directory named tables live in.
function named_dir(): string
{
    $dir = ini_get('rsipc.table_dir');
    return $dir === false || $dir === '' ? '/dev/shm' : rtrim($dir, '/');
}

// The one file of table $name in named_dir() (the file name ends with the table name), or null
// when there is none or more than one.
function named_file(string $name): ?string
{
    $hits = [];
    foreach (scandir(named_dir()) ?: [] as $entry) {
        if (str_ends_with($entry, $name)) {
            $hits[] = named_dir() . '/' . $entry;
        }
    }
    return count($hits) === 1 ? $hits[0] : null;
}

// "Class: message" of what $f threw, or "no exception".
function named_throws(callable $f): string
{
    try {
        $f();
        return 'no exception';
    } catch (Throwable $e) {
        return get_class($e) . ': ' . $e->getMessage();
    }
}

// Unlink that never throws (cleanup).
function named_drop(string $name): void
{
    try {
        Rsipc\Table::unlink($name);
    } catch (Throwable $e) {
    }
}

// The command line of a fresh PHP process with the same extensions as this one (rsipc and posix
// from their paths in /proc/self/maps, nothing else: -n), for tests that need a process that did
// not inherit this one's state through fork.
function named_php(): string
{
    $cmd = escapeshellarg(PHP_BINARY) . ' -n';
    $seen = [];
    foreach (file('/proc/self/maps') as $line) {
        if (preg_match('~\s(/\S*/(rsipc|librsipc|posix)\.so)$~', rtrim($line), $m) && !isset($seen[$m[1]])) {
            $seen[$m[1]] = true;
            $cmd .= ' -d ' . escapeshellarg('extension=' . $m[1]);
        }
    }
    $dir = ini_get('rsipc.table_dir');
    if ($dir !== false && $dir !== '') {
        $cmd .= ' -d ' . escapeshellarg("rsipc.table_dir=$dir");
    }
    return $cmd;
}
