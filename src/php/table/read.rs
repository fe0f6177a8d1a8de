//! `get`, `getdel`, `exists`/`exist`, `del`/`delete` and `cmpdel`.

#![forbid(unsafe_code)]

use super::args;
use super::call::{ArrayArg, Call, Kind, Res, Spec, Stop};
use super::values::{self, Rejected};
use crate::table::TableError;

/// Parses `(string $key, ?string $field = null)`; the field is `None` when null or absent.
fn key_field<'c>(c: &mut Call<'c>) -> Result<(&'c [u8], Option<&'c [u8]>), Stop> {
    let n = c.argc();
    let fast = (n == 1 || n == 2)
        && matches!(c.arg(1).kind(), Kind::Str(_))
        && (n == 1 || matches!(c.arg(2).kind(), Kind::Str(_) | Kind::Null));
    if !fast {
        c.parse(Spec::StrOptNullableStr)?;
    }
    let field = match n >= 2 {
        true => match c.arg(2).kind() {
            Kind::Str(f) => Some(f),
            _ => None,
        },
        false => None,
    };
    Ok((c.arg(1).str(), field))
}

fn get_impl(c: &mut Call<'_>, delete: bool) -> Res {
    let (key, field) = key_field(c)?;
    args::target(c, key)?;
    let mut o = c.open()?;
    let col = match field {
        None => None,
        Some(f) => match o.tab.table.schema().column_index(f) {
            Some(i) => Some(i),
            None => {
                // not a column: false, and getdel deletes nothing
                o.ret.bool(false);
                return Ok(());
            }
        },
    };
    let tab = &mut *o.tab;
    let r = match (col, delete) {
        (Some(i), false) => tab.table.get_field(key, i, &mut tab.row).map(|_| ()),
        (_, true) => tab.table.getdel(key, &mut tab.row),
        (None, false) => tab.table.get(key, &mut tab.row),
    };
    match (r, col) {
        (Ok(()), Some(i)) => match tab.row.value(i) {
            Some(v) => o.ret.value(v),
            None => o.ret.bool(false),
        },
        (Ok(()), None) => o.ret.row(tab),
        (Err(e), _) => {
            drop(o);
            return c.table_error(e);
        }
    }
    Ok(())
}

/// `get(string $key, ?string $field = null): array|string|int|float|false`
pub fn get(c: &mut Call<'_>) -> Res {
    get_impl(c, false)
}

/// `getdel(string $key, ?string $field = null): array|string|int|float|false`
pub fn getdel(c: &mut Call<'_>) -> Res {
    get_impl(c, true)
}

/// `exists(string $key): bool` (alias `exist`)
pub fn exists(c: &mut Call<'_>) -> Res {
    let key = args::key(c)?;
    args::target(c, key)?;
    let mut o = c.open()?;
    match o.tab.table.exists(key) {
        Ok(b) => o.ret.bool(b),
        Err(e) => {
            drop(o);
            return c.table_error(e);
        }
    }
    Ok(())
}

/// `del(string $key): bool` (alias `delete`)
pub fn del(c: &mut Call<'_>) -> Res {
    let key = args::key(c)?;
    args::target(c, key)?;
    let o = c.open()?;
    let r = o.tab.table.del(key);
    drop(o);
    done(c, r)
}

/// Checks `$expected` the way Swoole does before converting anything; false with a warning.
pub fn expected_ok(c: &mut Call<'_>, a: ArrayArg<'_>) -> Res {
    let shape = c.open()?.tab.shape.clone();
    let why = match values::check_expected(&shape, a) {
        Ok(()) => return Ok(()),
        Err(Rejected::Empty) => "expected values must not be empty".as_bytes().to_vec(),
        Err(Rejected::NotNames) => b"expected values must use column names".to_vec(),
        Err(Rejected::NoColumn(name)) => [&b"column["[..], crate::php::zend::c_part(&name), b"] does not exist"].concat(),
    };
    c.warn(why);
    c.ret().bool(false);
    Err(Stop)
}

/// `cmpdel(string $key, array $expected): bool`
pub fn cmpdel(c: &mut Call<'_>) -> Res {
    let key = args::key_arrays(c, 1)?;
    args::target(c, key)?;
    let exp = c.arg(2).array().expect("parsed as an array");
    expected_ok(c, exp)?;
    let shape = c.open()?.tab.shape.clone();
    let mut e = values::Values::new();
    values::convert_expected(c, &shape, exp, &mut e)?;
    let o = c.open()?;
    let r = o.tab.table.cmpdel(key, e.as_slice());
    drop(o);
    done(c, r)
}

/// `true` for success, otherwise as `Call::table_error`.
pub fn done(c: &mut Call<'_>, r: Result<(), TableError>) -> Res {
    match r {
        Ok(()) => {
            c.ret().bool(true);
            Ok(())
        }
        Err(e) => c.table_error(e),
    }
}
