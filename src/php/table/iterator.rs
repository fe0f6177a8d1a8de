//! Iteration. `foreach` gets its own iterator object with its own cursor (`get_iterator`), so
//! nested loops over one table work; the `Iterator` methods called by hand share the object's
//! cursor, as in Swoole. A cursor is a slot number in the core table: rows never move, so
//! deleting rows (the current one included) neither skips nor repeats another row.
//!
//! Every step that reads the table runs through `call::run` like a method, so a lock taken over
//! from a dead process is reported by the step that took it, and user code in the warning's
//! handler finds nothing half-done.

use super::call::{self, Call, Res};
use super::object::{Created, Cursor};
use crate::cstr;
use crate::php::zend;
use ext_php_rs::ffi::{zend_class_entry, zend_object_iterator, zend_object_iterator_funcs, zval};

/// Moves `cur` to the first row at or after its `next` slot, filling in key and row.
fn fetch(tab: &mut Created, cur: &mut Cursor) -> Result<(), crate::table::TableError> {
    cur.clear();
    match tab.table.next_from(cur.next, &mut tab.row) {
        Ok(Some(next)) => {
            cur.next = next;
            // SAFETY: both zvals were just cleared to null; building a string and a row array
            // runs no user code.
            unsafe {
                zend::set_new_str(&mut cur.key.0, zend::new_string(tab.row.key()));
                super::values::row_array(tab, &tab.row, &mut cur.row.0);
            }
            cur.valid = true;
            Ok(())
        }
        Ok(None) => Ok(()),
        Err(e) => Err(e),
    }
}

/// Runs `fetch` on the object's own cursor (`rewind`, and `next` on a cursor that never moved,
/// first set it to the start, as Swoole's iterator starts at its first bucket).
fn step_own(c: &mut Call<'_>, from_start: bool) -> Res {
    let o = c.open()?;
    if from_start || !o.cursor.started {
        o.cursor.next = 0;
        o.cursor.started = true;
    } else if !o.cursor.valid {
        return Ok(());
    }
    let r = fetch(o.tab, o.cursor);
    drop(o);
    r.or_else(|e| c.table_error(e))
}

pub fn rewind(c: &mut Call<'_>) -> Res {
    step_own(c, true)
}

pub fn next(c: &mut Call<'_>) -> Res {
    step_own(c, false)
}

pub fn valid(c: &mut Call<'_>) -> Res {
    let mut o = c.open()?;
    let v = o.cursor.valid;
    o.ret.bool(v);
    Ok(())
}

pub fn current(c: &mut Call<'_>) -> Res {
    let mut o = c.open()?;
    if o.cursor.valid { o.ret.share(&o.cursor.row) } else { o.ret.null() }
    Ok(())
}

pub fn key(c: &mut Call<'_>) -> Res {
    let mut o = c.open()?;
    if o.cursor.valid { o.ret.share(&o.cursor.key) } else { o.ret.null() }
    Ok(())
}

/// A `foreach` over a table: the engine's iterator header, then this loop's cursor.
#[repr(C)]
struct ForeachIter {
    it: zend_object_iterator,
    cursor: Cursor,
}

/// One `foreach` step on the loop's own cursor.
fn step_loop(c: &mut Call<'_>, cur: &mut Cursor, from_start: bool) -> Res {
    if from_start {
        cur.next = 0;
    }
    let o = match c.open() {
        Ok(o) => o,
        Err(s) => {
            cur.clear();
            return Err(s);
        }
    };
    if from_start {
        // In Swoole a foreach runs the object's one iterator, so after it `next()` does not start
        // over at the first row; this loop has a cursor of its own, and marks the object's as
        // started (it stays where it was: see the README, N3).
        o.cursor.started = true;
    }
    let r = fetch(o.tab, cur);
    drop(o);
    r.or_else(|e| c.table_error(e))
}

/// Runs a `foreach` step through `call::run`.
///
/// # Safety
/// `it` is one of our `ForeachIter`s, alive for the step.
unsafe fn loop_step(it: *mut zend_object_iterator, from_start: bool) {
    unsafe {
        let obj = (*it).data.value.obj;
        let cur = &raw mut (*(it as *mut ForeachIter)).cursor;
        let mut rv = std::mem::ManuallyDrop::new(std::mem::zeroed::<zval>());
        zend::set_null(&mut *rv);
        let name = if from_start { c"rewind" } else { c"next" };
        // SAFETY: the iterator holds a reference to the object and outlives the step; the
        // cursor belongs to the iterator, not to the table state.
        call::run(obj, std::ptr::null_mut(), &mut *rv, Some(name), |c| step_loop(c, &mut *cur, from_start));
        zend::zval_ptr_dtor(&mut *rv);
    }
}

unsafe extern "C" fn it_dtor(it: *mut zend_object_iterator) {
    unsafe {
        // the engine frees the memory; the cursor's values are released here
        std::ptr::drop_in_place(&raw mut (*(it as *mut ForeachIter)).cursor);
        zend::zval_ptr_dtor(&mut (*it).data);
    }
}

unsafe extern "C" fn it_valid(it: *mut zend_object_iterator) -> i32 {
    let fi = unsafe { &*(it as *mut ForeachIter) };
    if fi.cursor.valid { zend::SUCCESS } else { zend::FAILURE }
}

unsafe extern "C" fn it_current(it: *mut zend_object_iterator) -> *mut zval {
    let fi = unsafe { &mut *(it as *mut ForeachIter) };
    &mut fi.cursor.row.0
}

unsafe extern "C" fn it_key(it: *mut zend_object_iterator, key: *mut zval) {
    let fi = unsafe { &*(it as *mut ForeachIter) };
    unsafe { zend::copy_value(key, &fi.cursor.key.0) }
}

unsafe extern "C" fn it_forward(it: *mut zend_object_iterator) {
    unsafe { loop_step(it, false) }
}

unsafe extern "C" fn it_rewind(it: *mut zend_object_iterator) {
    unsafe { loop_step(it, true) }
}

static FUNCS: zend_object_iterator_funcs = zend_object_iterator_funcs {
    dtor: Some(it_dtor),
    valid: Some(it_valid),
    get_current_data: Some(it_current),
    get_current_key: Some(it_key),
    move_forward: Some(it_forward),
    rewind: Some(it_rewind),
    invalidate_current: None,
    get_gc: None,
};

/// `get_iterator` handler: a new cursor for each `foreach`.
pub unsafe extern "C" fn get_iterator(_ce: *mut zend_class_entry, obj: *mut zval, by_ref: i32) -> *mut zend_object_iterator {
    unsafe {
        if by_ref != 0 {
            zend::zend_throw_error(std::ptr::null_mut(), cstr!("An iterator cannot be used with foreach by reference"));
            return std::ptr::null_mut();
        }
        let fi = zend::_emalloc(std::mem::size_of::<ForeachIter>()) as *mut ForeachIter;
        zend::zend_iterator_init(&mut (*fi).it);
        zend::copy_value(&mut (*fi).it.data, obj);
        (*fi).it.funcs = &FUNCS;
        std::ptr::write(&raw mut (*fi).cursor, Cursor::new());
        &mut (*fi).it
    }
}
