--TEST--
Rsipc\Table names: 1 to 64 bytes of [A-Za-z0-9_.-] work (also "." and ".."), anything else is a ValueError from open() and unlink(); list() describes each table
--FILE--
<?php
require __DIR__ . '/../inc/named_helpers.php';

$cols = ['n' => Rsipc\Table::TYPE_INT];
$tag = sprintf('%d%04x', getmypid(), random_int(0, 0xffff));
$good = ['short' => "x$tag", '64 bytes' => str_pad("long$tag", 64, 'L'), 'all kinds' => "A-z_0.9-$tag",
    'leading dot' => ".dot$tag", 'trailing dot' => "$tag.", 'leading dash' => "-$tag"];
foreach ($good as $what => $name) {
    try {
        $t = Rsipc\Table::open($name, 16, $cols);
        $t->set('k', ['n' => strlen($name)]);
        $again = Rsipc\Table::open($name, 16, $cols);
        $file = named_file($name);
        $ok = $again->get('k', 'n') === strlen($name) && $file !== null && dirname($file) === named_dir()
            && isset(Rsipc\Table::list()[$name]);
        echo "$what: ", $ok ? 'works, one file in the table directory, listed' : 'WRONG', ", unlink ", var_export(Rsipc\Table::unlink($name), true), "\n";
    } catch (Throwable $e) {
        echo "$what: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}

echo "-- '.' and '..' must stay inside the table directory\n";
$before = scandir(dirname(named_dir()));
foreach (['.', '..'] as $name) {
    // valid by the rule; working (as a file inside the directory) or a ValueError are both fine
    $r = named_throws(function () use ($name, $cols) {
        $t = Rsipc\Table::open($name, 16, $cols);
        $t->set('k', ['n' => 1]);
        if ($t->get('k', 'n') !== 1 || !Rsipc\Table::unlink($name)) {
            throw new Exception('does not work as a table');
        }
    });
    echo "'$name': ", $r === 'no exception' || str_starts_with($r, 'ValueError') ? 'works or a ValueError' : $r, "\n";
}
var_dump(scandir(dirname(named_dir())) === $before);

echo "-- invalid names\n";
$bad = ['empty' => '', '65 bytes' => str_repeat('a', 65), 'slash' => 'a/b', 'parent path' => '../etc', 'space' => 'a b',
    'NUL' => "a\0b", 'UTF-8' => 'tablé', 'colon' => 'a:b', 'star' => 'a*', 'newline' => "a\n"];
foreach ($bad as $what => $name) {
    $open = named_throws(fn() => Rsipc\Table::open($name, 16, $cols));
    $unlink = named_throws(fn() => Rsipc\Table::unlink($name));
    echo "$what: open() ", explode(':', $open)[0], ", unlink() ", explode(':', $unlink)[0], "\n";
}

echo "-- list()\n";
$name = "list$tag";
$t = Rsipc\Table::open($name, 64, ['n' => Rsipc\Table::TYPE_INT, 's' => [Rsipc\Table::TYPE_STRING, 8]], 0.2, 0640);
$t->set('a', ['n' => 1]);
$t->set('b', ['n' => 2]);
$info = Rsipc\Table::list()[$name] ?? null;
var_dump(is_array($info), array_diff(['size', 'columns', 'rows', 'memory', 'mode', 'owner', 'created'], array_keys($info ?? [])));
var_dump($info['size'] === 64, $info['rows'] === 2, $info['memory'] === $t->getMemorySize(), $info['mode'] === 0640,
    abs($info['created'] - time()) < 600);
var_dump(Rsipc\Table::unlink($name), isset(Rsipc\Table::list()[$name]));
?>
--EXPECT--
short: works, one file in the table directory, listed, unlink true
64 bytes: works, one file in the table directory, listed, unlink true
all kinds: works, one file in the table directory, listed, unlink true
leading dot: works, one file in the table directory, listed, unlink true
trailing dot: works, one file in the table directory, listed, unlink true
leading dash: works, one file in the table directory, listed, unlink true
-- '.' and '..' must stay inside the table directory
'.': works or a ValueError
'..': works or a ValueError
bool(true)
-- invalid names
empty: open() ValueError, unlink() ValueError
65 bytes: open() ValueError, unlink() ValueError
slash: open() ValueError, unlink() ValueError
parent path: open() ValueError, unlink() ValueError
space: open() ValueError, unlink() ValueError
NUL: open() ValueError, unlink() ValueError
UTF-8: open() ValueError, unlink() ValueError
colon: open() ValueError, unlink() ValueError
star: open() ValueError, unlink() ValueError
newline: open() ValueError, unlink() ValueError
-- list()
bool(true)
array(0) {
}
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(false)
