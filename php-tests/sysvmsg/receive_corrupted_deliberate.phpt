--TEST--
sysvmsg: where rsipc differs on purpose (README): a message that does not unserialize is freed at once, and one cut short is always corrupted
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

class Noisy { public function __destruct() { echo "Noisy::__destruct\n"; } }

$q = rsipc_new_queue();
echo "-- the part built before the error is freed inside msg_receive(), before the warning\n";
msg_send($q, 1, 'a:2:{i:0;O:5:"Noisy":0:{}i:1;X', false);
var_dump(msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e), $m, $e);
echo "after\n";

echo "-- and nothing of it is kept: memory does not grow with such messages\n";
class Quiet { public $pad; }
$round = function () use ($q) {
    msg_send($q, 1, 'a:2:{i:0;O:5:"Quiet":1:{s:3:"pad";s:100:"' . str_repeat('p', 100) . '";}i:1;X', false);
    @msg_receive($q, 0, $t, 1000, $m, true, MSG_IPC_NOWAIT);
};
$round();
$before = memory_get_usage();
for ($i = 0; $i < 2000; $i++) { $round(); }
var_dump(memory_get_usage() - $before < 10000);

echo "-- a message cut short is corrupted, whatever the buffer held before\n";
foreach (['i:1234567;' => 'i:', 'd:1.5;' => 'd:', 's:5:"hello";' => 's:5:"he', 'b:1;' => 'b:'] as $whole => $cut) {
    msg_send($q, 1, $whole, false);
    msg_send($q, 1, $cut, false);
    msg_receive($q, 0, $t, 64, $first);
    $r = msg_receive($q, 0, $t, 64, $second);
    echo var_export($first, true), ' then ', var_export($r, true), ' ', var_export($second, true), "\n";
}
echo "-- the same with MSG_NOERROR cutting a longer message\n";
msg_send($q, 1, [str_repeat('x', 40)]);
var_dump(msg_receive($q, 0, $t, 20, $m, true, MSG_NOERROR), $m);
msg_remove_queue($q);
?>
--EXPECTF--
-- the part built before the error is freed inside msg_receive(), before the warning
Noisy::__destruct

Warning: msg_receive(): Message corrupted in %s on line %d
bool(false)
bool(false)
int(0)
after
-- and nothing of it is kept: memory does not grow with such messages
bool(true)
-- a message cut short is corrupted, whatever the buffer held before

Warning: msg_receive(): Message corrupted in %s on line %d
1234567 then false false

Warning: msg_receive(): Message corrupted in %s on line %d
1.5 then false false

Warning: msg_receive(): Message corrupted in %s on line %d
'hello' then false false

Warning: msg_receive(): Message corrupted in %s on line %d
true then false false
-- the same with MSG_NOERROR cutting a longer message

Warning: msg_receive(): Message corrupted in %s on line %d
bool(false)
bool(false)
