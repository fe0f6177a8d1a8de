//! The capacity promise: any M = N + C distinct keys fit, and the next one fails with `Full`.

use std::collections::HashSet;

use super::support::*;
use crate::table::{Table, TableError, Value};

/// Inserts every key, expects all to fit, then one more to fail; checks everything reads back.
fn fill_exactly(t: &Table, keys: &[Vec<u8>], extra: &[u8]) {
    let m = t.slots() as usize;
    assert_eq!(keys.len(), m);
    for (n, k) in keys.iter().enumerate() {
        t.set(k, &[(I, Value::Int(n as i64))]).unwrap_or_else(|e| panic!("insert #{n} of {m} failed: {e:?}"));
    }
    assert_eq!(t.count() as usize, m);
    assert_eq!(t.set(extra, &[]), Err(TableError::Full), "insert #{} must fail", m + 1);
    assert_eq!(t.add(extra, &[]), Err(TableError::Full));
    assert_eq!(t.incr_int(extra, I, 1), Err(TableError::Full));
    // Updates of present keys still work when full.
    t.set(&keys[0], &[(F, Value::Float(1.0))]).unwrap();
    t.incr_int(&keys[1], I, 1).unwrap();
    let mut r = t.row_buf();
    for (n, k) in keys.iter().enumerate().skip(2) {
        t.get(k, &mut r).unwrap();
        assert_eq!(r.value(I), Some(Value::Int(n as i64)));
    }
    let s = t.stats().unwrap();
    assert_eq!((s.num as usize, s.available_slice_num, s.free_slots), (m, 0, 0));
    let found = t.check_invariants().unwrap();
    assert_eq!(found.len(), m);
}

#[test]
fn sequential_keys_fill_every_slot() {
    // Swoole's Table(1024) fails at insert #467 with these keys.
    for (size, p, prefix) in [(1024, 0.2, &b"key"[..]), (1024, 0.2, b"user:"), (64, 0.2, b"k"), (65_536, 1.0, b"key:")] {
        let t = table(size, p);
        let keys: Vec<Vec<u8>> = (0..t.slots() as u64).map(|i| Key::new(prefix, i).as_bytes().to_vec()).collect();
        fill_exactly(&t, &keys, b"one-too-many");
    }
}

#[test]
fn random_binary_keys_fill_every_slot() {
    let mut rng = Rng::new(42);
    for (size, p) in [(1024, 0.2), (4096, 0.5), (100, 1.0)] {
        let t = table(size, p);
        let mut set = HashSet::new();
        while set.len() < t.slots() as usize {
            set.insert(rng.key());
        }
        let keys: Vec<Vec<u8>> = set.into_iter().collect();
        let mut extra = rng.key();
        while keys.contains(&extra) {
            extra = rng.key();
        }
        fill_exactly(&t, &keys, &extra);
    }
}

#[test]
fn keys_colliding_into_one_bucket_still_fit() {
    // Worst case for a bucketed design: every key in the same bucket. The keys share a 17-byte
    // prefix, so they differ only after their first 8-byte word (tags collide too: 76 keys, 256
    // tags), which makes the chain walk compare whole keys.
    let t = table(64, 0.2);
    let prefix = b"collision-prefix-";
    let b0 = t.test_bucket_of(Key::new(prefix, 0).as_bytes());
    let keys: Vec<Vec<u8>> = (0..)
        .map(|i| Key::new(prefix, i).as_bytes().to_vec())
        .filter(|k| t.test_bucket_of(k) == b0)
        .take(t.slots() as usize)
        .collect();
    fill_exactly(&t, &keys, b"one-too-many");
    let s = t.stats().unwrap();
    assert_eq!(s.conflict_count, t.slots() as u64 - 1);
    assert_eq!(s.conflict_max_level, t.slots() as u64 - 1);
}

#[test]
fn drain_and_refill() {
    let t = table(1024, 0.2);
    let m = t.slots() as u64;
    for round in 0..3u64 {
        let keys: Vec<Vec<u8>> = (0..m).map(|i| Key::new(b"r", round * 1_000_000 + i).as_bytes().to_vec()).collect();
        fill_exactly(&t, &keys, b"extra");
        for k in &keys {
            t.del(k).unwrap();
        }
        assert_eq!(t.count(), 0);
        let s = t.stats().unwrap();
        assert_eq!(s.available_slice_num, s.total_slice_num, "all slices free again");
        assert_eq!(s.insert_count - s.delete_count, 0);
        t.check_invariants().unwrap();
    }
}
