--TEST--
swoole_table() helper: parses "name:type[:len]" specs into a created table (p = 0.25), RuntimeException on a bad spec
--FILE--
<?php
$t = swoole_table(1024, 'fd:int, reactor_id:i, data:s:64, score:f, ratio:float, name:string:5');
var_dump($t instanceof Swoole\Table, $t->getSize(), $t->size, $t->memorySize === $t->getMemorySize(), $t->memorySize > 0);
var_dump($t->stats()['total_slice_num']);
var_dump($t->set('a', ['fd' => 1, 'reactor_id' => 2, 'data' => str_repeat('d', 64), 'score' => 1.5, 'ratio' => 2.5, 'name' => 'abcdefgh']));
var_dump($t->get('a'));

echo "-- the same as building it by hand\n";
$h = new Swoole\Table(1024, 0.25);
$h->column('fd', Swoole\Table::TYPE_INT);
$h->column('reactor_id', Swoole\Table::TYPE_INT);
$h->column('data', Swoole\Table::TYPE_STRING, 64);
$h->column('score', Swoole\Table::TYPE_FLOAT);
$h->column('ratio', Swoole\Table::TYPE_FLOAT);
$h->column('name', Swoole\Table::TYPE_STRING, 5);
$h->create();
var_dump($h->getMemorySize() === $t->getMemorySize(), $h->stats()['total_slice_num'] === $t->stats()['total_slice_num']);
$h->destroy();
$t->destroy();

echo "-- whitespace around names, types and lengths is ignored\n";
$t = swoole_table(10, ' a : i , b : s : 8 ,c:f');
$t->set('k', ['a' => 1, 'b' => 'bb', 'c' => 0.5]);
var_dump($t->get('k'), $t->getSize());
$t->destroy();

echo "-- bad specs\n";
foreach (['name:s', 'name:s:0', 'name:s:-3', 'name:string', 'x:q', 'x:integer', 'id:i, x:double'] as $spec) {
    try {
        swoole_table(10, $spec);
        echo "'$spec': no exception\n";
    } catch (RuntimeException $e) {
        echo "'$spec': ", get_class($e), "\n";
    }
}
echo "-- argument types\n";
try { swoole_table('x', 'a:i'); } catch (TypeError $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
try { swoole_table(10); } catch (ArgumentCountError $e) { echo get_class($e), "\n"; }
?>
--EXPECT--
bool(true)
int(1024)
int(1024)
bool(true)
bool(true)
int(256)
bool(true)
array(6) {
  ["fd"]=>
  int(1)
  ["reactor_id"]=>
  int(2)
  ["data"]=>
  string(64) "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
  ["score"]=>
  float(1.5)
  ["ratio"]=>
  float(2.5)
  ["name"]=>
  string(8) "abcdefgh"
}
-- the same as building it by hand
bool(true)
bool(true)
-- whitespace around names, types and lengths is ignored
array(3) {
  ["a"]=>
  int(1)
  ["b"]=>
  string(2) "bb"
  ["c"]=>
  float(0.5)
}
int(64)
-- bad specs
'name:s': RuntimeException
'name:s:0': RuntimeException
'name:s:-3': RuntimeException
'name:string': RuntimeException
'x:q': RuntimeException
'x:integer': RuntimeException
'id:i, x:double': RuntimeException
-- argument types
TypeError: swoole_table(): Argument #1 ($size) must be of type int, string given
ArgumentCountError
