//! The key hash and the prepared form of a key.
//!
//! The hash must give the same value in every process that shares the table, so it has no seed
//! chosen at run time. It works on 8-byte little-endian words (the last one zero-padded):
//!
//! ```text
//! h = SEED ^ len * K3
//! for each pair of words (a, b)   (b = 0 when the count is odd):
//!     h = fold(a ^ K1, b ^ h ^ K2)
//! hash = fold(h ^ K1, len ^ K3)
//! ```
//!
//! where `fold(x, y)` is the 128-bit product of `x` and `y` with its high and low halves XORed
//! together (the mixing step of wyhash). Padding bytes are zero, and the length enters both at the
//! start and in the last step, so `"a"` and `"a\0"` hash differently. A key of at most 63 bytes
//! costs at most five multiplications. The bucket is the low bits of the hash; the top byte is kept
//! in each slot as a *tag* so a chain walk can skip most non-matching slots without comparing keys.
//!
//! The capacity promise does not depend on the hash quality (chains are unbounded and the slot
//! pool is shared), the hash only decides chain lengths, i.e. speed.
//!
//! **Trailing numbers keep their order.** Keys very often end in a counter or an id
//! (`user:1041`, `fd:17`, `job-000123`). When a key ends in decimal digits, the last (at most 9)
//! digits are zeroed before mixing and their value is added to the mixed hash afterwards:
//!
//! ```text
//! hash("user:1041") = mix("user:0000", len 9) + 1041
//! ```
//!
//! Keys that differ only in that number therefore land in neighbouring buckets instead of random
//! ones. Working through such keys in order (a loop over ids, a worker table) then walks the bucket
//! array sequentially, which on a table much larger than the CPU caches halves the cost of a lookup
//! (one random memory access instead of two). Distribution does not suffer: keys of one prefix and
//! length get distinct buckets, and different prefixes or lengths start at unrelated places.

/// Longest key accepted, in bytes.
pub const MAX_KEY_LEN: usize = 63;

const SEED: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0xa076_1d64_78bd_642f;
const K2: u64 = 0xe703_7ed1_a0b4_28db;
const K3: u64 = 0x8ebc_6af0_9c88_c6e3;

#[inline(always)]
fn fold(a: u64, b: u64) -> u64 {
    let p = (a as u128).wrapping_mul(b as u128);
    (p as u64) ^ ((p >> 64) as u64)
}

/// Hashes `words` (the key's zero-padded little-endian words, exactly `len.div_ceil(8)` of them).
#[inline(always)]
fn hash_words(words: &[u64], len: usize) -> u64 {
    let mut h = SEED ^ (len as u64).wrapping_mul(K3);
    let mut pairs = words.chunks_exact(2);
    for p in &mut pairs {
        h = fold(p[0] ^ K1, p[1] ^ h ^ K2);
    }
    if let [a] = pairs.remainder() {
        h = fold(a ^ K1, h ^ K2);
    }
    fold(h ^ K1, (len as u64) ^ K3)
}

/// How many trailing bytes of `key` are decimal digits (at most 9), and their value.
#[inline(always)]
fn trailing_number(key: &[u8]) -> (usize, u64) {
    let mut v: u64 = 0;
    let mut scale: u64 = 1;
    let mut d = 0;
    for &b in key.iter().rev().take(9) {
        if !b.is_ascii_digit() {
            break;
        }
        v += (b - b'0') as u64 * scale;
        scale *= 10;
        d += 1;
    }
    (d, v)
}

/// The table's hash of a key given as bytes and as its zero-padded words.
#[inline(always)]
fn hash_key(key: &[u8], words: &[u64]) -> u64 {
    let (d, v) = trailing_number(key);
    if d == 0 {
        return hash_words(words, key.len());
    }
    let mut masked = [0u64; 8];
    masked[..words.len()].copy_from_slice(words);
    for i in key.len() - d..key.len() {
        masked[i / 8] &= !(0xffu64 << ((i % 8) * 8));
    }
    hash_words(&masked[..words.len()], key.len()).wrapping_add(v)
}

/// Hashes a byte string of any length with the table's hash.
pub fn hash_bytes(key: &[u8]) -> u64 {
    if key.len() <= 64 {
        let mut words = [0u64; 8];
        fill_words(key, &mut words);
        return hash_key(key, &words[..key.len().div_ceil(8)]);
    }
    long_hash(key)
}

/// Keys longer than a slot can hold are never stored; their hash only has to be fixed.
fn long_hash(key: &[u8]) -> u64 {
    let words: Vec<u64> = key
        .chunks(8)
        .map(|c| {
            let mut b = [0u8; 8];
            b[..c.len()].copy_from_slice(c);
            u64::from_le_bytes(b)
        })
        .collect();
    hash_words(&words, key.len())
}

#[inline(always)]
fn fill_words(key: &[u8], words: &mut [u64; 8]) {
    let mut bytes = [0u8; 64];
    bytes[..key.len()].copy_from_slice(key);
    for (w, c) in words.iter_mut().zip(bytes.chunks_exact(8)) {
        *w = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
    }
}

/// A key checked for length, laid out as zero-padded words the way slots store it, with its hash.
/// Building one is the only per-operation work on the key.
#[derive(Clone)]
pub(crate) struct PreparedKey {
    pub(crate) words: [u64; 8],
    pub(crate) len: u8,
    pub(crate) hash: u64,
}

impl PreparedKey {
    /// `None` when the key is empty or longer than [`MAX_KEY_LEN`].
    #[inline]
    pub(crate) fn new(key: &[u8]) -> Option<PreparedKey> {
        if key.is_empty() || key.len() > MAX_KEY_LEN {
            return None;
        }
        let mut words = [0u64; 8];
        fill_words(key, &mut words);
        let hash = hash_key(key, &words[..key.len().div_ceil(8)]);
        Some(PreparedKey { words, len: key.len() as u8, hash })
    }

    /// Number of words that hold key bytes.
    #[inline(always)]
    pub(crate) fn nwords(&self) -> usize {
        (self.len as usize).div_ceil(8)
    }

    /// The byte stored in the slot to pre-filter chain walks.
    #[inline(always)]
    pub(crate) fn tag(&self) -> u8 {
        tag_of(self.hash)
    }
}

#[inline(always)]
pub(crate) fn tag_of(hash: u64) -> u8 {
    (hash >> 56) as u8
}

/// Recomputes the hash of a key held as padded words (used by iteration on a copied key).
#[inline]
pub(crate) fn hash_padded(words: &[u64; 8], len: usize) -> u64 {
    let mut bytes = [0u8; 64];
    for (c, w) in bytes.chunks_exact_mut(8).zip(words) {
        c.copy_from_slice(&w.to_le_bytes());
    }
    hash_key(&bytes[..len], &words[..len.div_ceil(8)])
}
