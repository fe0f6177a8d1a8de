//! The binding layer: converts PHP arguments, calls the PHP-free core (`crate::sysv`,
//! `crate::table`) and builds PHP values, warnings and exceptions.

pub mod arginfo;
pub mod class;
pub mod serialize;
pub mod sysvmsg;
pub mod table;
pub mod zend;

use std::ffi::c_int;

/// Keeps this shared object mapped until the process ends. rsipc registers a second module
/// (`sysvmsg`) whose code lives in this file; PHP unloads rsipc's handle at shutdown without
/// knowing that, so the library must never be unmapped while the engine can still call it.
pub fn pin_library() {
    let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
    // SAFETY: dladdr only reads the loader's tables; the address is a function of ours.
    if unsafe { libc::dladdr(pin_library as *const libc::c_void, &mut info) } != 0 && !info.dli_fname.is_null() {
        // SAFETY: RTLD_NOLOAD returns the already-loaded handle and marks it NODELETE.
        unsafe { libc::dlopen(info.dli_fname, libc::RTLD_LAZY | libc::RTLD_NOLOAD | libc::RTLD_NODELETE) };
    }
}

/// rsipc's MINIT.
pub extern "C" fn rsipc_minit(_type: i32, _module_number: i32) -> c_int {
    sysvmsg::loading_done();
    // SAFETY: MINIT of rsipc: the engine is registering modules' classes and functions now.
    unsafe { table::register() };
    0
}
