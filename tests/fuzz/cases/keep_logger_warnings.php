<?php
/*
 * Kept difference N1: what Swoole's logger prints on stdout is a warning with the same text.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> keep_logger_warnings.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'column'); R($t->column('a', 9)); } catch (\Throwable $e) { X($e); }
try { L(2, 'column'); R($t->column('s', Swoole\Table::TYPE_STRING, 3)); } catch (\Throwable $e) { X($e); }
try { L(3, 'column'); R($t->column('s', Swoole\Table::TYPE_INT)); } catch (\Throwable $e) { X($e); }
try { L(4, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(5, 'set'); R($t->set('k', ['s' => 'abcdefghijkl'])); } catch (\Throwable $e) { X($e); }
try { L(6, 'get'); R($t->get('k')); } catch (\Throwable $e) { X($e); }
echo "#end\n";
