<?php
/*
 * The `string value is too long` warning comes where Swoole converts that value, in the order
 * of the values array, so before the conversion warnings of the entries after it.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> too_long_warning_order.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'swoole_table'); $t = swoole_table(128, 'i:i,f:f,s:s:5'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(1, 'set'); R($t->set('a', ['s' => 'hello world!', 'i' => new S('1.5')])); } catch (\Throwable $e) { X($e); }
try { L(2, 'set'); R($t->set('b', ['i' => new S('1.5'), 's' => 'hello world!', 'f' => new S('x')])); } catch (\Throwable $e) { X($e); }
try { L(3, 'add'); R($t->add('c', ['f' => 1, 's' => PHP_INT_MAX, 'i' => 1.5])); } catch (\Throwable $e) { X($e); }
echo "#end\n";
