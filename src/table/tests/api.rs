//! Row operation semantics (Swoole 6.3 behaviour, reference §1.5–§1.13).

use super::support::*;
use crate::table::{ColumnError, Located, TableBuilder, TableError, Value};

fn row(t: &crate::table::Table, key: &[u8]) -> Option<(i64, f64, Vec<u8>)> {
    let mut r = t.row_buf();
    match t.get(key, &mut r) {
        Ok(()) => {
            assert_eq!(r.key(), key);
            let Some(Value::Int(i)) = r.value(I) else { panic!() };
            let Some(Value::Float(f)) = r.value(F) else { panic!() };
            let Some(Value::Str(s)) = r.value(S) else { panic!() };
            Some((i, f, s.to_vec()))
        }
        Err(TableError::NoSuchKey) => None,
        Err(e) => panic!("get: {e:?}"),
    }
}

#[test]
fn set_inserts_with_zeros_and_updates_partially() {
    let t = table(64, 0.2);
    t.set(b"k", &[(I, Value::Int(5))]).unwrap();
    assert_eq!(row(&t, b"k"), Some((5, 0.0, vec![])));
    t.set(b"k", &[(S, Value::Str(b"hello")), (F, Value::Float(1.5))]).unwrap();
    assert_eq!(row(&t, b"k"), Some((5, 1.5, b"hello".to_vec())));
    t.set(b"k", &[]).unwrap();
    assert_eq!(row(&t, b"k"), Some((5, 1.5, b"hello".to_vec())));
    // Later entries for the same column win.
    t.set(b"k", &[(I, Value::Int(1)), (I, Value::Int(2))]).unwrap();
    assert_eq!(row(&t, b"k").unwrap().0, 2);
    // After del, a new row starts from zero (the old string is not resurrected).
    t.del(b"k").unwrap();
    t.set(b"k", &[(I, Value::Int(9))]).unwrap();
    assert_eq!(row(&t, b"k"), Some((9, 0.0, vec![])));
    let s = t.stats().unwrap();
    assert_eq!((s.insert_count, s.update_count, s.delete_count, s.num), (2, 3, 1, 1));
}

#[test]
fn strings_are_truncated_to_their_rounded_capacity() {
    let mut b = TableBuilder::new(1, 0.2);
    b.column(b"s", 3, 5).unwrap();
    let t = b.create().unwrap();
    assert_eq!(t.schema().column(0).unwrap().capacity(), 8);
    t.set(b"k", &[(0, Value::Str(b"world 123456789"))]).unwrap();
    let mut r = t.row_buf();
    assert_eq!(t.get_field(b"k", 0, &mut r), Ok(Value::Str(b"world 12")));
}

#[test]
fn ints_are_64_bit_whatever_the_declared_size() {
    let mut b = TableBuilder::new(1, 0.2);
    for (n, size) in [(&b"a"[..], 1), (b"b", 2), (b"c", 4), (b"d", 8)] {
        b.column(n, 1, size).unwrap();
    }
    let t = b.create().unwrap();
    let vals = [i64::MAX, i64::MIN, 1000, -1];
    let pairs: Vec<(usize, Value)> = vals.iter().enumerate().map(|(c, &v)| (c, Value::Int(v))).collect();
    t.set(b"k", &pairs).unwrap();
    let mut r = t.row_buf();
    t.get(b"k", &mut r).unwrap();
    for (c, &v) in vals.iter().enumerate() {
        assert_eq!(r.value(c), Some(Value::Int(v)));
    }
}

#[test]
fn column_declaration_errors() {
    let mut b = TableBuilder::new(64, 0.2);
    assert_eq!(b.column(b"x", 4, 0), Err(ColumnError::UnknownType));
    assert_eq!(b.column(b"x", 3, 0), Err(ColumnError::InvalidSize));
    assert_eq!(b.column(b"x", 3, -5), Err(ColumnError::InvalidSize));
    assert_eq!(b.column(&[b'n'; 300], 1, 0), Err(ColumnError::NameTooLong));
    b.column(b"x", 1, 0).unwrap();
    assert_eq!(b.column(b"x", 2, 0), Err(ColumnError::Duplicate));
    assert_eq!(b.column_count(), 1);
    assert_eq!(b.size(), 64);
    // A table without columns stores bare keys.
    let t = TableBuilder::new(1, 0.2).create().unwrap();
    t.set(b"k", &[]).unwrap();
    let mut r = t.row_buf();
    t.get(b"k", &mut r).unwrap();
    assert_eq!(r.iter().count(), 0);
    assert_eq!(t.count(), 1);
}

#[test]
fn many_columns_use_the_name_index() {
    let mut b = TableBuilder::new(64, 0.2);
    for i in 0..20 {
        b.column(format!("col{i}").as_bytes(), 1 + (i % 3), 16).unwrap();
    }
    let t = b.create().unwrap();
    for i in 0..20 {
        assert_eq!(t.schema().column_index(format!("col{i}").as_bytes()), Some(i as usize));
    }
    assert_eq!(t.schema().column_index(b"nope"), None);
    assert_eq!(t.schema().column_index(b""), None);
}

#[test]
fn keys_are_binary_safe_and_bounded() {
    let t = table(64, 0.2);
    assert_eq!(t.set(b"", &[]), Err(TableError::InvalidKey));
    assert_eq!(t.set(&[b'x'; 64], &[]), Err(TableError::InvalidKey));
    assert_eq!(t.get(&[b'x'; 64], &mut t.row_buf()), Err(TableError::InvalidKey));
    assert_eq!(t.exists(b""), Err(TableError::InvalidKey));
    t.set(&[b'x'; 63], &[(I, Value::Int(63))]).unwrap();
    t.set(b"a", &[(I, Value::Int(1))]).unwrap();
    t.set(b"a\0", &[(I, Value::Int(2))]).unwrap();
    t.set(b"\0a", &[(I, Value::Int(3))]).unwrap();
    assert_eq!(row(&t, b"a").unwrap().0, 1);
    assert_eq!(row(&t, b"a\0").unwrap().0, 2);
    assert_eq!(row(&t, b"\0a").unwrap().0, 3);
    assert_eq!(row(&t, &[b'x'; 63]).unwrap().0, 63);
    assert_eq!(t.count(), 4);
    assert!(t.check_invariants().is_ok());
}

#[test]
fn value_and_column_checks_come_before_any_change() {
    let t = table(64, 0.2);
    assert_eq!(t.set(b"k", &[(I, Value::Str(b"x"))]), Err(TableError::WrongType));
    assert_eq!(t.set(b"k", &[(7, Value::Int(1))]), Err(TableError::NoSuchColumn));
    assert_eq!(t.incr_int(b"k", S, 1), Err(TableError::WrongType));
    assert_eq!(t.incr_int(b"k", F, 1), Err(TableError::WrongType));
    assert_eq!(t.incr_float(b"k", I, 1.0), Err(TableError::WrongType));
    assert_eq!(t.decr_int(b"k", 9, 1), Err(TableError::NoSuchColumn));
    assert_eq!(t.get_field(b"k", 3, &mut t.row_buf()), Err(TableError::NoSuchColumn));
    assert_eq!(t.count(), 0, "no row created by a rejected call");
    let s = t.stats().unwrap();
    assert_eq!((s.insert_count, s.update_count), (0, 0));
}

#[test]
fn get_field_and_missing_keys() {
    let t = table(64, 0.2);
    t.set(b"k", &[(I, Value::Int(-3)), (F, Value::Float(2.25)), (S, Value::Str(b"bin\0ary"))]).unwrap();
    let mut r = t.row_buf();
    assert_eq!(t.get_field(b"k", I, &mut r), Ok(Value::Int(-3)));
    assert_eq!(t.get_field(b"k", F, &mut r), Ok(Value::Float(2.25)));
    assert_eq!(t.get_field(b"k", S, &mut r), Ok(Value::Str(b"bin\0ary")));
    assert_eq!(t.get_field(b"nope", I, &mut r), Err(TableError::NoSuchKey));
    assert_eq!(t.get(b"nope", &mut r), Err(TableError::NoSuchKey));
    assert_eq!(t.exists(b"k"), Ok(true));
    assert_eq!(t.exists(b"nope"), Ok(false));
    assert_eq!(t.del(b"nope"), Err(TableError::NoSuchKey));
    let names: Vec<&[u8]> = {
        t.get(b"k", &mut r).unwrap();
        r.iter().map(|(c, _)| c.name()).collect()
    };
    assert_eq!(names, [&b"i"[..], b"f", b"s"]);
}

#[test]
fn incr_and_decr() {
    let t = table(64, 0.2);
    assert_eq!(t.incr_int(b"a", I, 1), Ok(1), "incr creates the row");
    for _ in 0..9 {
        t.incr_int(b"a", I, 1).unwrap();
    }
    assert_eq!(t.incr_int(b"a", I, 1), Ok(11));
    t.del(b"a").unwrap();
    assert_eq!(t.incr_int(b"a", I, 10), Ok(10), "starts from 0 after del");
    assert_eq!(t.decr_int(b"a", I, 15), Ok(-5));
    t.set(b"w", &[(I, Value::Int(1))]).unwrap();
    assert_eq!(t.incr_int(b"w", I, i64::MAX), Ok(i64::MIN), "wraps");
    assert_eq!(t.decr_int(b"w", I, 1), Ok(i64::MAX));
    assert_eq!(t.decr_int(b"z", I, i64::MIN), Ok(i64::MIN));
    assert_eq!(t.incr_float(b"f", F, 2.5), Ok(2.5));
    assert_eq!(t.decr_float(b"f", F, 4.0), Ok(-1.5));
    assert_eq!(row(&t, b"f"), Some((0, -1.5, vec![])));
    let s = t.stats().unwrap();
    // inserts: a, a again, w, z, f; deletes: 1; updates: 10 incr + 1 + 1 + 1 (w set is an insert)
    assert_eq!((s.insert_count, s.delete_count, s.num), (5, 1, 4));
    assert_eq!(s.update_count, 9 + 1 + 1 + 2 + 1);
}

#[test]
fn add_update_cmpset_cmpdel_getdel() {
    let t = table(64, 0.2);
    t.add(b"k", &[(I, Value::Int(1)), (S, Value::Str(b"v1"))]).unwrap();
    assert_eq!(t.add(b"k", &[(I, Value::Int(2))]), Err(TableError::KeyExists));
    assert_eq!(row(&t, b"k"), Some((1, 0.0, b"v1".to_vec())));
    assert_eq!(t.update(b"nope", &[(I, Value::Int(2))]), Err(TableError::NoSuchKey));
    assert_eq!(t.exists(b"nope"), Ok(false), "update creates nothing");
    t.update(b"k", &[(I, Value::Int(2))]).unwrap();
    t.update(b"k", &[]).unwrap();
    assert_eq!(row(&t, b"k"), Some((2, 0.0, b"v1".to_vec())));

    // cmpset: exact comparison, then write.
    assert_eq!(t.cmpset(b"k", &[(I, Value::Int(1))], &[(I, Value::Int(3))]), Err(TableError::Mismatch));
    assert_eq!(t.cmpset(b"nope", &[(I, Value::Int(2))], &[]), Err(TableError::NoSuchKey));
    t.cmpset(b"k", &[(I, Value::Int(2)), (S, Value::Str(b"v1"))], &[(I, Value::Int(3)), (F, Value::Float(-0.0))])
        .unwrap();
    assert_eq!(row(&t, b"k").unwrap().0, 3);
    // 0.0 and -0.0 differ; NaN matches the same NaN bits.
    assert_eq!(t.cmpset(b"k", &[(F, Value::Float(0.0))], &[]), Err(TableError::Mismatch));
    t.cmpset(b"k", &[(F, Value::Float(-0.0))], &[(F, Value::Float(f64::NAN))]).unwrap();
    t.cmpset(b"k", &[(F, Value::Float(f64::NAN))], &[]).unwrap();
    let other_nan = f64::from_bits(f64::NAN.to_bits() ^ 1);
    assert_eq!(t.cmpset(b"k", &[(F, Value::Float(other_nan))], &[]), Err(TableError::Mismatch));
    // Strings: length and bytes; an over-long expected value never matches.
    t.set(b"k", &[(S, Value::Str(&[b'z'; 40]))]).unwrap();
    assert_eq!(t.cmpset(b"k", &[(S, Value::Str(&[b'z'; 40]))], &[]), Err(TableError::Mismatch));
    t.cmpset(b"k", &[(S, Value::Str(&[b'z'; 32]))], &[]).unwrap();
    assert_eq!(t.cmpset(b"k", &[(S, Value::Str(&[b'z'; 31]))], &[]), Err(TableError::Mismatch));

    // cmpdel
    assert_eq!(t.cmpdel(b"k", &[(I, Value::Int(4))]), Err(TableError::Mismatch));
    assert_eq!(t.exists(b"k"), Ok(true));
    t.cmpdel(b"k", &[(I, Value::Int(3))]).unwrap();
    assert_eq!(t.exists(b"k"), Ok(false));
    assert_eq!(t.cmpdel(b"k", &[(I, Value::Int(3))]), Err(TableError::NoSuchKey));

    // getdel
    t.set(b"g", &[(I, Value::Int(42)), (S, Value::Str(b"bye"))]).unwrap();
    let mut r = t.row_buf();
    t.getdel(b"g", &mut r).unwrap();
    assert_eq!((r.key(), r.value(I), r.value(S)), (&b"g"[..], Some(Value::Int(42)), Some(Value::Str(b"bye"))));
    assert_eq!(t.getdel(b"g", &mut r), Err(TableError::NoSuchKey));

    let s = t.stats().unwrap();
    // inserts: k (add), g; updates: update x2, cmpset x4 successes, set x1; deletes: cmpdel, getdel
    assert_eq!((s.insert_count, s.update_count, s.delete_count, s.num), (2, 7, 2, 0));
    assert!(t.check_invariants().is_ok());
}

#[test]
fn big_string_columns_round_trip() {
    let mut b = TableBuilder::new(1, 0.2);
    b.column(b"big", 3, 6 * 65_536).unwrap();
    b.column(b"i", 1, 8).unwrap();
    let t = b.create().unwrap();
    let mut rng = Rng::new(3);
    let mut r = t.row_buf();
    for n in 0..20 {
        let len = 6 * 65_536 - n * 1000;
        let v: Vec<u8> = (0..len).map(|_| rng.next() as u8).collect();
        t.set(b"k", &[(0, Value::Str(&v)), (1, Value::Int(i64::MAX))]).unwrap();
        t.get(b"k", &mut r).unwrap();
        assert_eq!(r.value(0), Some(Value::Str(&v)));
        assert_eq!(r.value(1), Some(Value::Int(i64::MAX)));
    }
}

#[test]
fn destroy_ends_the_table_for_every_process() {
    let _serial = SERIAL.lock();
    let mut t = table(64, 0.2);
    t.set(b"k", &[(I, Value::Int(1))]).unwrap();
    let flags = Shared::new(2);
    let mut r = t.row_buf(); // allocated before forking: children must not allocate
    let pid = fork(|| {
        let go = wait_until(std::time::Duration::from_secs(10), || flags.at(0).load(std::sync::atomic::Ordering::SeqCst) == 1);
        if !go {
            return 2;
        }
        if t.get(b"k", &mut r) != Err(TableError::Destroyed) {
            return 3;
        }
        if t.set(b"x", &[]) != Err(TableError::Destroyed) || t.next_from(0, &mut r) != Err(TableError::Destroyed) {
            return 4;
        }
        if t.stats().is_ok() || t.is_alive() {
            return 5;
        }
        // An ended table has no rows, whoever ended it.
        if t.count() != 0 {
            return 6;
        }
        0
    });
    assert_eq!(t.destroy(), Ok(()));
    flags.at(0).store(1, std::sync::atomic::Ordering::SeqCst);
    assert_eq!(wait(pid), 0);
    assert_eq!(t.get(b"k", &mut t.row_buf()), Err(TableError::Destroyed));
    assert_eq!(t.destroy(), Err(TableError::Destroyed));
    assert_eq!((t.count(), t.memory_size()), (0, 0));

    // And the other way round: a child destroys, the parent notices.
    let mut t = table(64, 0.2);
    t.set(b"k", &[]).unwrap();
    let pid = fork(|| if t.destroy().is_ok() { 0 } else { 1 });
    assert_eq!(wait(pid), 0);
    assert_eq!(t.exists(b"k"), Err(TableError::Destroyed));
    assert_eq!(t.count(), 0);
    assert_eq!(t.destroy(), Err(TableError::Destroyed), "already destroyed elsewhere");
}

#[test]
fn a_childs_exit_or_drop_does_not_touch_the_table() {
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"k", &[(I, Value::Int(1))]).unwrap();
    let pid = fork(|| {
        let t2 = &t;
        t2.incr_int(b"k", I, 1).unwrap();
        0
    });
    assert_eq!(wait(pid), 0);
    assert_eq!(row(&t, b"k").unwrap().0, 2);
}

#[test]
fn a_located_key_is_used_only_for_its_own_table_and_key() {
    // locate() is a head start taken before user code may run; whatever happened meanwhile,
    // the write must land where lookups find it.
    let a = table(1024, 0.2);
    let b = table(1024, 0.2);
    // located in another table (another hash key): hashed again for this one
    let mut at = Located::new();
    a.locate(b"moved", &mut at);
    b.set_at(b"moved", &mut at, &[]).unwrap();
    assert!(b.exists(b"moved").unwrap());
    // located for another key of the same length: hashed again for this key
    let mut at = Located::new();
    a.locate(b"key-1", &mut at);
    a.set_at(b"key-2", &mut at, &[]).unwrap();
    assert!(a.exists(b"key-2").unwrap());
    assert!(!a.exists(b"key-1").unwrap());
    // located for this table and key: reused; add/update/cmpset take it too
    let mut at = Located::new();
    a.locate(b"same", &mut at);
    a.add_at(b"same", &mut at, &[]).unwrap();
    a.update_at(b"same", &mut at, &[]).unwrap();
    a.cmpset_at(b"same", &mut at, &[], &[]).unwrap();
    assert!(a.exists(b"same").unwrap());
    // never located (an invalid key, or a table that could not be used then): errors as usual
    let mut at = Located::new();
    a.locate(b"", &mut at);
    assert_eq!(a.set_at(b"", &mut at, &[]), Err(TableError::InvalidKey));
    a.check_invariants().unwrap();
    b.check_invariants().unwrap();
}

#[test]
fn a_located_used_again_for_a_shorter_key_hashes_that_key_alone() {
    // A Located keeps the words of its last key; a shorter key (a whole number of words, whose
    // hash reads the word after it) must not hash or store any of them.
    let t = table(1024, 0.2);
    let mut at = Located::new();
    t.set_at(b"0123456789abcdefXYZ", &mut at, &[]).unwrap();
    t.set_at(b"abcdefgh", &mut at, &[]).unwrap();
    let long = [b'A'; 36];
    let mut at = Located::new();
    t.locate(&long, &mut at);
    t.set_at(&long, &mut at, &[]).unwrap();
    t.locate(b"BBBBBBBBBBBBBBBB", &mut at);
    t.set_at(b"BBBBBBBBBBBBBBBB", &mut at, &[]).unwrap();
    for k in [&b"0123456789abcdefXYZ"[..], b"abcdefgh", &long, b"BBBBBBBBBBBBBBBB"] {
        assert!(t.exists(k).unwrap(), "{:?}", String::from_utf8_lossy(k));
    }
    assert_eq!(t.count(), 4);
    t.check_invariants().unwrap();
}
