//! Argument handling shared by the row methods: the exact-type fast paths in front of the
//! engine's `zend_parse_parameters`, and Swoole 6.3's key rule.

#![forbid(unsafe_code)]

use super::call::{Call, Kind, Res, Spec, Stop};
use crate::table::MAX_KEY_LEN;

/// Parses `(string $key)`.
pub fn key<'c>(c: &mut Call<'c>) -> Result<&'c [u8], Stop> {
    if !(c.argc() == 1 && matches!(c.arg(1).kind(), Kind::Str(_))) {
        c.parse(Spec::S)?;
    }
    Ok(c.arg(1).str())
}

/// Parses `(string $key, array $a [, array $b])`.
pub fn key_arrays<'c>(c: &mut Call<'c>, arrays: u32) -> Result<&'c [u8], Stop> {
    let fast = c.argc() == 1 + arrays
        && matches!(c.arg(1).kind(), Kind::Str(_))
        && (1..=arrays).all(|i| matches!(c.arg(1 + i).kind(), Kind::Array(_)));
    if !fast {
        c.parse(if arrays == 1 { Spec::StrArray } else { Spec::StrArrayArray })?;
    }
    Ok(c.arg(1).str())
}

/// The checks in front of every keyed method, in Swoole's order: a created table, then the key.
pub fn target(c: &mut Call<'_>, key: &[u8]) -> Res {
    drop(c.open()?);
    check_key(c, key)
}

/// Swoole 6.3's key rule: 1 to 63 bytes; otherwise a warning and `false` (`Err` = stop here,
/// with the result set).
pub fn check_key(c: &mut Call<'_>, key: &[u8]) -> Res {
    if key.is_empty() {
        c.warn("key must not be empty");
    } else if key.len() > MAX_KEY_LEN {
        c.warn(format!("key length exceeds the limit of {MAX_KEY_LEN} bytes"));
    } else {
        return Ok(());
    }
    c.ret().bool(false);
    Err(Stop)
}
