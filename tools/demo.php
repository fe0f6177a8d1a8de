<?php
// make demo: runs each seed program in examples/ with rsipc, shows its output, and checks it
// against examples/<name>.expected. The table's foreach order is not part of the contract (the
// hash decides it), so lines are compared as a sorted list for programs that iterate a table.
// Usage: php -n tools/demo.php '<php command with rsipc loaded>' examples/a.php ...
[$self, $php] = $argv + [null, null];
$programs = array_slice($argv, 2);
$about = [
    'msg_queue_example.php' => 'a forked child sends a message through a System V queue, rsipc in place of sysvmsg',
    'table_example.php' => 'a Swoole\Table shared with a forked child, without Swoole',
];
$any_order = ['table_example.php'];
$ok = $failed = 0;
foreach ($programs as $program) {
    $base = basename($program);
    echo "== $program: ", $about[$base] ?? 'a seed program', "\n";
    $cmd = 'cd ' . escapeshellarg(dirname($program)) . " && $php " . escapeshellarg($base) . ' 2>&1';
    exec($cmd, $out, $rc);
    foreach ($out as $line) echo "   $line\n";
    $expected_file = preg_replace('/\.php$/', '.expected', $program);
    $expected = is_file($expected_file) ? explode("\n", rtrim(file_get_contents($expected_file), "\n")) : null;
    $got = $out;
    if (in_array($base, $any_order, true) && $expected !== null) { sort($expected); sort($got); }
    if ($expected === null) {
        echo "demo: $program FAIL ($expected_file is missing)\n"; $failed++;
    } elseif ($rc !== 0) {
        echo "demo: $program FAIL (exit code $rc)\n"; $failed++;
    } elseif ($got !== $expected) {
        echo "demo: $program FAIL (output differs from $expected_file)\n"; $failed++;
    } else {
        echo "demo: $program OK (output matches $expected_file)\n"; $ok++;
    }
    $out = [];
}
echo "make demo: $ok OK, $failed FAIL\n";
exit($failed ? 1 : 0);
