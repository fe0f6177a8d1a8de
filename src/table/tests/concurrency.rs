//! Several processes at once: atomic increments, and iteration while another process inserts,
//! deletes and updates.

use std::sync::atomic::Ordering::SeqCst;
use std::time::Duration;

use super::support::*;
use crate::table::Value;

#[test]
fn concurrent_incr_from_four_processes_sums_exactly() {
    // the header's one update counter
    incr_from_four_processes(64);
}

#[test]
fn concurrent_incr_sums_exactly_with_update_counter_lines() {
    // 64 update counters on lines of their own, one per process (see layout.rs)
    incr_from_four_processes(8192);
}

fn incr_from_four_processes(size: i64) {
    let _serial = SERIAL.lock();
    const PROCS: u64 = 4;
    const ROUNDS: u64 = 100_000;
    const KEYS: u64 = 8;
    let t = table(size, 0.2);
    assert_eq!(t.geometry().stripes > 0, size >= 4096);
    let flags = Shared::new(1 + PROCS as usize);
    let pids: Vec<_> = (0..PROCS)
        .map(|p| {
            fork(|| {
                flags.at(1 + p as usize).store(1, SeqCst);
                // Start together for maximum contention.
                while flags.at(0).load(SeqCst) == 0 {
                    std::hint::spin_loop();
                }
                for n in 0..ROUNDS {
                    let k = Key::new(b"counter", (n + p) % KEYS);
                    if t.incr_int(k.as_bytes(), I, 1).is_err() || t.incr_float(k.as_bytes(), F, 0.5).is_err() {
                        return 1;
                    }
                }
                0
            })
        })
        .collect();
    assert!(wait_until(Duration::from_secs(10), || (1..=PROCS as usize).all(|i| flags.at(i).load(SeqCst) == 1)));
    flags.at(0).store(1, SeqCst);
    for pid in pids {
        assert_eq!(wait(pid), 0);
    }
    let mut r = t.row_buf();
    let (mut ints, mut floats) = (0i64, 0f64);
    for k in 0..KEYS {
        t.get(Key::new(b"counter", k).as_bytes(), &mut r).unwrap();
        let Some(Value::Int(i)) = r.value(I) else { panic!() };
        let Some(Value::Float(f)) = r.value(F) else { panic!() };
        assert_eq!(i, (PROCS * ROUNDS / KEYS) as i64);
        ints += i;
        floats += f;
    }
    assert_eq!(ints, (PROCS * ROUNDS) as i64);
    assert_eq!(floats, (PROCS * ROUNDS) as f64 * 0.5);
    let s = t.stats().unwrap();
    assert_eq!(s.insert_count, KEYS, "each counter row created exactly once");
    assert_eq!(s.insert_count + s.update_count, 2 * PROCS * ROUNDS);
    assert_eq!(t.take_recovered(), None);
    t.check_invariants().unwrap();
}

/// Checks a row written by `set_consistent`: i = x, f = x, s = decimal x.
fn consistent(r: &crate::table::RowBuf) -> bool {
    let (Some(Value::Int(i)), Some(Value::Float(f)), Some(Value::Str(s))) = (r.value(I), r.value(F), r.value(S)) else {
        return false;
    };
    f == i as f64 && s == digits(i as u64).as_bytes()
}

#[test]
fn iteration_returns_every_stable_row_once_under_concurrent_churn() {
    let _serial = SERIAL.lock();
    const STABLE: u64 = 2000;
    const VOLATILE: u64 = 1000;
    const MIN_PASSES: usize = 40;
    const MIN_ROUNDS: u64 = 400;
    let t = table(4096, 0.2);
    for i in 0..STABLE {
        set_consistent(&t, Key::new(b"stable", i).as_bytes(), i).unwrap();
    }
    let flags = Shared::new(3);
    let pid = fork(|| {
        let mut round = 0u64;
        flags.at(2).store(1, SeqCst);
        while flags.at(0).load(SeqCst) == 0 {
            // Insert a batch, rewrite some stable rows (keeping them consistent), delete the batch
            // in another order.
            for j in 0..VOLATILE {
                if set_consistent(&t, Key::new(b"volatile", j).as_bytes(), j + round).is_err() {
                    return 1;
                }
                let s = (j * 7 + round) % STABLE;
                if set_consistent(&t, Key::new(b"stable", s).as_bytes(), s + 1_000_000 * (round + 1)).is_err() {
                    return 2;
                }
            }
            for j in (0..VOLATILE).rev() {
                if t.del(Key::new(b"volatile", j).as_bytes()).is_err() {
                    return 3;
                }
            }
            round += 1;
            flags.at(1).store(round, SeqCst);
        }
        0
    });
    let mut r = t.row_buf();
    let mut seen = vec![0u32; STABLE as usize];
    let mut volatile_seen = 0u64;
    assert!(wait_until(Duration::from_secs(10), || flags.at(2).load(SeqCst) == 1));
    let t0 = std::time::Instant::now();
    let mut pass = 0;
    // Keep passing over the table until the other process has done many rounds of churn.
    while pass < MIN_PASSES || (flags.at(1).load(SeqCst) < MIN_ROUNDS && t0.elapsed() < Duration::from_secs(20)) {
        pass += 1;
        seen.iter_mut().for_each(|c| *c = 0);
        let mut cursor = 0;
        while let Some(next) = t.next_from(cursor, &mut r).unwrap() {
            assert!(next > cursor);
            cursor = next;
            assert!(consistent(&r), "torn row copied for key {:?}", String::from_utf8_lossy(r.key()));
            if let Some(n) = r.key().strip_prefix(b"stable") {
                let n: usize = std::str::from_utf8(n).unwrap().parse().unwrap();
                seen[n] += 1;
            } else {
                assert!(r.key().starts_with(b"volatile"));
                volatile_seen += 1;
            }
        }
        for (n, &c) in seen.iter().enumerate() {
            assert_eq!(c, 1, "pass {pass}: stable key {n} returned {c} times");
        }
    }
    flags.at(0).store(1, SeqCst);
    assert_eq!(wait(pid), 0);
    let rounds = flags.at(1).load(SeqCst);
    assert!(rounds >= MIN_ROUNDS, "the churn process made only {rounds} rounds");
    eprintln!("{pass} passes, {rounds} churn rounds, {volatile_seen} volatile rows seen");
    assert_eq!(t.count() as u64, STABLE);
    t.check_invariants().unwrap();
}

#[test]
fn concurrent_inserts_and_deletes_keep_the_pool_exact() {
    // Two processes fill and drain disjoint key sets as fast as they can; the table is small so
    // they keep running into Full. At the end every slot is accounted for.
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    let m = t.slots() as u64;
    let pids: Vec<_> = (0..2u64)
        .map(|p| {
            fork(|| {
                for round in 0..300u64 {
                    let mut mine = 0;
                    for j in 0..m {
                        match t.add(Key::new(if p == 0 { b"a" } else { b"b" }, j).as_bytes(), &[]) {
                            Ok(()) => mine += 1,
                            Err(crate::table::TableError::Full) => break,
                            Err(_) => return 1,
                        }
                    }
                    for j in 0..mine {
                        if t.del(Key::new(if p == 0 { b"a" } else { b"b" }, j).as_bytes()).is_err() {
                            return 2;
                        }
                    }
                    let _ = round;
                }
                0
            })
        })
        .collect();
    for pid in pids {
        assert_eq!(wait(pid), 0);
    }
    assert_eq!(t.count(), 0);
    assert_eq!(t.check_invariants().unwrap().len(), 0);
    let keys: Vec<Vec<u8>> = (0..m).map(|i| Key::new(b"z", i).as_bytes().to_vec()).collect();
    for k in &keys {
        t.set(k, &[]).unwrap();
    }
    assert_eq!(t.set(b"extra", &[]), Err(crate::table::TableError::Full));
}

/// Fills `buf` with 500 copies of the low byte of `x` (cheap, so the writer spends its time
/// inside the locked write) and returns the length.
fn pattern(x: u64, buf: &mut [u8; 512]) -> usize {
    buf[..500].fill(x as u8);
    500
}

#[test]
fn reads_never_see_torn_rows() {
    // Wide rows rewritten non-stop by another process; every copy made by get() or by iteration
    // must be one consistent version of the row.
    let _serial = SERIAL.lock();
    let mut b = crate::table::TableBuilder::new(64, 0.2);
    b.column(b"i", 1, 8).unwrap();
    b.column(b"f", 2, 8).unwrap();
    b.column(b"s", 3, 512).unwrap();
    let t = b.create().unwrap();
    let write = |key: &[u8], x: u64| {
        let mut buf = [0u8; 512];
        let n = pattern(x, &mut buf);
        t.set(key, &[(I, Value::Int(x as i64)), (F, Value::Float(x as f64)), (S, Value::Str(&buf[..n]))])
    };
    for k in 0..4 {
        write(Key::new(b"wide", k).as_bytes(), k).unwrap();
    }
    let flags = Shared::new(2);
    let pid = fork(|| {
        let mut x = 10u64;
        flags.at(1).store(1, SeqCst);
        while flags.at(0).load(SeqCst) == 0 {
            for k in 0..4 {
                x += 1;
                if write(Key::new(b"wide", k).as_bytes(), x * 7).is_err() {
                    return 1;
                }
            }
        }
        0
    });
    assert!(wait_until(Duration::from_secs(10), || flags.at(1).load(SeqCst) == 1));
    let check = |r: &crate::table::RowBuf| {
        let (Some(Value::Int(i)), Some(Value::Float(f)), Some(Value::Str(s))) = (r.value(I), r.value(F), r.value(S)) else {
            return false;
        };
        let mut buf = [0u8; 512];
        let n = pattern(i as u64, &mut buf);
        f == i as f64 && s == &buf[..n]
    };
    let mut r = t.row_buf();
    let (mut gets, mut iterated) = (0u64, 0u64);
    let t0 = std::time::Instant::now();
    // Alternate 5 ms phases of gets and of iteration, so neither kind of read is always preceded
    // by the other (a get() waiting for the writer's lock would hide a lock-free iteration bug on
    // a busy single core).
    let mut phase = 0u64;
    while t0.elapsed() < Duration::from_millis(400) {
        let p0 = std::time::Instant::now();
        while p0.elapsed() < Duration::from_millis(5) {
            if phase.is_multiple_of(2) {
                for k in 0..4 {
                    t.get(Key::new(b"wide", k).as_bytes(), &mut r).unwrap();
                    assert!(check(&r), "torn row from get()");
                    gets += 1;
                }
            } else {
                let mut cursor = 0;
                while let Some(next) = t.next_from(cursor, &mut r).unwrap() {
                    assert!(check(&r), "torn row from iteration");
                    iterated += 1;
                    cursor = next;
                }
            }
        }
        phase += 1;
    }
    flags.at(0).store(1, SeqCst);
    assert_eq!(wait(pid), 0);
    eprintln!("{gets} gets and {iterated} iterated rows checked");
}
