<?php
/*
 * Extra arguments to the methods without parameters are ignored, as Swoole ignores them;
 * before create() Swoole's check of the table state comes first.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> extra_arguments.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'getSize'); R($t->getSize('x')); } catch (\Throwable $e) { X($e); }
try { L(2, 'getMemorySize'); R($t->getMemorySize(1, 2)); } catch (\Throwable $e) { X($e); }
try { L(3, 'stats'); R($t->stats(null)); } catch (\Throwable $e) { X($e); }
try { L(4, 'column'); R($t->column('i', Swoole\Table::TYPE_INT)); } catch (\Throwable $e) { X($e); }
try { L(5, 'create'); R($t->create([])); } catch (\Throwable $e) { X($e); }
try { L(6, 'set'); R($t->set('k1', ['i' => 1])); } catch (\Throwable $e) { X($e); }
try { L(7, 'iter'); I($t, [1, 'x']); } catch (\Throwable $e) { X($e); }
try { L(8, 'getSize'); R($t->getSize(new S('a'))); } catch (\Throwable $e) { X($e); }
try { L(9, 'getMemorySize'); R($t->getMemorySize(1)); } catch (\Throwable $e) { X($e); }
try { L(10, 'stats'); R($t->stats(1)); } catch (\Throwable $e) { X($e); }
try { L(11, 'destroy'); R($t->destroy(1)); } catch (\Throwable $e) { X($e); }
echo "#end\n";
