--TEST--
Rsipc\Table named tables: an empty rsipc.table_dir means the default directory, /dev/shm
--INI--
rsipc.table_dir=
--FILE--
<?php
require __DIR__ . '/../inc/named_helpers.php';
$name = named_unique('emptydir');
Rsipc\Table::open($name, 64, ['n' => Rsipc\Table::TYPE_INT])->set('k', ['n' => 1]);
var_dump(is_file("/dev/shm/rsipc.$name"), file_exists("/rsipc.$name"), isset(Rsipc\Table::list()[$name]));
var_dump(Rsipc\Table::unlink($name), file_exists("/dev/shm/rsipc.$name"));
?>
--EXPECT--
bool(true)
bool(false)
bool(true)
bool(true)
bool(false)
