//! `msg_get_queue(int $key, int $permissions = 0666): SysvMessageQueue|false`

use super::queue_class;
use crate::cstr;
use crate::php::zend::{self, arg, num_args, ztype};
use crate::sysv::queue;
use ext_php_rs::ffi::{zend_execute_data, zval};

pub unsafe extern "C" fn handler(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let mut key: i64 = 0;
        let mut perms: i64 = 0o666;
        let n = num_args(ex);
        if (n == 1 || n == 2)
            && ztype(arg(ex, 1)) == zend::IS_LONG
            && (n == 1 || ztype(arg(ex, 2)) == zend::IS_LONG)
        {
            key = zend::lval(arg(ex, 1));
            if n == 2 {
                perms = zend::lval(arg(ex, 2));
            }
        } else if zend::zend_parse_parameters(n, cstr!("l|l"), &mut key as *mut i64, &mut perms as *mut i64) != 0 {
            return;
        }

        // Like the original, the object exists before the queue is looked up and is released
        // again on failure.
        let q = queue_class::new_into(rv);
        (*q).key = key as i32;
        let found = if key as i32 == 0 {
            // IPC_PRIVATE: always a new private queue, created with the requested permissions
            // (the upstream fix; 8.2 would create it with mode 0 and ignore $permissions).
            queue::get(0, libc::IPC_CREAT | perms as i32)
        } else {
            queue::get(key, 0).or_else(|_| queue::create(key, perms))
        };
        match found {
            Ok(id) => (*q).id = id,
            Err(e) => {
                zend::php_error_docref(
                    std::ptr::null(),
                    zend::E_WARNING,
                    cstr!("Failed for key 0x%lx: %s"),
                    key,
                    e.message().as_ptr(),
                );
                zend::zval_ptr_dtor(rv);
                zend::set_bool(rv, false);
            }
        }
    }
}
