//! The binding layer: converts PHP arguments, calls the PHP-free core (`crate::sysv`,
//! `crate::table`) and builds PHP values, warnings and exceptions.

pub mod arginfo;
pub mod class;
pub mod serialize;
pub mod sysvmsg;
pub mod table;
pub mod zend;

use std::ffi::c_int;

/// Keeps this shared object mapped until the process ends. rsipc registers a second module
/// (`sysvmsg`) whose code lives in this file; PHP unloads rsipc's handle at shutdown without
/// knowing that, so the library must never be unmapped while the engine can still call it.
pub fn pin_library() {
    let mut info: libc::Dl_info = unsafe { std::mem::zeroed() };
    // SAFETY: dladdr only reads the loader's tables; the address is a function of ours.
    if unsafe { libc::dladdr(pin_library as *const libc::c_void, &mut info) } != 0 && !info.dli_fname.is_null() {
        // SAFETY: RTLD_NOLOAD returns the already-loaded handle and marks it NODELETE.
        unsafe { libc::dlopen(info.dli_fname, libc::RTLD_LAZY | libc::RTLD_NOLOAD | libc::RTLD_NODELETE) };
    }
}

/// Whether Swoole's own extension is in this process. The engine registers every extension
/// named in php.ini (and `-d extension=`) before it starts any of them, so rsipc's MINIT sees
/// Swoole here whichever of the two was loaded first.
fn swoole_entry() -> Option<*const ext_php_rs::ffi::zend_module_entry> {
    let name = b"swoole";
    // SAFETY: the module registry is complete by the time any MINIT runs; a hit is a pointer
    // zval holding the engine's copy of the module entry, alive until the engine shuts down.
    unsafe {
        let zv = zend::zend_hash_str_find(&raw const zend::module_registry, name.as_ptr().cast(), name.len());
        if zv.is_null() { None } else { Some((*zv).value.ptr as *const ext_php_rs::ffi::zend_module_entry) }
    }
}

/// Set in MINIT: Swoole is loaded, so Swoole (not rsipc) declares the table classes and helper.
static mut TABLE_FROM_SWOOLE: bool = false;

const SWOOLE_LOADED: &str = "rsipc: the Swoole extension is loaded and provides Swoole\\Table, swoole_table(), \
Swoole\\Exception and Swoole\\Error, so rsipc declares none of them (its msg_* functions and Rsipc\\Table work). To use rsipc's table \
instead, remove extension=swoole from php.ini (on Debian: phpdismod swoole); to keep Swoole's and silence this \
warning, load rsipc only where Swoole is not loaded";

/// rsipc's ini settings (`PHP_INI_SYSTEM`): `rsipc.table_dir`, where named tables live, and
/// `rsipc.lock_wait`, how many seconds a call on a named table waits for a lock that a live
/// process keeps (a stopped process, or a damaged file) before it gives up with an error.
struct IniDefs([ext_php_rs::ffi::zend_ini_entry_def; 3]);
// SAFETY: constant data the engine only reads.
unsafe impl Sync for IniDefs {}

const ZEND_INI_SYSTEM: u8 = 1 << 2;

/// `rsipc.table_dir`'s default.
pub const TABLE_DIR_DEFAULT: &std::ffi::CStr = c"/dev/shm";

/// A `PHP_INI_SYSTEM` entry without a change handler.
const fn system_ini(name: &'static std::ffi::CStr, value: &'static std::ffi::CStr) -> ext_php_rs::ffi::zend_ini_entry_def {
    ext_php_rs::ffi::zend_ini_entry_def {
        name: name.as_ptr(),
        on_modify: None,
        mh_arg1: std::ptr::null_mut(),
        mh_arg2: std::ptr::null_mut(),
        mh_arg3: std::ptr::null_mut(),
        value: value.as_ptr(),
        displayer: None,
        value_length: value.count_bytes() as u32,
        name_length: name.count_bytes() as u16,
        modifiable: ZEND_INI_SYSTEM,
    }
}

static INI: IniDefs = IniDefs([
    system_ini(c"rsipc.table_dir", TABLE_DIR_DEFAULT),
    system_ini(c"rsipc.lock_wait", c"2"),
    // SAFETY: an all-zero entry ends the list.
    unsafe { std::mem::zeroed() },
]);

/// rsipc's MINIT.
pub extern "C" fn rsipc_minit(_type: i32, module_number: i32) -> c_int {
    sysvmsg::loading_done();
    // SAFETY: MINIT of rsipc: the engine is registering modules' ini entries, classes and
    // functions now.
    unsafe {
        zend::zend_register_ini_entries(INI.0.as_ptr(), module_number);
        // Rsipc\Table (named tables) is there whoever provides Swoole\Table.
        table::register_rsipc();
    }
    if swoole_entry().is_some() {
        // Two declarations of Swoole\Table (and Swoole's library redeclaring swoole_table())
        // would stop PHP at startup; Swoole's users keep what they have, rsipc keeps its queues.
        // SAFETY: written once, here, before any request; read-only afterwards.
        unsafe { TABLE_FROM_SWOOLE = true };
        let msg = std::ffi::CString::new(SWOOLE_LOADED).unwrap_or_default();
        // SAFETY: a startup warning through the engine, with a "%s" format and a C string.
        unsafe { zend::zend_error(zend::E_CORE_WARNING, crate::cstr!("%s"), msg.as_ptr()) };
        return 0;
    }
    // SAFETY: as above.
    unsafe { table::register_swoole() };
    0
}

/// rsipc's MSHUTDOWN: only this process's ini entries (nothing shared is touched here).
pub extern "C" fn rsipc_mshutdown(_type: i32, module_number: i32) -> c_int {
    // SAFETY: the entries registered in MINIT, for this module number.
    unsafe { zend::zend_unregister_ini_entries(module_number) };
    0
}

/// rsipc's MINFO (`php --ri rsipc`, phpinfo()): the version, and which implementation
/// provides each of the two parts in this process.
pub extern "C" fn rsipc_minfo(_module: *mut ext_php_rs::ffi::zend_module_entry) {
    let queues = match sysvmsg::provider() {
        sysvmsg::Provider::Rsipc => "rsipc (as module sysvmsg)".to_string(),
        sysvmsg::Provider::Stock => "the stock sysvmsg extension (rsipc's are disabled)".to_string(),
        sysvmsg::Provider::Unknown => "not registered".to_string(),
    };
    // SAFETY: written once in MINIT, which ran before any MINFO.
    let table = if unsafe { TABLE_FROM_SWOOLE } {
        // SAFETY: the entry and its version string belong to the engine and live until shutdown.
        let version = swoole_entry()
            .and_then(|e| unsafe { (*e).version.as_ref().map(|v| std::ffi::CStr::from_ptr(v).to_string_lossy().into_owned()) })
            .unwrap_or_default();
        format!("the Swoole extension {version} (rsipc's are disabled)").trim_end().to_string()
    } else {
        "rsipc".to_string()
    };
    let row = |k: &str, v: &str| {
        let k = std::ffi::CString::new(k).unwrap_or_default();
        let v = std::ffi::CString::new(v).unwrap_or_default();
        // SAFETY: a two-column row of C strings, printed while the engine runs MINFO.
        unsafe { zend::php_info_print_table_row(2, k.as_ptr(), v.as_ptr()) };
    };
    // SAFETY: the table helpers only print; MINFO is where the engine expects them.
    unsafe { zend::php_info_print_table_start() };
    row("rsipc support", "enabled");
    row("Version", env!("CARGO_PKG_VERSION"));
    row("msg_* functions and SysvMessageQueue", &queues);
    row("Swoole\\Table, swoole_table(), Swoole\\Exception, Swoole\\Error", &table);
    row("Built for", concat!("PHP ", env!("RSIPC_PHP_VERSION")));
    // SAFETY: closes the table opened above.
    unsafe { zend::php_info_print_table_end() };
}
