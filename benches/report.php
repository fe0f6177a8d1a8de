<?php
// The presentation layer of `make bench`: number formats, progress lines, the aligned result
// tables and the SVG chart. The measuring scripts (run.php, table_run.php, *_bench.php) hand it
// plain arrays: case => [program => value], so cases added there show up here unchanged.
// It also holds what the scripts that run the measuring programs share: running one and
// reading its figures, building the pointer chase, the median.

/** 1234567 -> "1.23M", 45678 -> "46k". */
function bench_rate(?float $v): string
{
    if ($v === null) return '-';
    if ($v >= 1e6) return sprintf('%.2fM', $v / 1e6);
    if ($v >= 1e3) return sprintf('%.0fk', $v / 1e3);
    return sprintf('%.0f', $v);
}

/** Bytes as MiB with two decimals. */
function bench_bytes(?float $v): string
{
    return $v === null ? '-' : sprintf('%.2f MiB', $v / 1048576);
}

/** 75.2 -> "1 min 15 s". */
function bench_duration(float $s): string
{
    $s = (int)round($s);
    return $s >= 60 ? sprintf('%d min %02d s', intdiv($s, 60), $s % 60) : "$s s";
}

/**
 * Runs a measuring program and returns its "name<TAB>number" lines as name => number. A program
 * that fails ends the benchmark with its output; so does one that prints no figures, unless
 * $required is false (a program that has nothing to measure here exits 0 without any).
 */
function bench_figures(string $cmd, bool $required = true): array
{
    exec("$cmd 2>&1", $lines, $rc);
    $out = [];
    foreach ($lines as $line) {
        if (preg_match('/^(.+)\t([\d.]+)$/', $line, $m)) { $out[$m[1]] = (float)$m[2]; }
    }
    if ($rc !== 0 || ($required && $out === [])) {
        fwrite(STDERR, "failed (exit $rc): $cmd\n" . implode("\n", $lines) . "\n");
        exit(1);
    }
    return $out;
}

/**
 * Builds benches/floor.rs (a pointer chase: `floor <megabytes> <steps>` prints picoseconds per
 * step) with rustc into a temporary file that is removed when the script ends; null when rustc
 * cannot build it.
 */
function bench_floor_binary(): ?string
{
    $bin = sys_get_temp_dir() . '/rsipc-floor-' . getmypid();
    register_shutdown_function(function () use ($bin) { if (is_file($bin)) { unlink($bin); } });
    $ok = trim((string)shell_exec("rustc --edition 2024 -O -o $bin " . __DIR__ . "/floor.rs 2>&1; echo $?")) === '0';
    return $ok ? $bin : null;
}

/** Median of the measured runs. */
function bench_median(array $v): float
{
    sort($v);
    return $v[intdiv(count($v), 2)];
}

/**
 * Prints one result table with every column as wide as its widest cell. $data is
 * case => [program => value]; $lower lists the cases where a lower value is better (they are
 * formatted as bytes), every other case is a rate, higher is better. The last columns give
 * rsipc's value divided by each other program's, so "> 1.00x" reads "rsipc does better" for
 * rates and "rsipc uses more" for bytes. With $floorNs, a last column gives rsipc's time per
 * operation (1e9 / rate) as a multiple of that many nanoseconds.
 */
function bench_table(string $title, array $programs, array $data, array $lower = [], array $notes = [], ?float $floorNs = null): string
{
    $others = array_values(array_filter($programs, fn($p) => $p !== 'rsipc'));
    $head = array_merge([$title], $programs, array_map(fn($p) => "rsipc/$p", $others), $floorNs ? ['rsipc/floor'] : []);
    $rows = [];
    foreach ($data as $case => $byProgram) {
        $isLower = in_array($case, $lower, true);
        $cells = [$case . ($isLower ? ' (lower is better)' : '')];
        foreach ($programs as $p) {
            $v = $byProgram[$p] ?? null;
            $cells[] = $isLower ? bench_bytes($v) : bench_rate($v);
        }
        foreach ($others as $p) {
            $a = $byProgram['rsipc'] ?? null;
            $b = $byProgram[$p] ?? null;
            $cells[] = ($a !== null && $b) ? sprintf('%.2fx', $a / $b) : '-';
        }
        if ($floorNs) {
            $a = $byProgram['rsipc'] ?? null;
            $cells[] = (!$isLower && $a) ? sprintf('%.2fx', 1e9 / $a / $floorNs) : '-';
        }
        $rows[] = $cells;
    }
    $width = [];
    foreach (array_merge([$head], $rows) as $r) {
        foreach ($r as $i => $c) $width[$i] = max($width[$i] ?? 0, strlen($c));
    }
    $line = function (array $r) use ($width) {
        $out = str_pad($r[0], $width[0]);
        for ($i = 1; $i < count($r); $i++) $out .= '  ' . str_pad($r[$i], $width[$i], ' ', STR_PAD_LEFT);
        return rtrim($out) . "\n";
    };
    $text = $line($head) . str_repeat('-', array_sum($width) + 2 * (count($width) - 1)) . "\n";
    foreach ($rows as $r) $text .= $line($r);
    foreach ($notes as $n) $text .= "  $n\n";
    return $text;
}

/**
 * Writes the results as a horizontal bar chart: one group per case, one bar per program, each
 * bar's length relative to the best value of its case (the longest bar is the best, also for
 * the lower-is-better cases, where the bar shows best/value), with the value printed beside it.
 * $sections: list of [title, programs, data, lower].
 */
function bench_svg(string $file, array $sections): void
{
    $colors = ['rsipc' => '#d9480f', 'sysvmsg' => '#495057', 'Swoole' => '#1971c2', 'APCu' => '#2f9e44'];
    $spare = ['#ae3ec9', '#f59f00', '#0ca678'];
    $bar = 14; $gap = 4; $groupGap = 14; $labelW = 260; $plotW = 420; $valueW = 90;
    $width = $labelW + $plotW + $valueW + 20;
    $y = 20;
    $body = '';
    $esc = fn(string $s) => htmlspecialchars($s, ENT_XML1 | ENT_QUOTES);
    foreach ($sections as [$title, $programs, $data, $lower]) {
        $y += 10;
        $body .= sprintf('<text x="10" y="%d" font-size="15" font-weight="bold">%s</text>' . "\n", $y, $esc($title));
        $y += 8;
        // legend
        $x = 10;
        foreach ($programs as $i => $p) {
            $c = $colors[$p] ?? $spare[$i % count($spare)];
            $body .= sprintf('<rect x="%d" y="%d" width="12" height="12" fill="%s"/><text x="%d" y="%d" font-size="12">%s</text>' . "\n",
                $x, $y + 4, $c, $x + 16, $y + 14, $esc($p));
            $x += 30 + 8 * strlen($p);
        }
        $y += 26;
        foreach ($data as $case => $byProgram) {
            $isLower = in_array($case, $lower, true);
            $values = array_filter(array_map(fn($p) => $byProgram[$p] ?? null, $programs), fn($v) => $v !== null && $v > 0);
            if (!$values) continue;
            $best = $isLower ? min($values) : max($values);
            $n = count(array_filter($programs, fn($p) => isset($byProgram[$p])));
            $groupH = $n * ($bar + $gap);
            $body .= sprintf('<text x="%d" y="%d" font-size="12" text-anchor="end">%s</text>' . "\n",
                $labelW - 8, $y + $groupH / 2 + 4, $esc($case . ($isLower ? ' (lower is better)' : '')));
            foreach ($programs as $i => $p) {
                if (!isset($byProgram[$p])) continue;
                $v = $byProgram[$p];
                $rel = $v > 0 ? ($isLower ? $best / $v : $v / $best) : 0;
                $c = $colors[$p] ?? $spare[$i % count($spare)];
                $body .= sprintf('<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>' . "\n", $labelW, $y, max(1, $rel * $plotW), $bar, $c);
                $body .= sprintf('<text x="%.1f" y="%d" font-size="11">%s</text>' . "\n",
                    $labelW + $rel * $plotW + 4, $y + $bar - 3, $esc($isLower ? bench_bytes($v) : bench_rate($v) . '/s'));
                $y += $bar + $gap;
            }
            $y += $groupGap;
        }
    }
    $y += 10;
    $svg = sprintf('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" font-family="sans-serif">' . "\n", $width, $y)
        . sprintf('<rect width="%d" height="%d" fill="white"/>' . "\n", $width, $y)
        . $body . "</svg>\n";
    file_put_contents($file, $svg);
}
