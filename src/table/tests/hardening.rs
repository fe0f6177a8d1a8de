//! Damaged shared state and oversized schemas. Any process that maps the table can scribble over
//! it, so every value read from the mapping that is used as an index (free-list head, high-water
//! mark, chain links, key lengths) must be range-checked and every walk bounded: a damaged table
//! may give wrong rows or errors, never an out-of-bounds access, a panic or an endless loop.
//! Each scenario runs in a forked child (a wild access there kills only the child) with a time
//! limit (an endless walk then fails the test instead of hanging it).

use std::sync::atomic::Ordering::Relaxed;
use std::time::Duration;

use super::support::*;
use crate::table::layout::{Geometry, NIL};
use crate::table::schema::MAX_STRING_SIZE;
use crate::table::{CreateError, Table, TableBuilder, Value};

const ROWS: u64 = 200;

/// A table holding `ROWS` rows `k<i>`, with the rows `k0`..`k49` deleted again so the free list
/// is not empty.
fn filled() -> Table {
    let t = table(256, 0.2);
    for i in 0..ROWS {
        t.set(Key::new(b"k", i).as_bytes(), &[(I, Value::Int(i as i64))]).unwrap();
    }
    for i in 0..50 {
        t.del(Key::new(b"k", i).as_bytes()).unwrap();
    }
    t
}

/// Every kind of call, on keys old and new; results are ignored, only getting through counts.
fn exercise(t: &Table) -> i32 {
    let mut r = t.row_buf();
    if !counts_fit(t) {
        return 4;
    }
    for i in 0..2 * ROWS {
        let k = Key::new(b"k", i);
        let k = k.as_bytes();
        let _ = t.get(k, &mut r);
        let _ = t.exists(k);
        let _ = t.set(k, &[(I, Value::Int(1)), (S, Value::Str(b"x"))]);
        let _ = t.incr_int(k, I, 1);
        let _ = t.get_field(k, S, &mut r);
        if i % 3 == 0 {
            let _ = t.del(k);
        }
        if i % 7 == 0 {
            let _ = t.getdel(k, &mut r);
        }
    }
    let mut cursor = 0;
    let mut n = 0u64;
    while let Ok(Some(next)) = t.next_from(cursor, &mut r) {
        let _ = r.key();
        cursor = next;
        n += 1;
        if n > 10 * t.slots() as u64 {
            return 3; // iteration must end: cursors only grow and stop at the slot count
        }
    }
    if !counts_fit(t) {
        return 4;
    }
    0
}

/// Counters are not indices, but no answer may claim more rows than fit.
fn counts_fit(t: &Table) -> bool {
    t.count() <= t.slots() && t.stats().is_ok_and(|s| s.num <= t.slots() as u64)
}

/// Damages a fresh filled table with `scribble`, then runs every call in a child.
fn survive(what: &str, scribble: impl FnOnce(&Table)) {
    let _serial = SERIAL.lock();
    let t = filled();
    scribble(&t);
    let code = run_with_timeout(Duration::from_secs(60), || exercise(&t));
    assert_eq!(code, Some(0), "{what}: child exit code (None = still running after 60 s, 1011 = SIGSEGV)");
}

fn slots(t: &Table) -> u32 {
    t.geometry().slots
}

#[test]
fn huge_high_water_mark() {
    survive("hwm = u32::MAX", |t| t.view.header().pool.live.hwm.store(u32::MAX, Relaxed));
    survive("hwm = slots + 1", |t| t.view.header().pool.live.hwm.store(slots(t) + 1, Relaxed));
}

#[test]
fn free_list_head_out_of_range() {
    survive("free head = u32::MAX", |t| t.view.header().pool.live.free_head.store(u32::MAX, Relaxed));
    survive("free head = slots + 1", |t| t.view.header().pool.live.free_head.store(slots(t) + 1, Relaxed));
}

#[test]
fn free_list_links_out_of_range_or_cyclic() {
    survive("free slot's next = u32::MAX", |t| {
        let head = t.view.header().pool.live.free_head.load(Relaxed);
        assert_ne!(head, NIL);
        t.view.slot(head - 1).next.store(u32::MAX, Relaxed);
    });
    survive("free slot's next = itself", |t| {
        let head = t.view.header().pool.live.free_head.load(Relaxed);
        t.view.slot(head - 1).next.store(head, Relaxed);
    });
}

#[test]
fn chain_links_out_of_range_or_cyclic() {
    survive("every bucket head = u32::MAX", |t| {
        for b in 0..t.geometry().buckets {
            t.view.head(b).store(u32::MAX, Relaxed);
        }
    });
    survive("every used slot points at itself", |t| {
        for s in 0..ROWS as u32 {
            t.view.slot(s).next.store(s + 1, Relaxed);
        }
    });
    survive("every used slot points out of range", |t| {
        for s in 0..ROWS as u32 {
            t.view.slot(s).next.store(u32::MAX - s, Relaxed);
        }
    });
}

#[test]
fn counters_and_key_lengths_out_of_range() {
    survive("used = 0, inserts = deletes = u64::MAX", |t| {
        let live = &t.view.header().pool.live;
        live.used.store(0, Relaxed);
        live.inserts.store(u64::MAX, Relaxed);
        live.deletes.store(u64::MAX, Relaxed);
        live.conflict_max.store(u32::MAX, Relaxed);
        live.conflicts.store(u64::MAX, Relaxed);
    });
    survive("used = u32::MAX", |t| t.view.header().pool.live.used.store(u32::MAX, Relaxed));
    survive("key lengths 64..255", |t| {
        for s in 0..ROWS as u32 {
            t.view.slot(s).klen.store(64 + (s % 192) as u8, Relaxed);
        }
    });
}

#[test]
fn intent_log_out_of_range() {
    survive("logged free with every field wild", |t| {
        let it = &t.view.header().intent;
        it.op.store(crate::table::pool::OP_FREE, Relaxed);
        it.bucket.store(u32::MAX, Relaxed);
        it.slot.store(u32::MAX, Relaxed);
        it.prev.store(u32::MAX, Relaxed);
        it.slot_next.store(u32::MAX, Relaxed);
        it.after.hwm.store(u32::MAX, Relaxed);
        it.after.free_head.store(u32::MAX, Relaxed);
        it.valid.store(1, Relaxed);
    });
    survive("logged alloc whose before-state is wild", |t| {
        let it = &t.view.header().intent;
        it.op.store(crate::table::pool::OP_ALLOC, Relaxed);
        it.bucket.store(0, Relaxed);
        it.slot.store(slots(t) - 1, Relaxed);
        it.prev.store(NIL, Relaxed);
        it.slot_next.store(NIL, Relaxed);
        it.before.hwm.store(u32::MAX, Relaxed);
        it.before.free_head.store(u32::MAX - 1, Relaxed);
        it.valid.store(1, Relaxed);
    });
}

#[test]
fn rows_past_4_gib_are_refused_not_clamped() {
    let max = MAX_STRING_SIZE as i64;
    // column() takes any string column Swoole takes (up to its own per-column limit) ...
    let mut b = TableBuilder::new(64, 0.0);
    b.column(b"a", 3, max).unwrap();
    b.column(b"b", 3, max).unwrap();
    assert_eq!(b.column_count(), 2);
    // ... and create() refuses a row whose offsets would not fit in u32, never clamping it.
    assert_eq!(b.geometry().err(), Some(CreateError::RowTooLarge));
    assert_eq!(b.create().err(), Some(CreateError::RowTooLarge));
    // Up to the limit is fine (the slot, header included, stays addressable with u32 offsets),
    // one byte more is not, whatever the column type.
    let room = crate::table::schema::MAX_ROW_DATA;
    let mut b = TableBuilder::new(64, 0.0);
    b.column(b"c", 3, room as i64 - 8).unwrap(); // 4 + (room - 8) bytes: fits
    let g = b.geometry().unwrap();
    assert!(g.stride <= u32::MAX as usize, "stride {}", g.stride);
    b.column(b"d", 1, 8).unwrap();
    assert_eq!(b.geometry().err(), Some(CreateError::RowTooLarge));
    // The layout itself refuses too, for callers that bypass the builder.
    let too_big = crate::table::schema::MAX_ROW_DATA as usize + 1;
    assert_eq!(Geometry::new(64, 0, too_big), Err(CreateError::RowTooLarge));
    assert!(Geometry::new(64, 0, too_big - 1).is_ok());
}
