--TEST--
Rsipc\Table::open() of damaged table files (truncated, random bytes, header words and schema bytes changed, garbage rows): an exception, or a table that may give wrong rows but never crashes or hangs
--EXTENSIONS--
pcntl
--INI--
; a damaged lock word naming a live process costs this wait once per table (not 2 s)
rsipc.lock_wait=0.05
--FILE--
<?php
require __DIR__ . '/../inc/named_helpers.php';
table_guard(600);

// Under valgrind (run-tests -m sets USE_ZEND_ALLOC=0) every fourth position is enough.
$step = getenv('USE_ZEND_ALLOC') === '0' ? 4 : 1;
$cols = ['n' => Rsipc\Table::TYPE_INT, 's' => [Rsipc\Table::TYPE_STRING, 20], 'f' => Rsipc\Table::TYPE_FLOAT];
$name = named_unique('corrupt');
$t = Rsipc\Table::open($name, 64, $cols);
$rows = [];
for ($i = 0; $i < 40; $i++) {
    $rows["k$i"] = ['n' => $i * 3, 's' => "row $i", 'f' => $i / 4];
    $t->set("k$i", $rows["k$i"]);
}
$path = named_file($name);
if ($path === null) {
    die("no single file ending in $name in " . named_dir() . "\n");
}
$orig = file_get_contents($path);
$size = strlen($orig);
// the file may end in padding: its content ends at the last byte that is not zero
$end = strlen(rtrim($orig, "\0"));
$prefix = dirname($path) . '/' . substr(basename($path), 0, -strlen($name));

// Uses a table that opened from a damaged file the way an application would; any of it may
// throw or give wrong rows, none of it may crash or loop forever.
function exercise(Rsipc\Table $t): void
{
    set_error_handler(fn() => true);
    $calls = [
        function () use ($t) {
            $n = 0;
            foreach ($t as $k => $row) {
                if (++$n > 100000) {
                    echo "foreach did not end\n";
                    exit(3);
                }
            }
        },
        function () use ($t) { for ($i = 0; $i < 40; $i++) { $t->get("k$i"); $t->exists("k$i"); $t->get("k$i", 's'); } },
        function () use ($t) { for ($i = 0; $i < 100; $i++) { $t->set("new$i", ['n' => $i, 's' => str_repeat('x', 20), 'f' => 1.5]); } },
        fn() => $t->incr('k1', 'n', 5),
        fn() => $t->decr('k2', 'f', 0.5),
        fn() => $t->incr('fresh', 'n'),
        function () use ($t) { for ($i = 0; $i < 40; $i += 3) { $t->del("k$i"); } },
        fn() => $t->getdel('k4'),
        fn() => count($t),
        fn() => $t->stats(),
        function () use ($t) { $n = 0; foreach ($t as $k => $row) { if (++$n > 100000) { echo "foreach did not end\n"; exit(3); } } },
    ];
    foreach ($calls as $call) {
        try {
            $call();
        } catch (Throwable $e) {
        }
    }
}

$seq = 0;
// Writes $bytes as the file of a new table name and opens that in a child. Returns "refused"
// (open() threw an Rsipc\Error), "opened" (and the table was used without harm) or what went
// wrong. With $rowsMustMatch the child also compares every row with what was written.
function attempt(string $bytes, bool $rowsMustMatch = false): string
{
    global $prefix, $name, $cols, $rows, $seq;
    $copy = substr($name, 0, 40) . '_c' . ++$seq;
    file_put_contents($prefix . $copy, $bytes);
    $r = pcntl_fork();
    if ($r === 0) {
        // healthy calls take milliseconds; a child still busy after 5 s is stuck
        pcntl_alarm(5);
        try {
            $t = Rsipc\Table::open($copy, 64, $cols);
        } catch (Rsipc\Error $e) {
            exit(10);
        } catch (Throwable $e) {
            echo get_class($e), ': ', $e->getMessage(), "\n";
            exit(4);
        }
        if ($rowsMustMatch) {
            foreach ($rows as $k => $row) {
                if ($t->get($k) != $row) {
                    echo "row $k differs\n";
                    exit(5);
                }
            }
        }
        exercise($t);
        exit(11);
    }
    pcntl_waitpid($r, $status);
    named_drop($copy);
    @unlink($prefix . $copy);
    if (pcntl_wifsignaled($status)) {
        return pcntl_wtermsig($status) === SIGALRM ? 'hung' : 'signal ' . pcntl_wtermsig($status);
    }
    return match (pcntl_wexitstatus($status)) {
        10 => 'refused',
        11 => 'opened',
        3 => 'endless foreach',
        4 => 'threw something other than an Rsipc\Error',
        5 => 'wrong rows',
        default => 'exit ' . pcntl_wexitstatus($status),
    };
}

function with(string $bytes, int $at, string $patch): string
{
    return substr_replace($bytes, $patch, $at, strlen($patch));
}

echo "control, an exact copy: ", attempt($orig, true), "\n";

echo "-- must be refused\n";
$cuts = ['empty' => 0, '1 byte' => 1, '7 bytes' => 7, '100 bytes' => 100, 'half' => intdiv($size, 2),
    'one page short' => $size - 4096, 'without its last non-zero byte' => $end - 1];
foreach ($cuts as $what => $len) {
    echo "truncated ($what): ", attempt(substr($orig, 0, max(0, $len))), "\n";
}
mt_srand(20261130);
for ($i = 0; $i < 3; $i++) {
    echo "random bytes, same size ($i): ", attempt(random_bytes_seeded($size)), "\n";
}
echo "all zero, same size: ", attempt(str_repeat("\0", $size)), "\n";
echo "first 8 bytes (the magic) zeroed: ", attempt(with($orig, 0, str_repeat("\0", 8))), "\n";
echo "valid magic, the rest of the first 512 bytes random: ", attempt(with($orig, 8, random_bytes_seeded(504))), "\n";

function random_bytes_seeded(int $n): string
{
    $s = '';
    while (strlen($s) < $n) {
        $s .= pack('N', mt_rand(0, 0x7fffffff) ^ (mt_rand(0, 1) << 31));
    }
    return substr($s, 0, $n);
}

// Every word of the start of the file (where the header is) and every byte of its end (where a
// table keeps what is not rows) set to values that put sizes and offsets out of range.
function sweep(string $what, array $variants): void
{
    $outcomes = [];
    $problems = [];
    $hangs = 0;
    foreach ($variants as $label => $bytes) {
        if ($hangs === 2) {
            $problems[] = 'the rest not tried after 2 hangs';
            break;
        }
        $r = attempt($bytes);
        $outcomes[$r] = ($outcomes[$r] ?? 0) + 1;
        if ($r !== 'refused' && $r !== 'opened') {
            $problems[] = "$label: $r";
        }
        $hangs += $r === 'hung' ? 1 : 0;
    }
    echo "$what: ", count($variants), ' files, ', $problems ? count($problems) . " harmed the process:\n  " . implode("\n  ", $problems) : 'each refused or usable', "\n";
    $GLOBALS['outcomes'][$what] = $outcomes;
}

echo "-- must be refused or usable, never crash or hang\n";
$head = min(1024, $size);
$variants = [];
for ($at = 8; $at + 8 <= $head; $at += 8 * $step) {
    $word = unpack('P', $orig, $at)[1];
    foreach (['all ones' => -1, 'zero' => 0, '2^40' => 1 << 40, 'file size' => $size, '+8' => $word <= PHP_INT_MAX - 8 ? $word + 8 : 0, 'top bit' => $word ^ PHP_INT_MIN] as $p => $v) {
        $variants["u64 at $at = $p"] = with($orig, $at, pack('P', $v));
    }
}
for ($at = 4; $at + 4 <= $head; $at += 8 * $step) {
    $word = unpack('V', $orig, $at)[1];
    foreach (['0xffffffff' => 0xffffffff, '0x7fffffff' => 0x7fffffff, '+1' => ($word + 1) & 0xffffffff] as $p => $v) {
        $variants["u32 at $at = $p"] = with($orig, $at, pack('V', $v));
    }
}
sweep("header words ($head bytes)", $variants);

$variants = [];
for ($at = max(0, $end - 128); $at < min($size, $end + 8); $at += $step) {
    $byte = ord($orig[$at]);
    foreach (['0xff' => 0xff, '0' => 0, '+1' => ($byte + 1) & 0xff, '-1' => ($byte - 1) & 0xff] as $p => $v) {
        $variants["byte at " . ($at - $end) . " from the end of the content = $p"] = with($orig, $at, chr($v));
    }
}
foreach (['one byte' => $size - 1, 'the padding' => $end] as $what => $len) {
    $variants["truncated by $what"] = substr($orig, 0, $len);
}
sweep("last 128 bytes of content", $variants);

$variants = [];
$from = 512;
$to = $size - 256;
foreach ([0, 0x01, 0x80, 0xff] as $b) {
    $variants["rows all $b"] = with($orig, $from, str_repeat(chr($b), $to - $from));
}
for ($i = 0; $i < 6; $i++) {
    $variants["random rows $i"] = with($orig, $from, random_bytes_seeded($to - $from));
}
for ($i = 0; $i < 30; $i++) {
    $bytes = $orig;
    for ($j = 0; $j < 64; $j++) {
        $bytes = with($bytes, mt_rand($from, $to - 4) & ~3, pack('V', mt_rand(0, 1) ? mt_rand() : mt_rand(0, 200)));
    }
    $variants["64 random words in the rows $i"] = $bytes;
}
sweep("garbage rows", $variants);
echo "some tables with garbage rows opened (so they were used): ", var_export(($outcomes['garbage rows']['opened'] ?? 0) > 0, true), "\n";

echo "-- the original is untouched: ", var_export($t->get('k39') == $rows['k39'] && count($t) === 40, true), "\n";
var_dump(Rsipc\Table::unlink($name));
?>
--EXPECTF--
control, an exact copy: opened
-- must be refused
truncated (empty): refused
truncated (1 byte): refused
truncated (7 bytes): refused
truncated (100 bytes): refused
truncated (half): refused
truncated (one page short): refused
truncated (without its last non-zero byte): refused
random bytes, same size (0): refused
random bytes, same size (1): refused
random bytes, same size (2): refused
all zero, same size: refused
first 8 bytes (the magic) zeroed: refused
valid magic, the rest of the first 512 bytes random: refused
-- must be refused or usable, never crash or hang
header words (%d bytes): %d files, each refused or usable
last 128 bytes of content: %d files, each refused or usable
garbage rows: 40 files, each refused or usable
some tables with garbage rows opened (so they were used): true
-- the original is untouched: true
bool(true)
