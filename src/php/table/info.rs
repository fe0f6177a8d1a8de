//! `count`, `getSize`, `getMemorySize` and `stats`. Like Swoole, the methods without parameters
//! ignore extra arguments.

#![forbid(unsafe_code)]

use super::call::{Call, Kind, Res};

/// `count(): int` — also takes Swoole's undeclared `$mode`: any mode but 0 counts
/// rows × columns, as Swoole does. 0 for an object without a table.
pub fn count(c: &mut Call<'_>) -> Res {
    // $mode is not in the arginfo (Reflection shows count(): int, as Swoole's), so null is
    // handled here: the engine's null deprecation would read the missing arginfo entry.
    let mut mode: i64 = 0;
    let n = c.argc();
    match (n, (n == 1).then(|| c.arg(1).kind())) {
        (0, _) => {}
        (1, Some(Kind::Long(v))) => mode = v,
        (1, Some(Kind::Null)) if !c.strict() => c.deprecated("Passing null to parameter #1 of type int is deprecated"),
        _ => c.parse_opt_long(&mut mode)?,
    }
    let n = match c.state_quiet().and_then(|s| s.created.as_ref()) {
        Some(t) => {
            let rows = t.table.count() as i64;
            if mode != 0 { rows * t.table.schema().len() as i64 } else { rows }
        }
        None => 0,
    };
    c.ret().long(n);
    Ok(())
}

/// `getSize(): int` — the rounded capacity, known from the constructor on.
pub fn get_size(c: &mut Call<'_>) -> Res {
    let n = c.state_quiet().map_or(0, |s| s.builder.size() as i64);
    c.ret().long(n);
    Ok(())
}

/// `getMemorySize(): int` — the size of the shared mapping; 0 before `create()`.
pub fn get_memory_size(c: &mut Call<'_>) -> Res {
    let m = c.state_quiet().and_then(|s| s.created.as_ref()).map_or(0, |t| t.table.memory_size() as i64);
    c.ret().long(m);
    Ok(())
}

/// `stats(): array|false`
pub fn stats(c: &mut Call<'_>) -> Res {
    let Some(s) = c.state_quiet().and_then(|s| s.created.as_ref()).and_then(|t| t.table.stats().ok()) else {
        c.ret().bool(false);
        return Ok(());
    };
    c.ret().assoc_longs(&[
        ("num", s.num as i64),
        ("conflict_count", s.conflict_count as i64),
        ("conflict_max_level", s.conflict_max_level as i64),
        ("insert_count", s.insert_count as i64),
        ("update_count", s.update_count as i64),
        ("delete_count", s.delete_count as i64),
        ("available_slice_num", s.available_slice_num as i64),
        ("total_slice_num", s.total_slice_num as i64),
    ]);
    Ok(())
}
