--TEST--
Swoole\Table: the seed program examples/table_example.php, run verbatim (the foreach lines sorted: iteration order is not promised)
--EXTENSIONS--
pcntl
--FILE--
<?php
$example = __DIR__ . '/../../examples/table_example.php';
$me = getmypid();
ob_start();
include $example;
$out = ob_get_clean();
if (getmypid() !== $me) {
    exit(0);   // never reached: the example's child calls exit() itself
}
// The example ends with one "key: name" line per row; everything before them is printed as is.
$lines = explode("\n", rtrim($out, "\n"));
$rows = [];
while ($lines && preg_match('/^[^ ]+@qq\.com: /', end($lines))) {
    $rows[] = array_pop($lines);
}
sort($rows);
echo implode("\n", $lines), "\n", "-- rows (sorted)\n", implode("\n", $rows), "\n";
?>
--EXPECT--
array(3) {
  ["id"]=>
  int(190)
  ["name"]=>
  string(6) "rango3"
  ["num"]=>
  float(3.1415)
}
string(10) "from child"
int(4)
-- rows (sorted)
350749960@qq.com: Rango1234
child@qq.com: from child
hello@qq.com: rango3
tianfenghan@qq.com: rango
