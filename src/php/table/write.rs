//! `set`, `add`, `update` and `cmpset`: convert first (user code may run), then one core call
//! under one bucket lock.

use super::args;
use super::object::{self, TableObject};
use super::values::{self, Values};
use crate::cstr;
use crate::php::zend;
use crate::table::TableError;
use ext_php_rs::ffi::{HashTable, zend_execute_data, zval};

#[derive(Clone, Copy, PartialEq)]
enum Op {
    Set,
    Add,
    Update,
}

/// Converts `ht` for the table of `t`, with `destroy()` refused while user code runs.
/// `None` if a conversion threw.
unsafe fn convert(t: *mut TableObject, ht: *mut HashTable) -> Option<Values> {
    unsafe {
        let created = object::created(t)?;
        let mut out = Values::new();
        object::converting(t, 1);
        let ok = values::convert_row(created, ht, &mut out);
        object::converting(t, -1);
        ok.then_some(out)
    }
}

unsafe fn warn_truncated(key: &[u8], v: &Values, t: *mut TableObject) {
    unsafe {
        let Some(c) = (*(*t).state).created.as_ref() else { return };
        for &col in &v.truncated {
            let field = c.table.schema().column(col).map(|c| c.name()).unwrap_or(b"");
            let msg = zend::c_text(&[&b"[key="[..], zend::c_part(key), b",field=", zend::c_part(field), b"]string value is too long"].concat());
            zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("%s"), msg.as_ptr());
        }
    }
}

unsafe fn write(ex: *mut zend_execute_data, rv: *mut zval, op: Op) {
    unsafe {
        let Some((key, ht, _)) = args::key_arrays(ex, 1) else { return };
        let Some((t, _)) = args::target(ex, key, rv) else { return };
        let Some(v) = convert(t, ht) else { return };
        let Some(c) = object::created(t) else { return };
        let r = match op {
            Op::Set => c.table.set(key, v.as_slice()),
            Op::Add => c.table.add(key, v.as_slice()),
            Op::Update => c.table.update(key, v.as_slice()),
        };
        finish(t, key, &v, r, op, rv);
    }
}

unsafe fn finish(t: *mut TableObject, key: &[u8], v: &Values, r: Result<(), TableError>, op: Op, rv: *mut zval) {
    unsafe {
        super::warn_recovered(t);
        match r {
            Ok(()) => {
                warn_truncated(key, v, t);
                zend::set_bool(rv, true);
            }
            Err(TableError::Full) => {
                let k = args::key_cstring(key);
                let fmt = if op == Op::Add { cstr!("failed to add('%s'), unable to allocate memory") } else { cstr!("failed to set('%s'), unable to allocate memory") };
                zend::php_error_docref(std::ptr::null(), zend::E_WARNING, fmt, k.as_ptr());
                zend::set_bool(rv, false);
            }
            Err(TableError::Destroyed) => object::throw_error(cstr!("table is not created or has been destroyed")),
            Err(_) => zend::set_bool(rv, false),
        }
    }
}

/// `set(string $key, array $value): bool`
pub unsafe extern "C" fn set(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe { write(ex, rv, Op::Set) }
}

/// `add(string $key, array $values): bool` — only if the key is absent.
pub unsafe extern "C" fn add(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe { write(ex, rv, Op::Add) }
}

/// `update(string $key, array $values): bool` — only if the key is present.
pub unsafe extern "C" fn update(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe { write(ex, rv, Op::Update) }
}

/// Checks and converts a `$expected` array (non-empty, string keys naming columns; strings are
/// compared whole). `None` after an exception, or after a warning with `rv` set to false.
pub unsafe fn expected(t: *mut TableObject, ht: *mut HashTable, rv: *mut zval) -> Option<Values> {
    unsafe {
        let created = object::created(t)?;
        if (*ht).nNumOfElements == 0 {
            zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("expected values must not be empty"));
            zend::set_bool(rv, false);
            return None;
        }
        let mut bad: Option<std::ffi::CString> = None;
        let mut int_key = false;
        values::for_each(ht, |k, _| {
            if k.is_null() {
                int_key = true;
                return false;
            }
            if values::column_of(created, k).is_none() {
                bad = Some(zend::c_text(zend::zstr_bytes(k)));
                return false;
            }
            true
        });
        if int_key || (*ht).u.flags & (1 << 2) != 0 {
            zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("expected values must use column names"));
            zend::set_bool(rv, false);
            return None;
        }
        if let Some(name) = bad {
            zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("column[%s] does not exist"), name.as_ptr());
            zend::set_bool(rv, false);
            return None;
        }
        let mut out = Values::new();
        object::converting(t, 1);
        let mut ok = true;
        values::for_each(ht, |k, v| {
            if let Some(col) = values::column_of(created, k) {
                ok = values::convert(created.table.schema(), col, v, &mut out, false);
            }
            ok
        });
        object::converting(t, -1);
        ok.then_some(out)
    }
}

/// `cmpset(string $key, array $expected, array $values): bool`
pub unsafe extern "C" fn cmpset(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let Some((key, exp, vals)) = args::key_arrays(ex, 2) else { return };
        let Some((t, _)) = args::target(ex, key, rv) else { return };
        let Some(e) = expected(t, exp, rv) else { return };
        let Some(v) = convert(t, vals) else { return };
        let Some(c) = object::created(t) else { return };
        let r = c.table.cmpset(key, e.as_slice(), v.as_slice());
        finish(t, key, &v, r, Op::Set, rv);
    }
}
