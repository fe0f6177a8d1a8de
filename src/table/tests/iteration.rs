//! Cursor iteration in one process: deleting while iterating, independent cursors.

use std::collections::{HashMap, HashSet};

use super::support::*;
use crate::table::{Table, Value};

fn fill(t: &Table, n: u64) -> HashSet<Vec<u8>> {
    (0..n)
        .map(|i| {
            let k = Key::new(b"row", i).as_bytes().to_vec();
            t.set(&k, &[(I, Value::Int(i as i64))]).unwrap();
            k
        })
        .collect()
}

#[test]
fn deleting_the_current_row_skips_nothing() {
    // Swoole leaves 600 of 10,000 rows behind here.
    let t = table(16_384, 0.2);
    let all = fill(&t, 10_000);
    let mut r = t.row_buf();
    let mut seen = HashSet::new();
    let mut cursor = 0;
    while let Some(next) = t.next_from(cursor, &mut r).unwrap() {
        assert!(seen.insert(r.key().to_vec()), "repeated {:?}", r.key());
        t.del(r.key()).unwrap();
        cursor = next;
    }
    assert_eq!(seen, all);
    assert_eq!(t.count(), 0);
    assert_eq!(t.next_from(0, &mut r), Ok(None));
}

#[test]
fn deleting_other_rows_during_iteration() {
    let t = table(16_384, 0.2);
    let all = fill(&t, 10_000);
    let mut rng = Rng::new(11);
    let pending: Vec<Vec<u8>> = all.iter().cloned().collect();
    let mut deleted = HashSet::new();
    let mut seen = HashSet::new();
    let mut r = t.row_buf();
    let mut cursor = 0;
    while let Some(next) = t.next_from(cursor, &mut r).unwrap() {
        let k = r.key().to_vec();
        assert!(!deleted.contains(&k), "returned a row deleted before it was reached");
        assert!(seen.insert(k.clone()), "repeated row");
        // Delete a random other row now and then (visited or not).
        if rng.below(3) == 0 {
            let victim = &pending[rng.below(pending.len() as u64) as usize];
            if victim != &k && !deleted.contains(victim) {
                t.del(victim).unwrap();
                deleted.insert(victim.clone());
            }
        }
        cursor = next;
    }
    // Every row not deleted before the cursor reached it was returned exactly once.
    for k in &all {
        if !deleted.contains(k) {
            assert!(seen.contains(k), "row skipped");
        }
    }
    assert_eq!(t.count() as usize, all.len() - deleted.len());
}

#[test]
fn independent_cursors_and_nested_loops() {
    let t = table(1024, 0.2);
    let all = fill(&t, 300);
    let (mut ra, mut rb) = (t.row_buf(), t.row_buf());
    let mut outer = Vec::new();
    let mut inner_total = 0;
    let mut ca = 0;
    while let Some(na) = t.next_from(ca, &mut ra).unwrap() {
        outer.push(ra.key().to_vec());
        let mut cb = 0;
        let mut inner = 0;
        while let Some(nb) = t.next_from(cb, &mut rb).unwrap() {
            inner += 1;
            cb = nb;
        }
        assert_eq!(inner, 300);
        inner_total += inner;
        ca = na;
    }
    assert_eq!(outer.len(), 300);
    assert_eq!(outer.iter().cloned().collect::<HashSet<_>>(), all);
    assert_eq!(inner_total, 300 * 300);
}

#[test]
fn iteration_copies_key_and_row() {
    let t = table(64, 0.2);
    let mut want = HashMap::new();
    let mut rng = Rng::new(5);
    for n in 0..50 {
        let k = rng.key();
        let s: Vec<u8> = (0..rng.below(33)).map(|_| rng.next() as u8).collect();
        t.set(&k, &[(I, Value::Int(n)), (F, Value::Float(n as f64 / 3.0)), (S, Value::Str(&s))]).unwrap();
        want.insert(k, (n, s));
    }
    let mut r = t.row_buf();
    let mut cursor = 0;
    let mut got = 0;
    while let Some(next) = t.next_from(cursor, &mut r).unwrap() {
        let (n, s) = &want[r.key()];
        assert_eq!(r.value(I), Some(Value::Int(*n)));
        assert_eq!(r.value(F), Some(Value::Float(*n as f64 / 3.0)));
        assert_eq!(r.value(S), Some(Value::Str(s)));
        got += 1;
        cursor = next;
    }
    assert_eq!(got, want.len());
    // A cursor past the end, or an empty table, ends at once.
    assert_eq!(t.next_from(u32::MAX, &mut r), Ok(None));
    assert_eq!(table(64, 0.2).next_from(0, &mut r), Ok(None));
}

#[test]
fn a_slot_that_got_another_key_since_a_step_looked_ahead_is_still_returned() {
    // A step computes the buckets of the next few slots ahead (iter.rs). A pass given up after
    // one step leaves them behind; each of those slots then gets another key, which stays for
    // the whole next pass, and must be found although its remembered bucket is the old key's.
    let t = table(64, 0.0);
    let keys: Vec<Vec<u8>> = (0..7).map(|i| format!("key {i}").into_bytes()).collect();
    for k in &keys {
        t.set(k, &[]).unwrap();
    }
    let mut r = t.row_buf();
    assert_eq!(t.next_from(0, &mut r).unwrap(), Some(1));
    assert_eq!(r.key(), b"key 0");
    // (a freed slot is the next one handed out, so each new key takes the old one's slot)
    let mut want = vec![keys[0].clone()];
    for (i, k) in keys.iter().enumerate().skip(1) {
        t.del(k).unwrap();
        let new = format!("new key in slot {i}").into_bytes();
        t.set(&new, &[]).unwrap();
        want.push(new);
    }
    let mut seen = Vec::new();
    let mut cursor = 0;
    while let Some(next) = t.next_from(cursor, &mut r).unwrap() {
        seen.push(r.key().to_vec());
        cursor = next;
    }
    assert_eq!(seen, want);
}
