#!/usr/bin/env bash
# Named tables and file permissions (as root): a 0600 table of root is refused to `nobody` with
# an exception and none of its data, and nobody cannot remove it; a 0666 table is shared with
# nobody both ways, whatever root's umask.
# Usage: tests/deploy/named_perms.sh <path to rsipc.so>   (make test-named)
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
. "$here/named/lib.sh"
use_so "${1:?usage: named_perms.sh <path to rsipc.so>}"
[ "$(id -u)" = 0 ] || skip "needs root: it opens a table of root as nobody"
command -v setpriv >/dev/null 2>&1 || skip "setpriv (util-linux) not found"

tmp=$(mktemp -d /tmp/rsipc-perms.XXXXXX)
secret=$(unique_name secret)
shared=$(unique_name shared)
own=$(unique_name nobodys)
# nobody may not be able to reach the work tree: give it a copy of the extension
chmod 755 "$tmp"
cp "$so" "$tmp/rsipc.so" && chmod 644 "$tmp/rsipc.so"
use_so "$tmp/rsipc.so"
as_nobody() { (cd "$tmp" && setpriv --reuid=65534 --regid=65534 --clear-groups "${phpx[@]}" "$@" 2>&1); }
as_root() { (cd "$tmp" && "${phpx[@]}" "$@" 2>&1); }
trap 'as_root -r "foreach ([\"$secret\", \"$shared\", \"$own\"] as \$n) { try { Rsipc\Table::unlink(\$n); } catch (Throwable \$e) {} }" >/dev/null; rm -rf "$tmp"' EXIT

cols='["n" => Rsipc\Table::TYPE_INT, "s" => [Rsipc\Table::TYPE_STRING, 16]]'
dir=$(table_dir)/
path_of() { ls -d "$dir"*"$1" 2>/dev/null | head -1; }

out=$(umask 022 && as_root -r "
  Rsipc\Table::open('$secret', 64, $cols, 0.2, 0600)->set('k', ['n' => 4242, 's' => 'top secret']);
  Rsipc\Table::open('$shared', 64, $cols, 0.2, 0666)->set('k', ['n' => 1, 's' => 'from root']);
  echo 'created';")
check "root creates a 0600 and a 0666 table (umask 022)" eval '[ "$out" = created ]'
[ "$out" = created ] || echo "       $out"
p600=$(path_of "$secret"); p666=$(path_of "$shared")
check "the 0600 table's file has mode 600 and belongs to root" eval '[ "$(stat -c %a:%u "$p600")" = 600:0 ]'
check "the 0666 table's file has mode 666 (the umask did not narrow it)" eval '[ "$(stat -c %a "$p666")" = 666 ]'

echo "$name: nobody and the 0600 table of root"
out=$(as_nobody -r "
  try { \$t = Rsipc\Table::open('$secret', 64, $cols); echo 'opened: ', json_encode(\$t->get('k')); }
  catch (Throwable \$e) { echo get_class(\$e), ': ', \$e->getMessage(); }")
echo "  info $out"
check "open() throws Rsipc\\Error" eval '[[ $out == "Rsipc\\Error: "* ]]'
check "the message says why (permission)" eval '[[ ${out,,} == *permission* ]]'
check "no data reached nobody" eval '[[ $out != *4242* && $out != *"top secret"* ]]'
out=$(as_nobody -r "
  try { var_export(Rsipc\Table::unlink('$secret')); } catch (Throwable \$e) { echo get_class(\$e), ': ', \$e->getMessage(); }")
echo "  info unlink() as nobody: $out"
check "nobody's unlink() does not report success" eval '[[ $out != true ]]'
out=$(as_root -r "echo Rsipc\Table::open('$secret', 64, $cols)->get('k', 'n');")
check "and the table is still there for root, intact" eval '[ "$out" = 4242 ]'
out=$(as_nobody -r "
  \$l = Rsipc\Table::list(); echo isset(\$l['$secret']) ? json_encode(\$l['$secret']) : 'not listed';")
echo "  info Rsipc\\Table::list() as nobody: $out"
check "list() as nobody does not fail" eval '[[ $out != *Error* && $out != *Warning* ]]'

echo "$name: nobody and the 0666 table of root"
out=$(as_nobody -r "
  \$t = Rsipc\Table::open('$shared', 64, $cols);
  echo \$t->incr('k', 'n'), ' ', \$t->get('k', 's'); \$t->set('nobody', ['s' => 'from nobody']);")
check "nobody opens it, reads root's row and increments it" eval '[ "$out" = "2 from root" ]'
[ "$out" = "2 from root" ] || echo "       $out"
out=$(as_root -r "\$t = Rsipc\Table::open('$shared', 64, $cols); echo \$t->get('k', 'n'), ' ', \$t->get('nobody', 's');")
check "root sees nobody's writes" eval '[ "$out" = "2 from nobody" ]'

echo "$name: nobody may write root's 0666 table but not remove it (sticky /dev/shm)"
for what in unlink destroy; do
  if [ "$what" = unlink ]; then how="var_export(Rsipc\\Table::unlink('$shared'));"
  else how="var_export(Rsipc\\Table::open('$shared', 64, $cols)->destroy());"; fi
  out=$(as_nobody -r "try { $how } catch (Throwable \$e) { echo get_class(\$e), ': ', \$e->getMessage(); }")
  echo "  info nobody's $what(): $out"
  check "nobody's $what() throws an Rsipc\\Error that says why, and ends nothing" eval '[[ $out == "Rsipc\\Error: cannot remove"*sticky* ]]'
  out=$(as_root -r "\$t = Rsipc\\Table::open('$shared', 64, $cols); echo \$t->incr('k', 'n') > 0 ? 'works' : 'broken';")
  check "  and the table still works for root" eval '[ "$out" = works ]'
  [ "$out" = works ] || echo "       $out"
done

echo "$name: a FIFO and a symbolic link nobody puts under table names"
fifo=$(unique_name fifo); link=$(unique_name link)
as_nobody -r "posix_mkfifo('$dir' . 'rsipc.$fifo', 0666); symlink('$p600', '$dir' . 'rsipc.$link');" >/dev/null
out=$(timeout 20 "${phpx[@]}" -r "echo count(Rsipc\Table::list()) >= 0 ? 'listed' : '';" 2>&1)
check "root's list() returns (does not wait on the FIFO)" eval '[ "$out" = listed ]'
out=$(timeout 20 "${phpx[@]}" -r "try { Rsipc\Table::open('$link', 64, $cols); echo 'opened'; } catch (Throwable \$e) { echo get_class(\$e), ': ', \$e->getMessage(); }" 2>&1)
check "root's open() of the link to root's 0600 table throws (never follows it)" eval '[[ $out == "Rsipc\\Error: "*"symbolic link"* ]]'
out=$(as_root -r "var_export(Rsipc\Table::unlink('$fifo')); var_export(Rsipc\Table::unlink('$link')); echo ' ', Rsipc\Table::open('$secret', 64, $cols)->get('k', 'n');")
check "root's unlink() removes both names, and root's 0600 table is intact" eval '[ "$out" = "truetrue 4242" ] && [ ! -e "$dir/rsipc.$fifo" ] && [ ! -L "$dir/rsipc.$link" ]'
[ "$out" = "truetrue 4242" ] || echo "       $out"
rm -f "$dir/rsipc.$fifo" "$dir/rsipc.$link"

echo "$name: a process that opened a table, then dropped root, in a directory only root may search"
mkdir -m 700 "$tmp/priv"
out=$(as_root -d rsipc.table_dir="$tmp/priv" -r "
  \$t = Rsipc\\Table::open('p', 64, $cols, 0.2, 0666); \$t->set('k', ['n' => 1]);
  posix_setgid(65534); posix_setuid(65534);
  try { var_export(\$t->destroy()); } catch (Throwable \$e) { echo get_class(\$e), ': ', \$e->getMessage(); }
  echo ' | ', \$t->get('k', 'n'), ' | ', Rsipc\\Table::open('p', 64, $cols)->get('k', 'n');")
echo "  info $out"
check "its destroy() throws (it cannot remove the file) and ends nothing" eval '[[ $out == "Rsipc\\Error: cannot remove"*" | 1 | 1" ]]'
check "  and the file is still there" eval '[ -f "$tmp/priv/rsipc.p" ]'
rm -rf "$tmp/priv"

echo "$name: a table nobody creates"
out=$(as_nobody -r "Rsipc\Table::open('$own', 64, $cols)->set('k', ['n' => 7]); echo 'created';")
check "nobody creates a table (default mode)" eval '[ "$out" = created ]'
check "its file has mode 600 and belongs to nobody" eval '[ "$(stat -c %a:%u "$(path_of "$own")")" = 600:65534 ]'
out=$(as_nobody -r "var_export(Rsipc\Table::unlink('$own'));")
check "nobody unlinks it" eval '[ "$out" = true ] && [ -z "$(path_of "$own")" ]'
summary
