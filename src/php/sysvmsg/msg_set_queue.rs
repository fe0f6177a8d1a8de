//! `msg_set_queue(SysvMessageQueue $queue, array $data): bool`

use super::queue_class;
use crate::cstr;
use crate::php::zend::{self, arg, num_args};
use crate::sysv::queue;
use ext_php_rs::ffi::{HashTable, zend_execute_data, zval};

pub unsafe extern "C" fn handler(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let n = num_args(ex);
        let (q, data): (*mut zval, *mut HashTable);
        if n == 2 && queue_class::is_queue(arg(ex, 1)) && zend::ztype(arg(ex, 2)) == zend::IS_ARRAY {
            q = arg(ex, 1);
            data = (*arg(ex, 2)).value.arr;
        } else {
            let mut qz: *mut zval = std::ptr::null_mut();
            let mut dz: *mut zval = std::ptr::null_mut();
            if zend::zend_parse_parameters(n, cstr!("Oa"), &mut qz as *mut *mut zval, queue_class::QUEUE_CE, &mut dz as *mut *mut zval) != 0 {
                return;
            }
            q = qz;
            data = (*dz).value.arr;
        }
        let id = (*queue_class::from_zval(q)).id;
        // As the original: stat first, then read the array (conversion warnings only appear
        // when the queue exists), then IPC_SET. Failures are silent.
        let Ok(mut st) = queue::stat(id) else {
            zend::set_bool(rv, false);
            return;
        };
        let field = |key: &str| -> Option<i64> {
            let item = zend::zend_hash_str_find(data, key.as_ptr().cast(), key.len());
            if item.is_null() {
                None
            } else if zend::ztype(item) == zend::IS_LONG {
                Some(zend::lval(item))
            } else {
                Some(zend::zval_get_long_func(item, false))
            }
        };
        let changes = queue::QueueChanges {
            uid: field("msg_perm.uid"),
            gid: field("msg_perm.gid"),
            mode: field("msg_perm.mode"),
            qbytes: field("msg_qbytes"),
        };
        st.apply(&changes);
        zend::set_bool(rv, queue::set(id, &st).is_ok());
    }
}
