//! `incr` and `decr`: atomic read-modify-write of one int or float column, creating the row
//! (all zero) when the key is missing.

use super::args;
use super::object;
use crate::cstr;
use crate::php::zend::{self, arg, num_args, ztype};
use crate::table::{ColumnType, TableError};
use ext_php_rs::ffi::{zend_execute_data, zval};

unsafe fn step(ex: *mut zend_execute_data, rv: *mut zval, decr: bool) {
    unsafe {
        let n = num_args(ex);
        let mut by: *mut zval = std::ptr::null_mut();
        if (2..=3).contains(&n) && ztype(arg(ex, 1)) == zend::IS_STRING && ztype(arg(ex, 2)) == zend::IS_STRING {
            if n == 3 {
                by = arg(ex, 3);
            }
        } else {
            let (mut s, mut l, mut c, mut cl) = (std::ptr::null_mut::<std::ffi::c_char>(), 0usize, std::ptr::null_mut::<std::ffi::c_char>(), 0usize);
            if zend::zend_parse_parameters(n, cstr!("ss|z"), &mut s as *mut _, &mut l as *mut usize, &mut c as *mut _, &mut cl as *mut usize, &mut by as *mut *mut zval) != 0 {
                return;
            }
        }
        let (key, column) = (args::str_arg(ex, 1), args::str_arg(ex, 2));
        let Some((t, c)) = args::target(ex, key, rv) else { return };
        // the column is checked before the row is looked up, so a bad column creates no row
        let Some(col) = c.table.schema().column_index(column) else {
            let name = zend::c_text(column);
            zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("column[%s] does not exist"), name.as_ptr());
            zend::set_bool(rv, false);
            return;
        };
        let ty = c.table.schema().column(col).map(|c| c.ty());
        let r = match ty {
            Some(ColumnType::Int) => {
                let d = if by.is_null() {
                    1
                } else if ztype(by) == zend::IS_LONG {
                    zend::lval(by)
                } else {
                    object::converting(t, 1);
                    let v = zend::zval_get_long_func(zend::deref(by), false);
                    object::converting(t, -1);
                    if zend::exception_pending() {
                        return;
                    }
                    v
                };
                let Some(c) = object::created(t) else { return };
                let r = if decr { c.table.decr_int(key, col, d) } else { c.table.incr_int(key, col, d) };
                r.map(|v| zend::set_long(rv, v))
            }
            Some(ColumnType::Float) => {
                let d = if by.is_null() {
                    1.0
                } else {
                    match ztype(by) {
                        zend::IS_DOUBLE => (*by).value.dval,
                        zend::IS_LONG => zend::lval(by) as f64,
                        _ => {
                            object::converting(t, 1);
                            let v = zend::zval_get_double_func(zend::deref(by));
                            object::converting(t, -1);
                            if zend::exception_pending() {
                                return;
                            }
                            v
                        }
                    }
                };
                let Some(c) = object::created(t) else { return };
                let r = if decr { c.table.decr_float(key, col, d) } else { c.table.incr_float(key, col, d) };
                r.map(|v| zend::set_double(rv, v))
            }
            _ => {
                let fmt = if decr { cstr!("can't execute 'decr' on a string type column") } else { cstr!("can't execute 'incr' on a string type column") };
                zend::php_error_docref(std::ptr::null(), zend::E_WARNING, fmt);
                zend::set_bool(rv, false);
                return;
            }
        };
        super::warn_recovered(t);
        match r {
            Ok(()) => {}
            Err(TableError::Full) => {
                zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("unable to allocate memory"));
                zend::set_bool(rv, false);
            }
            Err(TableError::Destroyed) => object::throw_error(cstr!("table is not created or has been destroyed")),
            Err(_) => zend::set_bool(rv, false),
        }
    }
}

/// `incr(string $key, string $column, int|float $incrby = 1): int|float|false`
pub unsafe extern "C" fn incr(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe { step(ex, rv, false) }
}

/// `decr(string $key, string $column, int|float $incrby = 1): int|float|false`
pub unsafe extern "C" fn decr(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe { step(ex, rv, true) }
}
