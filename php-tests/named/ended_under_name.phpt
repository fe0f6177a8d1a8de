--TEST--
Rsipc\Table::open() of a name that holds an ended table nobody removes (a planted copy, a hard link, an ender that died): an error at once, not after rsipc.lock_wait of retries; unlink() removes it
--FILE--
<?php
require __DIR__ . '/../inc/named_helpers.php';
table_guard(60);

$cols = ['n' => Rsipc\Table::TYPE_INT];
$src = named_unique('src');
Rsipc\Table::open($src, 64, $cols)->set('k', ['n' => 1]);
$name = named_unique('ended');
$file = named_dir() . "/rsipc.$name";
// a copy of a valid table file whose header says it was ended (Meta::state, offset 8, = 2)
$bytes = file_get_contents(named_file($src));
file_put_contents($file, substr_replace($bytes, pack('V', 2), 8, 4));
named_drop($src);

$t0 = hrtime(true);
echo preg_replace('~/\S*/rsipc\.\S+~', 'FILE', named_throws(fn() => Rsipc\Table::open($name, 64, $cols))), "\n";
// open() used to retry for the whole 2 seconds of its patience; it gives up at once now (the
// bound is far above what it takes, which is about a millisecond)
var_dump((hrtime(true) - $t0) / 1e9 < 1.5);
var_dump(Rsipc\Table::unlink($name), file_exists($file));
echo count(Rsipc\Table::open($name, 64, $cols)), " rows in the table made in its place\n";
named_drop($name);
?>
--EXPECT--
Rsipc\Error: FILE is not a usable rsipc table: it holds a table that was ended, and the name was not removed; Rsipc\Table::unlink() by the file's owner or root removes it
bool(true)
bool(true)
bool(false)
0 rows in the table made in its place
