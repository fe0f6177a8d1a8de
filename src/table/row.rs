//! Column values: what callers pass in, how they are written into a row's data area, how a row is
//! compared with expected values, and the copy-out buffer [`RowBuf`].
//!
//! All reads of a row happen under its bucket lock and end in a [`RowBuf`] owned by the caller;
//! the caller converts from there to PHP values after the lock is released, so no PHP code (which
//! may allocate, call user code, or bail out on `memory_limit`) ever runs with a lock held.

use super::hash::MAX_KEY_LEN;
use super::schema::{Column, ColumnType, Schema};

/// One column value, typed like its column.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value<'a> {
    /// For an int column.
    Int(i64),
    /// For a float column.
    Float(f64),
    /// For a string column; longer than the column's capacity is truncated on write.
    Str(&'a [u8]),
}

impl Value<'_> {
    #[inline(always)]
    fn fits(&self, ty: ColumnType) -> bool {
        matches!(
            (self, ty),
            (Value::Int(_), ColumnType::Int) | (Value::Float(_), ColumnType::Float) | (Value::Str(_), ColumnType::String)
        )
    }
}

/// Checks that every `(column index, value)` pair names a column of the value's type.
#[inline]
pub(crate) fn check_values(schema: &Schema, values: &[(usize, Value<'_>)]) -> bool {
    values.iter().all(|(c, v)| schema.column(*c).is_some_and(|col| v.fits(col.ty())))
}

/// Reads the 8-byte value of a number column.
///
/// # Safety
/// `data` is a row's data area laid out for the schema `col` belongs to.
#[inline(always)]
pub(crate) unsafe fn read_u64(data: *const u8, col: &Column) -> u64 {
    unsafe { (data.add(col.offset()) as *const u64).read() }
}

/// # Safety
/// As [`read_u64`], and the caller has exclusive access to the row.
#[inline(always)]
pub(crate) unsafe fn write_u64(data: *mut u8, col: &Column, v: u64) {
    unsafe { (data.add(col.offset()) as *mut u64).write(v) }
}

/// Length of a string column's value, clamped to its capacity.
///
/// # Safety
/// As [`read_u64`].
#[inline(always)]
unsafe fn str_len(data: *const u8, col: &Column) -> usize {
    let n = unsafe { (data.add(col.offset()) as *const u32).read() };
    (n as usize).min(col.capacity() as usize)
}

/// Writes `values` into a row. Strings longer than the capacity are cut to it.
///
/// # Safety
/// `data` is a row's data area for `schema`, the caller holds the row's bucket lock, and
/// `values` passed [`check_values`].
#[inline]
pub(crate) unsafe fn write_values(schema: &Schema, data: *mut u8, values: &[(usize, Value<'_>)]) {
    for &(c, v) in values {
        let col = unsafe { schema.columns().get_unchecked(c) };
        unsafe {
            match v {
                Value::Int(i) => write_u64(data, col, i as u64),
                Value::Float(f) => write_u64(data, col, f.to_bits()),
                Value::Str(s) => {
                    let n = s.len().min(col.capacity() as usize);
                    let p = data.add(col.offset());
                    (p as *mut u32).write(n as u32);
                    std::ptr::copy_nonoverlapping(s.as_ptr(), p.add(4), n);
                }
            }
        }
    }
}

/// Sets every column of a row to zero / 0.0 / "" (string bytes are left alone: a length of 0
/// hides them).
///
/// # Safety
/// As [`write_values`].
#[inline]
pub(crate) unsafe fn zero_row(schema: &Schema, data: *mut u8) {
    unsafe {
        std::ptr::write_bytes(data, 0, schema.fixed_size());
        for &i in schema.string_columns() {
            let col = schema.columns().get_unchecked(i);
            (data.add(col.offset()) as *mut u32).write(0);
        }
    }
}

/// True when the row holds exactly the `expected` values: numbers compare their stored bits
/// (so 0.0 != -0.0 and a NaN matches the same NaN), strings their length and bytes (an expected
/// string longer than the capacity never matches).
///
/// # Safety
/// As [`write_values`] (read access suffices).
#[inline]
pub(crate) unsafe fn matches(schema: &Schema, data: *const u8, expected: &[(usize, Value<'_>)]) -> bool {
    expected.iter().all(|&(c, v)| {
        let col = unsafe { schema.columns().get_unchecked(c) };
        unsafe {
            match v {
                Value::Int(i) => read_u64(data, col) == i as u64,
                Value::Float(f) => read_u64(data, col) == f.to_bits(),
                Value::Str(s) => {
                    let n = str_len(data, col);
                    n == s.len() && std::slice::from_raw_parts(data.add(col.offset() + 4), n) == s
                }
            }
        }
    })
}

/// Rows up to this size are copied with one `memcpy`; larger ones column by column, copying only
/// the used part of each string.
const WHOLE_COPY_LIMIT: usize = 256;

/// A caller-owned copy of one row (and its key). Reuse one buffer across calls: after the first
/// use no operation allocates.
#[derive(Clone, Debug)]
pub struct RowBuf {
    schema: Schema,
    key: [u8; 64],
    key_len: u8,
    data: Box<[u8]>,
}

impl RowBuf {
    /// A buffer for rows of `schema`.
    pub fn new(schema: &Schema) -> RowBuf {
        RowBuf { schema: schema.clone(), key: [0; 64], key_len: 0, data: vec![0; schema.data_size()].into() }
    }

    /// Re-targets the buffer at another schema (allocates only when the schema differs).
    #[inline]
    pub(crate) fn prepare(&mut self, schema: &Schema) {
        if !self.schema.same(schema) {
            *self = RowBuf::new(schema);
        }
    }

    /// The key of the row (filled by iteration and `get`).
    #[inline]
    pub fn key(&self) -> &[u8] {
        &self.key[..self.key_len as usize]
    }

    /// The schema the buffer is laid out for.
    #[inline]
    pub fn schema(&self) -> &Schema {
        &self.schema
    }

    /// Value of column `c` (declaration order), or `None` if there is no such column.
    #[inline]
    pub fn value(&self, c: usize) -> Option<Value<'_>> {
        let col = self.schema.column(c)?;
        Some(self.value_of(col))
    }

    #[inline]
    fn value_of(&self, col: &Column) -> Value<'_> {
        let off = col.offset();
        let d = &self.data;
        match col.ty() {
            ColumnType::Int => Value::Int(i64::from_ne_bytes(d[off..off + 8].try_into().unwrap_or([0; 8]))),
            ColumnType::Float => Value::Float(f64::from_ne_bytes(d[off..off + 8].try_into().unwrap_or([0; 8]))),
            ColumnType::String => {
                let n = u32::from_ne_bytes(d[off..off + 4].try_into().unwrap_or([0; 4])) as usize;
                let n = n.min(col.capacity() as usize);
                Value::Str(&d[off + 4..off + 4 + n])
            }
        }
    }

    /// All columns with their values, in declaration order.
    pub fn iter(&self) -> impl Iterator<Item = (&Column, Value<'_>)> + '_ {
        self.schema.columns().iter().map(move |c| (c, self.value_of(c)))
    }

    /// Sets the key part.
    ///
    /// # Safety
    /// `words` holds at least `len` bytes of key (`len <= 63`).
    #[inline(always)]
    pub(crate) unsafe fn set_key_words(&mut self, words: &[u64; 8], len: u8) {
        unsafe { self.set_key_with(len, |i| words[i]) }
    }

    /// Sets the key to `len` bytes whose word `i` (little-endian, zero-padded) is `word(i)`:
    /// each word moves on its own, so a key just read from a slot into registers is not stored
    /// and read back in wider loads (a store-forwarding stall per row in `foreach`).
    ///
    /// # Safety
    /// `word(i)` for `i < len.div_ceil(8)` holds the key's bytes (`len <= 63`).
    #[inline(always)]
    pub(crate) unsafe fn set_key_with(&mut self, len: u8, word: impl Fn(usize) -> u64) {
        debug_assert!(len as usize <= MAX_KEY_LEN);
        for i in 0..(len as usize).div_ceil(8) {
            self.key[i * 8..i * 8 + 8].copy_from_slice(&word(i).to_le_bytes());
        }
        self.key_len = len;
    }

    /// Copies a whole row in.
    ///
    /// # Safety
    /// `data` is a row's data area for this buffer's schema and the caller holds its bucket lock.
    #[inline]
    pub(crate) unsafe fn copy_row(&mut self, data: *const u8) {
        let size = self.data.len();
        let dst = self.data.as_mut_ptr();
        unsafe {
            if size <= WHOLE_COPY_LIMIT {
                std::ptr::copy_nonoverlapping(data, dst, size);
                return;
            }
            std::ptr::copy_nonoverlapping(data, dst, self.schema.fixed_size());
            for &i in self.schema.string_columns() {
                let col = self.schema.columns().get_unchecked(i);
                let n = str_len(data, col);
                std::ptr::copy_nonoverlapping(data.add(col.offset()), dst.add(col.offset()), 4 + n);
            }
        }
    }

    /// Copies one column in and returns it.
    ///
    /// # Safety
    /// As [`RowBuf::copy_row`], and `c` is a valid column index.
    #[inline]
    pub(crate) unsafe fn copy_column(&mut self, data: *const u8, c: usize) -> Value<'_> {
        let (off, n) = {
            let col = unsafe { self.schema.columns().get_unchecked(c) };
            let n = match col.ty() {
                ColumnType::String => 4 + unsafe { str_len(data, col) },
                _ => 8,
            };
            (col.offset(), n)
        };
        unsafe { std::ptr::copy_nonoverlapping(data.add(off), self.data.as_mut_ptr().add(off), n) };
        let col = unsafe { self.schema.columns().get_unchecked(c) };
        self.value_of(col)
    }
}
