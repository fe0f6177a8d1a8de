//! `msg_queue_exists(int $key): bool`

use crate::cstr;
use crate::php::zend::{self, arg, num_args, ztype};
use crate::sysv::queue;
use ext_php_rs::ffi::{zend_execute_data, zval};

pub unsafe extern "C" fn handler(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let mut key: i64 = 0;
        let n = num_args(ex);
        if n == 1 && ztype(arg(ex, 1)) == zend::IS_LONG {
            key = zend::lval(arg(ex, 1));
        } else if zend::zend_parse_parameters(n, cstr!("l"), &mut key as *mut i64) != 0 {
            return;
        }
        // Key 0 (IPC_PRIVATE) is answered "false" without creating a queue (the upstream fix).
        zend::set_bool(rv, matches!(queue::find(key), Ok(Some(_))));
    }
}
