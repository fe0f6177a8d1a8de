//! A shared-memory hash table for processes related by `fork`, the PHP-free core of
//! `Swoole\Table`.
//!
//! * One anonymous `MAP_SHARED` mapping per table, laid out with offsets and slot numbers only
//!   ([`layout`]). Children forked after `create()` share every row.
//! * Fixed capacity with a promise: M = N + C rows fit, whatever the keys ([`capacity`] has
//!   Swoole's arithmetic for N and C). Buckets (a power of two >= M) hold chain heads; all M slots
//!   form one pool ([`pool`]), so there is no "bucket full" failure.
//! * A keyed hash ([`hash`]): SipHash-1-3 under a random key drawn by `create()` and kept in
//!   the header, so no choice of keys can pile rows into one bucket; every process of a table
//!   shares the key.
//! * One lock word per bucket plus one for the slot pool, each naming its holder, so a holder
//!   killed at any moment (reaped or zombie) is detected and its lock taken over at once, and the
//!   pool's intent log keeps the structure intact ([`lock`], [`owner`], [`pool`]).
//! * Copy-out reads into a caller-owned [`RowBuf`]: no lock is held while the caller converts
//!   values.
//! * Cursor iteration by slot number ([`iter`]): independent cursors, deletion-safe, every row that
//!   lives through a pass is returned exactly once.
//!
//! ```
//! use rsipc::table::{TableBuilder, Value, TableError};
//!
//! let mut b = TableBuilder::new(1024, 0.2);
//! b.column(b"id", 1, 8).unwrap();
//! b.column(b"score", 2, 0).unwrap();
//! b.column(b"name", 3, 32).unwrap();
//! let table = b.create().unwrap();
//! let s = table.schema();
//! let (id, name) = (s.column_index(b"id").unwrap(), s.column_index(b"name").unwrap());
//!
//! table.set(b"alice", &[(id, Value::Int(7)), (name, Value::Str(b"Alice"))]).unwrap();
//! assert_eq!(table.incr_int(b"alice", id, 1), Ok(8));
//!
//! let mut row = table.row_buf();
//! table.get(b"alice", &mut row).unwrap();
//! assert_eq!(row.value(name), Some(Value::Str(b"Alice")));
//!
//! let mut cursor = 0;
//! while let Some(next) = table.next_from(cursor, &mut row).unwrap() {
//!     let _key: &[u8] = row.key();
//!     for (_column, _value) in row.iter() { /* build the PHP array */ }
//!     cursor = next;
//! }
//! assert_eq!(table.del(b"bob"), Err(TableError::NoSuchKey));
//! ```

pub mod builder;
pub mod capacity;
pub mod error;
pub mod hash;
pub mod iter;
pub mod layout;
pub(crate) mod lock;
pub(crate) mod mapping;
pub mod named;
pub(crate) mod owner;
pub(crate) mod pool;
pub mod row;
pub mod schema;
pub mod stats;
pub(crate) mod sys;
#[allow(clippy::module_inception)]
pub mod table;

#[cfg(test)]
mod tests;

pub use builder::TableBuilder;
pub use error::{ColumnError, CreateError, TableError};
pub use hash::{MAX_KEY_LEN, hash_bytes};
pub use layout::Geometry;
pub use row::{RowBuf, Value};
pub use schema::{Column, ColumnType, Schema};
pub use stats::Stats;
pub use table::{Located, Table};
