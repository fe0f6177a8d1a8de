//! `msg_send(SysvMessageQueue $queue, int $message_type, $message, bool $serialize = true,
//!  bool $blocking = true, &$error_code = null): bool`

use super::queue_class;
use crate::cstr;
use crate::php::serialize;
use crate::php::zend::{self, arg, num_args, ztype};
use crate::sysv::queue::{self, MTYPE_SIZE, MsgBuf};
use ext_php_rs::ffi::{zend_execute_data, zval};

/// Raw (unserialized) payloads up to this size are assembled on the stack.
const STACK_PAYLOAD: usize = 4096;

struct Args {
    queue: *mut zval,
    mtype: i64,
    message: *mut zval,
    serialize: bool,
    blocking: bool,
    error_code: *mut zval,
}

#[inline(always)]
unsafe fn bool_arg(z: *const zval) -> Option<bool> {
    match unsafe { ztype(z) } {
        zend::IS_TRUE => Some(true),
        zend::IS_FALSE => Some(false),
        _ => None,
    }
}

/// Exact-type arguments are taken directly; anything else goes through the engine's
/// `zend_parse_parameters("Olz|bbz")`, which coerces, deprecates and throws as PHP does.
unsafe fn parse(ex: *mut zend_execute_data) -> Option<Args> {
    unsafe {
        let n = num_args(ex);
        if (3..=6).contains(&n) && queue_class::is_queue(arg(ex, 1)) && ztype(arg(ex, 2)) == zend::IS_LONG {
            let serialize = if n >= 4 { bool_arg(arg(ex, 4)) } else { Some(true) };
            let blocking = if n >= 5 { bool_arg(arg(ex, 5)) } else { Some(true) };
            if let (Some(serialize), Some(blocking)) = (serialize, blocking) {
                return Some(Args {
                    queue: arg(ex, 1),
                    mtype: zend::lval(arg(ex, 2)),
                    message: arg(ex, 3),
                    serialize,
                    blocking,
                    error_code: if n == 6 { arg(ex, 6) } else { std::ptr::null_mut() },
                });
            }
        }
        let mut a = Args {
            queue: std::ptr::null_mut(),
            mtype: 0,
            message: std::ptr::null_mut(),
            serialize: true,
            blocking: true,
            error_code: std::ptr::null_mut(),
        };
        let ok = zend::zend_parse_parameters(
            n,
            cstr!("Olz|bbz"),
            &mut a.queue as *mut *mut zval,
            queue_class::QUEUE_CE,
            &mut a.mtype as *mut i64,
            &mut a.message as *mut *mut zval,
            &mut a.serialize as *mut bool,
            &mut a.blocking as *mut bool,
            &mut a.error_code as *mut *mut zval,
        );
        (ok == 0).then_some(a)
    }
}

pub unsafe extern "C" fn handler(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let Some(a) = parse(ex) else { return };
        let id = (*queue_class::from_zval(a.queue)).id;
        let sent = if a.serialize {
            let Some(s) = serialize::serialize_after(a.message, MTYPE_SIZE) else { return };
            let total = (*s).len;
            let bytes = std::slice::from_raw_parts_mut((*s).val.as_mut_ptr() as *mut u8, total);
            let r = queue::send(id, &mut MsgBuf::new(bytes), total - MTYPE_SIZE, a.mtype, !a.blocking);
            ext_php_rs::ffi::ext_php_rs_zend_string_release(s);
            r
        } else {
            let mut num = itoa_buf();
            let payload: &[u8] = match ztype(a.message) {
                zend::IS_STRING => zend::zstr_bytes((*a.message).value.str_),
                zend::IS_LONG => format_long(&mut num, zend::lval(a.message)),
                zend::IS_FALSE => b"0",
                zend::IS_TRUE => b"1",
                zend::IS_DOUBLE => {
                    // PHP's own "%F": 6 decimals, '.', lowercase inf/nan, no sign on -0.0
                    let s = zend::zend_strpprintf(0, cstr!("%F"), (*a.message).value.dval);
                    let r = send_raw(id, zend::zstr_bytes(s), a.mtype, !a.blocking);
                    ext_php_rs::ffi::ext_php_rs_zend_string_release(s);
                    return finish(r, a.error_code, rv);
                }
                _ => {
                    zend::zend_argument_type_error(
                        3,
                        cstr!("must be of type string|int|float|bool, %s given"),
                        zend::zend_zval_type_name(a.message),
                    );
                    return;
                }
            };
            send_raw(id, payload, a.mtype, !a.blocking)
        };
        finish(sent, a.error_code, rv)
    }
}

/// Copies `payload` behind a type header (on the stack when small) and sends it.
unsafe fn send_raw(id: i32, payload: &[u8], mtype: i64, nowait: bool) -> Result<(), crate::sysv::Errno> {
    unsafe {
        let len = payload.len();
        if len <= STACK_PAYLOAD {
            // only the header and payload are written; the rest of the array is never read
            let mut buf = std::mem::MaybeUninit::<[u8; MTYPE_SIZE + STACK_PAYLOAD]>::uninit();
            let p = buf.as_mut_ptr() as *mut u8;
            std::ptr::copy_nonoverlapping(payload.as_ptr(), p.add(MTYPE_SIZE), len);
            std::ptr::write_bytes(p, 0, MTYPE_SIZE);
            let used = std::slice::from_raw_parts_mut(p, MTYPE_SIZE + len);
            return queue::send(id, &mut MsgBuf::new(used), len, mtype, nowait);
        }
        // large payloads use PHP's allocator, as the original (memory_limit applies), and as
        // many bytes: its header, sizeof(struct php_msgbuf), is two longs, so at memory_limit the
        // fatal error names the same size
        let p = zend::_safe_emalloc(len, 1, 2 * MTYPE_SIZE) as *mut u8;
        let buf = std::slice::from_raw_parts_mut(p, MTYPE_SIZE + len);
        buf[MTYPE_SIZE..].copy_from_slice(payload);
        let r = queue::send(id, &mut MsgBuf::new(buf), len, mtype, nowait);
        zend::_efree(p.cast());
        r
    }
}

/// Failure: the warning first, then `$error_code` (only when it was passed).
unsafe fn finish(r: Result<(), crate::sysv::Errno>, error_code: *mut zval, rv: *mut zval) {
    unsafe {
        match r {
            Ok(()) => zend::set_bool(rv, true),
            Err(e) => {
                zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("msgsnd failed: %s"), e.message().as_ptr());
                if !error_code.is_null() {
                    // As the original, errno is read after the warning and after $error_code's
                    // old value is destroyed: a user error handler or a destructor that makes a
                    // failing system call changes what $error_code receives.
                    zend::assign_ref_long_with(error_code, || crate::sysv::Errno::last().0 as i64);
                }
                zend::set_bool(rv, false);
            }
        }
    }
}

fn itoa_buf() -> [u8; 24] {
    [0u8; 24]
}

/// Decimal text of `v` in `buf`, as `ZEND_LONG_FMT` prints it.
fn format_long(buf: &mut [u8; 24], v: i64) -> &[u8] {
    let mut i = buf.len();
    let mut n = v.unsigned_abs();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    if v < 0 {
        i -= 1;
        buf[i] = b'-';
    }
    &buf[i..]
}

#[cfg(test)]
mod tests {
    #[test]
    fn long_formatting_matches_c() {
        let mut b = super::itoa_buf();
        assert_eq!(super::format_long(&mut b, 0), b"0");
        assert_eq!(super::format_long(&mut b, -7), b"-7");
        assert_eq!(super::format_long(&mut b, i64::MIN), b"-9223372036854775808");
        assert_eq!(super::format_long(&mut b, i64::MAX), b"9223372036854775807");
    }
}
