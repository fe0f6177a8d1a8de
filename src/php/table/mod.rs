//! `Swoole\Table` (with the old name `swoole_table`), `Swoole\Exception`, `Swoole\Error` and
//! the `swoole_table()` helper, registered in rsipc's MINIT.

mod args;
mod arginfo;
mod call;
mod helper;
mod incr;
mod info;
mod iterator;
mod lifecycle;
mod named;
pub mod object;
mod read;
mod values;
mod write;

use crate::cstr;
use crate::php::arginfo::{self as ai, Table};
use crate::php::{class, zend};
use ext_php_rs::ffi::{zend_class_entry, zend_function_entry, zval};

const PUBLIC: u32 = 1 << 0;

/// The engine-facing method entry points: each runs its safe handler through `call::run`.
mod entry {
    use super::call;
    use ext_php_rs::ffi::{zend_execute_data, zval};

    macro_rules! methods {
        ($($name:ident => $handler:path),* $(,)?) => {$(
            pub unsafe extern "C" fn $name(ex: *mut zend_execute_data, rv: *mut zval) {
                // SAFETY: the engine calls method handlers with the frame of a method of a
                // Swoole\Table object (the class these entries are registered on).
                unsafe { call::run(call::this(ex), ex, rv, None, $handler) }
            }
        )*};
    }

    methods! {
        construct => super::lifecycle::construct,
        column => super::lifecycle::column,
        create => super::lifecycle::create,
        destroy => super::lifecycle::destroy,
        set => super::write::set,
        add => super::write::add,
        update => super::write::update,
        cmpset => super::write::cmpset,
        get => super::read::get,
        getdel => super::read::getdel,
        count => super::info::count,
        del => super::read::del,
        cmpdel => super::read::cmpdel,
        exists => super::read::exists,
        incr => super::incr::incr,
        decr => super::incr::decr,
        get_size => super::info::get_size,
        get_memory_size => super::info::get_memory_size,
        stats => super::info::stats,
        rewind => super::iterator::rewind,
        valid => super::iterator::valid,
        next => super::iterator::next,
        current => super::iterator::current,
        key => super::iterator::key,
    }
}
const NOT_SERIALIZABLE: u32 = 1 << 29;

/// The instance methods, shared by `Rsipc\Table` and `Swoole\Table` (each class gets its own
/// copies, so warnings name the class the user called: `Swoole\Table::set(): ...`).
macro_rules! instance_methods {
    ($($extra:expr),* $(,)?) => {
        Table([
            ai::function(c"__construct", Some(entry::construct), &arginfo::CONSTRUCT.0, PUBLIC),
            ai::function(c"column", Some(entry::column), &arginfo::COLUMN.0, PUBLIC),
            ai::function(c"create", Some(entry::create), &arginfo::NONE_BOOL.0, PUBLIC),
            ai::function(c"destroy", Some(entry::destroy), &arginfo::NONE_BOOL.0, PUBLIC),
            ai::function(c"set", Some(entry::set), &arginfo::SET.0, PUBLIC),
            ai::function(c"add", Some(entry::add), &arginfo::ADD.0, PUBLIC),
            ai::function(c"update", Some(entry::update), &arginfo::ADD.0, PUBLIC),
            ai::function(c"cmpset", Some(entry::cmpset), &arginfo::CMPSET.0, PUBLIC),
            ai::function(c"get", Some(entry::get), &arginfo::GET.0, PUBLIC),
            ai::function(c"getdel", Some(entry::getdel), &arginfo::GET.0, PUBLIC),
            ai::function(c"count", Some(entry::count), &arginfo::NONE_INT.0, PUBLIC),
            ai::function(c"del", Some(entry::del), &arginfo::KEY_BOOL.0, PUBLIC),
            ai::function(c"delete", Some(entry::del), &arginfo::KEY_BOOL.0, PUBLIC),
            ai::function(c"cmpdel", Some(entry::cmpdel), &arginfo::CMPDEL.0, PUBLIC),
            ai::function(c"exists", Some(entry::exists), &arginfo::KEY_BOOL.0, PUBLIC),
            ai::function(c"exist", Some(entry::exists), &arginfo::KEY_BOOL.0, PUBLIC),
            ai::function(c"incr", Some(entry::incr), &arginfo::INCR.0, PUBLIC),
            ai::function(c"decr", Some(entry::decr), &arginfo::INCR.0, PUBLIC),
            ai::function(c"getSize", Some(entry::get_size), &arginfo::NONE_INT.0, PUBLIC),
            ai::function(c"getMemorySize", Some(entry::get_memory_size), &arginfo::NONE_INT.0, PUBLIC),
            ai::function(c"stats", Some(entry::stats), &arginfo::STATS.0, PUBLIC),
            ai::function(c"rewind", Some(entry::rewind), &arginfo::NONE_VOID.0, PUBLIC),
            ai::function(c"valid", Some(entry::valid), &arginfo::NONE_BOOL.0, PUBLIC),
            ai::function(c"next", Some(entry::next), &arginfo::NONE_VOID.0, PUBLIC),
            ai::function(c"current", Some(entry::current), &arginfo::NONE_MIXED.0, PUBLIC),
            ai::function(c"key", Some(entry::key), &arginfo::NONE_MIXED.0, PUBLIC),
            $($extra,)*
            ai::end(),
        ])
    };
}

const STATIC: u32 = 1 << 4;

static METHODS: Table<[zend_function_entry; 27]> = instance_methods!();

static RSIPC_METHODS: Table<[zend_function_entry; 30]> = instance_methods!(
    ai::function(c"open", Some(named::open), &arginfo::OPEN.0, PUBLIC | STATIC),
    ai::function(c"unlink", Some(named::unlink), &arginfo::UNLINK.0, PUBLIC | STATIC),
    ai::function(c"list", Some(named::list), &arginfo::LIST.0, PUBLIC | STATIC),
);

static NO_METHODS: Table<[zend_function_entry; 1]> = Table([ai::end()]);

static FUNCTIONS: Table<[zend_function_entry; 2]> =
    Table([ai::function(c"swoole_table", Some(helper::swoole_table), &arginfo::HELPER.0, 0), ai::end()]);

pub static mut SWOOLE_ERROR_CE: *mut zend_class_entry = std::ptr::null_mut();
pub static mut SWOOLE_EXCEPTION_CE: *mut zend_class_entry = std::ptr::null_mut();
pub static mut RSIPC_ERROR_CE: *mut zend_class_entry = std::ptr::null_mut();

/// Registers `Rsipc\Error` and `Rsipc\Table` (always, Swoole loaded or not). Runs in rsipc's
/// MINIT, before [`register_swoole`].
pub unsafe fn register_rsipc() {
    unsafe {
        RSIPC_ERROR_CE = class::register(c"Rsipc\\Error", NO_METHODS.0.as_ptr(), zend::zend_ce_error, 0);
        // not final (like Swoole's table), not serializable
        let ce = class::register(c"Rsipc\\Table", RSIPC_METHODS.0.as_ptr(), std::ptr::null_mut(), NOT_SERIALIZABLE);
        (*ce).__bindgen_anon_2.create_object = Some(object::create_object);
        (*ce).get_iterator = Some(iterator::get_iterator);
        zend::zend_class_implements(ce, 2, zend::zend_ce_iterator, zend::zend_ce_countable);
        // Swoole's declaration order (Reflection lists them so)
        for (name, v) in [(&b"TYPE_INT"[..], 1i64), (b"TYPE_STRING", 3), (b"TYPE_FLOAT", 2)] {
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
        object::RSIPC_TABLE_CE = ce;
    }
}

/// Registers `Swoole\Table` (a subclass of `Rsipc\Table`), its old name `swoole_table`,
/// `Swoole\Exception`, `Swoole\Error` and the `swoole_table()` helper: only where the Swoole
/// extension is not loaded.
pub unsafe fn register_swoole() {
    unsafe {
        SWOOLE_EXCEPTION_CE = class::register(c"Swoole\\Exception", NO_METHODS.0.as_ptr(), zend::zend_ce_exception, 0);
        SWOOLE_ERROR_CE = class::register(c"Swoole\\Error", NO_METHODS.0.as_ptr(), zend::zend_ce_error, 0);
        let ce = class::register(c"Swoole\\Table", METHODS.0.as_ptr(), object::RSIPC_TABLE_CE, NOT_SERIALIZABLE);
        (*ce).__bindgen_anon_2.create_object = Some(object::create_object);
        (*ce).get_iterator = Some(iterator::get_iterator);
        object::TABLE_CE = ce;
        zend::zend_register_class_alias_ex(cstr!("swoole_table"), 12, ce, true);
        zend::zend_register_functions(std::ptr::null_mut(), FUNCTIONS.0.as_ptr(), std::ptr::null_mut(), 1);
    }
}

/// Whether `ce` is `Swoole\Table` (rsipc's) or a subclass of it.
pub(crate) unsafe fn is_swoole_table(mut ce: *mut zend_class_entry) -> bool {
    unsafe {
        let target = object::TABLE_CE;
        if target.is_null() {
            return false;
        }
        while !ce.is_null() {
            if ce == target {
                return true;
            }
            ce = (*ce).__bindgen_anon_1.parent;
        }
        false
    }
}

/// The exception class for errors of a table object of class `ce`: `Swoole\Error` for a
/// `Swoole\Table`, `Rsipc\Error` otherwise.
pub(crate) unsafe fn error_class_for(ce: *mut zend_class_entry) -> *mut zend_class_entry {
    unsafe { if is_swoole_table(ce) { SWOOLE_ERROR_CE } else { RSIPC_ERROR_CE } }
}

/// The class name warnings of a `foreach` step use (the active function is the user's there).
pub(crate) unsafe fn class_label(ce: *mut zend_class_entry) -> &'static std::ffi::CStr {
    unsafe { if is_swoole_table(ce) { c"Swoole\\Table" } else { c"Rsipc\\Table" } }
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
