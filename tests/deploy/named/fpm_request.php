<?php
// The page php-fpm serves in tests/deploy/fpm.sh. The FastCGI parameters (cgi-fcgi passes its
// environment) say which table and what to do:
//   RSIPC_MODE=count: one increment of the shared counter and one row "r<RSIPC_REQ>" that the CLI
//                     checker reads afterwards; answers "OK <req> <worker pid>"
//   RSIPC_MODE=spin:  announces this worker's pid in row "spin", then increments that row until
//                     the test SIGKILLs the worker (so the kill lands in the middle of table work);
//                     answers "NOT KILLED" if nobody did within 60 s
require __DIR__ . '/schema.php';

$t = named_open($_SERVER['RSIPC_TABLE']);
if (($_SERVER['RSIPC_MODE'] ?? '') === 'spin') {
    $t->set('spin', ['n' => 0, 'pid' => getmypid()]);
    $until = microtime(true) + 60;
    while (microtime(true) < $until) {
        $t->incr('spin', 'n');
    }
    echo "NOT KILLED\n";
    return;
}
$req = (int) $_SERVER['RSIPC_REQ'];
$t->incr('counter', 'n');
$t->set("r$req", ['n' => $req, 'pid' => getmypid()]);
echo "OK $req ", getmypid(), "\n";
