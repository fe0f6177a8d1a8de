--TEST--
Swoole\Table: __construct capacity rounding, conflict proportion clamp, second constructor call
--FILE--
<?php
require __DIR__ . '/../inc/table_helpers.php';

echo "-- getSize() before create: next power of two >= max(size, 64), 2^31 cap, uint32 cast\n";
foreach ([-1, 0, 1, 63, 64, 65, 1000, 1024, 1025, 4294967297] as $n) {
    $t = new Swoole\Table($n);
    echo $n, ' => ', $t->getSize(), "\n";
}

echo "-- before create: properties null, memory 0\n";
$t = new Swoole\Table(100);
var_dump($t->size, $t->memorySize, $t->getMemorySize());

echo "-- overflow slots: floor(N * clamp(p, 0.2, 1.0))\n";
foreach ([0.0, 0.1, 0.2, 0.3, 0.5, 1.0, 5.0, -3.0] as $p) {
    $t = new Swoole\Table(1024, $p);
    $t->column('i', Swoole\Table::TYPE_INT);
    $t->create();
    $s = $t->stats();
    echo $p, ' => ', $s['total_slice_num'], ' free ', $s['available_slice_num'], "\n";
    $t->destroy();
}
$t = new Swoole\Table(64, 0.3);
$t->create();
echo "64, 0.3 => ", $t->stats()['total_slice_num'], "\n";
$t->destroy();

echo "-- constructor twice\n";
$t = new Swoole\Table(64);
table_try(fn() => $t->__construct(128));
echo $t->getSize(), "\n";
$t->column('i', Swoole\Table::TYPE_INT);
$t->create();
table_try(fn() => $t->__construct(128));
echo $t->getSize(), "\n";
$t->destroy();

echo "-- argument errors\n";
table_try(fn() => new Swoole\Table());
table_try(fn() => new Swoole\Table('abc'));
table_try(fn() => new Swoole\Table(64, 'x'));
echo (new Swoole\Table('65'))->getSize(), "\n";
?>
--EXPECT--
-- getSize() before create: next power of two >= max(size, 64), 2^31 cap, uint32 cast
-1 => 2147483648
0 => 64
1 => 64
63 => 64
64 => 64
65 => 128
1000 => 1024
1024 => 1024
1025 => 2048
4294967297 => 64
-- before create: properties null, memory 0
NULL
NULL
int(0)
-- overflow slots: floor(N * clamp(p, 0.2, 1.0))
0 => 204 free 204
0.1 => 204 free 204
0.2 => 204 free 204
0.3 => 307 free 307
0.5 => 512 free 512
1 => 1024 free 1024
5 => 1024 free 1024
-3 => 204 free 204
64, 0.3 => 19
-- constructor twice
Error: Constructor of Swoole\Table can only be called once
64
Error: Constructor of Swoole\Table can only be called once
64
-- argument errors
ArgumentCountError: Swoole\Table::__construct() expects at least 1 argument, 0 given
TypeError: Swoole\Table::__construct(): Argument #1 ($table_size) must be of type int, string given
TypeError: Swoole\Table::__construct(): Argument #2 ($conflict_proportion) must be of type float, string given
128
