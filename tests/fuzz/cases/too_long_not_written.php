<?php
/*
 * A too-long string in a call that then writes nothing (update of a missing key, add of an
 * existing key, cmpset of a missing key or a mismatch): Swoole still says `string value is too
 * long` (a logger line there, a warning here) and returns false.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> too_long_not_written.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'new'); $t = new Swoole\Table(64); } catch (\Throwable $e) { X($e); }
try { L(1, 'column'); R($t->column('s', Swoole\Table::TYPE_STRING, 5)); } catch (\Throwable $e) { X($e); }
try { L(2, 'column'); R($t->column('i', Swoole\Table::TYPE_INT)); } catch (\Throwable $e) { X($e); }
try { L(3, 'create'); R($t->create()); } catch (\Throwable $e) { X($e); }
try { L(4, 'update'); R($t->update('missing', ['s' => 'abcdefghi'])); } catch (\Throwable $e) { X($e); }
try { L(5, 'set'); R($t->set('k1', ['s' => 'ab'])); } catch (\Throwable $e) { X($e); }
try { L(6, 'add'); R($t->add('k1', ['s' => 'abcdefghi'])); } catch (\Throwable $e) { X($e); }
try { L(7, 'cmpset'); R($t->cmpset('missing', ['i' => 0], ['s' => 'abcdefghi'])); } catch (\Throwable $e) { X($e); }
try { L(8, 'cmpset'); R($t->cmpset('k1', ['i' => 1], ['s' => 'abcdefghi'])); } catch (\Throwable $e) { X($e); }
try { L(9, 'get'); R($t->get('k1')); } catch (\Throwable $e) { X($e); }
echo "#end\n";
