<?php
// Blocking calls across the two implementations: one side waits, a process running the other
// implementation wakes it (message, removal, room).
require __DIR__ . '/../lib.php';

$me = getmypid();
$helpers = var_export(RSIPC_HELPERS, true);

echo "== this side waits in msg_receive, the other implementation sends\n";
$k = rsipc_new_key();
$q = msg_get_queue($k);
$h = start_php(php_other(), "<?php require $helpers;" . <<<'PHP'

rsipc_wait_blocked((int) $argv[2], 'rcv');
$q = msg_get_queue((int) $argv[1]);
msg_send($q, 3, 'skip me');
msg_send($q, 4, ['from' => 'peer']);
echo "peer sent\n";
PHP, $k, $me);
var_dump(msg_receive($q, 4, $t, 100, $m, true, 0, $e), $t, $m, $e);
echo finish_php($h);
var_dump(rsipc_drain($q));

echo "== the other implementation waits, this side sends\n";
$h = start_php(php_other(), <<<'PHP'
<?php
echo getmypid(), "\n";
$q = msg_get_queue((int) $argv[1]);
var_dump(msg_receive($q, -5, $t, 100, $m, true, 0, $e), $t, $m, $e);
PHP, $k);
$peer = (int) fgets($h[1]);
rsipc_wait_blocked($peer, 'rcv');
msg_send($q, 9, 'too high a type');
msg_send($q, 5, 'for the peer');
echo finish_php($h);
var_dump(rsipc_drain($q));

echo "== the other implementation waits, this side removes the queue\n";
$h = start_php(php_other(), <<<'PHP'
<?php
echo getmypid(), "\n";
$q = msg_get_queue((int) $argv[1]);
var_dump(msg_receive($q, 0, $t, 100, $m, true, 0, $e), $t, $m, $e);
PHP, $k);
$peer = (int) fgets($h[1]);
rsipc_wait_blocked($peer, 'rcv');
var_dump(msg_remove_queue($q));
echo finish_php($h);

echo "== this side waits to send, the other implementation makes room\n";
$k = rsipc_new_key();
$q = msg_get_queue($k);
msg_set_queue($q, ['msg_qbytes' => 10]);
msg_send($q, 1, '0123456789', false);
$h = start_php(php_other(), "<?php require $helpers;" . <<<'PHP'

rsipc_wait_blocked((int) $argv[2], 'snd');
$q = msg_get_queue((int) $argv[1]);
var_dump(msg_receive($q, 0, $t, 100, $m, false), $m);
PHP, $k, $me);
var_dump(msg_send($q, 2, 'next', false, true, $e), $e ?? 'unset');
echo finish_php($h);
var_dump(rsipc_drain($q));

echo "== the other implementation waits to send, this side removes the queue\n";
msg_send($q, 1, '0123456789', false);
$h = start_php(php_other(), <<<'PHP'
<?php
echo getmypid(), "\n";
$q = msg_get_queue((int) $argv[1]);
var_dump(msg_send($q, 1, 'x', false, true, $e), $e);
PHP, $k);
$peer = (int) fgets($h[1]);
rsipc_wait_blocked($peer, 'snd');
var_dump(msg_remove_queue($q));
echo finish_php($h);
