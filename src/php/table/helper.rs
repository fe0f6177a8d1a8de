//! `swoole_table(int $size, string $fields): Swoole\Table` — Swoole's helper that builds a table
//! from a spec such as `"id:i, name:s:64, score:f"`, with conflict proportion 0.25, and creates it.

use super::{lifecycle, object};
use crate::cstr;
use crate::php::zend::{self, num_args};
use crate::table::ColumnError;
use ext_php_rs::ffi::{zend_execute_data, zval};

/// One parsed column: name, type code, size.
fn parse_spec(spec: &str) -> Result<Vec<(String, i64, i64)>, String> {
    let mut out = Vec::new();
    for part in spec.split(',') {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let bits: Vec<&str> = part.split(':').map(str::trim).collect();
        if bits.len() < 2 || bits.len() > 3 || bits[0].is_empty() {
            return Err(format!("invalid column definition '{part}', expected name:type[:size]"));
        }
        let ty = match bits[1] {
            "i" | "int" => 1,
            "f" | "float" => 2,
            "s" | "string" => 3,
            other => return Err(format!("unknown field type[{other}]")),
        };
        let size = match bits.get(2) {
            Some(s) => s.parse::<i64>().map_err(|_| format!("invalid string length[{s}]"))?,
            None => 0,
        };
        if ty == 3 && bits.len() < 3 {
            return Err("need to give string length".to_string());
        }
        if ty == 3 && size <= 0 {
            return Err(format!("invalid string length[{size}]"));
        }
        out.push((bits[0].to_string(), ty, size));
    }
    Ok(out)
}

unsafe fn runtime_exception(msg: &str) {
    unsafe {
        let c = std::ffi::CString::new(msg).unwrap_or_default();
        zend::zend_throw_exception(zend::spl_ce_RuntimeException, c.as_ptr(), 0);
    }
}

pub unsafe extern "C" fn swoole_table(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let mut size: i64 = 0;
        let (mut s, mut l) = (std::ptr::null_mut::<std::ffi::c_char>(), 0usize);
        if zend::zend_parse_parameters(num_args(ex), cstr!("ls"), &mut size as *mut i64, &mut s as *mut _, &mut l as *mut usize) != 0 {
            return;
        }
        let spec = String::from_utf8_lossy(std::slice::from_raw_parts(s as *const u8, l)).into_owned();
        let columns = match parse_spec(&spec) {
            Ok(c) => c,
            Err(e) => return runtime_exception(&e),
        };
        zend::object_init_ex(rv, object::TABLE_CE);
        let t = object::from_obj((*rv).value.obj);
        lifecycle::init(t, size, 0.25);
        let state = &mut *(*t).state;
        for (name, ty, size) in &columns {
            if let Err(e) = state.builder.column(name.as_bytes(), *ty, *size) {
                let why = if e == ColumnError::Duplicate { format!("column '{name}' is defined twice") } else { format!("column '{name}': {e}") };
                zend::zval_ptr_dtor(rv);
                zend::set_null(rv);
                return runtime_exception(&why);
            }
        }
        let created = lifecycle::create_now(t);
        if !created {
            zend::zval_ptr_dtor(rv);
            zend::set_null(rv);
            if !zend::exception_pending() {
                runtime_exception("failed to create the table");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::parse_spec;

    #[test]
    fn specs_parse_like_swoole() {
        assert_eq!(parse_spec("id:i, name:s:64 ,score:float").unwrap(), vec![
            ("id".to_string(), 1, 0),
            ("name".to_string(), 3, 64),
            ("score".to_string(), 2, 0)
        ]);
        assert!(parse_spec("name:s").is_err());
        assert!(parse_spec("x:q").is_err());
        assert!(parse_spec("x").is_err());
        assert_eq!(parse_spec("").unwrap(), vec![]);
    }
}
