<?php
/*
 * Reflection: the constants in Swoole's order (TYPE_INT, TYPE_STRING, TYPE_FLOAT), and the
 * method signatures.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> constant_order.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'reflection'); Y(); } catch (\Throwable $e) { X($e); }
echo "#end\n";
