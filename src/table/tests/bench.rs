//! Rough single-process timings of the core operations (ignored by default):
//! `cargo test --release --lib table::tests::bench -- --ignored --nocapture`

use std::time::Instant;

use super::support::*;
use crate::table::Value;

fn report(what: &str, n: usize, t0: Instant) {
    let ns = t0.elapsed().as_nanos() as f64 / n as f64;
    eprintln!("{what:<28} {ns:>7.1} ns/op  ({:.1} M ops/s)", 1e3 / ns);
}

#[test]
#[ignore]
fn core_operation_timings() {
    let _serial = SERIAL.lock();
    const N: usize = 1_000_000;
    // The benchmark table of the reference: 1M rows, p = 1.0, int + float + string(32).
    let t = table(1_000_000, 1.0);
    eprintln!("mapping: {} bytes for {} slots", t.memory_size(), t.slots());
    let keys: Vec<Vec<u8>> = (0..N as u64).map(|i| Key::new(b"key:", i).as_bytes().to_vec()).collect();
    let mut r = t.row_buf();

    let t0 = Instant::now();
    for (i, k) in keys.iter().enumerate() {
        t.set(k, &[(I, Value::Int(i as i64)), (F, Value::Float(1.5)), (S, Value::Str(b"hello world"))]).unwrap();
    }
    report("set (insert, 3 columns)", N, t0);

    let t0 = Instant::now();
    for k in &keys {
        t.set(k, &[(I, Value::Int(7))]).unwrap();
    }
    report("set (update, 1 column)", N, t0);

    let t0 = Instant::now();
    for k in &keys {
        t.get(k, &mut r).unwrap();
    }
    report("get (whole row copy)", N, t0);

    let t0 = Instant::now();
    for k in &keys {
        t.get_field(k, I, &mut r).unwrap();
    }
    report("get_field (int)", N, t0);

    let t0 = Instant::now();
    for k in &keys {
        t.incr_int(k, I, 1).unwrap();
    }
    report("incr_int", N, t0);

    let t0 = Instant::now();
    for k in &keys {
        assert!(t.exists(&k[1..]).is_ok());
    }
    report("exists (mostly missing)", N, t0);

    let t0 = Instant::now();
    let mut cursor = 0;
    let mut n = 0;
    while let Some(next) = t.next_from(cursor, &mut r).unwrap() {
        n += 1;
        cursor = next;
    }
    assert_eq!(n, N);
    report("iteration (per row)", N, t0);

    // Hot small working set (fits in cache): the pure per-call cost.
    let hot = &keys[..1000];
    let t0 = Instant::now();
    for _ in 0..1000 {
        for k in hot {
            t.get(k, &mut r).unwrap();
        }
    }
    report("get, 1000 hot keys", 1_000_000, t0);
    let t0 = Instant::now();
    for _ in 0..1000 {
        for k in hot {
            t.incr_int(k, I, 1).unwrap();
        }
    }
    report("incr_int, 1000 hot keys", 1_000_000, t0);
    let t0 = Instant::now();
    for _ in 0..500 {
        for k in hot {
            t.del(k).unwrap();
        }
        for k in hot {
            t.set(k, &[]).unwrap();
        }
    }
    report("del + insert, hot keys", 1_000_000, t0);

    let t0 = Instant::now();
    for k in &keys {
        t.del(k).unwrap();
    }
    report("del", N, t0);
    assert_eq!(t.count(), 0);
}

/// CPU time of this thread, in ns (unlike wall time, not inflated when the machine is busy).
fn thread_cpu_ns() -> u128 {
    let mut ts = libc::timespec { tv_sec: 0, tv_nsec: 0 };
    // SAFETY: valid out-pointer for clock_gettime.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    ts.tv_sec as u128 * 1_000_000_000 + ts.tv_nsec as u128
}

/// Cost of preparing a key (padding + hash), by key length, in thread CPU time. Each key is
/// hashed many times over a small set, so this is the pure compute cost, cache-resident.
#[test]
#[ignore]
fn hash_timings() {
    use crate::table::hash::PreparedKey;
    let _serial = SERIAL.lock();
    let hk = [0x0123_4567_89ab_cdef, 0xfedc_ba98_7654_3210];
    for len in [4usize, 8, 12, 16, 24, 32, 48, 63] {
        let keys: Vec<Vec<u8>> = (0..256u64)
            .map(|i| {
                let mut k = Key::new(b"", i.wrapping_mul(0x9e37_79b9)).as_bytes().to_vec();
                k.resize(len, b'x');
                k
            })
            .collect();
        let rounds = 20_000;
        let mut acc = 0u64;
        let t0 = thread_cpu_ns();
        for _ in 0..rounds {
            for k in &keys {
                acc = acc.wrapping_add(std::hint::black_box(PreparedKey::new(std::hint::black_box(k), &hk)).unwrap().hash);
            }
        }
        let ns = (thread_cpu_ns() - t0) as f64 / (rounds * keys.len()) as f64;
        eprintln!("prepare + hash, {len:>2} bytes   {ns:>6.1} ns/op (thread CPU time)");
        std::hint::black_box(acc);
    }
}

/// Lookups in random order on the benchmark table, with the keys in one contiguous array (so
/// the key itself costs no cache miss): the table's own cost per lookup, to set beside the
/// floor (`benches/floor.rs`):
/// `cargo test --release --lib table::tests::bench::random -- --ignored --nocapture`
#[test]
#[ignore]
fn random_order_lookup_cost() {
    let _serial = SERIAL.lock();
    const N: usize = 1_000_000;
    let t = table(1_000_000, 1.0);
    let mut keys: Vec<([u8; 16], usize)> = (0..N as u64)
        .map(|i| {
            let k = Key::new(b"key:", i);
            let b = k.as_bytes();
            let mut a = [0u8; 16];
            a[..b.len()].copy_from_slice(b);
            (a, b.len())
        })
        .collect();
    // a fixed shuffle (xorshift)
    let mut x: u64 = 42;
    for i in (1..keys.len()).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        keys.swap(i, (x % (i as u64 + 1)) as usize);
    }
    for (k, l) in &keys {
        t.set(&k[..*l], &[(I, Value::Int(1))]).unwrap();
    }
    let mut r = t.row_buf();
    for _ in 0..3 {
        let t0 = Instant::now();
        for (k, l) in &keys {
            assert!(t.exists(&k[..*l]).unwrap());
        }
        report("exists (random order)", N, t0);
        let t0 = Instant::now();
        for (k, l) in &keys {
            t.get(&k[..*l], &mut r).unwrap();
        }
        report("get (random order)", N, t0);
    }
}
