--TEST--
Swoole\Table: a full table (chains and overflow slots in use) keeps every key and row exact while rows are deleted and re-added
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('v', Swoole\Table::TYPE_INT);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->create();
$cap = 76;
$keys = [];
for ($i = 0; $i < $cap; $i++) { $keys[$i] = "key-$i-" . str_repeat('x', $i % 50); }
foreach ($keys as $i => $k) { $t->set($k, ['v' => $i, 's' => substr(md5($k), 0, 8)]); }

function verify(Swoole\Table $t, array $live): string {
    $bad = 0;
    foreach ($live as $i => $k) {
        if ($t->get($k) !== ['v' => $i, 's' => substr(md5($k), 0, 8)]) { $bad++; }
    }
    $it = [];
    foreach ($t as $k => $row) { $it[$k] = $row; }
    $extra = count(array_diff_key($it, array_flip($live)));
    $missing = count(array_diff_key(array_flip($live), $it));
    foreach ($it as $k => $row) {
        if (isset(array_flip($live)[$k]) && $row !== ['v' => array_search($k, $live, true), 's' => substr(md5($k), 0, 8)]) { $bad++; }
    }
    $c = count($t) === count($live) ? 'count matches' : 'count ' . count($t) . ' for ' . count($live) . ' rows';
    return "$c, wrong $bad, extra $extra, missing $missing";
}
echo verify($t, $keys), "\n";

mt_srand(7);
$live = $keys;
for ($round = 0; $round < 20; $round++) {
    // delete a few (whatever their place in a chain), then re-add some
    for ($j = 0; $j < 10; $j++) {
        $i = mt_rand(0, $cap - 1);
        if (isset($live[$i])) { $t->del($live[$i]); unset($live[$i]); }
    }
    for ($j = 0; $j < 8; $j++) {
        $i = mt_rand(0, $cap - 1);
        if (!isset($live[$i])) { $t->set($keys[$i], ['v' => $i, 's' => substr(md5($keys[$i]), 0, 8)]); $live[$i] = $keys[$i]; }
    }
}
echo verify($t, $live), "\n";
foreach ($keys as $i => $k) { if (!isset($live[$i])) { $t->set($k, ['v' => $i, 's' => substr(md5($k), 0, 8)]); } }
echo verify($t, $keys), "\n";
var_dump(@$t->set('one-too-many', []));
$t->destroy();
?>
--EXPECT--
count matches, wrong 0, extra 0, missing 0
count matches, wrong 0, extra 0, missing 0
count matches, wrong 0, extra 0, missing 0
bool(false)
