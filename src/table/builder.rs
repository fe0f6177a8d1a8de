//! Declaring a table before it exists: size, conflict proportion and columns, then `create()`.

use super::capacity::{overflow_rows, swoole_memory_size, table_size};
use super::error::{ColumnError, CreateError};
use super::layout::Geometry;
use super::schema::{ColumnDef, Schema, check_column, row_bytes};
use super::table::Table;

/// A table being declared (`new Swoole\Table(...)` plus `column()` calls).
#[derive(Clone, Debug)]
pub struct TableBuilder {
    size: u32,
    overflow: u32,
    columns: Vec<ColumnDef>,
}

impl TableBuilder {
    /// `table_size` and `conflict_proportion` as PHP passes them; rounded and clamped like Swoole
    /// (see [`super::capacity`]).
    pub fn new(table_size: i64, conflict_proportion: f64) -> TableBuilder {
        let size = self::table_size(table_size);
        TableBuilder { size, overflow: overflow_rows(size, conflict_proportion), columns: Vec::new() }
    }

    /// N, what `getSize()` reports (valid before `create()`).
    pub fn size(&self) -> u32 {
        self.size
    }

    /// C, the overflow rows.
    pub fn overflow(&self) -> u32 {
        self.overflow
    }

    /// M = N + C, how many rows the table will hold.
    pub fn slots(&self) -> u64 {
        self.size as u64 + self.overflow as u64
    }

    /// Declares a column. `ty` is Swoole's `TYPE_*` value; `size` matters for strings only.
    pub fn column(&mut self, name: &[u8], ty: i64, size: i64) -> Result<(), ColumnError> {
        let def = check_column(&self.columns, name, ty, size)?;
        self.columns.push(def);
        Ok(())
    }

    /// Number of columns declared so far.
    pub fn column_count(&self) -> usize {
        self.columns.len()
    }

    /// The layout `create()` would use.
    pub fn geometry(&self) -> Result<Geometry, CreateError> {
        let data = usize::try_from(row_bytes(&self.columns)).map_err(|_| CreateError::RowTooLarge)?;
        Geometry::new(self.size, self.overflow, data)
    }

    /// Bytes Swoole 6.3 would map for the same declaration.
    pub fn swoole_memory_size(&self) -> u64 {
        swoole_memory_size(self.size, self.overflow, row_bytes(&self.columns))
    }

    /// The schema the declared columns make.
    pub fn schema(&self) -> Result<Schema, CreateError> {
        Schema::build(&self.columns)
    }

    /// Maps the shared memory and returns this process's handle. Processes forked afterwards
    /// share the rows. The builder stays usable (each call creates a separate table).
    pub fn create(&self) -> Result<Table, CreateError> {
        let geo = self.geometry()?;
        Table::create(self.schema()?, geo)
    }
}

#[cfg(test)]
impl TableBuilder {
    /// `create()` with a chosen hash key instead of a random one.
    pub(crate) fn test_create_keyed(&self, key: super::hash::HashKey) -> Result<Table, CreateError> {
        let geo = self.geometry()?;
        Table::create_keyed(self.schema()?, geo, key)
    }
}
