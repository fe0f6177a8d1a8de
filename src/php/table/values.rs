//! Converting between PHP values and row values (part of the audited layer, with `call.rs`).
//!
//! PHP → row: the entries of a `set()`-style array whose string key names a column, converted
//! with the engine's own rules (`zval_get_long`, `zval_get_double`, `zval_get_string`) before any
//! lock is taken. These conversions can run user code (`__toString`), so they take the `Call`
//! mutably and an owned handle on the table's shape, never a borrow of the table's state; every
//! string they keep is an owned reference, because a later `__toString` may overwrite the
//! variable an earlier string came from.
//!
//! Row → PHP: arrays copied from a per-table template whose keys are the column names (numeric
//! names as integer keys, as PHP's arrays require), with the values filled in.

use super::call::{ArrayArg, Call, Res, Stop};
use super::object::{Created, Shape};
use crate::php::zend::{self, ztype};
use crate::table::{ColumnType, RowBuf, Schema, Value};
use ext_php_rs::ffi::{Bucket, HashTable, zend_string, zval};

/// Converted values for one call: `(column index, value)` pairs plus the strings that back
/// them (released on drop). The first [`INLINE`] of each are kept inline, so a `set()` of a
/// usual row allocates nothing here; more spill into a vector.
pub struct Values {
    pairs: Small<(usize, Value<'static>)>,
    owned: Small<*mut zend_string>,
}

/// Items kept without allocating.
const INLINE: usize = 8;

/// A list that keeps up to [`INLINE`] items inline and all of them in a vector beyond that.
struct Small<T: Copy> {
    len: usize,
    inline: [T; INLINE],
    spill: Vec<T>,
}

impl<T: Copy> Small<T> {
    /// An empty list; `fill` only pads the unused inline places.
    fn new(fill: T) -> Small<T> {
        Small { len: 0, inline: [fill; INLINE], spill: Vec::new() }
    }

    fn push(&mut self, v: T) {
        if self.len < INLINE {
            self.inline[self.len] = v;
        } else {
            if self.len == INLINE {
                self.spill.extend_from_slice(&self.inline);
            }
            self.spill.push(v);
        }
        self.len += 1;
    }

    fn as_slice(&self) -> &[T] {
        if self.len <= INLINE { &self.inline[..self.len] } else { &self.spill }
    }
}

impl Values {
    /// No values yet; the conversions fill it in place (returned by value, its few hundred
    /// bytes were copied on every call).
    pub fn new() -> Values {
        Values { pairs: Small::new((0, Value::Int(0))), owned: Small::new(std::ptr::null_mut()) }
    }

    /// The pairs, borrowing the strings this struct holds.
    pub fn as_slice(&self) -> &[(usize, Value<'_>)] {
        self.pairs.as_slice()
    }
}

impl Drop for Values {
    fn drop(&mut self) {
        for &s in self.owned.as_slice() {
            // SAFETY: each string was obtained with one reference that this struct holds;
            // releasing a string runs no user code.
            unsafe { zend::release_str(s) };
        }
    }
}

/// One array entry: its string key (null for an integer key) and its value.
type Entry = (*mut zend_string, *mut zval);

/// The entries of `ht` in order, read one bucket at a time (nothing is allocated: this is on
/// the path of every `set()`). The array is held by the call's frame and user code cannot reach
/// it to change its shape (a change through a variable separates a copy first), so its bucket
/// array stays as it is while the conversions run.
unsafe fn entries(ht: *mut HashTable) -> impl Iterator<Item = Entry> {
    unsafe {
        // only integer keys: nothing to read
        let used = if zend::is_packed(ht) { 0 } else { (*ht).nNumUsed as usize };
        let data: *mut Bucket = (*ht).__bindgen_anon_1.arData;
        (0..used).filter_map(move |i| {
            // SAFETY: i < nNumUsed, inside the bucket array of the held array.
            let b = data.add(i);
            (ztype(&(*b).val) != zend::IS_UNDEF).then(|| ((*b).key, &mut (*b).val as *mut zval))
        })
    }
}

/// Whether `ht` is packed (integer keys only).
fn packed(a: ArrayArg<'_>) -> bool {
    // SAFETY: the array is held by the frame.
    unsafe { zend::is_packed(a.ht) }
}

/// The column a string key names: pointer equality first (interned names), then bytes.
fn column_of(shape: &Shape, key: *mut zend_string) -> Option<usize> {
    if let Some(i) = shape.names.iter().position(|&n| n == key) {
        return Some(i);
    }
    // SAFETY: key is a live string key of an array the frame holds.
    shape.schema.column_index(unsafe { zend::zstr_bytes(key) })
}

/// Converts one PHP value for column `col`. `truncate_for` (the row's key, for values to store)
/// cuts strings to the column's width with Swoole's warning, raised right there as Swoole raises
/// it; comparisons keep the whole string. May run user code.
fn convert(call: &mut Call<'_>, schema: &Schema, col: usize, z: *mut zval, out: &mut Values, truncate_for: Option<&[u8]>) -> Result<(), Stop> {
    let Some(c) = schema.column(col) else { return Ok(()) };
    let mut too_long = false;
    // SAFETY: z is an element of an array the frame holds (the element may be a reference,
    // dereferenced here and read at once); the engine's conversions are called on it while no
    // borrow of table state exists (`call` is borrowed mutably for that reason).
    unsafe {
        let z = zend::deref(z);
        let v = match c.ty() {
            ColumnType::Int => Value::Int(if ztype(z) == zend::IS_LONG { zend::lval(z) } else { zend::zval_get_long_func(z, false) }),
            ColumnType::Float => Value::Float(match ztype(z) {
                zend::IS_DOUBLE => (*z).value.dval,
                zend::IS_LONG => zend::lval(z) as f64,
                _ => zend::zval_get_double_func(z),
            }),
            ColumnType::String => {
                let s = if ztype(z) == zend::IS_STRING { zend::str_addref((*z).value.str_) } else { zend::zval_get_string_func(z) };
                out.owned.push(s);
                let mut bytes: &'static [u8] = zend::zstr_bytes(s);
                let cap = c.capacity() as usize;
                if truncate_for.is_some() && bytes.len() > cap {
                    bytes = &bytes[..cap];
                    too_long = true;
                }
                Value::Str(bytes)
            }
        };
        if zend::exception_pending() {
            return Err(Stop);
        }
        out.pairs.push((col, v));
    }
    if let (true, Some(key)) = (too_long, truncate_for) {
        let msg = [&b"[key="[..], zend::c_part(key), b",field=", zend::c_part(c.name()), b"]string value is too long"].concat();
        call.warn_now(msg)?;
    }
    Ok(())
}

/// Converts the entries of a `set()`-style array: string keys naming a column; the others are
/// ignored (as Swoole does: an integer key never names a column). May run user code.
pub fn convert_row(call: &mut Call<'_>, shape: &Shape, a: ArrayArg<'_>, key: &[u8], out: &mut Values) -> Res {
    // SAFETY: the array is held by the frame for the whole call.
    for (k, v) in unsafe { entries(a.ht) } {
        if k.is_null() {
            continue;
        }
        if let Some(col) = column_of(shape, k) {
            convert(call, &shape.schema, col, v, out, Some(key))?;
        }
    }
    Ok(())
}

/// Why an `$expected` array cannot be used.
pub enum Rejected {
    Empty,
    NotNames,
    NoColumn(Vec<u8>),
}

/// Checks a `$expected` array (non-empty, string keys naming columns) before anything is
/// converted, as Swoole does.
pub fn check_expected(shape: &Shape, a: ArrayArg<'_>) -> Result<(), Rejected> {
    if a.len() == 0 {
        return Err(Rejected::Empty);
    }
    if packed(a) {
        return Err(Rejected::NotNames);
    }
    // SAFETY: the array is held by the frame for the whole call.
    for (k, _) in unsafe { entries(a.ht) } {
        if k.is_null() {
            return Err(Rejected::NotNames);
        }
        if column_of(shape, k).is_none() {
            // SAFETY: k is a live key of the array.
            return Err(Rejected::NoColumn(unsafe { zend::zstr_bytes(k) }.to_vec()));
        }
    }
    Ok(())
}

/// Converts a checked `$expected` array (strings compared whole). May run user code.
pub fn convert_expected(call: &mut Call<'_>, shape: &Shape, a: ArrayArg<'_>, out: &mut Values) -> Res {
    // SAFETY: as in `check_expected`.
    for (k, v) in unsafe { entries(a.ht) } {
        if let Some(col) = column_of(shape, k) {
            convert(call, &shape.schema, col, v, out, None)?;
        }
    }
    Ok(())
}

/// Stores one row value into `z`.
///
/// # Safety
/// `z` is writable and holds nothing that needs releasing.
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
///
/// # Safety
/// As [`value_to_zval`]; `row` is laid out for `c`'s schema.
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

/// The integer a column name stands for as an array key, following PHP's rule for numeric
/// strings (`"12"` and `"-3"` are integers, `"012"`, `"1.0"` and `"-0"` are not).
fn numeric_key(name: &[u8]) -> Option<u64> {
    let digits = match name.first()? {
        b'-' => &name[1..],
        _ => name,
    };
    if !digits.first()?.is_ascii_digit() {
        return None;
    }
    let mut idx: u64 = 0;
    // SAFETY: the engine's own check of a candidate (leading digit or '-' then digit, as
    // `_zend_handle_numeric_str` requires before calling it).
    let ok = unsafe { zend::_zend_handle_numeric_str_ex(name.as_ptr().cast(), name.len(), &mut idx) };
    ok.then_some(idx)
}

/// Builds the template and the interned column names for a freshly created table (during a
/// request: the names are request-interned strings). Runs no user code.
pub fn shape_of(schema: &Schema) -> (*mut HashTable, Shape) {
    // SAFETY: engine allocations during a request; the template is handed to `Created`, which
    // frees it.
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
            match numeric_key(name) {
                Some(i) => zend::zend_hash_index_add_new(ht, i, &mut null),
                None => zend::zend_hash_add_new(ht, s, &mut null),
            };
            names.push(s);
        }
        (ht, Shape { schema: schema.clone(), names })
    }
}
