<?php
/*
 * swoole_table(null, …) and swoole_table(64, null): Swoole's helper is written in PHP, and a
 * function written in PHP takes no null for an int or string parameter (TypeError); PHP's
 * internal functions take it with a deprecation notice.
 * Replayed by `make difftest-swoole-quick` (table_fuzz.php --replay); by hand:
 *   php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> helper_null_arguments.php
 */
require __DIR__ . '/../table_prelude.php';

try { L(0, 'swoole_table'); $t = swoole_table(null, 'a:i'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(1, 'swoole_table'); $t = swoole_table(64, null); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(2, 'swoole_table'); $t = swoole_table(64.9, 'a:i'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(3, 'swoole_table'); $t = swoole_table(true, 'a:i'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(4, 'swoole_table'); $t = swoole_table('64', 'a:i'); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(5, 'swoole_table'); $t = swoole_table(64, 5); R($t->getSize()); } catch (\Throwable $e) { X($e); }
try { L(6, 'swoole_table'); $t = swoole_table(64, new S('a:i')); R($t->getSize()); } catch (\Throwable $e) { X($e); }
echo "#end\n";
