<?php
/*
 * Same as Swoole: conversions that throw or call back into the table (6.3 semantics).
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> same_conversions.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'column'); R($t->column('i', Swoole\Table::TYPE_INT)); } catch (\Throwable $e) { X($e); }
try { L(2, 'column'); R($t->column('s', Swoole\Table::TYPE_STRING, 8)); } catch (\Throwable $e) { X($e); }
try { L(3, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(4, 'set'); R($t->set('k1', ['i' => new D($t, false)])); } catch (\Throwable $e) { X($e); }
try { L(5, 'set'); R($t->set('k2', ['s' => new T()])); } catch (\Throwable $e) { X($e); }
try { L(6, 'get'); R([$t->get('k1'), $t->get('k2')]); } catch (\Throwable $e) { X($e); }
try { L(7, 'incr'); R($t->incr('k1', 'i', new D($t, false))); } catch (\Throwable $e) { X($e); }
try { L(8, 'cmpset'); R($t->cmpset('k1', ['i' => 9], ['s' => new T()])); } catch (\Throwable $e) { X($e); }
try { L(9, 'set'); R($t->set('k1', ['i' => new D($t, true)])); } catch (\Throwable $e) { X($e); }
try { L(10, 'stats'); R($t->stats()); } catch (\Throwable $e) { X($e); }
try { L(11, 'get'); R($t->get('k1')); } catch (\Throwable $e) { X($e); }
echo "#end\n";
