<?php
/*
 * Kept difference N10: a __toString that destroys the table during set() (a subclass too).
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> keep_destroy_in_conversion.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Sub(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'column'); R($t->column('s', Swoole\Table::TYPE_STRING, 8)); } catch (\Throwable $e) { X($e); }
try { L(2, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(3, 'set'); R($t->set('k1', ['s' => 'a'])); } catch (\Throwable $e) { X($e); }
try { L(4, 'set'); R($t->set('k1', ['s' => new D($t, true)])); } catch (\Throwable $e) { X($e); }
try { L(5, 'get'); R($t->get('k1')); } catch (\Throwable $e) { X($e); }
echo "#end\n";
