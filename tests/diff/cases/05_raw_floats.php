<?php
// serialize=false with floats: PHP's %F format (6 decimals, no locale, inf/nan lowercase).
require __DIR__ . '/../lib.php';

ini_set('precision', '5');
$q = rsipc_new_queue();
$floats = [0.0, -0.0, 0.5, -0.5, 1.0, 1.5, -1.5, 0.1, 0.125, 1/3, 2/3, 1e-6, 5e-7, 4.9999999e-7, 1.0000005,
    1.0000015, 2.0000025, 0.0000015, 1e-7, -1e-7, -1e-10, 1e6, 123456.7890125, 123456789.1234565, 1e15, 1e16,
    1e17, 1e19, 1e20, 1.7976931348623157e308, -1.7976931348623157e308, 1e300, 4.9e-324, 2.2250738585072014e-308,
    (float) PHP_INT_MAX, (float) PHP_INT_MIN, 9007199254740993.0, 0.999999, 0.9999995, 9.9999995, 99.9999995,
    999999.9999995, 1e22, 1e23, INF, -INF, NAN, -NAN, M_PI, -M_E, 3e-5, 12.345e10];
foreach ($floats as $f) {
    msg_send($q, 1, $f, false);
    msg_receive($q, 1, $t, 8192, $m, false, MSG_IPC_NOWAIT);
    echo var_export($f, true), ' => ', $m, "\n";
}
setlocale(LC_NUMERIC, 'de_DE.UTF-8', 'de_DE', 'fr_FR.UTF-8', 'C');
msg_send($q, 1, 1234.5, false);
msg_receive($q, 1, $t, 8192, $m, false, MSG_IPC_NOWAIT);
var_dump($m);
