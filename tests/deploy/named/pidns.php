<?php
// Run by tests/deploy/named_pidns.sh on the host and inside a new PID namespace.
//   create <table>          creates the table, row 'k' = 1
//   createuse <table> <times> <flag file>
//                           creates it, creates the flag file, then does what `use` does, all
//                           in one process (so in the namespace the table was made in)
//   use <table> <times>     opens it and increments row 'k' <times> times; prints
//                           "opened <value before> <value after>" or "refused <class>: <message>"
//   get <table>             prints row 'k'
//   unlink <table>
require __DIR__ . '/checks.php';

[, $cmd, $name] = $argv;
$cols = ['n' => Rsipc\Table::TYPE_INT];
switch ($cmd) {
    case 'create':
        Rsipc\Table::open($name, 64, $cols)->set('k', ['n' => 1]);
        echo "created by pid ", getmypid(), "\n";
        break;
    case 'createuse':
        Rsipc\Table::open($name, 64, $cols)->set('k', ['n' => 1]);
        touch($argv[4]);
        // no break: go on as `use`
    case 'use':
        try {
            $t = Rsipc\Table::open($name, 64, $cols);
        } catch (Throwable $e) {
            echo "refused ", get_class($e), ': ', $e->getMessage(), "\n";
            break;
        }
        $before = $t->get('k', 'n');
        for ($i = 0; $i < (int) $argv[3]; $i++) {
            $t->incr('k', 'n');
        }
        echo "opened $before ", $t->get('k', 'n'), "\n";
        break;
    case 'get':
        echo Rsipc\Table::open($name, 64, $cols)->get('k', 'n'), "\n";
        break;
    case 'unlink':
        unlink_quietly($name);
        break;
}
