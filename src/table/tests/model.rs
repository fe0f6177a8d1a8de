//! Randomized comparison against a `HashMap` model: every operation, including the `Full`
//! boundary, on a small table with a key space larger than its capacity.

use std::collections::HashMap;

use super::support::*;
use crate::table::{Table, TableBuilder, TableError, Value};

const CAP: usize = 16; // string column capacity

#[derive(Clone, Debug, PartialEq)]
struct Row {
    i: i64,
    f: u64, // bits
    s: Vec<u8>,
}

impl Row {
    fn zero() -> Row {
        Row { i: 0, f: 0, s: Vec::new() }
    }
    fn apply(&mut self, vals: &[(usize, Value<'_>)]) {
        for &(c, v) in vals {
            match v {
                Value::Int(x) => {
                    assert_eq!(c, I);
                    self.i = x
                }
                Value::Float(x) => self.f = x.to_bits(),
                Value::Str(x) => self.s = x[..x.len().min(CAP)].to_vec(),
            }
        }
    }
    fn matches(&self, exp: &[(usize, Value<'_>)]) -> bool {
        exp.iter().all(|&(_, v)| match v {
            Value::Int(x) => self.i == x,
            Value::Float(x) => self.f == x.to_bits(),
            Value::Str(x) => self.s == x,
        })
    }
}

struct Gen {
    rng: Rng,
    keys: Vec<Vec<u8>>,
    strings: Vec<Vec<u8>>,
}

impl Gen {
    fn key(&mut self) -> Vec<u8> {
        self.keys[self.rng.below(self.keys.len() as u64) as usize].clone()
    }
    fn int(&mut self) -> i64 {
        match self.rng.below(6) {
            0 => i64::MAX,
            1 => i64::MIN,
            2 => 0,
            _ => self.rng.below(200) as i64 - 100,
        }
    }
    fn float(&mut self) -> f64 {
        match self.rng.below(8) {
            0 => -0.0,
            1 => f64::NAN,
            2 => f64::INFINITY,
            _ => (self.rng.below(2000) as f64 - 1000.0) / 8.0,
        }
    }
    fn string(&mut self) -> usize {
        self.rng.below(self.strings.len() as u64) as usize
    }
}

/// Values for a random subset of columns (strings by index into `g.strings`).
fn random_values(g: &mut Gen) -> Vec<(usize, i64, f64, usize)> {
    let mut v = Vec::new();
    for c in 0..3 {
        if g.rng.below(2) == 0 {
            v.push((c, g.int(), g.float(), g.string()));
        }
    }
    v
}

fn as_values<'a>(spec: &[(usize, i64, f64, usize)], strings: &'a [Vec<u8>]) -> Vec<(usize, Value<'a>)> {
    spec.iter()
        .map(|&(c, i, f, s)| match c {
            I => (c, Value::Int(i)),
            F => (c, Value::Float(f)),
            _ => (c, Value::Str(&strings[s])),
        })
        .collect()
}

fn read(t: &Table, key: &[u8], r: &mut crate::table::RowBuf) -> Option<Row> {
    match t.get(key, r) {
        Ok(()) => {
            let (Some(Value::Int(i)), Some(Value::Float(f)), Some(Value::Str(s))) = (r.value(I), r.value(F), r.value(S))
            else {
                panic!("bad row")
            };
            Some(Row { i, f: f.to_bits(), s: s.to_vec() })
        }
        Err(TableError::NoSuchKey) => None,
        Err(e) => panic!("get: {e:?}"),
    }
}

fn run_model(seed: u64, ops: usize, nkeys: usize) {
    let mut b = TableBuilder::new(64, 0.2);
    b.column(b"i", 1, 8).unwrap();
    b.column(b"f", 2, 8).unwrap();
    b.column(b"s", 3, CAP as i64).unwrap();
    let t = b.create().unwrap();
    let m = t.slots() as usize;
    let mut rng = Rng::new(seed);
    let mut keys = Vec::new();
    while keys.len() < nkeys {
        let k = rng.key();
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    let strings: Vec<Vec<u8>> = (0..40).map(|n| (0..n % 24).map(|_| rng.next() as u8).collect()).collect();
    let mut g = Gen { rng, keys, strings: strings.clone() };
    let mut model: HashMap<Vec<u8>, Row> = HashMap::new();
    let (mut inserts, mut updates, mut deletes) = (0u64, 0u64, 0u64);
    let mut r = t.row_buf();

    for step in 0..ops {
        let key = g.key();
        let present = model.contains_key(&key);
        let full = model.len() == m;
        let op = g.rng.below(13);
        match op {
            0 | 1 => {
                let spec = random_values(&mut g);
                let vals = as_values(&spec, &strings);
                let got = t.set(&key, &vals);
                if present {
                    assert_eq!(got, Ok(()));
                    model.get_mut(&key).unwrap().apply(&vals);
                    updates += 1;
                } else if full {
                    assert_eq!(got, Err(TableError::Full), "step {step}");
                } else {
                    assert_eq!(got, Ok(()));
                    let mut row = Row::zero();
                    row.apply(&vals);
                    model.insert(key, row);
                    inserts += 1;
                }
            }
            2 => {
                let spec = random_values(&mut g);
                let vals = as_values(&spec, &strings);
                let got = t.add(&key, &vals);
                if present {
                    assert_eq!(got, Err(TableError::KeyExists));
                } else if full {
                    assert_eq!(got, Err(TableError::Full));
                } else {
                    assert_eq!(got, Ok(()));
                    let mut row = Row::zero();
                    row.apply(&vals);
                    model.insert(key, row);
                    inserts += 1;
                }
            }
            3 => {
                let spec = random_values(&mut g);
                let vals = as_values(&spec, &strings);
                let got = t.update(&key, &vals);
                if present {
                    assert_eq!(got, Ok(()));
                    model.get_mut(&key).unwrap().apply(&vals);
                    updates += 1;
                } else {
                    assert_eq!(got, Err(TableError::NoSuchKey));
                }
            }
            4 => assert_eq!(read(&t, &key, &mut r), model.get(&key).cloned(), "step {step}"),
            5 => {
                let c = g.rng.below(3) as usize;
                let got = t.get_field(&key, c, &mut r).ok().map(|v| match v {
                    Value::Int(i) => (i, 0, Vec::new()),
                    Value::Float(f) => (0, f.to_bits(), Vec::new()),
                    Value::Str(s) => (0, 0, s.to_vec()),
                });
                let want = model.get(&key).map(|row| match c {
                    I => (row.i, 0, Vec::new()),
                    F => (0, row.f, Vec::new()),
                    _ => (0, 0, row.s.clone()),
                });
                assert_eq!(got, want);
            }
            6 => {
                let got = t.del(&key);
                assert_eq!(got.is_ok(), model.remove(&key).is_some());
                if got.is_ok() {
                    deletes += 1;
                }
            }
            7 => {
                let got = t.getdel(&key, &mut r);
                match model.remove(&key) {
                    Some(row) => {
                        assert_eq!(got, Ok(()));
                        assert_eq!(r.value(I), Some(Value::Int(row.i)));
                        deletes += 1;
                    }
                    None => assert_eq!(got, Err(TableError::NoSuchKey)),
                }
            }
            8 => assert_eq!(t.exists(&key), Ok(present)),
            9 => {
                let by = g.int();
                let decr = g.rng.below(2) == 0;
                let got = if decr { t.decr_int(&key, I, by) } else { t.incr_int(&key, I, by) };
                if !present && full {
                    assert_eq!(got, Err(TableError::Full));
                } else {
                    let row = model.entry(key).or_insert_with(|| {
                        inserts += 1;
                        Row::zero()
                    });
                    if present {
                        updates += 1;
                    }
                    row.i = if decr { row.i.wrapping_sub(by) } else { row.i.wrapping_add(by) };
                    assert_eq!(got, Ok(row.i));
                }
            }
            10 => {
                let by = g.float();
                let got = t.incr_float(&key, F, by);
                if !present && full {
                    assert_eq!(got, Err(TableError::Full));
                } else {
                    let row = model.entry(key).or_insert_with(|| {
                        inserts += 1;
                        Row::zero()
                    });
                    if present {
                        updates += 1;
                    }
                    row.f = (f64::from_bits(row.f) + by).to_bits();
                    assert_eq!(got.map(f64::to_bits), Ok(row.f));
                }
            }
            11 | 12 => {
                // Expected values: either taken from the model row (a match) or random.
                let exp_spec = random_values(&mut g);
                let take_actual = g.rng.below(2) == 0;
                let actual = model.get(&key).cloned();
                let exp: Vec<(usize, Value)> = match (&actual, take_actual) {
                    (Some(row), true) => exp_spec
                        .iter()
                        .map(|&(c, ..)| match c {
                            I => (c, Value::Int(row.i)),
                            F => (c, Value::Float(f64::from_bits(row.f))),
                            _ => (c, Value::Str(&row.s)),
                        })
                        .collect(),
                    _ => as_values(&exp_spec, &strings),
                };
                let want_match = model.get(&key).map(|row| row.matches(&exp));
                if op == 11 {
                    let spec = random_values(&mut g);
                    let vals = as_values(&spec, &strings);
                    let got = t.cmpset(&key, &exp, &vals);
                    match want_match {
                        None => assert_eq!(got, Err(TableError::NoSuchKey)),
                        Some(false) => assert_eq!(got, Err(TableError::Mismatch)),
                        Some(true) => {
                            assert_eq!(got, Ok(()));
                            model.get_mut(&key).unwrap().apply(&vals);
                            updates += 1;
                        }
                    }
                } else {
                    let got = t.cmpdel(&key, &exp);
                    match want_match {
                        None => assert_eq!(got, Err(TableError::NoSuchKey)),
                        Some(false) => assert_eq!(got, Err(TableError::Mismatch)),
                        Some(true) => {
                            assert_eq!(got, Ok(()));
                            model.remove(&key);
                            deletes += 1;
                        }
                    }
                }
            }
            _ => unreachable!(),
        }
        assert_eq!(t.count() as usize, model.len());
        if step % 20_000 == 0 || step == ops - 1 {
            let s = t.stats().unwrap();
            assert_eq!((s.insert_count, s.update_count, s.delete_count), (inserts, updates, deletes));
            let mut keys = t.check_invariants().unwrap();
            keys.sort();
            let mut want: Vec<Vec<u8>> = model.keys().cloned().collect();
            want.sort();
            assert_eq!(keys, want);
            // A full iteration agrees with the model too.
            let mut cursor = 0;
            let mut n = 0;
            while let Some(next) = t.next_from(cursor, &mut r).unwrap() {
                assert_eq!(read(&t, r.key(), &mut t.row_buf()), model.get(r.key()).cloned());
                n += 1;
                cursor = next;
            }
            assert_eq!(n, model.len());
        }
    }
}

#[test]
fn matches_a_hashmap_model_with_a_full_table() {
    // 120 keys for 76 slots: the table is often full.
    run_model(1, 200_000, 120);
}

#[test]
fn matches_a_hashmap_model_with_room() {
    // 40 keys: never full, lots of delete/re-insert churn.
    run_model(2, 150_000, 40);
}

/// The long run: every seed listed in `tests/fuzz/table-model-seeds.txt` (10 million
/// operations in all), run by `make torture`.
#[test]
#[ignore]
fn model_long() {
    let seeds = include_str!("../../../tests/fuzz/table-model-seeds.txt");
    let mut total = 0;
    for line in seeds.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let f: Vec<u64> = line.split_whitespace().map(|x| x.parse().expect("seed file: numbers")).collect();
        run_model(f[0], f[1] as usize, f[2] as usize);
        total += f[1];
    }
    assert!(total >= 10_000_000, "the seed file must add up to at least 10M operations");
}
