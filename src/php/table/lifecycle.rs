//! `__construct`, `column`, `create` and `destroy`.

#![forbid(unsafe_code)]

use super::call::{Call, Kind, Res, Throw};
use super::object::{Created, Cursor, State};
use super::values;
use crate::php::zend::c_part;
use crate::table::{ColumnError, Table, TableBuilder, TableError};

/// `__construct(int $table_size, float $conflict_proportion = 0.2)`
pub fn construct(c: &mut Call<'_>) -> Res {
    let (mut size, mut p) = (0i64, 0.2f64);
    c.parse_long_double(&mut size, &mut p)?;
    // parsing can run user code: the state is looked at only after it
    if !c.init_state(new_state(size, p)) {
        let class = c.class_name();
        return Err(c.fail(Throw::Error, [&b"Constructor of "[..], &class, b" can only be called once"].concat()));
    }
    Ok(())
}

/// The state of a freshly constructed table.
pub fn new_state(size: i64, p: f64) -> State {
    State { builder: TableBuilder::new(size, p), created: None, cursor: Cursor::new() }
}

/// The warning text for a column Swoole refuses.
pub fn column_error(name: &[u8], e: ColumnError) -> Vec<u8> {
    match e {
        ColumnError::Duplicate => [&b"column["[..], c_part(name), b"] already exists"].concat(),
        ColumnError::TooLarge => [&b"column["[..], c_part(name), b"] size is too large"].concat(),
        other => other.to_string().into_bytes(),
    }
}

/// `column(string $name, int $type, int $size = 0): bool`
pub fn column(c: &mut Call<'_>) -> Res {
    let (mut ty, mut size) = (0i64, 0i64);
    let n = c.argc();
    let fast = (2..=3).contains(&n)
        && matches!(c.arg(1).kind(), Kind::Str(_))
        && matches!(c.arg(2).kind(), Kind::Long(_))
        && (n == 2 || matches!(c.arg(3).kind(), Kind::Long(_)));
    if fast {
        if let Kind::Long(v) = c.arg(2).kind() {
            ty = v;
        }
        if n == 3 {
            if let Kind::Long(v) = c.arg(3).kind() {
                size = v;
            }
        }
    } else {
        c.parse_string_long_long(&mut ty, &mut size)?;
    }
    let name = c.arg(1).str(); // zpp converted it to a string in place
    c.state()?;
    // Swoole checks a string column's size before anything else, even after create()
    if ty == crate::table::ColumnType::String as i64 && size < 1 {
        c.warn(column_error(name, ColumnError::InvalidSize));
        c.ret().bool(false);
        return Ok(());
    }
    let state = c.state()?;
    let r = if state.created.is_some() { Err(None) } else { state.builder.column(name, ty, size).map_err(Some) };
    match r {
        Ok(()) => c.ret().bool(true),
        Err(e) => {
            match e {
                None => c.warn("unable to add column after table has been created"),
                Some(e) => c.warn(column_error(name, e)),
            }
            c.ret().bool(false);
        }
    }
    Ok(())
}

/// `create(): bool` (extra arguments are ignored, as Swoole does)
pub fn create(c: &mut Call<'_>) -> Res {
    create_now(c)?;
    c.ret().bool(true);
    Ok(())
}

/// Creates the table of a constructed object and fills in `$size` and `$memorySize`.
pub fn create_now(c: &mut Call<'_>) -> Res {
    let state = c.state()?;
    let made = match state.created {
        Some(_) => Err(None),
        None => state.builder.create().map_err(Some),
    };
    let table = match made {
        Ok(t) => t,
        Err(None) => return Err(c.fail(Throw::Table, "unable to allocate memory")),
        // the reason, after Swoole's words (a row past 4 GiB, a size the system refuses)
        Err(Some(e)) => return Err(c.fail(Throw::Table, e.to_string())),
    };
    state.created = Some(created(table));
    set_size_properties(c);
    Ok(())
}

/// A core table with what the binding keeps beside it: the row buffer, the interned column
/// names and the row array template.
pub fn created(table: Table) -> Created {
    let (template, shape) = values::shape_of(table.schema());
    let row = table.row_buf();
    Created { table, row, shape: std::rc::Rc::new(shape), template }
}

/// Sets `$size` and `$memorySize` from the object's created table.
pub fn set_size_properties(c: &mut Call<'_>) {
    let Some(t) = c.state_quiet().and_then(|s| s.created.as_ref()) else { return };
    let (size, mem) = (t.table.size() as i64, t.table.memory_size() as i64);
    c.set_size_properties(size, mem);
}

/// `destroy(): bool` — ends the table for every process. Called from user code that runs inside
/// another call on this table (an error handler, a `__toString`), it ends the table at once and
/// this process's state is released when that outer call returns.
pub fn destroy(c: &mut Call<'_>) -> Res {
    let state = c.state()?;
    let ended = state.created.as_ref().map(|t| t.table.end());
    match ended {
        None => c.table_error(TableError::Destroyed),
        // a named table whose file this process may not remove: nothing ended, it is still usable
        Some(Err(e @ TableError::CannotRemove(_))) => c.table_error(e),
        Some(r) => {
            c.retire_state();
            if r.is_err() {
                // another process destroyed it first
                return c.table_error(TableError::Destroyed);
            }
            c.ret().bool(true);
            Ok(())
        }
    }
}
