<?php
/*
 * The constructor called twice on a subclass: Swoole's Error names the object's class
 * (`Constructor of Sub can only be called once`).
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> subclass_messages.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Sub(64); } catch (\Throwable $e) { X($e); }
try { L(1, '__construct'); R($t->__construct(64)); } catch (\Throwable $e) { X($e); }
try { L(2, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(3, '__construct'); R($t->__construct(64)); } catch (\Throwable $e) { X($e); }
echo "#end\n";
