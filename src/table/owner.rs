//! Who holds a lock, and whether that process is still alive.
//!
//! Every lock in the mapping stores a 32-bit *owner word* naming the process that holds it
//! (0 = free). The word packs two things:
//!
//! * bits 0..22: the pid. Linux never hands out a pid at or above 2^22 (`PID_MAX_LIMIT` on 64-bit
//!   kernels), so it always fits;
//! * bits 22..32: a 10-bit *start token* derived from the process start time
//!   (`/proc/<pid>/stat` field 22, in clock ticks since boot), in 1..=1023. The value 0 means
//!   "unknown" (the holder could not read its own start time) and is never compared.
//!
//! The token lets a waiter tell the original holder from an unrelated process that later got the
//! same pid: a recycled pid whose start token differs proves the holder is gone. (A recycled pid
//! with the same token, one chance in 1023, only makes the waiter wait for that process too; it
//! never lets anybody rob a live holder.)
//!
//! The word of the calling process is computed once and cached; a `pthread_atfork` child handler
//! clears the cache so a forked child computes its own word on first use. The fast path is one
//! relaxed load, without a system call.
//!
//! Liveness ([`is_dead`]) is only consulted by a waiter that has already spun for a while:
//! `kill(pid, 0)` failing with `ESRCH` means gone; otherwise `/proc/<pid>/stat` is read, and the
//! state `Z` (zombie: killed but not yet reaped, where `kill` still succeeds) or `X` (dead), or a
//! different start token, also means gone. Everything here avoids heap allocation so it is safe in
//! a child forked from a multi-threaded parent.

use std::sync::atomic::{AtomicU8, AtomicU32, Ordering::*};

const PID_BITS: u32 = 22;
const PID_MASK: u32 = (1 << PID_BITS) - 1;

/// The pid named by an owner word.
#[inline]
pub(crate) fn pid_of(word: u32) -> u32 {
    word & PID_MASK
}

#[inline]
fn token_of(word: u32) -> u32 {
    word >> PID_BITS
}

/// Maps a start time (clock ticks) to a token in 1..=1023 (0 is reserved for "unknown").
#[inline]
fn token_from_start(start: u64) -> u32 {
    (start % 1023) as u32 + 1
}

#[inline]
fn make_word(pid: u32, token: u32) -> u32 {
    (pid & PID_MASK) | (token << PID_BITS)
}

/// Cached owner word of this process (0 = not computed yet in this process).
static CACHED: AtomicU32 = AtomicU32::new(0);
/// 0 = fork handler not registered, 1 = being registered, 2 = registered.
static ATFORK: AtomicU8 = AtomicU8::new(0);
/// Whether `/proc` can be read here: 0 = not probed, 1 = yes, 2 = no.
static PROC_OK: AtomicU8 = AtomicU8::new(0);

unsafe extern "C" fn forget_after_fork() {
    CACHED.store(0, Relaxed);
}

/// The owner word of the calling process (never 0).
#[inline(always)]
pub(crate) fn current() -> u32 {
    let w = CACHED.load(Relaxed);
    if w != 0 { w } else { current_slow() }
}

#[cold]
#[inline(never)]
fn current_slow() -> u32 {
    if ATFORK.compare_exchange(0, 1, AcqRel, Acquire).is_ok() {
        // SAFETY: registers a handler that only stores to an atomic.
        unsafe { libc::pthread_atfork(None, None, Some(forget_after_fork)) };
        ATFORK.store(2, Release);
    }
    // SAFETY: getpid has no preconditions.
    let pid = unsafe { libc::getpid() } as u32;
    debug_assert!(pid != 0 && pid <= PID_MASK);
    match read_stat(pid) {
        StatRead::Found { start, .. } => {
            let w = make_word(pid, token_from_start(start));
            // Only cache once the fork handler is in place, so a child never inherits our word.
            if ATFORK.load(Acquire) == 2 {
                CACHED.store(w, Relaxed);
            }
            w
        }
        // Could not read our own start time (no /proc, out of descriptors...): use the "unknown"
        // token and try again next time.
        _ => make_word(pid, 0),
    }
}

enum StatRead {
    Found { state: u8, start: u64 },
    /// The file does not exist (the process is gone, or /proc is not mounted).
    Missing,
    /// Some other failure; nothing can be concluded.
    Failed,
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Writes `/proc/<pid>/stat\0` into `buf` and returns it as a C string pointer.
fn stat_path(pid: u32, buf: &mut [u8; 32]) -> *const libc::c_char {
    let mut digits = [0u8; 10];
    let mut n = 0;
    let mut p = pid;
    loop {
        digits[n] = b'0' + (p % 10) as u8;
        n += 1;
        p /= 10;
        if p == 0 {
            break;
        }
    }
    let mut i = 0;
    for &b in b"/proc/" {
        buf[i] = b;
        i += 1;
    }
    while n > 0 {
        n -= 1;
        buf[i] = digits[n];
        i += 1;
    }
    for &b in b"/stat\0" {
        buf[i] = b;
        i += 1;
    }
    buf.as_ptr().cast()
}

/// Reads the state letter and the start time of `pid` from `/proc/<pid>/stat`.
fn read_stat(pid: u32) -> StatRead {
    let mut path = [0u8; 32];
    let cpath = stat_path(pid, &mut path);
    // SAFETY: cpath points at a NUL-terminated string inside `path`.
    let fd = unsafe { libc::open(cpath, libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd < 0 {
        return match errno() {
            libc::ENOENT | libc::ESRCH => StatRead::Missing,
            _ => StatRead::Failed,
        };
    }
    let mut buf = [0u8; 1024];
    let mut len = 0usize;
    while len < buf.len() {
        // SAFETY: reading into the unused tail of `buf`.
        let r = unsafe { libc::read(fd, buf[len..].as_mut_ptr().cast(), buf.len() - len) };
        if r > 0 {
            len += r as usize;
        } else if r == 0 || errno() != libc::EINTR {
            break;
        }
    }
    // SAFETY: fd was opened above.
    unsafe { libc::close(fd) };
    parse_stat(&buf[..len]).map_or(StatRead::Failed, |(state, start)| StatRead::Found { state, start })
}

/// Parses `pid (comm) S ppid ... starttime ...`. The command name may contain spaces and
/// parentheses, so fields are counted from the last `)`.
fn parse_stat(text: &[u8]) -> Option<(u8, u64)> {
    let close = text.iter().rposition(|&b| b == b')')?;
    let rest = text.get(close + 2..)?;
    let mut fields = rest.split(|&b| b == b' ').filter(|f| !f.is_empty());
    let state = *fields.next()?.first()?;
    // After the state (field 3) come fields 4..; the start time is field 22.
    let start = fields.nth(18)?;
    let mut v: u64 = 0;
    for &d in start {
        if !d.is_ascii_digit() {
            break;
        }
        v = v.wrapping_mul(10).wrapping_add((d - b'0') as u64);
    }
    Some((state, v))
}

/// Whether `/proc/self/stat` can be read in this environment (probed once).
fn proc_available() -> bool {
    match PROC_OK.load(Relaxed) {
        1 => true,
        2 => false,
        _ => {
            // SAFETY: getpid has no preconditions.
            let ok = matches!(read_stat(unsafe { libc::getpid() } as u32), StatRead::Found { .. });
            PROC_OK.store(if ok { 1 } else { 2 }, Relaxed);
            ok
        }
    }
}

/// True when the process named by `word` can no longer release its lock: it does not exist, it
/// is a zombie, or its pid now belongs to a process with another start time. False when it is (or
/// might be) alive; a live holder, however slow or stopped, is never reported dead.
pub(crate) fn is_dead(word: u32) -> bool {
    let pid = pid_of(word);
    if pid == 0 {
        // Not a word any process writes: nobody can ever release it.
        return true;
    }
    // SAFETY: signal 0 only checks for existence.
    if unsafe { libc::kill(pid as libc::pid_t, 0) } != 0 && errno() == libc::ESRCH {
        return true;
    }
    match read_stat(pid) {
        StatRead::Found { state, start } => {
            if matches!(state, b'Z' | b'X' | b'x') {
                return true;
            }
            let token = token_of(word);
            token != 0 && token != token_from_start(start)
        }
        // The pid vanished between kill() and open(), unless /proc is not there at all.
        StatRead::Missing => proc_available(),
        StatRead::Failed => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_stat_lines_with_odd_command_names() {
        let line = b"1234 (a) b (c)) R 1 1234 1234 0 -1 4194304 100 0 0 0 5 6 0 0 20 0 1 0 987654 1000 100";
        assert_eq!(parse_stat(line), Some((b'R', 987654)));
        assert_eq!(parse_stat(b"garbage"), None);
    }

    #[test]
    fn own_word_is_alive_and_stable() {
        let w = current();
        assert_ne!(w, 0);
        assert_eq!(pid_of(w), std::process::id());
        assert_ne!(token_of(w), 0, "start token should be readable from /proc");
        assert_eq!(current(), w);
        assert!(!is_dead(w));
        // Same pid, wrong start token: a recycled pid, so the holder is gone.
        let other = make_word(pid_of(w), if token_of(w) == 1 { 2 } else { 1 });
        assert!(is_dead(other));
        // Unknown token: judged by pid only.
        assert!(!is_dead(make_word(pid_of(w), 0)));
        assert!(is_dead(0));
    }
}
