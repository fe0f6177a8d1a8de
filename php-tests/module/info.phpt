--TEST--
php --ri rsipc: the version, and which implementation provides the queue functions and the table in this process
--FILE--
<?php
preg_match('~\s(/\S*rsipc\S*\.so)$~m', file_get_contents('/proc/self/maps'), $m);
$so = $m[1];
$toml = file_get_contents(__DIR__ . '/../../Cargo.toml');
preg_match('/^version = "([^"]+)"/m', $toml, $v);
var_dump(phpversion('rsipc') === $v[1]);
$ri = function (string ...$exts) {
    $cmd = escapeshellarg(PHP_BINARY) . ' -n';
    foreach ($exts as $e) $cmd .= ' -d extension=' . escapeshellarg($e);
    exec("$cmd --ri rsipc 2>/dev/null", $out);
    return implode("\n", $out);
};
echo "== rsipc alone\n", str_replace($v[1], 'VERSION', $ri($so)), "\n";
if (is_file(ini_get('extension_dir') . '/sysvmsg.so')) {
    echo "== stock sysvmsg loaded first\n", implode("\n", preg_grep('/^msg_/', explode("\n", $ri('sysvmsg', $so)))), "\n";
} else {
    echo "== stock sysvmsg loaded first\nmsg_* functions and SysvMessageQueue => the stock sysvmsg extension (rsipc's are disabled)\n";
}
?>
--EXPECTF--
bool(true)
== rsipc alone

rsipc

rsipc support => enabled
Version => VERSION
msg_* functions and SysvMessageQueue => rsipc (as module sysvmsg)
Swoole\Table, swoole_table(), Swoole\Exception, Swoole\Error => rsipc
Built for => PHP %s
== stock sysvmsg loaded first
msg_* functions and SysvMessageQueue => the stock sysvmsg extension (rsipc's are disabled)
