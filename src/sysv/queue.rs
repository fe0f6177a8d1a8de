//! System V message queues: `msgget`, `msgsnd`, `msgrcv` and `msgctl`, with the same C casts
//! PHP's sysvmsg applies (keys and permissions to `int`, message types to `long`).
//!
//! A message on the wire is the kernel's `struct msgbuf`: a native `long` type followed by the
//! payload, and the size given to the kernel is the payload length only (no trailing NUL).

use super::Errno;
use std::mem::MaybeUninit;

/// Bytes in front of every payload: the message type as a native C `long`.
pub const MTYPE_SIZE: usize = std::mem::size_of::<libc::c_long>();

/// A message buffer laid out as the kernel wants it: `MTYPE_SIZE` bytes of type, then the
/// payload. The memory belongs to the caller (a stack array, PHP's allocator or a `Vec`).
pub struct MsgBuf<'a> {
    bytes: &'a mut [u8],
}

impl<'a> MsgBuf<'a> {
    /// Wraps `bytes`, whose first `MTYPE_SIZE` bytes are reserved for the type.
    pub fn new(bytes: &'a mut [u8]) -> Self {
        assert!(bytes.len() >= MTYPE_SIZE, "a message buffer holds at least the type");
        MsgBuf { bytes }
    }

    /// Room for the payload.
    pub fn capacity(&self) -> usize {
        self.bytes.len() - MTYPE_SIZE
    }

    pub fn set_mtype(&mut self, mtype: i64) {
        self.bytes[..MTYPE_SIZE].copy_from_slice(&(mtype as libc::c_long).to_ne_bytes());
    }

    pub fn mtype(&self) -> i64 {
        let mut b = [0u8; MTYPE_SIZE];
        b.copy_from_slice(&self.bytes[..MTYPE_SIZE]);
        libc::c_long::from_ne_bytes(b) as i64
    }

    pub fn payload(&self) -> &[u8] {
        &self.bytes[MTYPE_SIZE..]
    }

    pub fn payload_mut(&mut self) -> &mut [u8] {
        &mut self.bytes[MTYPE_SIZE..]
    }

    fn as_mut_ptr(&mut self) -> *mut libc::c_void {
        self.bytes.as_mut_ptr().cast()
    }
}

/// `msgget(key, flags)`; the key is truncated to the kernel's 32-bit `key_t`, as C does.
pub fn get(key: i64, flags: i32) -> Result<i32, Errno> {
    // SAFETY: plain system call with integer arguments.
    let id = unsafe { libc::msgget(key as libc::key_t, flags) };
    if id < 0 { Err(Errno::last()) } else { Ok(id) }
}

/// Looks a queue up without creating it; `Ok(None)` when no queue has that key.
/// Key 0 is `IPC_PRIVATE`, which never names an existing queue, so it is answered without a
/// system call (a probe with `msgget(0, 0)` would create a new private queue).
pub fn find(key: i64) -> Result<Option<i32>, Errno> {
    if key as libc::key_t == libc::IPC_PRIVATE {
        return Ok(None);
    }
    match get(key, 0) {
        Ok(id) => Ok(Some(id)),
        Err(Errno(libc::ENOENT)) => Ok(None),
        Err(e) => Err(e),
    }
}

/// Creates a new queue that must not exist yet (`IPC_CREAT | IPC_EXCL | perms`).
pub fn create(key: i64, perms: i64) -> Result<i32, Errno> {
    get(key, libc::IPC_CREAT | libc::IPC_EXCL | perms as i32)
}

/// Sends the first `len` payload bytes of `msg` with type `mtype`.
pub fn send(id: i32, msg: &mut MsgBuf<'_>, len: usize, mtype: i64, nowait: bool) -> Result<(), Errno> {
    assert!(len <= msg.capacity());
    msg.set_mtype(mtype);
    let flags = if nowait { libc::IPC_NOWAIT } else { 0 };
    // SAFETY: the buffer holds the type plus at least `len` payload bytes.
    let r = unsafe { libc::msgsnd(id, msg.as_mut_ptr(), len, flags) };
    if r < 0 { Err(Errno::last()) } else { Ok(()) }
}

/// Receives one message into `msg` (at most `msg.capacity()` payload bytes). Returns its type
/// and payload length. `kernel_flags` are `msgrcv` flags (see `flags::receive_flags`).
pub fn receive(id: i32, msg: &mut MsgBuf<'_>, desired: i64, kernel_flags: i32) -> Result<(i64, usize), Errno> {
    let cap = msg.capacity();
    // SAFETY: the buffer holds the type plus `cap` writable payload bytes.
    let n = unsafe { libc::msgrcv(id, msg.as_mut_ptr(), cap, desired as libc::c_long, kernel_flags) };
    if n < 0 { Err(Errno::last()) } else { Ok((msg.mtype(), n as usize)) }
}

/// `msgctl(IPC_RMID)`.
pub fn remove(id: i32) -> Result<(), Errno> {
    // SAFETY: IPC_RMID ignores the buffer argument.
    let r = unsafe { libc::msgctl(id, libc::IPC_RMID, std::ptr::null_mut()) };
    if r < 0 { Err(Errno::last()) } else { Ok(()) }
}

/// A queue's state as `msgctl(IPC_STAT)` reports it.
#[derive(Clone, Copy)]
pub struct QueueStat {
    ds: libc::msqid_ds,
}

impl QueueStat {
    pub fn uid(&self) -> i64 { self.ds.msg_perm.uid as i64 }
    pub fn gid(&self) -> i64 { self.ds.msg_perm.gid as i64 }
    pub fn mode(&self) -> i64 { self.ds.msg_perm.mode as i64 }
    pub fn stime(&self) -> i64 { self.ds.msg_stime as i64 }
    pub fn rtime(&self) -> i64 { self.ds.msg_rtime as i64 }
    pub fn ctime(&self) -> i64 { self.ds.msg_ctime as i64 }
    pub fn qnum(&self) -> i64 { self.ds.msg_qnum as i64 }
    pub fn qbytes(&self) -> i64 { self.ds.msg_qbytes as i64 }
    pub fn lspid(&self) -> i64 { self.ds.msg_lspid as i64 }
    pub fn lrpid(&self) -> i64 { self.ds.msg_lrpid as i64 }
}

/// `msgctl(IPC_STAT)`.
pub fn stat(id: i32) -> Result<QueueStat, Errno> {
    let mut ds = MaybeUninit::<libc::msqid_ds>::zeroed();
    // SAFETY: the kernel fills the whole struct on success.
    let r = unsafe { libc::msgctl(id, libc::IPC_STAT, ds.as_mut_ptr()) };
    if r < 0 {
        Err(Errno::last())
    } else {
        // SAFETY: zero-initialised, then filled by the kernel.
        Ok(QueueStat { ds: unsafe { ds.assume_init() } })
    }
}

/// The fields `msg_set_queue()` may change; `None` keeps the current value. The values are
/// stored with plain C casts, as PHP does (a uid of -5 becomes 4294967291).
#[derive(Clone, Copy, Default, Debug)]
pub struct QueueChanges {
    pub uid: Option<i64>,
    pub gid: Option<i64>,
    pub mode: Option<i64>,
    pub qbytes: Option<i64>,
}

impl QueueStat {
    /// Overwrites the fields named in `changes`, with C's integer casts.
    pub fn apply(&mut self, changes: &QueueChanges) {
        let ds = &mut self.ds;
        if let Some(v) = changes.uid {
            ds.msg_perm.uid = v as libc::uid_t;
        }
        if let Some(v) = changes.gid {
            ds.msg_perm.gid = v as libc::gid_t;
        }
        if let Some(v) = changes.mode {
            ds.msg_perm.mode = v as _;
        }
        if let Some(v) = changes.qbytes {
            ds.msg_qbytes = v as libc::msglen_t;
        }
    }
}

/// `msgctl(IPC_SET)` with a state obtained from `stat` (and changed with `apply`).
pub fn set(id: i32, st: &QueueStat) -> Result<(), Errno> {
    let mut ds = st.ds;
    // SAFETY: `ds` is a complete msqid_ds obtained from IPC_STAT.
    let r = unsafe { libc::msgctl(id, libc::IPC_SET, &mut ds) };
    if r < 0 { Err(Errno::last()) } else { Ok(()) }
}

/// `stat`, `apply` and `set` in one step.
pub fn change(id: i32, changes: &QueueChanges) -> Result<(), Errno> {
    let mut st = stat(id)?;
    st.apply(changes);
    set(id, &st)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A private queue that is removed when the test ends, pass or fail.
    struct TempQueue(i32);
    impl TempQueue {
        fn new() -> Self {
            TempQueue(get(libc::IPC_PRIVATE as i64, libc::IPC_CREAT | 0o600).expect("msgget"))
        }
    }
    impl Drop for TempQueue {
        fn drop(&mut self) {
            let _ = remove(self.0);
        }
    }

    fn send_bytes(id: i32, mtype: i64, payload: &[u8], nowait: bool) -> Result<(), Errno> {
        let mut v = vec![0u8; MTYPE_SIZE + payload.len()];
        v[MTYPE_SIZE..].copy_from_slice(payload);
        send(id, &mut MsgBuf::new(&mut v), payload.len(), mtype, nowait)
    }

    fn recv_bytes(id: i32, max: usize, desired: i64, flags: i32) -> Result<(i64, Vec<u8>), Errno> {
        let mut v = vec![0u8; MTYPE_SIZE + max];
        let mut b = MsgBuf::new(&mut v);
        let (t, n) = receive(id, &mut b, desired, flags)?;
        Ok((t, b.payload()[..n].to_vec()))
    }

    #[test]
    fn round_trip_keeps_bytes_and_type() {
        let q = TempQueue::new();
        send_bytes(q.0, 7, b"a\0b\xff", false).unwrap();
        let st = stat(q.0).unwrap();
        assert_eq!(st.qnum(), 1);
        assert_eq!(st.mode() & 0o777, 0o600);
        assert_eq!(recv_bytes(q.0, 16, 0, 0).unwrap(), (7, b"a\0b\xff".to_vec()));
    }

    #[test]
    fn large_types_round_trip() {
        let q = TempQueue::new();
        send_bytes(q.0, i64::MAX, b"x", false).unwrap();
        assert_eq!(recv_bytes(q.0, 4, 0, 0).unwrap().0, i64::MAX);
    }

    #[test]
    fn errors_map_to_errno() {
        let q = TempQueue::new();
        // type 0 is invalid for msgsnd
        assert_eq!(send_bytes(q.0, 0, b"x", false), Err(Errno(libc::EINVAL)));
        // empty queue, no wait
        assert_eq!(recv_bytes(q.0, 8, 0, libc::IPC_NOWAIT).unwrap_err(), Errno(libc::ENOMSG));
        // too long: E2BIG, message stays queued; MSG_NOERROR truncates and consumes it
        send_bytes(q.0, 3, b"0123456789", false).unwrap();
        assert_eq!(recv_bytes(q.0, 4, 0, libc::IPC_NOWAIT).unwrap_err(), Errno(libc::E2BIG));
        assert_eq!(stat(q.0).unwrap().qnum(), 1);
        assert_eq!(recv_bytes(q.0, 4, 0, libc::MSG_NOERROR).unwrap(), (3, b"0123".to_vec()));
        assert_eq!(stat(q.0).unwrap().qnum(), 0);
    }

    #[test]
    fn type_selection_follows_the_kernel() {
        let q = TempQueue::new();
        for t in [5, 3, 1, 4, 2, 3] {
            send_bytes(q.0, t, t.to_string().as_bytes(), false).unwrap();
        }
        let take = |d: i64, f: i32| recv_bytes(q.0, 8, d, f | libc::IPC_NOWAIT).map(|m| m.0);
        assert_eq!(take(4, libc::MSG_EXCEPT), Ok(5));
        assert_eq!(take(-3, 0), Ok(1));
        assert_eq!(take(-3, 0), Ok(2));
        assert_eq!(take(3, 0), Ok(3));
        assert_eq!(take(0, 0), Ok(4));
        assert_eq!(take(0, 0), Ok(3));
        assert_eq!(take(0, 0), Err(Errno(libc::ENOMSG)));
    }

    #[test]
    fn set_changes_mode_and_qbytes_and_removed_queue_fails() {
        let q = TempQueue::new();
        let before = stat(q.0).unwrap();
        change(q.0, &QueueChanges { mode: Some(0o640), qbytes: Some(before.qbytes() - 1), ..Default::default() }).unwrap();
        let after = stat(q.0).unwrap();
        assert_eq!(after.mode() & 0o777, 0o640);
        assert_eq!(after.qbytes(), before.qbytes() - 1);
        remove(q.0).unwrap();
        assert_eq!(remove(q.0), Err(Errno(libc::EINVAL)));
        assert_eq!(stat(q.0).err(), Some(Errno(libc::EINVAL)));
        assert_eq!(send_bytes(q.0, 1, b"x", true), Err(Errno(libc::EINVAL)));
    }

    #[test]
    fn find_and_create_by_key() {
        // a key derived from the pid, so parallel runs do not collide
        let key = 0x5253_0000 | (std::process::id() as i64 & 0xffff) ^ 0x5a5a;
        if let Ok(Some(id)) = find(key) {
            let _ = remove(id);
        }
        assert_eq!(find(key), Ok(None));
        let id = create(key, 0o600).unwrap();
        let _guard = TempQueue(id);
        assert_eq!(find(key), Ok(Some(id)));
        assert_eq!(create(key, 0o600), Err(Errno(libc::EEXIST)));
        // key 0 is IPC_PRIVATE: never found, and probing it creates nothing
        assert_eq!(find(0), Ok(None));
        assert_eq!(find(1 << 32), Ok(None));
    }

    #[test]
    fn full_queue_without_wait_is_eagain() {
        let q = TempQueue::new();
        change(q.0, &QueueChanges { qbytes: Some(16), ..Default::default() }).unwrap();
        send_bytes(q.0, 1, &[1u8; 16], true).unwrap();
        assert_eq!(send_bytes(q.0, 1, b"x", true), Err(Errno(libc::EAGAIN)));
    }
}
