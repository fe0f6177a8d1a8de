<?php
// Run by tests/deploy/named_tmpfs.sh inside a private mount namespace, with rsipc.table_dir on
// a 1 MiB tmpfs of its own. Prints PASS/FAIL/info lines.
require __DIR__ . '/checks.php';

function names_need_and_free(string $msg): bool
{
    // "needs N bytes ... M bytes are free", in whatever words: both ideas and two numbers
    return preg_match('/need|requir/i', $msg) && preg_match('/free|availab/i', $msg)
        && preg_match_all('/\d+/', $msg) >= 2;
}
$dir = ini_get('rsipc.table_dir');
$entries = fn() => array_values(array_diff(scandir($dir), ['.', '..']));
report(disk_total_space($dir) <= 1.5 * 1048576, "rsipc.table_dir $dir is the small tmpfs (" . disk_total_space($dir) . " bytes)");

$cols = ['n' => Rsipc\Table::TYPE_INT, 's' => [Rsipc\Table::TYPE_STRING, 64]];
try {
    Rsipc\Table::open('big', 65536, $cols);
    report(false, "open() of an 11 MB table on a 1 MiB tmpfs throws");
} catch (Throwable $e) {
    echo "  info ", get_class($e), ': ', $e->getMessage(), "\n";
    report($e instanceof Rsipc\Error, "open() of an 11 MB table on a 1 MiB tmpfs throws Rsipc\\Error");
    report(names_need_and_free($e->getMessage()), "the message says how much was needed and how much is free");
}
report($entries() === [], "the failed open() left no file behind (" . implode(', ', $entries()) . ")");

$small = Rsipc\Table::open('small', 1024, ['n' => Rsipc\Table::TYPE_INT]);
echo "  info a table of 1024 rows takes ", $small->getMemorySize(), " bytes\n";
report(true, "a table that fits opens");

// fill what is left of the tmpfs with an ordinary file, then write every row of the table:
// its pages were reserved at open(), so this must not SIGBUS
$f = fopen("$dir/filler", 'w');
$chunk = str_repeat("\x5a", 65536);
while (@fwrite($f, $chunk) > 0 && fflush($f)) {
}
fclose($f);
$free = disk_free_space($dir);
echo "  info after filling the tmpfs: $free bytes free\n";
$capacity = 0;
for ($i = 0; $i < 2048; $i++) {
    if (!@$small->set("row$i", ['n' => $i])) {
        break;
    }
    $capacity++;
}
$ok = true;
for ($i = 0; $i < $capacity; $i++) {
    $ok = $ok && $small->get("row$i", 'n') === $i;
}
report($capacity >= 1024 && $ok, "with the tmpfs full, all $capacity rows of the table are written and read back (no SIGBUS)");
try {
    Rsipc\Table::open('another', 1024, ['n' => Rsipc\Table::TYPE_INT]);
    report(false, "open() of another table on the full tmpfs throws");
} catch (Throwable $e) {
    echo "  info ", get_class($e), ': ', $e->getMessage(), "\n";
    report($e instanceof Rsipc\Error && names_need_and_free($e->getMessage()), "open() of another table on the full tmpfs throws Rsipc\\Error saying needed and free");
}
unlink("$dir/filler");
report(Rsipc\Table::unlink('small') === true, "unlink() of the table");
report($entries() === [], "the tmpfs is empty again (" . implode(', ', $entries()) . ")");
