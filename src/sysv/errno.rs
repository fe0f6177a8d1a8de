//! errno values as PHP shows them: the number for `$error_code`, and glibc's own `strerror()`
//! text for warnings (Rust's `io::Error` would append " (os error N)").

use std::ffi::CStr;

/// A raw errno value from a failed system call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Errno(pub i32);

impl Errno {
    /// The errno the last failed libc call left in this thread.
    pub fn last() -> Errno {
        Errno(std::io::Error::last_os_error().raw_os_error().unwrap_or(0))
    }

    /// The C library's message for this errno, exactly as `strerror()` gives it.
    pub fn message(self) -> &'static CStr {
        // SAFETY: glibc's strerror returns a pointer to a static (or thread-local) string that
        // stays valid until the next strerror call in this thread; callers use it at once.
        unsafe { CStr::from_ptr(libc::strerror(self.0)) }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_match_glibc() {
        assert_eq!(Errno(libc::EINVAL).message().to_str().unwrap(), "Invalid argument");
        assert_eq!(Errno(libc::EAGAIN).message().to_str().unwrap(), "Resource temporarily unavailable");
        assert_eq!(Errno(libc::EIDRM).message().to_str().unwrap(), "Identifier removed");
        assert_eq!(Errno(libc::EINTR).message().to_str().unwrap(), "Interrupted system call");
    }
}
