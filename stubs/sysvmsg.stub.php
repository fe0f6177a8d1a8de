<?php

/**
 * rsipc's System V message queue functions: the same API as PHP 8.2's sysvmsg extension.
 * The module registers itself as "sysvmsg", so extension_loaded('sysvmsg') is true.
 *
 * @generate-class-entries
 */

/**
 * msg_receive() flag: return false with MSG_ENOMSG at once instead of waiting for a message.
 * @var int
 */
const MSG_IPC_NOWAIT = 1;
/**
 * Error code: the queue is full and msg_send() was called with $blocking = false.
 * @var int
 */
const MSG_EAGAIN = 11;
/**
 * Error code: no message of the wanted type, with MSG_IPC_NOWAIT.
 * @var int
 */
const MSG_ENOMSG = 42;
/**
 * msg_receive() flag: truncate a message longer than $max_message_size instead of failing.
 * @var int
 */
const MSG_NOERROR = 2;
/**
 * msg_receive() flag: receive the first message whose type is not $desired_message_type.
 * @var int
 */
const MSG_EXCEPT = 4;

/**
 * A handle on one System V message queue, returned by msg_get_queue(). It cannot be created with
 * new, cloned or serialized; the queue itself outlives it until msg_remove_queue().
 *
 * @strict-properties
 * @not-serializable
 */
final class SysvMessageQueue
{
}

/**
 * Opens the queue with System V key $key, creating it with $permissions (octal, like chmod) if it
 * does not exist. ftok() makes a key from a path. False on failure, with a warning.
 */
function msg_get_queue(int $key, int $permissions = 0666): SysvMessageQueue|false {}

/**
 * Sends $message with type $message_type (> 0). With $serialize the message is serialize()d;
 * without it, it must be a string, int, float or bool and is sent as its string form. With
 * $blocking = false a full queue gives false and MSG_EAGAIN in $error_code instead of waiting.
 *
 * @param string|int|float|bool $message
 * @param int $error_code
 */
function msg_send(SysvMessageQueue $queue, int $message_type, $message, bool $serialize = true, bool $blocking = true, &$error_code = null): bool {}

/**
 * Receives a message: of any type when $desired_message_type is 0, of that type when it is
 * positive, of the lowest type <= |n| when it is negative. Waits unless $flags has
 * MSG_IPC_NOWAIT. The type goes into $received_message_type, the message (unserialize()d when
 * $unserialize) into $message, the errno on failure into $error_code.
 *
 * @param int $received_message_type
 * @param int $error_code
 */
function msg_receive(SysvMessageQueue $queue, int $desired_message_type, &$received_message_type, int $max_message_size, mixed &$message, bool $unserialize = true, int $flags = 0, &$error_code = null): bool {}

/** Removes the queue from the system; readers waiting on it wake up with an error. */
function msg_remove_queue(SysvMessageQueue $queue): bool {}

/**
 * The queue's metadata: msg_perm.uid/gid/mode, msg_stime, msg_rtime, msg_ctime, msg_qnum
 * (messages waiting), msg_qbytes (its byte limit), msg_lspid, msg_lrpid.
 */
function msg_stat_queue(SysvMessageQueue $queue): array|false {}

/** Changes msg_perm.uid, msg_perm.gid, msg_perm.mode and msg_qbytes from $data. */
function msg_set_queue(SysvMessageQueue $queue, array $data): bool {}

/** Whether a queue with this key exists (false for key 0, and nothing is created). */
function msg_queue_exists(int $key): bool {}
