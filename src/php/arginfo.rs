//! Hand-built argument info (`zend_internal_arg_info`) and function tables, written the way
//! PHP's own `*_arginfo.h` headers write them, so Reflection shows exactly the original
//! signatures: union return types, by-reference parameters, untyped parameters and default
//! values as literal strings. ext-php-rs's builders cannot express all of these.

use ext_php_rs::ffi::{zend_function_entry, zend_internal_arg_info, zend_type, zif_handler};
use std::ffi::{CStr, c_char, c_void};

// zend_type_info.h / zend_types.h / zend_compile.h (PHP 8.2)
pub const MAY_BE_NULL: u32 = 1 << 1;
pub const MAY_BE_FALSE: u32 = 1 << 2;
pub const MAY_BE_TRUE: u32 = 1 << 3;
pub const MAY_BE_BOOL: u32 = MAY_BE_FALSE | MAY_BE_TRUE;
pub const MAY_BE_LONG: u32 = 1 << 4;
pub const MAY_BE_DOUBLE: u32 = 1 << 5;
pub const MAY_BE_STRING: u32 = 1 << 6;
pub const MAY_BE_ARRAY: u32 = 1 << 7;
pub const MAY_BE_OBJECT: u32 = 1 << 8;
pub const MAY_BE_RESOURCE: u32 = 1 << 9;
pub const MAY_BE_ANY: u32 = MAY_BE_NULL
    | MAY_BE_BOOL
    | MAY_BE_LONG
    | MAY_BE_DOUBLE
    | MAY_BE_STRING
    | MAY_BE_ARRAY
    | MAY_BE_OBJECT
    | MAY_BE_RESOURCE;
pub const MAY_BE_VOID: u32 = 1 << 14;
pub const MAY_BE_STATIC: u32 = 1 << 15;
const TYPE_NAME_BIT: u32 = 1 << 24;
const SEND_BY_REF: u32 = 1 << 25;
const IS_TENTATIVE_BIT: u32 = 1 << 29;

/// Makes engine tables of raw pointers usable as `static`s. They are written once at compile
/// time and only read afterwards.
#[repr(transparent)]
pub struct Table<T>(pub T);
// SAFETY: the wrapped tables are immutable after construction and hold pointers to literals.
unsafe impl<T> Sync for Table<T> {}

const fn ty(ptr: *const c_char, mask: u32) -> zend_type {
    zend_type { ptr: ptr as *mut c_void, type_mask: mask }
}

const fn name(s: &'static CStr) -> *const c_char {
    s.as_ptr()
}

/// The first entry of an arginfo array: required argument count and return type.
pub const fn returns(required: usize, mask: u32) -> zend_internal_arg_info {
    zend_internal_arg_info { name: required as *const c_char, type_: ty(std::ptr::null(), mask), default_value: std::ptr::null() }
}

/// Like `returns`, with a tentative return type (as on PHP's own interface implementations,
/// which Reflection shows as `Tentative return [ … ]`).
pub const fn returns_tentative(required: usize, mask: u32) -> zend_internal_arg_info {
    returns(required, mask | IS_TENTATIVE_BIT)
}

/// A return type naming a class, plus `mask` (e.g. `SysvMessageQueue|false`).
pub const fn returns_class(required: usize, class: &'static CStr, mask: u32) -> zend_internal_arg_info {
    zend_internal_arg_info {
        name: required as *const c_char,
        type_: ty(name(class), TYPE_NAME_BIT | mask),
        default_value: std::ptr::null(),
    }
}

/// A by-value parameter with a builtin type mask (0 = untyped) and an optional default.
pub const fn arg(n: &'static CStr, mask: u32, default: Option<&'static CStr>) -> zend_internal_arg_info {
    zend_internal_arg_info {
        name: name(n),
        type_: ty(std::ptr::null(), mask),
        default_value: match default {
            Some(d) => d.as_ptr(),
            None => std::ptr::null(),
        },
    }
}

/// A by-reference parameter (`&$name`), with a type mask (0 = untyped) and optional default.
pub const fn arg_ref(n: &'static CStr, mask: u32, default: Option<&'static CStr>) -> zend_internal_arg_info {
    let mut a = arg(n, mask, default);
    a.type_.type_mask |= SEND_BY_REF;
    a
}

/// A parameter typed with a class name.
pub const fn arg_class(n: &'static CStr, class: &'static CStr, nullable: bool) -> zend_internal_arg_info {
    zend_internal_arg_info {
        name: name(n),
        type_: ty(name(class), TYPE_NAME_BIT | if nullable { MAY_BE_NULL } else { 0 }),
        default_value: std::ptr::null(),
    }
}

/// One `ZEND_FE`/`ZEND_ME` entry; `args` is the whole arginfo array including its first entry.
pub const fn function(
    fname: &'static CStr,
    handler: zif_handler,
    args: &'static [zend_internal_arg_info],
    flags: u32,
) -> zend_function_entry {
    zend_function_entry { fname: fname.as_ptr(), handler, arg_info: args.as_ptr(), num_args: (args.len() - 1) as u32, flags }
}

/// `ZEND_FE_END`.
pub const fn end() -> zend_function_entry {
    zend_function_entry { fname: std::ptr::null(), handler: None, arg_info: std::ptr::null(), num_args: 0, flags: 0 }
}
