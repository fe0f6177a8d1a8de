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

use std::sync::atomic::Ordering::*;

use super::error::TableError;
use super::hash::{MAX_KEY_LEN, hash_padded};
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
            let sl = view.slot(i);
            let klen = sl.klen.load(Relaxed) as usize;
            if klen != 0 && klen <= MAX_KEY_LEN {
                // Read without the lock: another process may be rewriting the slot, so the words
                // are only trusted once the slot is found in its bucket's chain under the lock.
                let mut words = sl.key_words(klen.div_ceil(8));
                if !klen.is_multiple_of(8) {
                    words[klen / 8] &= (1u64 << (8 * (klen % 8))) - 1;
                }
                let b = view.geo.bucket_of(hash_padded(&view.hash_key, &words, klen));
                if me == 0 {
                    me = owner::current();
                }
                let _g = self.lock_bucket(view, b, me)?;
                let klen = sl.klen.load(Relaxed);
                if klen != 0 && klen as usize <= MAX_KEY_LEN && chain_contains(view, b, i) {
                    // SAFETY: slot i is in chain b and we hold b's lock, so it is stable; its key
                    // length was checked just above.
                    unsafe {
                        out.set_key_words(&sl.key_words(8), klen);
                        out.copy_row(view.data(i));
                    }
                    return Ok(Some(i + 1));
                }
            }
            i += 1;
        }
    }
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
