--TEST--
Rsipc\Table::open() of an existing table with another size, proportion or columns throws Rsipc\Error naming the difference, in the same process and in another one
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/../inc/named_helpers.php';
table_guard(60);

$name = $argv[1] ?? named_unique('schema');
$cols = ['hits' => Rsipc\Table::TYPE_INT, 'label' => [Rsipc\Table::TYPE_STRING, 16], 'ratio' => Rsipc\Table::TYPE_FLOAT];

// each: [size, columns, proportion, words the message must contain (each entry: any one of)]
$without_ratio = $cols;
unset($without_ratio['ratio']);
$cases = [
    'size 256 instead of 128' => [256, $cols, 0.25, [['size'], ['128', '256']]],
    'proportion 0.5 instead of 0.25' => [128, $cols, 0.5, [['proportion']]],
    'column ratio missing' => [128, $without_ratio, 0.25, [['ratio']]],
    'an extra column' => [128, $cols + ['extra' => Rsipc\Table::TYPE_INT], 0.25, [['extra']]],
    'hits a float' => [128, array_replace($cols, ['hits' => Rsipc\Table::TYPE_FLOAT]), 0.25, [['hits']]],
    'label 32 bytes' => [128, array_replace($cols, ['label' => [Rsipc\Table::TYPE_STRING, 32]]), 0.25, [['label']]],
    'label an int' => [128, array_replace($cols, ['label' => Rsipc\Table::TYPE_INT]), 0.25, [['label']]],
];

function try_cases(string $name, array $cases): void
{
    foreach ($cases as $what => [$size, $columns, $proportion, $needles]) {
        try {
            Rsipc\Table::open($name, $size, $columns, $proportion);
            echo "$what: opened, no exception\n";
            continue;
        } catch (Throwable $e) {
            $msg = $e->getMessage();
        }
        $missing = [];
        foreach ($needles as $anyOf) {
            $found = false;
            foreach ($anyOf as $word) {
                $found = $found || stripos($msg, $word) !== false;
            }
            if (!$found) {
                $missing[] = implode(' or ', $anyOf);
            }
        }
        echo "$what: ", $e instanceof Rsipc\Error ? 'Rsipc\Error' : get_class($e),
            $missing ? ' that does not say ' . implode(', ', $missing) . ": $msg" : ' naming the difference', "\n";
    }
}

if (isset($argv[1])) {
    // the fresh process started below: it opens the existing table for the first time
    try_cases($name, $cases);
    exit(0);
}
$t = Rsipc\Table::open($name, 128, $cols, 0.25);
$t->set('a', ['hits' => 7, 'label' => 'first', 'ratio' => 0.5]);
echo "-- in the process that created it\n";
try_cases($name, $cases);
echo "-- in a forked child\n";
echo table_wait(table_fork(function () use ($name, $cases) { try_cases($name, $cases); })), "\n";
echo "-- in a fresh process that opens it for the first time\n";
passthru(named_php() . ' ' . escapeshellarg(__FILE__) . ' ' . escapeshellarg($name) . ' 2>&1', $rc);
echo "exit $rc\n";

echo "-- the same schema opens the same table, in the process and in a child\n";
$same = Rsipc\Table::open($name, 128, $cols, 0.25);
var_dump($same->get('a', 'hits'), $same->getSize());
echo table_wait(table_fork(function () use ($name, $cols) {
    $u = Rsipc\Table::open($name, 128, $cols, 0.25);
    $u->incr('a', 'hits', 3);
})), "\n";
var_dump($t->get('a', 'hits'));
var_dump(Rsipc\Table::unlink($name));
?>
--EXPECT--
-- in the process that created it
size 256 instead of 128: Rsipc\Error naming the difference
proportion 0.5 instead of 0.25: Rsipc\Error naming the difference
column ratio missing: Rsipc\Error naming the difference
an extra column: Rsipc\Error naming the difference
hits a float: Rsipc\Error naming the difference
label 32 bytes: Rsipc\Error naming the difference
label an int: Rsipc\Error naming the difference
-- in a forked child
size 256 instead of 128: Rsipc\Error naming the difference
proportion 0.5 instead of 0.25: Rsipc\Error naming the difference
column ratio missing: Rsipc\Error naming the difference
an extra column: Rsipc\Error naming the difference
hits a float: Rsipc\Error naming the difference
label 32 bytes: Rsipc\Error naming the difference
label an int: Rsipc\Error naming the difference
exit 0
-- in a fresh process that opens it for the first time
size 256 instead of 128: Rsipc\Error naming the difference
proportion 0.5 instead of 0.25: Rsipc\Error naming the difference
column ratio missing: Rsipc\Error naming the difference
an extra column: Rsipc\Error naming the difference
hits a float: Rsipc\Error naming the difference
label 32 bytes: Rsipc\Error naming the difference
label an int: Rsipc\Error naming the difference
exit 0
-- the same schema opens the same table, in the process and in a child
int(7)
int(128)
exit 0
int(10)
bool(true)
