--TEST--
Swoole\Table: int columns declared with size 1/2/4/8 (or none) all hold full 64-bit values
--FILE--
<?php
$t = new Swoole\Table(64);
foreach ([0, 1, 2, 4, 8, 3, 100] as $size) {
    $t->column("i$size", Swoole\Table::TYPE_INT, $size);
}
$t->create();
$cols = ['i0', 'i1', 'i2', 'i4', 'i8', 'i3', 'i100'];
foreach ([PHP_INT_MAX, PHP_INT_MIN, 1000, -129, 65536, 4294967296, -4294967297, 0x123456789abcdef0] as $v) {
    $row = array_fill_keys($cols, $v);
    $t->set('k', $row);
    $got = $t->get('k');
    $ok = $got === $row;
    echo $v, ': ', $ok ? 'all columns hold it' : 'MISMATCH ' . json_encode($got), "\n";
}
echo "-- incr/decr across the 32-bit boundary\n";
$t->set('c', ['i1' => 2147483647, 'i2' => -2147483648]);
var_dump($t->incr('c', 'i1'), $t->decr('c', 'i2'), $t->incr('c', 'i4', 4294967296 * 3));
var_dump($t->get('c', 'i1'), $t->get('c', 'i2'), $t->get('c', 'i4'));
$t->destroy();
?>
--EXPECT--
9223372036854775807: all columns hold it
-9223372036854775808: all columns hold it
1000: all columns hold it
-129: all columns hold it
65536: all columns hold it
4294967296: all columns hold it
-4294967297: all columns hold it
1311768467463790320: all columns hold it
-- incr/decr across the 32-bit boundary
int(2147483648)
int(-2147483649)
int(12884901888)
int(2147483648)
int(-2147483649)
int(12884901888)
