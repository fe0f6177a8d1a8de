--TEST--
Swoole\Table fork stress: 4 children x 50,000 random set/add/update/incr/del/get (and foreach passes) on 1,000 keys, checked against a model built from their logs
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/../inc/table_helpers.php';
table_guard(120);

const CHILDREN = 4;
const OPS = 50000;
const OWN = 800;        // keys 0..799: key i belongs to child i % 4 (only its owner writes it)
const SHARED = 200;     // keys 800..999: every child increments them (800..899 exist already, 900..999 are made by incr)

$t = new Swoole\Table(512, 1.0);     // at most 1,000 rows in 512 + 512 slots: the overflow pool is busy
$t->column('v', Swoole\Table::TYPE_INT);
$t->column('f', Swoole\Table::TYPE_FLOAT);
$t->column('s', Swoole\Table::TYPE_STRING, 16);
$t->create();
for ($i = OWN; $i < OWN + SHARED / 2; $i++) { $t->set("key$i", ['v' => 0, 'f' => 0.0, 's' => 'shared']); }

$logs = [];
$pids = [];
for ($c = 0; $c < CHILDREN; $c++) {
    $logs[$c] = tempnam(sys_get_temp_dir(), 'rsipc_table_stress_');
    $pids[$c] = table_fork(function () use ($t, $c, $logs) {
        mt_srand(1000 + $c);
        $mine = [];                 // what this child believes its own rows hold
        $log = [];
        $mismatch = 0;
        $badPass = 0;
        for ($n = 0; $n < OPS; $n++) {
            if ($n % 2500 === 1250) {
                // a full pass while the others write: rows that exist throughout (key800..key899) come once each
                $seen = [];
                foreach ($t as $key => $row) { $seen[$key] = ($seen[$key] ?? 0) + 1; }
                for ($i = OWN; $i < OWN + SHARED / 2; $i++) { if (($seen["key$i"] ?? 0) !== 1) { $badPass++; } }
            }
            $r = mt_rand(0, 99);
            if ($r < 30) {          // incr a shared key
                $k = OWN + mt_rand(0, SHARED - 1);
                $by = mt_rand(1, 100);
                if (!is_int($t->incr("key$k", 'v', $by)) || !is_float($t->incr("key$k", 'f', 0.5))) { $mismatch++; }
                $log[] = "H $k $by";
                continue;
            }
            $k = mt_rand(0, OWN / CHILDREN - 1) * CHILDREN + $c;
            $key = "key$k";
            if ($r < 55) {          // set
                $v = mt_rand();
                $s = dechex(mt_rand());
                if (!$t->set($key, ['v' => $v, 's' => $s])) { $mismatch++; }
                $mine[$k] = ['v' => $v, 'f' => $mine[$k]['f'] ?? 0.0, 's' => $s];
                $log[] = "S $k $v $s";
            } elseif ($r < 65) {    // add: only succeeds when the row is missing
                $v = mt_rand();
                $ok = $t->add($key, ['v' => $v]);
                if ($ok !== !isset($mine[$k])) { $mismatch++; }
                if ($ok) { $mine[$k] = ['v' => $v, 'f' => 0.0, 's' => '']; $log[] = "A $k $v"; }
            } elseif ($r < 72) {    // update: only succeeds when the row exists
                $f = mt_rand(0, 1000) / 4.0;
                $ok = $t->update($key, ['f' => $f]);
                if ($ok !== isset($mine[$k])) { $mismatch++; }
                if ($ok) { $mine[$k]['f'] = $f; $log[] = "U $k $f"; }
            } elseif ($r < 82) {    // incr own key (creates it when missing)
                $by = mt_rand(-50, 50);
                $new = $t->incr($key, 'v', $by);
                $expect = ($mine[$k]['v'] ?? 0) + $by;
                if ($new !== $expect) { $mismatch++; }
                $mine[$k] = ['v' => $expect, 'f' => $mine[$k]['f'] ?? 0.0, 's' => $mine[$k]['s'] ?? ''];
                $log[] = "I $k $by";
            } elseif ($r < 92) {    // del
                $ok = $t->del($key);
                if ($ok !== isset($mine[$k])) { $mismatch++; }
                unset($mine[$k]);
                $log[] = "D $k";
            } else {                // read back
                $row = $t->get($key);
                if ($row !== ($mine[$k] ?? false)) { $mismatch++; }
            }
        }
        $log[] = 'END';
        file_put_contents($logs[$c], implode("\n", $log) . "\n");
        // exit 10: the child saw its own rows change under it; 11: a pass missed or repeated a stable row
        return $mismatch !== 0 ? 10 : ($badPass !== 0 ? 11 : 0);
    });
}
foreach ($pids as $c => $pid) { echo "child $c: ", table_wait($pid), "\n"; }

// Build the model from the logs alone.
$model = [];
$sharedV = array_fill(OWN, SHARED, 0);
$sharedF = array_fill(OWN, SHARED, 0);
$ends = 0;
foreach ($logs as $c => $file) {
    foreach (file($file, FILE_IGNORE_NEW_LINES | FILE_SKIP_EMPTY_LINES) as $line) {
        $p = explode(' ', $line);
        $k = (int) ($p[1] ?? -1);
        switch ($p[0]) {
            case 'H': $sharedV[$k] += (int) $p[2]; $sharedF[$k]++; break;
            case 'S': $model[$k] = ['v' => (int) $p[2], 'f' => $model[$k]['f'] ?? 0.0, 's' => $p[3]]; break;
            case 'A': $model[$k] = ['v' => (int) $p[2], 'f' => 0.0, 's' => '']; break;
            case 'U': $model[$k]['f'] = (float) $p[2]; break;
            case 'I': $model[$k] = ['v' => ($model[$k]['v'] ?? 0) + (int) $p[2], 'f' => $model[$k]['f'] ?? 0.0, 's' => $model[$k]['s'] ?? '']; break;
            case 'D': unset($model[$k]); break;
            case 'END': $ends++; break;
        }
    }
    unlink($file);
}
echo "complete logs: $ends\n";

$wrong = 0;
for ($k = 0; $k < OWN; $k++) {
    $row = $t->get("key$k");
    if ($row !== ($model[$k] ?? false)) {
        if (++$wrong <= 5) { echo "key$k: table ", json_encode($row), ", model ", json_encode($model[$k] ?? false), "\n"; }
    }
}
echo "own keys wrong: $wrong\n";
$wrong = 0;
for ($k = OWN; $k < OWN + SHARED; $k++) {
    $row = $t->get("key$k");
    $s = $k < OWN + SHARED / 2 ? 'shared' : '';
    if ($row !== ['v' => $sharedV[$k], 'f' => $sharedF[$k] * 0.5, 's' => $s]) {
        if (++$wrong <= 5) { echo "key$k: table ", json_encode($row), ", expected v ", $sharedV[$k], " f ", $sharedF[$k] * 0.5, "\n"; }
    }
}
echo "shared keys wrong: $wrong\n";
$expectRows = count($model) + SHARED;
$seen = [];
foreach ($t as $k => $row) { $seen[$k] = ($seen[$k] ?? 0) + 1; }
var_dump(count($t) === $expectRows, count($seen) === $expectRows, max($seen), $t->stats()['num'] === $expectRows);
$t->destroy();
?>
--EXPECT--
child 0: exit 0
child 1: exit 0
child 2: exit 0
child 3: exit 0
complete logs: 4
own keys wrong: 0
shared keys wrong: 0
bool(true)
bool(true)
int(1)
bool(true)
