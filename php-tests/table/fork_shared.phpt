--TEST--
Swoole\Table across fork: a child's writes are seen by the parent and the other way round; counters are shared
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/../inc/table_helpers.php';
table_guard(60);

$t = new Swoole\Table(256);
$t->column('n', Swoole\Table::TYPE_INT);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->column('s', Swoole\Table::TYPE_STRING, 32);
$t->create();
$t->set('counter', ['n' => 0]);
$t->set('gone', ['s' => 'delete me']);
$t->set('mine', ['s' => 'parent']);

echo "-- one child writes\n";
$pid = table_fork(function () use ($t) {
    $t->incr('counter', 'n', 5);
    $t->incr('counter', 'f', 0.5);
    $t->set('child', ['n' => getmypid(), 's' => 'from child']);
    $t->del('gone');
    $t->add('added', ['n' => 7]);
    $t->set('mine', ['s' => 'child was here']);
    $t->set("bin\0key", ['s' => "bin\0value"]);
});
echo table_wait($pid), "\n";
var_dump($t->get('counter'));
var_dump($t->get('child', 'n') === $pid, $t->get('child', 's'), $t->exists('gone'), $t->get('added', 'n'), $t->get('mine', 's'),
    $t->get("bin\0key", 's') === "bin\0value", count($t));

echo "-- the parent writes after the fork, the child sees it\n";
$pid = table_fork(function () use ($t) {
    // wait for the parent's signal row, then answer through the table
    for ($i = 0; $i < 2000 && !$t->exists('go'); $i++) { usleep(5000); }
    $t->set('answer', ['s' => $t->get('go', 's') . '+child', 'n' => count($t)]);
});
$t->set('go', ['s' => 'parent says go']);
echo table_wait($pid), "\n";
var_dump($t->get('answer'));

echo "-- four children increment the same counters concurrently\n";
$pids = [];
for ($c = 0; $c < 4; $c++) {
    $pids[] = table_fork(function () use ($t) {
        for ($i = 0; $i < 5000; $i++) {
            $t->incr('counter', 'n');
            $t->incr('k' . ($i % 50), 'n', 2);
            $t->decr('counter', 'f', 0.25);
        }
    });
}
foreach ($pids as $p) { echo table_wait($p), "\n"; }
$sum = 0;
for ($i = 0; $i < 50; $i++) { $sum += $t->get("k$i", 'n'); }
var_dump($t->get('counter', 'n'), $t->get('counter', 'f'), $sum);

echo "-- stats are shared\n";
$before = $t->stats();
$pid = table_fork(function () use ($t) { for ($i = 0; $i < 10; $i++) { $t->set("s$i", []); } $t->del('s0'); });
echo table_wait($pid), "\n";
$after = $t->stats();
var_dump($after['insert_count'] - $before['insert_count'], $after['delete_count'] - $before['delete_count'], $after['num'] === count($t));
$t->destroy();
?>
--EXPECT--
-- one child writes
exit 0
array(3) {
  ["n"]=>
  int(5)
  ["f"]=>
  float(0.5)
  ["s"]=>
  string(0) ""
}
bool(true)
string(10) "from child"
bool(false)
int(7)
string(14) "child was here"
bool(true)
int(5)
-- the parent writes after the fork, the child sees it
exit 0
array(3) {
  ["n"]=>
  int(6)
  ["f"]=>
  float(0)
  ["s"]=>
  string(20) "parent says go+child"
}
-- four children increment the same counters concurrently
exit 0
exit 0
exit 0
exit 0
int(20005)
float(-4999.5)
int(40000)
-- stats are shared
exit 0
int(10)
int(1)
bool(true)
