//! `final class SysvMessageQueue`: an opaque handle holding a queue's key and id.
//!
//! Exactly as ext/sysvmsg: final, no dynamic properties, not serializable, not clonable,
//! not comparable, and not constructible (the error comes from a `get_constructor` handler,
//! so Reflection shows no constructor).

use crate::cstr;
use crate::php::{arginfo, class, zend};
use ext_php_rs::ffi::{zend_class_entry, zend_function, zend_object, zend_object_handlers, zval};
use std::mem::offset_of;

const ZEND_ACC_FINAL: u32 = 1 << 5;
const ZEND_ACC_NO_DYNAMIC_PROPERTIES: u32 = 1 << 13;
const ZEND_ACC_NOT_SERIALIZABLE: u32 = 1 << 29;

/// The object as allocated: our fields, then the engine's `zend_object` (which must be last).
#[repr(C)]
pub struct QueueObject {
    pub key: i32,
    pub id: i32,
    pub std: zend_object,
}

pub static mut QUEUE_CE: *mut zend_class_entry = std::ptr::null_mut();
static mut HANDLERS: std::mem::MaybeUninit<zend_object_handlers> = std::mem::MaybeUninit::uninit();
static METHODS: arginfo::Table<[ext_php_rs::ffi::zend_function_entry; 1]> = arginfo::Table([arginfo::end()]);

unsafe extern "C" fn create_object(ce: *mut zend_class_entry) -> *mut zend_object {
    unsafe {
        let q = zend::_emalloc(std::mem::size_of::<QueueObject>()) as *mut QueueObject;
        (*q).key = 0;
        (*q).id = -1;
        let obj = &mut (*q).std as *mut zend_object;
        zend::zend_object_std_init(obj, ce);
        (*obj).handlers = (&raw const HANDLERS).cast();
        obj
    }
}

unsafe extern "C" fn get_constructor(_obj: *mut zend_object) -> *mut zend_function {
    unsafe {
        zend::zend_throw_error(
            std::ptr::null_mut(),
            cstr!("Cannot directly construct SysvMessageQueue, use msg_get_queue() instead"),
        )
    };
    std::ptr::null_mut()
}

/// Registers the class; runs in the sysvmsg module's MINIT.
pub unsafe fn register() {
    unsafe {
        let ce = class::register(
            c"SysvMessageQueue",
            METHODS.0.as_ptr(),
            std::ptr::null_mut(),
            ZEND_ACC_FINAL | ZEND_ACC_NO_DYNAMIC_PROPERTIES | ZEND_ACC_NOT_SERIALIZABLE,
        );
        (*ce).__bindgen_anon_2.create_object = Some(create_object);
        let mut h = class::std_handlers();
        h.offset = offset_of!(QueueObject, std) as i32;
        h.get_constructor = Some(get_constructor);
        h.clone_obj = None;
        h.compare = Some(zend::zend_objects_not_comparable);
        (*(&raw mut HANDLERS)).write(h);
        QUEUE_CE = ce;
    }
}

/// The queue object behind a zval that is known to hold a `SysvMessageQueue`.
#[inline(always)]
pub unsafe fn from_zval(z: *const zval) -> *mut QueueObject {
    unsafe { ((*z).value.obj as *mut u8).sub(offset_of!(QueueObject, std)) as *mut QueueObject }
}

/// Is `z` a `SysvMessageQueue` object? (The class is final, so no subclass check is needed.)
#[inline(always)]
pub unsafe fn is_queue(z: *const zval) -> bool {
    unsafe { zend::ztype(z) == zend::IS_OBJECT && (*(*z).value.obj).ce == QUEUE_CE }
}

/// `object_init_ex(rv, SysvMessageQueue)`.
pub unsafe fn new_into(rv: *mut zval) -> *mut QueueObject {
    unsafe {
        let obj = create_object(QUEUE_CE);
        (*rv).value.obj = obj;
        (*rv).u1.type_info = 8 | (1 << 8) | (2 << 8); // IS_OBJECT_EX
        from_zval(rv)
    }
}
