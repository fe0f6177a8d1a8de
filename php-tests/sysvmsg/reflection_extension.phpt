--TEST--
sysvmsg: the whole extension through ReflectionExtension (what php --re sysvmsg shows)
--FILE--
<?php
echo new ReflectionExtension('sysvmsg');
?>
--EXPECTF--
Extension [ <persistent> extension #%d sysvmsg version %s ] {

  - Constants [5] {
    Constant [ int MSG_IPC_NOWAIT ] { 1 }
    Constant [ int MSG_EAGAIN ] { 11 }
    Constant [ int MSG_ENOMSG ] { 42 }
    Constant [ int MSG_NOERROR ] { 2 }
    Constant [ int MSG_EXCEPT ] { 4 }
  }

  - Functions {
    Function [ <internal:sysvmsg> function msg_get_queue ] {

      - Parameters [2] {
        Parameter #0 [ <required> int $key ]
        Parameter #1 [ <optional> int $permissions = 0666 ]
      }
      - Return [ SysvMessageQueue|false ]
    }
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
    Function [ <internal:sysvmsg> function msg_remove_queue ] {

      - Parameters [1] {
        Parameter #0 [ <required> SysvMessageQueue $queue ]
      }
      - Return [ bool ]
    }
    Function [ <internal:sysvmsg> function msg_stat_queue ] {

      - Parameters [1] {
        Parameter #0 [ <required> SysvMessageQueue $queue ]
      }
      - Return [ array|false ]
    }
    Function [ <internal:sysvmsg> function msg_set_queue ] {

      - Parameters [2] {
        Parameter #0 [ <required> SysvMessageQueue $queue ]
        Parameter #1 [ <required> array $data ]
      }
      - Return [ bool ]
    }
    Function [ <internal:sysvmsg> function msg_queue_exists ] {

      - Parameters [1] {
        Parameter #0 [ <required> int $key ]
      }
      - Return [ bool ]
    }
  }

  - Classes [1] {
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
  }
}
