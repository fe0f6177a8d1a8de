#!/usr/bin/env bash
# A full tmpfs (as root): with rsipc.table_dir on a 1 MiB tmpfs mounted in a private mount
# namespace, open() of a bigger table throws an exception that says how much was needed and how
# much is free, leaving no file; a table that fits keeps working when the tmpfs is then filled
# up, without SIGBUS (its space was reserved at open()). The checks are in named/tmpfs_full.php.
# Usage: tests/deploy/named_tmpfs.sh <path to rsipc.so>   (make test-named)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/named/lib.sh"
use_so "${1:?usage: named_tmpfs.sh <path to rsipc.so>}"
[ "$(id -u)" = 0 ] || skip "needs root: it mounts a tmpfs in a private mount namespace"
command -v unshare >/dev/null 2>&1 || skip "unshare (util-linux) not found"
unshare -m true 2>/dev/null || skip "unshare -m is not permitted here"

mnt=$(mktemp -d /tmp/rsipc-tmpfs.XXXXXX)
trap 'rmdir "$mnt" 2>/dev/null || echo "  FAIL $mnt could not be removed"' EXIT
# the mount exists only inside the new namespace and goes away with it
out=$(unshare -m --propagation private sh -c 'mount -t tmpfs -o size=1m rsipc-test "$1" && shift && exec "$@"' \
  sh "$mnt" "${phpx[@]}" -d "rsipc.table_dir=$mnt" "$here/named/tmpfs_full.php" 2>&1)
rc=$?
printf '%s\n' "$out" | grep -E '^  (PASS|FAIL|info)'
add_counts <<< "$out"
if [ "$rc" -ge 128 ]; then
  fail "php died of signal $((rc - 128)) (SIGBUS is 7)"
elif [ "$rc" != 0 ]; then
  fail "php exited with $rc:"; printf '%s\n' "$out" | grep -vE '^  (PASS|FAIL|info)' | head -10 | sed 's/^/       /'
fi
check "the tmpfs is not visible outside its namespace" eval '! findmnt "$mnt"'
check "nothing was left in the directory outside it" eval '[ -z "$(ls -A "$mnt")" ]'
summary
