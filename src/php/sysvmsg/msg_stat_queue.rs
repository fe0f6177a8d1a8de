//! `msg_stat_queue(SysvMessageQueue $queue): array|false`

use super::queue_arg;
use crate::php::zend;
use crate::sysv::queue;
use ext_php_rs::ffi::{zend_execute_data, zval};
use ext_php_rs::types::ZendHashTable;

pub unsafe extern "C" fn handler(ex: *mut zend_execute_data, rv: *mut zval) {
    unsafe {
        let Some(q) = queue_arg::only_queue(ex) else { return };
        let Ok(st) = queue::stat((*q).id) else {
            zend::set_bool(rv, false);
            return;
        };
        let mut arr = ZendHashTable::with_capacity(10);
        let fields = [
            ("msg_perm.uid", st.uid()),
            ("msg_perm.gid", st.gid()),
            ("msg_perm.mode", st.mode()),
            ("msg_stime", st.stime()),
            ("msg_rtime", st.rtime()),
            ("msg_ctime", st.ctime()),
            ("msg_qnum", st.qnum()),
            ("msg_qbytes", st.qbytes()),
            ("msg_lspid", st.lspid()),
            ("msg_lrpid", st.lrpid()),
        ];
        for (k, v) in fields {
            // inserting an int under a short string key cannot fail
            let _ = arr.insert(k, v);
        }
        (*(rv as *mut ext_php_rs::types::Zval)).set_hashtable(arr);
    }
}
