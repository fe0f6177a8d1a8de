<?php
// What the PHP helpers of the named-table tests share: the PASS/FAIL line their shell side
// counts (tests/deploy/checks.sh), and the quiet cleanup.
function report(bool $ok, string $what): void
{
    echo $ok ? "  PASS " : "  FAIL ", $what, "\n";
}

// Removes a table whatever state it is in (a cleanup: nothing to report).
function unlink_quietly(string $name): void
{
    try {
        Rsipc\Table::unlink($name);
    } catch (Throwable $e) {
    }
}
