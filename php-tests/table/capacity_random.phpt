--TEST--
Swoole\Table capacity promise with random binary keys, hash-colliding keys, and after churn (delete half, refill)
--FILE--
<?php
function random_keys(int $n, array $avoid = []): array {
    $keys = [];
    while (count($keys) < $n) {
        $k = random_bytes(random_int(1, 63));
        if (!isset($avoid[$k])) {
            $keys[$k] = true;
        }
    }
    return array_map('strval', array_keys($keys));   // numeric-looking keys came back as ints
}

function check(Swoole\Table $t, array $keys, string $label): void {
    $ok = 0;
    $warnings = 0;
    set_error_handler(function () use (&$warnings) { $warnings++; return true; });
    foreach ($keys as $i => $k) {
        if ($t->set((string) $k, ['v' => $i, 's' => substr((string) $k, 0, 8)])) {
            $ok++;
        }
    }
    restore_error_handler();
    $bad = 0;
    foreach ($keys as $i => $k) {
        $row = $t->get((string) $k);
        if ($row === false || $row['v'] !== $i || $row['s'] !== substr((string) $k, 0, 8)) {
            $bad++;
        }
    }
    echo "$label: stored $ok of ", count($keys), ", warnings $warnings, wrong $bad, count ", count($t), "\n";
}

foreach ([[1024, 0.2], [64, 0.2], [4096, 0.5], [65536, 0.2]] as [$n, $p]) {
    $t = new Swoole\Table($n, $p);
    $t->column('v', Swoole\Table::TYPE_INT);
    $t->column('s', Swoole\Table::TYPE_STRING, 8);
    $t->create();
    $cap = $t->getSize() + (int) floor($t->getSize() * $p);
    $keys = random_keys($cap);
    check($t, $keys, "Table($n, $p) random keys, capacity $cap");
    $extra = random_keys(1, array_flip($keys));
    var_dump(@$t->set($extra[0], ['v' => 1]), count($t) === $cap);

    // churn: delete a random half, fill up with fresh keys, the table is exactly full again
    shuffle($keys);
    $half = intdiv($cap, 2);
    $gone = array_slice($keys, 0, $half);
    $kept = array_slice($keys, $half);
    foreach ($gone as $k) { $t->del((string) $k); }
    $fresh = random_keys($half, array_flip($keys));
    check($t, $fresh, "  refilled $half");
    $bad = 0;
    foreach ($kept as $k) { if (!$t->exists((string) $k)) { $bad++; } }
    echo "  kept rows lost: $bad; one more fits: ", var_export(@$t->set($extra[0], ['v' => 1]), true), "\n";
    $s = $t->stats();
    echo "  stats num ", $s['num'] === $cap ? 'ok' : $s['num'], ", free slices ", $s['available_slice_num'], "\n";
    $t->destroy();
}

echo "-- keys that all collide under PHP's times-33 hash (\"Ez\" and \"FY\" blocks)\n";
$t = new Swoole\Table(1024);
$t->column('v', Swoole\Table::TYPE_INT);
$t->column('s', Swoole\Table::TYPE_STRING, 8);
$t->create();
$keys = [];
for ($i = 0; $i < 1228; $i++) {
    $k = '';
    for ($b = 0; $b < 11; $b++) { $k .= ($i >> $b) & 1 ? 'FY' : 'Ez'; }
    $keys[] = $k;
}
check($t, $keys, 'colliding keys');
var_dump(@$t->set(str_repeat('Ez', 11), ['v' => 0]), @$t->set(str_repeat('FY', 11), ['v' => 0]));
$t->destroy();
?>
--EXPECT--
Table(1024, 0.2) random keys, capacity 1228: stored 1228 of 1228, warnings 0, wrong 0, count 1228
bool(false)
bool(true)
  refilled 614: stored 614 of 614, warnings 0, wrong 0, count 1228
  kept rows lost: 0; one more fits: false
  stats num ok, free slices 0
Table(64, 0.2) random keys, capacity 76: stored 76 of 76, warnings 0, wrong 0, count 76
bool(false)
bool(true)
  refilled 38: stored 38 of 38, warnings 0, wrong 0, count 76
  kept rows lost: 0; one more fits: false
  stats num ok, free slices 0
Table(4096, 0.5) random keys, capacity 6144: stored 6144 of 6144, warnings 0, wrong 0, count 6144
bool(false)
bool(true)
  refilled 3072: stored 3072 of 3072, warnings 0, wrong 0, count 6144
  kept rows lost: 0; one more fits: false
  stats num ok, free slices 0
Table(65536, 0.2) random keys, capacity 78643: stored 78643 of 78643, warnings 0, wrong 0, count 78643
bool(false)
bool(true)
  refilled 39321: stored 39321 of 39321, warnings 0, wrong 0, count 78643
  kept rows lost: 0; one more fits: false
  stats num ok, free slices 0
-- keys that all collide under PHP's times-33 hash ("Ez" and "FY" blocks)
colliding keys: stored 1228 of 1228, warnings 0, wrong 0, count 1228
bool(true)
bool(false)
