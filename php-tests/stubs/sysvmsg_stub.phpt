--TEST--
stubs/sysvmsg.stub.php states exactly the API the loaded sysvmsg module has
--FILE--
<?php
require __DIR__ . '/../inc/stubcheck.php';
$problems = stubcheck(__DIR__ . '/../../stubs/sysvmsg.stub.php', 'sysvmsg');
echo $problems ? implode("\n", $problems) . "\n" : "stub matches\n";
echo count((new ReflectionExtension('sysvmsg'))->getFunctions()), " functions\n";
--EXPECT--
stub matches
7 functions
