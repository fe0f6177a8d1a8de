<?php
// Wire interop between the two implementations with serialize=false, both directions, and
// mixed modes (serialized on one side, raw on the other).
require __DIR__ . '/../lib.php';

$k = rsipc_new_key();
$q = msg_get_queue($k);
$values = <<<'PHP'
function values(): array {
    $bin = '';
    for ($i = 0; $i < 256; $i++) { $bin .= chr($i); }
    return ['abc', '', "\0", $bin, str_repeat("\xff", 8192), 7, -7, PHP_INT_MIN, true, false, 1.5, -0.0, 0.1, 1e20,
        -1e-9, INF, -INF, NAN, 123456789.98765432];
}
PHP;
eval($values);

echo "== this side sends raw, the other implementation receives raw\n";
foreach (values() as $i => $v) {
    msg_send($q, $i + 1, $v, false);
}
echo run_php(php_other(), "<?php\n" . $values . <<<'PHP'

$q = msg_get_queue((int) $argv[1]);
while (msg_receive($q, 0, $t, 8192, $m, false, MSG_IPC_NOWAIT, $e)) {
    echo $t, ' len ', strlen($m), ' ', strlen($m) > 40 ? md5($m) : bin2hex($m), "\n";
}
echo "peer done, error $e\n";
PHP, $k);

echo "== the other implementation sends raw, this side receives raw\n";
echo run_php(php_other(), "<?php\n" . $values . <<<'PHP'

$q = msg_get_queue((int) $argv[1]);
foreach (values() as $i => $v) {
    msg_send($q, $i + 1, $v, false);
}
PHP, $k);
while (msg_receive($q, 0, $t, 8192, $m, false, MSG_IPC_NOWAIT, $e)) {
    echo $t, ' len ', strlen($m), ' ', strlen($m) > 40 ? md5($m) : bin2hex($m), "\n";
}
echo "done, error $e\n";

echo "== raw from the other side, unserialized here\n";
echo run_php(php_other(), <<<'PHP'
<?php
$q = msg_get_queue((int) $argv[1]);
foreach (['i:5;', 'not serialized', 'a:1:{i:0;b:1;}', '', 's:3:"abc";tail'] as $i => $raw) {
    msg_send($q, $i + 1, $raw, false);
}
PHP, $k);
for ($i = 0; $i < 6; $i++) {
    $r = msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e);
    echo var_export($r, true), ' ', $t, ' ', show($m), ' ', $e, "\n";
}
echo "== serialized here, truncated by the other side (MSG_NOERROR) and received raw\n";
msg_send($q, 3, ['truncate me please']);
echo run_php(php_other(), <<<'PHP'
<?php
$q = msg_get_queue((int) $argv[1]);
var_dump(msg_receive($q, 0, $t, 10, $m, false, MSG_NOERROR, $e), $t, $m, $e);
PHP, $k);
echo "== E2BIG on the other side leaves the message for this side\n";
msg_send($q, 4, str_repeat('L', 500), false);
echo run_php(php_other(), <<<'PHP'
<?php
$q = msg_get_queue((int) $argv[1]);
var_dump(msg_receive($q, 0, $t, 10, $m, false, MSG_IPC_NOWAIT, $e), $t, $m, $e);
PHP, $k);
var_dump(msg_receive($q, 0, $t, 500, $m, false, MSG_IPC_NOWAIT, $e), $t, strlen($m), $e);
