--TEST--
sysvmsg: ReflectionFunction output of every function (what php --rf shows)
--FILE--
<?php
foreach (['msg_get_queue', 'msg_send', 'msg_receive', 'msg_remove_queue',
          'msg_stat_queue', 'msg_set_queue', 'msg_queue_exists'] as $f) {
    $rf = new ReflectionFunction($f);
    echo $rf;
    printf("%s: internal=%d deprecated=%d byref-return=%d required=%d total=%d variadic=%d\n",
        $f, $rf->isInternal(), $rf->isDeprecated(), $rf->returnsReference(),
        $rf->getNumberOfRequiredParameters(), $rf->getNumberOfParameters(), $rf->isVariadic());
    foreach ($rf->getParameters() as $p) {
        printf("  #%d %s type=%s byref=%d optional=%d default=%s nullable=%d\n",
            $p->getPosition(), $p->getName(),
            $p->hasType() ? (string) $p->getType() : '-',
            $p->isPassedByReference(), $p->isOptional(),
            $p->isDefaultValueAvailable() ? var_export($p->getDefaultValue(), true) : '-',
            $p->allowsNull());
    }
    echo "  returns ", $rf->getReturnType(), "\n\n";
}
?>
--EXPECT--
Function [ <internal:sysvmsg> function msg_get_queue ] {

  - Parameters [2] {
    Parameter #0 [ <required> int $key ]
    Parameter #1 [ <optional> int $permissions = 0666 ]
  }
  - Return [ SysvMessageQueue|false ]
}
msg_get_queue: internal=1 deprecated=0 byref-return=0 required=1 total=2 variadic=0
  #0 key type=int byref=0 optional=0 default=- nullable=0
  #1 permissions type=int byref=0 optional=1 default=438 nullable=0
  returns SysvMessageQueue|false

Function [ <internal:sysvmsg> function msg_send ] {

  - Parameters [6] {
    Parameter #0 [ <required> SysvMessageQueue $queue ]
    Parameter #1 [ <required> int $message_type ]
    Parameter #2 [ <required> $message ]
    Parameter #3 [ <optional> bool $serialize = true ]
    Parameter #4 [ <optional> bool $blocking = true ]
    Parameter #5 [ <optional> &$error_code = null ]
  }
  - Return [ bool ]
}
msg_send: internal=1 deprecated=0 byref-return=0 required=3 total=6 variadic=0
  #0 queue type=SysvMessageQueue byref=0 optional=0 default=- nullable=0
  #1 message_type type=int byref=0 optional=0 default=- nullable=0
  #2 message type=- byref=0 optional=0 default=- nullable=1
  #3 serialize type=bool byref=0 optional=1 default=true nullable=0
  #4 blocking type=bool byref=0 optional=1 default=true nullable=0
  #5 error_code type=- byref=1 optional=1 default=NULL nullable=1
  returns bool

Function [ <internal:sysvmsg> function msg_receive ] {

  - Parameters [8] {
    Parameter #0 [ <required> SysvMessageQueue $queue ]
    Parameter #1 [ <required> int $desired_message_type ]
    Parameter #2 [ <required> &$received_message_type ]
    Parameter #3 [ <required> int $max_message_size ]
    Parameter #4 [ <required> mixed &$message ]
    Parameter #5 [ <optional> bool $unserialize = true ]
    Parameter #6 [ <optional> int $flags = 0 ]
    Parameter #7 [ <optional> &$error_code = null ]
  }
  - Return [ bool ]
}
msg_receive: internal=1 deprecated=0 byref-return=0 required=5 total=8 variadic=0
  #0 queue type=SysvMessageQueue byref=0 optional=0 default=- nullable=0
  #1 desired_message_type type=int byref=0 optional=0 default=- nullable=0
  #2 received_message_type type=- byref=1 optional=0 default=- nullable=1
  #3 max_message_size type=int byref=0 optional=0 default=- nullable=0
  #4 message type=mixed byref=1 optional=0 default=- nullable=1
  #5 unserialize type=bool byref=0 optional=1 default=true nullable=0
  #6 flags type=int byref=0 optional=1 default=0 nullable=0
  #7 error_code type=- byref=1 optional=1 default=NULL nullable=1
  returns bool

Function [ <internal:sysvmsg> function msg_remove_queue ] {

  - Parameters [1] {
    Parameter #0 [ <required> SysvMessageQueue $queue ]
  }
  - Return [ bool ]
}
msg_remove_queue: internal=1 deprecated=0 byref-return=0 required=1 total=1 variadic=0
  #0 queue type=SysvMessageQueue byref=0 optional=0 default=- nullable=0
  returns bool

Function [ <internal:sysvmsg> function msg_stat_queue ] {

  - Parameters [1] {
    Parameter #0 [ <required> SysvMessageQueue $queue ]
  }
  - Return [ array|false ]
}
msg_stat_queue: internal=1 deprecated=0 byref-return=0 required=1 total=1 variadic=0
  #0 queue type=SysvMessageQueue byref=0 optional=0 default=- nullable=0
  returns array|false

Function [ <internal:sysvmsg> function msg_set_queue ] {

  - Parameters [2] {
    Parameter #0 [ <required> SysvMessageQueue $queue ]
    Parameter #1 [ <required> array $data ]
  }
  - Return [ bool ]
}
msg_set_queue: internal=1 deprecated=0 byref-return=0 required=2 total=2 variadic=0
  #0 queue type=SysvMessageQueue byref=0 optional=0 default=- nullable=0
  #1 data type=array byref=0 optional=0 default=- nullable=0
  returns bool

Function [ <internal:sysvmsg> function msg_queue_exists ] {

  - Parameters [1] {
    Parameter #0 [ <required> int $key ]
  }
  - Return [ bool ]
}
msg_queue_exists: internal=1 deprecated=0 byref-return=0 required=1 total=1 variadic=0
  #0 key type=int byref=0 optional=0 default=- nullable=0
  returns bool
