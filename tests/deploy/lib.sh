# Shared by the deployment tests (tests/deploy/*.sh): they change this machine's PHP
# configuration for real, so each one checks it may run, records the configuration first, and
# on exit (also on failure or Ctrl-C) undoes everything and proves the record matches again.

. "$(dirname "${BASH_SOURCE[0]}")/checks.sh"

ver=$(php-config --version 2>/dev/null | cut -d. -f1,2)

require_root_and_debian() {
  [ "$(id -u)" = 0 ] || skip "needs root: it installs into the system PHP (sudo make $1)"
  local t
  for t in dpkg dpkg-deb dpkg-reconfigure phpenmod phpdismod phpquery php-config; do
    command -v "$t" >/dev/null 2>&1 || skip "$t not found: needs Debian's dpkg and php-common tools"
  done
  [ -n "$ver" ] && [ -d "/etc/php/$ver/mods-available" ] || skip "no /etc/php/$ver/mods-available"
  # one deployment test at a time on a machine (two `make test` runs as root would undo each
  # other's installs). The lock is on /etc/php/<ver> itself, so no lock file is left behind, and
  # it goes with this shell
  exec 9< "/etc/php/$ver"
  flock -w 600 9 || skip "another rsipc deployment test held the machine's PHP for 10 minutes"
  dpkg -s rsipc >/dev/null 2>&1 && skip "the rsipc package is installed on this machine; remove it first"
  [ -e /var/lib/rsipc ] && skip "/var/lib/rsipc exists (rsipc installed by make install?); make uninstall first"
  [ -e "/etc/php/$ver/embed" ] || [ -e "/usr/lib/php/$ver/sapi/embed" ] && skip "an embed SAPI exists; the test simulates installing one"
  return 0
}

# Everything that describes this PHP's configuration: files and links (with targets and
# checksums) under /etc/php/<ver> and Debian's module state, the extension directory, and the
# modules plain `php` loads.
snapshot() {
  (
    cd / && find "etc/php/$ver" "var/lib/php/modules/$ver" -printf '%p %y %l\n' | sort
    find "etc/php/$ver" "var/lib/php/modules/$ver" -type f -exec md5sum {} + | sort
    ls -1 "$(php-config --extension-dir)"
    [ -e /var/lib/rsipc ] && echo "var/lib/rsipc exists"
    echo "php -m:"; php -m 2>&1
  )
}

# A SAPI installed after rsipc: the same loop php8.2-cli's own postinst runs for its SAPI,
# for a made-up "embed" SAPI (dpkg-trigger stubbed: we are not inside dpkg).
install_later_sapi() {
  local stub
  stub=$(mktemp -d)
  printf '#!/bin/sh\nexit 0\n' > "$stub/dpkg-trigger"; chmod +x "$stub/dpkg-trigger"
  mkdir -p "/etc/php/$ver/embed/conf.d" && : > "/usr/lib/php/$ver/sapi/embed"
  cat > "$stub/postinst" <<EOS
#!/bin/sh
set -e
. /usr/lib/php/php-maintscript-helper
for mod in \$(phpquery -M -v $ver); do php_invoke enmod $ver embed \$mod; done
EOS
  PATH="$stub:$PATH" DPKG_MAINTSCRIPT_NAME=postinst DPKG_MAINTSCRIPT_PACKAGE=php$ver-embed \
    PHP_MAINTSCRIPT_HELPER_QUIET=1 sh "$stub/postinst" configure
  rm -rf "$stub"
}

remove_later_sapi() {
  rm -rf "/etc/php/$ver/embed" "/usr/lib/php/$ver/sapi/embed" "/var/lib/php/modules/$ver/embed"
}

# what Debian says of <module> for <sapi> (phpquery's exit code tells the state; only the text matters here)
state_of() { phpquery -v "$ver" -s "$2" -m "$1" 2>&1 || true; }

# conf.d of <sapi> links <module>
linked() { ls "/etc/php/$ver/$2/conf.d/"*"-$1.ini" >/dev/null 2>&1; }

# plain php starts without a startup warning and runs the fork check with rsipc
plain_php_runs_rsipc() {
  local out
  out=$(cd /tmp && php "$here/fork_check.php" 2>&1)
  [ "$(printf '%s\n' "$out" | grep -c .)" = 1 ] && [[ $out == "fork check: OK"* ]]
}

finish() { # compares with the snapshot taken at the start
  snapshot > "$tmp/after"
  if diff -u "$tmp/before" "$tmp/after" > "$tmp/diff"; then
    pass "the PHP configuration is exactly as before the test"
  else
    fail "the PHP configuration differs from before the test:"; sed 's/^/       /' "$tmp/diff"
  fi
  rm -rf "$tmp"
  summary || exit 1
}

# rsipc stays chosen through what every PHP update runs (dpkg-reconfigure), and a SAPI installed
# afterwards gets it instead of the stock sysvmsg.
check_choice_survives() {
  echo "$name: dpkg-reconfigure php$ver-common (what every PHP update runs)"
  check "dpkg-reconfigure succeeds" env DEBIAN_FRONTEND=noninteractive dpkg-reconfigure "php$ver-common"
  check "sysvmsg stays disabled" eval '! linked sysvmsg cli'
  check "plain php still runs rsipc without a warning" plain_php_runs_rsipc

  echo "$name: a SAPI installed afterwards (its postinst, for a made-up embed SAPI)"
  install_later_sapi
  check "the new SAPI gets rsipc" linked rsipc embed
  check "the new SAPI does not get the stock sysvmsg" eval '! linked sysvmsg embed'
}
