//! The `sysvmsg` module: PHP's System V message queue functions, registered under the module
//! name `sysvmsg` (so `extension_loaded('sysvmsg')`, `php --ri sysvmsg` and Reflection see the
//! original's name) from inside rsipc's `.so`.
//!
//! Registration happens when PHP loads rsipc (its `get_module`), before any module starts:
//! - if the stock sysvmsg is already loaded, ours stays out of the way and one startup warning
//!   says so (the rest of rsipc still works);
//! - otherwise ours takes the name, and if the stock extension is loaded afterwards, PHP's
//!   "already loaded" warning is replaced by one that says which module provides the functions
//!   and how to disable the other.

mod msg_get_queue;
mod msg_queue_exists;
mod msg_receive;
mod msg_remove_queue;
mod msg_send;
mod msg_set_queue;
mod msg_stat_queue;
mod queue_arg;
pub mod queue_class;

use crate::cstr;
use crate::php::arginfo::{self as ai, Table};
use crate::php::zend;
use crate::sysv::flags;
use ext_php_rs::ffi::{zend_function_entry, zend_internal_arg_info, zend_module_entry, zend_string};
use std::ffi::{c_char, c_int};

static AI_GET_QUEUE: Table<[zend_internal_arg_info; 3]> = Table([
    ai::returns_class(1, c"SysvMessageQueue", ai::MAY_BE_FALSE),
    ai::arg(c"key", ai::MAY_BE_LONG, None),
    ai::arg(c"permissions", ai::MAY_BE_LONG, Some(c"0666")),
]);
static AI_SEND: Table<[zend_internal_arg_info; 7]> = Table([
    ai::returns(3, ai::MAY_BE_BOOL),
    ai::arg_class(c"queue", c"SysvMessageQueue", false),
    ai::arg(c"message_type", ai::MAY_BE_LONG, None),
    ai::arg(c"message", 0, None),
    ai::arg(c"serialize", ai::MAY_BE_BOOL, Some(c"true")),
    ai::arg(c"blocking", ai::MAY_BE_BOOL, Some(c"true")),
    ai::arg_ref(c"error_code", 0, Some(c"null")),
]);
static AI_RECEIVE: Table<[zend_internal_arg_info; 9]> = Table([
    ai::returns(5, ai::MAY_BE_BOOL),
    ai::arg_class(c"queue", c"SysvMessageQueue", false),
    ai::arg(c"desired_message_type", ai::MAY_BE_LONG, None),
    ai::arg_ref(c"received_message_type", 0, None),
    ai::arg(c"max_message_size", ai::MAY_BE_LONG, None),
    ai::arg_ref(c"message", ai::MAY_BE_ANY, None),
    ai::arg(c"unserialize", ai::MAY_BE_BOOL, Some(c"true")),
    ai::arg(c"flags", ai::MAY_BE_LONG, Some(c"0")),
    ai::arg_ref(c"error_code", 0, Some(c"null")),
]);
static AI_REMOVE: Table<[zend_internal_arg_info; 2]> =
    Table([ai::returns(1, ai::MAY_BE_BOOL), ai::arg_class(c"queue", c"SysvMessageQueue", false)]);
static AI_STAT: Table<[zend_internal_arg_info; 2]> = Table([
    ai::returns(1, ai::MAY_BE_ARRAY | ai::MAY_BE_FALSE),
    ai::arg_class(c"queue", c"SysvMessageQueue", false),
]);
static AI_SET: Table<[zend_internal_arg_info; 3]> = Table([
    ai::returns(2, ai::MAY_BE_BOOL),
    ai::arg_class(c"queue", c"SysvMessageQueue", false),
    ai::arg(c"data", ai::MAY_BE_ARRAY, None),
]);
static AI_EXISTS: Table<[zend_internal_arg_info; 2]> =
    Table([ai::returns(1, ai::MAY_BE_BOOL), ai::arg(c"key", ai::MAY_BE_LONG, None)]);

/// In the original's order, which `get_extension_funcs('sysvmsg')` shows.
static FUNCTIONS: Table<[zend_function_entry; 8]> = Table([
    ai::function(c"msg_get_queue", Some(msg_get_queue::handler), &AI_GET_QUEUE.0, 0),
    ai::function(c"msg_send", Some(msg_send::handler), &AI_SEND.0, 0),
    ai::function(c"msg_receive", Some(msg_receive::handler), &AI_RECEIVE.0, 0),
    ai::function(c"msg_remove_queue", Some(msg_remove_queue::handler), &AI_REMOVE.0, 0),
    ai::function(c"msg_stat_queue", Some(msg_stat_queue::handler), &AI_STAT.0, 0),
    ai::function(c"msg_set_queue", Some(msg_set_queue::handler), &AI_SET.0, 0),
    ai::function(c"msg_queue_exists", Some(msg_queue_exists::handler), &AI_EXISTS.0, 0),
    ai::end(),
]);

const CONST_CS: c_int = 0;
const CONST_PERSISTENT: c_int = 1 << 0;

unsafe extern "C" fn minit(_type: c_int, module_number: c_int) -> c_int {
    unsafe {
        let constants: [(&[u8], i64); 5] = [
            (b"MSG_IPC_NOWAIT", flags::PHP_MSG_IPC_NOWAIT),
            (b"MSG_EAGAIN", flags::PHP_MSG_EAGAIN),
            (b"MSG_ENOMSG", flags::PHP_MSG_ENOMSG),
            (b"MSG_NOERROR", flags::PHP_MSG_NOERROR),
            (b"MSG_EXCEPT", flags::PHP_MSG_EXCEPT),
        ];
        for (name, v) in constants {
            zend::zend_register_long_constant(name.as_ptr().cast(), name.len(), v, CONST_CS | CONST_PERSISTENT, module_number);
        }
        queue_class::register();
    }
    zend::SUCCESS
}

unsafe extern "C" fn rshutdown(_type: c_int, _module_number: c_int) -> c_int {
    msg_receive::request_done();
    zend::SUCCESS
}

unsafe extern "C" fn minfo(_m: *mut zend_module_entry) {
    unsafe {
        zend::php_info_print_table_start();
        zend::php_info_print_table_row(2, cstr!("sysvmsg support"), cstr!("enabled"));
        zend::php_info_print_table_end();
    }
}

/// What `attach` found.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Provider {
    /// Not decided yet (rsipc not loaded by PHP).
    Unknown,
    /// Our queue functions are registered as the `sysvmsg` module.
    Rsipc,
    /// The stock sysvmsg was loaded first and keeps the functions.
    Stock,
}

static mut PROVIDER: Provider = Provider::Unknown;
static mut PREVIOUS_ERROR_CB: Option<zend::ErrorCb> = None;
static mut HOOKED: bool = false;
static mut ENTRY: std::mem::MaybeUninit<zend_module_entry> = std::mem::MaybeUninit::uninit();

const STOCK_LOADED_FIRST: &str = "rsipc: the stock sysvmsg extension was loaded first and provides the msg_* functions; \
rsipc's own queue functions are disabled (its Swoole\\Table part works). To use rsipc's, remove extension=sysvmsg \
from php.ini (on Debian: phpdismod sysvmsg)";
const STOCK_LOADED_AFTER: &str = "rsipc provides the msg_* functions (as module sysvmsg), so the stock sysvmsg \
extension was not loaded. Remove extension=sysvmsg from php.ini (on Debian: phpdismod sysvmsg) to silence this warning";

/// Which implementation provides the queue functions in this process.
pub fn provider() -> Provider {
    // SAFETY: written once during module loading, read afterwards.
    unsafe { PROVIDER }
}

fn registry_has(name: &str) -> bool {
    // SAFETY: the module registry is initialised before any extension is loaded.
    unsafe { !zend::zend_hash_str_find(&raw const zend::module_registry, name.as_ptr().cast(), name.len()).is_null() }
}

/// Registers our `sysvmsg` module, or stands aside for the stock one. Called from rsipc's
/// `get_module`, while PHP loads extensions and before any module starts.
pub fn attach() {
    unsafe {
        if PROVIDER != Provider::Unknown {
            return;
        }
        if registry_has("sysvmsg") {
            PROVIDER = Provider::Stock;
            let msg = std::ffi::CString::new(STOCK_LOADED_FIRST).unwrap_or_default();
            zend::zend_error(zend::E_CORE_WARNING, cstr!("%s"), msg.as_ptr());
            return;
        }
        // the engine copies the entry into its registry; this template only has to outlive the call
        let entry = (*(&raw mut ENTRY)).write(std::mem::zeroed());
        entry.size = std::mem::size_of::<zend_module_entry>() as u16;
        entry.zend_api = ext_php_rs::ffi::ZEND_MODULE_API_NO;
        entry.name = cstr!("sysvmsg");
        entry.functions = FUNCTIONS.0.as_ptr();
        entry.module_startup_func = Some(minit);
        entry.info_func = Some(minfo);
        entry.request_shutdown_func = Some(rshutdown);
        entry.version = concat!(env!("RSIPC_PHP_VERSION"), "\0").as_ptr() as *const c_char;
        entry.build_id = ext_php_rs::ffi::ext_php_rs_php_build_id();
        entry.type_ = 1; // MODULE_PERSISTENT
        entry.module_number = zend::zend_next_free_module();
        if zend::zend_register_module_ex(entry).is_null() {
            return; // the engine has already said why
        }
        PROVIDER = Provider::Rsipc;
        PREVIOUS_ERROR_CB = zend::zend_error_cb;
        zend::zend_error_cb = Some(loading_error_cb);
        HOOKED = true;
    }
}

/// Installed only while extensions are being loaded: rewrites PHP's terse
/// `Module "sysvmsg" is already loaded` into a message that names both modules.
unsafe extern "C" fn loading_error_cb(kind: c_int, file: *mut zend_string, line: u32, message: *mut zend_string) {
    unsafe {
        let Some(prev) = PREVIOUS_ERROR_CB else { return };
        if kind == zend::E_CORE_WARNING && zend::zstr_bytes(message) == b"Module \"sysvmsg\" is already loaded" {
            let better = zend::new_string(STOCK_LOADED_AFTER.as_bytes());
            prev(kind, file, line, better);
            ext_php_rs::ffi::ext_php_rs_zend_string_release(better);
            return;
        }
        prev(kind, file, line, message);
    }
}

/// Called from rsipc's MINIT: every extension is loaded by now, so the error hook goes.
pub fn loading_done() {
    unsafe {
        if HOOKED {
            zend::zend_error_cb = PREVIOUS_ERROR_CB;
            HOOKED = false;
        }
    }
}
