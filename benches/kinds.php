<?php
// The kinds of keys the table benchmarks measure, by the name they take on the command line and
// the label they print; shared by table_ops.php (the measuring side) and table_run.php (which
// runs the measuring programs and cannot load table_ops.php beside report.php).

// Every kind of keys, as the benchmarks label it: the five of bench_keys(), each visited in the
// order it was inserted in, and hex-reordered, the hex keys inserted in their order and then
// visited in another one.
function bench_kinds(): array
{
    return ['seq' => 'sequential', 'rand' => 'random order', 'hex' => 'hex, no digits', 'id' => 'id: 1024*i',
        'addr' => 'addr: 4096*i', 'hex-reordered' => 'hex, visits reordered'];
}
