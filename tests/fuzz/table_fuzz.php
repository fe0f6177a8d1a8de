<?php
/*
 * Differential fuzzer for Swoole\Table: rsipc against a real Swoole build.
 *
 * From a seed it generates a sequence of table calls with hostile arguments (every argument
 * type, numeric column names, over-long keys and strings, objects with __toString, extra and
 * missing arguments, all methods and the swoole_table() helper), runs the same script once with
 * rsipc and once with Swoole (each in its own `php -n` child), normalises only the differences
 * listed in README.md ("`Swoole\Table`: what differs from Swoole 6.3", rules N1–N11 below) and
 * reports any other difference. A difference is minimised by delta debugging over the
 * statements and written as a stand-alone script to the output directory (build/fuzz/).
 *
 *   php -n tests/fuzz/table_fuzz.php --rsipc=build/rsipc.so --swoole=/path/swoole.so
 *        [--seeds=1-200 | --seeds=3,17,40] [--calls=40] [--out=build/fuzz] [--no-minimise]
 *        [--skip-known]   # leave out calls that hit differences still being removed (see Gen)
 *        [--replay=script.php|dir ...]   # saved scripts (tests/fuzz/cases/) instead of seeds,
 *                                        # or as well when --seeds is given
 *        [--selftest]     # also check the normaliser on canned outputs (alone: needs no .so)
 *   php -n tests/fuzz/table_fuzz.php --print=SEED [--calls=40]     # the script of one seed
 *
 * The last line, "difftest: P passed, F failed (table fuzzer: …)", is the form
 * tools/test-summary.php counts (one test per self-test check, saved case and seed); exit status
 * 1 when anything differs, 2 on bad usage.
 */

const CHILD_TIMEOUT = 30;          // seconds per child; a hang is a difference of its own
const CHILD_VMEM_KB = 2097152;     // address-space cap: huge tables fail to map instead of paging
const MINIMISE_BUDGET = 400;       // child pairs per minimisation at most

// ---------------------------------------------------------------------------------------------
// Generation. Every statement is one line of PHP; its index in the seed's sequence is part of
// its header, so a minimised script still names the call it came from.

final class Gen
{
    /** @var list<string> */
    public array $lines = [];
    private int $index = 0;
    /** @var list<string> column name literals declared so far */
    private array $cols = [];

    /**
     * $skipKnown leaves out the calls that hit the differences issue 11 lists as still to remove
     * (numeric column names, extra arguments, count modes, the helper's duplicate column, string
     * columns over 2147483640, Reflection's constant order, and every string too long for its
     * column: string columns are 64 bytes or more and no value is longer), so that a run against
     * a build that still has them can look past them. The default generates everything.
     */
    public function __construct(int $seed, private int $calls, private bool $skipKnown = false)
    {
        mt_srand($seed, MT_RAND_MT19937);
        $this->sequence();
    }

    private function pick(array $a): string
    {
        return (string) $a[mt_rand(0, count($a) - 1)];
    }

    private function chance(float $p): bool
    {
        return mt_rand(0, 999999) < (int) ($p * 1000000);
    }

    private function stmt(string $what, string $body): void
    {
        $i = $this->index++;
        $this->lines[] = "try { L($i, " . var_export($what, true) . "); $body } catch (\\Throwable \$e) { X(\$e); }";
    }

    // ---- argument pools (PHP source expressions) ----

    private function intExpr(): string
    {
        if ($this->chance(0.15)) {
            return (string) mt_rand(-1000000, 1000000);
        }
        return $this->pick(['0', '1', '-1', '2', '3', '7', '42', '63', '64', '65', '255', '1000', '-1000',
            'PHP_INT_MAX', 'PHP_INT_MIN', '4294967296', '4294967297', '2147483647', '-2147483649']);
    }

    private function floatExpr(): string
    {
        return $this->pick(['0.0', '-0.0', '1.5', '-2.5', '2.9', 'NAN', 'INF', '-INF', '1e20', '-1e20', '0.1',
            'PHP_FLOAT_EPSILON', '1.0E+300', '9.2233720368547758E+18', '-9.3E+18', '0.5']);
    }

    private function numStrExpr(): string
    {
        return $this->pick(["'42'", "' 42'", "'42 '", "'0x1A'", "'1e3'", "'-7'", "'3.5'", "'42abc'", "'abc'",
            "''", "'0'", "'-0'", "'.5'", "'9223372036854775808'", "'NAN'", "'INF'", "'1'"]);
    }

    private function binStrExpr(): string
    {
        return $this->pick(['"a\0b"', '"\0"', '"\xff\xfe\x00"', "str_repeat('k', 63)", "str_repeat('k', 64)",
            $this->skipKnown ? "str_repeat('v', 60)" : "str_repeat('v', 300)", 'str_repeat("\0", 9)', "'héllo'", "'hello world!'", "'x'", "'abcdefgh'",
            "'abcdefghi'"]);
    }

    private function arrExpr(): string
    {
        return $this->pick(['[]', '[1]', "['a' => 1]", '[[1]]', "['i' => 1, 's' => 'x']"]);
    }

    private function objExpr(): string
    {
        return $this->pick(["new S('12')", "new S('')", "new S('1.5')", "new S(str_repeat('z', 64))",
            "new S('k1')", "new S('i')", 'new stdClass()', 'new ArrayObject([1])', 'new T()', 'new T()',
            'new D($t ?? null, false)', 'new D($t ?? null, false)', 'new D($t ?? null, true)']);
    }

    private function anyValue(): string
    {
        $r = mt_rand(0, 99);
        return match (true) {
            $r < 25 => $this->intExpr(),
            $r < 40 => $this->floatExpr(),
            $r < 55 => $this->numStrExpr(),
            $r < 75 => $this->binStrExpr(),
            $r < 82 => $this->arrExpr(),
            $r < 90 => $this->objExpr(),
            default => $this->pick(['null', 'true', 'false']),
        };
    }

    private function keyExpr(): string
    {
        if ($this->chance(0.8)) {
            return $this->pick(["'k1'", "'k2'", "'k3'", "'k4'", "'a'", "'0'", "'1'", "'key:9'"]);
        }
        return $this->pick(["''", '"a\0b"', "str_repeat('k', 63)", "str_repeat('k', 64)", '1002', '1.5',
            'null', 'true', "new S('k1')", '[]', 'new stdClass()', "'-0'", 'PHP_INT_MAX', 'NAN', '-0.0',
            "' k1'", "'K1'"]);
    }

    private function colName(): string
    {
        if ($this->cols !== [] && $this->chance(0.8)) {
            return $this->pick($this->cols);
        }
        return $this->pick(["'i'", "'f'", "'s'", "'0'", "'1'", "'a'", "'zz'", "''", "str_repeat('c', 70)",
            '"n\0x"', '0', '1', '1.5', 'null', 'true', "new S('i')", '[]', "'I'"]);
    }

    private function valuesExpr(): string
    {
        if ($this->chance(0.05)) {
            return $this->pick(['null', "'x'", '5', 'new S("a")']);
        }
        $n = mt_rand(0, 4);
        $parts = [];
        for ($j = 0; $j < $n; $j++) {
            $k = $this->chance(0.8) && $this->cols !== [] ? $this->pick($this->cols)
                : $this->pick(["'zz'", '0', '1', '5', "'0'", "'1'", "''", "'I'"]);
            // the literal keys of an array expression must be ints or strings
            if (!preg_match('~^(-?\d+|\'[^\']*\')$~', $k)) {
                $k = "'i'";
            }
            $v = $this->chance(0.5) ? $this->anyValue()
                : $this->pick(['0', '1', '-1', '42', '2.5', "'x'", "'abc'", "''", "'hello world!'", 'PHP_INT_MAX']);
            $parts[] = "$k => $v";
        }
        return '[' . implode(', ', $parts) . ']';
    }

    private function expectedExpr(): string
    {
        if ($this->chance(0.3)) {
            // the row as it is, so that a comparison can match
            return '($t->get(' . $this->keyExpr() . ') ?: [])';
        }
        return $this->valuesExpr();
    }

    private function extraArgs(): string
    {
        if ($this->skipKnown) {
            return '';
        }
        return $this->chance(0.2) ? $this->pick(['1', "'x'", 'null', "1, 2", '[]', 'new S("a")']) : '';
    }

    private function sizeExpr(): string
    {
        if ($this->chance(0.85)) {
            return $this->pick(['64', '1', '0', '100', '128', '1024', '65', '2']);
        }
        return $this->pick(['-1', 'PHP_INT_MAX', '4294967297', '2147483648', "'64'", "'64abc'", '1.5', '64.9',
            'null', 'true', 'INF', "'x'", '[]', "new S('64')"]);
    }

    // ---- statements ----

    private function construct(): void
    {
        $size = $this->sizeExpr();
        $args = $size;
        $what = 'new';
        if ($this->chance(0.4)) {
            $p = $this->pick(['0.2', '0.5', '1.0', '0', '0.1', '5', '-1', 'NAN', 'INF', '-INF', '-0.0', "'0.5'",
                "'x'", 'null', 'true', '1', 'PHP_INT_MAX', '[]']);
            $args .= ", $p";
            if ($p === 'NAN') {
                $what = 'new NAN';   // read by the normaliser (N6)
            }
        }
        if ($this->chance(0.03)) {
            $args .= ', 1';
        }
        $class = $this->chance(0.05) ? 'Sub' : 'Swoole\\Table';
        $this->stmt($what, "\$t = new $class($args);");
    }

    private function helper(): void
    {
        $spec = $this->pick(["'a:i,b:f,c:s:16'", "'a:int, b:float, c:string:8'", "'a'", "'a:i,a:i'", "'a:s'",
            "'a:s:0'", "'a:q'", "''", "'0:i,1:s:5'", "' a : i '", "'a:i,'", "'a:s:-1'", "'a:s:abc'",
            "'a:i:8:9'", "'a:I'", "'i:i,f:f,s:s:5'", "'s:s:4294967289'", "'a:i, b:s:1'", "':i'", "'a:f,0:f'"]);
        if ($this->skipKnown && preg_match('~a:i,a:i|0:|1:|4294967289~', $spec)) {
            $spec = "'a:i,b:f,c:s:16'";
        }
        if ($this->skipKnown) {
            $spec = preg_replace('~:(s|string):[1-9]\d*~', ':$1:64', $spec);   // every value fits (see the constructor)
        }
        if (preg_match_all('~(?:^\'|,)\s*([A-Za-z0-9]+)\s*:~', $spec, $m)) {
            $this->cols = array_values(array_unique(array_map(fn ($c) => "'$c'", $m[1])));
        }
        $this->stmt('swoole_table', "\$t = swoole_table({$this->sizeExpr()}, $spec); R(\$t->getSize());");
    }

    private function column(): void
    {
        $name = $this->chance(0.85)
            ? $this->pick($this->skipKnown ? ["'i'", "'f'", "'s'", "'a'", "'b'", "'c1'", "'S'", "'i'"]
                : ["'i'", "'f'", "'s'", "'0'", "'1'", "'a'", "'b'", "'c1'", "'S'", "'i'"])
            : $this->pick($this->skipKnown ? ["''", "str_repeat('c', 70)", '"n\0x"', '1.5', 'null', "new S('x')", '[]']
                : ["''", "str_repeat('c', 70)", '"n\0x"', '0', '1.5', 'null', 'true', "new S('x')", '[]']);
        $type = $this->chance(0.85)
            ? $this->pick(['Swoole\Table::TYPE_INT', 'Swoole\Table::TYPE_FLOAT', 'Swoole\Table::TYPE_STRING'])
            : $this->pick(['0', '4', '-1', "'1'", '1.5', 'null', 'true', "'x'", 'PHP_INT_MAX', '[]', '3']);
        $args = "$name, $type";
        if ($this->chance(0.7)) {
            $size = $this->chance(0.8) ? $this->pick($this->skipKnown ? ['64', '72'] : ['1', '5', '8', '16', '32', '64', '3'])
                : $this->pick($this->skipKnown ? ['0', '-1', '2147483640', "'8'", 'null', '2.5', "'x'"]
                    : ['0', '-1', '4294967288', '4294967289', '2147483640', '2147483648', 'PHP_INT_MAX',
                    "'8'", 'null', '2.5', "'x'", '4294967296']);
            $args .= ", $size";
            if ($this->chance(0.03)) {
                $args .= ', 1';
            }
        }
        if (preg_match('~^\'[^\']*\'$~', $name) && !in_array($name, $this->cols, true)) {
            $this->cols[] = $name;
        }
        $this->stmt('column', "R(\$t->column($args));");
    }

    /** A second table, made in one statement, that becomes $t (the first one is $old). */
    private function secondTable(): void
    {
        $names = ["'i'", "'f'", "'s'", "'a'", "'b'", "'c1'", "'S'", "'x'"];
        if (!$this->skipKnown) {
            array_push($names, "'0'", "'1'");
        }
        $body = '$old = $t ?? null; $t = new Swoole\\Table(' . $this->pick(['64', '1', '1024']) . ');';
        for ($j = mt_rand(0, 4); $j > 0; $j--) {
            $name = $this->pick($names);
            $type = $this->pick(['Swoole\\Table::TYPE_INT', 'Swoole\\Table::TYPE_FLOAT', 'Swoole\\Table::TYPE_STRING']);
            $body .= " \$t->column($name, $type, " . $this->pick($this->skipKnown ? ['64'] : ['1', '8', '16', '64']) . ');';
            if (!in_array($name, $this->cols, true)) {
                $this->cols[] = $name;
            }
        }
        $this->stmt('new', $body . ' R($t->create());');
    }

    /** Too few or too many arguments, and named arguments (Reflection's parameter names). */
    private function arity(): void
    {
        $call = $this->pick(['set()', "set('k1')", "set('k1', [], 1)", 'get()', "get('k1', 'i', 1)", "column('a')",
            "column('a', 1, 8, 9)", "incr('k1')", "incr('k1', 'i', 1, 2)", "decr('k1')", "cmpset('k1', ['i' => 0])",
            "cmpdel('k1')", 'exists()', "exists('k1', 1)", 'del()', "del('k1', 1)", 'getdel()', "add('k1')",
            "update('k1')", "count(1, 2)", "set(key: 'k1', value: ['i' => 1])", "set(value: ['i' => 2], key: 'k2')",
            "add(key: 'k3', values: [])", "update(key: 'k1', values: ['i' => 3])", "get(key: 'k1', field: 'i')",
            "getdel(key: 'k3', field: null)", "column(name: 'n', type: 1, size: 8)", "column(type: 3, name: 'n2')",
            "incr(key: 'k1', column: 'i', incrby: 2)", "decr(column: 'i', key: 'k1')",
            "cmpset(key: 'k1', expected: ['i' => 0], values: [])", "cmpdel(key: 'k1', expected: ['i' => 0])",
            "exists(key: 'k1')", "exist(key: 'k1')", "del(key: 'k2')", "delete(key: 'k2')", "count(mode: 1)",
            "set(k: 'k1', value: [])", "get('k1', column: 'i')", "incr('k1', 'i', by: 2)"]);
        if ($this->chance(0.1)) {
            $this->stmt('new', '$t = new Swoole\\Table(' . $this->pick(['', '64, 0.2, 1', 'table_size: 64',
                'conflict_proportion: 0.5, table_size: 128', 'size: 64']) . ');');
            return;
        }
        $this->stmt(preg_replace('~\(.*~', '', $call), "R(\$t->$call);");
    }

    private function op(): void
    {
        $r = mt_rand(0, 999);
        $k = fn () => $this->keyExpr();
        $x = fn () => $this->extraArgs();
        match (true) {
            $r < 140 => $this->stmt('set', "R(\$t->set({$k()}, {$this->valuesExpr()}));"),
            $r < 230 => $this->stmt('get', $this->chance(0.5) ? "R(\$t->get({$k()}));"
                : "R(\$t->get({$k()}, {$this->colName()}));"),
            $r < 280 => $this->stmt('add', "R(\$t->add({$k()}, {$this->valuesExpr()}));"),
            $r < 330 => $this->stmt('update', "R(\$t->update({$k()}, {$this->valuesExpr()}));"),
            $r < 380 => $this->stmt('cmpset', "R(\$t->cmpset({$k()}, {$this->expectedExpr()}, {$this->valuesExpr()}));"),
            $r < 410 => $this->stmt('cmpdel', "R(\$t->cmpdel({$k()}, {$this->expectedExpr()}));"),
            $r < 450 => $this->stmt('getdel', $this->chance(0.5) ? "R(\$t->getdel({$k()}));"
                : "R(\$t->getdel({$k()}, {$this->colName()}));"),
            $r < 490 => $this->stmt('exists', "R(\$t->" . $this->pick(['exists', 'exists', 'exist']) . "({$k()}));"),
            $r < 530 => $this->stmt('del', "R(\$t->" . $this->pick(['del', 'del', 'delete']) . "({$k()}));"),
            $r < 600 => $this->stmt('incr', "R(\$t->incr({$k()}, {$this->colName()}"
                . ($this->chance(0.6) ? ", {$this->anyValue()}" : '') . "));"),
            $r < 640 => $this->stmt('decr', "R(\$t->decr({$k()}, {$this->colName()}"
                . ($this->chance(0.6) ? ", {$this->anyValue()}" : '') . "));"),
            $r < 700 => $this->stmt('count', 'R(' . $this->pick(['count($t)', 'count($t, COUNT_RECURSIVE)',
                'count($t, COUNT_NORMAL)', '$t->count()', '$t->count(' . $this->pick($this->skipKnown ? ['0', "'x'", 'null', '[]', "'0'", 'COUNT_RECURSIVE']
                : ['0', '1', '2', '-1', 'PHP_INT_MAX', "' 42'", "'1'", "'x'", '1.5', 'null', 'true', '[]', "'0'",
                'COUNT_RECURSIVE']) . ')']) . ');'),
            $r < 730 => $this->stmt('getSize', "R(\$t->getSize({$x()}));"),
            $r < 760 => $this->stmt('getMemorySize', "R(\$t->getMemorySize({$x()}));"),
            $r < 800 => $this->stmt('stats', "R(\$t->stats({$x()}));"),
            $r < 815 => $this->stmt('size', 'R($t->size);'),
            $r < 830 => $this->stmt('memorySize', 'R($t->memorySize);'),
            $r < 880 => $this->stmt('foreach', 'F($t);'),
            $r < 920 => $this->stmt('iter', 'I($t, [' . $x() . ']);'),
            $r < 935 => $this->column(),
            $r < 945 => $this->stmt('create', "R(\$t->create({$x()}));"),
            $r < 955 => $this->stmt('__construct', "R(\$t->__construct({$this->sizeExpr()}));"),
            $r < 975 => $this->stmt('set', "R(\$t->set({$k()}, ['s' => str_repeat('L', " . $this->pick($this->skipKnown ? ['9', '17', '64'] : ['9', '17', '65', '300']) . ")]));"),
            $r < 985 => $this->stmt('incr', "R(\$t->incr({$k()}, {$this->colName()}, {$this->anyValue()}));"),
            // Reflection shows the constant order, still a difference to remove (--skip-known)
            $r < 990 => $this->stmt($this->skipKnown ? 'size' : 'reflection', $this->skipKnown ? 'R($t->size);' : 'Y();'),
            $r < 991 => $this->stmt('set', 'for ($i = 0, $n = 0; $i < ' . $this->pick(['50', '100', '200'])
                . '; $i++) { $n += $t->set("b$i", ' . $this->valuesExpr() . ') ? 1 : 0; } R([$n, count($t)]);'),
            $r < 992 => $this->stmt('noctor', '$u = (new ReflectionClass(\'Swoole\\Table\')); $u = $u->newInstanceWithoutConstructor(); R($u->'
                . $this->pick(['count()', 'getSize()', 'getMemorySize()', 'stats()', "get('k1')", "column('a', 1)",
                    'create()', "set('k1', [])", 'destroy()', 'rewind()', 'valid()']) . ');'),
            $r < 993 => $this->stmt('clone', 'R(clone $t);'),
            // two live tables with other schemas: nothing cached for one may leak into the other
            $r < 994 => $this->secondTable(),
            $r < 995 => $this->stmt('swap', '[$t, $old] = [$old ?? $t, $t]; R(count($t));'),
            $r < 996 => $this->stmt('serialize', 'R(serialize($t));'),
            default => $this->stmt('props', 'R(array_map("gettype", (array) $t));'),
        };
    }

    private function sequence(): void
    {
        // argument coercion differs under strict types (int keys, numeric strings, floats)
        if ($this->chance(0.2)) {
            $this->lines[] = 'declare(strict_types=1);';
        }
        if ($this->chance(0.15)) {
            $this->helper();
        } else {
            $this->construct();
            $n = mt_rand(0, 5);
            for ($j = 0; $j < $n; $j++) {
                $this->column();
            }
            if ($this->chance(0.05)) {
                $this->op();           // before create(): fatal in Swoole, Swoole\Error here
            }
            if ($this->chance(0.95)) {
                $x = $this->extraArgs();
                $this->stmt('create', "R(\$t->create($x));");
            }
        }
        while ($this->index < $this->calls - 2) {
            if ($this->chance(0.01)) {
                $this->secondTable();
            } elseif ($this->chance(0.03)) {
                $this->arity();
            } elseif ($this->chance(0.01)) {
                $this->stmt('swap', '[$t, $old] = [$old ?? $t, $t]; R(count($t));');
            } else {
                $this->op();
            }
        }
        if ($this->chance(0.1)) {
            $this->stmt('destroy', "R(\$t->destroy({$this->extraArgs()}));");
            $this->op();
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Running one side.

/** The script for a list of statements; a `declare(strict_types=1);` among them goes first. */
function script_text(array $lines): string
{
    static $prelude = null;
    $prelude ??= file_get_contents(__DIR__ . '/table_prelude.php');
    $declare = preg_grep('~^declare\(~', $lines);
    $text = $prelude . implode("\n", array_diff($lines, $declare)) . "\necho \"#end\\n\";\n";
    return $declare === [] ? $text : preg_replace('~^<\?php\n~', "<?php\n" . implode("\n", $declare) . "\n", $text, 1);
}

/** The statements of a saved script (the lines script_text() added to the prelude). */
function script_lines(string $text): array
{
    return array_values(preg_grep('~^(try \{ L\(|declare\()~', explode("\n", $text)));
}

/** [exit status, stdout+stderr] of the script under one extension. */
function run_side(string $so, string $scriptFile): array
{
    $cmd = 'ulimit -v ' . CHILD_VMEM_KB . '; exec timeout -k 2 ' . CHILD_TIMEOUT . ' '
        . escapeshellarg(PHP_BINARY) . ' -n -d display_errors=1 -d html_errors=0 -d log_errors=0'
        . ' -d memory_limit=256M -d extension=' . escapeshellarg($so) . ' ' . escapeshellarg($scriptFile);
    $p = proc_open(['sh', '-c', $cmd], [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['redirect', 1]], $pipes);
    $out = stream_get_contents($pipes[1]);
    fclose($pipes[1]);
    $rc = proc_close($p);
    return [$rc, $out];
}

// ---------------------------------------------------------------------------------------------
// Normalisation. Each rule N1–N11 names its entry in README.md ("`Swoole\Table`: what differs
// from Swoole 6.3"), which makes the difference deliberate; nothing else is normalised.

/** Messages Swoole's own logger prints to stdout and rsipc raises as E_WARNING. */
const LOGGER_MESSAGES = '~^(unknown column type|column\[.*\] already exists|column\[.*\] size is too large'
    . '|\[key=.*,field=.*\]string value is too long|table memory size overflow|lock process\[\d+\] not exists, force unlock)$~s';

/** Swoole ends the process with these; rsipc throws a catchable Swoole\Error with the same text. */
const FATAL_MESSAGES = '~^(table is not created or has been destroyed|must call constructor first|unable to allocate memory)( \\(.*\\))?$~';

/**
 * One side's output as a list of blocks: [header, list of lines]. $swoole says which side it is.
 * Returns [blocks, truncated?].
 */
function normalise(string $out, bool $swoole): array
{
    $blocks = [];
    $cur = null;
    $truncated = false;
    foreach (explode("\n", $out) as $line) {
        if ($line === '') {
            continue;
        }
        if (preg_match('~^#(\d+ .*|end)$~', $line)) {
            if ($cur !== null) {
                $blocks[] = $cur;
            }
            $cur = [$line, []];
            continue;
        }
        // N11 (README: "Named tables"): rsipc's Swoole\Table extends Rsipc\Table, whose static
        // open(), unlink() and list() it inherits; Swoole's has no such methods.
        if (!$swoole && preg_match('~^  method (open|unlink|list)\(~', $line)) {
            continue;
        }
        // N1 (README: "Warnings, not stdout lines"): Swoole's logger line and rsipc's E_WARNING
        // with the same text compare equal; the function names in front differ by construction.
        if ($swoole && preg_match('~^\[\d{4}-\d\d-\d\d \d\d:\d\d:\d\d [%*@]\d+\.\d+\]\t\w+\t[\w:]+\(\): (.*)$~', $line, $m)) {
            $line = '  W ' . $m[1];
        } elseif (!$swoole && preg_match('~^  W Swoole\\\\Table::\w+\(\): (.*)$~', $line, $m)
            && preg_match(LOGGER_MESSAGES, $m[1])) {
            $line = '  W ' . $m[1];
        }
        // N2 (README: "Misuse is catchable"): Swoole's fatal error and rsipc's Swoole\Error with
        // the same message compare equal; Swoole's process ends there, so both outputs end there.
        if (preg_match('~^(?:PHP )?Fatal error: (?:Uncaught (?:Swoole\\\\Error: )?)?(?:Swoole\\\\Table::\w+\(\): )?(.*?)(?: in \S+(?::\d+| on line \d+))?$~', $line, $m)) {
            $cur ??= ['#start', []];
            // Swoole logs why it cannot map the table before it dies; rsipc puts the reason in
            // the exception's message (below)
            $cur[1] = array_values(preg_grep('~^  W (mmap\(\d+\) failed, .*|table row memory size is too large|table memory size overflow)$~',
                $cur[1], PREG_GREP_INVERT));
            $cur[1][] = '  FATAL ' . $m[1];
            $truncated = true;
            break;
        }
        // (N2 still) rsipc says why a table could not be mapped ("unable to allocate memory
        // (mmap errno 12)") where Swoole logs the reason on stdout before its fatal error.
        if (!$swoole && preg_match('~^  EXC Swoole\\\\Error: (.*)$~', $line, $m) && preg_match(FATAL_MESSAGES, $m[1], $f)) {
            $cur[1][] = '  FATAL ' . $f[1];
            $truncated = true;
            break;
        }
        // N9 (README: "`swoole_table()` is a native function"): PHP adds ", called in <file>
        // on line <n>" to argument errors of functions written in PHP, as Swoole's helper is.
        if ($swoole && preg_match('~^  EXC (TypeError|ArgumentCountError): swoole_table\(\)~', $line)) {
            $line = preg_replace('~, called in \S+ on line \d+$~', '', $line);
        }
        $cur ??= ['#start', []];
        $cur[1][] = $line;
    }
    if ($cur !== null) {
        $blocks[] = $cur;
    }
    foreach ($blocks as &$b) {
        [$header, $lines] = $b;
        $what = preg_replace('~^#\d+ ~', '', $header);
        // N3 (README: "Iteration"): the rows of one pass compare as a set.
        $iter = array_values(array_filter($lines, fn ($l) => str_starts_with($l, '  ~ ')));
        if ($iter !== []) {
            sort($iter, SORT_STRING);
            $rest = array_values(array_filter($lines, fn ($l) => !str_starts_with($l, '  ~ ')));
            $lines = array_merge($iter, $rest);
        }
        // N4 (README: "Memory"): the mapping's size differs (ours is no larger); only
        // zero / non-zero is compared.
        if ($what === 'getMemorySize' || $what === 'memorySize') {
            $lines = preg_replace('~^  = [1-9]\d*$~', '  = <memory size>', $lines);
        }
        // N5 (README: "Capacity"): where a row lands depends on the hash and the layout, so the
        // overflow statistics differ.
        if ($what === 'stats') {
            $lines = preg_replace('~"(conflict_count|conflict_max_level|available_slice_num)" => \d+~', '"$1" => *', $lines);
        }
        $b = [$header, $lines];
    }
    unset($b);
    return [$blocks, $truncated];
}

/**
 * Compares two runs. Returns null when they agree after normalisation, else
 * [signature, swoole lines, rsipc lines] of the first block that differs.
 */
function compare(array $sw, array $rs, bool $sameBuild = false): ?array
{
    // a build compared with itself (a check of the fuzzer: no run-to-run noise) gets one treatment
    $rsipcIsSwoole = $sameBuild && $GLOBALS['fuzzSwooleOnBothSides'];
    [$sb, $strunc] = normalise($sw[1], !$sameBuild || $rsipcIsSwoole);
    [$rb, $rtrunc] = normalise($rs[1], $rsipcIsSwoole);
    $nanTable = false;
    $n = max(count($sb), count($rb));
    for ($i = 0; $i < $n; $i++) {
        $s = $sb[$i] ?? ['(missing)', []];
        $r = $rb[$i] ?? ['(missing)', []];
        if ($s[0] === $r[0]) {
            $what = preg_replace('~^#\d+ ~', '', $s[0]);
            if (str_starts_with($what, 'new') || $what === 'swoole_table') {
                $nanTable = $what === 'new NAN';   // $t is now this table
            }
            // N6 (README: "NaN conflict proportion"): Swoole lets NaN through and cannot map the
            // table at create(); rsipc uses 0.2. The runs part there.
            if ($nanTable && $what === 'create' && in_array('  FATAL unable to allocate memory', $s[1], true)) {
                return null;
            }
            // N7 (README: "Capacity"): Swoole runs out of room at least as often as rsipc, for
            // other keys; the tables hold different rows from here on.
            $full = '~^  W Swoole\\\\Table::\w+\(\): (failed to (set|add)\(.*\), )?unable to allocate memory$~s';
            $sFull = preg_grep($full, $s[1]);
            $rFull = preg_grep($full, $r[1]);
            if ($s[1] !== $r[1] && $sFull !== [] && count($sFull) >= count($rFull) && array_diff($sFull, $rFull) !== []) {
                return null;
            }
            // N10 (README: "`destroy()` inside a conversion"): rsipc lets a __toString destroy
            // the table (the call then fails), Swoole refuses with an Error and keeps the table.
            if (preg_grep('~^  \(destroy inside conversion:   EXC Error: Cannot destroy \S+ during value conversion$~', $s[1])
                && preg_grep('~^  \(destroy inside conversion: true\)$~', $r[1])) {
                return null;
            }
            // N8 (README: "`swoole_table()` with a field without a type"): Swoole's helper fails
            // with a TypeError from inside Exception::__construct, rsipc names the field type.
            if ($what === 'swoole_table'
                && preg_grep('~^  EXC TypeError: Exception::__construct\(\)~', $s[1])
                && preg_grep('~^  EXC RuntimeException: unknown field type\[\]$~', $r[1])) {
                $s[1] = $r[1] = ['  EXC (unknown field type)'];
            }
        }
        if ($s !== $r) {
            return [$s[0] === $r[0] ? $s[0] : "$s[0] / $r[0]", $s, $r];
        }
    }
    if (!$strunc && !$rtrunc && $sw[0] !== $rs[0]) {
        return ['exit status', ['exit', ["  $sw[0]"]], ['exit', ["  $rs[0]"]]];
    }
    return null;
}

// ---------------------------------------------------------------------------------------------
// Driver.

final class Fuzz
{
    public int $pairs = 0;
    private string $tmp;

    public function __construct(public string $rsipc, public string $swoole, public string $out)
    {
        @mkdir($out, 0777, true);
        $this->tmp = "$out/run-" . getmypid() . '.php';
    }

    /** @return array{0: ?array, 1: array, 2: array} the comparison and both raw runs */
    public function check(array $lines): array
    {
        file_put_contents($this->tmp, script_text($lines));
        $sw = run_side($this->swoole, $this->tmp);
        $rs = run_side($this->rsipc, $this->tmp);
        @unlink($this->tmp);
        $this->pairs++;
        return [compare($sw, $rs, $this->rsipc === $this->swoole), $sw, $rs];
    }

    /** Delta debugging (ddmin) over statements, keeping the first differing call the same. */
    public function minimise(array $lines, string $signature): array
    {
        $keeps = function (array $subset) use ($signature): bool {
            [$d] = $this->check($subset);
            return $d !== null && $d[0] === $signature;
        };
        $budget = MINIMISE_BUDGET;
        $n = 2;
        while (count($lines) >= 2 && $budget > 0) {
            $chunk = (int) ceil(count($lines) / $n);
            $parts = array_chunk($lines, $chunk);
            $reduced = false;
            foreach ($parts as $i => $part) {
                if ($budget-- <= 0) {
                    break;
                }
                if ($keeps($part)) {
                    $lines = $part;
                    $n = 2;
                    $reduced = true;
                    break;
                }
            }
            if (!$reduced) {
                foreach ($parts as $i => $part) {
                    if (count($parts) <= 2 || $budget-- <= 0) {
                        break;
                    }
                    $complement = array_merge(...array_values(array_diff_key($parts, [$i => 1])));
                    if ($keeps($complement)) {
                        $lines = $complement;
                        $n = max($n - 1, 2);
                        $reduced = true;
                        break;
                    }
                }
            }
            if (!$reduced) {
                if ($n >= count($lines)) {
                    break;
                }
                $n = min($n * 2, count($lines));
            }
        }
        return $lines;
    }
}

function usage(): never
{
    fwrite(STDERR, "usage: php -n tests/fuzz/table_fuzz.php --rsipc=SO --swoole=SO [--seeds=A-B|a,b,c] [--calls=N]\n"
        . "       [--out=DIR] [--no-minimise] [--skip-known] | --print=SEED | --replay=FILE\n");
    exit(2);
}

function parse_seeds(string $spec): array
{
    $seeds = [];
    foreach (explode(',', $spec) as $part) {
        if (preg_match('~^(\d+)-(\d+)$~', trim($part), $m)) {
            $seeds = array_merge($seeds, range((int) $m[1], (int) $m[2]));
        } elseif (preg_match('~^\d+$~', trim($part))) {
            $seeds[] = (int) $part;
        } else {
            usage();
        }
    }
    return $seeds;
}

function block_text(array $b): string
{
    return implode("\n", array_merge([$b[0]], $b[1]));
}

/**
 * The kind of a difference, so that each kind is minimised once: the call, and the first line
 * that differs on each side with its values masked (the set of key kinds of an array is kept,
 * so int and string keys still tell two kinds apart).
 */
function kind(array $d): string
{
    $mask = static function (string $line): string {
        $line = preg_replace(['~\[key=.*?,field=.*?\]~s', '~"(?:[^"\\\\]|\\\\.)*"~', '~-?\d+(\.\d+)?(E[+-]\d+)?~'],
            ['[key=K,field=F]', 'S', 'N'], $line);
        return preg_replace_callback('~\[[^\[\]]*\]~', static function (array $m): string {
            $keys = array_unique(array_map(fn ($e) => trim(explode('=>', $e)[0]), explode(',', trim($m[0], '[]'))));
            sort($keys);
            return '[' . implode(',', $keys) . ']';
        }, $line);
    };
    $s = $d[1][1];
    $r = $d[2][1];
    for ($i = 0; $i < max(count($s), count($r)) && ($s[$i] ?? null) === ($r[$i] ?? null); $i++) {
    }
    return preg_replace('~^#\d+ ~', '', $d[0]) . "\n" . $mask($s[$i] ?? '(none)') . "\n" . $mask($r[$i] ?? '(none)');
}

/**
 * Checks the normaliser on canned output pairs: each kept difference must compare equal, and
 * differences close to them must not. Returns [passed, failed].
 */
function selftest(): array
{
    $log = "[2026-01-01 00:00:00 %123.0]\tWARNING\t";
    $cases = [
        // [what, swoole output, rsipc output, expected to compare equal]
        ['N1 logger line', "#1 column\n{$log}Table::add_column(): unknown column type\n  = false\n#end\n",
            "#1 column\n  W Swoole\\Table::column(): unknown column type\n  = false\n#end\n", true],
        ['N1 only for logger texts', "#1 column\n{$log}Table::add_column(): something else\n  = false\n#end\n",
            "#1 column\n  W Swoole\\Table::column(): something else\n  = false\n#end\n", false],
        ['N1 not a missing warning', "#1 update\n{$log}table_marshal_values(): [key=a,field=s]string value is too long\n  = false\n#end\n",
            "#1 update\n  = false\n#end\n", false],
        ['N2 fatal', "#1 get\n\nFatal error: Swoole\\Table::get(): table is not created or has been destroyed in /x.php on line 9\n",
            "#1 get\n  EXC Swoole\\Error: table is not created or has been destroyed\n#2 set\n  = true\n#end\n", true],
        ['N2 uncaught', "#1 get\n\nFatal error: Uncaught Swoole\\Error: must call constructor first in /x.php:9\nStack trace:\n#0 {main}\n  thrown in /x.php on line 9\n",
            "#1 get\n  EXC Swoole\\Error: must call constructor first\n#end\n", true],
        ['N2 other message', "#1 get\n\nFatal error: Swoole\\Table::get(): table is not created or has been destroyed in /x.php on line 9\n",
            "#1 get\n  EXC Swoole\\Error: something else\n#end\n", false],
        ['N3 order', "#1 foreach\n  ~ \"a\" => [\"i\" => 1]\n  ~ \"b\" => [\"i\" => 2]\n  = end\n#end\n",
            "#1 foreach\n  ~ \"b\" => [\"i\" => 2]\n  ~ \"a\" => [\"i\" => 1]\n  = end\n#end\n", true],
        ['N3 key types', "#1 foreach\n  ~ \"a\" => [0 => 1]\n  = end\n#end\n", "#1 foreach\n  ~ \"a\" => [\"0\" => 1]\n  = end\n#end\n", false],
        ['N4 memory', "#1 getMemorySize\n  = 9968\n#end\n", "#1 getMemorySize\n  = 8832\n#end\n", true],
        ['N4 zero', "#1 getMemorySize\n  = 0\n#end\n", "#1 getMemorySize\n  = 8832\n#end\n", false],
        ['N5 stats', "#1 stats\n  = [\"num\" => 1, \"conflict_count\" => 3, \"available_slice_num\" => 9]\n#end\n",
            "#1 stats\n  = [\"num\" => 1, \"conflict_count\" => 0, \"available_slice_num\" => 12]\n#end\n", true],
        ['N5 not num', "#1 stats\n  = [\"num\" => 2]\n#end\n", "#1 stats\n  = [\"num\" => 1]\n#end\n", false],
        ['N7 capacity', "#1 set\n  W Swoole\\Table::set(): failed to set('k9'), unable to allocate memory\n  = false\n#2 get\n  = false\n#end\n",
            "#1 set\n  = true\n#2 get\n  = [\"i\" => 0]\n#end\n", true],
        ['N7 not the other way', "#1 set\n  = true\n#end\n",
            "#1 set\n  W Swoole\\Table::set(): failed to set('k9'), unable to allocate memory\n  = false\n#end\n", false],
        ['N7 full on both, other keys', "#1 set\n  W Swoole\\Table::set(): failed to set('b44'), unable to allocate memory\n  = [1, 76]\n#end\n",
            "#1 set\n  W Swoole\\Table::set(): failed to set('b76'), unable to allocate memory\n  = [1, 76]\n#end\n", true],
        ['N2 reason logged', "#1 create\n{$log}Table::calc_memory_size(): table row memory size is too large\n\nFatal error: Swoole\\Table::create(): unable to allocate memory in /x.php on line 3\n",
            "#1 create\n  EXC Swoole\\Error: unable to allocate memory (table too large)\n#end\n", true],
        ['N10 destroy in conversion', "#1 set\n  (destroy inside conversion:   EXC Error: Cannot destroy Swoole\\Table during value conversion\n#2 get\n  = false\n#end\n",
            "#1 set\n  (destroy inside conversion: true)\n  EXC Swoole\\Error: table is not created or has been destroyed\n#end\n", true],
        ['N10 only that', "#1 set\n  (destroy inside conversion: true)\n  = true\n#end\n",
            "#1 set\n  (destroy inside conversion: true)\n  EXC Swoole\\Error: table is not created or has been destroyed\n#end\n", false],
        ['extra arguments', "#1 getSize\n  = 64\n#end\n",
            "#1 getSize\n  EXC ArgumentCountError: Swoole\\Table::getSize() expects exactly 0 arguments, 1 given\n#end\n", false],
        ['exit status', "#1 get\n  = false\n", "#1 get\n  = false\n#end\n", false],
    ];
    $failed = 0;
    foreach ($cases as [$what, $sw, $rs, $same]) {
        $d = compare([str_contains($sw, '#end') ? 0 : 139, $sw], [0, $rs]);
        if (($d === null) !== $same) {
            $failed++;
            echo "selftest: $what: expected ", $same ? 'equal' : 'a difference', ", got ", $d === null ? 'equal' : "a difference at $d[0]", "\n";
        }
    }
    echo "table-fuzz: normaliser self-test: ", count($cases) - $failed, " of ", count($cases), " checks hold\n";
    return [count($cases) - $failed, $failed];
}

/** Runs saved scripts (minimised differences, tests/fuzz/cases/) again; returns [passed, failed]. */
function replay(Fuzz $fuzz, array $files): array
{
    $passed = $failed = 0;
    foreach ($files as $file) {
        $lines = script_lines((string) file_get_contents($file));
        [$d] = $fuzz->check($lines);
        if ($d === null) {
            $passed++;
            continue;
        }
        $failed++;
        echo "case $file: differs at $d[0]\n--- swoole\n" . block_text($d[1]) . "\n+++ rsipc\n" . block_text($d[2]) . "\n";
    }
    return [$passed, $failed];
}

/**
 * Generates and compares each seed; the first seed of each kind of difference is minimised and
 * written to the output directory. Returns [passed, failed].
 */
function run_seeds(Fuzz $fuzz, array $seeds, int $calls, bool $skipKnown, bool $noMinimise): array
{
    $totalCalls = 0;
    $diffs = 0;
    $kinds = [];
    foreach ($seeds as $seed) {
        $lines = (new Gen($seed, $calls, $skipKnown))->lines;
        $totalCalls += count($lines);
        [$d, $sw] = $fuzz->check($lines);
        if (!str_contains($sw[1], '#end') && !str_contains($sw[1], 'Fatal error')) {
            // Swoole itself crashed (or hung) without a PHP error: worth knowing, not ours to fix
            echo "seed $seed: Swoole ended without output end (status $sw[0])\n";
        }
        if ($d === null) {
            continue;
        }
        $diffs++;
        $k = kind($d);
        if (isset($kinds[$k])) {
            echo "seed $seed: differs at $d[0] (same kind as {$kinds[$k]})\n";
            continue;
        }
        $file = "{$fuzz->out}/table-seed-$seed.php";
        $kinds[$k] = basename($file);
        if (!$noMinimise) {
            $lines = $fuzz->minimise($lines, $d[0]);
            [$d] = $fuzz->check($lines);
            $d ??= ['(not reproduced after minimising)', ['', []], ['', []]];
        }
        $comment = "/*\n * table fuzzer, seed $seed (--calls=$calls), minimised to " . count($lines) . " statements.\n"
            . " * First difference at $d[0]:\n * --- swoole\n * " . str_replace("\n", "\n * ", str_replace('*/', '* /', block_text($d[1])))
            . "\n * +++ rsipc\n * " . str_replace("\n", "\n * ", str_replace('*/', '* /', block_text($d[2]))) . "\n */\n";
        file_put_contents($file, preg_replace('~^<\?php\n~', "<?php\n$comment", script_text($lines), 1));
        echo "seed $seed: differs at $d[0] -> $file\n" . "--- swoole\n" . block_text($d[1]) . "\n+++ rsipc\n" . block_text($d[2]) . "\n";
    }
    printf("table-fuzz: %d seeds, %d calls, %d differences (%d kinds), %d child pairs run\n",
        count($seeds), $totalCalls, $diffs, count($kinds), $fuzz->pairs);
    return [count($seeds) - $diffs, $diffs];
}

$opt = getopt('', ['rsipc:', 'swoole:', 'seeds:', 'calls:', 'out:', 'no-minimise', 'print:', 'replay:', 'skip-known', 'selftest']);
$skipKnown = isset($opt['skip-known']);
$calls = (int) ($opt['calls'] ?? 40);
if (isset($opt['print'])) {
    echo script_text((new Gen((int) $opt['print'], $calls, $skipKnown))->lines);
    exit(0);
}

// Each part adds to one count: a self-test check, a saved case or a seed is one test.
$passed = $failed = 0;
$parts = [];
if (isset($opt['selftest'])) {
    [$p, $f] = selftest();
    $passed += $p;
    $failed += $f;
    $parts[] = 'self-test';
}
if (isset($opt['rsipc']) || isset($opt['swoole']) || !isset($opt['selftest'])) {
    if (!isset($opt['rsipc'], $opt['swoole'])) {
        usage();
    }
    foreach (['rsipc', 'swoole'] as $side) {
        if (!is_file($opt[$side])) {
            fwrite(STDERR, "table-fuzz: no such file: {$opt[$side]}\n");
            exit(2);
        }
    }
    $fuzz = new Fuzz(realpath($opt['rsipc']), realpath($opt['swoole']), $opt['out'] ?? 'build/fuzz');
    // --rsipc and --swoole may name the same build, to check that a build agrees with itself
    $fuzzSwooleOnBothSides = $fuzz->rsipc === $fuzz->swoole && str_contains(basename($fuzz->rsipc), 'swoole');

    if (isset($opt['replay'])) {
        $files = [];
        foreach ((array) $opt['replay'] as $path) {
            $files = array_merge($files, is_dir($path) ? glob("$path/*.php") : [$path]);
        }
        [$p, $f] = replay($fuzz, $files);
        echo "table-fuzz: saved cases: $p of ", $p + $f, " agree\n";
        $passed += $p;
        $failed += $f;
        $parts[] = 'saved cases';
    }
    if (isset($opt['seeds']) || !isset($opt['replay'])) {
        $spec = $opt['seeds'] ?? '1-20';
        [$p, $f] = run_seeds($fuzz, parse_seeds($spec), $calls, $skipKnown, isset($opt['no-minimise']));
        $passed += $p;
        $failed += $f;
        $parts[] = "seeds $spec";
    }
}
// the line tools/test-summary.php counts
echo "difftest: $passed passed, $failed failed (table fuzzer: ", implode(', ', $parts), ")\n";
exit($failed > 0 ? 1 : 0);
