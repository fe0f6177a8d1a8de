//! Converting between PHP values and row values.
//!
//! PHP → row: the entries of a `set()`-style array whose string key names a column, converted
//! with the engine's own rules (`zval_get_long`, `zval_get_double`, `zval_get_string`) before any
//! lock is taken. Row → PHP: arrays copied from a per-table template whose keys are interned.

use super::object::Created;
use crate::php::zend::{self, ztype};
use crate::table::{ColumnType, RowBuf, Schema, Value};
use ext_php_rs::ffi::{Bucket, HashTable, zend_string, zval};

/// Converted values for one call: `(column index, value)` pairs plus the strings that back
/// them (released on drop).
pub struct Values {
    pub pairs: Vec<(usize, Value<'static>)>,
    owned: Vec<*mut zend_string>,
    /// Columns whose string was longer than the column and was cut.
    pub truncated: Vec<usize>,
}

impl Values {
    pub fn new() -> Values {
        Values { pairs: Vec::new(), owned: Vec::new(), truncated: Vec::new() }
    }

    pub fn as_slice(&self) -> &[(usize, Value<'_>)] {
        &self.pairs
    }
}

impl Drop for Values {
    fn drop(&mut self) {
        for s in self.owned.drain(..) {
            // SAFETY: each string was obtained with one reference that this struct holds.
            unsafe { zend::release_str(s) };
        }
    }
}

/// The column an array key names: pointer equality first (interned names), then bytes.
#[inline]
pub unsafe fn column_of(c: &Created, key: *mut zend_string) -> Option<usize> {
    unsafe {
        if let Some(i) = c.names.iter().position(|&n| n == key) {
            return Some(i);
        }
        c.table.schema().column_index(zend::zstr_bytes(key))
    }
}

/// Calls `f(key, value)` for each element of `ht` in order; `key` is null for integer keys.
pub unsafe fn for_each(ht: *mut HashTable, mut f: impl FnMut(*mut zend_string, *mut zval) -> bool) {
    unsafe {
        const HASH_FLAG_PACKED: u32 = 1 << 2;
        if (*ht).u.flags & HASH_FLAG_PACKED != 0 {
            return; // only integer keys: no column names
        }
        let data: *mut Bucket = (*ht).__bindgen_anon_1.arData;
        for i in 0..(*ht).nNumUsed as usize {
            let b = data.add(i);
            if ztype(&(*b).val) == zend::IS_UNDEF {
                continue;
            }
            if !f((*b).key, &mut (*b).val) {
                return;
            }
        }
    }
}

/// Converts one PHP value for column `col`. `truncate` cuts strings to the column's width
/// (for values to store); comparisons keep the whole string. Returns false if the conversion
/// threw.
pub unsafe fn convert(schema: &Schema, col: usize, z: *mut zval, out: &mut Values, truncate: bool) -> bool {
    unsafe {
        let z = zend::deref(z);
        let Some(c) = schema.column(col) else { return true };
        let v = match c.ty() {
            ColumnType::Int => Value::Int(if ztype(z) == zend::IS_LONG { zend::lval(z) } else { zend::zval_get_long_func(z, false) }),
            ColumnType::Float => Value::Float(match ztype(z) {
                zend::IS_DOUBLE => (*z).value.dval,
                zend::IS_LONG => zend::lval(z) as f64,
                _ => zend::zval_get_double_func(z),
            }),
            ColumnType::String => {
                let s = if ztype(z) == zend::IS_STRING {
                    // held for the whole call: a later conversion (a __toString) could
                    // overwrite the variable this string came from
                    let s = (*z).value.str_;
                    out.owned.push(zend::str_addref(s));
                    s
                } else {
                    let s = zend::zval_get_string_func(z);
                    out.owned.push(s);
                    s
                };
                let mut bytes: &'static [u8] = zend::zstr_bytes(s);
                let cap = c.capacity() as usize;
                if truncate && bytes.len() > cap {
                    bytes = &bytes[..cap];
                    out.truncated.push(col);
                }
                Value::Str(bytes)
            }
        };
        if zend::exception_pending() {
            return false;
        }
        out.pairs.push((col, v));
        true
    }
}

/// Converts the entries of a `set()`-style array: string keys naming a column; the others are
/// ignored. Returns false if a conversion threw.
pub unsafe fn convert_row(c: &Created, ht: *mut HashTable, out: &mut Values) -> bool {
    unsafe {
        let mut ok = true;
        for_each(ht, |k, v| {
            if k.is_null() {
                return true;
            }
            if let Some(col) = column_of(c, k) {
                ok = convert(c.table.schema(), col, v, out, true);
            }
            ok
        });
        ok
    }
}

/// Stores one row value into `z`.
#[inline]
pub unsafe fn value_to_zval(v: Value<'_>, z: *mut zval) {
    unsafe {
        match v {
            Value::Int(i) => zend::set_long(z, i),
            Value::Float(f) => zend::set_double(z, f),
            Value::Str(s) => zend::set_new_str(z, zend::new_string(s)),
        }
    }
}

/// The row in `row` as a PHP array (column order), copied from the template.
pub unsafe fn row_array(c: &Created, row: &RowBuf, z: *mut zval) {
    unsafe {
        let ht = zend::zend_array_dup(c.template);
        let data: *mut Bucket = (*ht).__bindgen_anon_1.arData;
        for (i, (_, v)) in row.iter().enumerate() {
            value_to_zval(v, &mut (*data.add(i)).val);
        }
        zend::set_arr(z, ht);
    }
}

/// Builds the template and the interned column names for a freshly created table.
pub unsafe fn make_template(schema: &Schema) -> (*mut HashTable, Vec<*mut zend_string>) {
    unsafe {
        let intern = zend::zend_string_init_interned.expect("engine provides zend_string_init_interned");
        let ht = zend::_zend_new_array(schema.len() as u32);
        zend::zend_hash_real_init_mixed(ht);
        let mut names = Vec::with_capacity(schema.len());
        for col in schema.columns() {
            let name = col.name();
            let s = intern(name.as_ptr().cast(), name.len(), false);
            let mut null: zval = std::mem::zeroed();
            zend::set_null(&mut null);
            zend::zend_hash_add_new(ht, s, &mut null);
            std::mem::forget(null);
            names.push(s);
        }
        (ht, names)
    }
}
