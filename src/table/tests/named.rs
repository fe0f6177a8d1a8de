//! Named tables: creation, attaching from an unrelated handle, schema checks, damaged files,
//! concurrent creation, unlink while open, list().

use std::io::{Seek, SeekFrom, Write};

use super::support::{SERIAL, fork, wait};
use crate::table::named::{self, NamedError};
use crate::table::{TableBuilder, TableError, Value};

/// A private directory under /dev/shm, removed on drop.
struct Dir(std::path::PathBuf);

impl Dir {
    fn new(tag: &str) -> Dir {
        let p = std::path::PathBuf::from(format!("/dev/shm/rsipc-test-{tag}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).unwrap();
        Dir(p)
    }

    fn bytes(&self) -> Vec<u8> {
        self.0.as_os_str().as_encoded_bytes().to_vec()
    }

    fn file(&self, name: &str) -> std::path::PathBuf {
        self.0.join(format!("{}{name}", named::FILE_PREFIX))
    }
}

impl Drop for Dir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn builder(size: i64) -> TableBuilder {
    let mut b = TableBuilder::new(size, 0.2);
    b.column(b"hits", 1, 8).unwrap();
    b.column(b"ip", 3, 45).unwrap();
    b
}

#[test]
fn open_creates_then_attaches_and_sees_the_same_rows() {
    let _g = SERIAL.lock();
    let d = Dir::new("attach");
    let a = builder(1024).open_named(&d.bytes(), b"t1", 0o600).unwrap();
    a.set(b"k", &[(0, Value::Int(5))]).unwrap();
    // a second handle of this process shares the mapping
    let b = builder(1024).open_named(&d.bytes(), b"t1", 0o600).unwrap();
    assert_eq!(b.incr_int(b"k", 0, 1), Ok(6));
    assert_eq!(a.memory_size(), b.memory_size());
    // a process that did not inherit anything (the cache is cleared in the child) attaches to the file
    let dir = d.bytes();
    let pid = fork(move || {
        named::forget_cache();
        let c = builder(1024).open_named(&dir, b"t1", 0o600).unwrap();
        if c.incr_int(b"k", 0, 10) == Ok(16) { 0 } else { 1 }
    });
    assert_eq!(wait(pid), 0);
    assert_eq!(a.incr_int(b"k", 0, 0), Ok(16));
    let meta = std::fs::metadata(d.file("t1")).unwrap();
    assert_eq!(std::os::unix::fs::PermissionsExt::mode(&meta.permissions()) & 0o777, 0o600);
}

#[test]
fn a_different_declaration_is_refused_naming_the_difference() {
    let d = Dir::new("mismatch");
    let _t = builder(1024).open_named(&d.bytes(), b"m", 0o600).unwrap();
    named::forget_cache();
    let e = builder(2048).open_named(&d.bytes(), b"m", 0o600).unwrap_err();
    assert!(matches!(&e, NamedError::Mismatch { what, .. } if what.contains("size 1024")), "{e}");
    let mut p = TableBuilder::new(1024, 1.0);
    p.column(b"hits", 1, 8).unwrap();
    p.column(b"ip", 3, 45).unwrap();
    let e = p.open_named(&d.bytes(), b"m", 0o600).unwrap_err();
    assert!(e.to_string().contains("overflow rows"), "{e}");
    let mut c = TableBuilder::new(1024, 0.2);
    c.column(b"hits", 1, 8).unwrap();
    c.column(b"ip", 3, 64).unwrap();
    let e = c.open_named(&d.bytes(), b"m", 0o600).unwrap_err();
    assert!(e.to_string().contains("ip string(48)") && e.to_string().contains("ip string(64)"), "{e}");
    // the cached handle is checked the same way
    let e = builder(2048).open_named(&d.bytes(), b"m", 0o600).unwrap_err();
    assert!(matches!(e, NamedError::Mismatch { .. }));
}

#[test]
fn bad_names_are_refused() {
    let d = Dir::new("names");
    for bad in [&b""[..], b"a/b", b"..\0", b"sp ace", &[b'x'; 65]] {
        assert_eq!(builder(64).open_named(&d.bytes(), bad, 0o600).err(), Some(NamedError::BadName));
    }
    assert!(builder(64).open_named(&d.bytes(), &[b'x'; 64], 0o600).is_ok());
    assert!(builder(64).open_named(&d.bytes(), b"A-z_0.9", 0o600).is_ok());
}

/// Writes `bytes` at `off` into the file of table `name`.
fn scribble(d: &Dir, name: &str, off: u64, bytes: &[u8]) {
    let mut f = std::fs::OpenOptions::new().write(true).open(d.file(name)).unwrap();
    f.seek(SeekFrom::Start(off)).unwrap();
    f.write_all(bytes).unwrap();
}

#[test]
fn damaged_files_are_refused_with_an_error_never_a_crash() {
    let _g = SERIAL.lock();
    let d = Dir::new("corrupt");
    let make = |name: &str| {
        named::forget_cache();
        let t = builder(256).open_named(&d.bytes(), name.as_bytes(), 0o600).unwrap();
        t.set(b"row", &[(0, Value::Int(1))]).unwrap();
        drop(t);
        named::forget_cache();
    };
    let open = |name: &str| builder(256).open_named(&d.bytes(), name.as_bytes(), 0o600);
    // truncated below a header
    make("short");
    std::fs::OpenOptions::new().write(true).open(d.file("short")).unwrap().set_len(100).unwrap();
    assert!(matches!(open("short"), Err(NamedError::Corrupt { .. })));
    // random bytes
    std::fs::write(d.file("noise"), (0..20000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect::<Vec<_>>()).unwrap();
    assert!(matches!(open("noise"), Err(NamedError::Corrupt { .. })));
    // a valid magic with geometry, offsets or schema out of range
    for (off, bytes) in [
        (12u64, &u32::MAX.to_le_bytes()[..]), // size
        (24, &7u32.to_le_bytes()[..]),        // buckets
        (32, &u64::MAX.to_le_bytes()[..]),    // total
    ] {
        make("geo");
        scribble(&d, "geo", off, bytes);
        assert!(matches!(open("geo"), Err(NamedError::Corrupt { .. })), "offset {off}");
        std::fs::remove_file(d.file("geo")).unwrap();
    }
    // the file section: schema offset, length and column count
    let file_section = std::mem::offset_of!(crate::table::layout::Header, file) as u64;
    for (off, bytes) in [
        (file_section + 16, &u64::MAX.to_le_bytes()[..]),
        (file_section + 24, &(1u64 << 40).to_le_bytes()[..]),
        (file_section + 4, &5000u32.to_le_bytes()[..]),
        (file_section, &9u32.to_le_bytes()[..]),
    ] {
        make("sch");
        scribble(&d, "sch", off, bytes);
        assert!(matches!(open("sch"), Err(NamedError::Corrupt { .. })), "offset {off}");
        std::fs::remove_file(d.file("sch")).unwrap();
    }
    // a file of the previous layout (its hash differs): refused, naming both versions
    make("old");
    scribble(&d, "old", file_section, &(named::FILE_VERSION - 1).to_le_bytes());
    match open("old") {
        Err(e @ NamedError::Corrupt { .. }) => {
            let v = named::FILE_VERSION;
            assert!(e.to_string().contains(&format!("layout version {} (this rsipc reads version {v})", v - 1)), "{e}");
        }
        other => panic!("a file of the previous layout: {:?}", other.map(|_| ())),
    }
    // a valid header over a garbage body: wrong rows or errors, no crash and no endless walk
    make("body");
    let len = std::fs::metadata(d.file("body")).unwrap().len();
    let geo_total = {
        let t = open("body").unwrap();
        t.geometry().total as u64
    };
    named::forget_cache();
    let garbage: Vec<u8> = (0..(geo_total - 512) as u32).map(|i| (i.wrapping_mul(0x9e37_79b9) >> 7) as u8).collect();
    scribble(&d, "body", 512, &garbage);
    assert!(len > geo_total);
    let t = open("body").unwrap();
    for i in 0..300u32 {
        let k = format!("k{i}");
        let _ = t.set(k.as_bytes(), &[(0, Value::Int(i as i64))]);
        let _ = t.exists(k.as_bytes());
        let _ = t.del(k.as_bytes());
    }
    let mut row = t.row_buf();
    let mut cur = 0;
    let mut n = 0;
    while let Ok(Some(next)) = t.next_from(cur, &mut row) {
        cur = next;
        n += 1;
        assert!(n <= 10_000);
    }
    let _ = t.stats();
}

#[test]
fn eight_processes_creating_one_name_share_one_table() {
    let _g = SERIAL.lock();
    let d = Dir::new("race");
    let dir = d.bytes();
    let pids: Vec<_> = (0..8)
        .map(|_| {
            let dir = dir.clone();
            fork(move || {
                named::forget_cache();
                let t = match builder(4096).open_named(&dir, b"race", 0o600) {
                    Ok(t) => t,
                    Err(_) => return 2,
                };
                for _ in 0..1000 {
                    if t.incr_int(b"n", 0, 1).is_err() {
                        return 3;
                    }
                }
                0
            })
        })
        .collect();
    for p in pids {
        assert_eq!(wait(p), 0);
    }
    named::forget_cache();
    let t = builder(4096).open_named(&dir, b"race", 0o600).unwrap();
    assert_eq!(t.incr_int(b"n", 0, 0), Ok(8000));
    // no temporary file is left behind
    let names: Vec<_> = std::fs::read_dir(&d.0).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn unlink_ends_the_table_for_every_holder_and_a_new_one_can_be_made() {
    let d = Dir::new("unlink");
    let t = builder(64).open_named(&d.bytes(), b"u", 0o600).unwrap();
    t.set(b"a", &[(0, Value::Int(1))]).unwrap();
    assert_eq!(named::unlink(&d.bytes(), b"u"), Ok(true));
    assert_eq!(t.get(b"a", &mut t.row_buf()), Err(TableError::Destroyed));
    assert!(!d.file("u").exists());
    assert_eq!(named::unlink(&d.bytes(), b"u"), Ok(false));
    let n = builder(64).open_named(&d.bytes(), b"u", 0o600).unwrap();
    assert_eq!(n.exists(b"a"), Ok(false));
    // destroy() removes the name too
    let mut n = n;
    n.destroy().unwrap();
    assert!(!d.file("u").exists());
}

#[test]
fn list_describes_each_table() {
    let d = Dir::new("list");
    let t = builder(64).open_named(&d.bytes(), b"one", 0o640).unwrap();
    t.set(b"a", &[(0, Value::Int(1))]).unwrap();
    let _u = builder(128).open_named(&d.bytes(), b"two", 0o600).unwrap();
    std::fs::write(d.file("junk"), b"not a table").unwrap();
    let l = named::list(&d.bytes()).unwrap();
    assert_eq!(l.iter().map(|i| i.name.clone()).collect::<Vec<_>>(), vec![b"one".to_vec(), b"two".to_vec()]);
    assert_eq!((l[0].size, l[0].rows, l[0].mode), (64, 1, 0o640));
    assert_eq!(l[0].columns[1], (b"ip".to_vec(), crate::table::ColumnType::String, 48));
    assert!(l[0].memory >= t.geometry().total as u64);
}

#[test]
fn a_full_filesystem_is_an_error_at_open_not_a_fault_later() {
    // /dev/shm is big here; ask for more than it can hold.
    let d = Dir::new("full");
    let mut b = TableBuilder::new(1 << 30, 1.0);
    b.column(b"s", 3, 4096).unwrap();
    match b.open_named(&d.bytes(), b"huge", 0o600) {
        Err(NamedError::NoSpace { needed, free, .. }) => assert!(needed > free),
        other => panic!("{other:?}"),
    }
    assert_eq!(std::fs::read_dir(&d.0).unwrap().count(), 0, "nothing left behind");
}

#[test]
fn a_forged_lock_word_naming_a_live_process_ends_the_wait_with_an_error() {
    let _g = SERIAL.lock();
    let d = Dir::new("forged");
    let t = builder(64).open_named(&d.bytes(), b"f", 0o600).unwrap();
    t.set(b"a", &[(0, Value::Int(1))]).unwrap();
    // every bucket lock held by pid 1 (alive, never a holder), with the "unknown" start token
    let g = t.geometry();
    for l in 0..((g.slots_off - g.locks_off) / 4) as u64 {
        scribble(&d, "f", g.locks_off as u64 + 4 * l, &1u32.to_le_bytes());
    }
    let start = std::time::Instant::now();
    assert_eq!(t.get(b"a", &mut t.row_buf()), Err(TableError::LockHeld(1)));
    let waited = start.elapsed();
    assert!(waited >= named::LOCK_PATIENCE && waited < named::LOCK_PATIENCE * 3, "{waited:?}");
    assert!(TableError::LockHeld(1).to_string().contains("process 1,"));
    // the holder keeps its lock: nothing was taken over
    assert_eq!(t.take_recovered(), None);
    // count() of an ended table is 0, in every handle
    let other = builder(64).open_named(&d.bytes(), b"f", 0o600).unwrap();
    named::unlink(&d.bytes(), b"f").unwrap();
    assert_eq!((t.count(), other.count()), (0, 0));
}
