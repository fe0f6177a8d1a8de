--TEST--
Rsipc\Table named files: a FIFO or a symbolic link under a table's name is refused without waiting and removed by unlink(); a name removed behind rsipc's back is noticed by open(); another creator's temporary file is left alone; sizes past 2^31 are refused
--EXTENSIONS--
posix
--FILE--
<?php
require __DIR__ . '/../inc/named_helpers.php';
table_guard(60);

$dir = named_dir();
$cols = ['n' => Rsipc\Table::TYPE_INT];
$short = fn(string $s) => preg_replace('~/\S*/rsipc\.\S+~', 'FILE', $s);

echo "-- a FIFO under a table's name\n";
$fifo = named_unique('fifo');
posix_mkfifo("$dir/rsipc.$fifo", 0666);
var_dump(isset(Rsipc\Table::list()[$fifo]));
echo $short(named_throws(fn() => Rsipc\Table::open($fifo, 64, $cols))), "\n";
var_dump(Rsipc\Table::unlink($fifo), file_exists("$dir/rsipc.$fifo"));

echo "-- a symbolic link under a table's name: dangling, then to a real table\n";
$link = named_unique('link');
symlink("$dir/rsipc.nowhere-" . $link, "$dir/rsipc.$link");
echo $short(named_throws(fn() => Rsipc\Table::open($link, 64, $cols))), "\n";
var_dump(Rsipc\Table::unlink($link), is_link("$dir/rsipc.$link"));
$real = named_unique('real');
Rsipc\Table::open($real, 64, $cols)->set('k', ['n' => 5]);
symlink("$dir/rsipc.$real", "$dir/rsipc.$link");
echo $short(named_throws(fn() => Rsipc\Table::open($link, 64, $cols))), "\n";
var_dump(isset(Rsipc\Table::list()[$link]));
var_dump(Rsipc\Table::unlink($link), Rsipc\Table::open($real, 64, $cols)->get('k', 'n'));
$t = Rsipc\Table::open($link, 64, $cols);
echo "then open() creates a table there: ", count($t), " rows\n";
named_drop($link);
named_drop($real);

echo "-- a name removed behind rsipc's back (rm): the next open() here finds what it names now\n";
$gone = named_unique('gone');
$old = Rsipc\Table::open($gone, 64, $cols);
$old->set('old', ['n' => 1]);
unlink(named_file($gone));
$new = Rsipc\Table::open($gone, 64, $cols);
var_dump(count($new), $new->exists('old'), named_file($gone) !== null);
$new->set('new', ['n' => 2]);
$again = Rsipc\Table::open($gone, 64, $cols);
var_dump($again->get('new', 'n'));
named_drop($gone);

echo "-- creating a table leaves the temporary file of a table named like it plus '.<digits>' alone\n";
$base = named_unique('tmp');
$others = "$dir/.rsipc-new.$base.99999999." . getmypid() . ".1.tmp"; // a creator of "$base.99999999"
$stale = "$dir/.rsipc-new.$base.99999999.1.tmp";                     // a dead creator of "$base"
touch($others);
touch($stale);
Rsipc\Table::open($base, 64, $cols);
var_dump(file_exists($others), file_exists($stale));
unlink($others);
named_drop($base);

echo "-- sizes\n";
foreach ([0, 2147483649, 1 << 40] as $size) {
    echo $size, ': ', named_throws(fn() => Rsipc\Table::open(named_unique('size'), $size, $cols)), "\n";
}
?>
--EXPECT--
-- a FIFO under a table's name
bool(false)
Rsipc\Error: FILE is not a usable rsipc table: not a regular file
bool(true)
bool(false)
-- a symbolic link under a table's name: dangling, then to a real table
Rsipc\Error: FILE is not a usable rsipc table: a symbolic link, not a table file
bool(true)
bool(false)
Rsipc\Error: FILE is not a usable rsipc table: a symbolic link, not a table file
bool(false)
bool(true)
int(5)
then open() creates a table there: 0 rows
-- a name removed behind rsipc's back (rm): the next open() here finds what it names now
int(0)
bool(false)
bool(true)
int(2)
-- creating a table leaves the temporary file of a table named like it plus '.<digits>' alone
bool(true)
bool(false)
-- sizes
0: ValueError: Rsipc\Table::open(): Argument #2 ($size) must be between 1 and 2147483648
2147483649: ValueError: Rsipc\Table::open(): Argument #2 ($size) must be between 1 and 2147483648
1099511627776: ValueError: Rsipc\Table::open(): Argument #2 ($size) must be between 1 and 2147483648
