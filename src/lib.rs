//! rsipc: System V message queues (a drop-in for PHP's sysvmsg) and a shared-memory table
//! (a drop-in for Swoole\Table) in one PHP extension.
//!
//! `sysv` and `table` are the PHP-free core, tested with `cargo test`; `php` is the binding.

pub mod php;
pub mod sysv;
pub mod table;

use ext_php_rs::prelude::*;

#[php_module]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    php::pin_library();
    php::sysvmsg::attach();
    module.startup_function(php::rsipc_minit).shutdown_function(php::rsipc_mshutdown).info_function(php::rsipc_minfo)
}
