//! Iteration. `foreach` gets its own iterator object with its own cursor (`get_iterator`), so
//! nested loops over one table work; the `Iterator` methods called by hand share the object's
//! cursor, as in Swoole. A cursor is a slot number in the core table: rows never move, so
//! deleting rows (the current one included) neither skips nor repeats another row.

use super::object::{self, Cursor, TableObject};
use super::values;
use crate::cstr;
use crate::php::zend::{self, num_args};
use crate::table::TableError;
use ext_php_rs::ffi::{
    zend_class_entry, zend_execute_data, zend_object_iterator, zend_object_iterator_funcs, zval,
};

/// Moves `cur` to the first row at or after its `next` slot, filling in key and row.
unsafe fn fetch(t: *mut TableObject, cur: &mut Cursor) {
    unsafe {
        cur.clear();
        let Some(c) = (*t).state.as_mut().and_then(|s| s.created.as_mut()) else {
            object::throw_error(cstr!("table is not created or has been destroyed"));
            return;
        };
        match c.table.next_from(cur.next, &mut c.row) {
            Ok(Some(next)) => {
                cur.next = next;
                zend::set_new_str(&mut cur.key, zend::new_string(c.row.key()));
                values::row_array(c, &c.row, &mut cur.row);
                cur.valid = true;
            }
            Ok(None) => {}
            Err(TableError::Destroyed) => object::throw_error(cstr!("table is not created or has been destroyed")),
            Err(_) => {}
        }
    }
}

unsafe fn rewind_cursor(t: *mut TableObject, cur: &mut Cursor) {
    unsafe {
        cur.next = 0;
        fetch(t, cur);
    }
}

/// The object's own cursor, after checking that the table exists.
unsafe fn own_cursor<'a>(ex: *mut zend_execute_data) -> Option<(*mut TableObject, &'a mut Cursor)> {
    unsafe {
        if zend::zend_parse_parameters(num_args(ex), cstr!("")) != 0 {
            return None;
        }
        let t = object::this(ex);
        object::created(t)?;
        Some((t, &mut (*(*t).state).cursor))
    }
}

pub unsafe extern "C" fn rewind(ex: *mut zend_execute_data, _rv: *mut zval) {
    unsafe {
        if let Some((t, cur)) = own_cursor(ex) {
            rewind_cursor(t, cur);
        }
    }
}

pub unsafe extern "C" fn next(ex: *mut zend_execute_data, _rv: *mut zval) {
    unsafe {
        if let Some((t, cur)) = own_cursor(ex) {
            if cur.valid {
                fetch(t, cur);
            }
        }
    }
}

pub unsafe extern "C" fn valid(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        if let Some((_, cur)) = own_cursor(ex) {
            zend::set_bool(rv, cur.valid);
        }
    }
}

pub unsafe extern "C" fn current(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        if let Some((_, cur)) = own_cursor(ex) {
            if cur.valid {
                zend::copy_value(rv, &cur.row);
            } else {
                zend::set_null(rv);
            }
        }
    }
}

pub unsafe extern "C" fn key(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        if let Some((_, cur)) = own_cursor(ex) {
            if cur.valid {
                zend::copy_value(rv, &cur.key);
            } else {
                zend::set_null(rv);
            }
        }
    }
}

/// A `foreach` over a table: the engine's iterator header, then this loop's cursor.
#[repr(C)]
struct ForeachIter {
    it: zend_object_iterator,
    cursor: Cursor,
}

unsafe fn table_of(it: *mut zend_object_iterator) -> *mut TableObject {
    unsafe { object::from_obj((*it).data.value.obj) }
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
    &mut fi.cursor.row
}

unsafe extern "C" fn it_key(it: *mut zend_object_iterator, key: *mut zval) {
    let fi = unsafe { &*(it as *mut ForeachIter) };
    unsafe { zend::copy_value(key, &fi.cursor.key) }
}

unsafe extern "C" fn it_forward(it: *mut zend_object_iterator) {
    unsafe { fetch(table_of(it), &mut (*(it as *mut ForeachIter)).cursor) }
}

unsafe extern "C" fn it_rewind(it: *mut zend_object_iterator) {
    unsafe {
        let t = table_of(it);
        let cur = &mut (*(it as *mut ForeachIter)).cursor;
        if (*t).state.is_null() {
            cur.clear();
            object::throw_error(cstr!("must call constructor first"));
            return;
        }
        rewind_cursor(t, cur);
    }
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
