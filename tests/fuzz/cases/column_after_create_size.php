<?php
/*
 * column() after create() with a string size below 1: Swoole checks the size first (`the
 * length of string type values has to be more than zero`), then whether the table exists.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> column_after_create_size.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(2, 'column'); R($t->column('a', Swoole\Table::TYPE_STRING)); } catch (\Throwable $e) { X($e); }
try { L(3, 'column'); R($t->column('b', Swoole\Table::TYPE_STRING, -1)); } catch (\Throwable $e) { X($e); }
try { L(4, 'column'); R($t->column('c', Swoole\Table::TYPE_STRING, 8)); } catch (\Throwable $e) { X($e); }
try { L(5, 'column'); R($t->column('d', 9)); } catch (\Throwable $e) { X($e); }
echo "#end\n";
