--TEST--
Swoole\Table SIGKILL torture: a busy writer child is killed 100 times at random moments; the table stays usable and intact
--EXTENSIONS--
pcntl
posix
--FILE--
<?php
require __DIR__ . '/../inc/table_helpers.php';
table_guard(240);   // a lock that is never recovered ends the test here instead of hanging the suite

// Locks taken over from a killed holder are reported as E_WARNING; count them, print anything else.
$GLOBALS['recovered'] = 0;
set_error_handler(function (int $no, string $str) {
    if (!(error_reporting() & $no)) {
        return true;   // silenced with @
    }
    if ($no === E_WARNING && preg_match('/lock process\[\d+\] not exists, force unlock$/', $str)) {
        $GLOBALS['recovered']++;
        return true;
    }
    echo "unexpected error $no: $str\n";
    return true;
});

const STABLE = 150;
const WRITER_KEYS = 150;
$t = new Swoole\Table(256);     // 256 + 51 slots for 300 keys: chains and the overflow pool are in use
$t->column('v', Swoole\Table::TYPE_INT);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->column('s', Swoole\Table::TYPE_STRING, 40);
$t->create();
$cap = $t->getSize() + (int) floor($t->getSize() * 0.2);
for ($i = 0; $i < STABLE; $i++) {
    $t->set("stable$i", ['v' => $i, 'f' => $i / 2.0, 's' => str_repeat(chr(65 + $i % 26), 40)]);
}
$t->set('hot', ['v' => 0]);

function writer(Swoole\Table $t): void {
    mt_srand(getmypid());
    for ($n = 0; ; $n++) {
        $k = 'w' . mt_rand(0, WRITER_KEYS - 1);
        switch (mt_rand(0, 9)) {
            case 0: case 1: $t->set($k, ['v' => $n, 's' => str_repeat('w', mt_rand(0, 40))]); break;
            case 2: $t->incr($k, 'v'); break;
            case 3: $t->decr($k, 'f', 0.5); break;
            case 4: case 5: $t->del($k); break;
            case 6: $t->add($k, ['v' => 1]); break;
            case 7: $t->getdel($k); break;
            case 8: $t->incr('hot', 'v'); break;
            case 9: if ($n % 50 === 0) { foreach ($t as $key => $row) {} } else { $t->get($k); } break;
        }
    }
}

mt_srand(4242);
$parentHot = 0;
$kills = 0;
for ($round = 0; $round < 100; $round++) {
    $pid = pcntl_fork();
    if ($pid === 0) {
        writer($t);
        exit(0);
    }
    if ($round % 2 === 0) {
        usleep(mt_rand(0, 3000));
    } else {
        // stay busy on the same rows until the kill, so the parent is often waiting for the child's lock
        $until = hrtime(true) + mt_rand(0, 3000) * 1000;
        do { $t->incr('hot', 'v'); $parentHot++; $t->get('w' . mt_rand(0, WRITER_KEYS - 1)); } while (hrtime(true) < $until);
    }
    posix_kill($pid, SIGKILL);
    if ($round % 3 === 0) {
        // before the reap: the dead child is a zombie, its locks must be recovered all the same
        $t->incr('hot', 'v');
        $parentHot++;
        $t->set('w' . mt_rand(0, WRITER_KEYS - 1), ['v' => -1]);
    }
    if (table_wait($pid) === 'signal 9') { $kills++; }
}
echo "kills: $kills\n";

echo "-- the parent's rows are intact\n";
$bad = 0;
for ($i = 0; $i < STABLE; $i++) {
    if ($t->get("stable$i") !== ['v' => $i, 'f' => $i / 2.0, 's' => str_repeat(chr(65 + $i % 26), 40)]) { $bad++; }
}
echo "stable rows wrong: $bad\n";
var_dump($t->get('hot', 'v') >= $parentHot);

echo "-- structure: foreach agrees with count(), no key twice, only known keys\n";
$seen = [];
foreach ($t as $k => $row) { $seen[$k] = ($seen[$k] ?? 0) + 1; }
$unknown = 0;
foreach ($seen as $k => $c) { if (!preg_match('/^(stable\d+|w\d+|hot)$/', $k)) { $unknown++; } }
var_dump(count($seen) === count($t), max($seen), $unknown, $t->stats()['num'] === count($t));
$missing = 0;
foreach (array_keys($seen) as $k) { if (!$t->exists((string) $k)) { $missing++; } }
var_dump($missing);

echo "-- the table still works: set/get/incr/del, and its full capacity is still there\n";
var_dump($t->set('after', ['v' => 7, 's' => 'after']), $t->get('after', 's'), $t->incr('after', 'v'), $t->del('after'), $t->exists('after'));
foreach (array_keys($seen) as $k) { if (str_starts_with((string) $k, 'w')) { $t->del((string) $k); } }
$n = count($t);
$added = 0;
for ($i = 0; $i < $cap; $i++) { if (@$t->set("fill$i", ['v' => $i])) { $added++; } }
var_dump($n + $added === $cap, count($t) === $cap, $t->stats()['available_slice_num']);
$ok = 0;
for ($i = 0; $i < $added; $i++) { if ($t->get("fill$i", 'v') === $i && $t->del("fill$i")) { $ok++; } }
var_dump($ok === $added, count($t) === STABLE + 1);
$t->destroy();
?>
--EXPECT--
kills: 100
-- the parent's rows are intact
stable rows wrong: 0
bool(true)
-- structure: foreach agrees with count(), no key twice, only known keys
bool(true)
int(1)
int(0)
bool(true)
int(0)
-- the table still works: set/get/incr/del, and its full capacity is still there
bool(true)
string(5) "after"
int(8)
bool(true)
bool(false)
bool(true)
bool(true)
int(0)
bool(true)
bool(true)
