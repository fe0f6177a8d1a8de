//! `swoole_table(int $size, string $fields): Swoole\Table` — Swoole's helper that builds a table
//! from a spec such as `"id:i, name:s:64, score:f"`, with conflict proportion 0.25, and creates it.

use super::call::{self, Call, Res, Stop, Throw};
use super::{lifecycle, object};
use crate::cstr;
use crate::php::zend::{self, num_args};
use ext_php_rs::ffi::{zend_execute_data, zval};

/// One parsed column: name, type code, size.
type ColumnSpec = (Vec<u8>, i64, i64);

fn trim(b: &[u8]) -> &[u8] {
    let is_space = |c: &u8| matches!(c, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\0');
    let start = b.iter().position(|c| !is_space(c)).unwrap_or(b.len());
    let end = b.iter().rposition(|c| !is_space(c)).map_or(start, |e| e + 1);
    &b[start..end]
}

/// Parses one entry of a spec the way Swoole's helper does: fields split on `:`, every part
/// trimmed; `i`/`int`, `f`/`float`, `s`/`string` (a string needs a length > 0, read by
/// `int_of`: PHP's `(int)`, see [`int_cast`]). Binary-safe.
fn parse_entry(part: &[u8], int_of: fn(&[u8]) -> i64) -> Result<ColumnSpec, Vec<u8>> {
    let bits: Vec<&[u8]> = part.split(|&c| c == b':').map(trim).collect();
    let ty_name = bits.get(1).copied().unwrap_or(b"");
    let ty = match ty_name {
        b"i" | b"int" => 1,
        b"f" | b"float" => 2,
        b"s" | b"string" => 3,
        other => return Err([&b"unknown field type["[..], crate::php::zend::c_part(other), b"]"].concat()),
    };
    let mut size = 0;
    if ty == 3 {
        let Some(len) = bits.get(2) else { return Err(b"need to give string length".to_vec()) };
        size = int_of(len);
        if size <= 0 {
            return Err([&b"invalid string length["[..], size.to_string().as_bytes(), b"]"].concat());
        }
    }
    Ok((bits[0].to_vec(), ty, size))
}

/// The entries of a spec, split on `,`.
fn entries(spec: &[u8], int_of: fn(&[u8]) -> i64) -> impl Iterator<Item = Result<ColumnSpec, Vec<u8>>> + '_ {
    spec.split(|&c| c == b',').map(move |part| parse_entry(part, int_of))
}

/// PHP's `(int)` of a string, which Swoole's helper applies to a string column's length: the
/// engine's own conversion (leading whitespace, a sign, exponents, saturation at PHP_INT_MAX,
/// 0 for anything else).
fn int_cast(b: &[u8]) -> i64 {
    // SAFETY: a string zval of our own, converted and released once, here (ext-php-rs's zval
    // type would free it again on drop: hence ManuallyDrop); converting a string runs no user
    // code and raises nothing.
    unsafe {
        let mut z = std::mem::ManuallyDrop::new(std::mem::zeroed::<zval>());
        zend::set_new_str(&mut *z, zend::new_string(b));
        let v = zend::zval_get_long_func(&mut *z, false);
        zend::zval_ptr_dtor(&mut *z);
        v
    }
}

#[cfg(test)]
fn parse_spec(spec: &[u8]) -> Result<Vec<ColumnSpec>, Vec<u8>> {
    // leading digits, as (int) reads the lengths these tests use
    fn digits(b: &[u8]) -> i64 {
        let n = b.iter().take_while(|c| c.is_ascii_digit()).count();
        std::str::from_utf8(&b[..n]).ok().and_then(|d| d.parse().ok()).unwrap_or(0)
    }
    entries(spec, digits).collect()
}

/// `swoole_table(int $size, string $fields): Swoole\Table`
pub unsafe extern "C" fn swoole_table(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        // SAFETY: rv is the call's return slot; the new object is held there and by `run`.
        // Swoole's helper is a PHP function with `int $size, string $fields`: null is a
        // TypeError there even in weak mode (an internal function would coerce it)
        for (n, ty) in [(1usize, c"int"), (2, c"string")] {
            if num_args(ex) as usize >= n && zend::ztype(zend::arg(ex, n)) == zend::IS_NULL {
                zend::zend_argument_type_error(n as u32, cstr!("must be of type %s, null given"), ty.as_ptr());
                return;
            }
        }
        let mut size: i64 = 0;
        let (mut s, mut l) = (std::ptr::null_mut::<std::ffi::c_char>(), 0usize);
        if zend::zend_parse_parameters(num_args(ex), cstr!("ls"), &mut size as *mut i64, &mut s as *mut _, &mut l as *mut usize) != 0 {
            return;
        }
        let spec = std::slice::from_raw_parts(s as *const u8, l).to_vec();
        zend::object_init_ex(rv, object::TABLE_CE);
        // its warnings are those of the column() calls Swoole's helper makes
        call::run((*rv).value.obj, ex, rv, Some(c"column"), |c| build(c, size, &spec));
    }
}

/// Builds the helper's table on the new object in the return slot: a bad spec is a
/// `RuntimeException` (and no table); a column Swoole refuses is a warning, as its helper's
/// `column()` calls give.
fn build(c: &mut Call<'_>, size: i64, spec: &[u8]) -> Res {
    c.init_state(lifecycle::new_state(size, 0.25));
    // entry by entry, as Swoole's helper calls column(): a bad entry after a refused column
    // comes after that column's warning
    for entry in entries(spec, int_cast) {
        match entry {
            Ok((name, ty, size)) => {
                let state = c.state()?;
                if let Err(e) = state.builder.column(&name, ty, size) {
                    c.warn(lifecycle::column_error(&name, e));
                }
            }
            Err(e) => {
                c.ret().clear();
                return Err(c.fail(Throw::Runtime, e));
            }
        }
    }
    if lifecycle::create_now(c).is_err() {
        c.ret().clear();
        return Err(Stop);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::parse_spec;

    #[test]
    fn specs_parse_like_swoole() {
        assert_eq!(parse_spec(b"id:i, name:s:64 ,score:float").unwrap(), vec![
            (b"id".to_vec(), 1, 0),
            (b"name".to_vec(), 3, 64),
            (b"score".to_vec(), 2, 0)
        ]);
        assert_eq!(parse_spec(b"name:s"), Err(b"need to give string length".to_vec()));
        assert_eq!(parse_spec(b"name:s:0"), Err(b"invalid string length[0]".to_vec()));
        assert_eq!(parse_spec(b"name:s:12abc").unwrap(), vec![(b"name".to_vec(), 3, 12)]);
        assert_eq!(parse_spec(b"x:q"), Err(b"unknown field type[q]".to_vec()));
        assert_eq!(parse_spec(b""), Err(b"unknown field type[]".to_vec()));
        assert_eq!(parse_spec(b"a:i,"), Err(b"unknown field type[]".to_vec()));
        assert_eq!(parse_spec(b"a\xff:int").unwrap(), vec![(b"a\xff".to_vec(), 1, 0)]);
    }
}
