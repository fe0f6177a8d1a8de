//! Argument handling shared by the row methods: the key (with Swoole 6.3's key checks and
//! warnings) and the exact-type fast paths in front of the engine's `zend_parse_parameters`.

use crate::cstr;
use super::object::{self, Created, TableObject};
use crate::php::zend::{self, arg, num_args, ztype};
use crate::table::MAX_KEY_LEN;
use ext_php_rs::ffi::{HashTable, zend_execute_data, zval};

/// The `i`-th argument as a string after zpp (which converts in place in weak mode).
#[inline(always)]
pub unsafe fn str_arg<'a>(ex: *mut zend_execute_data, i: usize) -> &'a [u8] {
    unsafe { zend::zstr_bytes((*zend::deref(arg(ex, i))).value.str_) }
}

/// Parses `(string $key)`.
#[inline(always)]
pub unsafe fn key_only<'a>(ex: *mut zend_execute_data) -> Option<&'a [u8]> {
    unsafe {
        if !(num_args(ex) == 1 && ztype(arg(ex, 1)) == zend::IS_STRING) {
            let (mut s, mut l) = (std::ptr::null_mut::<std::ffi::c_char>(), 0usize);
            if zend::zend_parse_parameters(num_args(ex), cstr!("s"), &mut s as *mut _, &mut l as *mut usize) != 0 {
                return None;
            }
        }
        Some(str_arg(ex, 1))
    }
}

/// Parses `(string $key, array $a [, array $b])`: `arrays` is 1 or 2.
#[inline(always)]
pub unsafe fn key_arrays<'a>(ex: *mut zend_execute_data, arrays: usize) -> Option<(&'a [u8], *mut HashTable, *mut HashTable)> {
    unsafe {
        let n = num_args(ex) as usize;
        let fast = n == 1 + arrays
            && ztype(arg(ex, 1)) == zend::IS_STRING
            && (1..=arrays).all(|i| ztype(arg(ex, 1 + i)) == zend::IS_ARRAY);
        if !fast {
            let (mut s, mut l) = (std::ptr::null_mut::<std::ffi::c_char>(), 0usize);
            let (mut a, mut b) = (std::ptr::null_mut::<zval>(), std::ptr::null_mut::<zval>());
            let spec = if arrays == 1 { cstr!("sa") } else { cstr!("saa") };
            if zend::zend_parse_parameters(n as u32, spec, &mut s as *mut _, &mut l as *mut usize, &mut a as *mut _, &mut b as *mut _) != 0 {
                return None;
            }
        }
        let a = (*zend::deref(arg(ex, 2))).value.arr;
        let b = if arrays == 2 { (*zend::deref(arg(ex, 3))).value.arr } else { std::ptr::null_mut() };
        Some((str_arg(ex, 1), a, b))
    }
}

/// Swoole 6.3's key rule: 1 to 63 bytes, otherwise a warning and `false`.
#[inline(always)]
pub unsafe fn key_ok(key: &[u8]) -> bool {
    unsafe {
        if key.is_empty() {
            zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("key must not be empty"));
            return false;
        }
        if key.len() > MAX_KEY_LEN {
            zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("key length exceeds the limit of %d bytes"), MAX_KEY_LEN as i32);
            return false;
        }
        true
    }
}

/// A key for `%s` in a warning (keys are binary; the text stops at a NUL as in C).
pub fn key_cstring(key: &[u8]) -> std::ffi::CString {
    zend::c_text(key)
}

/// `$this`'s created table, for a call on `key`: `None` after `Swoole\Error` (no table), or
/// after the key warning with `rv` set to false.
#[inline(always)]
pub unsafe fn target<'a>(ex: *mut zend_execute_data, key: &[u8], rv: *mut zval) -> Option<(*mut TableObject, &'a mut Created)> {
    unsafe {
        let t = object::this(ex);
        let c = object::created(t)?;
        if !key_ok(key) {
            zend::set_bool(rv, false);
            return None;
        }
        Some((t, c))
    }
}
