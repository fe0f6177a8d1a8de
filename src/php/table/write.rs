//! `set`, `add`, `update` and `cmpset`: convert first (user code may run, no lock is held and no
//! borrow of the table exists), then one core call under one bucket lock.

#![forbid(unsafe_code)]

use super::args;
use super::call::{Call, Res, Stop};
use super::read;
use super::values::{self, Values};
use crate::table::{Located, TableError};

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Set,
    Add,
    Update,
}

fn write(c: &mut Call<'_>, op: Op) -> Res {
    let key = args::key_arrays(c, 1)?;
    args::target(c, key)?;
    let arr = c.arg(2).array().expect("parsed as an array");
    let mut at = Located::new();
    let shape = locate(c, key, &mut at)?;
    let mut v = Values::new();
    values::convert_row(c, &shape, arr, key, &mut v)?;
    let o = c.open()?;
    let r = match op {
        Op::Set => o.tab.table.set_at(key, &mut at, v.as_slice()),
        Op::Add => o.tab.table.add_at(key, &mut at, v.as_slice()),
        Op::Update => o.tab.table.update_at(key, &mut at, v.as_slice()),
    };
    drop(o);
    finish(c, key, r, op)
}

/// The table's column shape, and `key` located in the table (its bucket's lines asked for) so
/// that the conversion which follows overlaps those misses. (User code in the conversion may
/// replace the table; the write then hashes the key again.)
/// (`at` is the caller's, filled in place: moving it out of a result copied words just written
/// with wider loads, a store-forwarding stall.)
#[inline(always)]
fn locate(c: &mut Call<'_>, key: &[u8], at: &mut Located) -> Result<std::rc::Rc<super::object::Shape>, Stop> {
    let o = c.open()?;
    o.tab.table.locate(key, at);
    Ok(o.tab.shape.clone())
}

/// The result of a write. (A too-long string was reported while its value was converted, as
/// Swoole does, whatever the write then did.)
fn finish(c: &mut Call<'_>, key: &[u8], r: Result<(), TableError>, op: Op) -> Res {
    match r {
        Err(TableError::Full) => {
            let verb: &[u8] = if op == Op::Add { b"add" } else { b"set" };
            c.warn([&b"failed to "[..], verb, b"('", crate::php::zend::c_part(key), b"'), unable to allocate memory"].concat());
            c.ret().bool(false);
            Ok(())
        }
        r => read::done(c, r),
    }
}

/// `set(string $key, array $value): bool`
pub fn set(c: &mut Call<'_>) -> Res {
    write(c, Op::Set)
}

/// `add(string $key, array $values): bool` — only if the key is absent.
pub fn add(c: &mut Call<'_>) -> Res {
    write(c, Op::Add)
}

/// `update(string $key, array $values): bool` — only if the key is present.
pub fn update(c: &mut Call<'_>) -> Res {
    write(c, Op::Update)
}

/// `cmpset(string $key, array $expected, array $values): bool`
pub fn cmpset(c: &mut Call<'_>) -> Res {
    let key = args::key_arrays(c, 2)?;
    args::target(c, key)?;
    let (exp, vals) = (c.arg(2).array().expect("parsed as an array"), c.arg(3).array().expect("parsed as an array"));
    read::expected_ok(c, exp)?;
    let mut at = Located::new();
    let shape = locate(c, key, &mut at)?;
    let (mut e, mut v) = (Values::new(), Values::new());
    values::convert_expected(c, &shape, exp, &mut e)?;
    values::convert_row(c, &shape, vals, key, &mut v)?;
    let o = c.open()?;
    let r = o.tab.table.cmpset_at(key, &mut at, e.as_slice(), v.as_slice());
    drop(o);
    finish(c, key, r, Op::Set)
}
