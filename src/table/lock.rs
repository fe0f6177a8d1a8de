//! The lock used for everything in the mapping: one 32-bit word holding the owner (see
//! [`super::owner`]), 0 when free.
//!
//! # Why an owner-pid word and not a robust pthread mutex
//!
//! A `PTHREAD_PROCESS_SHARED` + `PTHREAD_MUTEX_ROBUST` mutex also survives its owner's death: the
//! kernel walks the dying thread's robust list on exit (so zombies are covered too) and the next
//! locker gets `EOWNERDEAD`. It still loses here:
//!
//! * **Size.** A pthread mutex is 40 bytes. A small table has one lock per bucket, and the whole
//!   mapping must stay below Swoole's size for the same schema (about 160 bytes per row for the
//!   reference schema, see `layout.rs`): 40-byte bucket locks alone would eat a quarter of that.
//!   Our lock is 4 bytes, and a table has at most 4096 of them (buckets share them in big
//!   tables), so the whole lock array stays in the CPU caches.
//! * **Speed.** Robust mutexes are not glibc's fast path: every lock and unlock also maintains the
//!   thread's robust list (`list_op_pending`, linking and unlinking the mutex). Our lock is one
//!   CAS to take and one store to release, no system call.
//! * **Repair is ours anyway.** `EOWNERDEAD` only says "the protected data may be inconsistent";
//!   we still need our own repair (the intent log in `pool.rs`), so a robust mutex would buy the
//!   death detection and nothing else, and that is what the owner word gives directly.
//! * **Control.** With our own word we choose the waiting policy (spin, yield, sleep) and the
//!   moment of recovery, and we can report the dead pid to the PHP layer for its warning. Nothing
//!   depends on the dead process having kept its robust list intact (the kernel stops walking a
//!   damaged list, and the mutex then stays locked forever).
//!
//! The price of the owner word is that death detection is a poll: a waiter that has spun and
//! yielded for a few rounds with the *same* owner word still in place asks the kernel whether that
//! owner is provably dead (`kill(pid, 0)`, a pidfd, `/proc/<pid>/stat`: the rule is argued in
//! `owner.rs`; it catches zombies and recycled pids, and treats a holder it cannot see or signal
//! as alive). Only a provably dead owner is replaced, with a compare-and-swap from its exact word, so
//! two waiters can never both take over the same dead lock, and a live owner (slow, stopped,
//! swapped out) is never robbed, unlike Swoole's 2-second timeout.
//!
//! The lock is not re-entrant, and all threads of one process share one owner word; the table
//! never takes a lock it already holds.

use std::sync::atomic::{AtomicU32, AtomicU64, Ordering::*};

use super::owner;

/// Result of taking a lock.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Acquired {
    /// Taken normally.
    Clean,
    /// Taken over from a holder that died; carries the dead holder's pid. The caller must repair
    /// whatever the lock protects before relying on it.
    Recovered(u32),
}

/// A lock word inside the shared mapping (0 = free, otherwise the holder's owner word).
#[repr(transparent)]
pub(crate) struct ShmLock {
    word: AtomicU32,
}

/// Spin iterations before the first yield.
const SPINS: u32 = 64;
/// Rounds that yield the CPU before rounds start sleeping.
const YIELD_ROUNDS: u32 = 8;
/// Longest sleep between two looks at a lock held by a live owner.
const MAX_SLEEP_US: u64 = 1000;
/// How long a handle waits, at most, for a holder it has already given up on once (see
/// [`ShmLock::lock_within`]): far longer than any operation holds a lock, far shorter than a
/// full patience.
const STUCK_PATIENCE: std::time::Duration = std::time::Duration::from_millis(100);

/// Test hook: when set, every liveness check a waiter makes adds one to the counter it points at
/// (which may live in shared memory, so another process can see that a waiter is waiting).
#[cfg(test)]
pub(crate) static CHECK_SINK: std::sync::atomic::AtomicPtr<std::sync::atomic::AtomicU64> =
    std::sync::atomic::AtomicPtr::new(std::ptr::null_mut());

impl ShmLock {
    /// Takes the lock for owner word `me`, waiting while the holder lives; with a `patience`, gives
    /// up with the holder's pid once one live holder has kept it that long (`None`: wait as long
    /// as it lives). Giving up is not a takeover: the holder keeps the lock. Named tables use it:
    /// their file may be damaged or forged, and a lock word naming some unrelated live process
    /// must not hang every caller.
    ///
    /// `stuck` remembers the last lock this handle gave up on (its address and holder word):
    /// while that same holder keeps it, a later call waits at most [`STUCK_PATIENCE`], so a
    /// damaged file costs one full wait, then a short one per operation. It still waits, and
    /// still asks whether the holder lives: a stopped holder that was let go releases the lock
    /// in microseconds, a dead one is taken over, and any lock this handle takes makes it
    /// forget. Any other holder gets the full patience.
    #[inline(always)]
    pub(crate) fn lock_within(&self, me: u32, patience: Option<std::time::Duration>, stuck: &AtomicU64) -> Result<Acquired, u32> {
        if self.word.compare_exchange(0, me, Acquire, Relaxed).is_ok() {
            if patience.is_some() && stuck.load(Relaxed) != 0 {
                stuck.store(0, Relaxed);
            }
            return Ok(Acquired::Clean);
        }
        let r = self.lock_contended(me, patience, stuck.load(Relaxed));
        match r {
            Err(holder) => stuck.store(self.stuck_tag(holder), Relaxed),
            Ok(_) => stuck.store(0, Relaxed),
        }
        r.map_err(owner::pid_of)
    }

    /// This lock's address and a holder word, in one value for `stuck`.
    fn stuck_tag(&self, word: u32) -> u64 {
        ((self as *const ShmLock as usize as u64) << 32) ^ word as u64 ^ ((self as *const ShmLock as usize as u64) >> 32)
    }

    /// Takes the lock only if it is free right now.
    #[inline]
    #[allow(dead_code)]
    pub(crate) fn try_lock(&self, me: u32) -> bool {
        self.word.compare_exchange(0, me, Acquire, Relaxed).is_ok()
    }

    /// Releases the lock (the caller must hold it).
    #[inline(always)]
    pub(crate) fn unlock(&self) {
        self.word.store(0, Release);
    }

    /// The current owner word (0 when free).
    #[inline]
    #[allow(dead_code)]
    pub(crate) fn owner(&self) -> u32 {
        self.word.load(Relaxed)
    }

    /// The waiting part of [`ShmLock::lock_within`]; `Err` carries the holder word given up on.
    /// `stuck` is the handle's memory of a holder it gave up on before (see there).
    #[cold]
    #[inline(never)]
    fn lock_contended(&self, me: u32, patience: Option<std::time::Duration>, stuck: u64) -> Result<Acquired, u32> {
        let mut round: u32 = 0;
        let mut seen: u32 = 0;
        let mut seen_rounds: u32 = 0;
        let mut seen_since = std::time::Instant::now();
        loop {
            // Spin with a growing pause, grabbing the lock as soon as it is free.
            for i in 0..SPINS {
                let v = self.word.load(Relaxed);
                if v == 0 {
                    if self.word.compare_exchange_weak(0, me, Acquire, Relaxed).is_ok() {
                        return Ok(Acquired::Clean);
                    }
                    continue;
                }
                for _ in 0..(1u32 << (i / 8).min(5)) {
                    std::hint::spin_loop();
                }
            }
            let v = self.word.load(Relaxed);
            if v == 0 {
                continue;
            }
            if v == seen {
                seen_rounds += 1;
            } else {
                seen = v;
                seen_rounds = 1;
                if patience.is_some() {
                    seen_since = std::time::Instant::now();
                }
            }
            // The same holder has kept the lock for a while: ask whether it still lives. Early
            // rounds are short, so check on a doubling schedule there; once sleeping, every round.
            let check = seen_rounds >= 2 && (round >= YIELD_ROUNDS || seen_rounds.is_power_of_two());
            #[cfg(test)]
            if check {
                let sink = CHECK_SINK.load(Relaxed);
                if !sink.is_null() {
                    // SAFETY: tests point the sink at a counter that outlives the waiting.
                    unsafe { (*sink).fetch_add(1, Relaxed) };
                }
            }
            if check && owner::is_dead(v) {
                if self.word.compare_exchange(v, me, Acquire, Relaxed).is_ok() {
                    return Ok(Acquired::Recovered(owner::pid_of(v)));
                }
                continue;
            }
            if let Some(p) = patience {
                let p = if stuck != 0 && stuck == self.stuck_tag(v) { p.min(STUCK_PATIENCE) } else { p };
                if round >= YIELD_ROUNDS && seen_since.elapsed() > p {
                    return Err(v);
                }
            }
            if round < YIELD_ROUNDS {
                // SAFETY: no preconditions.
                unsafe { libc::sched_yield() };
            } else {
                let us = (20u64 << ((round - YIELD_ROUNDS) / 2).min(6)).min(MAX_SLEEP_US);
                let ts = libc::timespec { tv_sec: 0, tv_nsec: (us * 1000) as libc::c_long };
                // SAFETY: valid timespec; an early wake-up is harmless.
                unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
            }
            round = round.saturating_add(1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A free lock, a handle's empty memory of holders given up on, and this process's word.
    fn fresh() -> (ShmLock, AtomicU64, u32) {
        (ShmLock { word: AtomicU32::new(0) }, AtomicU64::new(0), owner::current())
    }

    #[test]
    fn lock_unlock_and_dead_word_recovery() {
        let (l, stuck, me) = fresh();
        assert_eq!(l.lock_within(me, None, &stuck), Ok(Acquired::Clean));
        assert!(!l.try_lock(me));
        l.unlock();
        assert!(l.try_lock(me));
        l.unlock();
        // Our own pid with another start token: a recycled pid, so the holder is gone.
        let ghost = (me & ((1 << 22) - 1)) | (if me >> 22 == 1 { 2 } else { 1 }) << 22;
        l.word.store(ghost, Relaxed);
        assert_eq!(l.lock_within(me, None, &stuck), Ok(Acquired::Recovered(owner::pid_of(me))));
        assert_eq!(l.owner(), me);
        l.unlock();
    }

    /// A live process to name as a lock's holder (by its pid, with token 0: known by the pid
    /// only); killed and reaped when the test ends it or drops it.
    struct Holder(std::process::Child);

    impl Holder {
        fn new() -> Holder {
            Holder(std::process::Command::new("sleep").arg("30").spawn().expect("sleep runs"))
        }

        fn pid(&self) -> u32 {
            self.0.id()
        }

        fn end(&mut self) {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }

    impl Drop for Holder {
        fn drop(&mut self) {
            self.end();
        }
    }

    /// A handle that gave up on a live holder once still takes the lock when that holder lets it
    /// go, and takes it over when that holder dies.
    #[test]
    fn giving_up_on_a_holder_does_not_stick() {
        let (l, stuck, me) = fresh();
        let mut child = Holder::new();
        let (pid, holder) = (child.pid(), child.pid());
        let patience = Some(std::time::Duration::from_millis(30));
        l.word.store(holder, Relaxed);
        assert_eq!(l.lock_within(me, patience, &stuck), Err(pid));
        // the holder lets go: taken
        l.word.store(0, Relaxed);
        assert_eq!(l.lock_within(me, patience, &stuck), Ok(Acquired::Clean));
        l.unlock();
        // the same holder again, given up on again; still alive, so still given up on
        l.word.store(holder, Relaxed);
        assert_eq!(l.lock_within(me, patience, &stuck), Err(pid));
        assert_eq!(l.lock_within(me, patience, &stuck), Err(pid));
        // then it dies: taken over, and forgotten
        child.end();
        assert_eq!(l.lock_within(me, patience, &stuck), Ok(Acquired::Recovered(pid)));
        assert_eq!(stuck.load(Relaxed), 0);
        l.unlock();
    }

    /// The short wait is for the holder given up on only: another holder, or the same one after
    /// this handle took the lock in between, gets the full patience.
    #[test]
    fn the_short_wait_is_for_that_holder_only() {
        use std::time::{Duration, Instant};
        let (l, stuck, me) = fresh();
        let (a, b) = (Holder::new(), Holder::new());
        let full = Duration::from_millis(1000);
        let waited = |holder: u32| {
            l.word.store(holder, Relaxed);
            let t = Instant::now();
            assert_eq!(l.lock_within(me, Some(full), &stuck), Err(holder));
            t.elapsed()
        };
        assert!(waited(a.pid()) >= full);
        assert!(waited(a.pid()) < full, "the holder given up on: a short wait");
        assert!(waited(b.pid()) >= full, "another holder: the full patience");
        // this handle takes the lock uncontended, so it forgets b
        l.word.store(0, Relaxed);
        assert_eq!(l.lock_within(me, Some(full), &stuck), Ok(Acquired::Clean));
        l.unlock();
        assert!(waited(b.pid()) >= full, "after a lock taken in between: the full patience");
        // given up on b; b hands the lock to a while a call waits: a gets the full patience
        l.word.store(b.pid(), Relaxed);
        let (lw, a_word) = (&l.word, a.pid());
        let t = Instant::now();
        let r = std::thread::scope(|s| {
            s.spawn(move || {
                std::thread::sleep(Duration::from_millis(50));
                lw.store(a_word, Relaxed);
            });
            l.lock_within(me, Some(full), &stuck)
        });
        assert_eq!(r, Err(a.pid()));
        assert!(t.elapsed() >= full, "a holder that came after the one given up on: the full patience");
    }
}
