//! Who holds a lock, whether that process is provably dead, and which namespaces the answer is
//! valid in.
//!
//! # The owner word
//!
//! Every lock in the mapping stores a 32-bit *owner word* naming the process that holds it
//! (0 = free):
//!
//! * bits 0..22: the pid. Linux never hands out a pid at or above 2^22 (`PID_MAX_LIMIT` on 64-bit
//!   kernels), so it always fits;
//! * bits 22..32: a 10-bit *start token* derived from the process start time
//!   (`/proc/self/stat` field 22, clock ticks since boot), in 1..=1023. 0 means "unknown" (no
//!   usable `/proc`) and is never compared.
//!
//! A pid and a start time only mean something inside one PID namespace (numbering) and one time
//! namespace (`/proc` shows start times shifted by the *reader's* boot-time offset). So the
//! table records its creator's two namespaces in its header, and a process in any other one is
//! refused every operation ([`super::TableError::ForeignNamespace`]) before it can take a lock.
//! Namespaces are identified by `st_dev`/`st_ino` of `/proc/self/ns/{pid,time}`; a process never
//! changes its own PID or time namespace (`unshare`/`setns` only affect its future children), so
//! reading them once per process is enough. Without `/proc` (a chroot), a pidfd of the process
//! itself hands out the same namespace inodes (`PIDFD_GET_PID_NAMESPACE`, Linux 6.11). Where
//! neither works the identity is "unknown" (all zero). Unknown only matches unknown: a process
//! that knows its namespaces refuses a table whose creator did not, and the other way round,
//! because one side could not prove they share a numbering. Two processes that both cannot tell
//! (no `/proc` on a kernel before 6.11) are let through: refusing would make the table unusable
//! in a plain chroot there, and splitting a PID namespace takes CAP_SYS_ADMIN (in some user
//! namespace), which such a sandbox rarely grants. That is the one case this file trusts rather
//! than proves. No time namespace (`ns/time` missing while `ns/pid` is there) means the kernel
//! predates them (5.6), so everybody is in the same, only, one.
//!
//! # When a holder is dead: the liveness rule
//!
//! A waiter takes a lock over only on *proof* that the holder can never release it. Not seeing
//! the holder is not proof. [`is_dead`] answers "dead" in exactly these cases, tried in order:
//!
//! 1. `kill(pid, 0)` fails with `ESRCH`: no process has that pid in our namespace, which is the
//!    holder's. `EPERM` means the process exists and belongs to someone else (a root master seen
//!    from a worker that dropped privileges): alive.
//! 2. `pidfd_open(pid)` gives a descriptor that polls readable. The kernel makes a pidfd readable
//!    only once the whole thread group has exited, so this catches a killed, unreaped zombie, but
//!    not a process whose main thread called `pthread_exit` while other threads still run (its
//!    state in `/proc` is `Z` too, yet one of those threads may hold the lock). `pidfd_open`
//!    failing with `ESRCH` means the pid was freed since step 1: also dead. A readable pidfd of a
//!    *later* process that reused the pid proves the holder dead as well (it had to be reaped
//!    first). `pidfd_open` needs no permission over the target, so this works under hidepid too.
//! 3. `/proc/<pid>/stat` is visible and its start token differs from the word's: the pid now
//!    belongs to another process, so the holder was reaped. Only used when `/proc` numbers
//!    processes the way `kill` does (the mount belongs to our own PID namespace, checked through
//!    the `NSpid` line of `/proc/self/status`): a container that kept the host's `/proc` would
//!    otherwise compare unrelated processes.
//! 4. Only where `pidfd_open` is unavailable (kernel before 5.3, or a seccomp filter): the state in
//!    `/proc/<pid>/stat` is `Z`/`X` *and* its thread count (field 20, read in the same line) is 1.
//!    A zombie leader whose other threads still run counts them; a zombie whose group is gone
//!    counts only itself.
//!
//! Everything else (the entry is hidden by `hidepid`, `/proc` is missing or foreign, a read fails)
//! means "no proof yet": the waiter keeps waiting and asks again on its next round, when a reaped
//! holder gives `ESRCH`. The price is liveness in corner cases, never safety: under hidepid, or
//! without `/proc`, a dead holder whose pid was already reused by a process the waiter cannot
//! inspect is waited for until that process ends, and without pidfds a zombie the waiter cannot
//! see is waited for until its parent reaps it. A same-token reuse (one chance in 1023) also
//! just waits. A dead holder in the ordinary shapes (reaped, or killed and still a zombie) is
//! recovered at the first check.
//!
//! # Caching the word of this process
//!
//! The word (and the namespace identity, and whether `/proc` is usable) is computed once per
//! process and cached in a page of its own that is marked `MADV_WIPEONFORK`: the kernel hands any
//! child that does not share our memory a zeroed copy, so even a child made by a raw `clone`
//! system call, which runs no `pthread_atfork` handler, computes its own word instead of signing
//! locks with its parent's. A `pthread_atfork` handler clears the cache as well. Where the advice
//! is refused (kernels before 4.14), the fast path never hits and every call compares the cached
//! pid with `getpid()` instead. Processes that share our memory without being threads
//! (`clone(CLONE_VM)` without `CLONE_THREAD`, `vfork`) are not supported: they share the cache,
//! and they may do nothing but `exec` anyway. The fast path of [`current`] is one relaxed load.
//!
//! Nothing here allocates, so it is safe in a child forked from a multi-threaded parent.

use std::sync::atomic::{AtomicBool, AtomicU8, AtomicU32, AtomicU64, Ordering::*};
use super::sys::{Fd, errno, stat_fd, stat_path};

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

/// Identity of a process's PID and time namespaces: `st_dev`, `st_ino` of `/proc/self/ns/pid`,
/// then of `/proc/self/ns/time`. All zero = unknown (no `/proc`).
pub(crate) type Namespaces = [u64; 4];

/// What this process caches about itself. Alone on its page, which is wiped in children.
#[repr(C, align(4096))]
struct ProcessCache {
    /// The owner word, set only when the page is wiped on fork (then it is the fast path), and
    /// only after every field below is valid.
    word: AtomicU32,
    /// The pid the fields below were computed for (0 = not yet in this process).
    pid: AtomicU32,
    /// The owner word computed for `pid`.
    slow_word: AtomicU32,
    /// 1 when `/proc/<n>` names processes the way `kill(n)` does (our own PID namespace).
    proc_ok: AtomicU32,
    ns: [AtomicU64; 4],
}

static CACHE: ProcessCache = ProcessCache {
    word: AtomicU32::new(0),
    pid: AtomicU32::new(0),
    slow_word: AtomicU32::new(0),
    proc_ok: AtomicU32::new(0),
    ns: [AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0), AtomicU64::new(0)],
};

const SETUP_NONE: u8 = 0;
const SETUP_BUSY: u8 = 1;
/// The cache page is wiped in children: the fast path may be used.
const SETUP_WIPES: u8 = 2;
/// It is not: every lookup checks the cached pid against `getpid()`.
const SETUP_CHECK_PID: u8 = 3;
/// Inherited by children on purpose: the wipe-on-fork mark of the page is inherited too.
static SETUP: AtomicU8 = AtomicU8::new(SETUP_NONE);

/// Set once `pidfd_open` turned out not to exist on this kernel.
static NO_PIDFD: AtomicBool = AtomicBool::new(false);
#[cfg(test)]
static TEST_NO_PIDFD: AtomicBool = AtomicBool::new(false);

unsafe extern "C" fn forget_after_fork() {
    CACHE.word.store(0, Relaxed);
    CACHE.pid.store(0, Relaxed);
}

/// Registers the fork handler and marks the cache page, once per process tree.
fn setup() {
    if SETUP.compare_exchange(SETUP_NONE, SETUP_BUSY, AcqRel, Acquire).is_err() {
        // Done, or being done by another thread (which only makes us skip the fast path now).
        return;
    }
    // SAFETY: registers a handler that only stores to atomics.
    unsafe { libc::pthread_atfork(None, None, Some(forget_after_fork)) };
    let page = &CACHE as *const ProcessCache as *mut libc::c_void;
    // SAFETY: CACHE is page-aligned, exactly one page long and holds nothing but the cache, so
    // wiping it in a child loses nothing the child needs. An unaligned page or a kernel without
    // the advice makes madvise fail, and we fall back to comparing pids.
    let wipes = unsafe { libc::madvise(page, std::mem::size_of::<ProcessCache>(), libc::MADV_WIPEONFORK) } == 0;
    SETUP.store(if wipes { SETUP_WIPES } else { SETUP_CHECK_PID }, Release);
}

/// The owner word of the calling process (never 0).
#[inline(always)]
pub(crate) fn current() -> u32 {
    let w = CACHE.word.load(Relaxed);
    if w != 0 { w } else { current_slow() }
}

#[cold]
#[inline(never)]
fn current_slow() -> u32 {
    identity().word
}

/// Everything cached about this process.
#[derive(Clone, Copy)]
struct Identity {
    word: u32,
    proc_ok: bool,
    ns: Namespaces,
}

fn load_cached() -> Identity {
    Identity {
        word: CACHE.slow_word.load(Relaxed),
        proc_ok: CACHE.proc_ok.load(Relaxed) == 1,
        ns: [0, 1, 2, 3].map(|i| CACHE.ns[i].load(Relaxed)),
    }
}

/// This process's identity, from the cache when it is valid here, computed otherwise.
#[cold]
fn identity() -> Identity {
    setup();
    // SAFETY: getpid has no preconditions (glibc does not cache it).
    let pid = unsafe { libc::getpid() } as u32;
    debug_assert!(pid != 0 && pid <= PID_MASK);
    if CACHE.pid.load(Acquire) == pid {
        return load_cached();
    }
    let (id, lasting) = compute(pid);
    if lasting {
        for (cell, v) in CACHE.ns.iter().zip(id.ns) {
            cell.store(v, Relaxed);
        }
        CACHE.proc_ok.store(id.proc_ok as u32, Relaxed);
        CACHE.slow_word.store(id.word, Relaxed);
        CACHE.pid.store(pid, Release);
        if SETUP.load(Acquire) == SETUP_WIPES {
            CACHE.word.store(id.word, Release);
        }
    }
    id
}

/// Works out this process's identity. The flag says whether the answer will hold for the life of
/// the process (false after a failure that may pass, such as running out of descriptors).
fn compute(pid: u32) -> (Identity, bool) {
    let (ns, ns_lasting) = read_namespaces();
    let (proc_ok, proc_lasting) = proc_is_ours(pid);
    let mut lasting = ns_lasting && proc_lasting;
    let mut token = 0;
    if proc_ok {
        match read_stat(c"/proc/self/stat".as_ptr()) {
            StatRead::Found { start, .. } => token = token_from_start(start),
            _ => lasting = false,
        }
    }
    (Identity { word: make_word(pid, token), proc_ok, ns }, lasting)
}

/// This process's identity: a few relaxed loads once the cache is valid here.
#[inline(always)]
fn me() -> Identity {
    if CACHE.word.load(Acquire) != 0 { load_cached() } else { identity() }
}

/// The namespaces of this process (for a new table's header).
pub(crate) fn namespaces() -> Namespaces {
    me().ns
}

/// Whether this process is in the namespaces a table's creator recorded (see the top of this
/// file).
#[inline(always)]
pub(crate) fn in_namespaces(creator: &Namespaces) -> bool {
    if CACHE.word.load(Acquire) == 0 {
        return identity().ns == *creator;
    }
    // Word by word: gathering the four loads into an array and comparing arrays made the
    // compiler store four words and read them back as two 16-byte vectors, a store-forwarding
    // stall on every keyed operation.
    CACHE.ns.iter().zip(creator).all(|(c, &w)| c.load(Relaxed) == w)
}

/// `st_dev`, `st_ino` of a namespace link, or the errno.
fn ns_id(path: &std::ffi::CStr) -> Result<(u64, u64), i32> {
    stat_path(path).map(|st| (st.dev, st.ino))
}

/// This process's namespace identity, and whether the answer is final.
fn read_namespaces() -> (Namespaces, bool) {
    let unknown = [0; 4];
    let (pd, pi) = match ns_id(c"/proc/self/ns/pid") {
        Ok(v) => v,
        // No /proc (or one where we are invisible): ask a pidfd of ourselves instead.
        Err(libc::ENOENT) => return namespaces_via_pidfd(),
        Err(_) => return (unknown, false),
    };
    match ns_id(c"/proc/self/ns/time") {
        Ok((td, ti)) => ([pd, pi, td, ti], true),
        // The kernel has no time namespaces (before 5.6): there is only one.
        Err(libc::ENOENT) => ([pd, pi, 0, 0], true),
        Err(_) => (unknown, false),
    }
}

/// `ioctl` requests on a pidfd (Linux 6.11) that return a descriptor of the process's PID or
/// time namespace: `_IO(0xFF, 5)` and `_IO(0xFF, 7)`.
const PIDFD_GET_PID_NAMESPACE: libc::c_ulong = 0xFF05;
const PIDFD_GET_TIME_NAMESPACE: libc::c_ulong = 0xFF07;

/// `st_dev`, `st_ino` of the namespace a pidfd `ioctl` hands out, or the errno.
fn ns_id_from_pidfd(pidfd: libc::c_int, request: libc::c_ulong) -> Result<(u64, u64), i32> {
    // SAFETY: the request takes no argument and returns a new descriptor or -1.
    let fd = unsafe { libc::ioctl(pidfd, request as _, 0) };
    if fd < 0 {
        return Err(errno());
    }
    let fd = Fd(fd);
    stat_fd(fd.0).map(|st| (st.dev, st.ino))
}

/// The namespace identity without `/proc`, from a pidfd of this process. Both ways name the same
/// nsfs inodes, so identities read either way compare equal. Kernels before 6.11 do not know the
/// requests (`ENOTTY`): then the identity stays unknown.
fn namespaces_via_pidfd() -> (Namespaces, bool) {
    let unknown = [0; 4];
    // SAFETY: getpid has no preconditions; pidfd_open(pid, 0) returns a new descriptor or -1.
    let pidfd = unsafe { libc::syscall(libc::SYS_pidfd_open, libc::getpid() as libc::c_long, 0 as libc::c_long) };
    if pidfd < 0 {
        return (unknown, matches!(errno(), libc::ENOSYS | libc::EPERM));
    }
    let pidfd = pidfd as libc::c_int;
    let pid = ns_id_from_pidfd(pidfd, PIDFD_GET_PID_NAMESPACE);
    let time = ns_id_from_pidfd(pidfd, PIDFD_GET_TIME_NAMESPACE);
    // SAFETY: pidfd was opened above.
    unsafe { libc::close(pidfd) };
    match (pid, time) {
        (Ok((pd, pi)), Ok((td, ti))) => ([pd, pi, td, ti], true),
        // No time namespaces in this kernel, as with /proc/self/ns/time missing.
        (Ok((pd, pi)), Err(libc::EOPNOTSUPP)) => ([pd, pi, 0, 0], true),
        (Err(libc::ENOTTY | libc::EINVAL), _) => (unknown, true),
        _ => (unknown, false),
    }
}

/// Reads a small `/proc` file into `buf`; returns the length, or the errno of `open`.
fn read_file(path: *const libc::c_char, buf: &mut [u8]) -> Result<usize, i32> {
    // SAFETY: `path` is NUL-terminated (callers pass C string literals or `pid_path`).
    let fd = unsafe { libc::open(path, libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd < 0 {
        return Err(errno());
    }
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
    Ok(len)
}

/// Whether `/proc` numbers processes in our own PID namespace, and whether that answer is final.
/// The `NSpid` line lists a process's pid in every namespace from the one `/proc` was mounted
/// for down to its own: exactly one entry, equal to `getpid()`, means they are the same.
/// (Kernels before 4.1 have no `NSpid`; there the `Pid` line must equal `getpid()`.)
fn proc_is_ours(pid: u32) -> (bool, bool) {
    // Large enough for the lines before NSpid even with a long supplementary group list.
    let mut buf = [0u8; 16384];
    let len = match read_file(c"/proc/self/status".as_ptr(), &mut buf) {
        Ok(n) => n,
        Err(libc::ENOENT) => return (false, true),
        Err(_) => return (false, false),
    };
    let text = &buf[..len];
    if let Some(v) = status_field(text, b"NSpid:") {
        let mut nums = v.split(|&b| b == b' ' || b == b'\t').filter(|f| !f.is_empty());
        let first = nums.next().map(parse_num);
        return (first == Some(pid as u64) && nums.next().is_none(), true);
    }
    if len == buf.len() {
        // Cut off before NSpid: no answer, ask again later.
        return (false, false);
    }
    (status_field(text, b"Pid:").map(|v| parse_num(trim(v))) == Some(pid as u64), true)
}

/// The value of the `name` line of a `/proc/<pid>/status` text (without the name).
fn status_field<'a>(text: &'a [u8], name: &[u8]) -> Option<&'a [u8]> {
    text.split(|&b| b == b'\n').find_map(|line| line.strip_prefix(name))
}

fn trim(v: &[u8]) -> &[u8] {
    let start = v.iter().position(|b| !b.is_ascii_whitespace()).unwrap_or(v.len());
    &v[start..]
}

/// Leading decimal digits of `v` as a number.
fn parse_num(v: &[u8]) -> u64 {
    let mut n: u64 = 0;
    for &d in v {
        if !d.is_ascii_digit() {
            break;
        }
        n = n.wrapping_mul(10).wrapping_add((d - b'0') as u64);
    }
    n
}

enum StatRead {
    /// State letter, start time, number of threads.
    Found { state: u8, start: u64, threads: u64 },
    /// Not there, hidden, unreadable or unparsable: nothing can be concluded.
    Unknown,
}

/// Writes `/proc/<pid>/<file>\0` into `buf` and returns it as a C string pointer.
fn pid_path(pid: u32, file: &[u8], buf: &mut [u8; 40]) -> *const libc::c_char {
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
    for &b in file {
        buf[i] = b;
        i += 1;
    }
    buf[i] = 0;
    buf.as_ptr().cast()
}

/// Reads the state letter, the start time and the thread count from a `stat` file.
fn read_stat(path: *const libc::c_char) -> StatRead {
    let mut buf = [0u8; 1024];
    match read_file(path, &mut buf) {
        Ok(len) => parse_stat(&buf[..len])
            .map_or(StatRead::Unknown, |(state, start, threads)| StatRead::Found { state, start, threads }),
        Err(_) => StatRead::Unknown,
    }
}

/// Parses `pid (comm) S ppid ... num_threads itrealvalue starttime ...` (fields 3, 20 and 22).
/// The command name may contain spaces and parentheses, so fields are counted from the last `)`.
fn parse_stat(text: &[u8]) -> Option<(u8, u64, u64)> {
    let close = text.iter().rposition(|&b| b == b')')?;
    let rest = text.get(close + 2..)?;
    let mut fields = rest.split(|&b| b == b' ').filter(|f| !f.is_empty());
    let state = *fields.next()?.first()?;
    // After the state (field 3) come fields 4..: skip to 20, then 22.
    let threads = parse_num(fields.nth(16)?);
    let start = parse_num(fields.nth(1)?);
    Some((state, start, threads))
}

/// What a pidfd says about the process that has `pid` now.
enum Pidfd {
    /// Its whole thread group has exited.
    Exited,
    /// No process has the pid any more.
    Gone,
    /// It still has a running thread.
    Running,
    /// No answer (no `pidfd_open` here, not a thread-group leader, out of descriptors...).
    Unavailable,
}

fn pidfd_state(pid: u32) -> Pidfd {
    #[cfg(test)]
    if TEST_NO_PIDFD.load(Relaxed) {
        return Pidfd::Unavailable;
    }
    if NO_PIDFD.load(Relaxed) {
        return Pidfd::Unavailable;
    }
    // SAFETY: pidfd_open(pid, 0) has no memory arguments; the result is a new descriptor or -1.
    let fd = unsafe { libc::syscall(libc::SYS_pidfd_open, pid as libc::c_long, 0 as libc::c_long) };
    if fd < 0 {
        return match errno() {
            libc::ESRCH => Pidfd::Gone,
            libc::ENOSYS => {
                NO_PIDFD.store(true, Relaxed);
                Pidfd::Unavailable
            }
            _ => Pidfd::Unavailable,
        };
    }
    let fd = fd as libc::c_int;
    let mut pfd = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd, zero timeout.
    let r = unsafe { libc::poll(&mut pfd, 1, 0) };
    // SAFETY: fd was opened above.
    unsafe { libc::close(fd) };
    if r == 1 && pfd.revents & libc::POLLIN != 0 { Pidfd::Exited } else { Pidfd::Running }
}

/// True only on proof that the process named by `word` can never release its lock (the rule at
/// the top of this file). A live holder, however slow, stopped, hidden or unsignalable, and a
/// process whose main thread exited while others run, is never reported dead.
pub(crate) fn is_dead(word: u32) -> bool {
    let pid = pid_of(word);
    if pid == 0 {
        // Not a word any process writes: nobody can ever release it.
        return true;
    }
    // 1. Does anything have this pid? EPERM: yes, someone we may not signal.
    // SAFETY: signal 0 only checks for existence.
    if unsafe { libc::kill(pid as libc::pid_t, 0) } != 0 {
        match errno() {
            libc::ESRCH => return true,
            libc::EPERM => {}
            _ => return false,
        }
    }
    // 2. Has its whole thread group exited?
    let have_pidfd = match pidfd_state(pid) {
        Pidfd::Exited | Pidfd::Gone => return true,
        Pidfd::Running => true,
        Pidfd::Unavailable => false,
    };
    if !me().proc_ok {
        return false;
    }
    let mut path = [0u8; 40];
    match read_stat(pid_path(pid, b"/stat", &mut path)) {
        StatRead::Found { state, start, threads } => {
            // 3. Another process has the pid now.
            let token = token_of(word);
            if token != 0 && token != token_from_start(start) {
                return true;
            }
            // 4. No pidfd: a zombie counts only when no thread of it is left.
            !have_pidfd && matches!(state, b'Z' | b'X' | b'x') && threads == 1
        }
        StatRead::Unknown => false,
    }
}

/// Test hook: whether this kernel can tell a process its namespaces only through `/proc`.
#[cfg(test)]
pub(crate) fn namespaces_need_proc() -> bool {
    namespaces_via_pidfd().0 == [0; 4]
}

/// Test hook: pretend `pidfd_open` does not exist (exercises the `/proc` fallback).
#[cfg(test)]
pub(crate) fn test_disable_pidfd(off: bool) {
    TEST_NO_PIDFD.store(off, SeqCst);
}

/// Test hook: the thread count of a process, from `/proc/<pid>/stat`.
#[cfg(test)]
pub(crate) fn test_threads(pid: u32) -> Option<u64> {
    let mut path = [0u8; 40];
    match read_stat(pid_path(pid, b"/stat", &mut path)) {
        StatRead::Found { threads, .. } => Some(threads),
        StatRead::Unknown => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_stat_lines_with_odd_command_names() {
        let line = b"1234 (a) b (c)) R 1 1234 1234 0 -1 4194304 100 0 0 0 5 6 0 0 20 0 3 0 987654 1000 100";
        assert_eq!(parse_stat(line), Some((b'R', 987654, 3)));
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

    #[test]
    fn cache_page_is_wiped_in_children_here() {
        let _ = current();
        assert_eq!(SETUP.load(SeqCst), SETUP_WIPES, "MADV_WIPEONFORK refused (kernel before 4.14?)");
        let ns = namespaces();
        assert_ne!(ns[..2], [0, 0], "/proc/self/ns/pid should be readable here");
    }

    /// Exit status of a child, or 1000 + signal.
    fn wait_child(pid: libc::pid_t) -> i32 {
        let mut status = 0;
        // SAFETY: waiting for our own child.
        assert_eq!(unsafe { libc::waitpid(pid, &mut status, 0) }, pid);
        if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { 1000 + libc::WTERMSIG(status) }
    }

    #[test]
    fn without_wipe_on_fork_a_raw_clone_child_still_computes_its_own_word() {
        // The fallback for kernels that refuse MADV_WIPEONFORK: simulated in a child that takes
        // the mark off its cache page. The fast path must stay off there, and a raw clone of it
        // (no fork handlers, an unwiped copy of the cache) must notice the pid changed.
        // SAFETY: the child only uses atomics, system calls and _exit.
        let child = unsafe { libc::fork() };
        if child == 0 {
            let code = (|| {
                let page = &CACHE as *const ProcessCache as *mut libc::c_void;
                // SAFETY: advice on our own page-aligned cache page.
                if unsafe { libc::madvise(page, std::mem::size_of::<ProcessCache>(), libc::MADV_KEEPONFORK) } != 0 {
                    return 2;
                }
                SETUP.store(SETUP_CHECK_PID, SeqCst);
                CACHE.word.store(0, SeqCst);
                let mine = current();
                if CACHE.word.load(SeqCst) != 0 || CACHE.pid.load(SeqCst) == 0 {
                    return 3;
                }
                // SAFETY: getpid has no preconditions.
                if current() != mine || pid_of(mine) != unsafe { libc::getpid() } as u32 {
                    return 4;
                }
                // SAFETY: a fork-like clone; the grandchild only computes and exits.
                let g = unsafe { libc::syscall(libc::SYS_clone, libc::SIGCHLD as libc::c_long, 0usize, 0usize, 0usize, 0usize) };
                if g == 0 {
                    let w = current();
                    // SAFETY: raw getpid (glibc's thread data is the parent's here), then _exit.
                    let ok = w != mine && pid_of(w) == unsafe { libc::syscall(libc::SYS_getpid) } as u32;
                    unsafe { libc::_exit(if ok { 0 } else { 5 }) };
                }
                if g < 0 { 6 } else { wait_child(g as libc::pid_t) }
            })();
            // SAFETY: leave the forked test process at once.
            unsafe { libc::_exit(code) };
        }
        assert_eq!(wait_child(child), 0, "2/3/4 = fallback setup or cache, 5 = the clone used its parent's word");
    }

    #[test]
    fn namespaces_read_through_a_pidfd_match_proc() {
        let (from_proc, lasting) = read_namespaces();
        assert!(lasting);
        let (from_pidfd, _) = namespaces_via_pidfd();
        if from_pidfd == [0; 4] {
            eprintln!("skipped: this kernel cannot give a pidfd's namespaces (before 6.11)");
            return;
        }
        assert_eq!(from_pidfd, from_proc);
    }

    #[test]
    fn own_proc_is_recognised() {
        // SAFETY: getpid has no preconditions.
        let pid = unsafe { libc::getpid() } as u32;
        assert_eq!(proc_is_ours(pid), (true, true));
        assert!(!proc_is_ours(pid + 1).0);
        assert_eq!(status_field(b"Name:\tx\nPid:\t 42\n", b"Pid:").map(|v| parse_num(trim(v))), Some(42));
    }
}
