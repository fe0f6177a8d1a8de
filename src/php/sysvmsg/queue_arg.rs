//! The `SysvMessageQueue $queue` first parameter shared by several functions.

use super::queue_class::{self, QueueObject};
use crate::cstr;
use crate::php::zend::{self, arg, num_args};
use ext_php_rs::ffi::{zend_execute_data, zval};

/// Parses a call that takes exactly one `SysvMessageQueue` argument; `None` when zpp threw.
pub unsafe fn only_queue(ex: *mut zend_execute_data) -> Option<*mut QueueObject> {
    unsafe {
        let n = num_args(ex);
        if n == 1 && queue_class::is_queue(arg(ex, 1)) {
            return Some(queue_class::from_zval(arg(ex, 1)));
        }
        let mut q: *mut zval = std::ptr::null_mut();
        if zend::zend_parse_parameters(n, cstr!("O"), &mut q as *mut *mut zval, queue_class::QUEUE_CE) != 0 {
            return None;
        }
        Some(queue_class::from_zval(q))
    }
}
