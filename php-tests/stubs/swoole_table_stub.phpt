--TEST--
stubs/swoole_table.stub.php states exactly the API rsipc registers (Rsipc\Table and Rsipc\Error, Swoole\Table, its exceptions, alias and helper)
--FILE--
<?php
require __DIR__ . '/../inc/stubcheck.php';
$problems = stubcheck(__DIR__ . '/../../stubs/swoole_table.stub.php', 'rsipc');
echo $problems ? implode("\n", $problems) . "\n" : "stub matches\n";
$ext = new ReflectionExtension('rsipc');
echo implode(', ', $ext->getClassNames()), "\n";
echo implode(', ', array_keys($ext->getFunctions())), "\n";
echo (new ReflectionMethod('Swoole\Table', 'get'))->getReturnType(), "\n";
echo (new ReflectionMethod('Swoole\Table', 'incr'))->getReturnType(), "\n";
--EXPECT--
stub matches
Rsipc\Error, Rsipc\Table, Swoole\Exception, Swoole\Error, Swoole\Table, swoole_table
swoole_table
array|string|int|float|false
int|float|false
