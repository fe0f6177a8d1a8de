//! Helpers for the table tests: forking children that never return into the test harness,
//! a scratch shared-memory area for talking to them, allocation-free key formatting (children of a
//! multi-threaded test process must not touch the allocator), a small PRNG.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::AtomicU64;
use std::time::{Duration, Instant};

use crate::table::mapping::Mapping;
use crate::table::owner;
use crate::table::{Table, TableBuilder, Value};

/// Serializes the tests that fork or measure time, so they do not disturb each other on a small
/// machine. (Poison-free: parking_lot.)
pub(crate) static SERIAL: parking_lot::Mutex<()> = parking_lot::Mutex::new(());

/// Column indices of [`table`]'s schema.
pub(crate) const I: usize = 0;
pub(crate) const F: usize = 1;
pub(crate) const S: usize = 2;

/// A table with columns `i` (int), `f` (float), `s` (string 32).
pub(crate) fn table(size: i64, p: f64) -> Table {
    let mut b = TableBuilder::new(size, p);
    b.column(b"i", 1, 8).unwrap();
    b.column(b"f", 2, 8).unwrap();
    b.column(b"s", 3, 32).unwrap();
    b.create().unwrap()
}

/// Scratch shared memory: `n` atomic words visible to parent and children.
pub(crate) struct Shared {
    map: Mapping,
    n: usize,
}

impl Shared {
    pub(crate) fn new(n: usize) -> Shared {
        Shared { map: Mapping::new(n * 8).unwrap(), n }
    }
    pub(crate) fn at(&self, i: usize) -> &AtomicU64 {
        assert!(i < self.n);
        // SAFETY: in bounds, 8-aligned (page-aligned base), zero-initialized shared memory.
        unsafe { &*(self.map.as_ptr() as *const AtomicU64).add(i) }
    }
}

/// Forks; the child runs `f` and `_exit`s with its result (101 if it panicked). Never returns
/// in the child. The child is SIGKILLed when the forking test thread ends (`PR_SET_PDEATHSIG`),
/// so a failing test never leaves children running.
pub(crate) fn fork(f: impl FnOnce() -> i32) -> libc::pid_t {
    let _ = owner::current();
    // SAFETY: getpid has no preconditions.
    let parent = unsafe { libc::getpid() };
    // SAFETY: the child only runs `f` (which must avoid allocation) and then _exit.
    match unsafe { libc::fork() } {
        0 => {
            // SAFETY: plain prctl/getppid calls; _exit if the parent is already gone.
            unsafe {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                if libc::getppid() != parent {
                    libc::_exit(99);
                }
            }
            let code = std::panic::catch_unwind(AssertUnwindSafe(f)).unwrap_or(101);
            // SAFETY: leave without running the harness or destructors.
            unsafe { libc::_exit(code) }
        }
        -1 => panic!("fork failed"),
        pid => pid,
    }
}

/// Waits for `pid`; returns its exit code, or 1000 + signal number if killed.
pub(crate) fn wait(pid: libc::pid_t) -> i32 {
    let mut status = 0;
    // SAFETY: plain waitpid on our child.
    let r = unsafe { libc::waitpid(pid, &mut status, 0) };
    assert_eq!(r, pid, "waitpid failed");
    if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { 1000 + libc::WTERMSIG(status) }
}

/// Runs `f` in a forked child and waits at most `timeout` for it; on timeout the child is
/// killed and `None` returned. Lets a test fail instead of hanging when a lock is never freed.
pub(crate) fn run_with_timeout(timeout: Duration, f: impl FnOnce() -> i32) -> Option<i32> {
    let pid = fork(f);
    let t0 = Instant::now();
    loop {
        let mut status = 0;
        // SAFETY: non-blocking wait for our own child.
        let r = unsafe { libc::waitpid(pid, &mut status, libc::WNOHANG) };
        if r == pid {
            return Some(if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { 1000 + libc::WTERMSIG(status) });
        }
        if t0.elapsed() > timeout {
            kill(pid, libc::SIGKILL);
            wait(pid);
            return None;
        }
        sleep_us(500);
    }
}

pub(crate) fn kill(pid: libc::pid_t, sig: i32) {
    // SAFETY: signalling our own child.
    unsafe { libc::kill(pid, sig) };
}

/// Polls `cond` every 200 µs until it holds or `timeout` passes.
pub(crate) fn wait_until(timeout: Duration, mut cond: impl FnMut() -> bool) -> bool {
    let t0 = Instant::now();
    while t0.elapsed() < timeout {
        if cond() {
            return true;
        }
        sleep_us(200);
    }
    cond()
}

/// Allocation-free sleep (safe in forked children).
pub(crate) fn sleep_us(us: u64) {
    let ts = libc::timespec { tv_sec: (us / 1_000_000) as libc::time_t, tv_nsec: ((us % 1_000_000) * 1000) as libc::c_long };
    // SAFETY: valid timespec.
    unsafe { libc::nanosleep(&ts, std::ptr::null_mut()) };
}

/// The state letter of a process from /proc (parent side only: allocates).
pub(crate) fn proc_state(pid: libc::pid_t) -> Option<u8> {
    let s = std::fs::read(format!("/proc/{pid}/stat")).ok()?;
    let close = s.iter().rposition(|&b| b == b')')?;
    s.get(close + 2).copied()
}

/// A key built on the stack: `prefix` followed by the decimal digits of `n`.
#[derive(Clone, Copy)]
pub(crate) struct Key {
    buf: [u8; 64],
    len: usize,
}

impl Key {
    pub(crate) fn new(prefix: &[u8], n: u64) -> Key {
        let mut k = Key { buf: [0; 64], len: 0 };
        k.buf[..prefix.len()].copy_from_slice(prefix);
        k.len = prefix.len();
        k.push_num(n);
        k
    }
    fn push_num(&mut self, mut n: u64) {
        let mut d = [0u8; 20];
        let mut i = 0;
        loop {
            d[i] = b'0' + (n % 10) as u8;
            i += 1;
            n /= 10;
            if n == 0 {
                break;
            }
        }
        while i > 0 {
            i -= 1;
            self.buf[self.len] = d[i];
            self.len += 1;
        }
    }
    pub(crate) fn as_bytes(&self) -> &[u8] {
        &self.buf[..self.len]
    }
}

/// Decimal digits of `n`, on the stack (used as a string column value by children).
pub(crate) fn digits(n: u64) -> Key {
    Key::new(b"", n)
}

/// xorshift64* generator: deterministic, allocation-free.
pub(crate) struct Rng(u64);

impl Rng {
    pub(crate) fn new(seed: u64) -> Rng {
        Rng(seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1)
    }
    pub(crate) fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// Random binary key of 1..=63 bytes.
    pub(crate) fn key(&mut self) -> Vec<u8> {
        let len = 1 + self.below(63) as usize;
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// Writes `(i, f, s)` = `(x, x as f64, digits(x))`, the self-consistent row used by the
/// concurrency tests.
pub(crate) fn set_consistent(t: &Table, key: &[u8], x: u64) -> Result<(), crate::table::TableError> {
    let d = digits(x);
    t.set(key, &[(I, Value::Int(x as i64)), (F, Value::Float(x as f64)), (S, Value::Str(d.as_bytes()))])
}

/// Finds a key `prefix<n>` that lands in the same bucket as `key`, other than `key` itself.
pub(crate) fn same_bucket_key(t: &Table, key: &[u8], prefix: &[u8]) -> Vec<u8> {
    let b = t.test_bucket_of(key);
    (0..10_000_000u64)
        .map(|n| Key::new(prefix, n).as_bytes().to_vec())
        .find(|k| k != key && t.test_bucket_of(k) == b)
        .expect("no colliding key found")
}
