//! Build-time facts about the PHP we compile against. The `sysvmsg` module reports PHP's own
//! version, as the original does (`phpversion('sysvmsg')` equals `PHP_VERSION`).

use std::process::Command;

fn main() {
    println!("cargo:rerun-if-env-changed=PHP_CONFIG");
    let php_config = std::env::var("PHP_CONFIG").unwrap_or_else(|_| "php-config".to_string());
    let version = Command::new(&php_config)
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|o| String::from_utf8_lossy(&o.stdout).trim().to_string())
        .unwrap_or_else(|| panic!("`{php_config} --version` failed: install php-dev (make deps does)"));
    println!("cargo:rustc-env=RSIPC_PHP_VERSION={version}");
}
