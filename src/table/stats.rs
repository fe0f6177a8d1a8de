//! The counters behind `Swoole\Table::stats()`.
//!
//! `num`, `insert_count`, `delete_count`, `conflict_count`, `conflict_max_level` and the slot
//! numbers are changed only under the pool lock, together with the row they describe, and are
//! covered by the pool's intent log: after any crash `insert_count - delete_count == num` still
//! holds exactly. `update_count` is the sum of plain atomic counters (one per process in a big table, see
//! `layout.rs`) bumped after the update is decided (a process killed right there loses one
//! count, like Swoole's non-atomic counters would).


use super::layout::View;

/// A snapshot of the table's counters (Swoole's `stats()` keys, plus two of ours).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Rows in the table (`count()`).
    pub num: u64,
    /// Inserts into a bucket that already held rows.
    pub conflict_count: u64,
    /// Longest chain met by an insert (rows already in the bucket).
    pub conflict_max_level: u64,
    /// Rows ever inserted (set/add of a new key, incr/decr creating a row).
    pub insert_count: u64,
    /// Updates of existing rows (set, update, cmpset, incr/decr).
    pub update_count: u64,
    /// Rows ever deleted (del, cmpdel, getdel).
    pub delete_count: u64,
    /// Swoole's free overflow slots: `min(C, M - num)`, so it equals `total_slice_num` while at
    /// most N rows are stored and reaches 0 exactly when the table is full.
    pub available_slice_num: u64,
    /// C, the overflow rows (`floor(N × p)`).
    pub total_slice_num: u64,
    /// Bytes of the shared mapping.
    pub memory_size: u64,
    /// M = N + C, how many rows fit (ours).
    pub slots: u64,
    /// M - num, how many more rows fit right now (ours).
    pub free_slots: u64,
}

impl Stats {
    pub(crate) fn read(view: &View) -> Stats {
        let h = view.header();
        let live = h.pool.live.load();
        let g = &view.geo;
        // At most M rows can exist; a damaged counter must not report more.
        let num = live.used.min(g.slots) as u64;
        let free = (g.slots as u64).saturating_sub(num);
        Stats {
            num,
            conflict_count: live.conflicts,
            conflict_max_level: live.conflict_max as u64,
            insert_count: live.inserts,
            update_count: view.updates(),
            delete_count: live.deletes,
            available_slice_num: free.min(g.overflow as u64),
            total_slice_num: g.overflow as u64,
            memory_size: g.total as u64,
            slots: g.slots as u64,
            free_slots: free,
        }
    }
}
