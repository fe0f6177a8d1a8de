//! Locks survive their holder's death, reaped or zombie; live holders are never robbed; a
//! process killed anywhere inside an allocation or release leaves a consistent table.

use std::sync::atomic::Ordering::SeqCst;
use std::time::{Duration, Instant};

use super::support::*;
use crate::table::owner;
use crate::table::pool::CRASH_AT;
use crate::table::{Table, TableError, Value};

const READY: Duration = Duration::from_secs(10);

/// Forks a child that takes the bucket lock of `key` and the pool lock, then sleeps forever.
fn child_holding_locks(t: &Table, key: &[u8], flags: &Shared) -> libc::pid_t {
    let pid = fork(|| {
        t.test_hold_bucket(key);
        t.test_hold_pool();
        flags.at(0).store(1, SeqCst);
        loop {
            sleep_us(1_000_000);
        }
    });
    assert!(wait_until(READY, || flags.at(0).load(SeqCst) == 1), "child never took the locks");
    let (b, p) = t.test_lock_owners(key);
    assert_eq!(owner::pid_of(b), pid as u32, "bucket lock owner");
    assert_eq!(owner::pid_of(p), pid as u32, "pool lock owner");
    pid
}

/// Outcome codes of a prober child.
const OK: i32 = 0;
const SLOW: i32 = 10;
const FAILED: i32 = 11;
const NOT_REPORTED: i32 = 12;

/// Runs `op` in a prober child (so a lock that is never recovered fails the test instead of
/// hanging it) and checks it finishes within `limit` and reports `dead` as the recovered holder.
fn probe(t: &Table, limit: Duration, dead: libc::pid_t, op: impl FnOnce() -> bool) {
    let code = run_with_timeout(Duration::from_secs(5), || {
        let t0 = Instant::now();
        if !op() {
            return FAILED;
        }
        if t0.elapsed() >= limit {
            return SLOW;
        }
        if t.take_recovered() != Some(dead as u32) {
            return NOT_REPORTED;
        }
        OK
    });
    match code {
        Some(OK) => {}
        Some(SLOW) => panic!("recovery took longer than {limit:?}"),
        Some(c) => panic!("prober failed with code {c}"),
        None => panic!("lock never recovered (prober still blocked after 5 s)"),
    }
}

/// After the holder of both locks is dead: inserting a new key into the held bucket needs both
/// locks; it must succeed within 50 ms and report the dead pid. The parent then checks the
/// outcome (its own calls find the locks free: the prober released them).
fn assert_quick_recovery(t: &Table, victim: &[u8], pid: libc::pid_t) {
    let newcomer = same_bucket_key(t, victim, b"newcomer");
    probe(t, Duration::from_millis(50), pid, || t.set(&newcomer, &[(I, Value::Int(2))]).is_ok());
    let mut r = t.row_buf();
    t.get(victim, &mut r).unwrap();
    assert_eq!(r.value(I), Some(Value::Int(1)));
    t.get(&newcomer, &mut r).unwrap();
    assert_eq!(r.value(I), Some(Value::Int(2)));
    assert_eq!(t.check_invariants().unwrap().len(), 2);
    assert_eq!(t.take_recovered(), None, "nothing left for the parent to recover");
}

#[test]
fn dead_holder_reaped_is_recovered_at_once() {
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    let flags = Shared::new(1);
    let pid = child_holding_locks(&t, b"victim", &flags);
    kill(pid, libc::SIGKILL);
    assert_eq!(wait(pid), 1000 + libc::SIGKILL);
    assert_quick_recovery(&t, b"victim", pid);
}

#[test]
fn dead_holder_still_a_zombie_is_recovered_at_once() {
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    let flags = Shared::new(1);
    let pid = child_holding_locks(&t, b"victim", &flags);
    kill(pid, libc::SIGKILL);
    assert!(wait_until(READY, || proc_state(pid) == Some(b'Z')), "child did not become a zombie");
    // kill(pid, 0) still succeeds on a zombie: this is the case Swoole needs 2 s for.
    // SAFETY: existence check only.
    assert_eq!(unsafe { libc::kill(pid, 0) }, 0);
    assert_quick_recovery(&t, b"victim", pid);
    assert_eq!(wait(pid), 1000 + libc::SIGKILL);
}

#[test]
fn holder_killed_while_running_is_recovered() {
    // No waiting for the zombie state: the waiter must notice the death by itself.
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    let flags = Shared::new(1);
    let pid = child_holding_locks(&t, b"victim", &flags);
    kill(pid, libc::SIGKILL);
    probe(&t, Duration::from_millis(200), pid, || t.set(b"victim", &[(I, Value::Int(1))]).is_ok());
    assert_eq!(wait(pid), 1000 + libc::SIGKILL);
    t.check_invariants().unwrap();
}

/// Forks a child that holds `key`'s bucket lock for `hold_us` microseconds, then releases it
/// and exits 0; returns once the child holds the lock.
fn live_bucket_holder(t: &Table, key: &[u8], flags: &Shared, hold_us: u64) -> libc::pid_t {
    let pid = fork(|| {
        t.test_hold_bucket(key);
        flags.at(0).store(1, SeqCst);
        sleep_us(hold_us);
        t.test_release_bucket(key);
        0
    });
    assert!(wait_until(READY, || flags.at(0).load(SeqCst) == 1));
    pid
}

#[test]
fn live_holder_is_never_robbed() {
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    let flags = Shared::new(1);
    let pid = live_bucket_holder(&t, b"victim", &flags, 400_000);
    let t0 = Instant::now();
    t.incr_int(b"victim", I, 1).unwrap();
    let took = t0.elapsed();
    assert!(took >= Duration::from_millis(350), "lock taken from a live holder after {took:?}");
    assert_eq!(t.take_recovered(), None);
    assert_eq!(wait(pid), 0);
    assert_eq!(t.get_field(b"victim", I, &mut t.row_buf()), Ok(Value::Int(2)));
}

#[test]
fn stopped_holder_is_never_robbed() {
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    let flags = Shared::new(1);
    let pid = live_bucket_holder(&t, b"victim", &flags, 100_000);
    kill(pid, libc::SIGSTOP);
    let resumer = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_millis(300));
        let state = proc_state(pid);
        kill(pid, libc::SIGCONT);
        state
    });
    let t0 = Instant::now();
    t.incr_int(b"victim", I, 1).unwrap();
    let took = t0.elapsed();
    let state = resumer.join().unwrap();
    assert_eq!(state, Some(b'T'), "child was not stopped");
    assert!(took >= Duration::from_millis(280), "lock taken from a stopped holder after {took:?}");
    assert_eq!(t.take_recovered(), None);
    assert_eq!(wait(pid), 0);
}

/// Crash points inside `pool::alloc` (1–4) and `pool::free` (11–14).
const ALLOC_POINTS: [u32; 4] = [1, 2, 3, 4];
const FREE_POINTS: [u32; 4] = [11, 12, 13, 14];

/// Kills a child at a crash point inside an insert or a delete, then checks the parent repairs
/// the pool, takes over the bucket lock, and still fits exactly M rows.
fn crash_and_check(point: u32, victim_is_head: bool) {
    let t = table(64, 0.2);
    let m = t.slots() as usize;
    for i in 0..30 {
        t.set(Key::new(b"pre", i).as_bytes(), &[(I, Value::Int(i as i64))]).unwrap();
    }
    // Two keys in one bucket: `second` is the chain head, `first` is behind it.
    let first = b"victim".to_vec();
    let second = same_bucket_key(&t, &first, b"mate");
    t.set(&first, &[(I, Value::Int(100))]).unwrap();
    t.set(&second, &[(I, Value::Int(200))]).unwrap();
    let newcomer = same_bucket_key(&t, &first, b"newcomer");
    let deleting = if victim_is_head { second.clone() } else { first.clone() };
    let inserting = point < 10;

    let pid = fork(|| {
        CRASH_AT.store(point, SeqCst);
        let _ = if inserting { t.set(&newcomer, &[(I, Value::Int(7))]) } else { t.del(&deleting) };
        0 // not reached if the crash point was hit
    });
    assert_eq!(wait(pid), 77, "crash point {point} not reached");
    assert_eq!(owner::pid_of(t.test_lock_owners(&first).1), pid as u32, "dead child holds the pool lock");

    // Repair happens when the pool lock is taken (first in a prober child, so a failure to
    // recover cannot hang the test); the structure must be whole.
    probe(&t, Duration::from_millis(50), pid, || t.set(b"probe", &[]).is_ok() && t.del(b"probe").is_ok());
    let keys = t.check_invariants().unwrap_or_else(|e| panic!("point {point}: {e}"));
    let committed = !matches!(point, 1 | 2 | 11);
    let mut r = t.row_buf();
    if inserting {
        assert_eq!(keys.len(), 33 - !committed as usize);
        // The bucket lock is still held by the dead child: this get takes it over.
        let got = t.get(&newcomer, &mut r);
        if committed {
            assert_eq!(got, Ok(()));
            assert_eq!(r.value(I), Some(Value::Int(0)), "the committed insert holds zeroed columns");
        } else {
            assert_eq!(got, Err(TableError::NoSuchKey));
        }
    } else {
        assert_eq!(keys.len(), 32 - committed as usize);
        let got = t.exists(&deleting);
        assert_eq!(got, Ok(!committed));
    }
    // The other member of the chain is intact.
    let other = if !inserting && !victim_is_head { &second } else { &first };
    t.get(other, &mut r).unwrap();
    // Fill up: exactly M rows fit, no slot was lost.
    let mut n = 0;
    while t.count() < m as u32 {
        t.set(Key::new(b"fill", n).as_bytes(), &[]).unwrap();
        n += 1;
    }
    assert_eq!(t.set(b"one-too-many", &[]), Err(TableError::Full));
    let keys = t.check_invariants().unwrap();
    assert_eq!(keys.len(), m);
    let s = t.stats().unwrap();
    assert_eq!(s.insert_count - s.delete_count, m as u64);
}

#[test]
fn crash_inside_insert_or_delete_leaves_a_consistent_table() {
    let _serial = SERIAL.lock();
    for p in ALLOC_POINTS {
        crash_and_check(p, false);
    }
    for p in FREE_POINTS {
        crash_and_check(p, true);
        crash_and_check(p, false);
    }
}

#[test]
fn crash_while_writing_values_only_leaves_that_row_torn() {
    // A process killed while holding a bucket lock outside the pool (here: in the middle of its
    // critical section) damages nothing structural.
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"row", &[(I, Value::Int(1)), (S, Value::Str(b"old"))]).unwrap();
    let flags = Shared::new(1);
    let pid = fork(|| {
        t.test_with_bucket(b"row", || {
            flags.at(0).store(1, SeqCst);
            loop {
                sleep_us(1_000_000);
            }
        });
        0
    });
    assert!(wait_until(READY, || flags.at(0).load(SeqCst) == 1));
    kill(pid, libc::SIGKILL);
    assert_eq!(wait(pid), 1000 + libc::SIGKILL);
    probe(&t, Duration::from_millis(50), pid, || t.set(b"row", &[(S, Value::Str(b"new"))]).is_ok());
    assert_eq!(t.get_field(b"row", S, &mut t.row_buf()), Ok(Value::Str(b"new")));
    t.check_invariants().unwrap();
}

#[test]
fn recovering_only_a_bucket_lock_settles_the_pool_counters() {
    // The process dies inside the pool section; the next caller only reads (needs no pool lock),
    // yet count() must be right afterwards.
    let _serial = SERIAL.lock();
    for (point, inserting) in [(3, true), (12, false)] {
        let t = table(64, 0.2);
        for i in 0..10 {
            t.set(Key::new(b"pre", i).as_bytes(), &[]).unwrap();
        }
        let pid = fork(|| {
            CRASH_AT.store(point, SeqCst);
            let _ = if inserting { t.set(b"newcomer", &[]) } else { t.del(b"pre0") };
            0
        });
        assert_eq!(wait(pid), 77);
        let (key, want): (&[u8], u32) = if inserting { (b"newcomer", 11) } else { (b"pre0", 9) };
        probe(&t, Duration::from_millis(50), pid, || t.exists(key) == Ok(inserting) && t.count() == want);
        assert_eq!(t.count(), want);
        t.check_invariants().unwrap();
    }
}
