--TEST--
Loaded with a real Swoole (SWOOLE_SO), in either order: PHP starts, Swoole keeps its table classes and helper, rsipc's queue functions work, one startup warning
--SKIPIF--
<?php
$so = getenv('SWOOLE_SO');
if (!$so) die('skip SWOOLE_SO is not set (the path of a swoole.so built for this PHP, e.g. make test SWOOLE_SO=/path/to/swoole.so)');
if (!is_file($so)) die("skip SWOOLE_SO=$so is not a file");
?>
--FILE--
<?php
require __DIR__ . '/../inc/keys.php';
// the path of the rsipc .so this process loaded
preg_match('~\s(/\S*rsipc\S*\.so)$~m', file_get_contents('/proc/self/maps'), $m);
$rsipc = $m[1];
$swoole = getenv('SWOOLE_SO');
$key = rsipc_test_key(1);
$probe = <<<'PHP'
$from = fn(string $kind, string $name) => ($kind === 'class' ? new ReflectionClass($name) : new ReflectionFunction($name))->getExtensionName() ?: 'user code';
foreach (['Swoole\Table', 'Swoole\Exception', 'Swoole\Error'] as $c) echo "$c from: ", $from('class', $c), "\n";
// Swoole 6 has no class named swoole_table; Swoole 4 declares it when short names are on
echo "class swoole_table: ", class_exists('swoole_table') ? 'from ' . $from('class', 'swoole_table') : 'not declared', "\n";
echo "swoole_table() from: ", $from('function', 'swoole_table'), "\n";
$r = new ReflectionExtension('rsipc');
echo "rsipc declares: ", implode(', ', array_merge($r->getClassNames(), array_keys($r->getFunctions()))) ?: 'nothing', "\n";
$t = new Swoole\Table(64); $t->column('n', Swoole\Table::TYPE_INT); $t->create(); $t->incr('k', 'n', 5);
echo "Swoole's table: ", $t->get('k', 'n'), "\n";
$named = Rsipc\Table::open('rsipc-beside-swoole-' . getmypid(), 64, ['n' => Rsipc\Table::TYPE_INT]);
$named->incr('k', 'n', 7);
echo "Rsipc\\Table beside it: ", $named->get('k', 'n'), ", a Swoole\\Table: ", $named instanceof Swoole\Table ? 'yes' : 'no', "\n";
$named->destroy();
echo "msg_send from: ", $from('function', 'msg_send'), "\n";
$q = msg_get_queue(KEY);
msg_send($q, 1, ['hello' => 'queue']);
msg_receive($q, 0, $type, 1024, $msg);
msg_remove_queue($q);
echo "queue round trip: ", json_encode($msg), "\n";
PHP;
$probe = str_replace('KEY', (string)$key, $probe);
foreach (['swoole first' => [$swoole, $rsipc], 'rsipc first' => [$rsipc, $swoole]] as $label => [$a, $b]) {
    echo "== $label\n";
    $base = escapeshellarg(PHP_BINARY) . ' -n -d display_startup_errors=1 -d extension=' . escapeshellarg($a)
        . ' -d extension=' . escapeshellarg($b);
    exec("$base -r " . escapeshellarg($probe) . ' 2>&1', $out, $rc);
    echo implode("\n", $out), "\nexit $rc\n";
    $out = [];
    exec("$base --ri rsipc 2>/dev/null", $out);
    echo implode("\n", preg_grep('/^(msg_|Swoole)/', $out)), "\n";
    $out = [];
}
rsipc_test_cleanup($key);
?>
--EXPECTF--
== swoole first
%AWarning: rsipc: the Swoole extension is loaded and provides Swoole\Table, swoole_table(), Swoole\Exception and Swoole\Error, so rsipc declares none of them (its msg_* functions and Rsipc\Table work). To use rsipc's table instead, remove extension=swoole from php.ini (on Debian: phpdismod swoole); to keep Swoole's and silence this warning, load rsipc only where Swoole is not loaded in Unknown on line 0
Swoole\Table from: swoole
Swoole\Exception from: swoole
Swoole\Error from: swoole
class swoole_table: %s
swoole_table() from: user code
rsipc declares: Rsipc\Error, Rsipc\Table
Swoole's table: 5
Rsipc\Table beside it: 7, a Swoole\Table: no
msg_send from: sysvmsg
queue round trip: {"hello":"queue"}
exit 0
msg_* functions and SysvMessageQueue => rsipc (as module sysvmsg)
Swoole\Table, swoole_table(), Swoole\Exception, Swoole\Error => the Swoole extension %s
== rsipc first
%AWarning: rsipc: the Swoole extension is loaded and provides Swoole\Table, swoole_table(), Swoole\Exception and Swoole\Error, so rsipc declares none of them (its msg_* functions and Rsipc\Table work). To use rsipc's table instead, remove extension=swoole from php.ini (on Debian: phpdismod swoole); to keep Swoole's and silence this warning, load rsipc only where Swoole is not loaded in Unknown on line 0
Swoole\Table from: swoole
Swoole\Exception from: swoole
Swoole\Error from: swoole
class swoole_table: %s
swoole_table() from: user code
rsipc declares: Rsipc\Error, Rsipc\Table
Swoole's table: 5
Rsipc\Table beside it: 7, a Swoole\Table: no
msg_send from: sysvmsg
queue round trip: {"hello":"queue"}
exit 0
msg_* functions and SysvMessageQueue => rsipc (as module sysvmsg)
Swoole\Table, swoole_table(), Swoole\Exception, Swoole\Error => the Swoole extension %s
