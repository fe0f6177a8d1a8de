//! The shared mapping that holds a whole table: anonymous for a table made by `create()`, a file
//! in a tmpfs directory for a named table (`named.rs`).
//!
//! `MAP_SHARED | MAP_ANONYMOUS` memory is inherited by every child forked afterwards and stays
//! shared with it; a `MAP_SHARED` file mapping is shared with every process that maps the file.
//! Both start zero-filled, and an all-zero table is a valid empty table (see `layout.rs`), so
//! creating one only writes the header. Unmapping affects the calling process only, and only when
//! the last handle on the mapping in this process goes (handles are shared by reference count,
//! so the objects a process opens on one named table share one mapping).

use std::ptr::NonNull;
use std::sync::Arc;

use super::error::CreateError;

/// One process's handle on a shared mapping. Clones share it; the last one unmaps it here only.
#[derive(Clone)]
pub(crate) struct Mapping {
    region: Arc<Region>,
}

struct Region {
    ptr: NonNull<u8>,
    len: usize,
}

// SAFETY: the mapping is plain shared memory; all shared state inside it is accessed through
// atomics or under the table's locks.
unsafe impl Send for Region {}
unsafe impl Sync for Region {}

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
            let e = super::sys::errno();
            return Err(CreateError::Map(e));
        }
        if len <= PREFAULT_LIMIT {
            // Commit the pages now, in one call, rather than one page fault at a time on the
            // first writes (Swoole's create() touches every row for the same reason). Best
            // effort: on an older kernel the pages simply fault in later.
            // SAFETY: advice on the range just mapped.
            unsafe { libc::madvise(p, len, libc::MADV_POPULATE_WRITE) };
        }
        Mapping::wrap(p, len)
    }

    /// Maps the first `len` bytes of the open file `fd`, shared with every process that maps
    /// it. The caller keeps the file at least `len` bytes long (named tables reserve their space
    /// when they are made and never shrink), so no access can fault past its end.
    pub(crate) fn of_file(fd: libc::c_int, len: usize) -> Result<Mapping, CreateError> {
        Mapping::map_file(fd, len, libc::PROT_READ | libc::PROT_WRITE)
    }

    /// Like [`Mapping::of_file`], for reading only (a file opened read-only): nothing may be
    /// written through it.
    pub(crate) fn of_file_read_only(fd: libc::c_int, len: usize) -> Result<Mapping, CreateError> {
        Mapping::map_file(fd, len, libc::PROT_READ)
    }

    fn map_file(fd: libc::c_int, len: usize, prot: libc::c_int) -> Result<Mapping, CreateError> {
        if len == 0 || len > isize::MAX as usize {
            return Err(CreateError::TooLarge);
        }
        // SAFETY: a shared mapping of an open descriptor; the kernel picks the address.
        let p = unsafe { libc::mmap(std::ptr::null_mut(), len, prot, libc::MAP_SHARED, fd, 0) };
        if p == libc::MAP_FAILED {
            let e = super::sys::errno();
            return Err(CreateError::Map(e));
        }
        Mapping::wrap(p, len)
    }

    fn wrap(p: *mut libc::c_void, len: usize) -> Result<Mapping, CreateError> {
        let ptr = NonNull::new(p.cast()).ok_or(CreateError::Map(0))?;
        Ok(Mapping { region: Arc::new(Region { ptr, len }) })
    }

    /// Start of the mapping.
    #[inline(always)]
    pub(crate) fn as_ptr(&self) -> *mut u8 {
        self.region.ptr.as_ptr()
    }

    /// Length requested from `mmap` (the table's memory size).
    #[inline]
    pub(crate) fn len(&self) -> usize {
        self.region.len
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        // SAFETY: ptr/len came from mmap and are unmapped exactly once, by the last handle.
        unsafe { libc::munmap(self.ptr.as_ptr().cast(), self.len) };
    }
}
