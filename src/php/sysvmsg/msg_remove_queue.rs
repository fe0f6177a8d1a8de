//! `msg_remove_queue(SysvMessageQueue $queue): bool`

use super::queue_arg;
use crate::php::zend;
use crate::sysv::queue;
use ext_php_rs::ffi::{zend_execute_data, zval};

pub unsafe extern "C" fn handler(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let Some(q) = queue_arg::only_queue(ex) else { return };
        zend::set_bool(rv, queue::remove((*q).id).is_ok());
    }
}
