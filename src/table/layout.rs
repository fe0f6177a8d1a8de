//! What lives where inside the mapping. Everything is addressed by offsets from the start of the
//! mapping and by slot numbers, never by pointers, so the mapping would work at any address.
//!
//! ```text
//! offset 0        Header (512 bytes): geometry, live/destroyed state, the hash key, slot pool
//!                 lock and counters, the pool's intent log, the update counter, the creator's
//!                 PID and time namespaces, and for a named table where its schema is kept
//! offset 512      B chain heads, 4 bytes each (a slot link)
//!                 B = next power of two >= M (load factor <= 1), at least 128
//!                 (see `hash.rs`)
//! then            L bucket locks, 4 bytes each; bucket b's lock is lock b & (L - 1)
//!                 L = min(B, 4096) (see below)
//! then            (tables of 4096 slots or more, aligned to 64 bytes) 64 update counters,
//!                 8 bytes each, one per 64-byte line (see below)
//! then            (aligned to 128 bytes) M slots of `stride` bytes each:
//!                   +0  next   u32   next slot in the chain, or in the free list
//!                   +4  klen   u8    key length; 0 = no committed row here
//!                   +5  tag    u8    top byte of the key hash
//!                   +6  (2 bytes unused)
//!                   +8  key    64 bytes, zero-padded (eight relaxed atomic words)
//!                   +72 data   the columns (see schema.rs), stride = align8(72 + data)
//! total           (named tables only) the schema block, see `named.rs`
//! ```
//!
//! `Meta` (the header's first cache line) ends with the table's 128-bit hash key (`hash_key`, at
//! offset 40, 16 bytes), written once by `create()`.
//!
//! Every value read from the mapping that is used as an index (chain links, free-list head,
//! high-water mark, logged slot and bucket numbers, key lengths) is range-checked before use and
//! every walk is bounded by the slot count, so a damaged mapping can give wrong rows or errors but
//! never an access outside it or an endless loop.
//!
//! Slot links (`head`, `next`, free-list head) store *slot number + 1*, so 0 means "none" and a
//! zero-filled mapping is already a valid empty table: every chain empty, free list empty, and
//! the high-water mark (`hwm`, slots ever handed out) 0, meaning all slots are still fresh.
//!
//! # Locks apart from the heads, at most 4096 of them
//!
//! The locks live in their own array, at most [`MAX_LOCKS`] = 4096 of them (16 KiB): a table of
//! more buckets shares each lock among B/4096 buckets, bucket b taking lock `b & (L - 1)`. An
//! operation holds one bucket lock at a time, so sharing cannot deadlock, and with hashed keys
//! two operations meet on a shared lock about as rarely as the lock count allows (1 in 4096).
//!
//! Keeping the locks off the heads' lines matters: a locked compare-and-swap on a line that
//! misses holds up every later load until the line arrives, so the chain-head miss could not
//! even start before it. (Measured on random-order lookups in a 1M-row table: the first layout,
//! 8-byte {lock, head} buckets, took about 1.4x the time of 4-byte heads beside a lock array of
//! one lock per eight buckets; that gain also includes the fewer pages the smaller heads cover.)
//! Keeping the lock array small matters for the same reason: at one lock per eight buckets it
//! was 1 MiB at 2M buckets, and on random keys its lines were often gone from the CPU caches by
//! the next visit, so the compare-and-swap waited for one before the head could be read. At
//! 16 KiB the array stays in the caches. Same process, 1M hex keys, two tables taking turns on
//! chunks of 50,000 keys, 1 MiB against 16 KiB: every keyed operation 2-10% faster depending on
//! the run (in one: exists 320 -> 291 ns, del 344 -> 308, get of one field 354 -> 320, a lookup
//! in the emptied table 216 -> 196); two or four processes incrementing 1,000 hot keys or
//! disjoint random keys: no difference beyond the noise, on this 2-core machine.
//!
//! The price, not measured here: 16 locks share a cache line, so on a machine with many cores
//! busy on one table a lock's line is more often in another core's cache; and a holder that is
//! stopped (not dead: SIGSTOP, a debugger) holds up 1/4096 of the buckets instead of 8 of them.
//! Tables of at most 4096 buckets keep a lock per bucket.
//!
//! # Update counters, one line per process
//!
//! Swoole's `update_count` is bumped by every update (`set` of an existing key, `incr`, ...).
//! One shared counter is one line that every updating process writes: with two processes
//! incrementing hot keys, that line moved between the cores on nearly every call, and two
//! processes did fewer increments a second than one. Tables of 4096 slots or more therefore have
//! 64 counters on lines of their own; a process adds to the one its owner word picks
//! ([`View::update_counter`]), so two processes share a line only when their words pick the
//! same one (1 in 64), and `stats()` adds them up. Smaller tables keep the one counter in the
//! header, which keeps them within Swoole's size.
//!
//! Per slot this costs `stride + 4·B/M` bytes plus at most 16 KiB of locks. For the benchmark
//! schema (int, float, string(32)): data = 8 + 8 + 4 + 32 = 52, stride = 128, plus 4 bytes of
//! head: **132 bytes** per slot when M is a power of two, against Swoole's 160 (0.83x). In general
//! Swoole's row is `align8(88 + Σ)` = our stride + 16 and its index plus pool headers cost
//! `8·N + 24·C`, while our heads and locks cost at most `8·B <= 16·N`; the tests check
//! `memory_size <= Swoole's` over many shapes.

use std::sync::atomic::{AtomicU8, AtomicU32, AtomicU64, Ordering::*};

use super::error::CreateError;
use super::hash::{HashKey, MIN_BUCKETS};
use super::lock::ShmLock;

/// Bytes reserved for the header at the start of the mapping.
pub(crate) const HEADER_BYTES: usize = 512;
/// Bytes of a slot before its data area.
pub(crate) const SLOT_HEADER_BYTES: usize = 72;
/// "No slot" in a link field.
pub(crate) const NIL: u32 = 0;
/// Identifies a mapping laid out by this code ("rsipcTB1").
pub(crate) const MAGIC: u64 = u64::from_le_bytes(*b"rsipcTB1");
/// `Meta::state` while the table may be used.
pub(crate) const STATE_READY: u32 = 1;
/// `Meta::state` once any process called `destroy()`.
pub(crate) const STATE_DESTROYED: u32 = 2;
/// Most slots a table may have (keeps bucket counts within `u32`).
pub(crate) const MAX_SLOTS: u64 = 1 << 31;
/// Most bucket locks a table has (a power of two); tables of more buckets share them.
pub(crate) const MAX_LOCKS: u64 = 4096;
/// Slot count from which a table has its own lines of update counters.
pub(crate) const UPDATE_STRIPES_FROM: u64 = 4096;
/// How many update counters such a table has (a power of two).
pub(crate) const UPDATE_STRIPES: u32 = 64;

/// Link value naming slot `s`.
#[inline(always)]
pub(crate) fn link(s: u32) -> u32 {
    s + 1
}

/// Sizes and offsets of one table; identical in every process.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Geometry {
    /// N: `getSize()`.
    pub size: u32,
    /// C: overflow rows, Swoole's `total_slice_num`.
    pub overflow: u32,
    /// M = N + C: how many rows fit.
    pub slots: u32,
    /// B: number of buckets, a power of two >= M.
    pub buckets: u32,
    /// L: number of bucket locks, a power of two dividing B.
    pub locks: u32,
    /// Bytes per slot.
    pub stride: usize,
    /// Bytes of a row's data area.
    pub data_size: usize,
    /// Offset of the chain-head array.
    pub buckets_off: usize,
    /// Offset of the lock array.
    pub locks_off: usize,
    /// Update counters on lines of their own: 0 (the header's one counter) or `UPDATE_STRIPES`.
    pub stripes: u32,
    /// Offset of the first of them (each on its own 64-byte line).
    pub stripes_off: usize,
    /// Offset of slot 0.
    pub slots_off: usize,
    /// Total bytes of the mapping.
    pub total: usize,
}

impl Geometry {
    /// Computes the layout for `size` (N), `overflow` (C) and a data area of `data_size` bytes.
    pub fn new(size: u32, overflow: u32, data_size: usize) -> Result<Geometry, CreateError> {
        if data_size as u64 > super::schema::MAX_ROW_DATA {
            return Err(CreateError::RowTooLarge);
        }
        let slots = size as u64 + overflow as u64;
        if slots == 0 || slots > MAX_SLOTS {
            return Err(CreateError::TooLarge);
        }
        // (at least MIN_BUCKETS, which keeps the keys of one hash class apart; see hash.rs)
        let buckets = slots.next_power_of_two().max(MIN_BUCKETS as u64);
        let locks = buckets.min(MAX_LOCKS);
        let stride = (SLOT_HEADER_BYTES as u64 + data_size as u64).div_ceil(8) * 8;
        let buckets_off = HEADER_BYTES as u64;
        let locks_off = buckets_off + 4 * buckets;
        let stripes = if slots >= UPDATE_STRIPES_FROM { UPDATE_STRIPES } else { 0 };
        let stripes_off = (locks_off + 4 * locks).div_ceil(64) * 64;
        // rows start on a 128-byte boundary, so a 128-byte row is two whole cache lines
        let slots_off = (stripes_off + 64 * stripes as u64).div_ceil(128) * 128;
        let total = stride
            .checked_mul(slots)
            .and_then(|v| v.checked_add(slots_off))
            .filter(|&t| t <= isize::MAX as u64 / 2)
            .ok_or(CreateError::TooLarge)?;
        Ok(Geometry {
            size,
            overflow,
            slots: slots as u32,
            buckets: buckets as u32,
            locks: locks as u32,
            stride: stride as usize,
            data_size,
            buckets_off: buckets_off as usize,
            locks_off: locks_off as usize,
            stripes,
            stripes_off: stripes_off as usize,
            slots_off: slots_off as usize,
            total: total as usize,
        })
    }

    /// Bucket of a hash.
    #[inline(always)]
    pub(crate) fn bucket_of(&self, hash: u64) -> u32 {
        (hash as u32) & (self.buckets - 1)
    }
}

/// Read-mostly identity of the table.
#[repr(C, align(64))]
pub(crate) struct Meta {
    pub(crate) magic: AtomicU64,
    /// `STATE_READY` or `STATE_DESTROYED`.
    pub(crate) state: AtomicU32,
    pub(crate) size: AtomicU32,
    pub(crate) overflow: AtomicU32,
    pub(crate) slots: AtomicU32,
    pub(crate) buckets: AtomicU32,
    pub(crate) stride: AtomicU32,
    pub(crate) total: AtomicU64,
    /// The SipHash key of this table (k0, k1), drawn by `create()` and never changed. Every
    /// process hashes with it; each keeps a copy in its `View`.
    pub(crate) hash_key: [AtomicU64; 2],
}

/// Plain copy of the pool's counters (see [`PoolCounters`]).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct PoolSnap {
    pub(crate) free_head: u32,
    pub(crate) hwm: u32,
    pub(crate) used: u32,
    pub(crate) conflict_max: u32,
    pub(crate) inserts: u64,
    pub(crate) deletes: u64,
    pub(crate) conflicts: u64,
}

/// Everything the pool lock protects. Written only under the pool lock; read without it by
/// `count()` and `stats()`.
#[repr(C)]
pub(crate) struct PoolCounters {
    /// Head of the free list (link), NIL when empty.
    pub(crate) free_head: AtomicU32,
    /// High-water mark: slots `[0, hwm)` have been handed out at least once; slots above it are
    /// fresh (never used, all zero).
    pub(crate) hwm: AtomicU32,
    /// Rows in the table (slots linked into chains).
    pub(crate) used: AtomicU32,
    /// Deepest chain position seen at an insert (Swoole's `conflict_max_level`).
    pub(crate) conflict_max: AtomicU32,
    /// Rows ever inserted.
    pub(crate) inserts: AtomicU64,
    /// Rows ever deleted.
    pub(crate) deletes: AtomicU64,
    /// Inserts into a bucket that already had rows (Swoole's `conflict_count`).
    pub(crate) conflicts: AtomicU64,
}

impl PoolCounters {
    #[inline]
    pub(crate) fn load(&self) -> PoolSnap {
        PoolSnap {
            free_head: self.free_head.load(Acquire),
            hwm: self.hwm.load(Acquire),
            used: self.used.load(Acquire),
            conflict_max: self.conflict_max.load(Acquire),
            inserts: self.inserts.load(Acquire),
            deletes: self.deletes.load(Acquire),
            conflicts: self.conflicts.load(Acquire),
        }
    }

    #[inline]
    pub(crate) fn store(&self, s: &PoolSnap) {
        self.free_head.store(s.free_head, Release);
        self.hwm.store(s.hwm, Release);
        self.used.store(s.used, Release);
        self.conflict_max.store(s.conflict_max, Release);
        self.inserts.store(s.inserts, Release);
        self.deletes.store(s.deletes, Release);
        self.conflicts.store(s.conflicts, Release);
    }
}

/// The pool lock and the state it protects, on their own cache line.
#[repr(C, align(64))]
pub(crate) struct PoolShared {
    pub(crate) lock: ShmLock,
    pub(crate) live: PoolCounters,
}

/// The pool's one-entry intent log (see `pool.rs`). Written only under the pool lock.
#[repr(C, align(64))]
pub(crate) struct Intent {
    /// 1 while an allocation or release is between its first and last write.
    pub(crate) valid: AtomicU32,
    /// `OP_ALLOC` or `OP_FREE`.
    pub(crate) op: AtomicU32,
    pub(crate) bucket: AtomicU32,
    pub(crate) slot: AtomicU32,
    /// Free: link of the predecessor in the chain (NIL = the bucket head points at the slot).
    pub(crate) prev: AtomicU32,
    /// The slot's `next` before the operation.
    pub(crate) slot_next: AtomicU32,
    pub(crate) before: PoolCounters,
    pub(crate) after: PoolCounters,
}

/// Counters written outside the pool lock, kept off the other lines.
#[repr(C, align(64))]
pub(crate) struct Hot {
    /// Swoole's `update_count` in a table without update-counter lines (see the module
    /// documentation); unused in the others.
    pub(crate) updates: AtomicU64,
}

/// The namespaces of the process that created the table (see `owner.rs`): owner words are only
/// meaningful, and the table only usable, inside them. Written once by `create()`.
#[repr(C, align(64))]
pub(crate) struct Creator {
    /// `owner::Namespaces`: dev and inode of the PID namespace, then of the time namespace.
    pub(crate) ns: [AtomicU64; 4],
}

impl Creator {
    pub(crate) fn namespaces(&self) -> super::owner::Namespaces {
        self.ns.each_ref().map(|c| c.load(Relaxed))
    }
}

/// What a named table's file records beyond the rows (see `named.rs`); all zero in a table made
/// by `create()`. Written once, before the file gets its name.
#[repr(C, align(64))]
pub(crate) struct FileInfo {
    /// `named::FILE_VERSION` of the code that laid the file out.
    pub(crate) version: AtomicU32,
    /// Number of columns in the schema block.
    pub(crate) columns: AtomicU32,
    /// Bytes of a row's data area (checked against the schema block).
    pub(crate) data_size: AtomicU64,
    /// Where the schema block starts (after the slots) and how long it is.
    pub(crate) schema_off: AtomicU64,
    pub(crate) schema_len: AtomicU64,
    /// Creation time, seconds since the epoch.
    pub(crate) created: AtomicU64,
}

/// The header at offset 0.
#[repr(C)]
pub(crate) struct Header {
    pub(crate) meta: Meta,
    pub(crate) pool: PoolShared,
    pub(crate) intent: Intent,
    pub(crate) hot: Hot,
    pub(crate) creator: Creator,
    pub(crate) file: FileInfo,
}

const _: () = assert!(std::mem::size_of::<Header>() <= HEADER_BYTES);


/// The fixed part of a slot.
#[repr(C, align(8))]
pub(crate) struct SlotHeader {
    pub(crate) next: AtomicU32,
    pub(crate) klen: AtomicU8,
    pub(crate) tag: AtomicU8,
    _pad: [u8; 2],
    /// Key bytes as little-endian words, zero-padded. Written only by the holder of the pool lock
    /// while the slot is not linked anywhere; read under the bucket lock, or without it by
    /// iteration, which then verifies what it read under the lock. Atomics (all accesses
    /// relaxed, plain moves on x86-64 and arm64) so that unlocked read is no data race.
    pub(crate) key: [AtomicU64; 8],
}

impl SlotHeader {
    /// Whether the first `nw` key words equal `words`. The caller holds the bucket lock.
    #[inline(always)]
    pub(crate) fn key_is(&self, words: &[u64; 8], nw: usize) -> bool {
        self.key[..nw].iter().zip(&words[..nw]).all(|(a, &b)| a.load(Relaxed) == b)
    }

    /// Copies the first `nw` key words (the rest of the result is zero).
    #[inline(always)]
    #[cfg(test)]
    pub(crate) fn key_words(&self, nw: usize) -> [u64; 8] {
        let mut w = [0u64; 8];
        for (d, s) in w.iter_mut().zip(&self.key[..nw]) {
            *d = s.load(Relaxed);
        }
        w
    }
}

const _: () = assert!(std::mem::size_of::<SlotHeader>() == SLOT_HEADER_BYTES);

/// A process's typed view of a mapping. Copyable; valid while the mapping is mapped.
#[derive(Clone, Copy)]
pub(crate) struct View {
    base: *mut u8,
    pub(crate) geo: Geometry,
    /// Copy of the header's hash key, so hashing reads no shared memory.
    pub(crate) hash_key: HashKey,
    /// Copy of the creator's namespaces (written once, before any view is made), so the check
    /// every operation makes reads no shared memory either.
    pub(crate) creator_ns: super::owner::Namespaces,
}

impl View {
    /// A view of a mapping whose header is already written; the hash key and the creator's
    /// namespaces are copied from it, so every view of one table hashes alike.
    ///
    /// # Safety
    /// `base` must point at a mapping of at least `geo.total` bytes laid out for `geo`, which must
    /// stay mapped while the view (or anything borrowed from it) is used.
    pub(crate) unsafe fn new(base: *mut u8, geo: Geometry) -> View {
        let mut v = View { base, geo, hash_key: [0; 2], creator_ns: [0; 4] };
        let h = v.header();
        let k = &h.meta.hash_key;
        (v.hash_key, v.creator_ns) = ([k[0].load(Relaxed), k[1].load(Relaxed)], h.creator.namespaces());
        v
    }

    #[inline(always)]
    pub(crate) fn header(&self) -> &Header {
        // SAFETY: the header is at offset 0 and the mapping is 64-byte aligned (page aligned).
        unsafe { &*(self.base as *const Header) }
    }

    /// The head of bucket `b`'s chain (a slot link).
    #[inline(always)]
    pub(crate) fn head(&self, b: u32) -> &AtomicU32 {
        debug_assert!(b < self.geo.buckets);
        // SAFETY: b < buckets, so the head lies inside the head array (4-byte aligned).
        unsafe { &*(self.base.add(self.geo.buckets_off) as *const AtomicU32).add(b as usize) }
    }

    /// The lock of bucket `b`.
    #[inline(always)]
    pub(crate) fn bucket_lock(&self, b: u32) -> &ShmLock {
        let l = b & (self.geo.locks - 1);
        // SAFETY: l < locks (a power of two), so the lock lies inside the lock array (4-byte
        // aligned).
        unsafe { &*(self.base.add(self.geo.locks_off) as *const ShmLock).add(l as usize) }
    }

    /// The update counter the process with owner word `me` adds to.
    #[inline(always)]
    pub(crate) fn update_counter(&self, me: u32) -> &AtomicU64 {
        if self.geo.stripes == 0 {
            return &self.header().hot.updates;
        }
        // the top bits of a multiplicative hash of the owner word (pid and start token)
        self.stripe((me.wrapping_mul(0x9e37_79b1) >> 26) & (self.geo.stripes - 1))
    }

    /// Update counter `i` of the counter lines (`i < stripes`, which both callers ensure).
    #[inline(always)]
    fn stripe(&self, i: u32) -> &AtomicU64 {
        debug_assert!(i < self.geo.stripes);
        // SAFETY: i < stripes, so the counter lies inside the counter lines, which start on a
        // 64-byte boundary.
        unsafe { &*(self.base.add(self.geo.stripes_off + 64 * i as usize) as *const AtomicU64) }
    }

    /// Swoole's `update_count`: the sum of the update counters.
    pub(crate) fn updates(&self) -> u64 {
        (0..self.geo.stripes).fold(self.header().hot.updates.load(Relaxed), |sum, i| sum.wrapping_add(self.stripe(i).load(Relaxed)))
    }

    #[inline(always)]
    fn slot_ptr(&self, s: u32) -> *mut u8 {
        debug_assert!(s < self.geo.slots);
        // SAFETY: s < slots, so the slot lies inside the mapping.
        unsafe { self.base.add(self.geo.slots_off + s as usize * self.geo.stride) }
    }

    #[inline(always)]
    pub(crate) fn slot(&self, s: u32) -> &SlotHeader {
        // SAFETY: slot_ptr is in bounds and 8-byte aligned (offsets and stride are multiples of 8).
        unsafe { &*(self.slot_ptr(s) as *const SlotHeader) }
    }

    /// Asks the CPU to start fetching bucket `b`'s lock and chain head, which a call about to
    /// come will need (see `iter.rs`). Only a hint.
    #[inline(always)]
    pub(crate) fn prefetch_bucket(&self, b: u32) {
        prefetch::<FOR_WRITE>(self.bucket_lock(b) as *const ShmLock as *const u8);
        prefetch::<FOR_READ>(self.head(b) as *const AtomicU32 as *const u8);
    }

    /// When bucket `b`'s chain starts at another slot than `s`, asks the CPU to fetch that
    /// slot (whose link a walk to `s` reads first). Only a hint; the head is range-checked.
    #[inline(always)]
    pub(crate) fn prefetch_chain(&self, b: u32, s: u32) {
        let h = self.head(b).load(Relaxed);
        if h != NIL && h <= self.geo.slots && h - 1 != s {
            prefetch::<FOR_READ>(self.slot_ptr(h - 1));
        }
    }

    /// Asks the CPU to fetch the line of slot `s` where its data area starts, when that is not
    /// the slot's first line (which the chain walk reads anyway). Only a hint.
    #[inline(always)]
    pub(crate) fn prefetch_data(&self, s: u32) {
        if self.geo.stride > 64 {
            prefetch::<FOR_READ>(self.data(s));
        }
    }

    /// Start of slot `s`'s data area.
    #[inline(always)]
    pub(crate) fn data(&self, s: u32) -> *mut u8 {
        // SAFETY: the data area follows the slot header inside the slot.
        unsafe { self.slot_ptr(s).add(SLOT_HEADER_BYTES) }
    }
}

// SAFETY: the view only hands out references to atomics and raw pointers into shared memory.
unsafe impl Send for View {}
unsafe impl Sync for View {}

/// Prefetch for reading (`_MM_HINT_T0`).
const FOR_READ: i32 = 3;
/// Prefetch in a state that allows writing (`_MM_HINT_ET0`, `prefetchw`).
const FOR_WRITE: i32 = 7;

/// Asks the CPU to bring the line at `p` into its caches (`HINT`: [`FOR_READ`] or
/// [`FOR_WRITE`]). A hint: it never faults, whatever the address.
#[inline(always)]
fn prefetch<const HINT: i32>(p: *const u8) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching has no architectural effect and never faults.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<HINT>(p as *const i8)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}
