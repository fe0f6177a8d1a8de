<?php
/*
 * Kept difference N2: a method after destroy() ends Swoole with an uncatchable Swoole\Error.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> keep_misuse_after_destroy.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(2, 'set'); R($t->set('k', [])); } catch (\Throwable $e) { X($e); }
try { L(3, 'destroy'); R($t->destroy()); } catch (\Throwable $e) { X($e); }
try { L(4, 'count'); R(count($t)); } catch (\Throwable $e) { X($e); }
try { L(5, 'getSize'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(6, 'stats'); R($t->stats()); } catch (\Throwable $e) { X($e); }
try { L(7, 'get'); R($t->get('k')); } catch (\Throwable $e) { X($e); }
echo "#end\n";
