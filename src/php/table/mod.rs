//! `Swoole\Table` (with the old name `swoole_table`), `Swoole\Exception`, `Swoole\Error` and
//! the `swoole_table()` helper, registered in rsipc's MINIT.

mod args;
mod arginfo;
mod helper;
mod incr;
mod info;
mod iterator;
mod lifecycle;
pub mod object;
mod read;
mod values;
mod write;

use crate::cstr;
use crate::php::arginfo::{self as ai, Table};
use crate::php::{class, zend};
use ext_php_rs::ffi::{zend_class_entry, zend_function_entry, zval};

const PUBLIC: u32 = 1 << 0;
const NOT_SERIALIZABLE: u32 = 1 << 29;

static METHODS: Table<[zend_function_entry; 27]> = Table([
    ai::function(c"__construct", Some(lifecycle::construct), &arginfo::CONSTRUCT.0, PUBLIC),
    ai::function(c"column", Some(lifecycle::column), &arginfo::COLUMN.0, PUBLIC),
    ai::function(c"create", Some(lifecycle::create), &arginfo::NONE_BOOL.0, PUBLIC),
    ai::function(c"destroy", Some(lifecycle::destroy), &arginfo::NONE_BOOL.0, PUBLIC),
    ai::function(c"set", Some(write::set), &arginfo::SET.0, PUBLIC),
    ai::function(c"add", Some(write::add), &arginfo::ADD.0, PUBLIC),
    ai::function(c"update", Some(write::update), &arginfo::ADD.0, PUBLIC),
    ai::function(c"cmpset", Some(write::cmpset), &arginfo::CMPSET.0, PUBLIC),
    ai::function(c"get", Some(read::get), &arginfo::GET.0, PUBLIC),
    ai::function(c"getdel", Some(read::getdel), &arginfo::GET.0, PUBLIC),
    ai::function(c"count", Some(info::count), &arginfo::NONE_INT.0, PUBLIC),
    ai::function(c"del", Some(read::del), &arginfo::KEY_BOOL.0, PUBLIC),
    ai::function(c"delete", Some(read::del), &arginfo::KEY_BOOL.0, PUBLIC),
    ai::function(c"cmpdel", Some(read::cmpdel), &arginfo::CMPDEL.0, PUBLIC),
    ai::function(c"exists", Some(read::exists), &arginfo::KEY_BOOL.0, PUBLIC),
    ai::function(c"exist", Some(read::exists), &arginfo::KEY_BOOL.0, PUBLIC),
    ai::function(c"incr", Some(incr::incr), &arginfo::INCR.0, PUBLIC),
    ai::function(c"decr", Some(incr::decr), &arginfo::INCR.0, PUBLIC),
    ai::function(c"getSize", Some(info::get_size), &arginfo::NONE_INT.0, PUBLIC),
    ai::function(c"getMemorySize", Some(info::get_memory_size), &arginfo::NONE_INT.0, PUBLIC),
    ai::function(c"stats", Some(info::stats), &arginfo::STATS.0, PUBLIC),
    ai::function(c"rewind", Some(iterator::rewind), &arginfo::NONE_VOID.0, PUBLIC),
    ai::function(c"valid", Some(iterator::valid), &arginfo::NONE_BOOL.0, PUBLIC),
    ai::function(c"next", Some(iterator::next), &arginfo::NONE_VOID.0, PUBLIC),
    ai::function(c"current", Some(iterator::current), &arginfo::NONE_MIXED.0, PUBLIC),
    ai::function(c"key", Some(iterator::key), &arginfo::NONE_MIXED.0, PUBLIC),
    ai::end(),
]);

static NO_METHODS: Table<[zend_function_entry; 1]> = Table([ai::end()]);

static FUNCTIONS: Table<[zend_function_entry; 2]> =
    Table([ai::function(c"swoole_table", Some(helper::swoole_table), &arginfo::HELPER.0, 0), ai::end()]);

pub static mut SWOOLE_ERROR_CE: *mut zend_class_entry = std::ptr::null_mut();
pub static mut SWOOLE_EXCEPTION_CE: *mut zend_class_entry = std::ptr::null_mut();

/// Registers the classes, the alias and the helper function. Runs in rsipc's MINIT.
pub unsafe fn register() {
    unsafe {
        SWOOLE_EXCEPTION_CE = class::register(c"Swoole\\Exception", NO_METHODS.0.as_ptr(), zend::zend_ce_exception, 0);
        SWOOLE_ERROR_CE = class::register(c"Swoole\\Error", NO_METHODS.0.as_ptr(), zend::zend_ce_error, 0);

        // not final (Swoole registers it without the flag), not serializable
        let ce = class::register(c"Swoole\\Table", METHODS.0.as_ptr(), std::ptr::null_mut(), NOT_SERIALIZABLE);
        (*ce).__bindgen_anon_2.create_object = Some(object::create_object);
        (*ce).get_iterator = Some(iterator::get_iterator);
        zend::zend_class_implements(ce, 2, zend::zend_ce_iterator, zend::zend_ce_countable);
        for (name, v) in [(&b"TYPE_INT"[..], 1i64), (b"TYPE_FLOAT", 2), (b"TYPE_STRING", 3)] {
            declare_long_constant(ce, name, v);
        }
        for name in [&b"size"[..], b"memorySize"] {
            let mut null: zval = std::mem::zeroed();
            zend::set_null(&mut null);
            zend::zend_declare_property(ce, name.as_ptr().cast(), name.len(), &mut null, PUBLIC as i32);
            std::mem::forget(null);
        }
        let mut h = class::std_handlers();
        h.offset = std::mem::offset_of!(object::TableObject, std) as i32;
        h.free_obj = Some(object::free_object);
        h.clone_obj = None;
        h.unset_property = Some(object::unset_property);
        (*(&raw mut object::HANDLERS)).write(h);
        object::TABLE_CE = ce;

        zend::zend_register_class_alias_ex(cstr!("swoole_table"), 12, ce, true);
        zend::zend_register_functions(std::ptr::null_mut(), FUNCTIONS.0.as_ptr(), std::ptr::null_mut(), 1);
    }
}

unsafe fn declare_long_constant(ce: *mut zend_class_entry, name: &[u8], v: i64) {
    unsafe {
        let mut z: zval = std::mem::zeroed();
        zend::set_long(&mut z, v);
        let intern = zend::zend_string_init_interned.expect("engine provides zend_string_init_interned");
        let n = intern(name.as_ptr().cast(), name.len(), true);
        zend::zend_declare_class_constant_ex(ce, n, &mut z, PUBLIC as i32, std::ptr::null_mut());
        std::mem::forget(z);
    }
}

/// After a call that may have taken over the lock of a dead process, says so (as Swoole's
/// `lock process[%d] not exists, force unlock`), through PHP's error handling instead of stdout.
#[inline(always)]
pub(crate) unsafe fn warn_recovered(t: *mut object::TableObject) {
    unsafe {
        if let Some(c) = (*t).state.as_ref().and_then(|s| s.created.as_ref()) {
            if let Some(pid) = c.table.take_recovered() {
                zend::php_error_docref(std::ptr::null(), zend::E_WARNING, cstr!("lock process[%d] not exists, force unlock"), pid as i32);
            }
        }
    }
}
