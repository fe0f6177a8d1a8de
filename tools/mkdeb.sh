#!/usr/bin/env bash
# make deb: packs build/rsipc.so with dpkg-deb into the package the Makefile names
# (build/rsipc_<version>_<arch>.deb). The package holds the .so in the PHP extension directory,
# mods-available/rsipc.ini (tools/rsipc.ini, a conffile) and tools/install.sh as /usr/share/rsipc/install.sh, which its maintainer scripts call to switch
# rsipc on (phpenmod rsipc, phpdismod sysvmsg) and back. It depends on the PHP API the .so was
# built for (phpapi-<id>, provided by php<ver>-cli, -fpm, ...), so apt refuses it on another PHP.
set -euo pipefail

so=${1:?usage: mkdeb.sh <rsipc.so> <rsipc_version_arch.deb>}
deb=${2:?usage: mkdeb.sh <rsipc.so> <rsipc_version_arch.deb>}
command -v dpkg-deb >/dev/null 2>&1 || { echo "rsipc: make deb needs dpkg-deb (Debian/Ubuntu)" >&2; exit 1; }

version=$(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
arch=$(dpkg --print-architecture)
ext_dir=$(php-config --extension-dir)
api=$(basename "$ext_dir")
phpver=$(php-config --version | cut -d. -f1,2)
# the package's tree is put together beside it
root=${deb%.deb}

rm -rf "$root"
install -d "$root/DEBIAN" "$root$ext_dir" "$root/etc/php/$phpver/mods-available" \
  "$root/usr/share/rsipc" "$root/usr/share/doc/rsipc"
install -m 0644 "$so" "$root$ext_dir/rsipc.so"
install -m 0644 tools/rsipc.ini "$root/etc/php/$phpver/mods-available/rsipc.ini"
install -m 0755 tools/install.sh "$root/usr/share/rsipc/install.sh"
install -m 0644 LICENSE "$root/usr/share/doc/rsipc/copyright"
gzip -9n < CHANGELOG.md > "$root/usr/share/doc/rsipc/changelog.gz"

size=$(du -sk --exclude=DEBIAN "$root" | cut -f1)
cat > "$root/DEBIAN/control" <<EOF
Package: rsipc
Version: $version
Architecture: $arch
Maintainer: rsipc maintainers <rsipc@localhost>
Installed-Size: $size
Depends: phpapi-$api, php-common, libc6
Section: php
Priority: optional
Description: System V message queues and a Swoole-compatible table for PHP $phpver
 One extension, written in Rust, for PHP programs that fork workers: a drop-in
 replacement for the sysvmsg extension (msg_* functions, SysvMessageQueue) and
 Swoole\\Table in shared memory without Swoole. Installing it disables the stock
 sysvmsg through phpdismod; removing it enables sysvmsg again.
EOF
echo "/etc/php/$phpver/mods-available/rsipc.ini" > "$root/DEBIAN/conffiles"

# The scripts pass the PHP this package was built for, so they never depend on php-dev.
env="RSIPC_PHP_VERSION=$phpver RSIPC_EXT_DIR=$ext_dir"
cat > "$root/DEBIAN/postinst" <<EOF
#!/bin/sh
# switch rsipc on for every SAPI of PHP $phpver (again on upgrade: it is idempotent)
set -e
if [ "\$1" = configure ]; then
  $env /usr/share/rsipc/install.sh pkg-enable
fi
EOF
cat > "$root/DEBIAN/prerm" <<EOF
#!/bin/sh
# on removal (not on upgrade), restore what was there before: sysvmsg back, rsipc off;
# it runs before dpkg deletes /usr/share/rsipc/install.sh
set -e
if [ "\$1" = remove ]; then
  $env /usr/share/rsipc/install.sh pkg-disable
fi
EOF
cat > "$root/DEBIAN/postrm" <<EOF
#!/bin/sh
# on purge, forget the saved state and Debian's records for rsipc (the conffile goes with dpkg)
set -e
if [ "\$1" = purge ]; then
  rm -rf /var/lib/rsipc/php-$phpver
  rmdir /var/lib/rsipc 2>/dev/null || true
  rm -f /var/lib/php/modules/$phpver/*/*_by_*/rsipc /var/lib/php/modules/$phpver/registry/rsipc
fi
EOF
chmod 0755 "$root/DEBIAN/postinst" "$root/DEBIAN/prerm" "$root/DEBIAN/postrm"

dpkg-deb --root-owner-group -Zxz --build "$root" "$deb" >/dev/null
rm -rf "$root"
echo "built $deb (for PHP $phpver, Depends: phpapi-$api)"
