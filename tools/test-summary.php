<?php
// Reads the logs `make test` wrote for each suite and prints one closing line,
// "make test: N passed, M failed, K skipped", counted from what each runner itself reported.
$passed = 0;
$failed = 0;
$skipped = 0;
foreach (array_slice($argv, 1) as $log) {
    $text = (string)@file_get_contents($log);
    // cargo test: "test result: ok. 65 passed; 0 failed; ..."
    if (preg_match_all('/test result: \w+\. (\d+) passed; (\d+) failed/', $text, $m, PREG_SET_ORDER)) {
        foreach ($m as $r) { $passed += (int)$r[1]; $failed += (int)$r[2]; }
    }
    // run-tests.php: "Tests passed    :   87" / "Tests failed    :    0"
    if (preg_match('/^Tests passed\s*:\s*(\d+)/m', $text, $m)) { $passed += (int)$m[1]; }
    if (preg_match('/^Tests failed\s*:\s*(\d+)/m', $text, $m)) { $failed += (int)$m[1]; }
    if (preg_match('/^Tests skipped\s*:\s*(\d+)/m', $text, $m)) { $skipped += (int)$m[1]; }
    // the deployment scripts: "deb.sh: all checks passed" / "deb.sh: 2 FAILED" / "deb.sh: skipped (...)"
    $passed += preg_match_all('/^\S+\.sh: all checks passed$/m', $text);
    $failed += preg_match_all('/^\S+\.sh: \d+ FAILED$/m', $text);
    $skipped += preg_match_all('/^\S+\.sh: skipped \(/m', $text);
    $skipped += preg_match_all('/^difftest-swoole(-quick)?: skipped \(/m', $text);
    // the differential runner: "difftest: 36 passed, 0 failed"
    if (preg_match('/^difftest: (\d+) passed, (\d+) failed/m', $text, $m)) { $passed += (int)$m[1]; $failed += (int)$m[2]; }
    // each torture run is one test
    $passed += preg_match_all('/^(table|queue) torture: .*(all invariants hold|nothing lost)$/m', $text);
    $failed += preg_match_all('/^(table|queue) torture: .*FAILURES|^(table|queue) torture: .*(received twice|lost, more|did not see)/m', $text);
}
echo "make test: $passed passed, $failed failed", $skipped ? ", $skipped skipped (the reasons are in the lines above and in build/logs)" : '', "\n";
exit($failed > 0 || $passed === 0 ? 1 : 0);
