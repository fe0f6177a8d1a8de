#!/usr/bin/env bash
# The Debian package for real (as root): dpkg -i switches the system's plain `php` to rsipc and
# keeps it there through dpkg-reconfigure and a SAPI installed later; dpkg -r brings back the
# stock sysvmsg; after dpkg -P the PHP configuration is byte for byte what it was.
# Usage: tests/deploy/deb.sh build/rsipc_<version>_<arch>.deb   (make test-deploy)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/lib.sh"
require_root_and_debian test-deploy
deb=${1:?usage: deb.sh <rsipc .deb>}
tmp=$(mktemp -d)
snapshot > "$tmp/before"
sysvmsg_before=$(state_of sysvmsg cli)
trap 'dpkg -P rsipc >/dev/null 2>&1; remove_later_sapi; finish' EXIT

echo "$name: dpkg -i ${deb##*/}"
check "dpkg -i succeeds" dpkg -i "$deb"
check "plain php runs the fork check with rsipc and no startup warning" plain_php_runs_rsipc
check "cli conf.d links rsipc" linked rsipc cli
check "cli conf.d no longer links the stock sysvmsg" eval '! linked sysvmsg cli'
check "Debian records sysvmsg as disabled by the administrator" eval '[[ $(state_of sysvmsg cli) == *"Disabled for cli by local administrator"* ]]'

check_choice_survives

echo "$name: dpkg -i again (an upgrade)"
check "dpkg -i over the installed package succeeds" dpkg -i "$deb"
check "plain php still runs rsipc without a warning" plain_php_runs_rsipc

echo "$name: dpkg -r rsipc"
check "dpkg -r succeeds" dpkg -r rsipc
check "the stock sysvmsg is back for cli" linked sysvmsg cli
check "Debian's record for sysvmsg is what it was" eval '[ "$(state_of sysvmsg cli)" = "$sysvmsg_before" ]'
check "no rsipc in conf.d" eval '! linked rsipc cli && ! linked rsipc embed'
check "plain php loads the same modules as before" eval 'diff <(php -m 2>&1) <(sed -n "/^php -m:/,\$p" "$tmp/before" | tail -n +2)'
check "the SAPI installed meanwhile gets the stock sysvmsg" linked sysvmsg embed
remove_later_sapi
check "dpkg -P succeeds" dpkg -P rsipc
