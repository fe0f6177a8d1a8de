#!/usr/bin/env bash
# A real php-fpm sharing a named table with CLI processes (the issue "Named tables"): a pool of 4
# static workers with rsipc loaded serves 2,000 FastCGI requests (4 at a time, through Debian's
# cgi-fcgi) that each increment one counter and write one row, while 2 CLI processes increment
# the same counter 10,000 times each. One worker is SIGKILLed while it works on the table; the
# other requests still succeed and the master respawns it. Afterwards the counter must be exactly
# 22,000 and a CLI script must read every row the requests wrote.
# Installs php<ver>-fpm and libfcgi-bin when missing (root only; otherwise skipped).
# Usage: tests/deploy/fpm.sh <path to rsipc.so>   (make test-named)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/named/lib.sh"
use_so "${1:?usage: fpm.sh <path to rsipc.so>}"

requests=2000
lanes=4
cli_times=10000
ver=$(php-config --version 2>/dev/null | cut -d. -f1,2)
fpm=php-fpm$ver

if ! command -v "$fpm" >/dev/null 2>&1 || ! command -v cgi-fcgi >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || skip "$fpm or cgi-fcgi missing and not root: sudo apt-get install php$ver-fpm libfcgi-bin"
  command -v apt-get >/dev/null 2>&1 || skip "$fpm or cgi-fcgi missing and no apt-get"
  mods_before=$(cd / && php -m 2>&1)
  echo "$name: installing php$ver-fpm libfcgi-bin"
  # under the lock the deployment tests take, so their before/after snapshots of /etc/php/<ver>
  # never see this install half-way
  (
    exec 9< "/etc/php/$ver" && flock -w 600 9 &&
      { DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "php$ver-fpm" libfcgi-bin >/dev/null 2>&1 ||
        { apt-get update -qq >/dev/null 2>&1 &&
          DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "php$ver-fpm" libfcgi-bin >/dev/null 2>&1; }; }
  ) || skip "apt-get install php$ver-fpm libfcgi-bin failed"
  check "installing php$ver-fpm left the modules of plain php as they were" \
    eval '[ "$(cd / && php -m 2>&1)" = "$mods_before" ]'
fi

table=$(unique_name fpm)
tmp=$(mktemp -d /tmp/rsipc-fpm.XXXXXX)
master=
bg_pids=()

# asks php-fpm to stop (SIGQUIT) and waits for it, up to 10 s
stop_fpm() {
  kill -QUIT "$master" 2>/dev/null
  for _ in $(seq 100); do kill -0 "$master" 2>/dev/null || break; sleep 0.1; done
}

cleanup() {
  local p
  for p in "${bg_pids[@]}"; do kill "$p" 2>/dev/null; done
  for p in "${bg_pids[@]}"; do wait "$p" 2>/dev/null; done
  if [ -n "$master" ] && kill -0 "$master" 2>/dev/null; then
    stop_fpm
    # not down after 10 s: take the workers with it
    kill -0 "$master" 2>/dev/null && { pkill -KILL -P "$master"; kill -KILL "$master"; }
    wait "$master" 2>/dev/null
  fi
  "${phpx[@]}" "$here/named/fpm_cli.php" unlink "$table" >/dev/null 2>&1
  rm -rf "$tmp"
}
trap 'cleanup' EXIT
trap 'exit 130' INT TERM

cat > "$tmp/php.ini" <<EOI
extension=$so
$( [[ " ${phpx[*]} " == *" extension=posix "* ]] && echo extension=posix )
log_errors=On
error_log=$tmp/php_errors.log
display_errors=On
EOI
cat > "$tmp/php-fpm.conf" <<EOI
[global]
pid = $tmp/fpm.pid
error_log = $tmp/fpm.log
log_level = notice
daemonize = no

[rsipc]
listen = $tmp/fpm.sock
listen.mode = 0600
pm = static
pm.max_children = $lanes
clear_env = no
catch_workers_output = yes
request_terminate_timeout = 120
EOI
as_root=()
[ "$(id -u)" = 0 ] && as_root=(-R)
# -c with an empty scan directory: only our php.ini, not the distribution's fpm/conf.d
PHP_INI_SCAN_DIR= "$fpm" -c "$tmp/php.ini" -y "$tmp/php-fpm.conf" -F "${as_root[@]}" >"$tmp/fpm.out" 2>&1 &
master=$!
for _ in $(seq 300); do [ -S "$tmp/fpm.sock" ] && break; kill -0 "$master" 2>/dev/null || break; sleep 0.1; done
if [ ! -S "$tmp/fpm.sock" ]; then
  fail "php-fpm started (its output follows)"; sed 's/^/       /' "$tmp/fpm.out" "$tmp/fpm.log" 2>/dev/null
  summary; exit
fi
workers_of() { pgrep -P "$master" | sort -n | tr '\n' ' '; }
first_workers=$(workers_of)
check "php-fpm runs $lanes workers" eval '[ $(wc -w <<< "$first_workers") = $lanes ]'

# one FastCGI request; cgi-fcgi sends its environment as the request's parameters
fcgi() { # fcgi <mode> <request number>
  env -i SCRIPT_FILENAME="$here/named/fpm_request.php" SCRIPT_NAME=/fpm_request.php REQUEST_METHOD=GET \
    QUERY_STRING= SERVER_PROTOCOL=HTTP/1.1 GATEWAY_INTERFACE=CGI/1.1 \
    RSIPC_TABLE="$table" RSIPC_MODE="$1" RSIPC_REQ="$2" \
    timeout 120 cgi-fcgi -bind -connect "$tmp/fpm.sock" 2>&1
}
lane() { # lane <k>: requests k, k+lanes, k+2*lanes, ...; one line each in lane<k>.log
  local i out
  for ((i = $1; i < requests; i += lanes)); do
    out=$(fcgi count "$i")
    if grep -q "^OK $i " <<< "$out"; then echo "$i ok"; else echo "$i FAILED: $(tr '\n' ' ' <<< "$out" | head -c 300)"; fi
  done > "$tmp/lane$1.log"
}

echo "$name: $requests FastCGI requests ($lanes at a time) and 2 CLI processes x $cli_times increments on table $table"
for c in 1 2; do
  "${phpx[@]}" "$here/named/fpm_cli.php" incr "$table" "$cli_times" > "$tmp/cli$c.out" 2>&1 &
  bg_pids+=($!)
done
for ((k = 0; k < lanes; k++)); do lane "$k" & bg_pids+=($!); done
done_so_far() { cat "$tmp"/lane*.log 2>/dev/null | wc -l; }
# waits for the lanes (and whatever else runs in the background), then checks their answers
lanes_answered() { # lanes_answered "<what>"
  local p failed
  for p in "${bg_pids[@]}"; do wait "$p"; done
  bg_pids=()
  failed=$(cat "$tmp"/lane*.log | grep -c FAILED)
  check "$1 answered OK ($failed failed)" eval '[ "$failed" = 0 ] && [ "$(done_so_far)" = $requests ]'
  [ "$failed" = 0 ] || grep -h FAILED "$tmp"/lane*.log | head -5 | sed 's/^/       /'
}
# runs the CLI checker (fpm_cli.php <mode> <args>) and counts its PASS and FAIL lines
cli_checks() {
  "${phpx[@]}" "$here/named/fpm_cli.php" "$@" > "$tmp/check.out" 2>&1
  cat "$tmp/check.out"
  add_counts < "$tmp/check.out"
  grep -qE '^  (PASS|FAIL)' "$tmp/check.out" || fail "the CLI checker ran (its output is above)"
}

# a quarter of the way through, one worker starts spinning on the table and is SIGKILLed
for _ in $(seq 1200); do [ "$(done_so_far)" -ge $((requests / 4)) ] && break; sleep 0.1; done
fcgi spin 0 > "$tmp/spin.out" & spin_client=$!
bg_pids+=($spin_client)
victim=$("${phpx[@]}" "$here/named/fpm_cli.php" spinner "$table")
if [ -n "$victim" ] && [ "$(ps -o ppid= -p "$victim" | tr -d ' ')" = "$master" ]; then
  kill -KILL "$victim"
  killed_at=$(done_so_far)
  pass "worker $victim SIGKILLed while it incremented a row (after $killed_at requests)"
else
  fail "a worker announced itself in row 'spin' (got '$victim')"
  killed_at=$requests
fi
wait "$spin_client"
check "the killed worker's request did not complete" eval '! grep -q "NOT KILLED" "$tmp/spin.out"'

lanes_answered "all $requests requests"
check "requests went on after the kill ($((requests - killed_at)) of them)" eval '[ $((requests - killed_at)) -gt 0 ]'
now_workers=$(workers_of)
check "the master respawned the killed worker ($lanes workers again, $victim not among them)" \
  eval '[ $(wc -w <<< "$now_workers") = $lanes ] && ! grep -qw "$victim" <<< "$now_workers"'
check "php-fpm logged the worker's SIGKILL" grep -q "child $victim exited on signal 9" "$tmp/fpm.log"
sed 's/^/  info /' "$tmp/cli1.out" "$tmp/cli2.out"
check "both CLI processes did their $cli_times increments" eval '[ $(cat "$tmp"/cli[12].out | grep -c "$cli_times increments") = 2 ]'
all_workers=$(echo $first_workers $now_workers | tr ' ' '\n' | sort -un | paste -sd,)
cli_checks check "$table" "$requests" $((requests + 2 * cli_times)) "$all_workers"

# every worker has the unlinked table cached now; their next requests must notice it is gone and
# all meet in one new table of that name
requests=16
rm -f "$tmp"/lane*.log
for ((k = 0; k < lanes; k++)); do lane "$k" & bg_pids+=($!); done
lanes_answered "$requests more requests after unlink()"
cli_checks recheck "$table" "$requests"

# a worker that takes over a lock from the killed one says so in a warning; anything else is wrong
grep -h 'force unlock' "$tmp/php_errors.log" 2>/dev/null | sed 's/^/  info /'
if grep -qv 'force unlock' "$tmp/php_errors.log" 2>/dev/null; then
  fail "no PHP errors in the FPM workers:"; grep -v 'force unlock' "$tmp/php_errors.log" | head -5 | sed 's/^/       /'
fi

# stop php-fpm here (the EXIT trap would too) to check nothing of it is left
stop_fpm
left=
for p in $master ${all_workers//,/ }; do kill -0 "$p" 2>/dev/null && left+=" $p"; done
check "php-fpm stopped with all its workers" eval '[ -z "$left" ]'
wait "$master" 2>/dev/null
master=
summary
