//! The anonymous shared mapping that holds a whole table.
//!
//! `MAP_SHARED | MAP_ANONYMOUS` memory is inherited by every child forked afterwards and stays
//! shared with it. The kernel hands it out zero-filled, and an all-zero table is a valid empty
//! table (see `layout.rs`), so creating one only writes the header: row pages are committed when
//! first touched. Unmapping affects the calling process only.

use std::ptr::NonNull;

use super::error::CreateError;

/// One process's view of a shared anonymous mapping. Dropping it unmaps it here only.
pub(crate) struct Mapping {
    ptr: NonNull<u8>,
    len: usize,
}

// SAFETY: the mapping is plain shared memory; all shared state inside it is accessed through
// atomics or under the table's locks.
unsafe impl Send for Mapping {}
unsafe impl Sync for Mapping {}

/// Tables up to this size are committed at `create()`; larger ones (wide string columns) are
/// left to demand paging so unused row space costs no memory.
const PREFAULT_LIMIT: usize = 1 << 30;

impl Mapping {
    /// Maps `len` zeroed bytes shared with future children.
    pub(crate) fn new(len: usize) -> Result<Mapping, CreateError> {
        if len == 0 || len > isize::MAX as usize {
            return Err(CreateError::TooLarge);
        }
        // SAFETY: anonymous mapping, no file descriptor, the kernel picks the address.
        let p = unsafe {
            libc::mmap(
                std::ptr::null_mut(),
                len,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_SHARED | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if p == libc::MAP_FAILED {
            let e = std::io::Error::last_os_error().raw_os_error().unwrap_or(0);
            return Err(CreateError::Map(e));
        }
        if len <= PREFAULT_LIMIT {
            // Commit the pages now, in one call, rather than one page fault at a time on the
            // first writes (Swoole's create() touches every row for the same reason). Best
            // effort: on an older kernel the pages simply fault in later.
            // SAFETY: advice on the range just mapped.
            unsafe { libc::madvise(p, len, libc::MADV_POPULATE_WRITE) };
        }
        Ok(Mapping { ptr: NonNull::new(p.cast()).ok_or(CreateError::Map(0))?, len })
    }

    /// Start of the mapping.
    #[inline(always)]
    pub(crate) fn as_ptr(&self) -> *mut u8 {
        self.ptr.as_ptr()
    }

    /// Length requested from `mmap` (the table's memory size).
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

impl Drop for Mapping {
    fn drop(&mut self) {
        // SAFETY: ptr/len came from mmap and are unmapped exactly once.
        unsafe { libc::munmap(self.ptr.as_ptr().cast(), self.len) };
    }
}
