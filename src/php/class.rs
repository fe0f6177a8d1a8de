//! Registering internal classes the way PHP's own `register_class_*()` functions do
//! (`INIT_CLASS_ENTRY` + `zend_register_internal_class_ex`), and object allocation helpers.

use super::zend;
use ext_php_rs::ffi::{zend_class_entry, zend_function_entry, zend_object_handlers, std_object_handlers};
use std::ffi::CStr;

/// Registers a class named `name` with `methods` (a `ZEND_FE_END`-terminated table),
/// an optional parent, and extra `ce_flags`. Must run inside a module's MINIT.
pub unsafe fn register(
    name: &CStr,
    methods: *const zend_function_entry,
    parent: *mut zend_class_entry,
    flags: u32,
) -> *mut zend_class_entry {
    unsafe {
        let mut ce: zend_class_entry = std::mem::zeroed();
        let intern = zend::zend_string_init_interned.expect("engine provides zend_string_init_interned");
        ce.name = intern(name.as_ptr(), name.to_bytes().len(), true);
        ce.info.internal.builtin_functions = methods;
        let registered = zend::zend_register_internal_class_ex(&mut ce, parent);
        (*registered).ce_flags |= flags;
        registered
    }
}

/// A copy of the engine's standard object handlers, to be adjusted by the caller.
pub unsafe fn std_handlers() -> zend_object_handlers {
    unsafe { std_object_handlers }
}
