--TEST--
sysvmsg: extension identity, version and MINFO (php --ri sysvmsg)
--FILE--
<?php
var_dump(extension_loaded('sysvmsg'));
var_dump(phpversion('sysvmsg') === PHP_VERSION);

$r = new ReflectionExtension('sysvmsg');
var_dump($r->getName());
var_dump($r->getVersion() === PHP_VERSION);
var_dump($r->getINIEntries(), $r->getDependencies(), $r->getClassNames());
var_dump($r->isPersistent(), $r->isTemporary());
var_dump(get_extension_funcs('sysvmsg'));
var_dump((new ReflectionClass('SysvMessageQueue'))->getExtensionName());
var_dump((new ReflectionFunction('msg_send'))->getExtensionName());

ob_start();
$r->info();
$info = ob_get_clean();
echo "--- info ---\n", $info, "--- end ---\n";
var_dump(str_contains($info, "sysvmsg support => enabled\n"));
?>
--EXPECT--
bool(true)
bool(true)
string(7) "sysvmsg"
bool(true)
array(0) {
}
array(0) {
}
array(1) {
  [0]=>
  string(16) "SysvMessageQueue"
}
bool(true)
bool(false)
array(7) {
  [0]=>
  string(13) "msg_get_queue"
  [1]=>
  string(8) "msg_send"
  [2]=>
  string(11) "msg_receive"
  [3]=>
  string(16) "msg_remove_queue"
  [4]=>
  string(14) "msg_stat_queue"
  [5]=>
  string(13) "msg_set_queue"
  [6]=>
  string(16) "msg_queue_exists"
}
string(7) "sysvmsg"
string(7) "sysvmsg"
--- info ---

sysvmsg

sysvmsg support => enabled
--- end ---
bool(true)
