--TEST--
Swoole\Table: numeric column names are integer keys in rows (get() and foreach), as PHP arrays and Swoole make them
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('0', Swoole\Table::TYPE_INT);
$t->column('1', Swoole\Table::TYPE_STRING, 8);
$t->column('x', Swoole\Table::TYPE_FLOAT);
$t->create();
$t->set('k', ['x' => 1.5]);
$t->incr('k', '0', 5);
$r = $t->get('k');
var_dump($r, isset($r[0]), isset($r['0']), $t->get('k', '0'));
foreach ($t as $k => $row) var_dump(array_keys($row));
?>
--EXPECT--
array(3) {
  [0]=>
  int(5)
  [1]=>
  string(0) ""
  ["x"]=>
  float(1.5)
}
bool(true)
bool(true)
int(5)
array(3) {
  [0]=>
  int(0)
  [1]=>
  int(1)
  [2]=>
  string(1) "x"
}
