//! `msg_receive(SysvMessageQueue $queue, int $desired_message_type, &$received_message_type,
//!  int $max_message_size, mixed &$message, bool $unserialize = true, int $flags = 0,
//!  &$error_code = null): bool`

use super::queue_class;
use crate::cstr;
use crate::php::serialize::Unserializer;
use crate::php::zend::{self, arg, num_args, ztype};
use crate::sysv::flags;
use crate::sysv::queue::{self, MTYPE_SIZE, MsgBuf};
use ext_php_rs::ffi::{zend_execute_data, zval};
use std::cell::UnsafeCell;

/// Receives of up to this many bytes reuse one per-process buffer instead of allocating
/// `max_message_size` bytes per call (the original's main cost). Larger sizes are allocated
/// from PHP's heap exactly as the original does, so `memory_limit` applies to them the same way.
const REUSED: usize = 64 * 1024;

struct ReceiveBuffer {
    bytes: UnsafeCell<[u8; MTYPE_SIZE + REUSED + 1]>,
    in_use: UnsafeCell<bool>,
}
// SAFETY: PHP (NTS) runs one request per process on one thread; `in_use` guards re-entry
// (an autoloader or callback run by unserialize calling msg_receive again).
unsafe impl Sync for ReceiveBuffer {}
static BUFFER: ReceiveBuffer = ReceiveBuffer { bytes: UnsafeCell::new([0; MTYPE_SIZE + REUSED + 1]), in_use: UnsafeCell::new(false) };

struct Args {
    queue: *mut zval,
    desired: i64,
    out_type: *mut zval,
    max_size: i64,
    out_message: *mut zval,
    unserialize: bool,
    flags: i64,
    error_code: *mut zval,
}

unsafe fn parse(ex: *mut zend_execute_data) -> Option<Args> {
    unsafe {
        let n = num_args(ex);
        if (5..=8).contains(&n)
            && queue_class::is_queue(arg(ex, 1))
            && ztype(arg(ex, 2)) == zend::IS_LONG
            && ztype(arg(ex, 4)) == zend::IS_LONG
            && (n < 6 || matches!(ztype(arg(ex, 6)), zend::IS_TRUE | zend::IS_FALSE))
            && (n < 7 || ztype(arg(ex, 7)) == zend::IS_LONG)
        {
            return Some(Args {
                queue: arg(ex, 1),
                desired: zend::lval(arg(ex, 2)),
                out_type: arg(ex, 3),
                max_size: zend::lval(arg(ex, 4)),
                out_message: arg(ex, 5),
                unserialize: n < 6 || ztype(arg(ex, 6)) == zend::IS_TRUE,
                flags: if n >= 7 { zend::lval(arg(ex, 7)) } else { 0 },
                error_code: if n == 8 { arg(ex, 8) } else { std::ptr::null_mut() },
            });
        }
        let mut a = Args {
            queue: std::ptr::null_mut(),
            desired: 0,
            out_type: std::ptr::null_mut(),
            max_size: 0,
            out_message: std::ptr::null_mut(),
            unserialize: true,
            flags: 0,
            error_code: std::ptr::null_mut(),
        };
        let ok = zend::zend_parse_parameters(
            n,
            cstr!("Olzlz|blz"),
            &mut a.queue as *mut *mut zval,
            queue_class::QUEUE_CE,
            &mut a.desired as *mut i64,
            &mut a.out_type as *mut *mut zval,
            &mut a.max_size as *mut i64,
            &mut a.out_message as *mut *mut zval,
            &mut a.unserialize as *mut bool,
            &mut a.flags as *mut i64,
            &mut a.error_code as *mut *mut zval,
        );
        (ok == 0).then_some(a)
    }
}

pub unsafe extern "C" fn handler(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let Some(a) = parse(ex) else { return };
        if a.max_size <= 0 {
            zend::zend_argument_value_error(4, cstr!("must be greater than 0"));
            return;
        }
        let kflags = flags::receive_flags(a.flags);
        let id = (*queue_class::from_zval(a.queue)).id;
        let max = a.max_size as usize;

        let reuse = max <= REUSED && !*BUFFER.in_use.get();
        let (base, heap) = if reuse {
            *BUFFER.in_use.get() = true;
            ((*BUFFER.bytes.get()).as_mut_ptr(), false)
        } else {
            (zend::_safe_emalloc(max, 1, 2 * MTYPE_SIZE) as *mut u8, true)
        };
        let mut msg = MsgBuf::new(std::slice::from_raw_parts_mut(base, MTYPE_SIZE + max));

        match queue::receive(id, &mut msg, a.desired, kflags) {
            Ok((mtype, len)) => {
                zend::assign_ref_long(a.out_type, mtype);
                if !a.error_code.is_null() {
                    zend::assign_ref_long(a.error_code, 0);
                }
                // A NUL after the payload (there is always room: the original allocates
                // max_message_size + 16 bytes) keeps the unserializer from reading stale bytes
                // past a cut-off message, which the original leaves to chance.
                *base.add(MTYPE_SIZE + len) = 0;
                let payload = &msg.payload()[..len];
                if a.unserialize {
                    let mut u = Unserializer::new();
                    // ext-php-rs's zval type frees its value on drop; this one is handed over
                    let mut tmp = std::mem::ManuallyDrop::new(std::mem::zeroed::<zval>());
                    let ok = u.parse(payload, &mut *tmp);
                    release(base, heap);
                    if ok {
                        zend::assign_ref_tmp(a.out_message, &mut *tmp);
                        zend::set_bool(rv, true);
                    } else {
                        zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("Message corrupted"));
                        zend::assign_ref_false(a.out_message);
                        zend::set_bool(rv, false);
                    }
                    u.finish();
                } else {
                    zend::assign_ref_stringl(a.out_message, payload);
                    release(base, heap);
                    zend::set_bool(rv, true);
                }
            }
            Err(_) => {
                zend::assign_ref_long(a.out_type, 0);
                zend::assign_ref_false(a.out_message);
                if !a.error_code.is_null() {
                    // As the original, errno is read after the two assignments above and after
                    // $error_code's old value is destroyed: a destructor they run that makes a
                    // failing system call changes what $error_code receives.
                    zend::assign_ref_long_with(a.error_code, || crate::sysv::Errno::last().0 as i64);
                }
                release(base, heap);
                zend::set_bool(rv, false);
            }
        }
    }
}

unsafe fn release(base: *mut u8, heap: bool) {
    unsafe {
        if heap {
            zend::_efree(base.cast());
        } else {
            *BUFFER.in_use.get() = false;
        }
    }
}

/// End of a request: a fatal error inside an unserialize callback can end a request while the
/// shared buffer is marked in use; the next request (FPM reuses the process) starts with it free.
pub fn request_done() {
    // SAFETY: no receive runs between requests.
    unsafe { *BUFFER.in_use.get() = false };
}
