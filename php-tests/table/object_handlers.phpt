--TEST--
Swoole\Table: clone, serialize, var_dump, properties, no ArrayAccess, subclassing, interfaces, constants
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('i', Swoole\Table::TYPE_INT);
echo "-- var_dump before and after create\n";
var_dump($t);
$t->create();
var_dump($t);
ob_start();
var_dump($t);
$dump = ob_get_clean();
var_dump(str_contains($dump, 'int(' . $t->getMemorySize() . ')'));

echo "-- clone\n";
try { $c = clone $t; echo "cloned\n"; } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }

echo "-- serialize\n";
try { serialize($t); echo "serialized\n"; } catch (Exception $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { serialize([$t]); echo "serialized\n"; } catch (Exception $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { unserialize('O:12:"Swoole\Table":0:{}'); echo "unserialized\n"; } catch (Exception $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }

echo "-- properties\n";
try { unset($t->size); echo "unset\n"; } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
$t->size = 'x';
var_dump($t->getSize());
$t->dyn = 1;
var_dump($t->dyn);

echo "-- no ArrayAccess\n";
$t->set('k', ['i' => 1]);
try { var_dump($t['k']); } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }

echo "-- interfaces and constants\n";
var_dump($t instanceof Iterator, $t instanceof Traversable, $t instanceof Countable, $t instanceof ArrayAccess);
var_dump(Swoole\Table::TYPE_INT, Swoole\Table::TYPE_FLOAT, Swoole\Table::TYPE_STRING);

echo "-- subclassing works\n";
class MyTable extends Swoole\Table {
    public function __construct(int $n) { parent::__construct($n); $this->column('v', self::TYPE_INT); $this->create(); }
}
$m = new MyTable(10);
$m->incr('a', 'v', 5);
var_dump($m->get('a', 'v'), $m->getSize(), $m instanceof Swoole\Table);
$m->destroy();
$t->destroy();
?>
--EXPECTF--
-- var_dump before and after create
object(Swoole\Table)#1 (2) {
  ["size"]=>
  NULL
  ["memorySize"]=>
  NULL
}
object(Swoole\Table)#1 (2) {
  ["size"]=>
  int(64)
  ["memorySize"]=>
  int(%d)
}
bool(true)
-- clone
Error: Trying to clone an uncloneable object of class Swoole\Table
-- serialize
Exception: Serialization of 'Swoole\Table' is not allowed
Exception: Serialization of 'Swoole\Table' is not allowed
Exception: Unserialization of 'Swoole\Table' is not allowed
-- properties
Error: Property size of class Swoole\Table cannot be unset
int(64)

Deprecated: Creation of dynamic property Swoole\Table::$dyn is deprecated in %s on line %d
int(1)
-- no ArrayAccess
Error: Cannot use object of type Swoole\Table as array
-- interfaces and constants
bool(true)
bool(true)
bool(true)
bool(false)
int(1)
int(2)
int(3)
-- subclassing works
int(5)
int(64)
bool(true)
