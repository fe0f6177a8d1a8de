--TEST--
Swoole\Table misuse throws a catchable Swoole\Error: before create(), after destroy(), without a constructor
--FILE--
<?php
function calls(Swoole\Table $t): array {
    return [
        'set' => fn() => $t->set('k', ['v' => 1]),
        'get' => fn() => $t->get('k'),
        'get field' => fn() => $t->get('k', 'v'),
        'del' => fn() => $t->del('k'),
        'delete' => fn() => $t->delete('k'),
        'exists' => fn() => $t->exists('k'),
        'exist' => fn() => $t->exist('k'),
        'incr' => fn() => $t->incr('k', 'v'),
        'decr' => fn() => $t->decr('k', 'v'),
        'add' => fn() => $t->add('k', []),
        'update' => fn() => $t->update('k', []),
        'cmpset' => fn() => $t->cmpset('k', ['v' => 1], []),
        'cmpdel' => fn() => $t->cmpdel('k', ['v' => 1]),
        'getdel' => fn() => $t->getdel('k'),
        'rewind' => fn() => $t->rewind(),
        'valid' => fn() => $t->valid(),
        'current' => fn() => $t->current(),
        'key' => fn() => $t->key(),
        'next' => fn() => $t->next(),
        'foreach' => function () use ($t) { foreach ($t as $k => $v) {} return 'looped'; },
        'destroy' => fn() => $t->destroy(),
    ];
}
function run(Swoole\Table $t): void {
    $out = [];
    foreach (calls($t) as $name => $f) {
        try {
            $r = $f();
            $out[] = "$name: returned " . var_export($r, true);
        } catch (Throwable $e) {
            $line = get_class($e) . ': ' . $e->getMessage();
            $out[] = "$name: " . $line . ($e instanceof Error ? '' : ' (not an Error)');
        }
    }
    echo implode("\n", $out), "\n";
}

echo "== before create()\n";
$t = new Swoole\Table(64);
$t->column('v', Swoole\Table::TYPE_INT);
run($t);
var_dump($t->count(), $t->getSize(), $t->getMemorySize(), $t->stats());
echo "-- the table still works after the errors\n";
$t->create();
var_dump($t->set('k', ['v' => 5]), $t->get('k', 'v'));

echo "== after destroy()\n";
$t->destroy();
run($t);
foreach (['column' => fn() => $t->column('w', Swoole\Table::TYPE_INT), 'create' => fn() => $t->create()] as $name => $f) {
    try { $f(); echo "$name: no error\n"; } catch (Swoole\Error $e) { echo "$name: ", get_class($e), ': ', $e->getMessage(), "\n"; }
}
var_dump($t->count(), $t->getSize(), $t->getMemorySize(), $t->stats());

echo "== without a constructor\n";
$u = (new ReflectionClass('Swoole\Table'))->newInstanceWithoutConstructor();
run($u);
foreach (['column' => fn() => $u->column('w', Swoole\Table::TYPE_INT), 'create' => fn() => $u->create()] as $name => $f) {
    try { $f(); echo "$name: no error\n"; } catch (Swoole\Error $e) { echo "$name: ", get_class($e), ': ', $e->getMessage(), "\n"; }
}
var_dump($u->count(), $u->getSize(), $u->getMemorySize(), $u->stats());
echo "-- the constructor can still run on it\n";
$u->__construct(64);
$u->column('v', Swoole\Table::TYPE_INT);
$u->create();
var_dump($u->incr('a', 'v'));
$u->destroy();
?>
--EXPECT--
== before create()
set: Swoole\Error: table is not created or has been destroyed
get: Swoole\Error: table is not created or has been destroyed
get field: Swoole\Error: table is not created or has been destroyed
del: Swoole\Error: table is not created or has been destroyed
delete: Swoole\Error: table is not created or has been destroyed
exists: Swoole\Error: table is not created or has been destroyed
exist: Swoole\Error: table is not created or has been destroyed
incr: Swoole\Error: table is not created or has been destroyed
decr: Swoole\Error: table is not created or has been destroyed
add: Swoole\Error: table is not created or has been destroyed
update: Swoole\Error: table is not created or has been destroyed
cmpset: Swoole\Error: table is not created or has been destroyed
cmpdel: Swoole\Error: table is not created or has been destroyed
getdel: Swoole\Error: table is not created or has been destroyed
rewind: Swoole\Error: table is not created or has been destroyed
valid: Swoole\Error: table is not created or has been destroyed
current: Swoole\Error: table is not created or has been destroyed
key: Swoole\Error: table is not created or has been destroyed
next: Swoole\Error: table is not created or has been destroyed
foreach: Swoole\Error: table is not created or has been destroyed
destroy: Swoole\Error: table is not created or has been destroyed
int(0)
int(64)
int(0)
bool(false)
-- the table still works after the errors
bool(true)
int(5)
== after destroy()
set: Swoole\Error: must call constructor first
get: Swoole\Error: must call constructor first
get field: Swoole\Error: must call constructor first
del: Swoole\Error: must call constructor first
delete: Swoole\Error: must call constructor first
exists: Swoole\Error: must call constructor first
exist: Swoole\Error: must call constructor first
incr: Swoole\Error: must call constructor first
decr: Swoole\Error: must call constructor first
add: Swoole\Error: must call constructor first
update: Swoole\Error: must call constructor first
cmpset: Swoole\Error: must call constructor first
cmpdel: Swoole\Error: must call constructor first
getdel: Swoole\Error: must call constructor first
rewind: Swoole\Error: must call constructor first
valid: Swoole\Error: must call constructor first
current: Swoole\Error: must call constructor first
key: Swoole\Error: must call constructor first
next: Swoole\Error: must call constructor first
foreach: Swoole\Error: must call constructor first
destroy: Swoole\Error: must call constructor first
column: Swoole\Error: must call constructor first
create: Swoole\Error: must call constructor first
int(0)
int(0)
int(0)
bool(false)
== without a constructor
set: Swoole\Error: must call constructor first
get: Swoole\Error: must call constructor first
get field: Swoole\Error: must call constructor first
del: Swoole\Error: must call constructor first
delete: Swoole\Error: must call constructor first
exists: Swoole\Error: must call constructor first
exist: Swoole\Error: must call constructor first
incr: Swoole\Error: must call constructor first
decr: Swoole\Error: must call constructor first
add: Swoole\Error: must call constructor first
update: Swoole\Error: must call constructor first
cmpset: Swoole\Error: must call constructor first
cmpdel: Swoole\Error: must call constructor first
getdel: Swoole\Error: must call constructor first
rewind: Swoole\Error: must call constructor first
valid: Swoole\Error: must call constructor first
current: Swoole\Error: must call constructor first
key: Swoole\Error: must call constructor first
next: Swoole\Error: must call constructor first
foreach: Swoole\Error: must call constructor first
destroy: Swoole\Error: must call constructor first
column: Swoole\Error: must call constructor first
create: Swoole\Error: must call constructor first
int(0)
int(0)
int(0)
bool(false)
-- the constructor can still run on it
int(1)
