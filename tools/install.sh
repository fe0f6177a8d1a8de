#!/usr/bin/env bash
# make install / make uninstall: put rsipc.so into PHP's extension directory and enable it for
# the CLI and FPM the way Debian's phpenmod does (a mods-available ini linked from each SAPI's
# conf.d), disabling the stock sysvmsg there. Every change is recorded, and uninstall undoes
# exactly the recorded changes.
set -euo pipefail

action=${1:?usage: install.sh install <rsipc.so> | uninstall}
ext_dir=$(php-config --extension-dir)
ver=$(php-config --version | cut -d. -f1,2)
etc=${RSIPC_PHP_ETC:-/etc/php/$ver}
mods=$etc/mods-available
state=$mods/rsipc.installed
sapis=(cli fpm)

say() { echo "rsipc: $*"; }

if [ ! -d "$mods" ]; then
  say "no Debian-style $mods here; load it by hand: add extension=$ext_dir/rsipc.so to php.ini and remove extension=sysvmsg"
  [ "$action" = install ] && install -m 0644 "$2" "$ext_dir/rsipc.so" && say "copied rsipc.so to $ext_dir"
  exit 0
fi

case "$action" in
install)
  so=${2:?missing the built .so}
  [ -f "$state" ] && { say "already installed (see $state); run make uninstall first"; exit 1; }
  : > "$state"
  install -m 0644 "$so" "$ext_dir/rsipc.so"
  echo "file $ext_dir/rsipc.so" >> "$state"; say "copied rsipc.so to $ext_dir"
  printf '; priority=20\n; rsipc: System V message queues (replaces sysvmsg) and Swoole\\Table\nextension=rsipc.so\n' > "$mods/rsipc.ini"
  echo "file $mods/rsipc.ini" >> "$state"; say "wrote $mods/rsipc.ini"
  for sapi in "${sapis[@]}"; do
    confd=$etc/$sapi/conf.d
    [ -d "$confd" ] || { say "no $confd, skipping $sapi"; continue; }
    for stock in "$confd"/*-sysvmsg.ini; do
      [ -e "$stock" ] || [ -L "$stock" ] || continue
      target=$(readlink "$stock" || true)
      rm -f "$stock"
      echo "unlinked $stock $target" >> "$state"; say "disabled the stock sysvmsg for $sapi ($stock)"
    done
    ln -sf "$mods/rsipc.ini" "$confd/20-rsipc.ini"
    echo "link $confd/20-rsipc.ini" >> "$state"; say "enabled rsipc for $sapi ($confd/20-rsipc.ini)"
  done
  say "done; restart PHP-FPM to load it there"
  ;;
uninstall)
  [ -f "$state" ] || { say "nothing to undo ($state not found)"; exit 0; }
  tac "$state" | while read -r kind path target; do
    case "$kind" in
      link|file) rm -f "$path"; say "removed $path" ;;
      unlinked)
        if [ -n "${target:-}" ]; then ln -sf "$target" "$path"; else ln -sf "$mods/sysvmsg.ini" "$path"; fi
        say "re-enabled the stock sysvmsg ($path)" ;;
    esac
  done
  rm -f "$state"
  ;;
*) echo "usage: install.sh install <rsipc.so> | uninstall" >&2; exit 2 ;;
esac
