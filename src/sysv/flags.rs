//! PHP's own flag bits for `msg_receive()` and their kernel equivalents.
//!
//! PHP exposes `MSG_IPC_NOWAIT = 1`, `MSG_NOERROR = 2` and `MSG_EXCEPT = 4`; the kernel uses
//! `IPC_NOWAIT`, `MSG_NOERROR` and `MSG_EXCEPT` with entirely different values. Unknown bits are
//! ignored, so `-1` means all three.

pub const PHP_MSG_IPC_NOWAIT: i64 = 1;
pub const PHP_MSG_NOERROR: i64 = 2;
pub const PHP_MSG_EXCEPT: i64 = 4;
/// The errno values PHP publishes as constants.
pub const PHP_MSG_EAGAIN: i64 = libc::EAGAIN as i64;
pub const PHP_MSG_ENOMSG: i64 = libc::ENOMSG as i64;

/// Maps PHP's receive flags to the `msgflg` argument of `msgrcv(2)`.
pub fn receive_flags(php_flags: i64) -> libc::c_int {
    let mut k = 0;
    if php_flags & PHP_MSG_EXCEPT != 0 {
        k |= libc::MSG_EXCEPT;
    }
    if php_flags & PHP_MSG_NOERROR != 0 {
        k |= libc::MSG_NOERROR;
    }
    if php_flags & PHP_MSG_IPC_NOWAIT != 0 {
        k |= libc::IPC_NOWAIT;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn php_bits_map_to_kernel_bits() {
        assert_eq!(receive_flags(0), 0);
        assert_eq!(receive_flags(1), libc::IPC_NOWAIT);
        assert_eq!(receive_flags(2), libc::MSG_NOERROR);
        assert_eq!(receive_flags(4), libc::MSG_EXCEPT);
        assert_eq!(receive_flags(-1), libc::IPC_NOWAIT | libc::MSG_NOERROR | libc::MSG_EXCEPT);
        assert_eq!(receive_flags(8 | 16), 0);
        assert_eq!(libc::IPC_NOWAIT, 0o4000);
        assert_eq!(libc::MSG_NOERROR, 0o10000);
        assert_eq!(libc::MSG_EXCEPT, 0o20000);
    }
}
