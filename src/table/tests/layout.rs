//! Layout and memory-size sanity.

use std::mem::{offset_of, size_of};

use super::support::*;
use crate::table::capacity::swoole_memory_size;
use crate::table::layout::{Geometry, Header, HEADER_BYTES, MAGIC, Meta, SLOT_HEADER_BYTES, STATE_READY, SlotHeader};
use crate::table::{TableBuilder, Value};

#[test]
fn fixed_structures_have_the_documented_sizes() {
    assert!(size_of::<Header>() <= HEADER_BYTES, "header {} bytes", size_of::<Header>());
    assert_eq!(size_of::<SlotHeader>(), SLOT_HEADER_BYTES);
    assert_eq!(offset_of!(SlotHeader, next), 0);
    assert_eq!(offset_of!(SlotHeader, klen), 4);
    assert_eq!(offset_of!(SlotHeader, tag), 5);
    assert_eq!(offset_of!(SlotHeader, key), 8);
    // The hash key closes the read-mostly first line (fields appended after it go elsewhere).
    assert_eq!(offset_of!(Header, meta), 0);
    assert_eq!(offset_of!(Meta, hash_key), 40);
    assert_eq!(size_of::<Meta>(), 64);
    // Pool lock and counters do not share a cache line with the read-mostly meta data.
    assert_eq!(offset_of!(Header, pool) % 64, 0);
    assert!(offset_of!(Header, pool) >= 64);
    assert_eq!(offset_of!(Header, hot) % 64, 0);
    // The creator's namespaces on their own line (owner.rs), then a named table's file section
    // (named.rs) last.
    assert_eq!(offset_of!(Header, creator) % 64, 0);
    assert_eq!(offset_of!(Header, file), offset_of!(Header, creator) + 64);
    assert_eq!(offset_of!(Header, file) + 64, size_of::<Header>());
}

#[test]
fn benchmark_schema_uses_132_bytes_per_slot() {
    let mut b = TableBuilder::new(1_000_000, 1.0);
    b.column(b"i", 1, 8).unwrap();
    b.column(b"f", 2, 8).unwrap();
    b.column(b"s", 3, 32).unwrap();
    let g = b.geometry().unwrap();
    assert_eq!((g.size, g.overflow, g.slots, g.buckets), (1 << 20, 1 << 20, 1 << 21, 1 << 21));
    assert_eq!(g.data_size, 52);
    assert_eq!(g.stride, 128);
    assert_eq!(g.locks, 4096);
    assert_eq!(g.buckets_off, 512);
    assert_eq!(g.locks_off, 512 + 4 * (1 << 21));
    assert_eq!(g.stripes_off, 512 + 4 * (1 << 21) + 4 * 4096);
    assert_eq!(g.slots_off, g.stripes_off + 64 * 64);
    assert_eq!(g.total, 276_845_056);
    assert_eq!((g.total - g.slots_off) / g.slots as usize, 128);
    assert_eq!(b.swoole_memory_size(), 335_544_368);
    // the bound: at most 0.85x Swoole's size
    assert!((g.total as u64) * 100 <= b.swoole_memory_size() * 85);
}

#[test]
fn never_larger_than_swoole() {
    let schemas: &[&[(i64, i64)]] = &[
        &[],
        &[(1, 8)],
        &[(2, 0)],
        &[(1, 8), (2, 8), (3, 32)],
        &[(3, 1)],
        &[(3, 5)],
        &[(3, 64), (3, 64), (3, 64)],
        &[(1, 1), (1, 2), (1, 4), (1, 8), (2, 8), (3, 7)],
        &[(3, 65_536)],
    ];
    for &n in &[1i64, 64, 100, 128, 1000, 1024, 4096, 65_536, 1 << 20, 3_000_000] {
        for &p in &[0.0, 0.2, 0.25, 0.3, 0.5, 0.75, 0.99, 1.0] {
            for cols in schemas {
                let mut b = TableBuilder::new(n, p);
                for (i, &(ty, size)) in cols.iter().enumerate() {
                    b.column(format!("c{i}").as_bytes(), ty, size).unwrap();
                }
                let ours = b.geometry().unwrap().total as u64;
                let theirs = b.swoole_memory_size();
                assert!(ours <= theirs, "n={n} p={p} cols={cols:?}: ours {ours} > swoole {theirs}");
            }
        }
    }
}

#[test]
fn created_mapping_matches_geometry() {
    let t = table(1000, 0.2);
    let g = t.geometry();
    assert_eq!((g.size, g.overflow, g.slots), (1024, 204, 1228));
    assert_eq!(g.buckets, 2048);
    assert_eq!(t.memory_size(), g.total);
    assert_eq!(t.size(), 1024);
    assert_eq!(t.slots(), 1228);
    let h = t.view.header();
    use std::sync::atomic::Ordering::Relaxed;
    assert_eq!(h.meta.magic.load(Relaxed), MAGIC);
    assert_eq!(h.meta.state.load(Relaxed), STATE_READY);
    assert_eq!(h.meta.slots.load(Relaxed), 1228);
    assert_eq!(h.meta.buckets.load(Relaxed), 2048);
    assert_eq!(h.meta.total.load(Relaxed), g.total as u64);
    // Slots are where the geometry says, one stride apart, data after the 72-byte header.
    let base = h as *const _ as usize;
    let s0 = t.view.slot(0) as *const _ as usize;
    let s5 = t.view.slot(5) as *const _ as usize;
    assert_eq!(s0 - base, g.slots_off);
    assert_eq!(s5 - s0, 5 * g.stride);
    assert_eq!(t.view.data(5) as usize - s5, SLOT_HEADER_BYTES);
    assert_eq!(t.view.head(3) as *const _ as usize - base, g.buckets_off + 12);
    // A small table keeps a lock per bucket, after the heads.
    assert_eq!(g.locks, g.buckets);
    assert_eq!(t.view.bucket_lock(3) as *const _ as usize - base, g.locks_off + 12);
    assert_eq!(g.locks_off, g.buckets_off + 4 * 2048);
    // The last slot ends exactly at the end of the mapping.
    let last = t.view.slot(g.slots - 1) as *const _ as usize;
    assert_eq!(last + g.stride - base, g.total);
}

#[test]
fn big_tables_share_4096_locks_among_their_buckets() {
    let mut b = TableBuilder::new(100_000, 0.2);
    b.column(b"i", 1, 8).unwrap();
    let g = b.geometry().unwrap();
    assert_eq!(g.buckets, 1 << 18);
    assert_eq!(g.locks, 4096);
    // up to 4096 buckets a lock each, from 8192 on 4096 shared locks
    for (size, buckets, locks) in [(1000, 2048, 2048), (2048, 4096, 4096), (4096, 8192, 4096)] {
        let mut s = TableBuilder::new(size, 1.0);
        s.column(b"i", 1, 8).unwrap();
        let sg = s.geometry().unwrap();
        assert_eq!((sg.buckets, sg.locks), (buckets, locks), "Table({size}, 1.0)");
    }
    let t = b.create().unwrap();
    let lock = |bk: u32| t.view.bucket_lock(bk) as *const _ as usize;
    // buckets b and b + L share a lock; neighbours do not
    assert_eq!(lock(5), lock(5 + g.locks));
    assert_ne!(lock(5), lock(6));
    let base = t.view.header() as *const _ as usize;
    assert_eq!(lock(g.locks - 1) + 4 - base, g.locks_off + 4 * g.locks as usize);
    assert!(g.locks_off + 4 * g.locks as usize <= g.slots_off);
    assert_eq!(g.slots_off % 128, 0);
}

#[test]
fn column_layout_puts_numbers_first() {
    let mut b = TableBuilder::new(64, 0.2);
    b.column(b"name", 3, 30).unwrap(); // capacity 32
    b.column(b"id", 1, 4).unwrap();
    b.column(b"score", 2, 0).unwrap();
    b.column(b"tag", 3, 1).unwrap(); // capacity 8
    let t = b.create().unwrap();
    let s = t.schema();
    let names: Vec<&[u8]> = s.columns().iter().map(|c| c.name()).collect();
    assert_eq!(names, [&b"name"[..], b"id", b"score", b"tag"], "declaration order kept");
    let offs: Vec<usize> = s.columns().iter().map(|c| c.offset()).collect();
    assert_eq!(offs, [16, 0, 8, 52]);
    assert_eq!(s.column(0).unwrap().capacity(), 32);
    assert_eq!(s.column(3).unwrap().capacity(), 8);
    assert_eq!(s.data_size(), 16 + 36 + 12);
    assert_eq!(t.geometry().stride, (72 + 64usize).div_ceil(8) * 8);
    // Values land in their own bytes: fill every column to capacity and read back.
    let name = [b'n'; 40];
    t.set(b"k", &[(0, Value::Str(&name)), (1, Value::Int(-1)), (2, Value::Float(-2.5)), (3, Value::Str(b"abcdefghij"))])
        .unwrap();
    let mut row = t.row_buf();
    t.get(b"k", &mut row).unwrap();
    assert_eq!(row.value(0), Some(Value::Str(&name[..32])));
    assert_eq!(row.value(1), Some(Value::Int(-1)));
    assert_eq!(row.value(2), Some(Value::Float(-2.5)));
    assert_eq!(row.value(3), Some(Value::Str(b"abcdefgh")));
}

#[test]
fn swoole_reference_sizes() {
    assert_eq!(swoole_memory_size(64, 12, 28), 9_968);
    let mut b = TableBuilder::new(64, 0.2);
    b.column(b"i", 1, 8).unwrap();
    b.column(b"f", 2, 8).unwrap();
    b.column(b"s", 3, 5).unwrap();
    assert_eq!(b.swoole_memory_size(), 9_968);
    assert!(b.geometry().unwrap().total as u64 <= 9_968);
}

#[test]
fn update_counter_lines_only_in_big_tables_and_per_process() {
    // below 4096 slots the header's counter, from there 64 lines between the locks and the slots
    let small = Geometry::new(2048, 2047, 52).unwrap();
    assert_eq!(small.stripes, 0);
    let g = Geometry::new(4096, 0, 52).unwrap();
    assert_eq!(g.stripes, 64);
    assert_eq!(g.stripes_off % 64, 0);
    assert!(g.stripes_off >= g.locks_off + 4 * g.locks as usize);
    assert!(g.stripes_off + 64 * 64 <= g.slots_off);
    let t = table(4096, 0.0);
    let header = t.view.header() as *const _ as usize;
    let first = t.view.update_counter(0) as *const _ as usize;
    assert_eq!(first - header, t.geometry().stripes_off);
    // consecutive pids with one start token spread over the lines: no line gets more than a few
    // of 64 processes, and most processes have a line to themselves
    let mut per_line = [0u32; 64];
    for pid in 1000u32..1064 {
        let me = pid | 1 << 22;
        let c = t.view.update_counter(me) as *const _ as usize;
        assert_eq!((c - header - t.geometry().stripes_off) % 64, 0);
        per_line[(c - header - t.geometry().stripes_off) / 64] += 1;
    }
    assert!(per_line.iter().all(|&n| n <= 4), "{per_line:?}");
    assert!(per_line.iter().filter(|&&n| n == 1).count() >= 16, "{per_line:?}");
    // stats() adds them all up
    t.view.update_counter(7).fetch_add(5, std::sync::atomic::Ordering::Relaxed);
    t.view.update_counter(1 << 22 | 99).fetch_add(2, std::sync::atomic::Ordering::Relaxed);
    assert_eq!(t.stats().unwrap().update_count, 7);
}
