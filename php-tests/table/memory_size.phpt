--TEST--
Swoole\Table::getMemorySize(): 0 before create, the real size of the shared mapping after, no larger than Swoole's
--SKIPIF--
<?php if (!is_readable('/proc/self/maps')) die('skip needs /proc/self/maps'); ?>
--FILE--
<?php
// Swoole 6.3: 8*N + (N + C)*R + 24*C + 48, R = align8(88 + sum of columns), string = align8(size) + 4
function swoole_memory(int $n, float $p, array $cols): int {
    $p = max(0.2, min(1.0, $p));
    $c = (int) floor($n * $p);
    $sum = 0;
    foreach ($cols as [$type, $size]) {
        $sum += $type === Swoole\Table::TYPE_STRING ? ((($size + 7) & ~7) + 4) : 8;
    }
    $r = (88 + $sum + 7) & ~7;
    return 8 * $n + ($n + $c) * $r + 24 * $c + 48;
}

function new_shared_mappings(array $before, array $after): array {
    $sizes = [];
    foreach (array_diff($after, $before) as $line) {
        if (preg_match('/^([0-9a-f]+)-([0-9a-f]+) \S*s\S* /', $line, $m)) {
            $sizes[] = hexdec($m[2]) - hexdec($m[1]);
        }
    }
    return $sizes;
}

$cases = [
    [64, 0.2, [[Swoole\Table::TYPE_INT, 0], [Swoole\Table::TYPE_FLOAT, 0], [Swoole\Table::TYPE_STRING, 5]]],
    [1024, 0.2, [[Swoole\Table::TYPE_INT, 8]]],
    [1000, 1.0, [[Swoole\Table::TYPE_STRING, 100], [Swoole\Table::TYPE_INT, 4]]],
    [4096, 0.5, [[Swoole\Table::TYPE_STRING, 1], [Swoole\Table::TYPE_STRING, 1000]]],
    [64, 0.2, []],
];
foreach ($cases as $i => [$n, $p, $cols]) {
    $t = new Swoole\Table($n, $p);
    foreach ($cols as $j => [$type, $size]) {
        $t->column("c$j", $type, $size);
    }
    $zero = $t->getMemorySize();
    $before = file('/proc/self/maps');
    $t->create();
    $after = file('/proc/self/maps');
    $mem = $t->getMemorySize();
    $swoole = swoole_memory($t->getSize(), $p, $cols);
    $maps = new_shared_mappings($before, $after);
    $match = false;
    foreach ($maps as $len) {
        if ($len >= $mem && $len < $mem + 65536) {
            $match = true;
        }
    }
    echo "case $i: before create ", $zero, ", property matches ", var_export($t->memorySize === $mem, true),
        ", not above Swoole's ", var_export($mem > 0 && $mem <= $swoole, true),
        ", one new shared mapping of that size ", var_export($match, true), "\n";
    if (!$match || $mem > $swoole) {
        echo "  getMemorySize $mem, Swoole $swoole, new shared mappings: ", implode(', ', $maps), "\n";
    }
    $t->destroy();
    var_dump($t->getMemorySize());
}
?>
--EXPECT--
case 0: before create 0, property matches true, not above Swoole's true, one new shared mapping of that size true
int(0)
case 1: before create 0, property matches true, not above Swoole's true, one new shared mapping of that size true
int(0)
case 2: before create 0, property matches true, not above Swoole's true, one new shared mapping of that size true
int(0)
case 3: before create 0, property matches true, not above Swoole's true, one new shared mapping of that size true
int(0)
case 4: before create 0, property matches true, not above Swoole's true, one new shared mapping of that size true
int(0)
