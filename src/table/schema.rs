//! Columns and the row layout derived from them.
//!
//! The schema lives in process memory (it is fixed before `create()` and copied into children by
//! `fork`), never in the mapping. Inside a row's data area the 8-byte columns (int, float) come
//! first, in declaration order, then the string columns, each a `u32` length followed by its
//! capacity in bytes. Every access is therefore naturally aligned (8 for numbers, 4 for lengths).
//! [`Schema::columns`] keeps declaration order, which is the order rows are reported in.

use std::collections::HashMap;
use std::sync::Arc;

use super::error::{ColumnError, CreateError};
use super::layout::SLOT_HEADER_BYTES;

/// Longest column name accepted, in bytes.
pub const MAX_COLUMN_NAME: usize = 256;
/// Most columns a table may have.
pub const MAX_COLUMNS: usize = 4096;
/// Largest string column capacity (after rounding up to 8): Swoole's `UINT32_MAX - 4`, rounded
/// down to 8.
pub const MAX_STRING_SIZE: u32 = 0xffff_fff8;
/// Largest data area of a row, in bytes. Column offsets are stored as `u32` and the slot (its
/// 72-byte header plus the data, rounded up to 8) must stay within `u32` too, so a schema that
/// needs more is refused, by `column()` and again by the layout, never clamped.
pub const MAX_ROW_DATA: u64 = (u32::MAX as u64 - SLOT_HEADER_BYTES as u64) & !7;

/// Column type, with Swoole's constant values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(u8)]
pub enum ColumnType {
    /// 64-bit signed integer (`Table::TYPE_INT`), whatever size was declared.
    Int = 1,
    /// IEEE double (`Table::TYPE_FLOAT`).
    Float = 2,
    /// Byte string with a fixed capacity (`Table::TYPE_STRING`).
    String = 3,
}

impl ColumnType {
    /// Maps Swoole's `TYPE_*` constant to a type.
    pub fn from_code(code: i64) -> Option<ColumnType> {
        match code {
            1 => Some(ColumnType::Int),
            2 => Some(ColumnType::Float),
            3 => Some(ColumnType::String),
            _ => None,
        }
    }
}

/// One column of a created schema.
#[derive(Clone, Debug)]
pub struct Column {
    name: Box<[u8]>,
    ty: ColumnType,
    capacity: u32,
    offset: u32,
}

impl Column {
    /// The column name (binary-safe).
    pub fn name(&self) -> &[u8] {
        &self.name
    }
    /// The column type.
    pub fn ty(&self) -> ColumnType {
        self.ty
    }
    /// For strings: how many bytes a value may hold (the declared size rounded up to 8); longer
    /// values are truncated. For numbers: 8.
    pub fn capacity(&self) -> u32 {
        self.capacity
    }
    /// Byte offset of the column inside a row's data area.
    #[inline(always)]
    pub(crate) fn offset(&self) -> usize {
        self.offset as usize
    }
}

/// A column as declared, before the layout is computed.
#[derive(Clone, Debug)]
pub(crate) struct ColumnDef {
    pub(crate) name: Box<[u8]>,
    pub(crate) ty: ColumnType,
    pub(crate) capacity: u32,
}

/// Checks one `column()` call against those already declared and returns its definition.
/// Checks in Swoole's order: string size below 1, type, duplicate name, string size too large;
/// then ours: name length, column count.
pub(crate) fn check_column(
    existing: &[ColumnDef],
    name: &[u8],
    ty: i64,
    size: i64,
) -> Result<ColumnDef, ColumnError> {
    if ty == ColumnType::String as i64 && size < 1 {
        return Err(ColumnError::InvalidSize);
    }
    let ty = ColumnType::from_code(ty).ok_or(ColumnError::UnknownType)?;
    if existing.iter().any(|c| &*c.name == name) {
        return Err(ColumnError::Duplicate);
    }
    let capacity = match ty {
        ColumnType::Int | ColumnType::Float => 8,
        ColumnType::String => {
            // Swoole rounds the size up to 8 first and then compares with the largest length
            // its 4-byte length prefix leaves room for.
            let rounded = (size as u64).div_ceil(8) * 8;
            if rounded > MAX_STRING_SIZE as u64 {
                return Err(ColumnError::TooLarge);
            }
            rounded as u32
        }
    };
    if name.len() > MAX_COLUMN_NAME {
        return Err(ColumnError::NameTooLong);
    }
    if existing.len() >= MAX_COLUMNS {
        return Err(ColumnError::TooMany);
    }
    // A row past MAX_ROW_DATA is refused by create() (Swoole takes each column up to its own
    // limit at column() time; a too-large row only fails when the table is made).
    Ok(ColumnDef { name: name.into(), ty, capacity })
}

/// Bytes of a row's data area holding `defs` (cannot overflow: at most 4096 columns of < 2^32).
pub(crate) fn row_bytes(defs: &[ColumnDef]) -> u64 {
    defs.iter().map(column_bytes).sum()
}

/// Bytes a column takes in the row: 8 for numbers, 4 + capacity for strings.
pub(crate) fn column_bytes(def: &ColumnDef) -> u64 {
    match def.ty {
        ColumnType::String => 4 + def.capacity as u64,
        _ => 8,
    }
}

#[derive(Debug)]
struct SchemaInner {
    columns: Vec<Column>,
    /// Size of a row's data area.
    data_size: usize,
    /// Size of the leading block of 8-byte columns.
    fixed_size: usize,
    /// Indices (into `columns`) of the string columns.
    strings: Vec<usize>,
    /// Name lookup for wide tables; narrow ones are scanned.
    by_name: Option<HashMap<Box<[u8]>, usize>>,
}

/// The columns of a table and where each lives in a row. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Schema {
    inner: Arc<SchemaInner>,
}

impl Schema {
    /// Lays out the declared columns; `RowTooLarge` when their offsets would not fit in `u32`.
    pub(crate) fn build(defs: &[ColumnDef]) -> Result<Schema, CreateError> {
        if row_bytes(defs) > MAX_ROW_DATA {
            return Err(CreateError::RowTooLarge);
        }
        let mut columns: Vec<Column> = defs
            .iter()
            .map(|d| Column { name: d.name.clone(), ty: d.ty, capacity: d.capacity, offset: 0 })
            .collect();
        let mut off: u64 = 0;
        for c in columns.iter_mut().filter(|c| c.ty != ColumnType::String) {
            c.offset = off as u32;
            off += 8;
        }
        let fixed_size = off as usize;
        let mut strings = Vec::new();
        for (i, c) in columns.iter_mut().enumerate() {
            if c.ty == ColumnType::String {
                c.offset = off as u32; // < MAX_ROW_DATA, checked above
                off += 4 + c.capacity as u64;
                strings.push(i);
            }
        }
        let by_name = (columns.len() > 8)
            .then(|| columns.iter().enumerate().map(|(i, c)| (c.name.clone(), i)).collect());
        Ok(Schema { inner: Arc::new(SchemaInner { columns, data_size: off as usize, fixed_size, strings, by_name }) })
    }

    /// Columns in declaration order.
    #[inline]
    pub fn columns(&self) -> &[Column] {
        &self.inner.columns
    }

    /// Column `i` (declaration order).
    #[inline]
    pub fn column(&self, i: usize) -> Option<&Column> {
        self.inner.columns.get(i)
    }

    /// Number of columns.
    #[inline]
    pub fn len(&self) -> usize {
        self.inner.columns.len()
    }

    /// True when the table has no columns (rows are then bare keys).
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.inner.columns.is_empty()
    }

    /// Index of the column called `name`.
    #[inline]
    pub fn column_index(&self, name: &[u8]) -> Option<usize> {
        match &self.inner.by_name {
            Some(map) => map.get(name).copied(),
            None => self.inner.columns.iter().position(|c| &*c.name == name),
        }
    }

    /// Size in bytes of a row's data area (what a full-row copy holds).
    #[inline]
    pub fn data_size(&self) -> usize {
        self.inner.data_size
    }

    #[inline(always)]
    pub(crate) fn fixed_size(&self) -> usize {
        self.inner.fixed_size
    }

    #[inline(always)]
    pub(crate) fn string_columns(&self) -> &[usize] {
        &self.inner.strings
    }

    /// Whether two handles describe the same schema object (cheap identity check).
    #[inline]
    pub(crate) fn same(&self, other: &Schema) -> bool {
        Arc::ptr_eq(&self.inner, &other.inner)
    }
}
