<?php
/*
 * swoole_table() with a duplicate column: Swoole's helper warns `column[a] already exists`
 * (a logger line there) and returns the table.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> helper_duplicate_column.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'swoole_table'); $t = swoole_table(64, 'a:i,a:i'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(1, 'set'); R($t->set('k', ['a' => 5])); } catch (\Throwable $e) { X($e); }
try { L(2, 'get'); R($t->get('k')); } catch (\Throwable $e) { X($e); }
try { L(3, 'swoole_table'); $t = swoole_table(64, 'a:i,b:f,a:s:8'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(4, 'get'); R($t->get('k')); } catch (\Throwable $e) { X($e); }
echo "#end\n";
