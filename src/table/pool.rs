//! The slot pool: handing out a free slot to a new row and taking it back, in a way that survives
//! the death of the process doing it.
//!
//! # Structure
//!
//! Slots that were never used sit above the high-water mark `hwm`; slots that were used and
//! freed form a singly linked free list through their `next` field. Allocation takes the free-list
//! head, or else slot `hwm` (then `hwm + 1`). Capacity is exactly M: allocation fails only when the
//! free list is empty and `hwm == M`, i.e. when M rows exist, whatever their keys.
//!
//! # Why slots are handed out in order, not at a place the key's hash picks
//!
//! A lookup in a table bigger than the CPU caches reads the chain head, then the slot it names.
//! A table filled by one pass of inserts has its rows in insertion order (freed slots come back
//! last freed first, so deletes and new inserts mix that up), and a pass that visits keys in
//! that order reads the slots one after another, which the CPU fetches ahead: only the head is a
//! real miss. If each key were given a "home" slot picked by its hash when that slot is free
//! (most keys, at half load), its slot read could start together with the head read, but rows
//! would lie in hash order. Measured with a trial build that did that (a free home slot, else the
//! next free one), in one process, 1M hex keys inserted into tables of 2M slots, the tables
//! taking turns on chunks of 50,000 keys; ns per operation in two rounds, for slots in order /
//! home slots / Swoole's table:
//!
//! ```text
//!                 keys visited in insertion order     keys visited in another (shuffled) order
//! get (row)       366-380 / 445-456 / 1011-1074      636-638 / 515-517 / 1219-1244
//! get (field)     297-300 / 371-384 /  817-841       561-581 / 445-450 /  997-1016
//! exists          277-282 / 345-347 /  821           500-537 / 400-423 /  925-994
//! del             284-291 / 337-342 /  794-819       510-521 / 396-409 / 1023-1044
//! ```
//!
//! So for these four operations, with home slots rsipc was 2.2-2.6 times as fast as Swoole's table
//! in either order; with slots in order, 2.8-2.9 times in insertion order and 1.75-2.0 times in
//! the other. The order costs Swoole less (17-28%): it keeps the first key of each bucket in a
//! row of its own that the hash picks, and only later keys of the bucket (over a third of them
//! at this load) in a pool handed out in order. Inserting was also cheaper with slots in order:
//! 336-370 ns against 440-474. Answering from the home slot without reading the head at all (when
//! it holds the key) gained nothing more: the slot's own miss is what is left. Home slots would
//! need a map of free slots instead of the free list (a free home slot must come out of the list's
//! middle), iteration over that map, and a new crash repair: a new pool, not built yet. It would
//! trade the in-order case (five of `make bench`'s six key kinds, and common: ids processed as
//! they were issued) for the other (its `hex, visits reordered` kind).
//!
//! # Lock order
//!
//! Both allocation and release run under the pool lock and *also* under the lock of the bucket
//! whose chain they change (lock order: bucket, then pool). So a chain changes shape only under
//! both locks, and a slot is always in exactly one place: a chain, the free list, or above `hwm`.
//!
//! # Surviving death: a one-entry intent log
//!
//! Before changing anything, the pool-lock holder writes into the header's [`Intent`] what it is
//! about to do: the operation, bucket, slot, the chain predecessor, the slot's old `next`, and the
//! pool counters both before and after. Then `valid = 1`, then the writes, each allocation or
//! release having a single *commit store*:
//!
//! * allocation: key, tag, length and zeroed columns are written into the (still unlinked) slot,
//!   its `next` is pointed at the current chain head, and the commit is `bucket.head = slot`;
//! * release: the commit is the store that unlinks the slot from its chain
//!   (`prev.next` or `bucket.head` = slot's `next`); then the slot is pushed on the free list.
//!
//! After the commit the counters are set to the "after" values and `valid = 0`.
//!
//! Whoever takes the pool lock next and finds `valid == 1` (only possible when the holder died;
//! the lock layer tells us, but we check the flag on every acquisition anyway) repairs by looking
//! at the commit store alone: if it happened (the head is the slot / the predecessor no longer
//! points at it), the operation is completed with the logged "after" state; otherwise it is rolled
//! back to the logged "before" state, restoring the slot's `next`. The repair never changes a
//! chain, is idempotent (a repairer that dies is simply repaired after), and is O(1).
//!
//! Reading the chain during repair is safe without the bucket lock: chains only change under the
//! pool lock, which the repairer holds, and the bucket lock is either still held by the dead
//! process or by a process that took it over and can only read the chain until it gets the pool
//! lock. A dead *bucket*-lock holder that did not hold the pool lock leaves no structural damage at
//! all: at worst the columns of the one row it was writing are half-written.
//!
//! The log and the pool lock are what deleting pays for this: a trial build that unlinked and
//! freed slots under the bucket lock alone, run by one process (so unsafe both against a death
//! in between and against other processes), deleted the rows of the 1M-row benchmark table
//! 25-48 ns faster per row (of 300-420).

use std::sync::atomic::{AtomicU32, Ordering::*};

use super::hash::PreparedKey;
use super::error::TableError;
use super::layout::{Intent, NIL, PoolSnap, View, link};
use super::lock::Acquired;
use super::row::zero_row;
use super::schema::Schema;

pub(crate) const OP_ALLOC: u32 = 1;
pub(crate) const OP_FREE: u32 = 2;

/// Test hook: when set to a crash point's number, the process `_exit`s there, as if killed,
/// holding whatever locks it holds.
#[cfg(test)]
pub(crate) static CRASH_AT: AtomicU32 = AtomicU32::new(0);

#[inline(always)]
fn crash_point(_n: u32) {
    #[cfg(test)]
    if CRASH_AT.load(Relaxed) == _n {
        // SAFETY: simulates a SIGKILL at this point.
        unsafe { libc::_exit(77) };
    }
}

/// Holds the pool lock; releases it on drop.
pub(crate) struct PoolGuard<'a> {
    view: &'a View,
}

impl Drop for PoolGuard<'_> {
    #[inline(always)]
    fn drop(&mut self) {
        self.view.header().pool.lock.unlock();
    }
}

/// Takes the pool lock, repairing after a dead holder. A recovered holder's pid is stored into
/// `recovered`.
#[inline]
pub(crate) fn lock_pool<'a>(view: &'a View, me: u32, ctx: &LockCtx) -> Result<PoolGuard<'a>, TableError> {
    let h = view.header();
    match h.pool.lock.lock_within(me, ctx.patience, &ctx.stuck) {
        Ok(Acquired::Recovered(pid)) => ctx.recovered.store(pid, Relaxed),
        Ok(Acquired::Clean) => {}
        Err(pid) => return Err(TableError::LockHeld(pid)),
    }
    let guard = PoolGuard { view };
    if h.intent.valid.load(Acquire) != 0 {
        repair(view);
    }
    Ok(guard)
}

/// How a table's handle takes locks: where it reports a lock taken over from a dead process, and
/// how long it waits for a live holder (forever, except for named tables; see `ShmLock::lock_within`).
pub(crate) struct LockCtx {
    pub(crate) recovered: AtomicU32,
    pub(crate) patience: Option<std::time::Duration>,
    /// The last lock given up on, and its holder (see `ShmLock::lock_within`).
    pub(crate) stuck: std::sync::atomic::AtomicU64,
}

impl LockCtx {
    /// Nothing recovered or given up on yet; waits for a live holder as long as `patience`.
    pub(crate) fn new(patience: Option<std::time::Duration>) -> LockCtx {
        LockCtx { recovered: AtomicU32::new(0), patience, stuck: Default::default() }
    }
}

/// What an operation is about to change (the fixed part of the intent log).
struct Record {
    op: u32,
    bucket: u32,
    slot: u32,
    prev: u32,
    slot_next: u32,
}

#[inline(always)]
fn log_intent(it: &Intent, r: Record, before: &PoolSnap, after: &PoolSnap) {
    it.op.store(r.op, Relaxed);
    it.bucket.store(r.bucket, Relaxed);
    it.slot.store(r.slot, Relaxed);
    it.prev.store(r.prev, Relaxed);
    it.slot_next.store(r.slot_next, Relaxed);
    it.before.store(before);
    it.after.store(after);
    it.valid.store(1, Release);
}

/// The cell that points at a chain member: the bucket head when `prev` is NIL, else the
/// predecessor's `next`.
#[inline(always)]
fn link_cell(view: &View, bucket: u32, prev: u32) -> &AtomicU32 {
    if prev == NIL { view.head(bucket) } else { &view.slot(prev - 1).next }
}

/// Allocates a slot for `key`, fills it (key, zeroed columns) and links it at the head of bucket
/// `bucket`'s chain, whose length before is `chain_len`. The caller holds the bucket lock.
/// Returns `None` when all M slots are in use.
pub(crate) fn alloc(
    view: &View,
    schema: &Schema,
    bucket: u32,
    key: &PreparedKey,
    chain_len: u32,
    me: u32,
    ctx: &LockCtx,
) -> Result<Option<u32>, TableError> {
    let _guard = lock_pool(view, me, ctx)?;
    let h = view.header();
    let before = h.pool.live.load();
    // Both values index the slots and come from shared memory: a free-list head past the slot
    // count is ignored (the slots on that list are lost, nothing is touched out of bounds), and
    // slot `hwm` is used only below the slot count. The new free head (`slot_next`) is checked
    // the same way by the next allocation.
    let from_list = before.free_head != NIL && before.free_head <= view.geo.slots;
    let (s, slot_next) = if from_list {
        let s = before.free_head - 1;
        (s, view.slot(s).next.load(Relaxed))
    } else if before.hwm < view.geo.slots {
        (before.hwm, NIL)
    } else {
        return Ok(None);
    };
    let mut after = before;
    if from_list {
        after.free_head = slot_next;
    } else {
        after.hwm += 1;
    }
    // Counters never index anything; wrapping keeps damaged ones from panicking in debug builds.
    after.used = after.used.wrapping_add(1);
    after.inserts = after.inserts.wrapping_add(1);
    if chain_len > 0 {
        after.conflicts = after.conflicts.wrapping_add(1);
        after.conflict_max = after.conflict_max.max(chain_len);
    }
    let rec = Record { op: OP_ALLOC, bucket, slot: s, prev: NIL, slot_next };
    log_intent(&h.intent, rec, &before, &after);
    crash_point(1);

    let slot = view.slot(s);
    // The slot is unlinked and we hold the pool lock, so nobody else writes it; unlocked readers
    // (iteration) verify what they read under the bucket lock.
    for (cell, &w) in slot.key.iter().zip(&key.words) {
        cell.store(w, Relaxed);
    }
    slot.tag.store(key.tag(), Relaxed);
    slot.klen.store(key.len, Relaxed);
    // SAFETY: as above; the data area belongs to slot s.
    unsafe { zero_row(schema, view.data(s)) };
    let head = view.head(bucket);
    slot.next.store(head.load(Relaxed), Relaxed);
    crash_point(2);
    head.store(link(s), Release); // commit
    crash_point(3);
    h.pool.live.store(&after);
    crash_point(4);
    h.intent.valid.store(0, Release);
    Ok(Some(s))
}

/// Unlinks slot `s` (whose chain predecessor is `prev`, a link or NIL) from bucket `bucket` and
/// puts it on the free list. The caller holds the bucket lock.
pub(crate) fn free(view: &View, bucket: u32, s: u32, prev: u32, me: u32, ctx: &LockCtx) -> Result<(), TableError> {
    let _guard = lock_pool(view, me, ctx)?;
    let h = view.header();
    let before = h.pool.live.load();
    let slot = view.slot(s);
    let slot_next = slot.next.load(Relaxed);
    let mut after = before;
    after.free_head = link(s);
    after.used = after.used.wrapping_sub(1);
    after.deletes = after.deletes.wrapping_add(1);
    log_intent(&h.intent, Record { op: OP_FREE, bucket, slot: s, prev, slot_next }, &before, &after);
    crash_point(11);
    link_cell(view, bucket, prev).store(slot_next, Release); // commit
    crash_point(12);
    slot.klen.store(0, Relaxed);
    slot.next.store(before.free_head, Relaxed);
    crash_point(13);
    h.pool.live.store(&after);
    crash_point(14);
    h.intent.valid.store(0, Release);
    Ok(())
}

/// Completes or rolls back the logged operation of a dead pool-lock holder (see the module
/// docs). The caller holds the pool lock.
fn repair(view: &View) {
    let h = view.header();
    let it = &h.intent;
    let op = it.op.load(Acquire);
    let bucket = it.bucket.load(Acquire);
    let s = it.slot.load(Acquire);
    let prev = it.prev.load(Acquire);
    let slot_next = it.slot_next.load(Acquire);
    let before = it.before.load();
    let after = it.after.load();
    let g = &view.geo;
    let sane = bucket < g.buckets && s < g.slots && prev <= g.slots && slot_next <= g.slots;
    if sane {
        match op {
            OP_ALLOC => {
                if view.head(bucket).load(Acquire) == link(s) {
                    h.pool.live.store(&after);
                } else {
                    let slot = view.slot(s);
                    if before.free_head == link(s) {
                        slot.next.store(slot_next, Relaxed);
                    }
                    slot.klen.store(0, Relaxed);
                    h.pool.live.store(&before);
                }
            }
            OP_FREE => {
                if link_cell(view, bucket, prev).load(Acquire) == link(s) {
                    h.pool.live.store(&before);
                } else {
                    let slot = view.slot(s);
                    slot.klen.store(0, Relaxed);
                    slot.next.store(before.free_head, Relaxed);
                    h.pool.live.store(&after);
                }
            }
            _ => {}
        }
    }
    it.valid.store(0, Release);
}
