<?php
/*
 * Kept difference N2: a table too big to map (run with the fuzzer's 2 GB address-space cap).
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> keep_table_too_big.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(-1); } catch (\Throwable $e) { X($e); }
try { L(1, 'getSize'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(2, 'column'); R($t->column('a', Swoole\Table::TYPE_STRING, 1000)); } catch (\Throwable $e) { X($e); }
try { L(3, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
echo "#end\n";
