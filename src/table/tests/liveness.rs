//! A lock is taken over only on proof that its holder is dead. These tests build the situations
//! where "I cannot see the holder" or "the holder looks odd" is not death: a holder whose main
//! thread has exited while another thread still holds the lock, a child made by a raw `clone`
//! (no fork handlers), waiters in another PID or time namespace, and a waiter that `/proc` hides
//! the holder from (`hidepid=2`) and that may not signal it. The namespace and hidepid tests need
//! root (CAP_SYS_ADMIN) and report themselves skipped without it.

use std::sync::atomic::AtomicU64;
use std::sync::atomic::Ordering::SeqCst;
use std::time::Duration;

use super::support::*;
use crate::table::lock::CHECK_SINK;
use crate::table::owner;
use crate::table::{Table, TableError, Value};

const READY: Duration = Duration::from_secs(10);
/// Liveness checks a waiter must have made (and survived without robbing) before the holder lets go.
const CHECKS: u64 = 4;

/// Starts a thread with `pthread_create` running `f`, which must not return (it ends the process
/// or the thread itself). Nothing is allocated; `f` must stay in place while the thread runs.
fn raw_thread<F: FnMut()>(f: &mut F) {
    extern "C" fn start<F: FnMut()>(p: *mut libc::c_void) -> *mut libc::c_void {
        // SAFETY: `p` is the `&mut F` passed below, still alive (see raw_thread's contract).
        unsafe { (*(p as *mut F))() };
        std::ptr::null_mut()
    }
    let mut tid: libc::pthread_t = 0;
    // SAFETY: valid start routine and argument; default attributes.
    let r = unsafe { libc::pthread_create(&mut tid, std::ptr::null(), start::<F>, f as *mut F as *mut libc::c_void) };
    assert_eq!(r, 0, "pthread_create failed");
}

/// Ends the calling thread only (the raw `exit` system call, what `pthread_exit` does in the
/// end), leaving the other threads of the process running.
fn exit_this_thread() -> ! {
    // SAFETY: ends this thread without unwinding; nothing of ours is left half-done.
    unsafe { libc::syscall(libc::SYS_exit, 0) };
    unreachable!()
}

/// A forked child of a forked child: no `getppid` check (it may be 0 across a PID namespace), but
/// killed with its parent.
fn fork_inner(f: impl FnOnce() -> i32) -> libc::pid_t {
    // SAFETY: the child only runs `f` (allocation-free) and `_exit`s.
    match unsafe { libc::fork() } {
        0 => {
            // SAFETY: plain prctl, then _exit with f's result.
            unsafe {
                libc::prctl(libc::PR_SET_PDEATHSIG, libc::SIGKILL);
                libc::_exit(f())
            }
        }
        -1 => -1,
        pid => pid,
    }
}

fn wait_code(pid: libc::pid_t) -> i32 {
    let mut status = 0;
    // SAFETY: waiting for our own child.
    if unsafe { libc::waitpid(pid, &mut status, 0) } != pid {
        return 98;
    }
    if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { 1000 + libc::WTERMSIG(status) }
}

fn errno() -> i32 {
    std::io::Error::last_os_error().raw_os_error().unwrap_or(0)
}

/// Exit code of an intermediate child that could not build its situation (no privileges).
const SKIP: i32 = 50;

fn skipped(code: Option<i32>, what: &str) -> bool {
    if code == Some(SKIP) {
        eprintln!("skipped: {what} needs root (CAP_SYS_ADMIN) and a kernel that allows it");
        return true;
    }
    false
}

/// Waits for the child `pid`'s main thread to be gone while the process lives on: state `Z`.
fn wait_for_leader_exit(pid: libc::pid_t) {
    assert!(wait_until(READY, || proc_state(pid) == Some(b'Z')), "main thread of {pid} did not exit");
}

/// Forks a child whose second thread takes `key`'s bucket lock and whose main thread then exits.
/// The holding thread releases the lock when `flags[1]` becomes 1, records in `flags[2]` whether
/// the lock word was still its own (1 = robbed), and ends the process with 0. `flags[0]` is set
/// once the lock is held.
fn holder_with_exited_leader(t: &Table, key: &[u8], flags: &Shared) -> libc::pid_t {
    let pid = fork(|| {
        let mut holder = || {
            let me = owner::current();
            t.test_hold_bucket(key);
            flags.at(0).store(1, SeqCst);
            while flags.at(1).load(SeqCst) == 0 {
                sleep_us(1000);
            }
            let robbed = t.test_lock_owners(key).0 != me;
            flags.at(2).store(robbed as u64, SeqCst);
            if !robbed {
                t.test_release_bucket(key);
            }
            // SAFETY: the process ends here, with the lock released.
            unsafe { libc::_exit(0) }
        };
        raw_thread(&mut holder);
        while flags.at(0).load(SeqCst) == 0 {
            sleep_us(1000);
        }
        exit_this_thread()
    });
    assert!(wait_until(READY, || flags.at(0).load(SeqCst) == 1), "holder thread never took the lock");
    wait_for_leader_exit(pid);
    pid
}

#[test]
fn holder_whose_main_thread_exited_is_alive() {
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    let flags = Shared::new(4);
    let pid = holder_with_exited_leader(&t, b"victim", &flags);
    let word = t.test_lock_owners(b"victim").0;
    assert_eq!(owner::pid_of(word), pid as u32);
    assert!(!owner::is_dead(word), "a process whose main thread exited but another thread runs was judged dead");

    // A waiter in this process keeps waiting through several liveness checks.
    let checks = AtomicU64::new(0);
    CHECK_SINK.store(&checks as *const AtomicU64 as *mut AtomicU64, SeqCst);
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        let waiter = s.spawn(|| {
            let r = t.incr_int(b"victim", I, 1);
            done.store(true, SeqCst);
            r
        });
        wait_until(READY, || done.load(SeqCst) || checks.load(SeqCst) >= CHECKS);
        flags.at(1).store(1, SeqCst);
        assert_eq!(waiter.join().unwrap(), Ok(2));
    });
    CHECK_SINK.store(std::ptr::null_mut(), SeqCst);
    assert_eq!(wait(pid), 0);
    assert_eq!(flags.at(2).load(SeqCst), 0, "the lock was taken from the live holder thread");
    assert_eq!(t.take_recovered(), None);
    t.check_invariants().unwrap();
}

#[test]
fn holder_whose_threads_all_died_is_recovered_at_once() {
    // Main thread gone first, then the whole process killed: a zombie whose thread group is
    // empty. That is death, and must be recovered like any zombie.
    let _serial = SERIAL.lock();
    for without_pidfd in [false, true] {
        owner::test_disable_pidfd(without_pidfd);
        let t = table(64, 0.2);
        t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
        let flags = Shared::new(4);
        let pid = holder_with_exited_leader(&t, b"victim", &flags);
        let word = t.test_lock_owners(b"victim").0;
        kill(pid, libc::SIGKILL);
        // The zombie stays unreaped until the end of the test; wait for its last thread to go.
        assert!(wait_until(READY, || owner::test_threads(pid as u32) == Some(1)), "threads did not exit");
        assert!(owner::is_dead(word), "zombie with no threads left judged alive (without pidfd: {without_pidfd})");
        let code = run_with_timeout(Duration::from_secs(5), || {
            if t.incr_int(b"victim", I, 1) != Ok(2) {
                return 1;
            }
            if t.take_recovered() != Some(pid as u32) { 2 } else { 0 }
        });
        assert_eq!(code, Some(0), "without pidfd: {without_pidfd}");
        assert_eq!(wait(pid), 1000 + libc::SIGKILL);
        t.check_invariants().unwrap();
    }
    owner::test_disable_pidfd(false);
}

#[test]
fn leader_exit_without_pidfd_is_not_death_either() {
    // The /proc fallback used where pidfd_open is missing must not read `Z` alone as death.
    let _serial = SERIAL.lock();
    owner::test_disable_pidfd(true);
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    let flags = Shared::new(4);
    let pid = holder_with_exited_leader(&t, b"victim", &flags);
    let word = t.test_lock_owners(b"victim").0;
    let alive = !owner::is_dead(word);
    owner::test_disable_pidfd(false);
    flags.at(1).store(1, SeqCst);
    assert_eq!(wait(pid), 0);
    assert!(alive, "/proc fallback judged a process with a running thread dead");
}

#[test]
fn child_of_a_raw_clone_uses_its_own_owner_word() {
    // A child made with the clone system call directly runs no pthread_atfork handler; it must
    // still not go on using its parent's cached owner word.
    let _serial = SERIAL.lock();
    let parent = owner::current();
    let out = Shared::new(2);
    // SAFETY: a fork-like clone (no shared memory, new stack copy); the child only does atomics,
    // system calls and _exit.
    let pid = unsafe { libc::syscall(libc::SYS_clone, libc::SIGCHLD as libc::c_long, 0usize, 0usize, 0usize, 0usize) };
    if pid == 0 {
        out.at(0).store(owner::current() as u64, SeqCst);
        // SAFETY: getpid as a raw system call (glibc's cached thread ids are the parent's here).
        out.at(1).store(unsafe { libc::syscall(libc::SYS_getpid) } as u64, SeqCst);
        // SAFETY: leave at once.
        unsafe { libc::_exit(0) };
    }
    assert!(pid > 0, "clone failed");
    assert_eq!(wait(pid as libc::pid_t), 0);
    let word = out.at(0).load(SeqCst) as u32;
    assert_eq!(out.at(1).load(SeqCst), pid as u64);
    assert_ne!(word, parent, "the cloned child used its parent's owner word");
    assert_eq!(owner::pid_of(word), pid as u32);
}

/// Runs, in a child, `enter` (which moves the child's future children into other namespaces,
/// returning false when not permitted), then `waiter` in a grandchild while this process holds
/// `victim`'s bucket lock. Returns the grandchild's exit code, or None when skipped.
fn from_another_namespace(t: &Table, enter: impl FnOnce() -> bool, waiter: impl FnOnce() -> i32) -> Option<i32> {
    t.test_hold_bucket(b"victim");
    let me = owner::current();
    let code = run_with_timeout(Duration::from_secs(5), || {
        if !enter() {
            return SKIP;
        }
        let g = fork_inner(waiter);
        if g < 0 { 97 } else { wait_code(g) }
    });
    let still_mine = t.test_lock_owners(b"victim").0 == me;
    t.test_release_bucket(b"victim");
    assert!(code.is_some(), "the waiter in the other namespace hung");
    assert!(still_mine, "the lock was taken from this live process");
    if code == Some(SKIP) { None } else { code }
}

/// What a waiter in a foreign namespace reports: 0 = refused with ForeignNamespace,
/// 1 = it took the lock (robbed the live holder), 2 = another error.
fn foreign_waiter(t: &Table) -> i32 {
    match t.incr_int(b"victim", I, 1) {
        Ok(_) => 1,
        Err(TableError::ForeignNamespace) => {
            // Every operation refuses, not only the locking ones.
            let refused = t.exists(b"victim") == Err(TableError::ForeignNamespace)
                && t.next_from(0, &mut t.row_buf()) == Err(TableError::ForeignNamespace);
            if refused { 0 } else { 3 }
        }
        Err(_) => 2,
    }
}

#[test]
fn waiter_in_another_pid_namespace_is_refused() {
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    // SAFETY: unshare only affects this (child) process's future children.
    let code = from_another_namespace(&t, || unsafe { libc::unshare(libc::CLONE_NEWPID) } == 0, || foreign_waiter(&t));
    let Some(code) = code else {
        skipped(Some(SKIP), "the PID namespace test");
        return;
    };
    assert_eq!(code, 0, "waiter in a child PID namespace: 1 = robbed the live holder, 2/3 = wrong error");
    assert_eq!(t.get_field(b"victim", I, &mut t.row_buf()), Ok(Value::Int(1)));
}

/// Moves this process's future children into a new time namespace whose boot clock is `secs`
/// seconds ahead, so start times in /proc read differently there.
fn enter_time_namespace(secs: u32) -> bool {
    // SAFETY: unshare only affects this (child) process's future children.
    if unsafe { libc::unshare(libc::CLONE_NEWTIME) } != 0 {
        return false;
    }
    let mut line = *b"boottime 0000000 0\n";
    let mut n = secs;
    for i in (9..16).rev() {
        line[i] = b'0' + (n % 10) as u8;
        n /= 10;
    }
    // SAFETY: NUL-terminated path; the offsets are written before any process enters the namespace.
    unsafe {
        let fd = libc::open(c"/proc/self/timens_offsets".as_ptr(), libc::O_WRONLY | libc::O_CLOEXEC);
        if fd < 0 {
            return false;
        }
        let ok = libc::write(fd, line.as_ptr().cast(), line.len()) == line.len() as isize;
        libc::close(fd);
        ok
    }
}

#[test]
fn waiter_in_another_time_namespace_is_refused() {
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    let code = from_another_namespace(&t, || enter_time_namespace(1000), || foreign_waiter(&t));
    let Some(code) = code else {
        skipped(Some(SKIP), "the time namespace test");
        return;
    };
    assert_eq!(code, 0, "waiter in another time namespace: 1 = robbed the live holder, 2/3 = wrong error");
    assert_eq!(t.get_field(b"victim", I, &mut t.row_buf()), Ok(Value::Int(1)));
}

/// Checks, from an unprivileged process, that `pid` exists but can be neither signalled (EPERM)
/// nor seen in /proc: the situation of a worker under hidepid=2 looking at a root process.
fn unprivileged_view_of(pid: libc::pid_t) -> Result<(), &'static str> {
    // SAFETY: existence check only.
    if unsafe { libc::kill(pid, 0) } == 0 || errno() != libc::EPERM {
        return Err("can signal it");
    }
    // (No leading zeros: /proc does not accept them.)
    let digits = digits(pid as u64);
    let d = digits.as_bytes();
    let mut path = [0u8; 32];
    path[..6].copy_from_slice(b"/proc/");
    path[6..6 + d.len()].copy_from_slice(d);
    path[6 + d.len()..6 + d.len() + 6].copy_from_slice(b"/stat\0");
    // SAFETY: NUL-terminated path; the descriptor is closed if the open succeeds.
    let fd = unsafe { libc::open(path.as_ptr().cast(), libc::O_RDONLY | libc::O_CLOEXEC) };
    if fd >= 0 {
        // SAFETY: fd was just opened.
        unsafe { libc::close(fd) };
        return Err("can see it in /proc");
    }
    Ok(())
}

/// Drops to uid/gid 65534 (nobody).
fn become_nobody() -> bool {
    // SAFETY: changes this (child) process's credentials only.
    unsafe { libc::setgid(65534) == 0 && libc::setuid(65534) == 0 }
}

/// In a private mount namespace, mounts a `/proc` that hides other users' processes.
fn mount_hidepid_proc() -> bool {
    // SAFETY: plain unshare/mount calls with NUL-terminated strings; they only change this
    // process's (new, private) mount namespace.
    unsafe {
        if libc::unshare(libc::CLONE_NEWNS) != 0 {
            return false;
        }
        if libc::mount(std::ptr::null(), c"/".as_ptr(), std::ptr::null(), libc::MS_REC | libc::MS_PRIVATE, std::ptr::null()) != 0 {
            return false;
        }
        libc::mount(c"proc".as_ptr(), c"/proc".as_ptr(), c"proc".as_ptr(), 0, c"hidepid=2".as_ptr().cast()) == 0
    }
}

#[test]
fn unprivileged_waiter_that_cannot_see_a_root_holder_waits() {
    // The usual deployment: a root master holds a lock; a worker that switched to an unprivileged
    // user cannot signal it (EPERM) and, with hidepid=2, cannot see it in /proc. Not being able
    // to see the holder is no proof of its death.
    let _serial = SERIAL.lock();
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 {
        skipped(Some(SKIP), "the hidepid test");
        return;
    }
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    // 0: lock held by the master, 1: liveness checks made by the worker, 2: worker result
    let flags = Shared::new(4);
    let code = run_with_timeout(Duration::from_secs(8), || {
        // The "master": root, in a mount namespace whose /proc hides processes of other users.
        if !mount_hidepid_proc() {
            return SKIP;
        }
        let me = owner::current();
        t.test_hold_bucket(b"victim");
        let worker = fork_inner(|| {
            if !become_nobody() {
                return 96;
            }
            // Check the situation really is the one we want to test.
            // SAFETY: getppid has no preconditions.
            let master = unsafe { libc::getppid() };
            if unprivileged_view_of(master) != Ok(()) {
                return 94;
            }
            CHECK_SINK.store(flags.at(1) as *const AtomicU64 as *mut AtomicU64, SeqCst);
            let r = t.incr_int(b"victim", I, 1);
            let recovered = t.take_recovered();
            match (r, recovered) {
                (Ok(2), None) => 0,
                (Ok(_), Some(_)) => 1,
                _ => 2,
            }
        });
        if worker < 0 {
            return 97;
        }
        // Release only after the worker has waited through several liveness checks (or gave up).
        let mut reaped = None;
        loop {
            let mut status = 0;
            // SAFETY: non-blocking wait for our own child.
            if unsafe { libc::waitpid(worker, &mut status, libc::WNOHANG) } == worker {
                reaped = Some(if libc::WIFEXITED(status) { libc::WEXITSTATUS(status) } else { 99 });
                break;
            }
            if flags.at(1).load(SeqCst) >= CHECKS {
                break;
            }
            sleep_us(1000);
        }
        let robbed = t.test_lock_owners(b"victim").0 != me;
        if !robbed {
            t.test_release_bucket(b"victim");
        }
        let w = reaped.unwrap_or_else(|| wait_code(worker));
        if robbed { 10 + w } else { w }
    });
    if skipped(code, "the hidepid test") {
        return;
    }
    assert_eq!(code, Some(0), "1/11 = the worker took the live master's lock; 9x = setup failed");
    assert_eq!(t.get_field(b"victim", I, &mut t.row_buf()), Ok(Value::Int(2)));
    t.check_invariants().unwrap();
}

#[test]
fn unprivileged_waiter_recovers_a_dead_root_holder_it_cannot_see() {
    // The other half of the hidepid rule: a root holder that died (still a zombie, or reaped)
    // is recovered at once by a worker that could never see or signal it. A zombie can only be
    // told from a live process through its pidfd here.
    let _serial = SERIAL.lock();
    // SAFETY: getuid has no preconditions.
    if unsafe { libc::getuid() } != 0 {
        skipped(Some(SKIP), "the hidepid test");
        return;
    }
    for reap_first in [false, true] {
        let t = table(64, 0.2);
        t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
        let flags = Shared::new(2);
        let code = run_with_timeout(Duration::from_secs(8), || {
            if !mount_hidepid_proc() {
                return SKIP;
            }
            let holder = fork_inner(|| {
                t.test_hold_bucket(b"victim");
                flags.at(0).store(1, SeqCst);
                loop {
                    sleep_us(1_000_000);
                }
            });
            while flags.at(0).load(SeqCst) == 0 {
                sleep_us(1000);
            }
            kill(holder, libc::SIGKILL);
            // Wait until it is a zombie, without reaping it (unless asked to).
            let mut info = std::mem::MaybeUninit::<libc::siginfo_t>::zeroed();
            // SAFETY: waiting for our own child, keeping it waitable.
            unsafe { libc::waitid(libc::P_PID, holder as libc::id_t, info.as_mut_ptr(), libc::WEXITED | libc::WNOWAIT) };
            if reap_first {
                wait_code(holder);
            }
            let worker = fork_inner(|| {
                if !become_nobody() {
                    return 96;
                }
                if !reap_first && unprivileged_view_of(holder).is_err() {
                    return 94;
                }
                match (t.incr_int(b"victim", I, 1), t.take_recovered()) {
                    (Ok(2), Some(p)) if p == holder as u32 => 0,
                    _ => 1,
                }
            });
            let w = if worker < 0 { 97 } else { wait_code(worker) };
            if !reap_first {
                wait_code(holder);
            }
            w
        });
        if skipped(code, "the hidepid test") {
            return;
        }
        assert_eq!(code, Some(0), "reaped first: {reap_first}; None = never recovered, 1 = wrong result, 9x = setup");
        t.check_invariants().unwrap();
    }
}

/// In a private mount namespace, takes `/proc` away (a chroot without it, as far as this process
/// and its children are concerned).
fn hide_proc() -> bool {
    // SAFETY: plain unshare/mount/umount calls with NUL-terminated strings; they only change
    // this process's new, private mount namespace.
    unsafe {
        libc::unshare(libc::CLONE_NEWNS) == 0
            && libc::mount(std::ptr::null(), c"/".as_ptr(), std::ptr::null(), libc::MS_REC | libc::MS_PRIVATE, std::ptr::null()) == 0
            && libc::umount2(c"/proc".as_ptr(), libc::MNT_DETACH) == 0
            && libc::access(c"/proc/self/stat".as_ptr(), libc::F_OK) != 0
    }
}

#[test]
fn without_proc_the_namespaces_are_still_checked() {
    // No /proc: the process finds its namespaces through a pidfd of itself (Linux 6.11+), so it
    // may use a table its parent created, while its own child in a new PID namespace is refused.
    let _serial = SERIAL.lock();
    let t = table(64, 0.2);
    t.set(b"victim", &[(I, Value::Int(1))]).unwrap();
    let code = from_another_namespace(
        &t,
        || {
            if !hide_proc() {
                return false;
            }
            // Same namespaces as the creator: the table works here (the lock is held by the
            // test process, so only a lock-free call).
            if t.stats().is_err() {
                // SAFETY: report and leave.
                unsafe { libc::_exit(20) };
            }
            // SAFETY: unshare only affects this (child) process's future children.
            unsafe { libc::unshare(libc::CLONE_NEWPID) == 0 }
        },
        || foreign_waiter(&t),
    );
    if owner::namespaces_need_proc() {
        eprintln!("skipped: this kernel cannot give a pidfd's namespaces (before 6.11)");
        return;
    }
    let Some(code) = code else {
        skipped(Some(SKIP), "the test without /proc");
        return;
    };
    assert_eq!(code, 0, "20 = the table refused a process of its own namespaces; 1 = robbed; 2/3 = wrong error");
}
