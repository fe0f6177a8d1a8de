<?php
/*
 * swoole_table() ignores what column() returns: a string column that is too large is the
 * warning `column[s] size is too large` (a logger line in Swoole) and a table without it.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> helper_column_too_large.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'swoole_table'); $t = swoole_table(64, 'a:i,s:s:4294967289'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(1, 'set'); R($t->set('k', ['a' => 1, 's' => 'x'])); } catch (\Throwable $e) { X($e); }
try { L(2, 'get'); R($t->get('k')); } catch (\Throwable $e) { X($e); }
echo "#end\n";
