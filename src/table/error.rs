//! Error values of the table core. The PHP layer turns them into Swoole's return values and
//! warnings; none of them carries heap data, so they are free to create on the fast path.

use std::fmt;

/// Why a row operation did not happen.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TableError {
    /// The table was destroyed (by this process or another one).
    Destroyed,
    /// Every row slot is in use; the key is new and cannot be stored.
    Full,
    /// The key is not in the table.
    NoSuchKey,
    /// `add`: the key is already in the table.
    KeyExists,
    /// `cmpset`/`cmpdel`: the row does not hold the expected values.
    Mismatch,
    /// The key is empty or longer than 63 bytes.
    InvalidKey,
    /// A column index is out of range.
    NoSuchColumn,
    /// A value does not match its column's type (or `incr` on a string column).
    WrongType,
    /// The table was created in another PID or time namespace (or this process cannot tell which
    /// namespaces it is in): the owner words of its locks cannot be checked from here, so this
    /// process may not take them. See `owner.rs`.
    ForeignNamespace,
    /// A named table's lock has been held for longer than any operation takes by this live
    /// process (stopped, or named by a damaged table file); the call gave up without taking it.
    LockHeld(u32),
    /// `destroy()` of a named table whose file this process may not remove (the errno); the
    /// table was left as it was.
    CannotRemove(i32),
}

impl fmt::Display for TableError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TableError::Destroyed => "table is not created or has been destroyed",
            TableError::Full => "unable to allocate memory",
            TableError::NoSuchKey => "no such key",
            TableError::KeyExists => "key already exists",
            TableError::Mismatch => "row does not match the expected values",
            TableError::InvalidKey => "key must be 1 to 63 bytes long",
            TableError::NoSuchColumn => "column does not exist",
            TableError::WrongType => "value does not match the column type",
            TableError::LockHeld(pid) => {
                return write!(
                    f,
                    "a lock of this table has been held longer than rsipc.lock_wait by process {pid}, which is alive (stopped, or named by a damaged table file); gave up waiting"
                );
            }
            TableError::CannotRemove(errno) => {
                return write!(
                    f,
                    "cannot remove this table's file: {}; the table is left as it was (in a directory with the sticky bit, such as /dev/shm, only the file's owner or root may remove it)",
                    std::io::Error::from_raw_os_error(*errno)
                );
            }
            TableError::ForeignNamespace => {
                "this table was created in another PID or time namespace; lock owners cannot be checked from here"
            }
        })
    }
}

impl std::error::Error for TableError {}

/// Why `column()` refused a column.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColumnError {
    /// The type is not 1, 2 or 3 (Swoole: `unknown column type`).
    UnknownType,
    /// A string column of size < 1 (Swoole: `the length of string type values has to be more
    /// than zero`).
    InvalidSize,
    /// A string column larger than [`super::schema::MAX_STRING_SIZE`].
    TooLarge,
    /// The name is already a column (Swoole: `column[%s] already exists`).
    Duplicate,
    /// The name is longer than [`super::schema::MAX_COLUMN_NAME`].
    NameTooLong,
    /// More than [`super::schema::MAX_COLUMNS`] columns.
    TooMany,
    /// With this column a row would need more than [`super::schema::MAX_ROW_DATA`] bytes, so
    /// column offsets and the slot size would no longer fit in 32 bits.
    RowTooLarge,
}

impl fmt::Display for ColumnError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            ColumnError::UnknownType => "unknown column type",
            ColumnError::InvalidSize => "the length of string type values has to be more than zero",
            ColumnError::TooLarge => "string column is too large",
            ColumnError::Duplicate => "column already exists",
            ColumnError::NameTooLong => "column name is too long",
            ColumnError::TooMany => "too many columns",
            ColumnError::RowTooLarge => "columns too large: a row may hold at most 4 GiB",
        })
    }
}

impl std::error::Error for ColumnError {}

/// Why `create()` failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CreateError {
    /// The table would need more slots or bytes than can be addressed.
    TooLarge,
    /// `mmap` failed with this errno.
    Map(i32),
    /// The columns need more than [`super::schema::MAX_ROW_DATA`] bytes per row (only reachable
    /// by bypassing `column()`, which refuses such a column).
    RowTooLarge,
    /// `getrandom(2)` could not supply the hash key (this errno).
    Random(i32),
}

impl fmt::Display for CreateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CreateError::TooLarge => f.write_str("unable to allocate memory (table too large)"),
            CreateError::Map(e) => write!(f, "unable to allocate memory (mmap errno {e})"),
            CreateError::RowTooLarge => f.write_str("unable to allocate memory (a row may hold at most 4 GiB)"),
            CreateError::Random(e) => write!(f, "unable to seed the table hash (getrandom errno {e})"),
        }
    }
}

impl std::error::Error for CreateError {}
