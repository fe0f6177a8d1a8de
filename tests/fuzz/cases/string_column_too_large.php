<?php
/*
 * String column sizes: Swoole accepts up to 4294967288 and says `column[<name>] size is too
 * large` above it (a logger line there, a warning here); a duplicate name is reported first.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> string_column_too_large.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'column'); R($t->column('a', Swoole\Table::TYPE_STRING, 4294967288)); } catch (\Throwable $e) { X($e); }
try { L(2, 'column'); R($t->column('b', Swoole\Table::TYPE_STRING, 4294967289)); } catch (\Throwable $e) { X($e); }
try { L(3, 'column'); R($t->column('c', Swoole\Table::TYPE_STRING, 2147483648)); } catch (\Throwable $e) { X($e); }
try { L(4, 'column'); R($t->column('a', Swoole\Table::TYPE_STRING, 4294967289)); } catch (\Throwable $e) { X($e); }
try { L(5, 'column'); R($t->column('d', Swoole\Table::TYPE_STRING, PHP_INT_MAX)); } catch (\Throwable $e) { X($e); }
try { L(6, 'getMemorySize'); R($t->getMemorySize()); } catch (\Throwable $e) { X($e); }
echo "#end\n";
