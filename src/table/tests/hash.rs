//! The keyed hash: SipHash checked against the published vectors, the table hash against its
//! definition, the word-based fast path against the byte-based one, one key per table shared by
//! every process of it, and spread: keys that an unkeyed hash would pile into one bucket
//! (regular strides, or keys chosen for a known key) spread like random keys, while keys that
//! differ only in their last two bytes stay within one run of buckets and never share one.

use std::sync::atomic::Ordering::SeqCst;

use super::support::*;
use crate::table::hash::{HashKey, MIN_BUCKETS, PreparedKey, hash_bytes, siphash};
use crate::table::{Table, TableBuilder, Value};

/// SipHash-2-4 of the bytes 00, 00 01, ..., 00 01 .. 3e (lengths 0 to 63) under the key
/// 00 01 .. 0f: the test vectors published with the SipHash reference implementation.
const SIPHASH24_VECTORS: [u64; 64] = [
    0x726fdb47dd0e0e31, 0x74f839c593dc67fd, 0x0d6c8009d9a94f5a, 0x85676696d7fb7e2d,
    0xcf2794e0277187b7, 0x18765564cd99a68d, 0xcbc9466e58fee3ce, 0xab0200f58b01d137,
    0x93f5f5799a932462, 0x9e0082df0ba9e4b0, 0x7a5dbbc594ddb9f3, 0xf4b32f46226bada7,
    0x751e8fbc860ee5fb, 0x14ea5627c0843d90, 0xf723ca908e7af2ee, 0xa129ca6149be45e5,
    0x3f2acc7f57c29bdb, 0x699ae9f52cbe4794, 0x4bc1b3f0968dd39c, 0xbb6dc91da77961bd,
    0xbed65cf21aa2ee98, 0xd0f2cbb02e3b67c7, 0x93536795e3a33e88, 0xa80c038ccd5ccec8,
    0xb8ad50c6f649af94, 0xbce192de8a85b8ea, 0x17d835b85bbb15f3, 0x2f2e6163076bcfad,
    0xde4daaaca71dc9a5, 0xa6a2506687956571, 0xad87a3535c49ef28, 0x32d892fad841c342,
    0x7127512f72f27cce, 0xa7f32346f95978e3, 0x12e0b01abb051238, 0x15e034d40fa197ae,
    0x314dffbe0815a3b4, 0x027990f029623981, 0xcadcd4e59ef40c4d, 0x9abfd8766a33735c,
    0x0e3ea96b5304a7d0, 0xad0c42d6fc585992, 0x187306c89bc215a9, 0xd4a60abcf3792b95,
    0xf935451de4f21df2, 0xa9538f0419755787, 0xdb9acddff56ca510, 0xd06c98cd5c0975eb,
    0xe612a3cb9ecba951, 0xc766e62cfcadaf96, 0xee64435a9752fe72, 0xa192d576b245165a,
    0x0a8787bf8ecb74b2, 0x81b3e73d20b49b6f, 0x7fa8220ba3b2ecea, 0x245731c13ca42499,
    0xb78dbfaf3a8d83bd, 0xea1ad565322a1a0b, 0x60e61c23a3795013, 0x6606d7e446282b93,
    0x6ca4ecb15c5f91e1, 0x9f626da15c9625f3, 0xe51b38608ef25f57, 0x958a324ceb064572,
];

/// The reference key 00 01 .. 0f as (k0, k1).
const REF_KEY: HashKey = [0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908];

fn ref_input() -> Vec<u8> {
    (0..64u8).collect()
}

#[test]
fn siphash_2_4_matches_the_published_vectors() {
    let input = ref_input();
    for (len, &want) in SIPHASH24_VECTORS.iter().enumerate() {
        assert_eq!(siphash::<2, 4>(&REF_KEY, &input[..len]), want, "length {len}");
    }
}

#[test]
fn siphash_1_3_matches_an_independent_implementation() {
    // The published vectors are for 2-4; 1-3 is the same construction with fewer rounds. Rust's
    // `DefaultHasher` is, today, SipHash-1-3 under the zero key, and `write` feeds it raw bytes,
    // so it serves as an independent implementation of exactly the variant the table uses.
    use std::hash::{DefaultHasher, Hasher};
    let input = ref_input();
    for len in 0..64 {
        let mut h = DefaultHasher::new();
        h.write(&input[..len]);
        assert_eq!(siphash::<1, 3>(&[0, 0], &input[..len]), h.finish(), "length {len}");
    }
    // And the round counts matter: 1-3 is not 2-4.
    assert_ne!(siphash::<1, 3>(&REF_KEY, &input[..15]), SIPHASH24_VECTORS[15]);
}

#[test]
fn prepared_key_hash_equals_byte_hash() {
    // The fast path hashes the padded words; it must equal the byte-by-byte definition, for
    // every length and under any key.
    let mut rng = Rng::new(7);
    for i in 0..10_000 {
        let k = if i < 63 { ref_input()[..i + 1].to_vec() } else { rng.key() };
        let hk = [rng.next(), rng.next()];
        let p = PreparedKey::new(&k, &hk).unwrap();
        assert_eq!(p.hash, hash_bytes(hk, &k), "key {k:?}");
        assert_eq!(p.nwords(), k.len().div_ceil(8));
    }
    assert!(PreparedKey::new(b"", &REF_KEY).is_none());
    assert!(PreparedKey::new(&[b'x'; 64], &REF_KEY).is_none());
    assert!(PreparedKey::new(&[b'x'; 63], &REF_KEY).is_some());
}

#[test]
fn each_table_draws_its_own_key_and_keeps_it_in_the_header() {
    let tables: Vec<Table> = (0..4).map(|_| table(64, 0.2)).collect();
    let keys: Vec<HashKey> = tables.iter().map(|t| t.test_hash_key()).collect();
    for (i, a) in keys.iter().enumerate() {
        assert_ne!(*a, [0, 0]);
        for b in &keys[i + 1..] {
            assert_ne!(a, b, "two tables share a hash key");
        }
    }
    for (t, k) in tables.iter().zip(&keys) {
        let m = &t.view.header().meta;
        assert_eq!([m.hash_key[0].load(SeqCst), m.hash_key[1].load(SeqCst)], *k);
    }
    // Where a key lands depends on the table: a key's bucket is not the same in all four.
    let buckets: Vec<u32> = (0..8u64)
        .flat_map(|i| tables.iter().map(move |t| t.test_bucket_of(Key::new(b"user:", i).as_bytes())))
        .collect();
    assert!(buckets.chunks(4).any(|c| c.iter().any(|&b| b != c[0])));
}

#[test]
fn a_forked_child_uses_the_tables_key() {
    // The child writes rows and reports the bucket of each key as it computes it; the parent
    // finds the rows and computes the same buckets.
    let _serial = SERIAL.lock();
    let t = table(1024, 0.2);
    let shared = Shared::new(64);
    let pid = fork(|| {
        for i in 0..64u64 {
            let k = Key::new(b"child:", i);
            if t.set(k.as_bytes(), &[(I, Value::Int(i as i64))]).is_err() {
                return 2;
            }
            shared.at(i as usize).store(t.test_bucket_of(k.as_bytes()) as u64, SeqCst);
        }
        0
    });
    assert_eq!(wait(pid), 0);
    for i in 0..64u64 {
        let k = Key::new(b"child:", i);
        assert_eq!(shared.at(i as usize).load(SeqCst), t.test_bucket_of(k.as_bytes()) as u64);
        assert!(t.exists(k.as_bytes()).unwrap());
    }
    t.check_invariants().unwrap();
}

/// `id:%012d` of 1024·i and `addr:` 4096·i: the keys the issue measured.
fn strided_keys(n: u64) -> [Vec<Vec<u8>>; 2] {
    [
        (0..n).map(|i| format!("id:{:012}", 1024 * i).into_bytes()).collect(),
        (0..n).map(|i| format!("addr:{}", 4096 * i).into_bytes()).collect(),
    ]
}

/// Share of empty buckets and the longest chain when `keys` are hashed into `n` buckets.
fn spread(hk: HashKey, keys: &[Vec<u8>], n: usize) -> (f64, u32) {
    let mut counts = vec![0u32; n];
    for k in keys {
        counts[(hash_bytes(hk, k) as usize) & (n - 1)] += 1;
    }
    let empty = counts.iter().filter(|&&c| c == 0).count() as f64 / n as f64;
    (empty, *counts.iter().max().unwrap())
}

#[test]
fn strided_sequential_and_random_keys_spread_alike() {
    // n keys into n buckets: a random function leaves about 1/e = 0.368 of the buckets empty and
    // its longest chain is about 8 (more than 12 has a probability below 1e-6).
    let n = 1u64 << 16;
    let mut rng = Rng::new(11);
    let mut random = std::collections::HashSet::new();
    while random.len() < n as usize {
        random.insert(rng.key());
    }
    let random: Vec<Vec<u8>> = random.into_iter().collect();
    let sequential: Vec<Vec<u8>> = (0..n).map(|i| Key::new(b"key:", i).as_bytes().to_vec()).collect();
    let [ids, addrs] = strided_keys(n);
    for seed in 0..3 {
        let hk = [rng.next(), rng.next()];
        for (what, keys) in [("random", &random), ("sequential", &sequential), ("id:", &ids), ("addr:", &addrs)] {
            let (empty, max) = spread(hk, keys, n as usize);
            assert!((0.355..0.381).contains(&empty), "{what}, key {seed}: empty bucket share {empty}");
            assert!(max <= 12, "{what}, key {seed}: longest chain {max}");
        }
    }
}

#[test]
fn strided_keys_make_short_chains_in_a_table() {
    // Through the table itself: the deepest chain an insert met stays small.
    for keys in strided_keys(16_384) {
        let t = table(16_384, 1.0);
        for k in &keys {
            t.set(k, &[]).unwrap();
        }
        let s = t.stats().unwrap();
        assert!(s.conflict_max_level <= 12, "{:?}..: deepest chain {}", String::from_utf8_lossy(&keys[1]), s.conflict_max_level);
    }
}

#[test]
fn keys_chosen_for_one_key_do_not_collide_under_another() {
    // An attacker who knew the hash key could pick keys that all share one bucket. Pick 64 such
    // keys for the zero key in a table of some thousands of buckets...
    let mut b = TableBuilder::new(4096, 0.0);
    b.column(b"i", 1, 8).unwrap();
    let geo = b.geometry().unwrap();
    assert!(geo.buckets >= 4096);
    let target = geo.bucket_of(hash_bytes([0, 0], b"chosen:0"));
    let chosen: Vec<Vec<u8>> = (0..)
        .map(|i| Key::new(b"chosen:", i).as_bytes().to_vec())
        .filter(|k| geo.bucket_of(hash_bytes([0, 0], k)) == target)
        .take(64)
        .collect();
    // ...a table keyed with the zero key takes them into one chain...
    let zero = b.test_create_keyed([0, 0]).unwrap();
    for k in &chosen {
        zero.set(k, &[]).unwrap();
    }
    assert_eq!(zero.stats().unwrap().conflict_max_level, 63);
    // ...while a table with its own random key spreads them.
    let keyed = b.create().unwrap();
    for k in &chosen {
        keyed.set(k, &[]).unwrap();
    }
    let s = keyed.stats().unwrap();
    assert!(s.conflict_max_level <= 4, "deepest chain {}", s.conflict_max_level);
    zero.check_invariants().unwrap();
    keyed.check_invariants().unwrap();
}

#[test]
fn the_table_hash_is_siphash_of_the_class_plus_the_offset() {
    // Written out for a few keys, apart from `hash_bytes`: the low 3 bits of the next-to-last
    // byte and the low 4 of the last leave the SipHash input and come back as an offset in the
    // low 32 bits.
    let mut rng = Rng::new(5);
    for _ in 0..100 {
        let hk = [rng.next(), rng.next()];
        for (key, class, offset) in [
            (&b"key:1234"[..], &b"key:1200"[..], 0x34u32),
            (b"key:1294", b"key:1280", 0x14),
            (b"abcdef", b"abcd`\x60", 0x56),
            (b"z", b"p", 0x0a),
            (b"a\xff", b"`\xf0", 0x1f),
            (b"\xff\xff", b"\xf8\xf0", 0x7f),
        ] {
            let sip = siphash::<1, 3>(&hk, class);
            let want = (sip & !0xffff_ffff) | (sip as u32).wrapping_add(offset) as u64;
            assert_eq!(hash_bytes(hk, key), want, "{key:?}");
            assert_eq!(hash_bytes(hk, key) >> 56, sip >> 56, "the tag is SipHash's own");
        }
    }
}

#[test]
fn keys_differing_in_their_last_two_bytes_share_a_run_of_buckets_but_never_a_bucket() {
    // key:123400 .. key:123479 are one class: 80 different buckets, all within 122 of the first.
    let mut rng = Rng::new(9);
    for _ in 0..20 {
        let hk = [rng.next(), rng.next()];
        let mask = (1u32 << 20) - 1;
        let buckets: Vec<u32> = (0..80).map(|i| hash_bytes(hk, format!("key:1234{i:02}").as_bytes()) as u32 & mask).collect();
        let first = buckets[0];
        let set: std::collections::HashSet<u32> = buckets.iter().copied().collect();
        assert_eq!(set.len(), 80, "two keys of one class share a bucket");
        for b in &buckets {
            assert!(b.wrapping_sub(first) & mask <= 0x79, "bucket {b} is not within the run from {first}");
        }
        // Any 128 keys of one class, even bytes chosen to agree in their other bits, fill 128
        // different buckets, in the smallest table as in a big one.
        for mask in [(1u32 << 20) - 1, MIN_BUCKETS - 1] {
            let class: std::collections::HashSet<u32> =
                (0..128u32).map(|o| hash_bytes(hk, &[b'q', 0x48 | (o >> 4) as u8, 0x70 | (o & 15) as u8]) as u32 & mask).collect();
            assert_eq!(class.len(), 128);
        }
    }
    // Bytes that differ only in the next-to-last byte's bit 3 (0x40 and 0x48) are of two classes:
    // in the smallest table they share a bucket about 1 time in 128, not always (as they would
    // with that bit in the offset: offsets 128 apart are one bucket there).
    let mut shared = 0;
    for _ in 0..20 {
        let hk = [rng.next(), rng.next()];
        for last in 0..128u8 {
            let a = hash_bytes(hk, &[b'q', 0x40 | (last & 7), last]) as u32 & (MIN_BUCKETS - 1);
            let b = hash_bytes(hk, &[b'q', 0x48 | (last & 7), last]) as u32 & (MIN_BUCKETS - 1);
            shared += (a == b) as u32;
        }
    }
    assert!(shared < 100, "{shared} of 2560 pairs share a bucket");
    // Every table has that many buckets, whatever its size.
    let mut b = TableBuilder::new(1, 0.0);
    b.column(b"i", 1, 8).unwrap();
    assert!(b.geometry().unwrap().buckets >= MIN_BUCKETS);
    assert!(crate::table::layout::Geometry::new(1, 0, 8).unwrap().buckets >= MIN_BUCKETS);
}

#[test]
fn keys_agreeing_in_their_low_bits_spread_like_random_ones() {
    // The attack the offset invites: keys whose last two bytes have the same low 4 bits (so the
    // same offset) but differ elsewhere. Each is its own class, so they spread as the plain
    // keyed hash does: n keys into n buckets leave about 1/e empty, longest chain <= 12.
    let n = 1usize << 16;
    let high = b"0@P`p"; // five bytes whose low 4 bits (so also low 3) are 0
    let keys: Vec<Vec<u8>> = (0..n)
        .map(|i| {
            let mut k = format!("k{:05}", i / 25).into_bytes();
            k.push(high[i % 5]);
            k.push(high[(i / 5) % 5]);
            k
        })
        .collect();
    assert_eq!(keys.iter().collect::<std::collections::HashSet<_>>().len(), n);
    let mut rng = Rng::new(13);
    for seed in 0..3 {
        let (empty, max) = spread([rng.next(), rng.next()], &keys, n);
        assert!((0.355..0.381).contains(&empty), "key {seed}: empty bucket share {empty}");
        assert!(max <= 12, "key {seed}: longest chain {max}");
    }
}
