--TEST--
Loaded together with the stock sysvmsg, in either order: PHP starts, one clear startup message, and the rest of rsipc works
--SKIPIF--
<?php
if (!is_file(ini_get('extension_dir') . '/sysvmsg.so')) die('skip the stock sysvmsg.so is not installed');
?>
--FILE--
<?php
// the path of the rsipc .so this process loaded
preg_match('~\s(/\S*rsipc\S*\.so)$~m', file_get_contents('/proc/self/maps'), $m);
$so = $m[1];
$probe = '$t = new Swoole\Table(64); $t->column("n", Swoole\Table::TYPE_INT); $t->create(); $t->incr("k", "n", 5);'
    . ' echo "table: ", $t->get("k", "n"), "\n";'
    . ' echo "msg_send from: ", (new ReflectionFunction("msg_send"))->getExtensionName(), "\n";'
    . ' echo "SysvMessageQueue from: ", (new ReflectionClass("SysvMessageQueue"))->getExtensionName(), "\n";'
    . ' echo "loaded: ", implode(",", array_filter(["rsipc", "sysvmsg"], "extension_loaded")), "\n";';
foreach (['stock first' => ['sysvmsg', $so], 'rsipc first' => [$so, 'sysvmsg']] as $label => [$a, $b]) {
    echo "== $label\n";
    $cmd = escapeshellarg(PHP_BINARY) . ' -n -d display_startup_errors=1 -d extension=' . escapeshellarg($a)
        . ' -d extension=' . escapeshellarg($b) . ' -r ' . escapeshellarg($probe) . ' 2>&1';
    exec($cmd, $out, $rc);
    echo implode("\n", $out), "\nexit $rc\n";
    $out = [];
}
?>
--EXPECTF--
== stock first
%AWarning: rsipc: the stock sysvmsg extension was loaded first and provides the msg_* functions; rsipc's own queue functions are disabled (its Swoole\Table part works). To use rsipc's, remove extension=sysvmsg from php.ini (on Debian: phpdismod sysvmsg) in Unknown on line 0
table: 5
msg_send from: sysvmsg
SysvMessageQueue from: sysvmsg
loaded: rsipc,sysvmsg
exit 0
== rsipc first
%AWarning: rsipc provides the msg_* functions (as module sysvmsg), so the stock sysvmsg extension was not loaded. Remove extension=sysvmsg from php.ini (on Debian: phpdismod sysvmsg) to silence this warning in Unknown on line 0
table: 5
msg_send from: sysvmsg
SysvMessageQueue from: sysvmsg
loaded: rsipc,sysvmsg
exit 0
