<?php
/*
 * Kept difference N6: a NaN conflict proportion is 0.2 here; Swoole cannot map the table.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> keep_nan_proportion.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new NAN'); $t = new Swoole\Table(64, NAN); } catch (\Throwable $e) { X($e); }
try { L(1, 'column'); R($t->column('a', Swoole\Table::TYPE_INT)); } catch (\Throwable $e) { X($e); }
try { L(2, 'getSize'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(3, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(4, 'stats'); R($t->stats()); } catch (\Throwable $e) { X($e); }
echo "#end\n";
