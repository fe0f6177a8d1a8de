//! The Zend engine API this extension needs beyond ext-php-rs's bindings, and the handful of
//! engine macros (`ZEND_CALL_ARG`, `Z_TYPE_P`, `ZEND_TRY_ASSIGN_REF_*`, …) they are used with.
//!
//! The functions are resolved against the php binary when the extension is loaded.
//! `ZEND_FASTCALL` is empty on x86-64, so they are plain C calls.

#![allow(non_camel_case_types, non_upper_case_globals)]

use ext_php_rs::ffi::{
    HashTable, zend_class_entry, zend_execute_data, zend_module_entry, zend_object, zend_reference,
    zend_string, zval,
};
use std::ffi::{c_char, c_int, c_uchar, c_void};

pub type php_serialize_data_t = *mut c_void;
pub type php_unserialize_data_t = *mut c_void;

/// `smart_str`: a growing `zend_string` and its allocated size.
#[repr(C)]
pub struct smart_str {
    pub s: *mut zend_string,
    pub a: usize,
}

pub type ErrorCb = unsafe extern "C" fn(c_int, *mut zend_string, u32, *mut zend_string);

unsafe extern "C" {
    pub static mut module_registry: HashTable;
    pub static mut zend_error_cb: Option<ErrorCb>;
    pub static zend_ce_exception: *mut zend_class_entry;
    pub static zend_ce_error: *mut zend_class_entry;

    pub fn zend_parse_parameters(num_args: u32, spec: *const c_char, ...) -> c_int;
    pub fn zend_argument_value_error(arg_num: u32, format: *const c_char, ...);
    pub fn zend_argument_type_error(arg_num: u32, format: *const c_char, ...);
    pub fn zend_zval_type_name(arg: *const zval) -> *const c_char;
    pub fn zend_throw_error(ce: *mut zend_class_entry, format: *const c_char, ...);
    pub fn zend_throw_exception(ce: *mut zend_class_entry, message: *const c_char, code: i64) -> *mut zend_object;
    pub fn zend_error(kind: c_int, format: *const c_char, ...);
    pub fn php_error_docref(docref: *const c_char, kind: c_int, format: *const c_char, ...);
    pub fn zend_strpprintf(max_len: usize, format: *const c_char, ...) -> *mut zend_string;

    pub fn zend_try_assign_typed_ref_long(r: *mut zend_reference, v: i64) -> c_int;
    pub fn zend_try_assign_typed_ref_bool(r: *mut zend_reference, v: bool) -> c_int;
    pub fn zend_try_assign_typed_ref_stringl(r: *mut zend_reference, s: *const c_char, len: usize) -> c_int;
    pub fn zend_try_assign_typed_ref_zval(r: *mut zend_reference, v: *mut zval) -> c_int;
    pub fn zval_ptr_dtor(zv: *mut zval);
    pub fn zval_get_long_func(op: *mut zval, is_strict: bool) -> i64;

    pub fn smart_str_erealloc(s: *mut smart_str, len: usize);
    pub fn php_var_serialize_init() -> php_serialize_data_t;
    pub fn php_var_serialize(buf: *mut smart_str, v: *mut zval, data: *mut php_serialize_data_t);
    pub fn php_var_serialize_destroy(d: php_serialize_data_t);
    pub fn php_var_unserialize_init() -> php_unserialize_data_t;
    pub fn php_var_unserialize(
        rval: *mut zval,
        p: *mut *const c_uchar,
        max: *const c_uchar,
        var_hash: *mut php_unserialize_data_t,
    ) -> c_int;
    pub fn php_var_unserialize_destroy(d: php_unserialize_data_t);

    pub fn zend_register_module_ex(module: *mut zend_module_entry) -> *mut zend_module_entry;
    pub fn zend_next_free_module() -> c_int;
    pub fn zend_register_internal_class_ex(ce: *mut zend_class_entry, parent: *mut zend_class_entry) -> *mut zend_class_entry;
    pub fn zend_register_long_constant(name: *const c_char, len: usize, v: i64, flags: c_int, module_number: c_int);
    pub fn zend_objects_not_comparable(a: *mut zval, b: *mut zval) -> c_int;
    pub fn zend_object_std_init(obj: *mut zend_object, ce: *mut zend_class_entry);
    pub fn zend_hash_str_find(ht: *const HashTable, key: *const c_char, len: usize) -> *mut zval;
    pub fn _emalloc(size: usize) -> *mut c_void;
    pub fn _efree(ptr: *mut c_void);
    pub fn _safe_emalloc(nmemb: usize, size: usize, offset: usize) -> *mut c_void;
    pub fn php_info_print_table_start();
    pub fn php_info_print_table_row(num_cols: c_int, ...);
    pub fn php_info_print_table_end();
    pub static zend_ce_iterator: *mut zend_class_entry;
    pub static zend_ce_countable: *mut zend_class_entry;
    pub static spl_ce_RuntimeException: *mut zend_class_entry;
    pub fn zend_update_property_long(scope: *mut zend_class_entry, obj: *mut zend_object, name: *const c_char, len: usize, v: i64);
    pub fn zend_declare_property(ce: *mut zend_class_entry, name: *const c_char, len: usize, default: *mut zval, flags: c_int);
    pub fn zend_class_implements(ce: *mut zend_class_entry, num: c_int, ...);
    pub fn zend_register_class_alias_ex(name: *const c_char, len: usize, ce: *mut zend_class_entry, persistent: bool) -> c_int;
    pub fn zend_register_functions(scope: *mut zend_class_entry, f: *const ext_php_rs::ffi::zend_function_entry, table: *mut HashTable, kind: c_int) -> c_int;
    pub fn object_init_ex(z: *mut zval, ce: *mut zend_class_entry) -> c_int;
    pub fn object_properties_init(obj: *mut zend_object, ce: *mut zend_class_entry);
    pub fn zend_object_std_dtor(obj: *mut zend_object);
    pub fn zend_iterator_init(it: *mut ext_php_rs::ffi::zend_object_iterator);
    pub fn zval_get_double_func(op: *mut zval) -> f64;
    pub fn zval_get_string_func(op: *mut zval) -> *mut zend_string;
    pub fn zend_array_dup(ht: *mut HashTable) -> *mut HashTable;
    pub fn _zend_new_array(size: u32) -> *mut HashTable;
    pub fn zend_hash_add_new(ht: *mut HashTable, key: *mut zend_string, v: *mut zval) -> *mut zval;
    pub fn zend_hash_index_find(ht: *const HashTable, h: u64) -> *mut zval;
    pub fn zend_ini_string_ex(name: *const c_char, len: usize, orig: c_int, exists: *mut bool) -> *mut c_char;
    pub fn zend_register_ini_entries(defs: *const ext_php_rs::ffi::zend_ini_entry_def, module_number: c_int) -> c_int;
    pub fn zend_unregister_ini_entries(module_number: c_int);
    pub fn zend_hash_index_add_new(ht: *mut HashTable, h: u64, v: *mut zval) -> *mut zval;
    pub fn _zend_handle_numeric_str_ex(key: *const c_char, len: usize, idx: *mut u64) -> bool;
    pub fn zend_hash_real_init_mixed(ht: *mut HashTable);
    pub fn zend_array_destroy(ht: *mut HashTable);
    pub fn zend_std_unset_property(obj: *mut zend_object, name: *mut zend_string, cache: *mut *mut c_void);
    pub fn zend_declare_class_constant_ex(ce: *mut zend_class_entry, name: *mut zend_string, v: *mut zval, flags: c_int, doc: *mut zend_string) -> *mut c_void;
    pub static zend_string_init_interned: Option<unsafe extern "C" fn(*const c_char, usize, bool) -> *mut zend_string>;
}

// Type codes and flags from zend_types.h / zend_type_info.h / zend_compile.h (PHP 8.2).
pub const IS_UNDEF: u8 = 0;
pub const IS_NULL: u8 = 1;
pub const IS_FALSE: u8 = 2;
pub const IS_TRUE: u8 = 3;
pub const IS_LONG: u8 = 4;
pub const IS_DOUBLE: u8 = 5;
pub const IS_STRING: u8 = 6;
pub const IS_ARRAY: u8 = 7;
pub const IS_OBJECT: u8 = 8;
pub const IS_REFERENCE: u8 = 10;
pub const IS_STRING_EX: u32 = 6 | (1 << 8);
pub const IS_INTERNED_STRING_EX: u32 = 6;
pub const IS_ARRAY_EX: u32 = 7 | (1 << 8) | (2 << 8);
pub const E_WARNING: c_int = 2;
pub const E_CORE_WARNING: c_int = 32;
pub const E_DEPRECATED: c_int = 8192;
pub const SUCCESS: c_int = 0;
pub const FAILURE: c_int = -1;

/// `Z_TYPE_P`.
#[inline(always)]
pub unsafe fn ztype(z: *const zval) -> u8 {
    unsafe { (*z).u1.type_info as u8 }
}

/// `ZEND_NUM_ARGS()`.
#[inline(always)]
pub unsafe fn num_args(ex: *const zend_execute_data) -> u32 {
    unsafe { (*ex).This.u2.num_args }
}

/// `ZEND_CALL_ARG(ex, n)`, 1-based.
#[inline(always)]
pub unsafe fn arg(ex: *mut zend_execute_data, n: usize) -> *mut zval {
    const SLOT: usize = std::mem::size_of::<zend_execute_data>().div_ceil(std::mem::size_of::<zval>());
    unsafe { (ex as *mut zval).add(SLOT + n - 1) }
}

#[inline(always)]
pub unsafe fn lval(z: *const zval) -> i64 {
    unsafe { (*z).value.lval }
}

#[inline(always)]
pub unsafe fn set_bool(z: *mut zval, b: bool) {
    unsafe { (*z).u1.type_info = if b { IS_TRUE } else { IS_FALSE } as u32 };
}

#[inline(always)]
pub unsafe fn set_long(z: *mut zval, v: i64) {
    unsafe {
        (*z).value.lval = v;
        (*z).u1.type_info = IS_LONG as u32;
    }
}

/// `ZVAL_STR`: takes over one reference to `s`, which may be interned (the engine's empty and
/// one-character strings are).
#[inline(always)]
pub unsafe fn set_new_str(z: *mut zval, s: *mut zend_string) {
    const IS_STR_INTERNED: u32 = 1 << 6; // GC_IMMUTABLE
    unsafe {
        (*z).value.str_ = s;
        let interned = (*s).gc.u.type_info & IS_STR_INTERNED != 0;
        (*z).u1.type_info = if interned { IS_INTERNED_STRING_EX } else { IS_STRING_EX };
    }
}

/// `ZSTR_VAL`/`ZSTR_LEN` as a byte slice.
#[inline(always)]
pub unsafe fn zstr_bytes<'a>(s: *const zend_string) -> &'a [u8] {
    unsafe { std::slice::from_raw_parts((*s).val.as_ptr() as *const u8, (*s).len) }
}

/// A new request-lifetime `zend_string` holding `bytes`.
#[inline(always)]
pub unsafe fn new_string(bytes: &[u8]) -> *mut zend_string {
    unsafe { ext_php_rs::ffi::ext_php_rs_zend_string_init(bytes.as_ptr() as *const c_char, bytes.len(), false) }
}

/// The `zend_reference` behind a by-reference argument (`Z_REF_P`).
#[inline(always)]
pub unsafe fn zref(z: *mut zval) -> *mut zend_reference {
    unsafe { (*z).value.ref_ }
}

/// `ZEND_TRY_ASSIGN_REF_LONG`: honours typed references (a typed property passed by
/// reference), otherwise overwrites the referenced value.
pub unsafe fn assign_ref_long(z: *mut zval, v: i64) {
    unsafe { assign_ref_long_with(z, || v) }
}

/// `ZEND_TRY_ASSIGN_REF_LONG(z, expr)` with the macro's order of evaluation: for a typed
/// reference `v` is computed first, otherwise after the old value is destroyed (whose destructor
/// may, for one, change errno).
pub unsafe fn assign_ref_long_with(z: *mut zval, v: impl FnOnce() -> i64) {
    unsafe {
        let r = zref(z);
        if !(*r).sources.ptr.is_null() {
            zend_try_assign_typed_ref_long(r, v());
            return;
        }
        let inner = &mut (*r).val as *mut zval;
        zval_ptr_dtor(inner);
        set_long(inner, v());
    }
}

/// `ZEND_TRY_ASSIGN_REF_FALSE`.
pub unsafe fn assign_ref_false(z: *mut zval) {
    unsafe {
        let r = zref(z);
        if !(*r).sources.ptr.is_null() {
            zend_try_assign_typed_ref_bool(r, false);
            return;
        }
        let inner = &mut (*r).val as *mut zval;
        zval_ptr_dtor(inner);
        set_bool(inner, false);
    }
}

/// `ZEND_TRY_ASSIGN_REF_STRINGL`.
pub unsafe fn assign_ref_stringl(z: *mut zval, bytes: &[u8]) {
    unsafe {
        let r = zref(z);
        if !(*r).sources.ptr.is_null() {
            zend_try_assign_typed_ref_stringl(r, bytes.as_ptr() as *const c_char, bytes.len());
            return;
        }
        let inner = &mut (*r).val as *mut zval;
        zval_ptr_dtor(inner);
        set_new_str(inner, new_string(bytes));
    }
}

/// `ZEND_TRY_ASSIGN_REF_TMP`: moves `v` (a temporary the caller owns) into the reference.
pub unsafe fn assign_ref_tmp(z: *mut zval, v: *mut zval) {
    unsafe {
        let r = zref(z);
        if !(*r).sources.ptr.is_null() {
            // consumes the temporary: stored on success, released on failure
            zend_try_assign_typed_ref_zval(r, v);
            return;
        }
        let inner = &mut (*r).val as *mut zval;
        zval_ptr_dtor(inner);
        std::ptr::copy_nonoverlapping(v, inner, 1);
    }
}

/// `EG(exception) != NULL`.
#[inline(always)]
pub fn exception_pending() -> bool {
    // SAFETY: the executor globals exist for the whole request in an NTS build.
    unsafe { !(*ext_php_rs::ffi::ext_php_rs_executor_globals()).exception.is_null() }
}

/// A NUL-terminated literal for C format strings.
#[macro_export]
macro_rules! cstr {
    ($s:expr) => {
        concat!($s, "\0").as_ptr() as *const ::std::ffi::c_char
    };
}

#[inline(always)]
pub unsafe fn set_double(z: *mut zval, v: f64) {
    unsafe {
        (*z).value.dval = v;
        (*z).u1.type_info = IS_DOUBLE as u32;
    }
}

#[inline(always)]
pub unsafe fn set_null(z: *mut zval) {
    unsafe { (*z).u1.type_info = IS_NULL as u32 };
}

/// `ZVAL_ARR`.
#[inline(always)]
pub unsafe fn set_arr(z: *mut zval, ht: *mut HashTable) {
    unsafe {
        (*z).value.arr = ht;
        (*z).u1.type_info = IS_ARRAY_EX;
    }
}

/// `HT_IS_PACKED`: the array has integer keys only (PHP 8.2's packed arrays store buckets whose
/// keys are not read).
#[inline(always)]
pub unsafe fn is_packed(ht: *const HashTable) -> bool {
    const HASH_FLAG_PACKED: u32 = 1 << 2;
    unsafe { (*ht).u.flags & HASH_FLAG_PACKED != 0 }
}

/// `ZVAL_OBJ_COPY`: `z` becomes another reference to `obj`.
#[inline(always)]
pub unsafe fn set_obj_copy(z: *mut zval, obj: *mut zend_object) {
    const IS_OBJECT_EX: u32 = 8 | (1 << 8) | (2 << 8);
    unsafe {
        (*obj).gc.refcount += 1;
        (*z).value.obj = obj;
        (*z).u1.type_info = IS_OBJECT_EX;
    }
}

/// `ZVAL_DEREF`.
#[inline(always)]
pub unsafe fn deref(z: *mut zval) -> *mut zval {
    unsafe { if ztype(z) == IS_REFERENCE { &mut (*zref(z)).val } else { z } }
}

/// `Z_TRY_ADDREF` + copy: `dst` becomes another reference to `src`'s value.
#[inline(always)]
pub unsafe fn copy_value(dst: *mut zval, src: *const zval) {
    unsafe {
        std::ptr::copy_nonoverlapping(src, dst, 1);
        if (*src).u1.type_info & (1 << 8) != 0 {
            (*(*src).value.counted).gc.refcount += 1;
        }
    }
}

/// `zend_string_release` for a string we own one reference to.
#[inline(always)]
pub unsafe fn release_str(s: *mut zend_string) {
    unsafe { ext_php_rs::ffi::ext_php_rs_zend_string_release(s) };
}

/// `zend_string_copy`: one more reference (interned strings are not counted).
#[inline(always)]
pub unsafe fn str_addref(s: *mut zend_string) -> *mut zend_string {
    const IS_STR_INTERNED: u32 = 1 << 6;
    unsafe {
        if (*s).gc.u.type_info & IS_STR_INTERNED == 0 {
            (*s).gc.refcount += 1;
        }
    }
    s
}

/// The part of `bytes` a C `%s` prints: everything before the first NUL.
pub fn c_part(bytes: &[u8]) -> &[u8] {
    &bytes[..bytes.iter().position(|&b| b == 0).unwrap_or(bytes.len())]
}

/// Text for a C `%s`: the bytes up to the first NUL, as C would print them.
pub fn c_text(bytes: &[u8]) -> std::ffi::CString {
    std::ffi::CString::new(c_part(bytes)).unwrap_or_default()
}

/// `ZEND_ARG_USES_STRICT_TYPES()`: was the running internal function called from strict code?
pub fn caller_is_strict() -> bool {
    const ZEND_ACC_STRICT_TYPES: u32 = 1 << 31;
    // SAFETY: reads the executor's frame chain during a call.
    unsafe {
        let eg = ext_php_rs::ffi::ext_php_rs_executor_globals();
        let cur = (*eg).current_execute_data;
        if cur.is_null() || (*cur).prev_execute_data.is_null() || (*(*cur).prev_execute_data).func.is_null() {
            return false;
        }
        (*(*(*cur).prev_execute_data).func).common.fn_flags & ZEND_ACC_STRICT_TYPES != 0
    }
}
