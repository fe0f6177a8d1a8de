<?php
/*
 * Columns named '0' and '1': a row array has the integer keys 0 and 1, as PHP's own
 * arrays do for numeric strings (get, getdel, current, foreach), so such a row given back to
cmpset()/cmpdel() as the expected values is refused (\`expected values must use column names\`).
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> numeric_column_names.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'column'); R($t->column('0', Swoole\Table::TYPE_INT)); } catch (\Throwable $e) { X($e); }
try { L(2, 'column'); R($t->column('1', Swoole\Table::TYPE_STRING, 8)); } catch (\Throwable $e) { X($e); }
try { L(3, 'column'); R($t->column('a', Swoole\Table::TYPE_FLOAT)); } catch (\Throwable $e) { X($e); }
try { L(4, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(5, 'incr'); R($t->incr('k1', '0', 5)); } catch (\Throwable $e) { X($e); }
try { L(6, 'get'); R($t->get('k1')); } catch (\Throwable $e) { X($e); }
try { L(7, 'get'); R(isset($t->get('k1')[0])); } catch (\Throwable $e) { X($e); }
try { L(8, 'get'); R($t->get('k1', '0')); } catch (\Throwable $e) { X($e); }
try { L(9, 'foreach'); F($t); } catch (\Throwable $e) { X($e); }
try { L(10, 'iter'); I($t, []); } catch (\Throwable $e) { X($e); }
try { L(15, 'cmpset'); R($t->cmpset('k1', $t->get('k1'), ['a' => 1.5])); } catch (\Throwable $e) { X($e); }
try { L(16, 'cmpdel'); R($t->cmpdel('k1', $t->get('k1'))); } catch (\Throwable $e) { X($e); }
try { L(17, 'cmpset'); R($t->cmpset('k1', ['0' => 5], [])); } catch (\Throwable $e) { X($e); }
try { L(11, 'getdel'); R($t->getdel('k1')); } catch (\Throwable $e) { X($e); }
try { L(12, 'swoole_table'); $t = swoole_table(64, '0:i,1:s:5'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(13, 'set'); R($t->set('k', [])); } catch (\Throwable $e) { X($e); }
try { L(14, 'get'); R($t->get('k')); } catch (\Throwable $e) { X($e); }
echo "#end\n";
