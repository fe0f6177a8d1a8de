<?php
/*
 * Kept difference N2: create() twice.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> keep_create_twice.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(2, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
echo "#end\n";
