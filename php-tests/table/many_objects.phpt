--TEST--
Swoole\Table: 10,000 tables without create() do not exhaust anything; create/destroy cycles leave no mappings behind
--SKIPIF--
<?php if (!is_readable('/proc/self/maps')) die('skip needs /proc/self/maps'); ?>
--FILE--
<?php
$all = [];
for ($i = 0; $i < 10000; $i++) {
    $t = new Swoole\Table(1);
    $t->column('v', Swoole\Table::TYPE_INT);
    $all[] = $t;
}
var_dump(count($all), end($all)->getSize());
$last = end($all);
$last->create();
$last->set('k', ['v' => 1]);
var_dump($last->get('k', 'v'));
$last->destroy();
$all = null;

function shared_maps(): int {
    $n = 0;
    foreach (file('/proc/self/maps') as $line) {
        if (preg_match('/^\S+ \S*s\S* /', $line)) { $n++; }
    }
    return $n;
}
$t = new Swoole\Table(1024);
$t->column('s', Swoole\Table::TYPE_STRING, 1024);
$t->create();
$t->destroy();
$base = shared_maps();
for ($i = 0; $i < 200; $i++) {
    $t = new Swoole\Table(1024);
    $t->column('s', Swoole\Table::TYPE_STRING, 1024);
    $t->create();
    $t->set("k$i", ['s' => 'x']);
    $t->destroy();
}
var_dump(shared_maps() - $base);
?>
--EXPECT--
int(10000)
int(64)
int(1)
int(0)
