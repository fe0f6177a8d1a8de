--TEST--
Swoole\Table: a set() whose value conversion destroys the table and builds a new one in the same object writes into the new table, where lookups find the row
--FILE--
<?php
// set() hashes its key for the table before converting the values (to overlap the memory
// misses); the new table has another hash key, so the key must be hashed again for it.
$t = new Swoole\Table(1024);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->create();
class Replacer {
    function __toString(): string {
        global $t;
        $t->destroy();
        $t->__construct(1024);
        $t->column('s', Swoole\Table::TYPE_STRING, 8);
        $t->create();
        echo "replaced\n";
        return "v";
    }
}
for ($i = 0; $i < 50; $i++) {
    $k = "key:$i";
    if (!$t->set($k, ['s' => new Replacer])) { echo "set $k failed\n"; }
    if (!$t->exists($k) || $t->get($k, 's') !== 'v' || count($t) !== 1) { echo "row $k not found in the new table\n"; }
    $seen = [];
    foreach ($t as $key => $row) { $seen[] = $key; }
    if ($seen !== [$k]) { echo "iteration saw ", json_encode($seen), "\n"; }
}
$t->set('plain', ['s' => 'p']);
var_dump($t->get('plain', 's'), count($t));
echo "done\n";
?>
--EXPECTF--
%r(replaced\n){50}%rstring(1) "p"
int(2)
done
