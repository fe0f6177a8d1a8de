//! `count`, `getSize`, `getMemorySize` and `stats`.

use super::object;
use crate::cstr;
use crate::php::zend::{self, num_args};
use ext_php_rs::ffi::{zend_execute_data, zval};
use ext_php_rs::types::{ZendHashTable, Zval};

const E_DEPRECATED: i32 = 8192;

/// `count(): int` — also takes Swoole's undeclared `$mode`: `COUNT_RECURSIVE` (1) counts
/// rows × columns. 0 for an object without a table.
pub unsafe extern "C" fn count(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        // $mode is not in the arginfo (Reflection shows count(): int, as Swoole's), so null is
        // handled here: the engine's null deprecation would read the missing arginfo entry.
        let mut mode: i64 = 0;
        let n = num_args(ex);
        let a = if n == 1 { zend::arg(ex, 1) } else { std::ptr::null_mut() };
        if n == 1 && zend::ztype(a) == zend::IS_LONG {
            mode = zend::lval(a);
        } else if n == 1 && zend::ztype(a) == zend::IS_NULL && !zend::caller_is_strict() {
            zend::php_error_docref(std::ptr::null(), E_DEPRECATED, cstr!("Passing null to parameter #1 of type int is deprecated"));
            if zend::exception_pending() {
                return;
            }
        } else if n != 0 && zend::zend_parse_parameters(n, cstr!("|l"), &mut mode as *mut i64) != 0 {
            return;
        }
        let t = object::this(ex);
        let n = match (*t).state.as_ref().and_then(|s| s.created.as_ref()) {
            Some(c) => {
                let rows = c.table.count() as i64;
                if mode == 1 { rows * c.table.schema().len() as i64 } else { rows }
            }
            None => 0,
        };
        zend::set_long(rv, n);
    }
}

/// `getSize(): int` — the rounded capacity, known from the constructor on.
pub unsafe extern "C" fn get_size(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        if zend::zend_parse_parameters(num_args(ex), cstr!("")) != 0 {
            return;
        }
        let t = object::this(ex);
        zend::set_long(rv, (*t).state.as_ref().map_or(0, |s| s.builder.size() as i64));
    }
}

/// `getMemorySize(): int` — the size of the shared mapping; 0 before `create()`.
pub unsafe extern "C" fn get_memory_size(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        if zend::zend_parse_parameters(num_args(ex), cstr!("")) != 0 {
            return;
        }
        let t = object::this(ex);
        let m = (*t).state.as_ref().and_then(|s| s.created.as_ref()).map_or(0, |c| c.table.memory_size() as i64);
        zend::set_long(rv, m);
    }
}

/// `stats(): array|false`
pub unsafe extern "C" fn stats(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        if zend::zend_parse_parameters(num_args(ex), cstr!("")) != 0 {
            return;
        }
        let t = object::this(ex);
        let Some(s) = (*t).state.as_ref().and_then(|s| s.created.as_ref()).and_then(|c| c.table.stats().ok()) else {
            zend::set_bool(rv, false);
            return;
        };
        let mut a = ZendHashTable::with_capacity(8);
        for (k, v) in [
            ("num", s.num),
            ("conflict_count", s.conflict_count),
            ("conflict_max_level", s.conflict_max_level),
            ("insert_count", s.insert_count),
            ("update_count", s.update_count),
            ("delete_count", s.delete_count),
            ("available_slice_num", s.available_slice_num),
            ("total_slice_num", s.total_slice_num),
        ] {
            let _ = a.insert(k, v as i64);
        }
        (*(rv as *mut Zval)).set_hashtable(a);
    }
}
