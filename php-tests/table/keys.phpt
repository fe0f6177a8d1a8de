--TEST--
Swoole\Table keys: 63 bytes work, empty and 64-byte keys warn and fail in every key method, binary keys round-trip
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('v', Swoole\Table::TYPE_INT);
$t->create();

echo "-- 63-byte keys\n";
$k63 = str_repeat('a', 62) . 'z';
var_dump(strlen($k63));
var_dump($t->set($k63, ['v' => 63]), $t->get($k63), $t->exists($k63), $t->incr($k63, 'v'), $t->decr($k63, 'v', 2));
foreach ($t as $k => $row) { var_dump($k === $k63, $row); }
var_dump($t->del($k63), $t->exists($k63));
var_dump($t->add($k63, ['v' => 1]), $t->update($k63, ['v' => 2]), $t->cmpset($k63, ['v' => 2], ['v' => 3]),
    $t->getdel($k63, 'v'), $t->add($k63, []), $t->cmpdel($k63, ['v' => 0]), count($t));

echo "-- a 63-byte prefix of a longer key is a different key\n";
$t->set($k63, ['v' => 1]);
$k64 = $k63 . 'X';
var_dump(strlen($k64));

foreach (['' => 'empty', $k64 => '64 bytes', str_repeat('b', 1000) => '1000 bytes'] as $key => $label) {
    echo "-- $label\n";
    $key = (string) $key;
    var_dump($t->set($key, ['v' => 1]));
    var_dump($t->get($key));
    var_dump($t->get($key, 'v'));
    var_dump($t->exists($key));
    var_dump($t->exist($key));
    var_dump($t->del($key));
    var_dump($t->delete($key));
    var_dump($t->incr($key, 'v'));
    var_dump($t->decr($key, 'v'));
    var_dump($t->add($key, ['v' => 1]));
    var_dump($t->update($key, ['v' => 1]));
    var_dump($t->cmpset($key, ['v' => 1], ['v' => 2]));
    var_dump($t->cmpdel($key, ['v' => 1]));
    var_dump($t->getdel($key));
}
echo "-- nothing was stored, the 63-byte row is untouched\n";
var_dump(count($t), $t->get($k63, 'v'));

echo "-- binary keys\n";
$bin = ["a\0b", "a\0c", "\0", "\0\0\0", "a", "\xff\xfe\x00\x01", "x\0" . str_repeat("\0", 61)];
foreach ($bin as $i => $k) {
    var_dump($t->set($k, ['v' => $i]));
}
var_dump(count($t));
foreach ($bin as $i => $k) {
    if ($t->get($k, 'v') !== $i || !$t->exists($k)) {
        echo "key ", bin2hex($k), " lost\n";
    }
}
$seen = [];
foreach ($t as $k => $row) {
    $seen[] = bin2hex($k) . ' => ' . $row['v'];
}
sort($seen, SORT_STRING);
echo implode("\n", $seen), "\n";
var_dump($t->get("a\0"), $t->exists("a\0d"), $t->del("a\0b"), $t->exists("a\0c"), $t->exists("a\0b"));
$t->destroy();
?>
--EXPECTF--
-- 63-byte keys
int(63)
bool(true)
array(1) {
  ["v"]=>
  int(63)
}
bool(true)
int(64)
int(62)
bool(true)
array(1) {
  ["v"]=>
  int(62)
}
bool(true)
bool(false)
bool(true)
bool(true)
bool(true)
int(3)
bool(true)
bool(true)
int(0)
-- a 63-byte prefix of a longer key is a different key
int(64)
-- empty

Warning: Swoole\Table::set(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::get(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::get(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::exists(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::exist%S(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::del(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::del%S(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::incr(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::decr(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::add(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::update(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::cmpset(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::cmpdel(): key must not be empty in %s on line %d
bool(false)

Warning: Swoole\Table::getdel(): key must not be empty in %s on line %d
bool(false)
-- 64 bytes

Warning: Swoole\Table::set(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::get(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::get(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::exists(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::exist%S(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::del(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::del%S(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::incr(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::decr(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::add(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::update(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::cmpset(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::cmpdel(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::getdel(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)
-- 1000 bytes

Warning: Swoole\Table::set(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::get(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::get(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::exists(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::exist%S(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::del(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::del%S(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::incr(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::decr(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::add(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::update(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::cmpset(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::cmpdel(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)

Warning: Swoole\Table::getdel(): key length exceeds the limit of 63 bytes in %s on line %d
bool(false)
-- nothing was stored, the 63-byte row is untouched
int(1)
int(1)
-- binary keys
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
bool(true)
int(8)
00 => 2
000000 => 3
61 => 4
610062 => 0
610063 => 1
61616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161616161617a => 1
780000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000 => 6
fffe0001 => 5
bool(false)
bool(false)
bool(true)
bool(true)
bool(false)
