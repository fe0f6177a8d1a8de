//! `Rsipc\Table::open()`, `::unlink()` and `::list()`: named tables, shared by any process of the
//! machine that may open their file (php-fpm workers, CLI scripts, cron jobs). The core is
//! `crate::table::named`; this file parses the PHP arguments, reads `rsipc.table_dir`, and builds
//! the object (of the class the method was called on, so `Swoole\Table::open()` gives a
//! `Swoole\Table`) through `call::run` like every other entry point.

use super::call::{self, Call, Res, Throw};
use super::lifecycle;
use super::object::{Cursor, State};
use crate::cstr;
use crate::php::zend::{self, ztype};
use crate::table::named::{self, NamedError};
use crate::table::{ColumnType, TableBuilder};
use ext_php_rs::ffi::{Bucket, HashTable, zend_class_entry, zend_execute_data, zval};

/// The current value of one of rsipc's ini entries (None if it is not registered).
fn ini(name: &std::ffi::CStr) -> Option<Vec<u8>> {
    let mut exists = false;
    // SAFETY: a C string and its length; the engine returns the entry's current string (or
    // null), which lives while the entry does.
    unsafe {
        let v = zend::zend_ini_string_ex(name.as_ptr(), name.count_bytes(), 0, &mut exists);
        (!v.is_null() && exists).then(|| std::ffi::CStr::from_ptr(v).to_bytes().to_vec())
    }
}

/// The value of `rsipc.table_dir`; an empty one means the default (not the current directory,
/// nor the root one).
fn table_dir() -> Vec<u8> {
    ini(c"rsipc.table_dir").filter(|d| !d.is_empty()).unwrap_or_else(|| crate::php::TABLE_DIR_DEFAULT.to_bytes().to_vec())
}

/// `rsipc.lock_wait` (seconds; 0 or less: wait as long as the holder lives).
fn lock_wait() -> Option<std::time::Duration> {
    let Some(s) = ini(c"rsipc.lock_wait") else { return Some(named::LOCK_PATIENCE) };
    match String::from_utf8_lossy(&s).trim().parse::<f64>() {
        Ok(x) if x > 0.0 && x.is_finite() => Some(std::time::Duration::from_secs_f64(x.min(1e9))),
        Ok(_) => None,
        Err(_) => Some(named::LOCK_PATIENCE),
    }
}

/// The class of a static call (`static::class`).
unsafe fn called_class(ex: *mut zend_execute_data) -> *mut zend_class_entry {
    unsafe { (*ex).This.value.ce }
}

const NAME_RULE: &std::ffi::CStr = c"must be 1 to 64 bytes of A-Z, a-z, 0-9, '_', '.' and '-'";

/// Reads `$columns` into the builder: `name => TYPE_INT | TYPE_FLOAT | [TYPE_STRING, size]`.
/// Throws (ValueError or TypeError, naming argument #3 and the column) and returns false on a
/// bad entry.
unsafe fn read_columns(ht: *mut HashTable, b: &mut TableBuilder) -> bool {
    unsafe {
        let bad = |msg: String| {
            let m = std::ffi::CString::new(msg).unwrap_or_default();
            zend::zend_argument_value_error(3, cstr!("%s"), m.as_ptr());
            false
        };
        if (*ht).nNumOfElements == 0 {
            return bad("must declare at least one column".into());
        }
        if zend::is_packed(ht) {
            return bad("must map column names to types, as in ['hits' => Rsipc\\Table::TYPE_INT]".into());
        }
        let data: *mut Bucket = (*ht).__bindgen_anon_1.arData;
        for i in 0..(*ht).nNumUsed as usize {
            let bk = data.add(i);
            let v = zend::deref(&mut (*bk).val);
            if ztype(v) == zend::IS_UNDEF {
                continue;
            }
            // a numeric name ("0") is an integer key in a PHP array
            let name: Vec<u8> = if (*bk).key.is_null() { (*bk).h.to_string().into_bytes() } else { zend::zstr_bytes((*bk).key).to_vec() };
            let shown = String::from_utf8_lossy(zend::c_part(&name)).into_owned();
            let (ty, size) = match ztype(v) {
                zend::IS_LONG => (zend::lval(v), 0),
                zend::IS_ARRAY => {
                    let a = (*v).value.arr;
                    let t = zend::zend_hash_index_find(a, 0);
                    let s = zend::zend_hash_index_find(a, 1);
                    let long = |z: *mut zval| if z.is_null() { None } else { let z = zend::deref(z); (ztype(z) == zend::IS_LONG).then(|| zend::lval(z)) };
                    match (long(t), long(s), (*a).nNumOfElements) {
                        (Some(t), Some(s), 2) => (t, s),
                        _ => return bad(format!("column '{shown}' must be a type constant or [type, size] of two integers")),
                    }
                }
                _ => return bad(format!("column '{shown}' must be a type constant or [type, size]")),
            };
            if ty == ColumnType::String as i64 && size == 0 {
                return bad(format!("column '{shown}' is a string column and needs a size: [Rsipc\\Table::TYPE_STRING, size]"));
            }
            if let Err(e) = b.column(&name, ty, size) {
                return bad(format!("column '{shown}': {}", String::from_utf8_lossy(&lifecycle::column_error(&name, e))));
            }
        }
        true
    }
}

/// `static open(string $name, int $size, array $columns, float $conflict_proportion = 0.2,
/// int $mode = 0600): static`
pub unsafe extern "C" fn open(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let (mut s, mut l) = (std::ptr::null_mut::<std::ffi::c_char>(), 0usize);
        let (mut size, mut p, mut mode) = (0i64, 0.2f64, 0o600i64);
        let mut cols: *mut HashTable = std::ptr::null_mut();
        if zend::zend_parse_parameters(
            zend::num_args(ex),
            cstr!("slh|dl"),
            &mut s as *mut _,
            &mut l as *mut usize,
            &mut size as *mut i64,
            &mut cols as *mut *mut HashTable,
            &mut p as *mut f64,
            &mut mode as *mut i64,
        ) != 0
        {
            return;
        }
        let name = std::slice::from_raw_parts(s as *const u8, l).to_vec();
        if !named::valid_name(&name) {
            zend::zend_argument_value_error(1, cstr!("%s"), NAME_RULE.as_ptr());
            return;
        }
        if !(0..=0o777).contains(&mode) {
            zend::zend_argument_value_error(5, cstr!("must be a file mode between 0 and 0777"));
            return;
        }
        if !(1..=named::MAX_SIZE).contains(&size) {
            const _: () = assert!(named::MAX_SIZE == 2147483648);
            zend::zend_argument_value_error(2, cstr!("must be between 1 and 2147483648"));
            return;
        }
        let mut b = TableBuilder::new(size, p);
        if !read_columns(cols, &mut b) {
            return;
        }
        if zend::object_init_ex(rv, called_class(ex)) != 0 {
            return;
        }
        let dir = table_dir();
        call::run((*rv).value.obj, ex, rv, None, |c| attach(c, b, &dir, &name, mode as u32));
    }
}

/// Opens the table and gives the new object in the return slot its state.
fn attach(c: &mut Call<'_>, b: TableBuilder, dir: &[u8], name: &[u8], mode: u32) -> Res {
    let mut table = match b.open_named(dir, name, mode) {
        Ok(t) => t,
        Err(e) => {
            c.ret().clear();
            return Err(c.fail(Throw::Table, e.to_string()));
        }
    };
    table.set_lock_patience(lock_wait());
    c.init_state(State { builder: b, created: Some(lifecycle::created(table)), cursor: Cursor::new() });
    lifecycle::set_size_properties(c);
    Ok(())
}

/// The exception class of the class a static method was called on.
unsafe fn error_class(ex: *mut zend_execute_data) -> *mut zend_class_entry {
    unsafe { super::error_class_for(called_class(ex)) }
}

fn throw(ex: *mut zend_execute_data, e: &NamedError) {
    let m = std::ffi::CString::new(e.to_string()).unwrap_or_default();
    // SAFETY: throws an exception of a registered class with a C string message.
    unsafe { zend::zend_throw_exception(error_class(ex), m.as_ptr(), 0) };
}

/// `static unlink(string $name): bool` — ends the table for every process and removes it.
pub unsafe extern "C" fn unlink(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let (mut s, mut l) = (std::ptr::null_mut::<std::ffi::c_char>(), 0usize);
        if zend::zend_parse_parameters(zend::num_args(ex), cstr!("s"), &mut s as *mut _, &mut l as *mut usize) != 0 {
            return;
        }
        let name = std::slice::from_raw_parts(s as *const u8, l);
        if !named::valid_name(name) {
            zend::zend_argument_value_error(1, cstr!("%s"), NAME_RULE.as_ptr());
            return;
        }
        match named::unlink(&table_dir(), name) {
            Ok(b) => zend::set_bool(rv, b),
            Err(e) => throw(ex, &e),
        }
    }
}

/// `static list(): array` — name => [size, conflict_proportion rows, columns, rows, memory,
/// mode, owner, created].
pub unsafe extern "C" fn list(ex: *mut zend_execute_data, rv: *mut zval) {
    use ext_php_rs::types::{ZendHashTable, Zval};
    unsafe {
        if zend::zend_parse_parameters(zend::num_args(ex), cstr!("")) != 0 {
            return;
        }
        let tables = match named::list(&table_dir()) {
            Ok(t) => t,
            Err(e) => return throw(ex, &e),
        };
        let mut out = ZendHashTable::new();
        for t in tables {
            let mut cols = ZendHashTable::new();
            for (n, ty, cap) in &t.columns {
                let name = String::from_utf8_lossy(n).into_owned();
                let _ = match ty {
                    ColumnType::Int => cols.insert(name.as_str(), 1i64),
                    ColumnType::Float => cols.insert(name.as_str(), 2i64),
                    ColumnType::String => {
                        let mut pair = ZendHashTable::new();
                        let _ = pair.push(3i64);
                        let _ = pair.push(*cap as i64);
                        cols.insert(name.as_str(), pair)
                    }
                };
            }
            let mut info = ZendHashTable::new();
            let _ = info.insert("size", t.size as i64);
            let _ = info.insert("overflow", t.overflow as i64);
            let _ = info.insert("columns", cols);
            let _ = info.insert("rows", t.rows as i64);
            let _ = info.insert("memory", t.memory as i64);
            let _ = info.insert("mode", t.mode as i64);
            let _ = info.insert("owner", t.uid as i64);
            let _ = info.insert("created", t.created as i64);
            let _ = out.insert(String::from_utf8_lossy(&t.name).as_ref(), info);
        }
        (*(rv as *mut Zval)).set_hashtable(out);
    }
}
