#!/usr/bin/env bash
# make install / make uninstall for real (as root): the system's plain `php` gets rsipc through
# phpenmod/phpdismod, keeps it through dpkg-reconfigure, a second make install (the upgrade path)
# and a SAPI installed later; make uninstall puts back byte for byte what was there.
# Usage: tests/deploy/make_install.sh <repository root>   (make test-deploy)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
require_root_and_debian test-deploy
repo=${1:?usage: make_install.sh <repository root>}
mk() { make -s --no-print-directory -C "$repo" "$@"; }
tmp=$(mktemp -d)
snapshot > "$tmp/before"
sysvmsg_before=$(state_of sysvmsg cli)
trap 'bash "$repo/tools/install.sh" uninstall >/dev/null 2>&1; remove_later_sapi; finish' EXIT

echo "$name: make install as an ordinary user"
out=$(setpriv --reuid=65534 --regid=65534 --clear-groups make -s --no-print-directory -C "$repo" install 2>&1)
check "refused with one line that names sudo" eval '[ "$(printf "%s\n" "$out" | grep -c .)" = 1 ] && [[ $out == *"sudo make install"* ]]'
check "and nothing changed" eval 'diff <(snapshot) "$tmp/before"'

echo "$name: make install"
check "make install succeeds" mk install
check "plain php runs the fork check with rsipc and no startup warning" plain_php_runs_rsipc
check "Debian records sysvmsg as disabled by the administrator" eval '[[ $(state_of sysvmsg cli) == *"Disabled for cli by local administrator"* ]]'
check "Debian records rsipc as enabled" eval '[[ $(state_of rsipc cli) == *"Enabled for cli"* ]]'

echo "$name: make install again (the upgrade path)"
out=$(mk install 2>&1); rc=$?
check "succeeds" eval '[ $rc = 0 ]'
check "says it upgraded in place" eval '[[ $out == *"upgraded in place"* ]]'
check "plain php still runs rsipc without a warning" plain_php_runs_rsipc

check_choice_survives

echo "$name: make uninstall"
check "make uninstall succeeds" mk uninstall
check "the stock sysvmsg is back for cli" linked sysvmsg cli
check "Debian's record for sysvmsg is what it was" eval '[ "$(state_of sysvmsg cli)" = "$sysvmsg_before" ]'
check "the SAPI installed meanwhile gets the stock sysvmsg" linked sysvmsg embed
check "rsipc.so is gone from the extension directory" eval '[ ! -e "$(php-config --extension-dir)/rsipc.so" ]'
remove_later_sapi
check "make uninstall again has nothing to undo" eval 'mk uninstall | grep -q "nothing to undo"'
