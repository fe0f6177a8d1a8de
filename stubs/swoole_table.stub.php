<?php

/**
 * rsipc's shared-memory table: the Swoole\Table API (Swoole 6.3 semantics) without Swoole.
 * Rows live in one shared mapping made by create(); every process forked afterwards sees them.
 *
 * Differences from Swoole, all deliberate: any getSize() + floor(getSize() * $conflict_proportion)
 * distinct keys fit; messages Swoole writes to stdout are PHP warnings; misuse that is fatal in
 * Swoole throws Swoole\Error; a process that dies holding a lock never blocks the others; each
 * foreach has its own cursor and never skips or repeats a row.
 */

namespace Swoole {
    class Exception extends \Exception
    {
    }

    class Error extends \Error
    {
    }

    class Table implements \Iterator, \Countable
    {
        public const TYPE_INT = 1;
        public const TYPE_STRING = 3;
        public const TYPE_FLOAT = 2;

        /** the rounded capacity, set by create() */
        public $size = null;
        /** the size in bytes of the shared mapping, set by create() */
        public $memorySize = null;

        public function __construct(int $table_size, float $conflict_proportion = 0.2) {}
        public function column(string $name, int $type, int $size = 0): bool {}
        public function create(): bool {}
        public function destroy(): bool {}
        public function set(string $key, array $value): bool {}
        public function add(string $key, array $values): bool {}
        public function update(string $key, array $values): bool {}
        public function cmpset(string $key, array $expected, array $values): bool {}
        public function get(string $key, ?string $field = null): array|string|int|float|false {}
        public function getdel(string $key, ?string $field = null): array|string|int|float|false {}
        /** $mode COUNT_RECURSIVE (accepted, not declared, as in Swoole) gives rows x columns */
        public function count(): int {}
        public function del(string $key): bool {}
        public function delete(string $key): bool {}
        public function cmpdel(string $key, array $expected): bool {}
        public function exists(string $key): bool {}
        public function exist(string $key): bool {}
        public function incr(string $key, string $column, int|float $incrby = 1): int|float|false {}
        public function decr(string $key, string $column, int|float $incrby = 1): int|float|false {}
        public function getSize(): int {}
        public function getMemorySize(): int {}
        public function stats(): array|false {}
        public function rewind(): void {}
        public function valid(): bool {}
        public function next(): void {}
        public function current(): mixed {}
        public function key(): mixed {}
    }
}

namespace {
    /** The old name of Swoole\Table (a class alias). */
    class swoole_table extends \Swoole\Table
    {
    }

    /**
     * Makes, fills in and creates a table from a column spec such as "id:i, name:s:64, score:f"
     * (types i/int, f/float, s/string; a string needs a length). Throws RuntimeException on a bad
     * spec.
     */
    function swoole_table(int $size, string $fields): \Swoole\Table {}
}
