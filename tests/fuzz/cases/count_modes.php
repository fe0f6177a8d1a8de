<?php
/*
 * count($mode): Swoole returns rows x columns for any non-zero mode (0 for a table without
 * columns), rows for 0; PHP's count() function does not pass the mode on.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> count_modes.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'column'); R($t->column('a', Swoole\Table::TYPE_INT)); } catch (\Throwable $e) { X($e); }
try { L(2, 'column'); R($t->column('b', Swoole\Table::TYPE_FLOAT)); } catch (\Throwable $e) { X($e); }
try { L(3, 'column'); R($t->column('c', Swoole\Table::TYPE_STRING, 8)); } catch (\Throwable $e) { X($e); }
try { L(4, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(5, 'set'); R($t->set('x', [])); } catch (\Throwable $e) { X($e); }
try { L(6, 'set'); R($t->set('y', [])); } catch (\Throwable $e) { X($e); }
try { L(7, 'count'); R([$t->count(), $t->count(0), $t->count(1), $t->count(COUNT_RECURSIVE)]); } catch (\Throwable $e) { X($e); }
try { L(8, 'count'); R([$t->count(2), $t->count(-1), $t->count(PHP_INT_MAX), $t->count(PHP_INT_MIN)]); } catch (\Throwable $e) { X($e); }
try { L(9, 'count'); R([$t->count(' 42'), $t->count('1'), $t->count('0'), $t->count(true), $t->count(false)]); } catch (\Throwable $e) { X($e); }
try { L(10, 'count'); R([$t->count(1.5), $t->count(0.5), $t->count(null)]); } catch (\Throwable $e) { X($e); }
try { L(11, 'count'); R([count($t), count($t, COUNT_RECURSIVE)]); } catch (\Throwable $e) { X($e); }
try { L(12, 'new'); $t = new Swoole\Table(64); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(13, 'set'); R($t->set('x', [])); } catch (\Throwable $e) { X($e); }
try { L(14, 'count'); R([$t->count(), $t->count(1), $t->count(PHP_INT_MAX)]); } catch (\Throwable $e) { X($e); }
echo "#end\n";
