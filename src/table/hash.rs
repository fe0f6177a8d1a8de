//! The key hash and the prepared form of a key.
//!
//! Keys are chosen by whoever feeds the table (request parameters, client ids), so the hash must
//! not let anyone, by design or by bad luck, put many keys into one bucket: a chain of n rows
//! makes every operation on it n times slower. The hash is therefore built on SipHash-1-3, a
//! keyed pseudo-random function, with a 128-bit key drawn from `getrandom(2)` by `create()`. Without
//! the key nobody can predict which keys share a bucket, and regular keys (`id:1024`,
//! `id:2048`, ...) spread like random ones.
//!
//! The key is stored in the mapping's header (`Meta::hash_key`), so every process of a table
//! hashes alike, and a copy travels in each process's `View`, so an operation reads no extra
//! shared cache line for it. Every new table draws a new key.
//!
//! SipHash reads its input as little-endian 8-byte words, and the final word carries the
//! remaining bytes plus the length in its top byte. Keys are at most 63 bytes and are already
//! held as zero-padded words (the way slots store them), so hashing a key is `len / 8` word
//! rounds and one final word, `words[len / 8] | len << 56`, with no byte shuffling. That is the
//! standard SipHash of those bytes: the tests check it against the published vectors.
//!
//! # Keys that differ only at the end stay near each other
//!
//! Keys are often a fixed text and a counter (`session:1041`, `session:1042`, ...) and are
//! visited in that order. A plain keyed hash sends each to its own random place in the bucket
//! array, so every one of them costs a cache miss there even when their rows sit side by side.
//! The table hash therefore takes seven low bits of the key's last two bytes out of the SipHash
//! input and adds them back afterwards, as an offset of 0 to 127 buckets:
//!
//! ```text
//! class(key)  = the key with the low 3 bits of its next-to-last byte and the low 4 bits of its
//!               last byte set to 0 (length unchanged)
//! offset(key) = (low 3 bits of the next-to-last byte) * 16 + (low 4 bits of the last byte)
//!               (a one-byte key: the low 4 bits of its byte)
//! hash(key)   = SipHash-1-3(class(key)), with offset(key) added to its low 32 bits
//! ```
//!
//! `key:1200` to `key:1279` are one class (and `key:1280` to `key:1299` another), so their
//! buckets lie in one run of 122 buckets, about eight cache lines of heads read in order, and a
//! pass over them misses about once per class instead of once per key.
//!
//! What it is worth, measured with a trial build that hashed the whole key (both masks 0), each
//! against Swoole 6.2.1 in the same process on 1M keys `key:0`, `key:1`, ... visited in order
//! (`make bench-swoole`'s sequential kind, two runs): the keyed operations (get, exists, incr,
//! del, set) ran at 0.84-1.73 times Swoole's speed, against 2.01-3.42 with the offset. Swoole's
//! own hash keeps such keys in order, so without it rsipc would be slower than Swoole there.
//!
//! This costs nothing against chosen keys. Two different keys of one class differ in their
//! offsets, and a table has at least [`MIN_BUCKETS`] = 128 buckets, so they never share a
//! bucket; two keys of different classes hash two different SipHash inputs, so without the
//! table's key nobody can tell whether they share a bucket (each pair does with probability 1/B,
//! as with the plain hash). For any set of keys, however chosen, the expected chain lengths are
//! those of a random function. The tests check both halves.
//!
//! The bucket is the low bits of the hash; the top byte (SipHash's own, the offset does not
//! touch it) is kept in each slot as a *tag* so a chain walk skips most non-matching slots
//! without comparing keys. Keys sharing a bucket are of different classes, so their tags are
//! independent. The capacity promise does not depend on the hash (chains are unbounded and the
//! slot pool is shared); the hash only decides chain lengths, i.e. speed.
//!
//! # What the keyed hash costs
//!
//! A trial build with an unkeyed multiply-and-shift hash in its place (everything else the same),
//! each figure against SipHash in the same run: `exists` on a cached table took 75 ns against 97;
//! on the 1M-row benchmark table, keys visited in insertion order, every keyed operation took
//! 18-36 ns less (5-11%), and Swoole's time over rsipc's in that run went from 2.83-3.49x to
//! 3.00-3.74x. That is the price of keys nobody can aim at one bucket. A replacement would have
//! to be a keyed pseudo-random function too. The candidate is AES rounds under the table's key
//! (what Go's maps use where the CPU has AES instructions). A trial with three rounds for a key
//! of up to 16 bytes (two more for each further 16) took 91 ns on the cached `exists` against
//! SipHash's 99, and got about half to two thirds of the unkeyed hash's gain on the big table:
//! get (row), two rounds of the run, 458 and 367 ns with SipHash, 433 and 350 with AES rounds,
//! 430 and 343 unkeyed; 0-8% over all the operations. Not taken: a weaker function than SipHash
//! for that, plus a hash kind in the header and a fallback for CPUs without AES.

/// Longest key accepted, in bytes.
pub const MAX_KEY_LEN: usize = 63;

/// The bits of a key's next-to-last byte that go into its offset (see the module notes).
const PREV_BITS: u8 = 0x07;
/// The bits of a key's last byte that go into its offset.
const LAST_BITS: u8 = 0x0f;
/// Fewest buckets a table has: one per offset (0 to 127), so the keys of one class never share
/// a bucket.
pub(crate) const MIN_BUCKETS: u32 = ((PREV_BITS as u32) << 4 | LAST_BITS as u32) + 1;

/// The 128-bit SipHash key (k0, k1) of one table.
pub(crate) type HashKey = [u64; 2];

/// SipHash with `C` compression and `D` finalization rounds.
struct Sip<const C: usize, const D: usize> {
    v: [u64; 4],
}

impl<const C: usize, const D: usize> Sip<C, D> {
    #[inline(always)]
    fn new(k: &HashKey) -> Self {
        // The initial constants spell "somepseudorandomlygeneratedbytes".
        Sip {
            v: [
                k[0] ^ 0x736f_6d65_7073_6575,
                k[1] ^ 0x646f_7261_6e64_6f6d,
                k[0] ^ 0x6c79_6765_6e65_7261,
                k[1] ^ 0x7465_6462_7974_6573,
            ],
        }
    }

    #[inline(always)]
    fn round(&mut self) {
        let [mut v0, mut v1, mut v2, mut v3] = self.v;
        v0 = v0.wrapping_add(v1);
        v1 = v1.rotate_left(13) ^ v0;
        v0 = v0.rotate_left(32);
        v2 = v2.wrapping_add(v3);
        v3 = v3.rotate_left(16) ^ v2;
        v0 = v0.wrapping_add(v3);
        v3 = v3.rotate_left(21) ^ v0;
        v2 = v2.wrapping_add(v1);
        v1 = v1.rotate_left(17) ^ v2;
        v2 = v2.rotate_left(32);
        self.v = [v0, v1, v2, v3];
    }

    #[inline(always)]
    fn word(&mut self, m: u64) {
        self.v[3] ^= m;
        for _ in 0..C {
            self.round();
        }
        self.v[0] ^= m;
    }

    /// Absorbs the final word (tail bytes | length << 56) and returns the hash.
    #[inline(always)]
    fn finish(mut self, last: u64) -> u64 {
        self.word(last);
        self.v[2] ^= 0xff;
        for _ in 0..D {
            self.round();
        }
        self.v[0] ^ self.v[1] ^ self.v[2] ^ self.v[3]
    }
}

/// SipHash-`C`-`D` of any byte string (the plain, byte-at-a-time form; the table uses
/// [`hash_words`], which gives the same values).
pub(crate) fn siphash<const C: usize, const D: usize>(k: &HashKey, bytes: &[u8]) -> u64 {
    let mut s = Sip::<C, D>::new(k);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        s.word(u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]));
    }
    let mut tail = [0u8; 8];
    tail[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
    s.finish(u64::from_le_bytes(tail) | (bytes.len() as u64) << 56)
}

/// Adds a key's offset to the bucket bits (the low 32) of its class's SipHash.
#[inline(always)]
fn place(class_hash: u64, offset: u32) -> u64 {
    (class_hash & !0xffff_ffff) | (class_hash as u32).wrapping_add(offset) as u64
}

/// The table hash of any byte string (see the module notes), written byte by byte as the
/// reference for [`hash_words`]. (The empty string, never a key, hashes as itself.)
pub fn hash_bytes(key: [u64; 2], bytes: &[u8]) -> u64 {
    let mut class = bytes.to_vec();
    let n = class.len();
    if n == 0 {
        return siphash::<1, 3>(&key, bytes);
    }
    let mut offset = (class[n - 1] & LAST_BITS) as u32;
    class[n - 1] &= !LAST_BITS;
    if n >= 2 {
        offset |= ((class[n - 2] & PREV_BITS) as u32) << 4;
        class[n - 2] &= !PREV_BITS;
    }
    place(siphash::<1, 3>(&key, &class), offset)
}

/// The table hash of a key of `1 <= len <= 63` bytes held as zero-padded little-endian words (the
/// words past `len` bytes must be zero): how a prepared key is hashed. Equal to [`hash_bytes`]
/// of the same bytes.
#[inline(always)]
pub(crate) fn hash_words(k: &HashKey, words: &[u64; 8], len: usize) -> u64 {
    hash_with(k, len, |i| words[i])
}

/// [`hash_words`] of the key whose word `i` is `word(i)` (zero-padded, asked for `i <= len / 8`),
/// so a key can be hashed where it lies (a slot's words) without being gathered into an array
/// first: storing the words and reading the array back in wider loads stalled on store
/// forwarding.
#[inline(always)]
pub(crate) fn hash_with(k: &HashKey, len: usize, word: impl Fn(usize) -> u64) -> u64 {
    debug_assert!((1..=MAX_KEY_LEN).contains(&len));
    // Where the last byte's low 4 bits are, and the next-to-last's low 3 (a one-byte key has
    // none: its mask is 0). The class is the words with those bits cleared; it is never stored (copying
    // the words the caller has just written stalled on store forwarding), each word is masked
    // as SipHash takes it.
    let last = len - 1;
    let (wl, ml) = (last / 8, (LAST_BITS as u64) << (8 * (last % 8)));
    let prev = last.saturating_sub(1);
    let (wp, mp) = (prev / 8, if len >= 2 { (PREV_BITS as u64) << (8 * (prev % 8)) } else { 0 });
    let class = |i: usize| word(i) & !(if i == wl { ml } else { 0 } | if i == wp { mp } else { 0 });
    let offset = (((word(wp) & mp) >> (8 * (prev % 8))) << 4 | (word(wl) & ml) >> (8 * (last % 8))) as u32;
    let full = len / 8;
    let mut s = Sip::<1, 3>::new(k);
    for i in 0..full {
        s.word(class(i));
    }
    // word `full` holds the 0..7 tail bytes, zero-padded (and is 0 when len is a multiple of 8).
    place(s.finish(class(full) | (len as u64) << 56), offset)
}

/// Loads `key` (at most 64 bytes) as little-endian words, zero-padded, and sets the words past
/// it to zero: whatever `words` held before (a key used again for a shorter one) cannot leak
/// into the hash or into a slot. Every copy has a size fixed at compile time, so it is a few
/// moves rather than calls to `memset` and `memcpy` (a loop over a variable number of words
/// became those two calls); the 1..7 tail bytes take at most three small loads.
#[inline(always)]
fn fill_words(key: &[u8], words: &mut [u64; 8]) {
    *words = [0; 8];
    match key.len() / 8 {
        0 => {}
        1 => whole_words::<1>(key, words),
        2 => whole_words::<2>(key, words),
        3 => whole_words::<3>(key, words),
        4 => whole_words::<4>(key, words),
        5 => whole_words::<5>(key, words),
        6 => whole_words::<6>(key, words),
        7 => whole_words::<7>(key, words),
        _ => whole_words::<8>(key, words),
    }
    let t = &key[key.len() / 8 * 8..];
    if t.is_empty() {
        return;
    }
    let mut v = 0u64;
    let mut i = 0;
    if t.len() >= 4 {
        v = u32::from_le_bytes([t[0], t[1], t[2], t[3]]) as u64;
        i = 4;
    }
    if t.len() - i >= 2 {
        v |= (u16::from_le_bytes([t[i], t[i + 1]]) as u64) << (8 * i);
        i += 2;
    }
    if t.len() > i {
        v |= (t[i] as u64) << (8 * i);
    }
    words[key.len() / 8] = v;
}

/// The first `N` whole words of `key` (which has at least `8 * N` bytes) into `words`.
#[inline(always)]
fn whole_words<const N: usize>(key: &[u8], words: &mut [u64; 8]) {
    for (i, w) in words.iter_mut().enumerate().take(N) {
        let c = &key[8 * i..8 * i + 8];
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
    /// `None` when the key is empty or longer than [`MAX_KEY_LEN`]. `k` is the table's hash key.
    /// (For tests; the table's operations use [`PreparedKey::prepare`].)
    #[cfg(test)]
    pub(crate) fn new(key: &[u8], k: &HashKey) -> Option<PreparedKey> {
        let mut p = PreparedKey::blank();
        p.prepare(key, k).then_some(p)
    }

    /// An empty key, to be filled by [`PreparedKey::prepare`].
    #[inline(always)]
    pub(crate) fn blank() -> PreparedKey {
        PreparedKey { words: [0; 8], len: 0, hash: 0 }
    }

    /// Fills this key in place, whatever it held before; false (and nothing written) when the
    /// key is empty or longer than [`MAX_KEY_LEN`]. The table's operations use this rather than
    /// [`PreparedKey::new`] so the 80 bytes are built where they are used instead of being moved
    /// out of an `Option` (that copy, one byte off alignment, stalled on store forwarding).
    #[inline(always)]
    pub(crate) fn prepare(&mut self, key: &[u8], k: &HashKey) -> bool {
        if key.is_empty() || key.len() > MAX_KEY_LEN {
            return false;
        }
        fill_words(key, &mut self.words);
        self.hash = hash_words(k, &self.words, key.len());
        self.len = key.len() as u8;
        true
    }

    /// Whether this is the prepared form of `key`.
    #[inline(always)]
    pub(crate) fn is(&self, key: &[u8]) -> bool {
        if key.len() != self.len as usize || key.is_empty() {
            return false;
        }
        let mut words = [0u64; 8];
        fill_words(key, &mut words);
        words[..self.nwords()] == self.words[..self.nwords()]
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

/// A fresh random hash key from `getrandom(2)`; the errno if the kernel cannot supply one.
pub(crate) fn random_key() -> Result<HashKey, i32> {
    let mut buf = [0u8; 16];
    let mut got = 0;
    while got < buf.len() {
        // SAFETY: writes at most the remaining bytes of `buf`.
        let r = unsafe { libc::getrandom(buf[got..].as_mut_ptr().cast(), buf.len() - got, 0) };
        if r < 0 {
            let e = super::sys::errno();
            if e == libc::EINTR {
                continue;
            }
            return Err(e);
        }
        got += r as usize;
    }
    let (a, b) = buf.split_at(8);
    Ok([u64::from_le_bytes(a.try_into().unwrap_or([0; 8])), u64::from_le_bytes(b.try_into().unwrap_or([0; 8]))])
}
