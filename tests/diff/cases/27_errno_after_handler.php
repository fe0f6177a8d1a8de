<?php
// msg_send() reads errno for $error_code after its warning, so a user error handler that makes
// a failing system call changes what $error_code receives (stock behaviour, kept as is).
require __DIR__ . '/../lib.php';

$q = rsipc_new_queue();
set_error_handler(function (int $no, string $str) {
    echo "handler: $str\n";
    return true;
});
var_dump(msg_send($q, 0, 'x', true, true, $e), $e);
restore_error_handler();
set_error_handler(function (int $no, string $str) {
    echo "handler with a failing syscall: $str\n";
    @file_get_contents('/nonexistent-rsipc-dir/file');
    return true;
});
var_dump(msg_send($q, 0, 'x', true, true, $e), $e);
restore_error_handler();
set_error_handler(function (int $no, string $str) {
    echo "handler returning false: $str\n";
    return false;
});
var_dump(msg_send($q, -5, 'x', true, true, $e), $e);
restore_error_handler();
set_error_handler(function (int $no, string $str) {
    throw new RuntimeException("from handler: $str");
});
$e = 'old';
try {
    msg_send($q, 0, 'x', true, true, $e);
} catch (RuntimeException $ex) {
    echo get_class($ex), ': ', $ex->getMessage(), "\n";
}
var_dump($e);
restore_error_handler();
echo "-- @ suppresses the warning, error_code is still set\n";
var_dump(@msg_send($q, 0, 'x', true, true, $e), $e);
echo "-- error_reporting(0)\n";
error_reporting(0);
var_dump(msg_send($q, 0, 'x', true, true, $e), $e);
error_reporting(E_ALL);
echo "-- exceptions from a handler during msg_receive unserialization\n";
set_error_handler(function (int $no, string $str) {
    throw new LogicException($str);
});
msg_send($q, 1, 'not serialized', false);
try {
    msg_receive($q, 0, $t, 100, $m, true, 0, $e);
} catch (LogicException $ex) {
    echo get_class($ex), ': ', $ex->getMessage(), "\n";
}
var_dump($t, $m, $e, rsipc_qnum($q));
