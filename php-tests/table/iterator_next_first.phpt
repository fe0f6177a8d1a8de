--TEST--
Swoole\Table: next() on a cursor that never moved goes to the first row, as in Swoole; past the last row it stays there, rows inserted afterwards or not; rewind() starts again; after a foreach, next() does not start over
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('n', Swoole\Table::TYPE_INT);
$t->create();
echo "-- empty table\n";
$t->next();
var_dump($t->valid(), $t->key());
$t->set('z', ['n' => 1]);
$t->set('y', ['n' => 2]);
$u = new Swoole\Table(64);
$u->column('n', Swoole\Table::TYPE_INT);
$u->create();
$u->set('z', ['n' => 1]);
$u->set('y', ['n' => 2]);
echo "-- before any move\n";
var_dump($u->valid(), $u->key(), $u->current());
$seen = [];
for ($i = 0; $i < 2; $i++) {
    $u->next();
    var_dump($u->valid());
    $seen[] = $u->key() . '=' . $u->current()['n'];
}
sort($seen);
echo implode(' ', $seen), "\n";
echo "-- past the last row\n";
$u->next();
var_dump($u->valid(), $u->key());
$u->set('x', ['n' => 3]);
$u->next();
var_dump($u->valid(), $u->key());
echo "-- rewind\n";
$u->rewind();
var_dump($u->valid());
echo "-- the first table, whose cursor ran past its end while it was empty\n";
$t->next();
var_dump($t->valid());
$t->rewind();
var_dump($t->valid());
echo "-- after a foreach\n";
$w = new Swoole\Table(64);
$w->column('n', Swoole\Table::TYPE_INT);
$w->create();
$w->set('a', ['n' => 1]);
foreach ($w as $row) {
}
$w->next();
var_dump($w->valid());
?>
--EXPECT--
-- empty table
bool(false)
NULL
-- before any move
bool(false)
NULL
NULL
bool(true)
bool(true)
y=2 z=1
-- past the last row
bool(false)
NULL
bool(false)
NULL
-- rewind
bool(true)
-- the first table, whose cursor ran past its end while it was empty
bool(false)
bool(true)
-- after a foreach
bool(false)
