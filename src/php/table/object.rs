//! The `Swoole\Table` PHP object: a `zend_object` plus a pointer to this process's state
//! (the column list before `create()`, the core table handle after it, the row array template
//! and the cursor of the hand-called `Iterator` methods).
//!
//! Freeing the object (at the end of a script, in any process) only drops this process's view;
//! the shared rows are ended by `destroy()` alone.

use crate::cstr;
use crate::php::zend;
use crate::table::{RowBuf, Table, TableBuilder};
use ext_php_rs::ffi::{HashTable, zend_class_entry, zend_object, zend_object_handlers, zend_string, zval};
use std::mem::offset_of;

#[repr(C)]
pub struct TableObject {
    pub state: *mut State,
    pub std: zend_object,
}

/// Everything this process knows about one table.
pub struct State {
    pub builder: TableBuilder,
    pub created: Option<Created>,
    /// > 0 while user code (a `__toString`) runs inside a conversion of this table's values.
    pub converting: u32,
    /// The cursor of the `Iterator` methods called by hand (`foreach` uses its own).
    pub cursor: Cursor,
}

/// The state after `create()`.
pub struct Created {
    pub table: Table,
    pub row: RowBuf,
    /// An array with the column names as keys (in column order) and null values; every row
    /// array returned to PHP is a copy of it with the values filled in.
    pub template: *mut HashTable,
    /// The column names as interned strings, by column index.
    pub names: Vec<*mut zend_string>,
}

impl Drop for Created {
    fn drop(&mut self) {
        // SAFETY: the template is ours (one reference) and only freed here.
        unsafe { zend::zend_array_destroy(self.template) };
    }
}

/// A position in the table plus the row found there (key and row array), as PHP values.
pub struct Cursor {
    pub next: u32,
    pub valid: bool,
    pub key: zval,
    pub row: zval,
}

impl Cursor {
    pub fn new() -> Cursor {
        // SAFETY: an all-zero zval is IS_UNDEF, which needs no release.
        let mut c = Cursor { next: 0, valid: false, key: unsafe { std::mem::zeroed() }, row: unsafe { std::mem::zeroed() } };
        c.clear();
        c
    }

    /// Releases the current key and row.
    pub fn clear(&mut self) {
        // SAFETY: both hold either null or a value this cursor owns.
        unsafe {
            zend::zval_ptr_dtor(&mut self.key);
            zend::zval_ptr_dtor(&mut self.row);
            zend::set_null(&mut self.key);
            zend::set_null(&mut self.row);
        }
        self.valid = false;
    }
}

impl Drop for Cursor {
    fn drop(&mut self) {
        self.clear();
    }
}

pub static mut TABLE_CE: *mut zend_class_entry = std::ptr::null_mut();
pub static mut HANDLERS: std::mem::MaybeUninit<zend_object_handlers> = std::mem::MaybeUninit::uninit();

pub unsafe extern "C" fn create_object(ce: *mut zend_class_entry) -> *mut zend_object {
    unsafe {
        let t = ext_php_rs::ffi::ext_php_rs_zend_object_alloc(std::mem::size_of::<TableObject>(), ce) as *mut TableObject;
        (*t).state = std::ptr::null_mut();
        let obj = &mut (*t).std as *mut zend_object;
        zend::zend_object_std_init(obj, ce);
        zend::object_properties_init(obj, ce);
        (*obj).handlers = (&raw const HANDLERS).cast();
        obj
    }
}

pub unsafe extern "C" fn free_object(obj: *mut zend_object) {
    unsafe {
        let t = from_obj(obj);
        drop_state(t);
        zend::zend_object_std_dtor(obj);
    }
}

/// Drops this process's state (and its local mapping); the object then acts as if its
/// constructor never ran.
pub unsafe fn drop_state(t: *mut TableObject) {
    unsafe {
        let s = std::mem::replace(&mut (*t).state, std::ptr::null_mut());
        if !s.is_null() {
            drop(Box::from_raw(s));
        }
    }
}

#[inline(always)]
pub unsafe fn from_obj(obj: *mut zend_object) -> *mut TableObject {
    unsafe { (obj as *mut u8).sub(offset_of!(TableObject, std)) as *mut TableObject }
}

/// `$this` of a method call.
#[inline(always)]
pub unsafe fn this(ex: *mut ext_php_rs::ffi::zend_execute_data) -> *mut TableObject {
    unsafe { from_obj((*ex).This.value.obj) }
}

/// Throws `Swoole\Error` with `msg`.
pub unsafe fn throw_error(msg: *const std::ffi::c_char) {
    unsafe { zend::zend_throw_exception(super::SWOOLE_ERROR_CE, msg, 0) };
}

/// The state of a constructed object, or `Swoole\Error: must call constructor first`.
#[inline(always)]
pub unsafe fn state<'a>(t: *mut TableObject) -> Option<&'a mut State> {
    unsafe {
        if (*t).state.is_null() {
            throw_error(cstr!("must call constructor first"));
            return None;
        }
        Some(&mut *(*t).state)
    }
}

/// The created table, or `Swoole\Error` (constructor never ran, or not created yet).
#[inline(always)]
pub unsafe fn created<'a>(t: *mut TableObject) -> Option<&'a mut Created> {
    unsafe {
        let s = state(t)?;
        match s.created.as_mut() {
            Some(c) => Some(c),
            None => {
                throw_error(cstr!("table is not created or has been destroyed"));
                None
            }
        }
    }
}

/// Counts user code running inside a conversion for this table (`destroy()` is refused then).
#[inline(always)]
pub unsafe fn converting(t: *mut TableObject, delta: i32) {
    unsafe {
        if let Some(s) = (*t).state.as_mut() {
            s.converting = s.converting.wrapping_add_signed(delta);
        }
    }
}

/// `$size` and `$memorySize` cannot be unset (as in Swoole); other properties behave normally.
pub unsafe extern "C" fn unset_property(obj: *mut zend_object, name: *mut zend_string, cache: *mut *mut std::ffi::c_void) {
    unsafe {
        let n = zend::zstr_bytes(name);
        if n == b"size" || n == b"memorySize" {
            zend::zend_throw_error(
                std::ptr::null_mut(),
                cstr!("Property %s of class %s cannot be unset"),
                (*name).val.as_ptr(),
                (*(*(*obj).ce).name).val.as_ptr(),
            );
            return;
        }
        zend::zend_std_unset_property(obj, name, cache);
    }
}
