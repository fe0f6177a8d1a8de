//! `__construct`, `column`, `create` and `destroy`.

use super::object::{self, Created, Cursor, State};
use super::values;
use crate::cstr;
use crate::php::zend::{self, arg, num_args, ztype};
use crate::table::{ColumnError, TableBuilder};
use ext_php_rs::ffi::{zend_execute_data, zval};
use std::ffi::CString;

/// `__construct(int $table_size, float $conflict_proportion = 0.2)`
pub unsafe extern "C" fn construct(ex: *mut zend_execute_data, _rv: *mut zval) {
    unsafe {
        let mut size: i64 = 0;
        let mut p: f64 = 0.2;
        if zend::zend_parse_parameters(num_args(ex), cstr!("l|d"), &mut size as *mut i64, &mut p as *mut f64) != 0 {
            return;
        }
        let t = object::this(ex);
        if !(*t).state.is_null() {
            zend::zend_throw_error(std::ptr::null_mut(), cstr!("Constructor of %s can only be called once"), cstr!("Swoole\\Table"));
            return;
        }
        init(t, size, p);
    }
}

/// Gives a fresh object its state (also used by the `swoole_table()` helper).
pub unsafe fn init(t: *mut object::TableObject, size: i64, p: f64) {
    unsafe {
        let state = State { builder: TableBuilder::new(size, p), created: None, converting: 0, cursor: Cursor::new() };
        (*t).state = Box::into_raw(Box::new(state));
    }
}

/// `column(string $name, int $type, int $size = 0): bool`
pub unsafe extern "C" fn column(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let name: *mut zval;
        let mut ty: i64 = 0;
        let mut size: i64 = 0;
        let n = num_args(ex);
        if (2..=3).contains(&n)
            && ztype(arg(ex, 1)) == zend::IS_STRING
            && ztype(arg(ex, 2)) == zend::IS_LONG
            && (n == 2 || ztype(arg(ex, 3)) == zend::IS_LONG)
        {
            name = arg(ex, 1);
            ty = zend::lval(arg(ex, 2));
            if n == 3 {
                size = zend::lval(arg(ex, 3));
            }
        } else {
            let mut s: *mut std::ffi::c_char = std::ptr::null_mut();
            let mut len: usize = 0;
            if zend::zend_parse_parameters(n, cstr!("sl|l"), &mut s as *mut _, &mut len as *mut usize, &mut ty as *mut i64, &mut size as *mut i64) != 0 {
                return;
            }
            name = arg(ex, 1); // zpp converted the argument to a string in place
        }
        let Some(state) = object::state(object::this(ex)) else { return };
        if state.created.is_some() {
            warn(cstr!("unable to add column after table has been created"));
            zend::set_bool(rv, false);
            return;
        }
        let name = zend::zstr_bytes((*zend::deref(name)).value.str_);
        match state.builder.column(name, ty, size) {
            Ok(()) => zend::set_bool(rv, true),
            Err(e) => {
                let c = match e {
                    ColumnError::Duplicate => zend::c_text(&[&b"column["[..], zend::c_part(name), b"] already exists"].concat()),
                    other => CString::new(other.to_string()).unwrap_or_default(),
                };
                zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("%s"), c.as_ptr());
                zend::set_bool(rv, false);
            }
        }
    }
}

unsafe fn warn(msg: *const std::ffi::c_char) {
    unsafe { zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("%s"), msg) };
}

/// `create(): bool`
pub unsafe extern "C" fn create(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        if zend::zend_parse_parameters(num_args(ex), cstr!("")) != 0 {
            return;
        }
        if create_now(object::this(ex)) {
            zend::set_bool(rv, true);
        }
    }
}

/// Creates the table of a constructed object and fills in `$size` and `$memorySize`; false
/// after throwing `Swoole\Error`.
pub unsafe fn create_now(t: *mut object::TableObject) -> bool {
    unsafe {
        let Some(state) = object::state(t) else { return false };
        if state.created.is_some() {
            object::throw_error(cstr!("unable to allocate memory"));
            return false;
        }
        let table = match state.builder.create() {
            Ok(table) => table,
            Err(_) => {
                object::throw_error(cstr!("unable to allocate memory"));
                return false;
            }
        };
        let (template, names) = values::make_template(table.schema());
        let row = table.row_buf();
        let (size, mem) = (table.size() as i64, table.memory_size() as i64);
        state.created = Some(Created { table, row, template, names });
        let obj = &mut (*t).std as *mut _;
        zend::zend_update_property_long(super::object::TABLE_CE, obj, cstr!("size"), 4, size);
        zend::zend_update_property_long(super::object::TABLE_CE, obj, cstr!("memorySize"), 10, mem);
        true
    }
}

/// `destroy(): bool` — ends the table for every process.
pub unsafe extern "C" fn destroy(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        if zend::zend_parse_parameters(num_args(ex), cstr!("")) != 0 {
            return;
        }
        let t = object::this(ex);
        let Some(state) = object::state(t) else { return };
        if state.converting > 0 {
            zend::zend_throw_error(std::ptr::null_mut(), cstr!("Cannot destroy Swoole\\Table during value conversion"));
            return;
        }
        let Some(created) = state.created.as_mut() else {
            object::throw_error(cstr!("table is not created or has been destroyed"));
            return;
        };
        let ended = created.table.destroy();
        object::drop_state(t);
        if ended.is_err() {
            // another process destroyed it first
            object::throw_error(cstr!("table is not created or has been destroyed"));
            return;
        }
        zend::set_bool(rv, true);
    }
}
