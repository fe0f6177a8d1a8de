--TEST--
Swoole\Table: an error handler that destroys the table, unsets it, calls it again or throws, at every warning a method can raise, leaves nothing half-done
--FILE--
<?php
require __DIR__ . '/../inc/table_helpers.php';
table_guard(60);

function make(int $size = 64): Swoole\Table {
    $t = new Swoole\Table($size);
    $t->column('i', Swoole\Table::TYPE_INT);
    $t->column('f', Swoole\Table::TYPE_FLOAT);
    $t->column('s', Swoole\Table::TYPE_STRING, 8);
    $t->column('u', Swoole\Table::TYPE_STRING, 8);
    $t->create();
    $t->set('a', ['i' => 1, 'f' => 1.5, 's' => 'orig']);
    return $t;
}

/** A table with every slot in use (the next new key fails with "unable to allocate memory"). */
function full(): Swoole\Table {
    $t = make();
    for ($n = 0; ; $n++) {
        if (!@$t->set("fill$n", ['i' => $n])) { break; }
    }
    return $t;
}

// What the error handler does at the first warning or deprecation of a call.
$actions = [
    'destroy' => function () { $GLOBALS['t']->destroy(); },
    'unset' => function () { unset($GLOBALS['t']); gc_collect_cycles(); },
    're-enter' => function () {
        $t = $GLOBALS['t'];
        $t->set('a', ['i' => 7, 's' => 'inner']);
        $t->incr('a', 'i');
        $n = 0;
        foreach ($t as $k => $row) { $n++; }
        $t->get('a');
        $t->get('a', 's');
        count($t);
        $t->stats();
    },
    'throw' => function () { throw new LogicException('from the handler'); },
];

// Calls that raise at least one warning (or deprecation) after parsing their arguments.
$points = [
    'set, two strings too long' => fn($t) => $t->set('a', ['s' => str_repeat('x', 20), 'u' => str_repeat('y', 20), 'i' => 2]),
    'add, too long, key exists' => fn($t) => $t->add('a', ['s' => str_repeat('x', 20)]),
    'update, too long, no key' => fn($t) => $t->update('zz', ['s' => str_repeat('x', 20)]),
    'cmpset, too long' => fn($t) => $t->cmpset('a', ['i' => 1], ['s' => str_repeat('x', 20)]),
    'set, table full' => fn($t) => $t->set('new', ['i' => 1]),
    'add, table full' => fn($t) => $t->add('new', ['i' => 1]),
    'incr, table full' => fn($t) => $t->incr('new', 'i'),
    'get, empty key' => fn($t) => $t->get(''),
    'get field, long key' => fn($t) => $t->get(str_repeat('k', 64), 'i'),
    'getdel, empty key' => fn($t) => $t->getdel(''),
    'exists, empty key' => fn($t) => $t->exists(''),
    'del, empty key' => fn($t) => $t->del(''),
    'set, empty key' => fn($t) => $t->set('', ['i' => 1]),
    'cmpdel, empty key' => fn($t) => $t->cmpdel('', ['i' => 1]),
    'incr, no such column' => fn($t) => $t->incr('a', 'nope'),
    'decr, string column' => fn($t) => $t->decr('a', 's'),
    'incr, step an object' => fn($t) => $t->incr('a', 'i', new stdClass()),
    'cmpset, expected empty' => fn($t) => $t->cmpset('a', [], ['i' => 2]),
    'cmpset, expected by position' => fn($t) => $t->cmpset('a', [1], ['i' => 2]),
    'cmpdel, no such column' => fn($t) => $t->cmpdel('a', ['nope' => 1]),
    'column after create' => fn($t) => $t->column('late', Swoole\Table::TYPE_INT),
    'count(null)' => fn($t) => $t->count(null),
    'get(null), deprecated null' => fn($t) => $t->get(null),
    'column(), fractional size' => fn($t) => $t->column('late', Swoole\Table::TYPE_INT, 1.5),
    'helper, duplicate column' => fn($t) => swoole_table(64, 'x:i,x:i') instanceof Swoole\Table,
];
$needs_full = ['set, table full', 'add, table full', 'incr, table full'];

function state(): string {
    if (!isset($GLOBALS['t'])) {
        return 'unset';
    }
    try {
        $rows = count($GLOBALS['t']);
        $GLOBALS['t']->get('a');
        return "alive, $rows rows";
    } catch (Swoole\Error $e) {
        return 'ended (' . $e->getMessage() . ')';
    }
}

foreach ($points as $label => $point) {
    echo "== $label\n";
    foreach ($actions as $name => $action) {
        $GLOBALS['t'] = in_array($label, $needs_full, true) ? full() : make();
        $raised = [];
        set_error_handler(function (int $no, string $msg) use (&$raised, $action) {
            $raised[] = $msg;
            if (count($raised) === 1) {
                $action();
            }
            return true;
        });
        try {
            $r = $point($GLOBALS['t']);
            $out = var_export($r, true);
            if (is_array($r)) { $out = 'array(' . count($r) . ')'; }
        } catch (Throwable $e) {
            $out = get_class($e) . ': ' . $e->getMessage();
        }
        restore_error_handler();
        printf("  %-8s -> %s; %d message(s), first: %s; table %s\n", $name, $out, count($raised), $raised[0] ?? '-', state());
        unset($GLOBALS['t']);
    }
}

?>
--EXPECT--
== set, two strings too long
  destroy  -> Swoole\Error: table is not created or has been destroyed; 2 message(s), first: Swoole\Table::set(): [key=a,field=s]string value is too long; table ended (must call constructor first)
  unset    -> true; 2 message(s), first: Swoole\Table::set(): [key=a,field=s]string value is too long; table unset
  re-enter -> true; 2 message(s), first: Swoole\Table::set(): [key=a,field=s]string value is too long; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::set(): [key=a,field=s]string value is too long; table alive, 1 rows
== add, too long, key exists
  destroy  -> Swoole\Error: table is not created or has been destroyed; 1 message(s), first: Swoole\Table::add(): [key=a,field=s]string value is too long; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::add(): [key=a,field=s]string value is too long; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::add(): [key=a,field=s]string value is too long; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::add(): [key=a,field=s]string value is too long; table alive, 1 rows
== update, too long, no key
  destroy  -> Swoole\Error: table is not created or has been destroyed; 1 message(s), first: Swoole\Table::update(): [key=zz,field=s]string value is too long; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::update(): [key=zz,field=s]string value is too long; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::update(): [key=zz,field=s]string value is too long; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::update(): [key=zz,field=s]string value is too long; table alive, 1 rows
== cmpset, too long
  destroy  -> Swoole\Error: table is not created or has been destroyed; 1 message(s), first: Swoole\Table::cmpset(): [key=a,field=s]string value is too long; table ended (must call constructor first)
  unset    -> true; 1 message(s), first: Swoole\Table::cmpset(): [key=a,field=s]string value is too long; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::cmpset(): [key=a,field=s]string value is too long; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::cmpset(): [key=a,field=s]string value is too long; table alive, 1 rows
== set, table full
  destroy  -> false; 1 message(s), first: Swoole\Table::set(): failed to set('new'), unable to allocate memory; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::set(): failed to set('new'), unable to allocate memory; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::set(): failed to set('new'), unable to allocate memory; table alive, 76 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::set(): failed to set('new'), unable to allocate memory; table alive, 76 rows
== add, table full
  destroy  -> false; 1 message(s), first: Swoole\Table::add(): failed to add('new'), unable to allocate memory; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::add(): failed to add('new'), unable to allocate memory; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::add(): failed to add('new'), unable to allocate memory; table alive, 76 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::add(): failed to add('new'), unable to allocate memory; table alive, 76 rows
== incr, table full
  destroy  -> false; 1 message(s), first: Swoole\Table::incr(): unable to allocate memory; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::incr(): unable to allocate memory; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::incr(): unable to allocate memory; table alive, 76 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::incr(): unable to allocate memory; table alive, 76 rows
== get, empty key
  destroy  -> false; 1 message(s), first: Swoole\Table::get(): key must not be empty; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::get(): key must not be empty; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::get(): key must not be empty; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::get(): key must not be empty; table alive, 1 rows
== get field, long key
  destroy  -> false; 1 message(s), first: Swoole\Table::get(): key length exceeds the limit of 63 bytes; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::get(): key length exceeds the limit of 63 bytes; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::get(): key length exceeds the limit of 63 bytes; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::get(): key length exceeds the limit of 63 bytes; table alive, 1 rows
== getdel, empty key
  destroy  -> false; 1 message(s), first: Swoole\Table::getdel(): key must not be empty; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::getdel(): key must not be empty; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::getdel(): key must not be empty; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::getdel(): key must not be empty; table alive, 1 rows
== exists, empty key
  destroy  -> false; 1 message(s), first: Swoole\Table::exists(): key must not be empty; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::exists(): key must not be empty; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::exists(): key must not be empty; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::exists(): key must not be empty; table alive, 1 rows
== del, empty key
  destroy  -> false; 1 message(s), first: Swoole\Table::del(): key must not be empty; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::del(): key must not be empty; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::del(): key must not be empty; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::del(): key must not be empty; table alive, 1 rows
== set, empty key
  destroy  -> false; 1 message(s), first: Swoole\Table::set(): key must not be empty; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::set(): key must not be empty; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::set(): key must not be empty; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::set(): key must not be empty; table alive, 1 rows
== cmpdel, empty key
  destroy  -> false; 1 message(s), first: Swoole\Table::cmpdel(): key must not be empty; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::cmpdel(): key must not be empty; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::cmpdel(): key must not be empty; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::cmpdel(): key must not be empty; table alive, 1 rows
== incr, no such column
  destroy  -> false; 1 message(s), first: Swoole\Table::incr(): column[nope] does not exist; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::incr(): column[nope] does not exist; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::incr(): column[nope] does not exist; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::incr(): column[nope] does not exist; table alive, 1 rows
== decr, string column
  destroy  -> false; 1 message(s), first: Swoole\Table::decr(): can't execute 'decr' on a string type column; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::decr(): can't execute 'decr' on a string type column; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::decr(): can't execute 'decr' on a string type column; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::decr(): can't execute 'decr' on a string type column; table alive, 1 rows
== incr, step an object
  destroy  -> Swoole\Error: table is not created or has been destroyed; 1 message(s), first: Object of class stdClass could not be converted to int; table ended (must call constructor first)
  unset    -> 2; 1 message(s), first: Object of class stdClass could not be converted to int; table unset
  re-enter -> 9; 1 message(s), first: Object of class stdClass could not be converted to int; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Object of class stdClass could not be converted to int; table alive, 1 rows
== cmpset, expected empty
  destroy  -> false; 1 message(s), first: Swoole\Table::cmpset(): expected values must not be empty; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::cmpset(): expected values must not be empty; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::cmpset(): expected values must not be empty; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::cmpset(): expected values must not be empty; table alive, 1 rows
== cmpset, expected by position
  destroy  -> false; 1 message(s), first: Swoole\Table::cmpset(): expected values must use column names; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::cmpset(): expected values must use column names; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::cmpset(): expected values must use column names; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::cmpset(): expected values must use column names; table alive, 1 rows
== cmpdel, no such column
  destroy  -> false; 1 message(s), first: Swoole\Table::cmpdel(): column[nope] does not exist; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::cmpdel(): column[nope] does not exist; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::cmpdel(): column[nope] does not exist; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::cmpdel(): column[nope] does not exist; table alive, 1 rows
== column after create
  destroy  -> false; 1 message(s), first: Swoole\Table::column(): unable to add column after table has been created; table ended (must call constructor first)
  unset    -> false; 1 message(s), first: Swoole\Table::column(): unable to add column after table has been created; table unset
  re-enter -> false; 1 message(s), first: Swoole\Table::column(): unable to add column after table has been created; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::column(): unable to add column after table has been created; table alive, 1 rows
== count(null)
  destroy  -> 1; 1 message(s), first: Swoole\Table::count(): Passing null to parameter #1 of type int is deprecated; table ended (must call constructor first)
  unset    -> 1; 1 message(s), first: Swoole\Table::count(): Passing null to parameter #1 of type int is deprecated; table unset
  re-enter -> 1; 1 message(s), first: Swoole\Table::count(): Passing null to parameter #1 of type int is deprecated; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::count(): Passing null to parameter #1 of type int is deprecated; table alive, 1 rows
== get(null), deprecated null
  destroy  -> Swoole\Error: table is not created or has been destroyed; 1 message(s), first: Swoole\Table::get(): Passing null to parameter #1 ($key) of type string is deprecated; table ended (must call constructor first)
  unset    -> false; 2 message(s), first: Swoole\Table::get(): Passing null to parameter #1 ($key) of type string is deprecated; table unset
  re-enter -> false; 2 message(s), first: Swoole\Table::get(): Passing null to parameter #1 ($key) of type string is deprecated; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::get(): Passing null to parameter #1 ($key) of type string is deprecated; table alive, 1 rows
== column(), fractional size
  destroy  -> Swoole\Error: table is not created or has been destroyed; 1 message(s), first: Implicit conversion from float 1.5 to int loses precision; table ended (must call constructor first)
  unset    -> false; 2 message(s), first: Implicit conversion from float 1.5 to int loses precision; table unset
  re-enter -> false; 2 message(s), first: Implicit conversion from float 1.5 to int loses precision; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Implicit conversion from float 1.5 to int loses precision; table alive, 1 rows
== helper, duplicate column
  destroy  -> true; 1 message(s), first: Swoole\Table::column(): column[x] already exists; table ended (must call constructor first)
  unset    -> true; 1 message(s), first: Swoole\Table::column(): column[x] already exists; table unset
  re-enter -> true; 1 message(s), first: Swoole\Table::column(): column[x] already exists; table alive, 1 rows
  throw    -> LogicException: from the handler; 1 message(s), first: Swoole\Table::column(): column[x] already exists; table alive, 1 rows
