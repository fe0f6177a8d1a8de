--TEST--
Swoole\Table and Rsipc\Table Reflection: method signatures and return types, class shape (Swoole\Table extends Rsipc\Table), the swoole_table alias
--FILE--
<?php
function sig(ReflectionFunctionAbstract $m): string {
    $ps = [];
    foreach ($m->getParameters() as $p) {
        $s = ($p->getType() ? $p->getType() . ' ' : '') . '$' . $p->getName();
        if ($p->isOptional()) {
            $s .= $p->isDefaultValueAvailable() ? ' = ' . var_export($p->getDefaultValue(), true) : ' = ?';
        }
        $ps[] = $s;
    }
    $ret = $m->hasReturnType() ? ': ' . $m->getReturnType()
        : ($m->hasTentativeReturnType() ? ': ' . $m->getTentativeReturnType() : '');
    return $m->getName() . '(' . implode(', ', $ps) . ')' . $ret;
}

echo (string) (new ReflectionMethod('Swoole\Table', 'get'))->getReturnType(), "\n";
echo (string) (new ReflectionMethod('Swoole\Table', 'getdel'))->getReturnType(), "\n";
echo (string) (new ReflectionMethod('Swoole\Table', 'incr'))->getReturnType(), "\n";
echo (string) (new ReflectionMethod('Swoole\Table', 'decr'))->getReturnType(), "\n";

echo "-- every method\n";
$c = new ReflectionClass('Swoole\Table');
$sigs = [];
foreach ($c->getMethods() as $m) {
    if (!$m->isPublic()) { echo "odd method ", $m->getName(), "\n"; }
    if ($m->isStatic()) { echo "static ", $m->getName(), " declared by ", $m->getDeclaringClass()->getName(), "\n"; }
    elseif ($m->getDeclaringClass()->getName() !== 'Swoole\Table') { echo "inherited ", $m->getName(), "\n"; }
    $sigs[] = sig($m);
}
sort($sigs);
echo implode("\n", $sigs), "\n";

echo "-- class shape\n";
$ifaces = $c->getInterfaceNames();
sort($ifaces);
var_dump($c->isFinal(), $c->isInternal(), $c->getParentClass(), $ifaces, $c->getConstants());
foreach ($c->getProperties() as $p) { echo trim((string) $p), "\n"; }
var_dump((new ReflectionClass('Swoole\Error'))->getParentClass()->getName(), (new ReflectionClass('Swoole\Exception'))->getParentClass()->getName());

echo "-- Rsipc\\Table: the same methods, plus the static ones\n";
$r = new ReflectionClass('Rsipc\Table');
$rs = [];
foreach ($r->getMethods() as $m) { $rs[] = sig($m); }
sort($rs);
var_dump(array_values(array_diff($rs, $sigs)), array_values(array_diff($sigs, $rs)));
var_dump($r->isFinal(), $r->getParentClass(), $r->getConstants() === $c->getConstants(), (new ReflectionClass('Rsipc\Error'))->getParentClass()->getName());
var_dump(Swoole\Table::open('rsipc-reflection-' . getmypid(), 64, ['a' => Swoole\Table::TYPE_INT]) instanceof Swoole\Table);
var_dump(Rsipc\Table::unlink('rsipc-reflection-' . getmypid()));

echo "-- the swoole_table alias\n";
$a = new ReflectionClass('swoole_table');
var_dump($a->getName(), class_exists('swoole_table'), swoole_table::TYPE_INT, swoole_table::TYPE_FLOAT, swoole_table::TYPE_STRING);
$t = new swoole_table(1);
var_dump(get_class($t), $t instanceof Swoole\Table, $t instanceof swoole_table, $t->getSize());
$t->column('id', swoole_table::TYPE_INT, 4);
$t->create();
$t->set('x', ['id' => 5]);
var_dump($t->get('x'));
$t->destroy();
$u = new Swoole\Table(64);
var_dump($u instanceof swoole_table, is_a($u, 'SWOOLE_TABLE'));
function takes(swoole_table $t): string { return get_class($t); }
var_dump(takes($u));

echo "-- the helper function\n";
echo sig(new ReflectionFunction('swoole_table')), "\n";
?>
--EXPECT--
array|string|int|float|false
array|string|int|float|false
int|float|false
int|float|false
-- every method
static open declared by Rsipc\Table
static unlink declared by Rsipc\Table
static list declared by Rsipc\Table
__construct(int $table_size, float $conflict_proportion = 0.2)
add(string $key, array $values): bool
cmpdel(string $key, array $expected): bool
cmpset(string $key, array $expected, array $values): bool
column(string $name, int $type, int $size = 0): bool
count(): int
create(): bool
current(): mixed
decr(string $key, string $column, int|float $incrby = 1): int|float|false
del(string $key): bool
delete(string $key): bool
destroy(): bool
exist(string $key): bool
exists(string $key): bool
get(string $key, ?string $field = NULL): array|string|int|float|false
getMemorySize(): int
getSize(): int
getdel(string $key, ?string $field = NULL): array|string|int|float|false
incr(string $key, string $column, int|float $incrby = 1): int|float|false
key(): mixed
list(): array
next(): void
open(string $name, int $size, array $columns, float $conflict_proportion = 0.2, int $mode = 384): static
rewind(): void
set(string $key, array $value): bool
stats(): array|false
unlink(string $name): bool
update(string $key, array $values): bool
valid(): bool
-- class shape
bool(false)
bool(true)
object(ReflectionClass)#29 (1) {
  ["name"]=>
  string(11) "Rsipc\Table"
}
array(3) {
  [0]=>
  string(9) "Countable"
  [1]=>
  string(8) "Iterator"
  [2]=>
  string(11) "Traversable"
}
array(3) {
  ["TYPE_INT"]=>
  int(1)
  ["TYPE_STRING"]=>
  int(3)
  ["TYPE_FLOAT"]=>
  int(2)
}
Property [ public $size = NULL ]
Property [ public $memorySize = NULL ]
string(5) "Error"
string(9) "Exception"
-- Rsipc\Table: the same methods, plus the static ones
array(0) {
}
array(0) {
}
bool(false)
bool(false)
bool(true)
string(5) "Error"
bool(true)
bool(true)
-- the swoole_table alias
string(12) "Swoole\Table"
bool(true)
int(1)
int(2)
int(3)
string(12) "Swoole\Table"
bool(true)
bool(true)
int(64)
array(1) {
  ["id"]=>
  int(5)
}
bool(true)
bool(true)
string(12) "Swoole\Table"
-- the helper function
swoole_table(int $size, string $fields): Swoole\Table
