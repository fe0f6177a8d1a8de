<?php
/*
 * Kept difference N8 and N9: swoole_table() with a field without a type, and with a size
 * that is not an int.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> keep_helper_field_without_type.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'swoole_table'); $t = swoole_table(64, 'a'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(1, 'swoole_table'); $t = swoole_table('x', 'a:i'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(2, 'swoole_table'); $t = swoole_table([], 'a:i'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(3, 'swoole_table'); $t = swoole_table(64, 'a:q'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(4, 'swoole_table'); $t = swoole_table(64, 'a:s'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(5, 'swoole_table'); $t = swoole_table(64, 'a:s:0'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
echo "#end\n";
