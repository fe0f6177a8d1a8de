//! Argument info of `Swoole\Table`'s methods and of the `swoole_table()` helper, as
//! `stubs/swoole_table.stub.php` states them (Swoole 6.3's signatures, real union return types).

use crate::php::arginfo::{self as ai, Table};
use ext_php_rs::ffi::zend_internal_arg_info as A;

const ROW: u32 = ai::MAY_BE_ARRAY | ai::MAY_BE_STRING | ai::MAY_BE_LONG | ai::MAY_BE_DOUBLE | ai::MAY_BE_FALSE;
const NUM: u32 = ai::MAY_BE_LONG | ai::MAY_BE_DOUBLE;

pub static CONSTRUCT: Table<[A; 3]> = Table([
    ai::returns(1, 0),
    ai::arg(c"table_size", ai::MAY_BE_LONG, None),
    ai::arg(c"conflict_proportion", ai::MAY_BE_DOUBLE, Some(c"0.2")),
]);
pub static COLUMN: Table<[A; 4]> = Table([
    ai::returns(2, ai::MAY_BE_BOOL),
    ai::arg(c"name", ai::MAY_BE_STRING, None),
    ai::arg(c"type", ai::MAY_BE_LONG, None),
    ai::arg(c"size", ai::MAY_BE_LONG, Some(c"0")),
]);
pub static NONE_BOOL: Table<[A; 1]> = Table([ai::returns(0, ai::MAY_BE_BOOL)]);
pub static NONE_INT: Table<[A; 1]> = Table([ai::returns(0, ai::MAY_BE_LONG)]);
pub static NONE_VOID: Table<[A; 1]> = Table([ai::returns(0, ai::MAY_BE_VOID)]);
pub static NONE_MIXED: Table<[A; 1]> = Table([ai::returns(0, ai::MAY_BE_ANY)]);
pub static STATS: Table<[A; 1]> = Table([ai::returns(0, ai::MAY_BE_ARRAY | ai::MAY_BE_FALSE)]);
pub static SET: Table<[A; 3]> = Table([
    ai::returns(2, ai::MAY_BE_BOOL),
    ai::arg(c"key", ai::MAY_BE_STRING, None),
    ai::arg(c"value", ai::MAY_BE_ARRAY, None),
]);
pub static ADD: Table<[A; 3]> = Table([
    ai::returns(2, ai::MAY_BE_BOOL),
    ai::arg(c"key", ai::MAY_BE_STRING, None),
    ai::arg(c"values", ai::MAY_BE_ARRAY, None),
]);
pub static CMPSET: Table<[A; 4]> = Table([
    ai::returns(3, ai::MAY_BE_BOOL),
    ai::arg(c"key", ai::MAY_BE_STRING, None),
    ai::arg(c"expected", ai::MAY_BE_ARRAY, None),
    ai::arg(c"values", ai::MAY_BE_ARRAY, None),
]);
pub static CMPDEL: Table<[A; 3]> = Table([
    ai::returns(2, ai::MAY_BE_BOOL),
    ai::arg(c"key", ai::MAY_BE_STRING, None),
    ai::arg(c"expected", ai::MAY_BE_ARRAY, None),
]);
pub static GET: Table<[A; 3]> = Table([
    ai::returns(1, ROW),
    ai::arg(c"key", ai::MAY_BE_STRING, None),
    ai::arg(c"field", ai::MAY_BE_STRING | ai::MAY_BE_NULL, Some(c"null")),
]);
pub static KEY_BOOL: Table<[A; 2]> = Table([ai::returns(1, ai::MAY_BE_BOOL), ai::arg(c"key", ai::MAY_BE_STRING, None)]);
pub static INCR: Table<[A; 4]> = Table([
    ai::returns(2, NUM | ai::MAY_BE_FALSE),
    ai::arg(c"key", ai::MAY_BE_STRING, None),
    ai::arg(c"column", ai::MAY_BE_STRING, None),
    ai::arg(c"incrby", NUM, Some(c"1")),
]);
pub static HELPER: Table<[A; 3]> = Table([
    ai::returns_class(2, c"Swoole\\Table", 0),
    ai::arg(c"size", ai::MAY_BE_LONG, None),
    ai::arg(c"fields", ai::MAY_BE_STRING, None),
]);
pub static OPEN: Table<[A; 6]> = Table([
    ai::returns(3, ai::MAY_BE_STATIC),
    ai::arg(c"name", ai::MAY_BE_STRING, None),
    ai::arg(c"size", ai::MAY_BE_LONG, None),
    ai::arg(c"columns", ai::MAY_BE_ARRAY, None),
    ai::arg(c"conflict_proportion", ai::MAY_BE_DOUBLE, Some(c"0.2")),
    ai::arg(c"mode", ai::MAY_BE_LONG, Some(c"0600")),
]);
pub static UNLINK: Table<[A; 2]> = Table([ai::returns(1, ai::MAY_BE_BOOL), ai::arg(c"name", ai::MAY_BE_STRING, None)]);
pub static LIST: Table<[A; 1]> = Table([ai::returns(0, ai::MAY_BE_ARRAY)]);
