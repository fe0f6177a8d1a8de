<?php
// The module surface: functions, parameters, constants, class, extension info.
require __DIR__ . '/../lib.php';

var_dump(extension_loaded('sysvmsg'), phpversion('sysvmsg') === PHP_VERSION);
var_dump(get_extension_funcs('sysvmsg'));
foreach (get_extension_funcs('sysvmsg') as $f) {
    echo new ReflectionFunction($f);
}
var_dump(get_defined_constants(true)['sysvmsg']);
$ext = new ReflectionExtension('sysvmsg');
var_dump($ext->getName(), $ext->getClassNames(), $ext->getINIEntries(), $ext->getDependencies());
echo preg_replace('/extension #\d+/', 'extension #N', (string) $ext);
ob_start();
$ext->info();
echo ob_get_clean();
echo new ReflectionClass('SysvMessageQueue');
$rc = new ReflectionClass('SysvMessageQueue');
var_dump($rc->getModifiers(), $rc->isFinal(), $rc->isCloneable(), $rc->isInstantiable(), $rc->getConstructor(),
    $rc->getParentClass(), $rc->getInterfaceNames(), $rc->getAttributes(), $rc->isInternal());
