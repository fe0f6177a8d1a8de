--TEST--
Rsipc\Table::unlink() and destroy() while other processes have the table open: they see it destroyed; the name can be created anew and every process's open() then finds the new table
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/../inc/named_helpers.php';
table_guard(60);

$name = named_unique('unlink');
$cols = ['n' => Rsipc\Table::TYPE_INT];

// steps are handed between parent and child through a forked (anonymous) table
$step = new Swoole\Table(16);
$step->column('n', Swoole\Table::TYPE_INT);
$step->create();
$step->set('s', ['n' => 0]);
function wait_step(Swoole\Table $step, int $n): void
{
    while ($step->get('s', 'n') < $n) {
        usleep(1000);
    }
}
function go(Swoole\Table $step, int $n): void
{
    $step->set('s', ['n' => $n]);
}
// what using a table handle gives now
function use_it(Rsipc\Table $t): string
{
    $out = [];
    foreach (['get' => fn() => $t->get('k', 'n'), 'set' => fn() => $t->set('x', ['n' => 1]),
        'incr' => fn() => $t->incr('k', 'n'), 'exists' => fn() => $t->exists('k')] as $what => $f) {
        try {
            $out[] = "$what " . var_export($f(), true);
        } catch (Throwable $e) {
            // Swoole's word for a table that is gone is an Error ("... has been destroyed")
            $out[] = "$what " . ($e instanceof Error ? 'throws an Error' : 'throws ' . get_class($e) . ', not an Error');
        }
    }
    // count() of a destroyed Swoole\Table is 0, in the process that called destroy()
    $out[] = 'count() ' . count($t);
    return implode(', ', $out);
}

$t = Rsipc\Table::open($name, 64, $cols);
$t->set('k', ['n' => 1]);

$pid = table_fork(function () use ($step, $name, $cols) {
    $mine = Rsipc\Table::open($name, 64, $cols);
    echo "child: opened, k = ", $mine->get('k', 'n'), "\n";
    go($step, 1);
    wait_step($step, 2);                  // the parent unlinked it
    echo "child: after unlink: ", use_it($mine), "\n";
    wait_step($step, 3);                  // the parent created the name anew
    $again = Rsipc\Table::open($name, 64, $cols);
    echo "child: open() again finds the new table: k = ", var_export($again->get('k', 'n'), true), ", fresh = ", $again->get('fresh', 'n'), "\n";
    $again->incr('fresh', 'n');
    go($step, 4);
    wait_step($step, 5);                  // the parent destroyed it
    echo "child: after the parent's destroy(): ", use_it($again), "\n";
    $third = Rsipc\Table::open($name, 64, $cols);
    echo "child: open() after destroy() creates an empty table: ", count($third), " rows\n";
    $third->set('third', ['n' => 3]);
    go($step, 6);
    wait_step($step, 7);
    echo "child: the handle it had before is still destroyed: ", use_it($again), "\n";
});

wait_step($step, 1);
var_dump(Rsipc\Table::unlink($name));
echo "parent: file gone ", var_export(named_file($name) === null, true), ", listed ", var_export(isset(Rsipc\Table::list()[$name]), true), "\n";
try {
    echo "parent: unlink() again: ", var_export(Rsipc\Table::unlink($name), true), "\n";
} catch (Throwable $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
echo "parent: its own handle: ", use_it($t), "\n";
go($step, 2);
$new = Rsipc\Table::open($name, 64, $cols);
$new->set('fresh', ['n' => 10]);
go($step, 3);
wait_step($step, 4);
echo "parent: the child incremented the new table: fresh = ", $new->get('fresh', 'n'), "\n";
$new->destroy();
echo "parent: after destroy() the file is gone ", var_export(named_file($name) === null, true), "\n";
go($step, 5);
wait_step($step, 6);
$third = Rsipc\Table::open($name, 64, $cols);
echo "parent: sees the child's third table: ", $third->get('third', 'n'), "\n";
go($step, 7);
echo table_wait($pid), "\n";
var_dump(Rsipc\Table::unlink($name), named_file($name));
$step->destroy();
?>
--EXPECT--
child: opened, k = 1
bool(true)
parent: file gone true, listed false
parent: unlink() again: false
parent: its own handle: get throws an Error, set throws an Error, incr throws an Error, exists throws an Error, count() 0
child: after unlink: get throws an Error, set throws an Error, incr throws an Error, exists throws an Error, count() 0
child: open() again finds the new table: k = false, fresh = 10
parent: the child incremented the new table: fresh = 11
parent: after destroy() the file is gone true
child: after the parent's destroy(): get throws an Error, set throws an Error, incr throws an Error, exists throws an Error, count() 0
child: open() after destroy() creates an empty table: 0 rows
parent: sees the child's third table: 3
child: the handle it had before is still destroyed: get throws an Error, set throws an Error, incr throws an Error, exists throws an Error, count() 0
exit 0
bool(true)
NULL
