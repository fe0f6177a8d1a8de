--TEST--
swoole_table(): a string column's length is read as PHP's (int) reads it, as Swoole's helper does (exponents, a sign, saturation, 0 for the rest)
--FILE--
<?php
foreach (['1e3', '+5', '99999999999999999999', '12abc', '0x10', '1.9', '-0', '9223372036854775807', '1e400', ' 7 '] as $len) {
    try {
        $t = swoole_table(64, "a:s:$len,b:i");
        $t->set('k', ['a' => str_repeat('x', 2000), 'b' => 1]);
        echo "$len: table, a holds ", strlen($t->get('k', 'a') ?: ''), " bytes\n";
    } catch (Throwable $e) {
        echo "$len: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
// many helper tables in a row, their strings and rows alive together: a length read that freed
// memory twice corrupts PHP's allocator, and this is where that shows
$keep = [];
for ($i = 0; $i < 2000; $i++) {
    $t = swoole_table(16, "name:s:" . (8 + $i % 5) . ", n:i");
    $t->set("k$i", ['name' => "v$i", 'n' => $i]);
    $keep[] = [$t, $t->get("k$i"), str_repeat('x', 24 + $i % 16)];
}
echo count($keep), ' tables, the last row: ', json_encode(end($keep)[1]), "\n";
?>
--EXPECTF--

Warning: Swoole\Table::set(): [key=k,field=a]string value is too long in %s on line %d
1e3: table, a holds 1000 bytes

Warning: Swoole\Table::set(): [key=k,field=a]string value is too long in %s on line %d
+5: table, a holds 8 bytes

Warning: Swoole\Table::column(): column[a] size is too large in %s on line %d
99999999999999999999: table, a holds 0 bytes

Warning: Swoole\Table::set(): [key=k,field=a]string value is too long in %s on line %d
12abc: table, a holds 16 bytes
0x10: RuntimeException: invalid string length[0]

Warning: Swoole\Table::set(): [key=k,field=a]string value is too long in %s on line %d
1.9: table, a holds 8 bytes
-0: RuntimeException: invalid string length[0]

Warning: Swoole\Table::column(): column[a] size is too large in %s on line %d
9223372036854775807: table, a holds 0 bytes
1e400: RuntimeException: invalid string length[0]

Warning: Swoole\Table::set(): [key=k,field=a]string value is too long in %s on line %d
 7 : table, a holds 8 bytes
2000 tables, the last row: {"name":"v1999","n":1999}
