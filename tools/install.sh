#!/usr/bin/env bash
# Installs rsipc into the system PHP and takes it out again, through Debian's own module tools.
#
#   install.sh install <rsipc.so>   make install: copy the .so and the ini, then switch on (again:
#                                   this is also the upgrade path)
#   install.sh uninstall            make uninstall: put back exactly what was there before
#   install.sh pkg-enable           the .deb's postinst (dpkg already placed the .so and the ini)
#   install.sh pkg-disable          the .deb's prerm on remove
#
# "Switching on" is `phpenmod -r rsipc` and `phpdismod sysvmsg`, run as the administrator would,
# so Debian records the choice in /var/lib/php/modules/ ("disabled by local administrator"):
# `dpkg-reconfigure php8.2-common` (every PHP update) then leaves sysvmsg off, and a SAPI
# installed later (php8.2-fpm) gets rsipc from the registry and, because the same record is
# written for the SAPIs not installed yet, no stock sysvmsg.
#
# Before the first switch-on, every file Debian keeps for the two modules (conf.d links, state
# records, rsipc's registry entry) is saved under /var/lib/rsipc/; undoing restores that copy,
# removes what was added since, and gives SAPIs installed in between the stock sysvmsg their own
# postinst would have given them.
set -euo pipefail

action=${1:-}
say() { echo "rsipc: $*"; }
die() { echo "rsipc: $*" >&2; exit 1; }
usage="usage: install.sh install <rsipc.so> | uninstall | pkg-enable | pkg-disable"

case "$action" in
  install|uninstall|pkg-enable|pkg-disable) ;;
  *) die "$usage" ;;
esac

# the .deb passes its own facts; make install asks the PHP it built against
ver=${RSIPC_PHP_VERSION:-$(php-config --version 2>/dev/null | cut -d. -f1,2 || true)}
ext_dir=${RSIPC_EXT_DIR:-$(php-config --extension-dir 2>/dev/null || true)}
[ -n "$ver" ] && [ -n "$ext_dir" ] || die "php-config not found (install php-dev, or run make deps)"
etc=/etc/php/$ver
mods=$etc/mods-available
modstate=/var/lib/php/modules/$ver
record=/var/lib/rsipc/php-$ver
# every SAPI Debian's maintainer scripts know; the ones not installed get a record so that
# installing them later does not bring the stock sysvmsg back
known_sapis=(cli fpm apache2 apache2filter cgi embed phpdbg)

if [ "$(id -u)" != 0 ]; then
  die "make $action changes $ext_dir and $etc: run it as root (sudo make $action)"
fi

debian=yes
command -v phpenmod >/dev/null 2>&1 && command -v phpquery >/dev/null 2>&1 && [ -d "$mods" ] || debian=no

# copies the .so into the extension directory as a new file renamed into place: running PHP
# processes keep the old one mapped
place_so() {
  install -m 0644 "$1" "$ext_dir/rsipc.so.new" && mv -f "$ext_dir/rsipc.so.new" "$ext_dir/rsipc.so"
  say "copied rsipc.so to $ext_dir"
}

if [ "$debian" = no ]; then
  case "$action" in
    install)
      so=${2:?$usage}
      place_so "$so"
      say "no Debian PHP module tools here: add extension=rsipc.so to php.ini and remove extension=sysvmsg yourself"
      ;;
    uninstall)
      rm -f "$ext_dir/rsipc.so" && say "removed $ext_dir/rsipc.so; remove extension=rsipc.so from php.ini yourself" ;;
    *) die "phpenmod/phpquery or $mods not found: this package needs Debian's php-common" ;;
  esac
  exit 0
fi

# The paths Debian keeps for sysvmsg and rsipc, as they exist now (relative to /, for tar).
debian_paths() {
  local f
  for f in "$etc"/*/conf.d/*-sysvmsg.ini "$etc"/*/conf.d/*-rsipc.ini \
           "$modstate"/*/*_by_*/sysvmsg "$modstate"/*/*_by_*/rsipc "$modstate"/registry/rsipc "$@"; do
    if [ -e "$f" ] || [ -L "$f" ]; then echo "${f#/}"; fi
  done
}

installed_sapis() { phpquery -v "$ver" -S 2>/dev/null | sort; }

# Saves the state before the first switch-on; a second install keeps the first copy.
save_state() {
  local owner=$1; shift
  if [ -f "$record/owner" ]; then
    [ "$(cat "$record/owner")" = "$owner" ] || die "already installed by $(cat "$record/owner" | sed 's/^deb$/the rsipc package (apt remove rsipc)/;s/^make$/make install (make uninstall)/'); undo that first"
    return 0
  fi
  mkdir -p "$record"
  debian_paths "$@" > "$record/paths"
  tar -C / -cf "$record/before.tar" --files-from="$record/paths"
  find "$modstate" -type d | sort > "$record/dirs"
  installed_sapis > "$record/sapis"
  echo "$owner" > "$record/owner"
  say "saved Debian's records for sysvmsg and rsipc to $record (make uninstall / dpkg -r restore them)"
}

switch_on() {
  local sapi later=""
  phpenmod -v "$ver" -s ALL -r rsipc
  phpdismod -v "$ver" -s ALL sysvmsg
  say "ran phpenmod -r rsipc and phpdismod sysvmsg for PHP $ver"
  for sapi in "${known_sapis[@]}"; do
    if [ ! -d "$etc/$sapi/conf.d" ] && ! ls "$modstate/$sapi"/*_by_*/sysvmsg >/dev/null 2>&1; then
      mkdir -p "$modstate/$sapi/disabled_by_admin" && : > "$modstate/$sapi/disabled_by_admin/sysvmsg"
      later="$later $sapi"
    fi
  done
  [ -z "$later" ] || say "recorded sysvmsg as disabled for the SAPIs not installed yet:$later"
  for sapi in $(installed_sapis); do
    say "PHP $ver $sapi: $(phpquery -v "$ver" -s "$sapi" -m rsipc), sysvmsg: $(phpquery -v "$ver" -s "$sapi" -m sysvmsg | sed 's/^No module matches sysvmsg //')"
  done
}

restore_state() {
  local sapi d
  [ -f "$record/owner" ] || { say "nothing to undo ($record not found)"; return 1; }
  debian_paths "$@" | (cd / && xargs -r rm -f --)
  tar -C / -xpf "$record/before.tar"
  say "restored Debian's records for sysvmsg and rsipc from $record${1:+ and removed $*}"
  # directories phpenmod/phpdismod or switch_on created, now empty again
  local removed=1
  while [ "$removed" = 1 ]; do
    removed=0
    for d in $(find "$modstate" -mindepth 1 -type d -empty); do
      if ! grep -qxF "$d" "$record/dirs"; then rmdir "$d"; removed=1; fi
    done
  done
  # a SAPI installed while rsipc was on: give it the stock sysvmsg its postinst would have
  for sapi in $(comm -13 "$record/sapis" <(installed_sapis)); do
    if [ -e "$modstate/registry/sysvmsg" ] && [ -e "$mods/sysvmsg.ini" ]; then
      phpenmod -m -v "$ver" -s "$sapi" sysvmsg && say "PHP $ver $sapi (installed meanwhile): sysvmsg enabled"
    fi
  done
  rm -rf "$record"
  rmdir /var/lib/rsipc 2>/dev/null || true
  for sapi in $(installed_sapis); do
    say "PHP $ver $sapi: $(phpquery -v "$ver" -s "$sapi" -m sysvmsg)"
  done
}

case "$action" in
install)
  so=${2:?$usage}
  [ -f "$so" ] || die "$so not found: run make first"
  if [ -f "$record/owner" ]; then upgrade=yes; else upgrade=no; fi
  save_state make "$ext_dir/rsipc.so" "$mods/rsipc.ini"
  place_so "$so"
  install -m 0644 "$(dirname "$0")/rsipc.ini" "$mods/rsipc.ini.new"
  mv -f "$mods/rsipc.ini.new" "$mods/rsipc.ini"
  say "wrote $mods/rsipc.ini"
  switch_on
  [ "$upgrade" = yes ] && say "upgraded in place; make uninstall still restores the state from before the first install"
  say "restart PHP-FPM (and any long-running PHP) to load the new rsipc.so"
  ;;
uninstall)
  if [ -f "$record/owner" ] && [ "$(cat "$record/owner")" != make ]; then
    die "rsipc was installed by its package, not by make install: remove it with apt remove rsipc"
  fi
  restore_state "$ext_dir/rsipc.so" "$mods/rsipc.ini" || exit 0
  say "restored the PHP $ver configuration from before make install"
  ;;
pkg-enable)
  save_state deb
  switch_on
  ;;
pkg-disable)
  # dpkg removes the .so itself and keeps the ini (a conffile) until purge
  restore_state || true
  ;;
esac
