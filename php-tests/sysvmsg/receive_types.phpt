--TEST--
sysvmsg: msg_receive() type selection: 0, positive, negative, PHP_INT_MIN, MSG_EXCEPT, large types
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$q = rsipc_new_queue();
function fill(SysvMessageQueue $q, array $types): void
{
    foreach ($types as $i => $t) {
        msg_send($q, $t, "$t.$i", false);
    }
}
function take(SysvMessageQueue $q, int $desired, int $flags = 0): void
{
    $got = [];
    while (msg_receive($q, $desired, $t, 100, $m, false, $flags | MSG_IPC_NOWAIT)) {
        $got[] = $m;
    }
    printf("desired %d flags %d: %s | left: %s\n", $desired, $flags, implode(' ', $got) ?: '-',
        implode(' ', array_column(rsipc_drain($q), 1)) ?: '-');
}
$types = [5, 3, 1, 4, 2, 3];
foreach ([0, 3, 1, 6, -3, -1, -5, PHP_INT_MIN] as $d) {
    fill($q, $types);
    take($q, $d);
}
echo "-- MSG_EXCEPT\n";
foreach ([3, 5, 6, 0, -3, PHP_INT_MIN] as $d) {
    fill($q, $types);
    take($q, $d, MSG_EXCEPT);
}
echo "-- one message at a time, type by type\n";
fill($q, $types);
foreach ([-4, 3, 0, -100, 5 ] as $d) {
    var_dump(msg_receive($q, $d, $t, 100, $m, false, MSG_IPC_NOWAIT, $e), $t, $m);
}
take($q, 0);
echo "-- MSG_EXCEPT with a single message of the excluded type\n";
msg_send($q, 9, 'nine', false);
var_dump(msg_receive($q, 9, $t, 100, $m, false, MSG_EXCEPT | MSG_IPC_NOWAIT, $e), $e);
var_dump(msg_receive($q, 8, $t, 100, $m, false, MSG_EXCEPT | MSG_IPC_NOWAIT, $e), $t, $m, $e);
var_dump(rsipc_qnum($q));

echo "-- types beyond 32 bits round-trip (mtype is a C long)\n";
foreach ([0x7fffffff, 0x80000000, 0x100000000, 0x100000001, PHP_INT_MAX] as $big) {
    msg_send($q, $big, 'big');
}
foreach ([0x100000000, PHP_INT_MAX, 0x80000000, 1, 0x7fffffff] as $d) {
    $ok = msg_receive($q, $d, $t, 100, $m, true, MSG_IPC_NOWAIT);
    printf("desired 0x%x: %s type 0x%x\n", $d, var_export($ok, true), $t);
}
take($q, 0);
?>
--EXPECT--
desired 0 flags 0: 5.0 3.1 1.2 4.3 2.4 3.5 | left: -
desired 3 flags 0: 3.1 3.5 | left: 5.0 1.2 4.3 2.4
desired 1 flags 0: 1.2 | left: 5.0 3.1 4.3 2.4 3.5
desired 6 flags 0: - | left: 5.0 3.1 1.2 4.3 2.4 3.5
desired -3 flags 0: 1.2 2.4 3.1 3.5 | left: 5.0 4.3
desired -1 flags 0: 1.2 | left: 5.0 3.1 4.3 2.4 3.5
desired -5 flags 0: 1.2 2.4 3.1 3.5 4.3 5.0 | left: -
desired -9223372036854775808 flags 0: 1.2 2.4 3.1 3.5 4.3 5.0 | left: -
-- MSG_EXCEPT
desired 3 flags 4: 5.0 1.2 4.3 2.4 | left: 3.1 3.5
desired 5 flags 4: 3.1 1.2 4.3 2.4 3.5 | left: 5.0
desired 6 flags 4: 5.0 3.1 1.2 4.3 2.4 3.5 | left: -
desired 0 flags 4: 5.0 3.1 1.2 4.3 2.4 3.5 | left: -
desired -3 flags 4: 1.2 2.4 3.1 3.5 | left: 5.0 4.3
desired -9223372036854775808 flags 4: 1.2 2.4 3.1 3.5 4.3 5.0 | left: -
-- one message at a time, type by type
bool(true)
int(1)
string(3) "1.2"
bool(true)
int(3)
string(3) "3.1"
bool(true)
int(5)
string(3) "5.0"
bool(true)
int(2)
string(3) "2.4"
bool(false)
int(0)
bool(false)
desired 0 flags 0: 4.3 3.5 | left: -
-- MSG_EXCEPT with a single message of the excluded type
bool(false)
int(42)
bool(true)
int(9)
string(4) "nine"
int(0)
int(0)
-- types beyond 32 bits round-trip (mtype is a C long)
desired 0x100000000: true type 0x100000000
desired 0x7fffffffffffffff: true type 0x7fffffffffffffff
desired 0x80000000: true type 0x80000000
desired 0x1: false type 0x0
desired 0x7fffffff: true type 0x7fffffff
desired 0 flags 0: s:3:"big"; | left: -
