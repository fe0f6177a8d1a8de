--TEST--
Swoole\Table under strict_types: scalar arguments of the wrong type are TypeErrors, array contents still coerce
--FILE--
<?php
declare(strict_types=1);

function try_it(string $label, callable $f): void {
    try { $r = $f(); echo "$label: ", var_export($r, true), "\n"; }
    catch (TypeError $e) { echo "$label: ", get_class($e), ': ', $e->getMessage(), "\n"; }
}

try_it('construct string', fn() => new Swoole\Table('64'));
try_it('construct int proportion', fn() => (new Swoole\Table(64, 1))->getSize());
$t = new Swoole\Table(64);
try_it('column string type', fn() => $t->column('i', '1'));
try_it('column int name', fn() => $t->column(5, Swoole\Table::TYPE_INT));
$t->column('i', Swoole\Table::TYPE_INT);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->create();

try_it('set int key', fn() => $t->set(1002, ['i' => 1]));
try_it('get int key', fn() => $t->get(1002));
try_it('get int field', fn() => $t->get('k', 1));
try_it('exists int key', fn() => $t->exists(1));
try_it('del int key', fn() => $t->del(1));
try_it('incr int key', fn() => $t->incr(1, 'i'));
try_it('incr int column', fn() => $t->incr('k', 1));
try_it('add int key', fn() => $t->add(1, []));
try_it('getdel float key', fn() => $t->getdel(1.5));
var_dump(count($t));

echo "-- values inside the array are converted as in weak mode\n";
try_it('set', fn() => $t->set('k', ['i' => '42abc', 's' => 12]));
var_dump($t->get('k'));
?>
--EXPECT--
construct string: TypeError: Swoole\Table::__construct(): Argument #1 ($table_size) must be of type int, string given
construct int proportion: 64
column string type: TypeError: Swoole\Table::column(): Argument #2 ($type) must be of type int, string given
column int name: TypeError: Swoole\Table::column(): Argument #1 ($name) must be of type string, int given
set int key: TypeError: Swoole\Table::set(): Argument #1 ($key) must be of type string, int given
get int key: TypeError: Swoole\Table::get(): Argument #1 ($key) must be of type string, int given
get int field: TypeError: Swoole\Table::get(): Argument #2 ($field) must be of type ?string, int given
exists int key: TypeError: Swoole\Table::exists(): Argument #1 ($key) must be of type string, int given
del int key: TypeError: Swoole\Table::del(): Argument #1 ($key) must be of type string, int given
incr int key: TypeError: Swoole\Table::incr(): Argument #1 ($key) must be of type string, int given
incr int column: TypeError: Swoole\Table::incr(): Argument #2 ($column) must be of type string, int given
add int key: TypeError: Swoole\Table::add(): Argument #1 ($key) must be of type string, int given
getdel float key: TypeError: Swoole\Table::getdel(): Argument #1 ($key) must be of type string, float given
int(0)
-- values inside the array are converted as in weak mode
set: true
array(2) {
  ["i"]=>
  int(42)
  ["s"]=>
  string(2) "12"
}
