//! The per-process table handle and the row operations.
//!
//! Every operation: check the table is alive (one relaxed load), prepare the key (length check,
//! padding, hash), take the key's bucket lock (one CAS), walk the chain (tag, length, then key
//! words), do the work, release (one store). Inserting and deleting also take the pool lock for
//! the few stores that link or unlink the slot (see `pool.rs`). Nothing allocates; reads copy into
//! a caller-owned [`RowBuf`] so the caller never converts values while holding a lock.

use std::sync::atomic::Ordering::*;

use super::error::{CreateError, TableError};
use super::hash::{self, HashKey, PreparedKey};
use super::layout::{Geometry, MAGIC, NIL, STATE_DESTROYED, STATE_READY, View};
use super::lock::{Acquired, ShmLock};
use super::mapping::Mapping;
use super::owner;
use super::pool::{self, LockCtx};
use super::row::{self, RowBuf, Value};
use super::schema::{ColumnType, Schema};
use super::stats::Stats;

/// One process's handle on a shared table.
///
/// The handle itself is process-local (a pointer to the mapping, a copy of the geometry and the
/// schema). A child forked after `create()` inherits a copy that points at the same shared rows.
/// Dropping a handle only unmaps this process's view; only [`Table::destroy`] ends the table for
/// everybody.
pub struct Table {
    pub(crate) map: Option<Mapping>,
    pub(crate) view: View,
    pub(crate) schema: Schema,
    /// Where the pid of the last dead lock holder this process took a lock over from is kept (0 =
    /// none since the last [`Table::take_recovered`]), and how long to wait for a live holder.
    pub(crate) locks: LockCtx,
    /// For a named table: its file, which `destroy()` removes.
    pub(crate) file: Option<std::sync::Arc<super::named::FileId>>,
    /// Buckets iteration computed ahead (see `iter.rs`).
    pub(crate) hints: super::iter::IterHints,
}

/// Writes what identifies a new table into its (zeroed) header: magic, geometry, hash key and
/// the creator's namespaces. The caller then publishes it by setting the state.
pub(crate) fn write_identity(h: &super::layout::Header, geo: &Geometry, key: HashKey) {
    let m = &h.meta;
    m.hash_key[0].store(key[0], Relaxed);
    m.hash_key[1].store(key[1], Relaxed);
    m.magic.store(MAGIC, Relaxed);
    m.size.store(geo.size, Relaxed);
    m.overflow.store(geo.overflow, Relaxed);
    m.slots.store(geo.slots, Relaxed);
    m.buckets.store(geo.buckets, Relaxed);
    m.stride.store(geo.stride as u32, Relaxed);
    m.total.store(geo.total as u64, Relaxed);
    for (cell, id) in h.creator.ns.iter().zip(owner::namespaces()) {
        cell.store(id, Relaxed);
    }
}

/// Where a key was found in its chain, or how long the chain is when it was not.
pub(crate) enum Lookup {
    /// Slot number, and the link of its predecessor (NIL when it is the chain head).
    Found { slot: u32, prev: u32 },
    Missing { chain_len: u32 },
}

/// Holds a bucket lock; releases it on drop.
pub(crate) struct BucketGuard<'a> {
    lock: &'a ShmLock,
}

impl Drop for BucketGuard<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        self.lock.unlock();
    }
}

/// A key hashed for a table ahead of the operation on it (see [`Table::locate`]).
pub struct Located {
    key: PreparedKey,
    bucket: u32,
    /// The hash key it was hashed with: a table replaced meanwhile has another.
    for_key: super::hash::HashKey,
    ready: bool,
}

impl Located {
    /// Not located yet: an operation given it hashes the key itself.
    #[inline(always)]
    pub fn new() -> Located {
        Located { key: PreparedKey::blank(), bucket: 0, for_key: [0; 2], ready: false }
    }
}

impl Default for Located {
    fn default() -> Located {
        Located::new()
    }
}

/// Which writes `Table::write` may do.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Write {
    Upsert,
    InsertOnly,
    UpdateOnly,
}

impl Table {
    /// Maps a new table with a fresh random hash key.
    pub(crate) fn create(schema: Schema, geo: Geometry) -> Result<Table, CreateError> {
        let key = hash::random_key().map_err(CreateError::Random)?;
        Self::create_keyed(schema, geo, key)
    }

    /// Maps a new table whose hash key is `key`.
    pub(crate) fn create_keyed(schema: Schema, geo: Geometry, key: HashKey) -> Result<Table, CreateError> {
        let map = Mapping::new(geo.total)?;
        // SAFETY: the mapping is geo.total bytes and stays alive as long as `map`.
        let blank = unsafe { View::new(map.as_ptr(), geo) };
        write_identity(blank.header(), &geo, key);
        blank.header().meta.state.store(STATE_READY, Release);
        // SAFETY: as above; this view copies the hash key just stored.
        let view = unsafe { View::new(map.as_ptr(), geo) };
        Ok(Table { map: Some(map), view, schema, locks: LockCtx::new(None), file: None, hints: Default::default() })
    }

    /// The view, if the table is alive (not destroyed here or by another process) and this
    /// process is in the namespaces it was created in (otherwise it could not tell a live lock
    /// holder from a dead one; see `owner.rs`).
    #[inline(always)]
    pub(crate) fn live_view(&self) -> Result<&View, TableError> {
        if self.map.is_none() || self.view.header().meta.state.load(Relaxed) != STATE_READY {
            return Err(TableError::Destroyed);
        }
        if !owner::in_namespaces(&self.view.creator_ns) {
            return Err(TableError::ForeignNamespace);
        }
        Ok(&self.view)
    }

    #[inline(always)]
    pub(crate) fn note_recovered(&self, how: Acquired) {
        if let Acquired::Recovered(pid) = how {
            self.locks.recovered.store(pid, Relaxed);
        }
    }

    #[inline(always)]
    pub(crate) fn lock_bucket<'a>(&self, view: &'a View, b: u32, me: u32) -> Result<BucketGuard<'a>, TableError> {
        let lock = view.bucket_lock(b);
        let how = lock.lock_within(me, self.locks.patience, &self.locks.stuck).map_err(TableError::LockHeld)?;
        if how != Acquired::Clean {
            self.after_bucket_recovery(view, how, me);
        }
        Ok(BucketGuard { lock })
    }

    /// A bucket lock was taken over from a dead process. The bucket needs no repair (a dead
    /// bucket-lock holder can only leave half-written column values), but if that process died
    /// inside the pool's critical section, settle its logged operation now (bucket, then pool:
    /// the usual lock order) so counters are right even if this caller never needs the pool.
    #[cold]
    fn after_bucket_recovery(&self, view: &View, how: Acquired, me: u32) {
        self.note_recovered(how);
        if view.header().intent.valid.load(Acquire) != 0 {
            // (a pool lock this call cannot get is settled by whoever gets it next)
            drop(pool::lock_pool(view, me, &self.locks));
        }
    }

    /// Finds `key` in bucket `b`'s chain. The caller holds the bucket lock.
    #[inline(always)]
    pub(crate) fn find<const DATA: bool>(view: &View, b: u32, key: &PreparedKey) -> Lookup {
        let slots = view.geo.slots;
        let tag = key.tag();
        let nw = key.nwords();
        let mut prev = NIL;
        let mut cur = view.head(b).load(Relaxed);
        let mut n: u32 = 0;
        while cur != NIL && cur <= slots && n < slots {
            let s = cur - 1;
            if DATA {
                view.prefetch_data(s);
            }
            let sl = view.slot(s);
            if sl.tag.load(Relaxed) == tag && sl.klen.load(Relaxed) == key.len && sl.key_is(&key.words, nw) {
                return Lookup::Found { slot: s, prev };
            }
            prev = cur;
            cur = sl.next.load(Relaxed);
            n += 1;
        }
        Lookup::Missing { chain_len: n }
    }

    /// Shared start of keyed operations: live view, the key prepared into `k` (the caller's,
    /// so the 80 bytes are written once where they are used, not moved out of a `Result`),
    /// bucket, owner word.
    #[inline(always)]
    fn begin(&self, key: &[u8], k: &mut PreparedKey) -> Result<(&View, u32, u32), TableError> {
        let view = self.live_view()?;
        if !k.prepare(key, &view.hash_key) {
            return Err(TableError::InvalidKey);
        }
        let b = view.geo.bucket_of(k.hash);
        Ok((view, b, owner::current()))
    }

    /// Hashes `key` into a fresh `at` and asks the CPU for its bucket's lock and chain head, so a
    /// caller with work to do before the operation (converting the values of a `set`) has those
    /// misses overlap it. Only a head start: when the table cannot be used or the key is
    /// invalid it does nothing, and the operation given `at` reports that as usual.
    #[inline(always)]
    pub fn locate(&self, key: &[u8], at: &mut Located) {
        at.ready = false;
        if let Ok((view, b, _)) = self.begin(key, &mut at.key) {
            at.bucket = b;
            at.for_key = view.hash_key;
            at.ready = true;
            view.prefetch_bucket(b);
        }
    }

    /// [`Table::begin`] for a key that [`Table::locate`] may have hashed already: its work is
    /// reused when it was done for this table (by hash key: a table replaced meanwhile has
    /// another) and this very key; otherwise the key is prepared here.
    #[inline(always)]
    fn begin_at<'a>(&'a self, key: &[u8], at: &mut Located) -> Result<(&'a View, u32, u32), TableError> {
        if !(at.ready && at.for_key == self.view.hash_key && at.key.is(key)) {
            at.ready = false;
            let (view, b, me) = self.begin(key, &mut at.key)?;
            at.bucket = b;
            return Ok((view, b, me));
        }
        Ok((self.live_view()?, at.bucket, owner::current()))
    }

    #[inline(always)]
    fn check(&self, values: &[(usize, Value<'_>)]) -> Result<(), TableError> {
        if row::check_values(&self.schema, values) {
            Ok(())
        } else if values.iter().any(|(c, _)| *c >= self.schema.len()) {
            Err(TableError::NoSuchColumn)
        } else {
            Err(TableError::WrongType)
        }
    }

    #[inline(always)]
    fn count_update(&self, view: &View, me: u32) {
        view.update_counter(me).fetch_add(1, Relaxed);
    }

    #[inline(always)]
    fn insert(&self, view: &View, b: u32, k: &PreparedKey, chain_len: u32, me: u32) -> Result<u32, TableError> {
        pool::alloc(view, &self.schema, b, k, chain_len, me, &self.locks)?.ok_or(TableError::Full)
    }

    /// Inserts or updates `key`: the given columns are written; on insert the others are zero /
    /// 0.0 / "", on update they keep their values. Strings longer than their column are truncated.
    pub fn set(&self, key: &[u8], values: &[(usize, Value<'_>)]) -> Result<(), TableError> {
        self.set_at(key, &mut Located::new(), values)
    }

    /// Inserts `key` only if it is absent (`KeyExists` otherwise).
    pub fn add(&self, key: &[u8], values: &[(usize, Value<'_>)]) -> Result<(), TableError> {
        self.add_at(key, &mut Located::new(), values)
    }

    /// Updates `key` only if it is present (`NoSuchKey` otherwise). An empty `values` still
    /// counts as an update.
    pub fn update(&self, key: &[u8], values: &[(usize, Value<'_>)]) -> Result<(), TableError> {
        self.update_at(key, &mut Located::new(), values)
    }

    /// [`Table::set`] of a key given to [`Table::locate`] first (`at`).
    pub fn set_at(&self, key: &[u8], at: &mut Located, values: &[(usize, Value<'_>)]) -> Result<(), TableError> {
        self.write(key, at, values, Write::Upsert)
    }

    /// [`Table::add`] of a key given to [`Table::locate`] first (`at`).
    pub fn add_at(&self, key: &[u8], at: &mut Located, values: &[(usize, Value<'_>)]) -> Result<(), TableError> {
        self.write(key, at, values, Write::InsertOnly)
    }

    /// [`Table::update`] of a key given to [`Table::locate`] first (`at`).
    pub fn update_at(&self, key: &[u8], at: &mut Located, values: &[(usize, Value<'_>)]) -> Result<(), TableError> {
        self.write(key, at, values, Write::UpdateOnly)
    }

    /// `set`, `add` and `update`: one lookup under the bucket lock, then insert or update as
    /// `mode` allows, then the values.
    #[inline(always)]
    fn write(&self, key: &[u8], at: &mut Located, values: &[(usize, Value<'_>)], mode: Write) -> Result<(), TableError> {
        let (view, b, me) = self.begin_at(key, at)?;
        let k = &at.key;
        self.check(values)?;
        let _g = self.lock_bucket(view, b, me)?;
        let s = match (Self::find::<true>(view, b, k), mode) {
            (Lookup::Found { .. }, Write::InsertOnly) => return Err(TableError::KeyExists),
            (Lookup::Found { slot, .. }, _) => {
                self.count_update(view, me);
                slot
            }
            (Lookup::Missing { .. }, Write::UpdateOnly) => return Err(TableError::NoSuchKey),
            (Lookup::Missing { chain_len }, _) => self.insert(view, b, k, chain_len, me)?,
        };
        // SAFETY: slot s is in our chain, we hold its lock, values were checked.
        unsafe { row::write_values(&self.schema, view.data(s), values) };
        Ok(())
    }

    /// If the row holds exactly the `expected` values (see [`Value`] comparison rules in
    /// `row.rs`: bitwise for numbers, length + bytes for strings), writes `values`.
    /// `NoSuchKey` / `Mismatch` otherwise. An empty `expected` always matches.
    pub fn cmpset(
        &self,
        key: &[u8],
        expected: &[(usize, Value<'_>)],
        values: &[(usize, Value<'_>)],
    ) -> Result<(), TableError> {
        self.cmpset_at(key, &mut Located::new(), expected, values)
    }

    /// [`Table::cmpset`] of a key given to [`Table::locate`] first (`at`).
    pub fn cmpset_at(
        &self,
        key: &[u8],
        at: &mut Located,
        expected: &[(usize, Value<'_>)],
        values: &[(usize, Value<'_>)],
    ) -> Result<(), TableError> {
        let (view, b, me) = self.begin_at(key, at)?;
        let k = &at.key;
        self.check(expected)?;
        self.check(values)?;
        let _g = self.lock_bucket(view, b, me)?;
        match Self::find::<true>(view, b, k) {
            Lookup::Found { slot, .. } => {
                let data = view.data(slot);
                // SAFETY: as in set().
                if !unsafe { row::matches(&self.schema, data, expected) } {
                    return Err(TableError::Mismatch);
                }
                self.count_update(view, me);
                // SAFETY: as in set().
                unsafe { row::write_values(&self.schema, data, values) };
                Ok(())
            }
            Lookup::Missing { .. } => Err(TableError::NoSuchKey),
        }
    }

    /// Copies the row of `key` (and the key) into `out`.
    pub fn get(&self, key: &[u8], out: &mut RowBuf) -> Result<(), TableError> {
        let mut k = PreparedKey::blank();
        let (view, b, me) = self.begin(key, &mut k)?;
        out.prepare(&self.schema);
        let _g = self.lock_bucket(view, b, me)?;
        match Self::find::<true>(view, b, &k) {
            Lookup::Found { slot, .. } => {
                // SAFETY: the slot is in our chain and we hold its lock.
                unsafe {
                    out.set_key_words(&k.words, k.len);
                    out.copy_row(view.data(slot));
                }
                Ok(())
            }
            Lookup::Missing { .. } => Err(TableError::NoSuchKey),
        }
    }

    /// Copies one column of `key`'s row into `out` and returns it (borrowing `out`). The other
    /// columns of `out` are left as they were.
    pub fn get_field<'b>(&self, key: &[u8], col: usize, out: &'b mut RowBuf) -> Result<Value<'b>, TableError> {
        let mut k = PreparedKey::blank();
        let (view, b, me) = self.begin(key, &mut k)?;
        if col >= self.schema.len() {
            return Err(TableError::NoSuchColumn);
        }
        out.prepare(&self.schema);
        let _g = self.lock_bucket(view, b, me)?;
        match Self::find::<true>(view, b, &k) {
            Lookup::Found { slot, .. } => {
                // SAFETY: the slot is in our chain and we hold its lock; col is in range.
                let v = unsafe {
                    out.set_key_words(&k.words, k.len);
                    out.copy_column(view.data(slot), col)
                };
                Ok(v)
            }
            Lookup::Missing { .. } => Err(TableError::NoSuchKey),
        }
    }

    /// Whether `key` has a row.
    pub fn exists(&self, key: &[u8]) -> Result<bool, TableError> {
        let mut k = PreparedKey::blank();
        let (view, b, me) = self.begin(key, &mut k)?;
        let _g = self.lock_bucket(view, b, me)?;
        Ok(matches!(Self::find::<false>(view, b, &k), Lookup::Found { .. }))
    }

    /// Deletes `key`'s row (`NoSuchKey` if absent).
    pub fn del(&self, key: &[u8]) -> Result<(), TableError> {
        let mut k = PreparedKey::blank();
        let (view, b, me) = self.begin(key, &mut k)?;
        let _g = self.lock_bucket(view, b, me)?;
        match Self::find::<false>(view, b, &k) {
            Lookup::Found { slot, prev } => {
                pool::free(view, b, slot, prev, me, &self.locks)?;
                Ok(())
            }
            Lookup::Missing { .. } => Err(TableError::NoSuchKey),
        }
    }

    /// Copies `key`'s row into `out`, then deletes it, atomically.
    pub fn getdel(&self, key: &[u8], out: &mut RowBuf) -> Result<(), TableError> {
        let mut k = PreparedKey::blank();
        let (view, b, me) = self.begin(key, &mut k)?;
        out.prepare(&self.schema);
        let _g = self.lock_bucket(view, b, me)?;
        match Self::find::<true>(view, b, &k) {
            Lookup::Found { slot, prev } => {
                // SAFETY: the slot is in our chain and we hold its lock.
                unsafe {
                    out.set_key_words(&k.words, k.len);
                    out.copy_row(view.data(slot));
                }
                pool::free(view, b, slot, prev, me, &self.locks)?;
                Ok(())
            }
            Lookup::Missing { .. } => Err(TableError::NoSuchKey),
        }
    }

    /// Deletes `key`'s row if it holds exactly the `expected` values (see [`Table::cmpset`]).
    pub fn cmpdel(&self, key: &[u8], expected: &[(usize, Value<'_>)]) -> Result<(), TableError> {
        let mut k = PreparedKey::blank();
        let (view, b, me) = self.begin(key, &mut k)?;
        self.check(expected)?;
        let _g = self.lock_bucket(view, b, me)?;
        match Self::find::<true>(view, b, &k) {
            Lookup::Found { slot, prev } => {
                // SAFETY: as in set().
                if !unsafe { row::matches(&self.schema, view.data(slot), expected) } {
                    return Err(TableError::Mismatch);
                }
                pool::free(view, b, slot, prev, me, &self.locks)?;
                Ok(())
            }
            Lookup::Missing { .. } => Err(TableError::NoSuchKey),
        }
    }

    /// Checks a column for incr/decr before anything is looked up (so a bad column never
    /// creates a row).
    #[inline(always)]
    fn number_column(&self, col: usize, ty: ColumnType) -> Result<&super::schema::Column, TableError> {
        let c = self.schema.column(col).ok_or(TableError::NoSuchColumn)?;
        if c.ty() == ty { Ok(c) } else { Err(TableError::WrongType) }
    }

    /// Runs `f` on the 8 bytes of a number column of `key`'s row, creating the row (all zero)
    /// when missing. Returns the new bits.
    #[inline(always)]
    fn modify(&self, key: &[u8], col: usize, ty: ColumnType, f: impl FnOnce(u64) -> u64) -> Result<u64, TableError> {
        let mut k = PreparedKey::blank();
        let (view, b, me) = self.begin(key, &mut k)?;
        let c = self.number_column(col, ty)?;
        let _g = self.lock_bucket(view, b, me)?;
        let s = match Self::find::<true>(view, b, &k) {
            Lookup::Found { slot, .. } => {
                self.count_update(view, me);
                slot
            }
            Lookup::Missing { chain_len } => self.insert(view, b, &k, chain_len, me)?,
        };
        let data = view.data(s);
        // SAFETY: slot s is in our chain and we hold its lock; c is a number column.
        unsafe {
            let v = f(row::read_u64(data, c));
            row::write_u64(data, c, v);
            Ok(v)
        }
    }

    /// Adds `by` to an int column (wrapping), creating the row if missing; returns the result.
    pub fn incr_int(&self, key: &[u8], col: usize, by: i64) -> Result<i64, TableError> {
        self.modify(key, col, ColumnType::Int, |v| (v as i64).wrapping_add(by) as u64).map(|v| v as i64)
    }

    /// Subtracts `by` from an int column (wrapping), creating the row if missing.
    pub fn decr_int(&self, key: &[u8], col: usize, by: i64) -> Result<i64, TableError> {
        self.modify(key, col, ColumnType::Int, |v| (v as i64).wrapping_sub(by) as u64).map(|v| v as i64)
    }

    /// Adds `by` to a float column, creating the row if missing; returns the result.
    pub fn incr_float(&self, key: &[u8], col: usize, by: f64) -> Result<f64, TableError> {
        self.modify(key, col, ColumnType::Float, |v| (f64::from_bits(v) + by).to_bits()).map(f64::from_bits)
    }

    /// Subtracts `by` from a float column, creating the row if missing.
    pub fn decr_float(&self, key: &[u8], col: usize, by: f64) -> Result<f64, TableError> {
        self.modify(key, col, ColumnType::Float, |v| (f64::from_bits(v) - by).to_bits()).map(f64::from_bits)
    }

    /// Rows in the table. Answers as long as this process still has the mapping, even after
    /// another process destroyed the table (like Swoole's shared counter); 0 after a local
    /// `destroy()`.
    #[inline]
    pub fn count(&self) -> u32 {
        if self.live_view().is_err() {
            // ended (here, by another handle or another process) or not ours to read
            return 0;
        }
        // At most M rows can exist; a damaged counter must not report more.
        self.view.header().pool.live.used.load(Relaxed).min(self.view.geo.slots)
    }

    /// Swoole's `stats()` counters.
    pub fn stats(&self) -> Result<Stats, TableError> {
        Ok(Stats::read(self.live_view()?))
    }

    /// N, `getSize()`.
    #[inline]
    pub fn size(&self) -> u32 {
        self.view.geo.size
    }

    /// M = N + C, how many rows fit.
    #[inline]
    pub fn slots(&self) -> u32 {
        self.view.geo.slots
    }

    /// Bytes of the shared mapping (`getMemorySize()`); 0 after a local `destroy()`.
    #[inline]
    pub fn memory_size(&self) -> usize {
        self.map.as_ref().map_or(0, |m| m.len())
    }

    /// The layout of the mapping.
    #[inline]
    pub fn geometry(&self) -> Geometry {
        self.view.geo
    }

    /// The columns.
    #[inline]
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// A copy-out buffer for this table's rows.
    pub fn row_buf(&self) -> RowBuf {
        RowBuf::new(&self.schema)
    }

    /// Whether the table can still be used from this process.
    #[inline]
    pub fn is_alive(&self) -> bool {
        self.live_view().is_ok()
    }

    /// How long this handle waits for a lock whose live holder keeps it (`None`: as long as it
    /// lives). Named tables start with `named::LOCK_PATIENCE`.
    pub fn set_lock_patience(&mut self, patience: Option<std::time::Duration>) {
        self.locks.patience = patience;
    }

    /// Pid of a dead process whose lock this process took over since the last call (for the
    /// `lock process[%d] not exists, force unlock` warning), clearing it.
    #[inline]
    pub fn take_recovered(&self) -> Option<u32> {
        if self.locks.recovered.load(Relaxed) == 0 {
            return None;
        }
        Some(self.locks.recovered.swap(0, Relaxed)).filter(|&p| p != 0)
    }

    /// Ends the table for every process: removes a named table's file, then marks the shared
    /// header destroyed (other processes get `Destroyed` from their next call), but keeps this
    /// process's mapping until the handle is dropped (for a caller that may still be inside a
    /// call on it). `Err(Destroyed)` if it was already ended (here or elsewhere);
    /// `Err(CannotRemove)`, ending nothing, if this process may not remove the file.
    pub fn end(&self) -> Result<(), TableError> {
        if self.map.is_none() {
            return Err(TableError::Destroyed);
        }
        let state = &self.view.header().meta.state;
        if let Some(f) = &self.file {
            // The name goes first (unless it already names a newer table): a process that may
            // not remove it must not end the table for everyone and leave it under the name.
            let removed = f.remove();
            if state.load(Acquire) == STATE_READY {
                removed.map_err(TableError::CannotRemove)?;
            }
        }
        let was = state.swap(STATE_DESTROYED, AcqRel);
        if was == STATE_READY { Ok(()) } else { Err(TableError::Destroyed) }
    }

    /// Ends the table for every process (see [`Table::end`]) and unmaps it here; a named table
    /// whose file this process may not remove stays as it was, mapped.
    pub fn destroy(&mut self) -> Result<(), TableError> {
        let r = self.end();
        if !matches!(r, Err(TableError::CannotRemove(_))) {
            self.map = None;
        }
        r
    }
}

impl std::fmt::Debug for Table {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Table").field("geometry", &self.view.geo).field("alive", &self.is_alive()).finish()
    }
}

/// Test hooks and the structural checker.
#[cfg(test)]
impl Table {
    /// Bucket of a key.
    pub(crate) fn test_bucket_of(&self, key: &[u8]) -> u32 {
        self.view.geo.bucket_of(PreparedKey::new(key, &self.view.hash_key).unwrap().hash)
    }

    /// The hash key this process uses for the table.
    pub(crate) fn test_hash_key(&self) -> HashKey {
        self.view.hash_key
    }

    /// Takes the bucket lock of `key` and keeps it.
    pub(crate) fn test_hold_bucket(&self, key: &[u8]) {
        let b = self.test_bucket_of(key);
        std::mem::forget(self.lock_bucket(&self.view, b, owner::current()).unwrap());
    }

    /// Releases a bucket lock taken by [`Table::test_hold_bucket`].
    pub(crate) fn test_release_bucket(&self, key: &[u8]) {
        self.view.bucket_lock(self.test_bucket_of(key)).unlock();
    }

    /// Runs `f` while holding the bucket lock of `key`.
    pub(crate) fn test_with_bucket(&self, key: &[u8], f: impl FnOnce()) {
        let _g = self.lock_bucket(&self.view, self.test_bucket_of(key), owner::current()).unwrap();
        f();
    }

    /// Takes the pool lock and keeps it.
    pub(crate) fn test_hold_pool(&self) {
        std::mem::forget(pool::lock_pool(&self.view, owner::current(), &self.locks).unwrap());
    }

    /// Owner words of a bucket lock and of the pool lock.
    pub(crate) fn test_lock_owners(&self, key: &[u8]) -> (u32, u32) {
        (self.view.bucket_lock(self.test_bucket_of(key)).owner(), self.view.header().pool.lock.owner())
    }

    /// Checks the whole structure (takes the pool lock, which repairs after a dead holder; the
    /// caller makes sure no other process changes the table meanwhile): every slot below `hwm` is
    /// in exactly one chain or on the free list, chain members hash to their bucket, counters
    /// agree. Returns the keys found.
    pub(crate) fn check_invariants(&self) -> Result<Vec<Vec<u8>>, String> {
        use super::hash::{hash_words, tag_of};
        let hk = &self.view.hash_key;
        let v = &self.view;
        let _g = pool::lock_pool(v, owner::current(), &self.locks).map_err(|e| e.to_string())?;
        let h = v.header();
        if h.intent.valid.load(Relaxed) != 0 {
            return Err("intent still valid".into());
        }
        let live = h.pool.live.load();
        let g = &v.geo;
        if live.hwm > g.slots {
            return Err(format!("hwm {} > slots {}", live.hwm, g.slots));
        }
        let mut seen = vec![0u8; g.slots as usize];
        let mut keys = Vec::new();
        for b in 0..g.buckets {
            let mut cur = v.head(b).load(Relaxed);
            while cur != NIL {
                let s = cur - 1;
                if s >= live.hwm {
                    return Err(format!("bucket {b}: slot {s} above hwm {}", live.hwm));
                }
                if seen[s as usize] != 0 {
                    return Err(format!("bucket {b}: slot {s} seen twice"));
                }
                seen[s as usize] = 1;
                let sl = v.slot(s);
                let klen = sl.klen.load(Relaxed) as usize;
                if klen == 0 || klen > 63 {
                    return Err(format!("slot {s}: key length {klen}"));
                }
                let words = sl.key_words(8);
                let hash = hash_words(hk, &words, klen);
                if g.bucket_of(hash) != b || tag_of(hash) != sl.tag.load(Relaxed) {
                    return Err(format!("slot {s}: key does not hash to bucket {b}"));
                }
                let bytes: Vec<u8> = words.iter().flat_map(|w| w.to_le_bytes()).collect();
                if bytes[klen..].iter().any(|&x| x != 0) {
                    return Err(format!("slot {s}: key padding not zero"));
                }
                keys.push(bytes[..klen].to_vec());
                cur = sl.next.load(Relaxed);
            }
        }
        let mut free = 0u32;
        let mut cur = live.free_head;
        while cur != NIL {
            let s = cur - 1;
            if s >= live.hwm || seen[s as usize] != 0 {
                return Err(format!("free list: slot {s} above hwm or already seen"));
            }
            seen[s as usize] = 2;
            free += 1;
            cur = v.slot(s).next.load(Relaxed);
        }
        let rows = keys.len() as u32;
        if rows + free != live.hwm {
            return Err(format!("rows {rows} + free {free} != hwm {}", live.hwm));
        }
        if rows != live.used {
            return Err(format!("rows {rows} != used {}", live.used));
        }
        if live.inserts - live.deletes != live.used as u64 {
            return Err(format!("inserts {} - deletes {} != used {}", live.inserts, live.deletes, live.used));
        }
        Ok(keys)
    }
}
