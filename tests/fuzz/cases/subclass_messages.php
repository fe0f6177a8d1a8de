<?php
/*
 * Errors about a subclass name the object's class, as Swoole's do: `Constructor of Sub can
 * only be called once`, `Cannot destroy Sub during value conversion`.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> subclass_messages.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Sub(64); } catch (\Throwable $e) { X($e); }
try { L(1, '__construct'); R($t->__construct(64)); } catch (\Throwable $e) { X($e); }
try { L(4, 'column'); R($t->column('s', Swoole\Table::TYPE_STRING, 8)); } catch (\Throwable $e) { X($e); }
try { L(5, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(6, 'set'); R($t->set('k1', ['s' => new D($t, true)])); } catch (\Throwable $e) { X($e); }
try { L(7, 'get'); R($t->get('k1')); } catch (\Throwable $e) { X($e); }
try { L(2, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(3, '__construct'); R($t->__construct(64)); } catch (\Throwable $e) { X($e); }
echo "#end\n";
