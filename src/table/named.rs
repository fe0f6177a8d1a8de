//! Named tables: a table kept in a file of a tmpfs directory (`/dev/shm` by default), which any
//! process of the machine that may open the file can use, forked from its creator or not (php-fpm
//! workers, CLI scripts, cron jobs).
//!
//! The file is the same layout as an anonymous table (`layout.rs`), followed by a *schema block*
//! (the columns, so a process that opens the table by name can check that it means the same
//! table, and so `list()` can describe it):
//!
//! ```text
//! per column: type u8 | capacity u32 LE | name length u16 LE | name bytes
//! ```
//!
//! How the rules of the issue hold:
//! * **Never a half-made table.** A table is built in a private temporary file (header, schema
//!   block, space reserved with `posix_fallocate`) and only then given its name with `link(2)`,
//!   which fails if the name exists. Of two processes creating one name at once, one links, the
//!   other finds the finished table and attaches to it.
//! * **Space is reserved up front.** `posix_fallocate` makes tmpfs commit every page now, so a
//!   full tmpfs is an error at `open()` (with the bytes needed and free), never a SIGBUS later.
//! * **A file is not trusted.** `attach` checks the magic, the version, the geometry against the
//!   file size and every offset before mapping anything it did not check; the row operations
//!   range-check every index they read (see `layout.rs`), so a damaged body gives wrong rows or
//!   errors, never an access outside the mapping or an endless walk. (One limit: a process with
//!   write permission on the file could still *truncate* it under the others; tables are only
//!   as safe as their file mode.)
//! * **Permissions are the file's**: mode and owner, as given by the creator.
//! * **Lock recovery across unrelated processes** is the same owner-word rule as across forked
//!   ones (`owner.rs`); a process in another PID or time namespace than the creator is refused at
//!   `open()`.
//! * **Ending a table**: `destroy()` or [`unlink`] removes the name, then marks the header
//!   destroyed (every process that has it mapped sees that at its next call). The name goes
//!   first so that a process that may not remove it (someone else's file in a directory with the
//!   sticky bit, such as `/dev/shm`) gets an error and ends nothing, instead of leaving a dead
//!   table under a name nobody can use.
//! * **Only files rsipc made are opened**: never through a symbolic link, never a FIFO or a
//!   device (and never waiting on one), so whatever another user puts under a table's name in a
//!   shared directory is an error, not a hang or someone else's file.
//!
//! A process keeps what it opened in a small cache, so opening a table it already has (a php-fpm
//! worker, request after request) costs one `lstat`: the cached mapping's header says whether
//! the table was ended (unlinked or destroyed), and the name's inode whether it was removed or
//! replaced behind rsipc's back (`rm`, another file renamed over it).

use std::ffi::{CStr, CString};
use std::sync::atomic::Ordering::*;
use std::sync::{Arc, Mutex};

use super::builder::TableBuilder;
use super::error::CreateError;
use super::hash;
use super::layout::{Geometry, HEADER_BYTES, MAGIC, STATE_DESTROYED, STATE_READY, View};
use super::mapping::Mapping;
use super::owner;
use super::pool::LockCtx;
use super::schema::{ColumnType, Schema};
use super::sys::{FileStat, Fd, errno, lstat_path, stat_fd};
use super::table::Table;

/// Layout version of named table files written by this code. 2: chain heads and bucket locks
/// in two arrays, eight buckets per lock in big tables (see `layout.rs`). 3: update counters on
/// lines of their own in tables of 4096 slots or more. 4: the hash keeps keys that differ only in
/// their last two bytes near each other (see `hash.rs`). 5: at most 4096 bucket locks (see
/// `layout.rs`). Files of other versions are refused.
pub const FILE_VERSION: u32 = 5;
/// File names are this prefix plus the table name.
pub const FILE_PREFIX: &str = "rsipc.";
/// How long an operation on a named table waits for a lock whose live holder does not release
/// it: no operation holds a lock for more than microseconds, so this only ends the wait for a
/// stopped process or a lock word a damaged file names (see `ShmLock::lock_within`).
pub const LOCK_PATIENCE: std::time::Duration = std::time::Duration::from_secs(2);
/// Longest table name, in bytes.
pub const MAX_NAME: usize = 64;
/// Turns of `open()` that only yield the CPU, and the most an ended table under the name is
/// waited for (see `open_named`).
const ENDED_TURNS: u32 = 64;
/// Largest `$size` a named table may be declared with: the largest a table rounds up to (see
/// `capacity.rs`). A forked table takes any size the way Swoole does (a C `uint32_t`); a named
/// one refuses what that would wrap.
pub const MAX_SIZE: i64 = 1 << 31;

/// Why a named table could not be opened, listed or removed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum NamedError {
    /// Not 1 to 64 bytes of `[A-Za-z0-9_.-]`.
    BadName,
    /// A system call failed.
    Io { what: &'static str, path: String, errno: i32 },
    /// This process may not open the file.
    Denied { path: String, mode: u32, uid: u32 },
    /// The directory's filesystem has no room for the table.
    NoSpace { path: String, needed: u64, free: u64 },
    /// The file is not a table this code can use.
    Corrupt { path: String, why: String },
    /// The table exists with another size, proportion or columns.
    Mismatch { name: String, what: String },
    /// The table was made in another PID or time namespace.
    Foreign { path: String },
    /// The name could not be removed (someone else's file in a directory with the sticky bit);
    /// the table was left as it was.
    NotRemovable { path: String, errno: i32, uid: u32 },
    /// The declared table cannot be made at all (row or table too large).
    Create(CreateError),
}

fn errno_text(e: i32) -> String {
    std::io::Error::from_raw_os_error(e).to_string()
}

impl std::fmt::Display for NamedError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            NamedError::BadName => write!(f, "a table name is 1 to {MAX_NAME} bytes of A-Z, a-z, 0-9, '_', '.' and '-'"),
            NamedError::Io { what, path, errno } => write!(f, "{what} {path}: {}", errno_text(*errno)),
            NamedError::Denied { path, mode, uid } => {
                write!(f, "permission denied: {path} has mode {mode:04o} and belongs to uid {uid}")
            }
            NamedError::NoSpace { path, needed, free } => write!(
                f,
                "not enough space for {path}: the table needs {needed} bytes, {free} bytes are free there (raise the size of that tmpfs or choose another rsipc.table_dir)"
            ),
            NamedError::Corrupt { path, why } => write!(f, "{path} is not a usable rsipc table: {why}"),
            NamedError::Mismatch { name, what } => write!(f, "table '{name}' already exists with {what}"),
            NamedError::Foreign { path } => write!(
                f,
                "{path} was created in another PID or time namespace; lock owners cannot be checked from here, so it cannot be shared with this process"
            ),
            NamedError::NotRemovable { path, errno, uid } => write!(
                f,
                "cannot remove {path}: {}; in a directory with the sticky bit, such as /dev/shm, only its owner (uid {uid}) or root may; the table is left as it was",
                errno_text(*errno)
            ),
            NamedError::Create(e) => e.fmt(f),
        }
    }
}

impl std::error::Error for NamedError {}

/// Whether `name` is a valid table name.
pub fn valid_name(name: &[u8]) -> bool {
    !name.is_empty() && name.len() <= MAX_NAME && name.iter().all(|&c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'-'))
}

/// A named table's file, as its handle remembers it.
#[derive(Debug)]
pub(crate) struct FileId {
    path: CString,
    dev: u64,
    ino: u64,
}

impl FileId {
    /// Removes the name if it still names this file (a new table of the same name is left alone,
    /// and a name already gone is no error); the errno when this process may not remove it.
    pub(crate) fn remove(&self) -> Result<(), i32> {
        if self.named()? {
            // SAFETY: a NUL-terminated path.
            if unsafe { libc::unlink(self.path.as_ptr()) } != 0 && errno() != libc::ENOENT {
                return Err(errno());
            }
        }
        Ok(())
    }

    /// Whether the name still names this file: false when it is gone or names another file
    /// (a newer table, anything else); the errno when this process cannot tell (it may no
    /// longer search the directory).
    fn named(&self) -> Result<bool, i32> {
        match lstat_path(&self.path) {
            Ok(st) => Ok((st.dev, st.ino) == (self.dev, self.ino)),
            Err(libc::ENOENT) => Ok(false),
            Err(e) => Err(e),
        }
    }
}

fn lossy(p: &CStr) -> String {
    String::from_utf8_lossy(p.to_bytes()).into_owned()
}

fn path_of(dir: &[u8], name: &[u8], prefix: &str) -> CString {
    let mut p = dir.to_vec();
    if p.last() != Some(&b'/') {
        p.push(b'/');
    }
    p.extend_from_slice(prefix.as_bytes());
    p.extend_from_slice(name);
    CString::new(p).unwrap_or_default()
}

/// Encodes the schema block.
fn encode_schema(schema: &Schema) -> Vec<u8> {
    let mut out = Vec::new();
    for c in schema.columns() {
        out.push(c.ty() as u8);
        out.extend_from_slice(&c.capacity().to_le_bytes());
        out.extend_from_slice(&(c.name().len() as u16).to_le_bytes());
        out.extend_from_slice(c.name());
    }
    out
}

/// A declared column as read back from a schema block: name, type, declared size.
type ColumnRecord = (Vec<u8>, ColumnType, u32);

/// Decodes `count` columns from a schema block; `None` if it does not parse exactly.
fn decode_schema(mut b: &[u8], count: usize) -> Option<Vec<ColumnRecord>> {
    let mut out = Vec::with_capacity(count.min(super::schema::MAX_COLUMNS));
    for _ in 0..count {
        let (&ty, rest) = b.split_first()?;
        let cap = u32::from_le_bytes(rest.get(..4)?.try_into().ok()?);
        let len = u16::from_le_bytes(rest.get(4..6)?.try_into().ok()?) as usize;
        let name = rest.get(6..6 + len)?;
        out.push((name.to_vec(), ColumnType::from_code(ty as i64)?, cap));
        b = &rest[6 + len..];
    }
    b.is_empty().then_some(out)
}

/// Describes columns for a mismatch message: `[a int, b string(8)]`.
fn describe(cols: &[ColumnRecord]) -> String {
    let parts: Vec<String> = cols
        .iter()
        .map(|(n, t, cap)| {
            let n = String::from_utf8_lossy(n);
            match t {
                ColumnType::Int => format!("{n} int"),
                ColumnType::Float => format!("{n} float"),
                ColumnType::String => format!("{n} string({cap})"),
            }
        })
        .collect();
    format!("[{}]", parts.join(", "))
}

fn columns_of(schema: &Schema) -> Vec<ColumnRecord> {
    schema.columns().iter().map(|c| (c.name().to_vec(), c.ty(), c.capacity())).collect()
}

/// What the header of a valid file says, once checked.
struct Checked {
    geo: Geometry,
    schema: Schema,
    state: u32,
}

/// Checks a mapped file of `len` bytes and rebuilds its geometry and schema. Reads only what it
/// has checked to lie inside the mapping.
fn check(base: *const u8, len: u64, path: &CStr) -> Result<Checked, NamedError> {
    let bad = |why: &str| NamedError::Corrupt { path: lossy(path), why: why.to_string() };
    if len < HEADER_BYTES as u64 {
        return Err(bad("shorter than a table header"));
    }
    // SAFETY: the header lies inside the mapping (checked above); nothing beyond it is read
    // before the geometry is checked against the length. View::new only reads the header.
    let (m, fi, creator_ok) = unsafe {
        let h = &*(base as *const super::layout::Header);
        (&h.meta, &h.file, owner::in_namespaces(&h.creator.namespaces()))
    };
    if m.magic.load(Relaxed) != MAGIC {
        return Err(bad("wrong magic number"));
    }
    if fi.version.load(Relaxed) != FILE_VERSION {
        return Err(bad(&format!("layout version {} (this rsipc reads version {FILE_VERSION})", fi.version.load(Relaxed))));
    }
    let state = m.state.load(Acquire);
    if state != STATE_READY && state != STATE_DESTROYED {
        return Err(bad("unknown state"));
    }
    let data_size = fi.data_size.load(Relaxed);
    let data_size = usize::try_from(data_size).map_err(|_| bad("row size out of range"))?;
    let geo = Geometry::new(m.size.load(Relaxed), m.overflow.load(Relaxed), data_size).map_err(|_| bad("impossible geometry"))?;
    if geo.slots != m.slots.load(Relaxed)
        || geo.buckets != m.buckets.load(Relaxed)
        || geo.stride as u64 != m.stride.load(Relaxed) as u64
        || geo.total as u64 != m.total.load(Relaxed)
    {
        return Err(bad("geometry fields disagree"));
    }
    let (off, slen) = (fi.schema_off.load(Relaxed), fi.schema_len.load(Relaxed));
    if off < geo.total as u64 || off.checked_add(slen).is_none_or(|end| end > len) || slen > 1 << 24 {
        return Err(bad("schema block outside the file"));
    }
    let count = fi.columns.load(Relaxed) as usize;
    if count > super::schema::MAX_COLUMNS {
        return Err(bad("too many columns"));
    }
    // SAFETY: [off, off + slen) lies inside the mapping (checked above).
    let block = unsafe { std::slice::from_raw_parts(base.add(off as usize), slen as usize) };
    let cols = decode_schema(block, count).ok_or_else(|| bad("unreadable schema block"))?;
    let mut b = TableBuilder::new(geo.size as i64, 1.0);
    for (name, ty, cap) in &cols {
        b.column(name, *ty as i64, *cap as i64).map_err(|_| bad("invalid column"))?;
    }
    let schema = b.schema().map_err(|_| bad("invalid columns"))?;
    if schema.data_size() != geo.data_size || columns_of(&schema) != *cols {
        return Err(bad("schema block disagrees with the row size"));
    }
    if !creator_ok {
        return Err(NamedError::Foreign { path: lossy(path) });
    }
    Ok(Checked { geo, schema, state })
}

/// What makes two declarations the same table, or the first difference.
fn same_table(want: &TableBuilder, want_schema: &Schema, have: &Geometry, have_schema: &Schema, name: &[u8]) -> Result<(), NamedError> {
    let name = String::from_utf8_lossy(name).into_owned();
    if want.size() != have.size {
        return Err(NamedError::Mismatch { name, what: format!("size {} (this call asks for {})", have.size, want.size()) });
    }
    if want.overflow() != have.overflow {
        return Err(NamedError::Mismatch {
            name,
            what: format!("a conflict proportion giving {} overflow rows (this call's gives {})", have.overflow, want.overflow()),
        });
    }
    let (a, b) = (columns_of(have_schema), columns_of(want_schema));
    if a != b {
        return Err(NamedError::Mismatch { name, what: format!("columns {} (this call asks for {})", describe(&a), describe(&b)) });
    }
    Ok(())
}

/// One table this process has open, and where.
struct Cached {
    dir: Vec<u8>,
    name: Vec<u8>,
    table: Opened,
}

impl Cached {
    /// Whether the table has not been ended (a few loads, no system call).
    fn live(&self) -> bool {
        // SAFETY: the cached mapping holds at least a header (checked when it was opened).
        unsafe { &*(self.table.map.as_ptr() as *const super::layout::Header) }.meta.state.load(Acquire) == STATE_READY
    }
}

static CACHE: Mutex<Vec<Cached>> = Mutex::new(Vec::new());

fn table_from(c: &Opened) -> Table {
    // SAFETY: the mapping is at least geo.total bytes (checked when it was opened) and the
    // handle keeps it mapped.
    let view = unsafe { View::new(c.map.as_ptr(), c.geo) };
    Table {
        map: Some(c.map.clone()),
        view,
        schema: c.schema.clone(),
        locks: LockCtx::new(Some(LOCK_PATIENCE)),
        file: Some(c.file.clone()),
        hints: Default::default(),
    }
}

impl TableBuilder {
    /// Opens the table called `name` in `dir`, creating it (with file mode `mode`) if there is
    /// none. An existing table must have been declared alike.
    pub fn open_named(&self, dir: &[u8], name: &[u8], mode: u32) -> Result<Table, NamedError> {
        if !valid_name(name) {
            return Err(NamedError::BadName);
        }
        let schema = self.schema().map_err(NamedError::Create)?;
        let geo = self.geometry().map_err(NamedError::Create)?;
        {
            let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
            // Forget every table that was ended meanwhile (unlinked, destroyed): its memory is
            // only given back once no process maps it any more.
            cache.retain(|c| c.live());
            // A name removed or replaced by other means than rsipc's (`rm`, a new file renamed
            // over it) no longer leads to the cached table: forget it and open what the name
            // names now, as a process that never had it would (one lstat). A process that cannot
            // tell (it may no longer search the directory) keeps what it has.
            cache.retain(|c| !(c.dir == dir && c.name == name) || c.table.file.named().unwrap_or(true));
            if let Some(c) = cache.iter().find(|c| c.dir == dir && c.name == name) {
                same_table(self, &schema, &c.table.geo, &c.table.schema, name)?;
                return Ok(table_from(&c.table));
            }
        }
        let path = path_of(dir, name, FILE_PREFIX);
        // Other processes may be creating and removing this name meanwhile; each turn either
        // attaches, creates, or saw the name change under it. Give up only after a while.
        let start = std::time::Instant::now();
        let mut ended_seen = 0u32;
        for turn in 0u32.. {
            if turn > 0 {
                if start.elapsed() > LOCK_PATIENCE {
                    break;
                }
                if turn < ENDED_TURNS {
                    std::thread::yield_now();
                } else {
                    std::thread::sleep(std::time::Duration::from_millis(1));
                }
            }
            if let Some(fd) = open_existing(&path)? {
                match attach(&fd, &path)? {
                    Some(c) => {
                        same_table(self, &schema, &c.geo, &c.schema, name)?;
                        return Ok(self.remember(dir, name, c));
                    }
                    // An ended table under the name. rsipc removes a name before it ends the
                    // table, so this is a process ending it the other way round (an older
                    // rsipc), gone in a moment, or a name nobody will remove (a hard link, a
                    // planted file, an ender that died): wait a few turns, not the whole while.
                    None if ended_seen + 1 < ENDED_TURNS => {
                        ended_seen += 1;
                        continue;
                    }
                    None => {
                        return Err(NamedError::Corrupt {
                            path: lossy(&path),
                            why: "it holds a table that was ended, and the name was not removed; Rsipc\\Table::unlink() by the file's owner or root removes it".into(),
                        });
                    }
                }
            }
            match create_file(dir, name, &path, &schema, geo, mode)? {
                Some(c) => return Ok(self.remember(dir, name, c)),
                None => continue, // another process made it first: attach to theirs
            }
        }
        Err(NamedError::Io { what: "gave up opening", path: lossy(&path), errno: libc::EAGAIN })
    }

    fn remember(&self, dir: &[u8], name: &[u8], c: Opened) -> Table {
        let cached = Cached { dir: dir.to_vec(), name: name.to_vec(), table: c };
        let t = table_from(&cached.table);
        let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
        cache.retain(|c| !(c.dir == dir && c.name == name));
        cache.push(cached);
        t
    }
}

/// Makes the table in a private file, then links it to its name. `None` when the name was
/// taken meanwhile.
fn create_file(dir: &[u8], name: &[u8], path: &CStr, schema: &Schema, geo: Geometry, mode: u32) -> Result<Option<Opened>, NamedError> {
    remove_stale_temporaries(dir, name);
    let block = encode_schema(schema);
    let schema_off = (geo.total as u64).div_ceil(64) * 64;
    let len = (schema_off + block.len() as u64).div_ceil(4096) * 4096;
    let key = hash::random_key().map_err(|e| NamedError::Create(CreateError::Random(e)))?;
    // SAFETY: no preconditions.
    let (pid, now) = (unsafe { libc::getpid() }, std::time::SystemTime::now());
    let nanos = now.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos()).unwrap_or(0);
    let tmp = path_of(dir, format!("{}.{pid}.{nanos}.tmp", String::from_utf8_lossy(name)).as_bytes(), ".rsipc-new.");
    // SAFETY: a NUL-terminated path; the file is created private (0600) and exclusive.
    let fd = unsafe { libc::open(tmp.as_ptr(), libc::O_RDWR | libc::O_CREAT | libc::O_EXCL | libc::O_CLOEXEC, 0o600) };
    if fd < 0 {
        let e = errno();
        if e == libc::EACCES || e == libc::EPERM {
            return Err(NamedError::Io { what: "cannot create a table in", path: String::from_utf8_lossy(dir).into_owned(), errno: e });
        }
        return Err(NamedError::Io { what: "cannot create", path: lossy(&tmp), errno: e });
    }
    let fd = Fd(fd);
    let fail = |e: NamedError| {
        // SAFETY: a NUL-terminated path of the file made above.
        unsafe { libc::unlink(tmp.as_ptr()) };
        Err(e)
    };
    // SAFETY: an open descriptor; the mode is applied whatever the umask.
    if unsafe { libc::fchmod(fd.0, (mode & 0o777) as libc::mode_t) } != 0 {
        return fail(NamedError::Io { what: "cannot set the mode of", path: lossy(&tmp), errno: errno() });
    }
    // Refuse at once what cannot fit (tmpfs would otherwise fill up to its limit before
    // failing), then reserve every byte, so no later access can fault.
    let free = free_bytes(fd.0);
    if free.is_some_and(|f| f < len) {
        return fail(NamedError::NoSpace { path: lossy(path), needed: len, free: free.unwrap_or(0) });
    }
    // SAFETY: an open descriptor.
    let r = unsafe { libc::posix_fallocate(fd.0, 0, len as libc::off_t) };
    if r != 0 {
        if r == libc::ENOSPC || r == libc::EFBIG {
            return fail(NamedError::NoSpace { path: lossy(path), needed: len, free: free_bytes(fd.0).unwrap_or(0) });
        }
        return fail(NamedError::Io { what: "cannot reserve space for", path: lossy(path), errno: r });
    }
    let map = match Mapping::of_file(fd.0, len as usize) {
        Ok(m) => m,
        Err(e) => return fail(NamedError::Create(e)),
    };
    // SAFETY: the mapping is `len` >= geo.total bytes and stays mapped while `map` lives.
    let view = unsafe { View::new(map.as_ptr(), geo) };
    let h = view.header();
    super::table::write_identity(h, &geo, key);
    let f = &h.file;
    f.version.store(FILE_VERSION, Relaxed);
    f.columns.store(schema.len() as u32, Relaxed);
    f.data_size.store(geo.data_size as u64, Relaxed);
    f.schema_off.store(schema_off, Relaxed);
    f.schema_len.store(block.len() as u64, Relaxed);
    f.created.store(now.duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(0), Relaxed);
    // SAFETY: the block lies inside the mapping (len was sized for it).
    unsafe { std::ptr::copy_nonoverlapping(block.as_ptr(), map.as_ptr().add(schema_off as usize), block.len()) };
    h.meta.state.store(STATE_READY, Release);
    let FileStat { dev, ino, .. } = match stat_fd(fd.0) {
        Ok(s) => s,
        Err(e) => return fail(NamedError::Io { what: "cannot stat", path: lossy(&tmp), errno: e }),
    };
    // SAFETY: NUL-terminated paths. link() fails if the name exists: the loser attaches.
    let linked = unsafe { libc::link(tmp.as_ptr(), path.as_ptr()) };
    let e = errno();
    // SAFETY: as above.
    unsafe { libc::unlink(tmp.as_ptr()) };
    if linked != 0 {
        if e == libc::EEXIST {
            return Ok(None);
        }
        return Err(NamedError::Io { what: "cannot name", path: lossy(path), errno: e });
    }
    let file = Arc::new(FileId { path: path.to_owned(), dev, ino });
    Ok(Some(Opened { map, geo, schema: schema.clone(), file }))
}

/// Removes the temporary files of creators of `name` that died before naming their table (a
/// process killed while reserving a big table's space): `.rsipc-new.<name>.<pid>.<time>.tmp`
/// whose pid no longer exists. Best effort; only creators get here. Names may hold dots and
/// digits, so what follows `<name>.` must be exactly `<pid>.<time>.tmp`: the temporary file of
/// a table called `<name>.5` has one part more and is another creator's.
fn remove_stale_temporaries(dir: &[u8], name: &[u8]) {
    let prefix = [&b".rsipc-new."[..], name, b"."].concat();
    let Ok(rd) = std::fs::read_dir(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(dir)) else { return };
    for entry in rd.flatten() {
        let fname = entry.file_name();
        let fname = std::os::unix::ffi::OsStrExt::as_bytes(fname.as_os_str());
        let Some(rest) = fname.strip_prefix(&prefix[..]) else { continue };
        let Some(pid) = temporary_pid(rest) else { continue };
        // SAFETY: signal 0 only checks for existence.
        if pid > 0 && unsafe { libc::kill(pid, 0) } != 0 && errno() == libc::ESRCH {
            let path = path_of(dir, fname, "");
            // SAFETY: a NUL-terminated path.
            unsafe { libc::unlink(path.as_ptr()) };
        }
    }
}

/// The pid of `<pid>.<time>.tmp`, the end of a temporary file's name; `None` for anything else.
fn temporary_pid(rest: &[u8]) -> Option<i32> {
    let digits = |p: &[u8]| !p.is_empty() && p.iter().all(u8::is_ascii_digit);
    match rest.split(|&c| c == b'.').collect::<Vec<_>>()[..] {
        [pid, time, b"tmp"] if digits(pid) && digits(time) => std::str::from_utf8(pid).ok()?.parse().ok(),
        _ => None,
    }
}

/// Bytes an unprivileged process may still allocate on the filesystem of `fd`.
fn free_bytes(fd: libc::c_int) -> Option<u64> {
    let mut vfs = std::mem::MaybeUninit::<libc::statvfs>::zeroed();
    // SAFETY: an open descriptor and a buffer.
    if unsafe { libc::fstatvfs(fd, vfs.as_mut_ptr()) } != 0 {
        return None;
    }
    // SAFETY: filled by fstatvfs.
    let v = unsafe { vfs.assume_init() };
    Some(v.f_bavail as u64 * v.f_frsize as u64)
}

/// Forgets the tables this process has open (their handles stay valid); the next `open_named`
/// of each maps its file anew. For tests that need a process that did not inherit anything.
pub fn forget_cache() {
    CACHE.lock().unwrap_or_else(|e| e.into_inner()).clear();
}

/// A checked, mapped table file.
struct Opened {
    map: Mapping,
    geo: Geometry,
    schema: Schema,
    file: Arc<FileId>,
}

/// How table files are opened: never through a symbolic link (a table's name is always a file
/// rsipc linked there; in a world-writable directory a link could lead anywhere), and never
/// waiting (a FIFO someone made under a table's name would block an open for reading).
const OPEN_FLAGS: libc::c_int = libc::O_CLOEXEC | libc::O_NOFOLLOW | libc::O_NONBLOCK;

/// Opens a table file for reading and writing; `None` if there is none. A file this process may
/// not open is `Denied`, with its mode and owner; a symbolic link is not a table.
fn open_existing(path: &CStr) -> Result<Option<Fd>, NamedError> {
    // SAFETY: a NUL-terminated path.
    let fd = unsafe { libc::open(path.as_ptr(), libc::O_RDWR | OPEN_FLAGS) };
    if fd >= 0 {
        return Ok(Some(Fd(fd)));
    }
    match errno() {
        libc::ENOENT => Ok(None),
        libc::EACCES | libc::EPERM => {
            let st = lstat_path(path).unwrap_or_default();
            Err(NamedError::Denied { path: lossy(path), mode: st.mode, uid: st.uid })
        }
        libc::ELOOP => Err(NamedError::Corrupt { path: lossy(path), why: "a symbolic link, not a table file".into() }),
        e => Err(NamedError::Io { what: "cannot open", path: lossy(path), errno: e }),
    }
}

/// Maps and checks an open table file. `None` if it is an ended table (its name is on its way
/// out).
fn attach(fd: &Fd, path: &CStr) -> Result<Option<Opened>, NamedError> {
    let st = stat_fd(fd.0).map_err(|e| NamedError::Io { what: "cannot stat", path: lossy(path), errno: e })?;
    let FileStat { dev, ino, size, .. } = st;
    if !st.is_regular() {
        return Err(NamedError::Corrupt { path: lossy(path), why: "not a regular file".into() });
    }
    if size < HEADER_BYTES as u64 {
        // a file being created by a tool other than rsipc, or truncated: not ours
        return Err(NamedError::Corrupt { path: lossy(path), why: "shorter than a table header".into() });
    }
    let map = Mapping::of_file(fd.0, size as usize).map_err(NamedError::Create)?;
    let c = check(map.as_ptr(), size, path)?;
    if c.state != STATE_READY {
        return Ok(None);
    }
    Ok(Some(Opened { map, geo: c.geo, schema: c.schema, file: Arc::new(FileId { path: path.to_owned(), dev, ino }) }))
}

/// Ends the table called `name` in `dir` for every process and removes its file. `Ok(false)`
/// if there is none. Whatever else has the name (a file that is not a valid table, a symbolic
/// link, a FIFO) is removed as well. The name goes first: a process that may not remove it
/// (someone else's file in a directory with the sticky bit, such as `/dev/shm`) gets
/// `NotRemovable` and ends nothing.
pub fn unlink(dir: &[u8], name: &[u8]) -> Result<bool, NamedError> {
    if !valid_name(name) {
        return Err(NamedError::BadName);
    }
    let path = path_of(dir, name, FILE_PREFIX);
    let st = match lstat_path(&path) {
        Ok(st) => st,
        Err(libc::ENOENT) => return Ok(false),
        Err(e) => return Err(NamedError::Io { what: "cannot stat", path: lossy(&path), errno: e }),
    };
    let refused = |errno: i32, uid: u32| match errno {
        libc::EPERM | libc::EACCES => NamedError::NotRemovable { path: lossy(&path), errno, uid },
        _ => NamedError::Io { what: "cannot remove", path: lossy(&path), errno },
    };
    if !st.is_regular() {
        // not a table: only the name goes (a directory stays, with an error)
        FileId { path: path.clone(), dev: st.dev, ino: st.ino }.remove().map_err(|e| refused(e, st.uid))?;
        return Ok(true);
    }
    let Some(fd) = open_existing(&path)? else { return Ok(false) };
    let FileStat { dev, ino, size, uid, .. } = stat_fd(fd.0).map_err(|e| NamedError::Io { what: "cannot stat", path: lossy(&path), errno: e })?;
    let map = (size >= HEADER_BYTES as u64).then(|| Mapping::of_file(fd.0, size as usize).ok()).flatten();
    let table = map.as_ref().filter(|m| check(m.as_ptr(), size, &path).is_ok());
    let f = FileId { path: path.clone(), dev, ino };
    f.remove().map_err(|e| refused(e, uid))?;
    if let Some(m) = table {
        // SAFETY: checked to hold a header.
        let h = unsafe { &*(m.as_ptr() as *const super::layout::Header) };
        h.meta.state.store(STATE_DESTROYED, Release);
    }
    let mut cache = CACHE.lock().unwrap_or_else(|e| e.into_inner());
    cache.retain(|c| !(c.dir == dir && c.name == name));
    Ok(true)
}

/// What `list()` reports about one table.
#[derive(Clone, Debug, PartialEq)]
pub struct NamedInfo {
    pub name: Vec<u8>,
    pub size: u32,
    pub overflow: u32,
    /// Name, type and capacity of each column.
    pub columns: Vec<(Vec<u8>, ColumnType, u32)>,
    pub rows: u32,
    /// Bytes of the file.
    pub memory: u64,
    pub mode: u32,
    pub uid: u32,
    /// Seconds since the epoch.
    pub created: u64,
}

/// The valid tables in `dir` that this process can read, by name.
pub fn list(dir: &[u8]) -> Result<Vec<NamedInfo>, NamedError> {
    let cdir = CString::new(dir.to_vec()).unwrap_or_default();
    let rd = std::fs::read_dir(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(dir))
        .map_err(|e| NamedError::Io { what: "cannot read", path: lossy(&cdir), errno: e.raw_os_error().unwrap_or(0) })?;
    let mut out = Vec::new();
    for entry in rd.flatten() {
        let fname = entry.file_name();
        let fname = std::os::unix::ffi::OsStrExt::as_bytes(fname.as_os_str());
        let Some(name) = fname.strip_prefix(FILE_PREFIX.as_bytes()) else { continue };
        if !valid_name(name) {
            continue;
        }
        let path = path_of(dir, name, FILE_PREFIX);
        // SAFETY: a NUL-terminated path.
        let fd = unsafe { libc::open(path.as_ptr(), libc::O_RDONLY | OPEN_FLAGS) };
        if fd < 0 {
            continue;
        }
        let fd = Fd(fd);
        let Ok(st @ FileStat { size, mode, uid, .. }) = stat_fd(fd.0) else { continue };
        if !st.is_regular() || size < HEADER_BYTES as u64 {
            continue;
        }
        let Ok(map) = Mapping::of_file_read_only(fd.0, size as usize) else { continue };
        let p = map.as_ptr();
        let info = check(p, size, &path).ok().filter(|c| c.state == STATE_READY).map(|c| {
            // SAFETY: checked to hold a header.
            let h = unsafe { &*(p as *const super::layout::Header) };
            NamedInfo {
                name: name.to_vec(),
                size: c.geo.size,
                overflow: c.geo.overflow,
                columns: columns_of(&c.schema),
                rows: h.pool.live.used.load(Relaxed).min(c.geo.slots),
                memory: size,
                mode,
                uid,
                created: h.file.created.load(Relaxed),
            }
        });
        out.extend(info);
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}
