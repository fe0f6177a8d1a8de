--TEST--
sysvmsg: the five constants, their values, types and registration
--FILE--
<?php
$c = get_defined_constants(true)['sysvmsg'];
var_dump($c);
foreach (['MSG_IPC_NOWAIT', 'MSG_EAGAIN', 'MSG_ENOMSG', 'MSG_NOERROR', 'MSG_EXCEPT'] as $n) {
    var_dump(defined($n), constant($n));
}
var_dump((new ReflectionExtension('sysvmsg'))->getConstants());
// constants are case-sensitive
var_dump(defined('msg_ipc_nowait'), defined('Msg_Except'));
echo (new ReflectionExtension('sysvmsg'))->getConstants() === $c ? "same\n" : "differ\n";
?>
--EXPECT--
array(5) {
  ["MSG_IPC_NOWAIT"]=>
  int(1)
  ["MSG_EAGAIN"]=>
  int(11)
  ["MSG_ENOMSG"]=>
  int(42)
  ["MSG_NOERROR"]=>
  int(2)
  ["MSG_EXCEPT"]=>
  int(4)
}
bool(true)
int(1)
bool(true)
int(11)
bool(true)
int(42)
bool(true)
int(2)
bool(true)
int(4)
array(5) {
  ["MSG_IPC_NOWAIT"]=>
  int(1)
  ["MSG_EAGAIN"]=>
  int(11)
  ["MSG_ENOMSG"]=>
  int(42)
  ["MSG_NOERROR"]=>
  int(2)
  ["MSG_EXCEPT"]=>
  int(4)
}
bool(false)
bool(false)
same
