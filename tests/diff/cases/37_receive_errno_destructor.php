<?php
// A failed msg_receive() sets $received_message_type to 0 and $message to false, and destroys
// $error_code's old value, before it reads errno for $error_code, as the original does: a
// destructor run by those assignments that makes a failing system call changes what $error_code
// receives. msg_send() likewise destroys $error_code's old value first.
require __DIR__ . '/../lib.php';

class FailsASyscall
{
    public function __construct(private string $where) {}

    public function __destruct()
    {
        echo "destructor of the old {$this->where}\n";
        @fopen('/nonexistent-rsipc-dir/file', 'r'); // ENOENT
    }
}

$q = rsipc_new_queue();
foreach (['message', 'type'] as $which) {
    $t = $which === 'type' ? new FailsASyscall('type') : 'old';
    $m = $which === 'message' ? new FailsASyscall('message') : 'old';
    $e = 'old';
    var_dump(msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e), $t, $m, $e);
}
echo "-- E2BIG, the old message freed\n";
msg_send($q, 1, str_repeat('x', 50), false);
$m = new FailsASyscall('message');
var_dump(msg_receive($q, 0, $t, 10, $m, false, MSG_IPC_NOWAIT, $e), $t, $m, $e, rsipc_qnum($q));
echo "-- a destructor that makes no failing call leaves ENOMSG\n";
$m = new class {
    public function __destruct() { echo "quiet destructor\n"; }
};
rsipc_drain($q);
var_dump(msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e), $e);
echo "-- a destructor in \$error_code's old value\n";
$e = new FailsASyscall('error code');
var_dump(msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT, $e), $e);
$e = new FailsASyscall('error code');
var_dump(@msg_send($q, 0, 'x', false, false, $e), $e);
