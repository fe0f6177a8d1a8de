#!/usr/bin/env bash
# Named tables across PID namespaces (as root, with unshare -p -f --mount-proc): a table made on
# the host and opened inside a new PID namespace (and the other way round) is either shared
# correctly (concurrent increments from both sides all counted) or refused at open() with a
# message that names the namespace; inside one namespace a table is shared as usual.
# Usage: tests/deploy/named_pidns.sh <path to rsipc.so>   (make test-named)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/named/lib.sh"
use_so "${1:?usage: named_pidns.sh <path to rsipc.so>}"
[ "$(id -u)" = 0 ] || skip "needs root: it creates PID namespaces"
command -v unshare >/dev/null 2>&1 || skip "unshare (util-linux) not found"
unshare -p -f --mount-proc true 2>/dev/null || skip "unshare -p -f --mount-proc is not permitted here"

helper=$here/named/pidns.php
host_t=$(unique_name host)
inner_t=$(unique_name inner)
same_t=$(unique_name same)
host() { "${phpx[@]}" "$helper" "$@" 2>&1; }
inside() { unshare -p -f --mount-proc "${phpx[@]}" "$helper" "$@" 2>&1; }
times=20000

# one side makes it and increments it; the other side opens it meanwhile and increments too
across() { # across <what> <table> <creator: host|inside> <other: host|inside>
  local what=$1 t=$2 out_other out_creator total
  rm -f "$tmp/flag"
  $3 createuse "$t" $times "$tmp/flag" > "$tmp/creator" & local p1=$!
  for _ in $(seq 300); do [ -e "$tmp/flag" ] && break; kill -0 $p1 2>/dev/null || break; sleep 0.1; done
  out_other=$($4 use "$t" $times)
  wait $p1; out_creator=$(cat "$tmp/creator")
  echo "  info $what: the creator: $out_creator; the other side: $out_other"
  [[ $out_creator == opened* ]] || { fail "$what: the creator made and used its table ($out_creator)"; return; }
  # the final count: from the host when it can open the table, else the creator's last word
  if [[ $out_other == refused* ]]; then total=${out_creator##* }; else total=$(host get "$t"); fi
  case $out_other in
    refused*)
      check "$what: refused with Rsipc\\Error" eval '[[ $out_other == "refused Rsipc\\Error: "* ]]'
      check "$what: the message names the namespace" eval '[[ ${out_other,,} == *namespace* ]]'
      check "$what: the creator counted all its increments ($((times + 1)))" eval '[ "$total" = $((times + 1)) ]' ;;
    opened*)
      check "$what: shared correctly, every increment of both sides counted ($((2 * times + 1)))" eval '[ "$total" = $((2 * times + 1)) ]' ;;
    *)
      fail "$what: open() ended in neither a table nor an exception: $out_other" ;;
  esac
}
tmp=$(mktemp -d /tmp/rsipc-pidns.XXXXXX)
trap 'rm -rf "$tmp"; for t in "$host_t" "$inner_t" "$same_t"; do host unlink "$t"; done' EXIT

echo "$name: a table of the host, opened in a new PID namespace"
across "host -> PID namespace" "$host_t" host inside
echo "$name: a table made in a PID namespace, opened on the host"
across "PID namespace -> host" "$inner_t" inside host

echo "$name: two processes inside one new PID namespace"
out=$(unshare -p -f --mount-proc sh -c '"$@" create "$0" >/dev/null && "$@" use "$0" 100' "$same_t" "${phpx[@]}" "$helper" 2>&1)
check "a table made and opened inside the same namespace works" eval '[ "$out" = "opened 1 101" ]'
[ "$out" = "opened 1 101" ] || echo "       $out"

for t in "$host_t" "$inner_t" "$same_t"; do host unlink "$t"; done
left=$(ls -A "$(table_dir)" | grep -e "$host_t" -e "$inner_t" -e "$same_t")
check "Rsipc\\Table::unlink() from the host removed all three tables ($left)" eval '[ -z "$left" ]'
summary
