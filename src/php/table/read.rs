//! `get`, `getdel`, `exists`/`exist`, `del`/`delete` and `cmpdel`.

use super::args;
use super::object::{self, Created};
use super::values;
use super::write;
use crate::cstr;
use crate::php::zend::{self, arg, num_args, ztype};
use crate::table::TableError;
use ext_php_rs::ffi::{zend_execute_data, zval};

/// Parses `(string $key, ?string $field = null)`; the field is `None` when null or absent.
unsafe fn key_field<'a>(ex: *mut zend_execute_data) -> Option<(&'a [u8], Option<&'a [u8]>)> {
    unsafe {
        let n = num_args(ex);
        let fast = (n == 1 || n == 2)
            && ztype(arg(ex, 1)) == zend::IS_STRING
            && (n == 1 || matches!(ztype(arg(ex, 2)), zend::IS_STRING | zend::IS_NULL));
        if !fast {
            let (mut s, mut l) = (std::ptr::null_mut::<std::ffi::c_char>(), 0usize);
            let (mut f, mut fl) = (std::ptr::null_mut::<std::ffi::c_char>(), 0usize);
            if zend::zend_parse_parameters(n, cstr!("s|s!"), &mut s as *mut _, &mut l as *mut usize, &mut f as *mut _, &mut fl as *mut usize) != 0 {
                return None;
            }
        }
        let field = if n >= 2 && ztype(zend::deref(arg(ex, 2))) == zend::IS_STRING { Some(args::str_arg(ex, 2)) } else { None };
        Some((args::str_arg(ex, 1), field))
    }
}

/// Returns a core error to PHP: `false`, or `Swoole\Error` when the table is gone.
unsafe fn fail(e: TableError, rv: *mut zval) {
    unsafe {
        if e == TableError::Destroyed {
            object::throw_error(cstr!("table is not created or has been destroyed"));
        } else {
            zend::set_bool(rv, false);
        }
    }
}

unsafe fn get_impl(ex: *mut zend_execute_data, rv: *mut zval, delete: bool) {
    unsafe {
        let Some((key, field)) = key_field(ex) else { return };
        let Some((t, c)) = args::target(ex, key, rv) else { return };
        let Created { table, row, .. } = &mut *c;
        let col = match field {
            None => None,
            Some(f) => match table.schema().column_index(f) {
                Some(i) => Some(i),
                None => {
                    // not a column: false, and getdel deletes nothing
                    zend::set_bool(rv, false);
                    return;
                }
            },
        };
        if let (Some(i), false) = (col, delete) {
            let r = table.get_field(key, i, row);
            super::warn_recovered(t);
            match r {
                Ok(v) => values::value_to_zval(v, rv),
                Err(e) => fail(e, rv),
            }
            return;
        }
        let r = if delete { table.getdel(key, row) } else { table.get(key, row) };
        super::warn_recovered(t);
        if let Err(e) = r {
            return fail(e, rv);
        }
        let c = object::created(t).unwrap_unchecked();
        match col {
            Some(i) => match c.row.value(i) {
                Some(v) => values::value_to_zval(v, rv),
                None => zend::set_bool(rv, false),
            },
            None => values::row_array(c, &c.row, rv),
        }
    }
}

/// `get(string $key, ?string $field = null): array|string|int|float|false`
pub unsafe extern "C" fn get(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe { get_impl(ex, rv, false) }
}

/// `getdel(string $key, ?string $field = null): array|string|int|float|false`
pub unsafe extern "C" fn getdel(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe { get_impl(ex, rv, true) }
}

/// `exists(string $key): bool` (alias `exist`)
pub unsafe extern "C" fn exists(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let Some(key) = args::key_only(ex) else { return };
        let Some((t, c)) = args::target(ex, key, rv) else { return };
        let r = c.table.exists(key);
        super::warn_recovered(t);
        match r {
            Ok(b) => zend::set_bool(rv, b),
            Err(e) => fail(e, rv),
        }
    }
}

/// `del(string $key): bool` (alias `delete`)
pub unsafe extern "C" fn del(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let Some(key) = args::key_only(ex) else { return };
        let Some((t, c)) = args::target(ex, key, rv) else { return };
        let r = c.table.del(key);
        done(t, r, rv);
    }
}

/// `cmpdel(string $key, array $expected): bool`
pub unsafe extern "C" fn cmpdel(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let Some((key, exp, _)) = args::key_arrays(ex, 1) else { return };
        let Some((t, _)) = args::target(ex, key, rv) else { return };
        let Some(e) = write::expected(t, exp, rv) else { return };
        let Some(c) = object::created(t) else { return };
        let r = c.table.cmpdel(key, e.as_slice());
        done(t, r, rv);
    }
}

/// `true` for success, otherwise as `fail`.
unsafe fn done(t: *mut object::TableObject, r: Result<(), TableError>, rv: *mut zval) {
    unsafe {
        super::warn_recovered(t);
        match r {
            Ok(()) => zend::set_bool(rv, true),
            Err(e) => fail(e, rv),
        }
    }
}
