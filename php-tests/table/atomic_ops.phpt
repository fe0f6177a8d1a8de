--TEST--
Swoole\Table add/update/cmpset/cmpdel/getdel: semantics, validation warnings, exact comparison, stats
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('i', Swoole\Table::TYPE_INT);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->create();

function delta(Swoole\Table $t, array &$prev): string {
    $s = $t->stats();
    $out = [];
    foreach (['num', 'insert_count', 'update_count', 'delete_count'] as $k) {
        $out[] = sprintf('%s%+d', $k, $s[$k] - ($prev[$k] ?? 0));
    }
    $prev = $s;
    return implode(' ', $out) . "\n";
}
$st = [];
delta($t, $st);

echo "-- add\n";
var_dump($t->add('a', ['i' => 1, 's' => 'x', 5 => 'ignored', 'nope' => 2]));
var_dump($t->add('a', ['i' => 2]));
var_dump($t->get('a'));
echo delta($t, $st);

echo "-- update\n";
var_dump($t->update('b', ['i' => 1]), $t->exists('b'));
var_dump($t->update('a', []));
var_dump($t->update('a', ['f' => 1.5]));
var_dump($t->get('a'));
echo delta($t, $st);

echo "-- cmpset validation (warnings, nothing changes)\n";
var_dump($t->cmpset('a', [], ['i' => 3]));
var_dump($t->cmpset('a', [0 => 1], ['i' => 3]));
var_dump($t->cmpset('a', ['zz' => 1], ['i' => 3]));
var_dump($t->cmpdel('a', []));
var_dump($t->cmpdel('a', ['zz' => 1]));
echo delta($t, $st);

echo "-- cmpset compares, then applies\n";
var_dump($t->cmpset('a', ['i' => 2], ['i' => 3]));
var_dump($t->cmpset('a', ['i' => 1, 'f' => 1.5, 's' => 'x'], ['i' => 3, 's' => 'y']));
var_dump($t->cmpset('a', ['i' => 3], []));
var_dump($t->cmpset('missing', ['i' => 0], ['i' => 3]), $t->exists('missing'));
var_dump($t->get('a'));
echo delta($t, $st);

echo "-- exact comparison: 0.0 vs -0.0, NaN bits, over-long expected strings\n";
$t->set('z', ['f' => -0.0, 's' => '12345678']);
var_dump($t->cmpset('z', ['f' => 0.0], ['i' => 1]));
var_dump($t->cmpset('z', ['f' => -0.0], ['i' => 2]));
var_dump($t->cmpset('z', ['s' => '123456789'], ['i' => 3]));
var_dump($t->cmpset('z', ['s' => '12345678'], ['i' => 4]));
$t->set('n', ['f' => NAN]);
var_dump($t->cmpset('n', ['f' => NAN], ['i' => 5]));
var_dump($t->get('z', 'i'), $t->get('n', 'i'));
echo delta($t, $st);

echo "-- cmpdel\n";
var_dump($t->cmpdel('a', ['i' => 1]), $t->exists('a'));
var_dump($t->cmpdel('a', ['i' => 3, 's' => 'y']), $t->exists('a'));
var_dump($t->cmpdel('a', ['i' => 3]));
echo delta($t, $st);

echo "-- getdel\n";
$t->set('g', ['i' => 9, 'f' => 0.5, 's' => "a\0b"]);
var_dump($t->getdel('g', 'nope'), $t->exists('g'));
var_dump($t->getdel('g', 's'), $t->exists('g'));
$t->set('g', ['i' => 10]);
var_dump($t->getdel('g'), $t->exists('g'), $t->getdel('g'), $t->getdel('g', 'i'));
echo delta($t, $st);

echo "-- empty keys\n";
var_dump($t->add('', []), $t->update('', []), $t->cmpset('', ['i' => 1], []), $t->cmpdel('', ['i' => 1]), $t->getdel(''));
echo delta($t, $st);
var_dump(count($t));
$t->destroy();
?>
--EXPECTF--
-- add
bool(true)
bool(false)
array(3) {
  ["i"]=>
  int(1)
  ["f"]=>
  float(0)
  ["s"]=>
  string(1) "x"
}
num+1 insert_count+1 update_count+0 delete_count+0
-- update
bool(false)
bool(false)
bool(true)
bool(true)
array(3) {
  ["i"]=>
  int(1)
  ["f"]=>
  float(1.5)
  ["s"]=>
  string(1) "x"
}
num+0 insert_count+0 update_count+2 delete_count+0
-- cmpset validation (warnings, nothing changes)

Warning: Swoole\Table::cmpset(): expected values must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::cmpset(): expected values must use column names in %s on line %d
bool(false)

Warning: Swoole\Table::cmpset(): column[zz] does not exist in %s on line %d
bool(false)

Warning: Swoole\Table::cmpdel(): expected values must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::cmpdel(): column[zz] does not exist in %s on line %d
bool(false)
num+0 insert_count+0 update_count+0 delete_count+0
-- cmpset compares, then applies
bool(false)
bool(true)
bool(true)
bool(false)
bool(false)
array(3) {
  ["i"]=>
  int(3)
  ["f"]=>
  float(1.5)
  ["s"]=>
  string(1) "y"
}
num+0 insert_count+0 update_count+2 delete_count+0
-- exact comparison: 0.0 vs -0.0, NaN bits, over-long expected strings
bool(false)
bool(true)
bool(false)
bool(true)
bool(true)
int(4)
int(5)
num+2 insert_count+2 update_count+3 delete_count+0
-- cmpdel
bool(false)
bool(true)
bool(true)
bool(false)
bool(false)
num-1 insert_count+0 update_count+0 delete_count+1
-- getdel
bool(false)
bool(true)
string(3) "a%0b"
bool(false)
array(3) {
  ["i"]=>
  int(10)
  ["f"]=>
  float(0)
  ["s"]=>
  string(0) ""
}
bool(false)
bool(false)
bool(false)
num+0 insert_count+2 update_count+0 delete_count+2
-- empty keys

Warning: Swoole\Table::add(): key must not be empty in %s on line %d

Warning: Swoole\Table::update(): key must not be empty in %s on line %d

Warning: Swoole\Table::cmpset(): key must not be empty in %s on line %d

Warning: Swoole\Table::cmpdel(): key must not be empty in %s on line %d

Warning: Swoole\Table::getdel(): key must not be empty in %s on line %d
bool(false)
bool(false)
bool(false)
bool(false)
bool(false)
num+0 insert_count+0 update_count+0 delete_count+0
int(2)
