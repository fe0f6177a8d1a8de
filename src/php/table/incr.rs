//! `incr` and `decr`: atomic read-modify-write of one int or float column, creating the row
//! (all zero) when the key is missing.

#![forbid(unsafe_code)]

use super::args;
use super::call::{Call, Kind, Res, Spec};
use crate::table::{ColumnType, TableError};

fn step(c: &mut Call<'_>, decr: bool) -> Res {
    let n = c.argc();
    let fast = (2..=3).contains(&n) && matches!(c.arg(1).kind(), Kind::Str(_)) && matches!(c.arg(2).kind(), Kind::Str(_));
    if !fast {
        c.parse(Spec::StrStrOptAny)?;
    }
    let (key, column) = (c.arg(1).str(), c.arg(2).str());
    let by = (n == 3).then(|| c.arg(3));
    args::target(c, key)?;
    // the column is checked before the row is looked up, so a bad column creates no row
    let schema = c.open()?.tab.shape.clone();
    let Some(col) = schema.schema.column_index(column) else {
        c.warn([&b"column["[..], crate::php::zend::c_part(column), b"] does not exist"].concat());
        c.ret().bool(false);
        return Ok(());
    };
    let ty = schema.schema.column(col).map(|c| c.ty());
    let r = match ty {
        Some(ColumnType::Int) => {
            let d = match by.map(|a| (a, a.kind())) {
                None => 1,
                Some((_, Kind::Long(v))) => v,
                Some((a, _)) => c.to_long(a)?,
            };
            let mut o = c.open()?;
            let r = if decr { o.tab.table.decr_int(key, col, d) } else { o.tab.table.incr_int(key, col, d) };
            r.map(|v| o.ret.long(v))
        }
        Some(ColumnType::Float) => {
            let d = match by.map(|a| (a, a.kind())) {
                None => 1.0,
                Some((_, Kind::Double(v))) => v,
                Some((_, Kind::Long(v))) => v as f64,
                Some((a, _)) => c.to_double(a)?,
            };
            let mut o = c.open()?;
            let r = if decr { o.tab.table.decr_float(key, col, d) } else { o.tab.table.incr_float(key, col, d) };
            r.map(|v| o.ret.double(v))
        }
        _ => {
            c.warn(if decr { "can't execute 'decr' on a string type column" } else { "can't execute 'incr' on a string type column" });
            c.ret().bool(false);
            return Ok(());
        }
    };
    match r {
        Ok(()) => Ok(()),
        Err(TableError::Full) => {
            c.warn("unable to allocate memory");
            c.ret().bool(false);
            Ok(())
        }
        Err(e) => c.table_error(e),
    }
}

/// `incr(string $key, string $column, int|float $incrby = 1): int|float|false`
pub fn incr(c: &mut Call<'_>) -> Res {
    step(c, false)
}

/// `decr(string $key, string $column, int|float $incrby = 1): int|float|false`
pub fn decr(c: &mut Call<'_>) -> Res {
    step(c, true)
}
