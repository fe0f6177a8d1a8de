<?php

/**
 * rsipc's shared-memory table: the Swoole\Table API (Swoole 6.3 semantics) without Swoole, as
 * Rsipc\Table (always there) and Swoole\Table (its subclass, declared where the Swoole extension
 * is not loaded).
 * A table made by create() lives in one shared mapping that every process forked afterwards
 * sees; a table made by Rsipc\Table::open() lives in a file that any process may open by name.
 *
 * Differences from Swoole, all deliberate: any getSize() + floor(getSize() * $conflict_proportion)
 * distinct keys fit; messages Swoole writes to stdout are PHP warnings; misuse that is fatal in
 * Swoole throws Swoole\Error; a process that dies holding a lock never blocks the others; each
 * foreach has its own cursor and never skips or repeats a row.
 */

namespace Rsipc {
    /** What an Rsipc\Table throws on misuse (Swoole\Table throws Swoole\Error). */
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

        /**
         * Describes a table of at most $table_size rows (rounded up to a power of two) plus
         * floor(size * $conflict_proportion) extra rows for colliding keys. Nothing is allocated
         * until create().
         */
        /**
         * Opens the table called $name, shared by every process of the machine that may open its
         * file (php-fpm workers, CLI scripts, cron jobs), creating it if it does not exist yet.
         * $columns maps names to types: ['hits' => Table::TYPE_INT, 'ip' => [Table::TYPE_STRING, 45]].
         * The table is one file in the directory rsipc.table_dir (default /dev/shm) with file mode
         * $mode; it lives until unlink(), destroy() or a reboot. $size is 1 to 2^31. An existing
         * table declared with another size, proportion or columns throws, naming the difference;
         * so does a file this process may not open or that is not a valid table. Returns an
         * object of the class it is called on (Swoole\Table::open() gives a Swoole\Table).
         */
        public static function open(string $name, int $size, array $columns, float $conflict_proportion = 0.2, int $mode = 0600): static {}
        /**
         * Ends the table called $name for every process that has it open and removes its file;
         * false if there was none. A process that may not remove the file (someone else's, in
         * a directory with the sticky bit such as /dev/shm) gets an error and ends nothing.
         */
        public static function unlink(string $name): bool {}
        /**
         * The named tables of rsipc.table_dir this process can read: name => [size, overflow,
         * columns, rows, memory, mode, owner, created].
         */
        public static function list(): array {}
        public function __construct(int $table_size, float $conflict_proportion = 0.2) {}
        /**
         * Declares a column: TYPE_INT (8 bytes), TYPE_FLOAT (a double) or TYPE_STRING with a
         * maximum length of $size bytes. Only before create(); an unknown type or a duplicate
         * name is an E_WARNING and returns false.
         */
        public function column(string $name, int $type, int $size = 0): bool {}
        /**
         * Allocates the shared mapping for every row. Call it before forking: processes forked
         * afterwards share the rows. A second call throws (Swoole\Error for a Swoole\Table, Rsipc\Error for an Rsipc\Table).
         */
        public function create(): bool {}
        /**
         * Ends the table for every process that shares it (their next call throws) and unmaps it
         * here; a named table's file is removed. Called from code that runs inside another call on
         * this table (an error handler, a __toString), the table ends at once and this process
         * releases it when that call returns.
         */
        public function destroy(): bool {}
        /**
         * Writes the given columns of row $key, creating the row if needed; columns not given keep
         * their value (zero for a new row). Strings longer than the column are truncated with an
         * E_WARNING. False when the table is full.
         */
        public function set(string $key, array $value): bool {}
        /** Like set(), but only when $key does not exist yet; false if it does. */
        public function add(string $key, array $values): bool {}
        /** Like set(), but only when $key exists already; false if it does not. */
        public function update(string $key, array $values): bool {}
        /**
         * Writes $values into row $key only if every column in $expected currently holds the
         * given value, all under the row's lock; false otherwise.
         */
        public function cmpset(string $key, array $expected, array $values): bool {}
        /**
         * The whole row as an array, or one column's value when $field is given; false when the
         * key (or column) does not exist.
         */
        public function get(string $key, ?string $field = null): array|string|int|float|false {}
        /** Reads like get() and deletes the row in the same locked step. */
        public function getdel(string $key, ?string $field = null): array|string|int|float|false {}
        /**
         * The number of rows in use (all processes' rows).
         * $mode COUNT_RECURSIVE (accepted, not declared, as in Swoole) gives rows x columns
         */
        public function count(): int {}
        /** Deletes row $key; false if it did not exist. */
        public function del(string $key): bool {}
        /** An alias of del(). */
        public function delete(string $key): bool {}
        /** Deletes row $key only if every column in $expected currently holds the given value. */
        public function cmpdel(string $key, array $expected): bool {}
        /** Whether row $key exists. */
        public function exists(string $key): bool {}
        /** An alias of exists(). */
        public function exist(string $key): bool {}
        /**
         * Adds $incrby to an int or float column atomically and returns the new value; a missing
         * row is created with zeros first. False (with an E_WARNING) for an unknown column.
         */
        public function incr(string $key, string $column, int|float $incrby = 1): int|float|false {}
        /** Subtracts $incrby, as incr() adds it. */
        public function decr(string $key, string $column, int|float $incrby = 1): int|float|false {}
        /** The row capacity after rounding (the $size property once created). */
        public function getSize(): int {}
        /** The size in bytes of the shared mapping (the $memorySize property once created). */
        public function getMemorySize(): int {}
        /**
         * Counters on the table's use (rows, slices, conflicts), with Swoole's keys; false before
         * create().
         */
        public function stats(): array|false {}
        /**
         * Iterator: starts a pass over the rows. Each foreach has its own cursor; rows present for
         * the whole pass are returned exactly once, whatever other processes write meanwhile.
         */
        public function rewind(): void {}
        /** Iterator: whether the cursor is on a row. */
        public function valid(): bool {}
        /** Iterator: moves to the next row. */
        public function next(): void {}
        /** Iterator: the current row as an array. */
        public function current(): mixed {}
        /** Iterator: the current row's key. */
        public function key(): mixed {}
    }
}

namespace Swoole {
    class Exception extends \Exception
    {
    }

    class Error extends \Error
    {
    }

    /** Swoole's table class: Rsipc\Table under Swoole's name; errors are Swoole\Error. */
    class Table extends \Rsipc\Table
    {
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
