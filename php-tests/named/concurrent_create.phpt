--TEST--
Rsipc\Table::open(): 8 processes opening one new name at the same moment all get the same, finished table
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/../inc/named_helpers.php';
table_guard(120);

const PROCS = 8;
const ROUNDS = 12;
const INCRS = 300;
$cols = ['n' => Rsipc\Table::TYPE_INT, 'who' => [Rsipc\Table::TYPE_STRING, 24]];

// a forked (anonymous) table as the starting line: every child announces itself, then waits for
// all the others, so the eight open() calls of a round start together
$gate = new Swoole\Table(64);
$gate->column('n', Swoole\Table::TYPE_INT);
$gate->create();

$problems = [];
for ($round = 0; $round < ROUNDS; $round++) {
    $name = named_unique("race$round");
    $gate->set('ready', ['n' => 0]);
    $pids = [];
    for ($c = 0; $c < PROCS; $c++) {
        $pids[] = table_fork(function () use ($gate, $name, $cols, $c) {
            $gate->incr('ready', 'n');
            while ($gate->get('ready', 'n') < PROCS) {
                usleep(50);
            }
            try {
                $t = Rsipc\Table::open($name, 256, $cols);
            } catch (Throwable $e) {
                echo "child $c: open() threw ", get_class($e), ': ', $e->getMessage(), "\n";
                return 1;
            }
            // a half-made table would show here as a wrong size or columns, or lost increments
            if ($t->getSize() !== 256) {
                echo "child $c: size ", $t->getSize(), "\n";
            }
            for ($i = 0; $i < INCRS; $i++) {
                $t->incr('total', 'n');
            }
            $t->set("child$c", ['n' => $c, 'who' => 'child ' . getmypid()]);
            return 0;
        });
    }
    foreach ($pids as $c => $pid) {
        $how = table_wait($pid);
        if ($how !== 'exit 0') {
            $problems[] = "round $round child $c: $how";
        }
    }
    $t = Rsipc\Table::open($name, 256, $cols);
    $total = $t->get('total', 'n');
    if ($total !== PROCS * INCRS) {
        $problems[] = "round $round: total " . var_export($total, true) . ', not ' . PROCS * INCRS;
    }
    for ($c = 0; $c < PROCS; $c++) {
        if ($t->get("child$c", 'n') !== $c) {
            $problems[] = "round $round: row child$c missing";
        }
    }
    if (count($t) !== PROCS + 1) {
        $problems[] = "round $round: " . count($t) . ' rows';
    }
    // exactly one file for the name, and no temporary files of it left in the directory
    $files = array_filter(scandir(named_dir()), fn($e) => str_contains($e, $name));
    if (count($files) !== 1) {
        $problems[] = "round $round: files " . implode(', ', $files);
    }
    if (!Rsipc\Table::unlink($name)) {
        $problems[] = "round $round: unlink() returned false";
    }
}
$gate->destroy();
echo ROUNDS, " rounds of ", PROCS, " processes creating one name at once: ", $problems ? "\n" . implode("\n", $problems) : 'one table each time, no increment lost', "\n";
?>
--EXPECT--
12 rounds of 8 processes creating one name at once: one table each time, no increment lost
