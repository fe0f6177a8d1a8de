//! PHP's own serializer and unserializer (`php_var_serialize` / `php_var_unserialize`), called
//! directly with their contexts, so every rule of `serialize()`/`unserialize()` applies
//! (`__sleep`, `__serialize`, enums, depth limits, `__wakeup`, …) and warnings carry the prefix
//! of the calling function.

use super::zend::{self, smart_str};
use ext_php_rs::ffi::{zend_string, zval};

/// Serializes `value` into a fresh string that begins with `prefix` reserved bytes (room for a
/// message header, so the result can be handed to the kernel without another copy).
/// Returns `None` when serialization threw; nothing is left allocated then.
pub unsafe fn serialize_after(value: *mut zval, prefix: usize) -> Option<*mut zend_string> {
    unsafe {
        let mut buf = smart_str { s: std::ptr::null_mut(), a: 0 };
        zend::smart_str_erealloc(&mut buf, prefix + 64);
        (*buf.s).len = prefix;
        let mut ctx = zend::php_var_serialize_init();
        zend::php_var_serialize(&mut buf, value, &mut ctx);
        zend::php_var_serialize_destroy(ctx);
        if zend::exception_pending() {
            ext_php_rs::ffi::ext_php_rs_zend_string_release(buf.s);
            return None;
        }
        Some(buf.s)
    }
}

/// One unserialization context (`PHP_VAR_UNSERIALIZE_INIT` … `_DESTROY`). Delayed calls such
/// as `__wakeup` and `__unserialize` run in `finish`.
pub struct Unserializer {
    ctx: zend::php_unserialize_data_t,
}

impl Unserializer {
    pub fn new() -> Self {
        // SAFETY: allocates the engine's per-call context.
        Unserializer { ctx: unsafe { zend::php_var_unserialize_init() } }
    }

    /// Parses `bytes` into `out` (which must hold no value yet). On failure `out` is left
    /// holding nothing that needs freeing and `false` is returned.
    pub unsafe fn parse(&mut self, bytes: &[u8], out: *mut zval) -> bool {
        unsafe {
            (*out).u1.type_info = zend::IS_NULL as u32;
            let mut p = bytes.as_ptr();
            let max = p.add(bytes.len());
            if zend::php_var_unserialize(out, &mut p, max, &mut self.ctx) != 0 {
                return true;
            }
            // as unserialize() does: drop whatever was built before the error
            zend::zval_ptr_dtor(out);
            (*out).u1.type_info = zend::IS_NULL as u32;
            false
        }
    }

    /// Ends the context, running delayed `__wakeup`/`__unserialize` calls.
    pub fn finish(self) {
        // SAFETY: the context came from php_var_unserialize_init and is destroyed once.
        unsafe { zend::php_var_unserialize_destroy(self.ctx) };
    }
}
