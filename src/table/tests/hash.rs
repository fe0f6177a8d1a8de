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

/// Computed once. Keys without trailing digits were cross-checked with an independent Python
/// transcription of the mixing algorithm documented in `hash.rs`; keys with trailing digits are
/// tied to those by `trailing_digits_are_added_after_mixing`.
const EXPECTED: &[u64] = &[
    0x8140_3016_2876_75f6,
    0xd079_d035_c25c_4aac,
    0x22c8_bb28_6681_d777,
    0x22c8_bb28_6681_d778,
    0x2bd6_a441_84cf_3a71,
    0x44a3_ad09_dcca_ab8e,
    0x81cb_eecb_5832_c032,
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
    // 65,536 sequential keys into 65,536 buckets: a random hash leaves about 1/e of them empty;
    // keeping trailing numbers in order must do no worse, and make no long chains.
    let n = 1u64 << 16;
    let mut counts = vec![0u32; n as usize];
    for i in 0..n {
        let h = hash_bytes(Key::new(b"key:", i).as_bytes());
        counts[(h & (n - 1)) as usize] += 1;
    }
    let empty = counts.iter().filter(|&&c| c == 0).count() as f64 / n as f64;
    let max = *counts.iter().max().unwrap();
    assert!(empty < 0.39, "empty bucket share {empty}");
    assert!(max <= 10, "longest chain {max}");
}

#[test]
fn hash_spreads_random_keys() {
    let n = 1u64 << 16;
    let mut counts = vec![0u32; n as usize];
    let mut rng = Rng::new(11);
    let mut seen = std::collections::HashSet::new();
    while seen.len() < n as usize {
        let k = rng.key();
        if seen.insert(k.clone()) {
            counts[(hash_bytes(&k) & (n - 1)) as usize] += 1;
        }
    }
    let empty = counts.iter().filter(|&&c| c == 0).count() as f64 / n as f64;
    assert!((0.35..0.39).contains(&empty), "empty bucket share {empty}");
    assert!(*counts.iter().max().unwrap() <= 10);
}

#[test]
fn trailing_numbers_land_in_neighbouring_buckets() {
    // same prefix and length: consecutive ids, consecutive hashes
    let base = hash_bytes(b"user:100000");
    for i in 0..1000u64 {
        let k = format!("user:{}", 100000 + i);
        assert_eq!(hash_bytes(k.as_bytes()), base.wrapping_add(i));
    }
    // the digits are not mixed, but length and prefix are
    assert_ne!(hash_bytes(b"user:7") & 0xffff_ffff, hash_bytes(b"user:07") & 0xffff_ffff);
    assert_ne!(hash_bytes(b"user:7") & 0xffff_ffff, hash_bytes(b"item:7") & 0xffff_ffff);
    // a key that is all digits, and one with more than nine trailing digits
    assert_eq!(hash_bytes(b"124"), hash_bytes(b"123").wrapping_add(1));
    assert_eq!(hash_bytes(b"x1234567891"), hash_bytes(b"x1234567890").wrapping_add(1));
}

#[test]
fn trailing_digits_are_added_after_mixing() {
    // digits are zeroed before mixing, and a key of zero bytes has no digits to strip
    assert_eq!(hash_bytes(b"12345678"), hash_bytes(&[0u8; 8]).wrapping_add(12_345_678));
    assert_eq!(hash_bytes(b"123456789"), hash_bytes(&[0u8; 9]).wrapping_add(123_456_789));
    assert_eq!(hash_bytes(b"user:1000000"), hash_bytes(b"user:\0\0\0\0\0\0\0").wrapping_add(1_000_000));
}
