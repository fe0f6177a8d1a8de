//! Iteration by slot number.
//!
//! A cursor is just a slot number (start at 0). Rows never move between slots while they exist:
//! a row is written into a slot when inserted and stays there until deleted (deleting a chain
//! head does not pull the next row into its place, unlike Swoole). [`Table::next_from`] scans
//! slots upwards from the cursor and returns the first one holding a row, with the cursor to
//! continue from (the next slot). Hence:
//!
//! * cursors are plain numbers, any number of them can be in use at once (nested loops, several
//!   iterators), and they need no shared state;
//! * deleting rows, the current one included, cannot make a cursor skip or repeat another row;
//! * a row that exists for the whole pass sits in one slot the whole time and is returned exactly
//!   once, whatever other processes insert or delete meanwhile. Rows inserted or deleted during the
//!   pass may or may not be returned (a deleted and re-inserted key may land in a later slot and
//!   show up again).
//!
//! Checking a slot: its key length is read without a lock (0 = empty, skip); if non-zero, the key
//! is copied without the lock (relaxed atomic loads: racy in value, but no data race), hashed with
//! the table's key, and the resulting bucket is locked. The slot counts only if it is
//! found in that bucket's chain under the lock; then it cannot change, and key and row are copied
//! into the caller's [`RowBuf`] before the lock is released. A racy read that caught a slot being
//! reused just fails that check (and the slot's new row was not there for the whole pass). The
//! scan stops at the pool's high-water mark (never past the slot count, whatever the shared
//! value says), so a sparse table costs only the slots ever used.

use std::sync::atomic::{AtomicU64, Ordering::*};

use super::error::TableError;
use super::hash::{MAX_KEY_LEN, hash_with};
use super::layout::{NIL, View, link};
use super::owner;
use super::row::RowBuf;
use super::table::Table;

impl Table {
    /// Copies the first row at slot `cursor` or above into `out` (key and columns) and returns
    /// the cursor to pass next time, or `None` when there are no more rows. Start with 0.
    pub fn next_from(&self, cursor: u32, out: &mut RowBuf) -> Result<Option<u32>, TableError> {
        let view = self.live_view()?;
        out.prepare(&self.schema);
        let slots = view.geo.slots;
        let hwm_cell = &view.header().pool.live.hwm;
        // The high-water mark comes from shared memory: never trust it past the slot count.
        let hwm_now = || hwm_cell.load(Acquire).min(slots);
        let mut hwm = hwm_now();
        let mut me = 0;
        let mut i = cursor;
        loop {
            if i >= hwm {
                hwm = hwm_now();
                if i >= hwm {
                    return Ok(None);
                }
            }
            let hinted = self.hints.get(i);
            if let Some(b) = hinted.or_else(|| unlocked_bucket(view, i)) {
                if me == 0 {
                    me = owner::current();
                }
                let mut found = self.copy_if_linked(view, b, i, me, out)?;
                if !found && hinted.is_some() {
                    // the hint was computed a step ago: the slot may hold another key by now
                    if let Some(b2) = unlocked_bucket(view, i).filter(|&b2| b2 != b) {
                        found = self.copy_if_linked(view, b2, i, me, out)?;
                    }
                }
                if found {
                    self.look_ahead(view, i, hwm);
                    return Ok(Some(i + 1));
                }
            }
            i += 1;
        }
    }

    /// Under bucket `b`'s lock: if slot `i` is in `b`'s chain, copies its key and row into `out`.
    #[inline(always)]
    fn copy_if_linked(&self, view: &View, b: u32, i: u32, me: u32, out: &mut RowBuf) -> Result<bool, TableError> {
        let _g = self.lock_bucket(view, b, me)?;
        let sl = view.slot(i);
        let klen = sl.klen.load(Relaxed);
        if klen != 0 && klen as usize <= MAX_KEY_LEN && chain_contains(view, b, i) {
            // SAFETY: slot i is in chain b and we hold b's lock, so it is stable; its key length
            // was checked just above.
            unsafe {
                out.set_key_with(klen, |i| sl.key[i].load(Relaxed));
                out.copy_row(view.data(i));
            }
            return Ok(true);
        }
        Ok(false)
    }

    /// After a step returned slot `i`: the next steps will most likely need slots `i + 1`,
    /// `i + 2`, ... Start fetching the bucket lock and head of slot `i + AHEAD` (and the slot
    /// the chain of slot `i + 1` starts at, whose head was asked for `AHEAD - 1` steps ago), so
    /// those misses overlap whatever the caller does with the rows in between (in PHP: building
    /// the array, running the loop body), and keep the buckets as hints, so each key is hashed
    /// once per pass. Reading a head that has not arrived yet stalls the step: with the heads
    /// asked for only two steps ahead, a third of a step's time on random keys went there.
    #[inline(always)]
    fn look_ahead(&self, view: &View, i: u32, hwm: u32) {
        let next = i + 1;
        if next >= hwm {
            return;
        }
        // (a table too small to look this far ahead just asks for what it has)
        for s in next..(i + AHEAD + 1).min(hwm) {
            if self.hints.get(s).is_none() {
                if let Some(b) = unlocked_bucket(view, s) {
                    self.hints.put(s, b);
                    view.prefetch_bucket(b);
                }
            }
        }
        if let Some(b) = self.hints.get(next) {
            view.prefetch_chain(b, next);
        }
    }
}

/// How many slots iteration looks ahead.
const AHEAD: u32 = 4;

/// Buckets computed ahead by iteration steps for the slots the next steps are likely to need
/// (process-local; one set per table handle, shared by all its cursors), slot `s` in entry
/// `s % AHEAD`. Only hints: a slot may get another key before the step that uses its hint, so a
/// miss is retried with a fresh hash.
#[derive(Default)]
pub(crate) struct IterHints([AtomicU64; AHEAD as usize]);

impl IterHints {
    #[inline(always)]
    fn get(&self, slot: u32) -> Option<u32> {
        let v = self.0[(slot % AHEAD) as usize].load(Relaxed);
        (v >> 32 == slot as u64 + 1).then_some(v as u32)
    }

    #[inline(always)]
    fn put(&self, slot: u32, bucket: u32) {
        self.0[(slot % AHEAD) as usize].store((slot as u64 + 1) << 32 | bucket as u64, Relaxed);
    }
}

/// The bucket slot `i`'s key hashes to, read without the lock (None when the slot looks empty).
/// Another process may be rewriting the slot, so the answer is only trusted once the slot is
/// found in that bucket's chain under the lock.
#[inline(always)]
fn unlocked_bucket(view: &View, i: u32) -> Option<u32> {
    let sl = view.slot(i);
    let klen = sl.klen.load(Relaxed) as usize;
    if klen == 0 || klen > MAX_KEY_LEN {
        return None;
    }
    // the key's words as they lie in the slot, the tail masked, zero past it (racy reads: only a
    // hint, checked under the lock)
    let nw = klen.div_ceil(8);
    let tail = if klen.is_multiple_of(8) { !0 } else { (1u64 << (8 * (klen % 8))) - 1 };
    let word = |i: usize| match i {
        _ if i >= nw => 0,
        _ if i == nw - 1 => sl.key[i].load(Relaxed) & tail,
        _ => sl.key[i].load(Relaxed),
    };
    Some(view.geo.bucket_of(hash_with(&view.hash_key, klen, word)))
}

/// Whether slot `s` is in bucket `b`'s chain. The caller holds the bucket lock.
#[inline]
fn chain_contains(view: &View, b: u32, s: u32) -> bool {
    let target = link(s);
    let slots = view.geo.slots;
    let mut cur = view.head(b).load(Relaxed);
    let mut n = 0;
    while cur != NIL && cur <= slots && n < slots {
        if cur == target {
            return true;
        }
        cur = view.slot(cur - 1).next.load(Relaxed);
        n += 1;
    }
    false
}
