--TEST--
sysvmsg: msg_send() with $serialize=false formats floats like PHP's %F
--INI--
precision=3
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();
$floats = [0.0, -0.0, 1.5, -1.5, 0.1, 1.01, 2.5e-7, 0.0000005, 0.0000015, -1e-10, 123456789.1234565,
    1e15, 1e20, (float) PHP_INT_MAX, PHP_INT_MAX + 1, -1e20, 1e22, 1e300, -1e300, PHP_FLOAT_MAX,
    PHP_FLOAT_MIN, PHP_FLOAT_EPSILON, 5e-324, 0.5, 1.0000005, 2.0000005, 999999.9999995,
    INF, -INF, NAN, -NAN];
foreach ($floats as $f) {
    var_dump(msg_send($q, 1, $f, false));
    var_dump(msg_receive($q, 1, $t, 8192, $m, false, MSG_IPC_NOWAIT));
    echo var_export($f, true), ' => ', $m, "\n";
}
// neither the precision ini (3 here) nor the locale changes the format
setlocale(LC_ALL, 'de_DE.UTF-8', 'de_DE', 'fr_FR.UTF-8', 'C');
msg_send($q, 1, 3.25, false);
msg_receive($q, 1, $t, 100, $m, false);
var_dump($m);
// a float as text is no serialized value
msg_send($q, 1, 1.5, false);
var_dump(msg_receive($q, 1, $t, 100, $m, true, 0, $e), $t, $m, $e);
?>
--EXPECTF--
bool(true)
bool(true)
0.0 => 0.000000
bool(true)
bool(true)
-0.0 => 0.000000
bool(true)
bool(true)
1.5 => 1.500000
bool(true)
bool(true)
-1.5 => -1.500000
bool(true)
bool(true)
0.1 => 0.100000
bool(true)
bool(true)
1.01 => 1.010000
bool(true)
bool(true)
2.5E-7 => 0.000000
bool(true)
bool(true)
5.0E-7 => 0.000000
bool(true)
bool(true)
1.5E-6 => 0.000002
bool(true)
bool(true)
-1.0E-10 => -0.000000
bool(true)
bool(true)
123456789.1234565 => 123456789.123456
bool(true)
bool(true)
1000000000000000.0 => 1000000000000000.000000
bool(true)
bool(true)
1.0E+20 => 100000000000000000000.000000
bool(true)
bool(true)
9.223372036854776E+18 => 9223372036854775808.000000
bool(true)
bool(true)
9.223372036854776E+18 => 9223372036854775808.000000
bool(true)
bool(true)
-1.0E+20 => -100000000000000000000.000000
bool(true)
bool(true)
1.0E+22 => 10000000000000000000000.000000
bool(true)
bool(true)
1.0E+300 => 1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000
bool(true)
bool(true)
-1.0E+300 => -1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.000000
bool(true)
bool(true)
1.7976931348623157E+308 => 179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368.000000
bool(true)
bool(true)
2.2250738585072014E-308 => 0.000000
bool(true)
bool(true)
2.220446049250313E-16 => 0.000000
bool(true)
bool(true)
5.0E-324 => 0.000000
bool(true)
bool(true)
0.5 => 0.500000
bool(true)
bool(true)
1.0000005 => 1.000001
bool(true)
bool(true)
2.0000005 => 2.000001
bool(true)
bool(true)
999999.9999995 => 999999.999999
bool(true)
bool(true)
INF => inf
bool(true)
bool(true)
-INF => inf
bool(true)
bool(true)
NAN => nan
bool(true)
bool(true)
NAN => nan
string(8) "3.250000"

Warning: msg_receive(): Message corrupted in %s on line %d
bool(false)
int(1)
bool(false)
int(0)
