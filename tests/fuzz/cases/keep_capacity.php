<?php
/*
 * Kept difference N5 and N7: every getSize() + floor(getSize() * p) keys fit here; Swoole
 * refuses some earlier, and its overflow statistics differ.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> keep_capacity.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'column'); R($t->column('a', Swoole\Table::TYPE_INT)); } catch (\Throwable $e) { X($e); }
try { L(2, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(3, 'set'); for ($i = 0; $i < 30; $i++) { $t->set("k$i", ['a' => $i]); } R(count($t)); } catch (\Throwable $e) { X($e); }
try { L(4, 'stats'); R($t->stats()); } catch (\Throwable $e) { X($e); }
try { L(5, 'foreach'); F($t); } catch (\Throwable $e) { X($e); }
try { L(6, 'getMemorySize'); R($t->getMemorySize()); } catch (\Throwable $e) { X($e); }
try { L(7, 'memorySize'); R($t->memorySize); } catch (\Throwable $e) { X($e); }
try { L(8, 'set'); for ($i = 30; $i < 80; $i++) { $t->set("k$i", ['a' => $i]); } R(count($t)); } catch (\Throwable $e) { X($e); }
try { L(9, 'count'); R(count($t)); } catch (\Throwable $e) { X($e); }
echo "#end\n";
