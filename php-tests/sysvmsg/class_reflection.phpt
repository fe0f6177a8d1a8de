--TEST--
sysvmsg: SysvMessageQueue seen through Reflection
--FILE--
<?php
$rc = new ReflectionClass('SysvMessageQueue');
echo $rc;
var_dump($rc->getName(), $rc->isFinal(), $rc->getModifiers(), $rc->isInternal(),
    $rc->isUserDefined(), $rc->isAbstract(), $rc->isInterface(), $rc->isInstantiable(),
    $rc->isCloneable(), $rc->getParentClass(), $rc->getInterfaceNames(), $rc->getAttributes(),
    $rc->getConstructor(), $rc->getMethods(), $rc->getProperties(), $rc->getConstants(),
    $rc->getTraitNames(), $rc->getExtensionName(), $rc->isIterable(), $rc->hasMethod('__construct'),
    $rc->getDocComment(), $rc->getStaticProperties());
var_dump(class_exists('SysvMessageQueue'), class_exists('sysvmessagequeue'));
var_dump(get_class_methods('SysvMessageQueue'));

foreach (['newInstance', 'newInstanceWithoutConstructor', 'newInstanceArgs'] as $how) {
    try {
        $how === 'newInstanceArgs' ? $rc->$how([]) : $rc->$how();
        echo "$how: no exception\n";
    } catch (Throwable $e) {
        echo "$how: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
}
?>
--EXPECT--
Class [ <internal:sysvmsg> final class SysvMessageQueue ] {

  - Constants [0] {
  }

  - Static properties [0] {
  }

  - Static methods [0] {
  }

  - Properties [0] {
  }

  - Methods [0] {
  }
}
string(16) "SysvMessageQueue"
bool(true)
int(32)
bool(true)
bool(false)
bool(false)
bool(false)
bool(true)
bool(false)
bool(false)
array(0) {
}
array(0) {
}
NULL
array(0) {
}
array(0) {
}
array(0) {
}
array(0) {
}
string(7) "sysvmsg"
bool(false)
bool(false)
bool(false)
array(0) {
}
bool(true)
bool(true)
array(0) {
}
newInstance: Error: Cannot directly construct SysvMessageQueue, use msg_get_queue() instead
newInstanceWithoutConstructor: ReflectionException: Class SysvMessageQueue is an internal class marked as final that cannot be instantiated without invoking its constructor
newInstanceArgs: Error: Cannot directly construct SysvMessageQueue, use msg_get_queue() instead
