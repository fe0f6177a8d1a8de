--TEST--
Swoole\Table rows are values: a row array handed out earlier never changes, whatever is read later
--FILE--
<?php
// Every row array is the caller's own value: holders of earlier rows never see later reads,
// however they hold them.
$t = new Swoole\Table(64);
$t->column('n', Swoole\Table::TYPE_INT);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->create();
foreach (['a' => 1, 'b' => 2, 'c' => 3, 'd' => 4] as $k => $n) {
    $t->set($k, ['n' => $n, 's' => str_repeat($k, $n), 'f' => $n / 2]);
}
$show = fn(array $r) => "{$r['n']}/{$r['s']}/{$r['f']}";

echo "-- rows held in variables\n";
$a = $t->get('a');
$b = $t->get('b');
$c = $t->get('c');
$t->get('d');
$t->get('d');
$d = $t->get('d');
echo $show($a), ' ', $show($b), ' ', $show($c), ' ', $show($d), "\n";

echo "-- a row dropped, then the next ones\n";
unset($b);
$e = $t->get('a');
$f = $t->get('c');
echo $show($a), ' ', $show($c), ' ', $show($d), ' ', $show($e), ' ', $show($f), "\n";

echo "-- a changed row keeps its change, later rows do not see it\n";
$g = $t->get('b');
$g['n'] = 100;
$g['s'] = 'changed';
$t->get('a');
$t->get('c');
echo $show($g), ' ', $show($t->get('b')), "\n";

echo "-- a reference to one of its elements\n";
$h = $t->get('a');
$ref = &$h['n'];
$ref = 55;
$t->get('b');
$t->get('c');
$t->get('d');
echo $show($h), ' ', $show($t->get('a')), "\n";
unset($ref);

echo "-- held as an element of another array, and in a static\n";
$list = [$t->get('a'), $t->get('b')];
function keep(?array $r = null): ?array { static $kept; if ($r !== null) { $kept = $r; } return $kept; }
keep($t->get('c'));
for ($i = 0; $i < 3; $i++) { $t->get('d'); $t->get('a'); }
echo $show($list[0]), ' ', $show($list[1]), ' ', $show(keep()), "\n";

echo "-- a row turned into an object, walked by reference\n";
class Gone { function __destruct() { echo "destructed "; } }
$o = (object)$t->get('a');
array_walk($o, function (&$v, $k) { if ($k === 'n') { $v = new Gone; } });
unset($o);
echo "after unset\n";
$t->get('a');
$t->get('a');
echo $show($t->get('a')), "\n";

echo "-- a string taken out of a dropped row\n";
$r = $t->get('d');
$s = $r['s'];
unset($r);
$t->get('a');
$t->get('b');
$t->get('c');
var_dump($s);

echo "-- foreach over a row while reading others\n";
foreach ($t->get('c') as $col => $v) {
    $t->get('a');
    $t->get('b');
    echo "$col=$v ";
}
echo "\n";

echo "-- rows from foreach over the table\n";
$rows = [];
foreach ($t as $k => $row) {
    $rows[$k] = $row;
    $t->get('a');
}
ksort($rows);
echo implode(' ', array_map($show, $rows)), "\n";

echo "-- getdel\n";
$t->set('x', ['n' => 9, 's' => 'x', 'f' => 0.5]);
$x = $t->getdel('x');
$t->get('a');
$t->get('b');
echo $show($x), ' ', var_export($t->exists('x'), true), "\n";

echo "-- a row kept after the table object is gone\n";
$k = $t->get('d');
$t->get('a');
unset($t);
echo $show($k), ' ', $show($a), "\n";

echo "-- no memory kept by rows nobody holds\n";
$t = new Swoole\Table(64);
$t->column('s', Swoole\Table::TYPE_STRING, 32);
$t->create();
$t->set('k', ['s' => str_repeat('z', 32)]);
$loop = function (int $n) use ($t, &$keep) {
    for ($i = 0; $i < $n; $i++) {
        $t->get('k');
        $keep = $t->get('k');
    }
};
$loop(3);
$before = memory_get_usage();
$loop(100000);
var_dump(memory_get_usage() - $before);
?>
--EXPECT--
-- rows held in variables
1/a/0.5 2/bb/1 3/ccc/1.5 4/dddd/2
-- a row dropped, then the next ones
1/a/0.5 3/ccc/1.5 4/dddd/2 1/a/0.5 3/ccc/1.5
-- a changed row keeps its change, later rows do not see it
100/changed/1 2/bb/1
-- a reference to one of its elements
55/a/0.5 1/a/0.5
-- held as an element of another array, and in a static
1/a/0.5 2/bb/1 3/ccc/1.5
-- a row turned into an object, walked by reference
destructed after unset
1/a/0.5
-- a string taken out of a dropped row
string(4) "dddd"
-- foreach over a row while reading others
n=3 s=ccc f=1.5 
-- rows from foreach over the table
1/a/0.5 2/bb/1 3/ccc/1.5 4/dddd/2
-- getdel
9/x/0.5 false
-- a row kept after the table object is gone
4/dddd/2 1/a/0.5
-- no memory kept by rows nobody holds
int(0)
