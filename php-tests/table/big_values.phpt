--TEST--
Swoole\Table: big string columns round-trip byte for byte next to other columns; random binary values
--FILE--
<?php
$size = 6 * 65536;
$t = new Swoole\Table(1);
$t->column('before', Swoole\Table::TYPE_INT);
$t->column('big', Swoole\Table::TYPE_STRING, $size);
$t->column('mid', Swoole\Table::TYPE_FLOAT);
$t->column('small', Swoole\Table::TYPE_STRING, 10);
$t->column('after', Swoole\Table::TYPE_INT);
$t->create();
var_dump($t->getSize(), $t->getMemorySize() > 64 * $size);

echo "-- full-length values, neighbours intact\n";
$ok = 0;
for ($i = 0; $i < 20; $i++) {
    $big = random_bytes($size);
    $small = random_bytes(16);          // rounded width: 16 bytes fit
    $row = ['before' => PHP_INT_MAX - $i, 'big' => $big, 'mid' => -$i - 0.5, 'small' => $small, 'after' => PHP_INT_MIN + $i];
    $t->set("k$i", $row);
    if ($t->get("k$i") === $row) { $ok++; }
}
var_dump($ok);

echo "-- shorter values overwrite longer ones exactly\n";
$t->set('k0', ['big' => "short\0value"]);
var_dump($t->get('k0', 'big') === "short\0value", $t->get('k0', 'before') === PHP_INT_MAX);

echo "-- random binary strings of random lengths\n";
$u = new Swoole\Table(128);
$u->column('v', Swoole\Table::TYPE_STRING, 250 * 1024);
$u->column('len', Swoole\Table::TYPE_INT);
$u->create();
$data = [];
for ($i = 0; $i < 100; $i++) {
    $data[$i] = random_bytes(random_int(100 * 1024, 250 * 1024));
    $u->set("r$i", ['v' => $data[$i], 'len' => strlen($data[$i])]);
}
$bad = 0;
foreach ($u as $k => $row) {
    $i = (int) substr($k, 1);
    if ($row['v'] !== $data[$i] || $row['len'] !== strlen($data[$i])) { $bad++; }
}
var_dump(count($u), $bad);
$u->destroy();

echo "-- one byte over the width is cut (with the warning)\n";
var_dump(@$t->set('over', ['big' => str_repeat('x', $size + 1)]), strlen($t->get('over', 'big')));
$t->destroy();
?>
--EXPECT--
int(64)
bool(true)
-- full-length values, neighbours intact
int(20)
-- shorter values overwrite longer ones exactly
bool(true)
bool(true)
-- random binary strings of random lengths
int(100)
int(0)
-- one byte over the width is cut (with the warning)
bool(true)
int(393216)
