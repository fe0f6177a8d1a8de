--TEST--
sysvmsg: by-reference results respect typed properties (weak mode)
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

class Box {
    public string $m = 'init';
    public int $t = -1;
    public string $ts = 'init';
    public ?int $e = null;
    public string $es = 'init';
    public float $ef = 0.5;
    public bool $b = false;
    public array $arr = [];
    public int|string $u = 'u';
    public ?Box $obj = null;
}
function show(Box $b, string ...$props): void
{
    $out = [];
    foreach ($props as $p) {
        $out[] = "$p=" . str_replace("\n", '', var_export($b->$p, true));
    }
    echo implode(' ', $out), "\n";
}
function attempt(callable $fn): void
{
    try {
        var_dump($fn());
    } catch (Throwable $e) {
        echo get_class($e), ': ', $e->getMessage(), "\n";
    }
}
$q = rsipc_new_queue();
$b = new Box();

echo "-- success into typed properties\n";
msg_send($q, 1, 123);
attempt(fn () => msg_receive($q, 0, $b->ts, 100, $b->m, true, 0, $b->es));
show($b, 'ts', 'm', 'es');
msg_send($q, 2, 5);
attempt(fn () => msg_receive($q, 0, $b->t, 100, $b->ef, true, 0, $b->ef));
show($b, 't', 'ef');
msg_send($q, 3, '7');
attempt(fn () => msg_receive($q, 0, $b->u, 100, $b->t, true, 0, $b->e));
show($b, 'u', 't', 'e');
msg_send($q, 4, 'raw text', false);
attempt(fn () => msg_receive($q, 0, $b->t, 100, $b->b, false));
show($b, 't', 'b');

echo "-- an array into a string property\n";
$b = new Box();
msg_send($q, 5, ['x']);
attempt(fn () => msg_receive($q, 0, $b->t, 100, $b->m, true, 0, $b->e));
show($b, 't', 'm', 'e');
echo "queued: ", rsipc_qnum($q), "\n";

echo "-- an object into a ?Box property, and a non-numeric string into int\n";
msg_send($q, 6, new Box());
attempt(fn () => msg_receive($q, 0, $b->t, 1000, $b->obj));
var_dump($b->obj instanceof Box);
msg_send($q, 6, 'abc');
attempt(fn () => msg_receive($q, 0, $b->t, 100, $b->t));
show($b, 't');
msg_send($q, 6, 'abc');
attempt(fn () => msg_receive($q, 0, $b->t, 100, $b->arr));
show($b, 't', 'arr');

echo "-- failure: type 0, message false, error code\n";
$b = new Box();
attempt(fn () => msg_receive($q, 0, $b->ts, 100, $b->m, true, MSG_IPC_NOWAIT, $b->es));
show($b, 'ts', 'm', 'es');
attempt(fn () => msg_receive($q, 0, $b->ts, 100, $b->arr, true, MSG_IPC_NOWAIT, $b->es));
show($b, 'ts', 'arr', 'es');
$b = new Box();
attempt(fn () => msg_receive($q, 0, $b->arr, 100, $b->m, true, MSG_IPC_NOWAIT, $b->e));
show($b, 'arr', 'm', 'e');
$b = new Box();
attempt(fn () => msg_receive($q, 0, $b->t, 100, $b->m, true, MSG_IPC_NOWAIT, $b->arr));
show($b, 't', 'm', 'arr');

echo "-- order of the assignments, seen through the chain of TypeErrors\n";
class Arrays { public array $a = []; public array $b = []; public array $c = []; }
function chain(callable $fn): void
{
    try {
        $fn();
        echo "no exception\n";
    } catch (Throwable $e) {
        for ($i = 0; $e; $e = $e->getPrevious(), $i++) {
            echo str_repeat('  ', $i), get_class($e), ': ', $e->getMessage(), "\n";
        }
    }
}
$ar = new Arrays();
msg_send($q, 8, 'str');
chain(fn () => msg_receive($q, 0, $ar->a, 100, $ar->b, true, 0, $ar->c));
chain(fn () => msg_receive($q, 0, $ar->a, 100, $ar->b, true, MSG_IPC_NOWAIT, $ar->c));
chain(fn () => msg_send($q, 0, 'x', true, true, $ar->c));

echo "-- msg_send error code into typed properties\n";
$b = new Box();
attempt(fn () => @msg_send($q, 0, 'x', true, true, $b->es));
attempt(fn () => @msg_send($q, 0, 'x', true, true, $b->ef));
attempt(fn () => @msg_send($q, 0, 'x', true, true, $b->b));
show($b, 'es', 'ef', 'b');
attempt(fn () => msg_send($q, 0, 'x', true, true, $b->arr));
show($b, 'arr');

echo "-- a previous array or object in \$message is replaced\n";
$m = ['old', 'array'];
msg_send($q, 1, 'new');
msg_receive($q, 0, $t, 100, $m);
var_dump($m);
$m = new stdClass();
msg_receive($q, 0, $t, 100, $m, true, MSG_IPC_NOWAIT);
var_dump($m);

echo "-- references into arrays and to shared variables\n";
$arr = [];
msg_send($q, 9, 'in array');
msg_receive($q, 0, $arr['t'], 100, $arr['m'], true, 0, $arr['e']);
var_dump($arr);
$x = 'x';
$alias = &$x;
msg_send($q, 9, 'aliased');
msg_receive($q, 0, $t, 100, $alias);
var_dump($x);
?>
--EXPECTF--
-- success into typed properties
bool(true)
ts='1' m='123' es='0'
bool(true)
t=2 ef=5.0
bool(true)
u=3 t=7 e=0
bool(true)
t=4 b=true
-- an array into a string property
TypeError: Cannot assign array to reference held by property Box::$m of type string
t=5 m='init' e=0
queued: 0
-- an object into a ?Box property, and a non-numeric string into int
bool(true)
bool(true)
TypeError: Cannot assign string to reference held by property Box::$t of type int
t=6
TypeError: Cannot assign string to reference held by property Box::$arr of type array
t=6 arr=array ()
-- failure: type 0, message false, error code
bool(false)
ts='0' m='' es='42'
TypeError: Cannot assign bool to reference held by property Box::$arr of type array
ts='0' arr=array () es='42'
TypeError: Cannot assign int to reference held by property Box::$arr of type array
arr=array () m='' e=42
TypeError: Cannot assign int to reference held by property Box::$arr of type array
t=0 m='' arr=array ()
-- order of the assignments, seen through the chain of TypeErrors
TypeError: Cannot assign string to reference held by property Arrays::$b of type array
  TypeError: Cannot assign int to reference held by property Arrays::$c of type array
    TypeError: Cannot assign int to reference held by property Arrays::$a of type array
TypeError: Cannot assign int to reference held by property Arrays::$c of type array
  TypeError: Cannot assign bool to reference held by property Arrays::$b of type array
    TypeError: Cannot assign int to reference held by property Arrays::$a of type array

Warning: msg_send(): msgsnd failed: Invalid argument in %s on line %d
TypeError: Cannot assign int to reference held by property Arrays::$c of type array
-- msg_send error code into typed properties
bool(false)
bool(false)
bool(false)
es='22' ef=22.0 b=true

Warning: msg_send(): msgsnd failed: Invalid argument in %s on line %d
TypeError: Cannot assign int to reference held by property Box::$arr of type array
arr=array ()
-- a previous array or object in $message is replaced
string(3) "new"
bool(false)
-- references into arrays and to shared variables
array(3) {
  ["t"]=>
  int(9)
  ["m"]=>
  string(8) "in array"
  ["e"]=>
  int(0)
}
string(7) "aliased"
