//! The `Swoole\Table` PHP object: a `zend_object` plus this process's state (the column list
//! before `create()`, the core table handle after it, the row array template and the cursor of
//! the hand-called `Iterator` methods), and the engine hooks that allocate and free it.
//!
//! This file is part of the audited layer (with `call.rs` and `values.rs`): the raw pointers to
//! the object live here and in `call.rs` only. Handlers reach the state through a `Call`.
//!
//! Lifetime rules (see `call.rs` for how they are enforced):
//! * while any method of an object runs, `depth` counts the calls in progress (nested calls from
//!   user code included) and the call holds a reference to the object, so `unset()` of the last
//!   variable cannot free it mid-call;
//! * `destroy()` ends the table at once for every process (the shared header says so), but the
//!   local state is only moved to `retired`; it is released when the outermost call returns, so
//!   nothing a running call might still touch is freed under it;
//! * freeing the object (end of the script, in any process) only drops this process's view; the
//!   shared rows are ended by `destroy()` alone.

use crate::php::zend;
use crate::table::{RowBuf, Schema, Table, TableBuilder};
use ext_php_rs::ffi::{HashTable, zend_class_entry, zend_object, zend_object_handlers, zend_string, zval};
use std::mem::offset_of;
use std::rc::Rc;

#[repr(C)]
pub struct TableObject {
    /// Null before the constructor ran and after `destroy()`.
    pub(super) state: *mut State,
    /// Method calls and iterator steps of this object in progress.
    pub(super) depth: u32,
    /// States ended by `destroy()` during a call, released when `depth` returns to 0.
    pub(super) retired: Vec<Box<State>>,
    pub std: zend_object,
}

/// Everything this process knows about one table.
pub struct State {
    pub builder: TableBuilder,
    pub created: Option<Created>,
    /// The cursor of the `Iterator` methods called by hand (`foreach` uses its own).
    pub cursor: Cursor,
}

/// What converting PHP values for a table needs: the schema and the interned column names.
/// Shared by reference count, so a conversion (which may run user code) holds its own handle
/// and never a borrow of the table's state.
pub struct Shape {
    pub schema: Schema,
    /// The column names as interned strings, by column index (for pointer-equality lookups).
    pub names: Vec<*mut zend_string>,
}

/// The state after `create()`.
pub struct Created {
    pub table: Table,
    pub row: RowBuf,
    pub shape: Rc<Shape>,
    /// An array with the column names as keys (in column order, numeric names as integer keys)
    /// and null values; every row array returned to PHP is a copy of it with the values filled in.
    pub template: *mut HashTable,
}

impl Drop for Created {
    fn drop(&mut self) {
        // SAFETY: the template is ours (one reference) and only freed here; freeing an array of
        // nulls runs no user code.
        unsafe { zend::zend_array_destroy(self.template) };
    }
}

/// A PHP value this process owns one reference to (null when empty). Releasing one never runs
/// user code here: cursors only hold strings and arrays of scalars.
pub struct Owned(pub(super) zval);

impl Owned {
    pub fn null() -> Owned {
        // SAFETY: an all-zero zval is IS_UNDEF; it is made IS_NULL right away.
        let mut z: zval = unsafe { std::mem::zeroed() };
        // SAFETY: z is a local zval.
        unsafe { zend::set_null(&mut z) };
        Owned(z)
    }

    pub fn clear(&mut self) {
        // SAFETY: the zval holds null or a value this struct owns one reference to.
        unsafe {
            zend::zval_ptr_dtor(&mut self.0);
            zend::set_null(&mut self.0);
        }
    }
}

impl Drop for Owned {
    fn drop(&mut self) {
        self.clear();
    }
}

/// A position in the table plus the row found there (key and row array), as PHP values.
pub struct Cursor {
    /// The slot to continue from.
    pub next: u32,
    pub valid: bool,
    /// Whether `rewind()` or `next()` has run: as in Swoole, `next()` on a cursor that never
    /// moved goes to the first row, and on one that went past the last row stays there.
    pub started: bool,
    pub key: Owned,
    pub row: Owned,
}

impl Cursor {
    pub fn new() -> Cursor {
        Cursor { next: 0, valid: false, started: false, key: Owned::null(), row: Owned::null() }
    }

    /// Releases the current key and row.
    pub fn clear(&mut self) {
        self.key.clear();
        self.row.clear();
        self.valid = false;
    }
}

/// `Swoole\Table` when rsipc provides it (null beside the Swoole extension).
pub static mut TABLE_CE: *mut zend_class_entry = std::ptr::null_mut();
/// `Rsipc\Table`, the parent of rsipc's `Swoole\Table`; declares the properties.
pub static mut RSIPC_TABLE_CE: *mut zend_class_entry = std::ptr::null_mut();
pub static mut HANDLERS: std::mem::MaybeUninit<zend_object_handlers> = std::mem::MaybeUninit::uninit();

/// `create_object` handler.
pub unsafe extern "C" fn create_object(ce: *mut zend_class_entry) -> *mut zend_object {
    unsafe {
        let t = ext_php_rs::ffi::ext_php_rs_zend_object_alloc(std::mem::size_of::<TableObject>(), ce) as *mut TableObject;
        // SAFETY: fresh, uninitialised memory of the right size: fields are written, not assigned.
        (&raw mut (*t).state).write(std::ptr::null_mut());
        (&raw mut (*t).depth).write(0);
        (&raw mut (*t).retired).write(Vec::new());
        let obj = &mut (*t).std as *mut zend_object;
        zend::zend_object_std_init(obj, ce);
        zend::object_properties_init(obj, ce);
        (*obj).handlers = (&raw const HANDLERS).cast();
        obj
    }
}

/// `free_obj` handler. Never runs during a call on this object: every call holds a reference.
pub unsafe extern "C" fn free_object(obj: *mut zend_object) {
    unsafe {
        let t = from_obj(obj);
        let s = std::mem::replace(&mut (*t).state, std::ptr::null_mut());
        if !s.is_null() {
            drop(Box::from_raw(s));
        }
        std::ptr::drop_in_place(&raw mut (*t).retired);
        zend::zend_object_std_dtor(obj);
    }
}

#[inline(always)]
pub(super) unsafe fn from_obj(obj: *mut zend_object) -> *mut TableObject {
    unsafe { (obj as *mut u8).sub(offset_of!(TableObject, std)) as *mut TableObject }
}

/// `$size` and `$memorySize` cannot be unset (as in Swoole); other properties behave normally.
pub unsafe extern "C" fn unset_property(obj: *mut zend_object, name: *mut zend_string, cache: *mut *mut std::ffi::c_void) {
    unsafe {
        let n = zend::zstr_bytes(name);
        if n == b"size" || n == b"memorySize" {
            zend::zend_throw_error(
                std::ptr::null_mut(),
                crate::cstr!("Property %s of class %s cannot be unset"),
                (*name).val.as_ptr(),
                (*(*(*obj).ce).name).val.as_ptr(),
            );
            return;
        }
        zend::zend_std_unset_property(obj, name, cache);
    }
}
