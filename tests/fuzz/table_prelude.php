<?php
/*
 * Prelude of every script the table fuzzer (tests/fuzz/table_fuzz.php) writes: the helpers that
 * print one call's outcome in a form both implementations can be compared on. Each statement of
 * a generated script is `try { L(<index>, '<what>'); <call> } catch (\Throwable $e) { X($e); }`,
 * so its output is a header line "#<index> <what>" followed by indented lines:
 *   "  = <value>"    the call's result          "  W <message>"  a warning or notice
 *   "  EXC <class>: <message>"                   "  ~ <key> => <row>"  one iteration step
 * Run it by hand:  php -n -d display_errors=1 -d extension=<rsipc.so or swoole.so> <script>
 */
error_reporting(E_ALL);

// Warnings go through the handler so they land in order between the header and the result; a
// fatal error cannot be handled and is printed by PHP itself (display_errors=1), which the
// fuzzer's normaliser reads.
set_error_handler(static function (int $no, string $message): bool {
    echo "  W ", $message, "\n";
    return true;
});

/** A value whose string form is chosen by the script, to test __toString conversions. */
final class S
{
    public function __construct(private string $v)
    {
    }

    public function __toString(): string
    {
        return $this->v;
    }
}

/** Swoole registers the class without the final flag, so programs may extend it. */
class Sub extends Swoole\Table
{
}

/** A conversion that fails. */
final class T
{
    public function __toString(): string
    {
        throw new RuntimeException('no string for you');
    }
}

/** A conversion that calls back into the table: destroys it, or changes a row first. */
final class D
{
    public function __construct(private ?object $t, private bool $destroy)
    {
    }

    public function __toString(): string
    {
        if ($this->destroy) {
            echo "  (destroy inside conversion: ", E($this->t?->destroy()), ")\n";
        } else {
            echo "  (incr inside conversion: ", E($this->t?->incr('k1', 'i')), ")\n";
        }
        return '7';
    }
}

/** Reflection of the class, one line: constants in order, then each method's parameters. */
function Y(): void
{
    $c = new ReflectionClass('Swoole\\Table');
    echo "  const ", E($c->getConstants()), "\n";
    $methods = $c->getMethods();
    usort($methods, fn ($a, $b) => strcmp($a->getName(), $b->getName()));
    foreach ($methods as $m) {
        $ps = array_map(fn ($p) => ($p->getType() ?? '') . ' $' . $p->getName() . ($p->isOptional() ? '?' : ''), $m->getParameters());
        echo "  method ", $m->getName(), '(', implode(', ', $ps), ')', $m->hasReturnType() ? ': ' . $m->getReturnType() : '', "\n";
    }
}

function L(int $index, string $what): void
{
    echo "#$index $what\n";
}

/** One line for any value; array keys keep their type (0 and '0' print differently). */
function E(mixed $v): string
{
    if (is_array($v)) {
        $parts = [];
        foreach ($v as $k => $x) {
            $parts[] = (is_int($k) ? (string) $k : E($k)) . ' => ' . E($x);
        }
        return '[' . implode(', ', $parts) . ']';
    }
    if (is_string($v)) {
        return '"' . addcslashes($v, "\0..\37\"\\\177..\377") . '"';
    }
    if (is_object($v)) {
        return 'object(' . get_class($v) . ')';
    }
    return var_export($v, true);
}

function R(mixed $v): void
{
    echo "  = ", E($v), "\n";
}

function X(\Throwable $e): void
{
    echo "  EXC ", get_class($e), ": ", $e->getMessage(), "\n";
}

/** One full manual pass (rewind/valid/key/current/next), then a few calls past the end. */
function I(object $t, array $extra): void
{
    $t->rewind(...$extra);
    for ($n = 0; $n < 300 && $t->valid(...$extra); $n++) {
        echo "  ~ ", E($t->key(...$extra)), " => ", E($t->current(...$extra)), "\n";
        $t->next(...$extra);
    }
    echo "  = end\n";
    R($t->valid(...$extra));
    R($t->key(...$extra));
    R($t->current(...$extra));
    $t->next(...$extra);
    R($t->valid(...$extra));
}

/** One foreach pass (its own body changes nothing; deleting inside foreach differs on purpose). */
function F(object $t): void
{
    $n = 0;
    foreach ($t as $k => $row) {
        echo "  ~ ", E($k), " => ", E($row), "\n";
        if (++$n >= 300) {
            break;
        }
    }
    echo "  = end\n";
}

// ---- generated statements follow ----
