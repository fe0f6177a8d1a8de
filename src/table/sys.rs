//! The few system-call helpers the core shares: the last errno, `stat(2)` and `lstat(2)` of a
//! path or `fstat(2)` of an open descriptor, and a descriptor that is closed when dropped.

use std::ffi::CStr;

/// The errno of the last failed call.
pub(crate) fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// What the core reads from `stat(2)`.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct FileStat {
    pub(crate) dev: u64,
    pub(crate) ino: u64,
    pub(crate) size: u64,
    /// Permission bits only (`st_mode & 0o7777`).
    pub(crate) mode: u32,
    pub(crate) uid: u32,
    /// The file type bits (`st_mode & S_IFMT`).
    pub(crate) kind: u32,
}

impl FileStat {
    /// Whether this is a regular file (not a directory, link, FIFO, socket or device).
    pub(crate) fn is_regular(&self) -> bool {
        self.kind == libc::S_IFREG
    }
}

/// Runs one of the stat calls on a zeroed buffer; the errno if it fails.
fn stat_with(call: impl FnOnce(*mut libc::stat) -> libc::c_int) -> Result<FileStat, i32> {
    let mut st = std::mem::MaybeUninit::<libc::stat>::zeroed();
    if call(st.as_mut_ptr()) != 0 {
        return Err(errno());
    }
    // SAFETY: the call succeeded and filled the (zero-initialised) buffer.
    let st = unsafe { st.assume_init() };
    Ok(FileStat {
        dev: st.st_dev,
        ino: st.st_ino,
        size: st.st_size as u64,
        mode: st.st_mode & 0o7777,
        uid: st.st_uid,
        kind: st.st_mode & libc::S_IFMT,
    })
}

/// `stat(2)` of a path.
pub(crate) fn stat_path(path: &CStr) -> Result<FileStat, i32> {
    // SAFETY: a NUL-terminated path and a stat buffer.
    stat_with(|st| unsafe { libc::stat(path.as_ptr(), st) })
}

/// `lstat(2)` of a path: a symbolic link is described, not followed.
pub(crate) fn lstat_path(path: &CStr) -> Result<FileStat, i32> {
    // SAFETY: a NUL-terminated path and a stat buffer.
    stat_with(|st| unsafe { libc::lstat(path.as_ptr(), st) })
}

/// `fstat(2)` of an open descriptor.
pub(crate) fn stat_fd(fd: libc::c_int) -> Result<FileStat, i32> {
    // SAFETY: a descriptor and a stat buffer (a bad descriptor is EBADF, not undefined).
    stat_with(|st| unsafe { libc::fstat(fd, st) })
}

/// Closes a descriptor when dropped.
pub(crate) struct Fd(pub(crate) libc::c_int);

impl Drop for Fd {
    fn drop(&mut self) {
        // SAFETY: a descriptor this struct owns.
        unsafe { libc::close(self.0) };
    }
}
