<?php
// The order in which msg_receive()/msg_send() write their by-ref results, made visible through
// typed properties that reject every value (each rejection is chained to the previous one).
require __DIR__ . '/../lib.php';

class A { public array $t = []; public array $m = []; public array $e = []; public ?A $self = null; }
function chain(callable $fn): void
{
    try {
        $r = $fn();
        echo 'returned ', var_export($r, true), "\n";
    } catch (Throwable $e) {
        for ($i = 0; $e; $e = $e->getPrevious(), $i++) {
            echo str_repeat('  ', $i), get_class($e), ': ', $e->getMessage(), "\n";
        }
    }
}
$q = rsipc_new_queue();
$a = new A();
echo "-- success\n";
msg_send($q, 3, 'x');
chain(fn () => msg_receive($q, 0, $a->t, 10, $a->m, true, 0, $a->e));
echo "-- failure (ENOMSG)\n";
chain(fn () => msg_receive($q, 0, $a->t, 10, $a->m, true, MSG_IPC_NOWAIT, $a->e));
echo "-- failure (E2BIG)\n";
msg_send($q, 3, 'a longer message');
chain(fn () => msg_receive($q, 0, $a->t, 2, $a->m, true, MSG_IPC_NOWAIT, $a->e));
echo "-- corrupted message\n";
rsipc_drain($q);
msg_send($q, 3, 'garbage', false);
chain(fn () => msg_receive($q, 0, $a->t, 10, $a->m, true, 0, $a->e));
echo "-- __wakeup throws after the message was assigned\n";
class WT { public function __wakeup() { throw new Exception('wakeup'); } }
msg_send($q, 3, new WT());
$m = null;
chain(function () use ($q, &$m, &$t, &$e) { return msg_receive($q, 0, $t, 100, $m, true, 0, $e); });
var_dump(get_debug_type($m), $t, $e);
echo "-- msg_send: warning first, then error_code\n";
set_error_handler(function ($no, $str) use ($a) { echo "warning: $str\n"; return true; });
chain(fn () => msg_send($q, 0, 'x', true, true, $a->e));
restore_error_handler();
echo "-- the same variable for everything\n";
msg_send($q, 8, 'same');
var_dump(msg_receive($q, 0, $v, 10, $v, true, 0, $v), $v);
var_dump(msg_receive($q, 0, $v, 10, $v, true, MSG_IPC_NOWAIT, $v), $v);
$w = 1;
var_dump(msg_receive($q, 0, $w, 10, $w, true, MSG_IPC_NOWAIT), $w);
