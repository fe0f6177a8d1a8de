//! The hash is fixed: the same values in every build and every process.

use super::support::*;
use crate::table::hash::{PreparedKey, hash_bytes};

const INPUTS: &[&[u8]] = &[
    b"a",
    b"a\0",
    b"key0",
    b"key1",
    b"12345678",
    b"123456789",
    b"user:1000000",
    b"\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0",
    b"0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde",
];

/// Computed once and cross-checked with an independent Python transcription of the algorithm
/// documented in `hash.rs`.
const EXPECTED: &[u64] = &[
    0x8140_3016_2876_75f6,
    0xd079_d035_c25c_4aac,
    0x22a4_c5af_0ab9_e0f2,
    0x5bfc_5e12_93d3_4a65,
    0xa6cd_ebb1_5b46_39ec,
    0x015d_9f85_bc69_3c72,
    0x303e_4039_7232_251c,
    0x9b3b_68b3_4e6b_cc41,
    0x3c71_3add_1dd9_5fd9,
];

#[test]
fn hash_values_are_fixed() {
    let got: Vec<u64> = INPUTS.iter().map(|k| hash_bytes(k)).collect();
    for (k, (g, e)) in INPUTS.iter().zip(got.iter().zip(EXPECTED)) {
        assert_eq!(g, e, "hash of {:?} changed: {g:#018x}", String::from_utf8_lossy(k));
    }
}

#[test]
fn prepared_key_hash_equals_byte_hash() {
    let mut rng = Rng::new(7);
    for _ in 0..10_000 {
        let k = rng.key();
        let p = PreparedKey::new(&k).unwrap();
        assert_eq!(p.hash, hash_bytes(&k));
        assert_eq!(p.nwords(), k.len().div_ceil(8));
    }
    assert!(PreparedKey::new(b"").is_none());
    assert!(PreparedKey::new(&[b'x'; 64]).is_none());
    assert!(PreparedKey::new(&[b'x'; 63]).is_some());
}

#[test]
fn hash_is_the_same_in_a_forked_child() {
    let _serial = SERIAL.lock();
    let shared = Shared::new(INPUTS.len());
    let pid = fork(|| {
        for (i, k) in INPUTS.iter().enumerate() {
            shared.at(i).store(hash_bytes(k), std::sync::atomic::Ordering::SeqCst);
        }
        0
    });
    assert_eq!(wait(pid), 0);
    for (i, k) in INPUTS.iter().enumerate() {
        assert_eq!(shared.at(i).load(std::sync::atomic::Ordering::SeqCst), hash_bytes(k));
    }
}

#[test]
fn hash_spreads_sequential_keys() {
    // 65,536 sequential keys into 65,536 buckets: a good hash leaves about 1/e of them empty and
    // no long chains.
    let n = 1u64 << 16;
    let mut counts = vec![0u32; n as usize];
    for i in 0..n {
        let h = hash_bytes(Key::new(b"key:", i).as_bytes());
        counts[(h & (n - 1)) as usize] += 1;
    }
    let empty = counts.iter().filter(|&&c| c == 0).count() as f64 / n as f64;
    let max = *counts.iter().max().unwrap();
    assert!((0.35..0.39).contains(&empty), "empty bucket share {empty}");
    assert!(max <= 10, "longest chain {max}");
}
