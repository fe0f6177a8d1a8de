--TEST--
sysvmsg: SysvMessageQueue is final and cannot be extended
--FILE--
<?php
echo "start\n";
class MyQueue extends SysvMessageQueue {}
echo "not reached\n";
?>
--EXPECTF--
Fatal error: Class MyQueue cannot extend final class SysvMessageQueue in %s on line %d
