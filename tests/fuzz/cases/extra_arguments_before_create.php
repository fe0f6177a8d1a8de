<?php
/*
 * rewind() with an argument before create(): Swoole reports the uncreated table (a fatal
 * error in Swoole, Swoole\Error here), not the argument count.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> extra_arguments_before_create.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'iter'); I($t, ['x']); } catch (\Throwable $e) { X($e); }
echo "#end\n";
