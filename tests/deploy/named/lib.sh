# Shared by the named-table tests (tests/deploy/fpm.sh, tests/deploy/named_*.sh); they report as
# checks.sh says.
. "$(dirname "${BASH_SOURCE[0]}")/../checks.sh"

# php with nothing but rsipc (and posix for posix_kill/getpwuid): the distribution's conf.d
# would load the stock sysvmsg
use_so() { # use_so <path to rsipc.so>
  so=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
  [ -f "$so" ] || skip "$1 not found: make build first"
  phpx=(php -n -d "extension=$so")
  [ -f "$(php-config --extension-dir 2>/dev/null)/posix.so" ] && phpx+=(-d extension=posix)
  echo '<?php exit(method_exists("Rsipc\\Table", "open") ? 0 : 1);' | "${phpx[@]}" 2>/dev/null \
    || skip "this rsipc.so has no Rsipc\\Table::open (named tables)"
}

# a table name no other run uses
unique_name() { echo "t_${name%%.*}_$$_${RANDOM}_$1"; }

# the directory named tables are in, for the php of use_so
table_dir() { "${phpx[@]}" -r 'echo ini_get("rsipc.table_dir") ?: "/dev/shm";'; }
