<?php
/*
 * Kept difference N2: a data method before create() is fatal in Swoole, Swoole\Error here.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> keep_misuse_fatal.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'getMemorySize'); R($t->getMemorySize()); } catch (\Throwable $e) { X($e); }
try { L(2, 'stats'); R($t->stats()); } catch (\Throwable $e) { X($e); }
try { L(3, 'count'); R(count($t)); } catch (\Throwable $e) { X($e); }
try { L(4, 'get'); R($t->get('k')); } catch (\Throwable $e) { X($e); }
try { L(5, 'set'); R($t->set('k', [])); } catch (\Throwable $e) { X($e); }
echo "#end\n";
