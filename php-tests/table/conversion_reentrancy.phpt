--TEST--
Swoole\Table: destroy() during value conversion ends the table (the converting call then fails cleanly), throwing conversions leave rows untouched, re-entrant conversions do not deadlock
--EXTENSIONS--
pcntl
--FILE--
<?php
require __DIR__ . '/../inc/table_helpers.php';
table_guard(30);

function make(): Swoole\Table {
    $t = new Swoole\Table(64);
    $t->column('i', Swoole\Table::TYPE_INT);
    $t->column('s', Swoole\Table::TYPE_STRING, 16);
    $t->create();
    $t->set('a', ['i' => 1, 's' => 'orig']);
    return $t;
}

class Destroyer { function __construct(public Swoole\Table $t) {} function __toString(): string { var_dump($this->t->destroy()); return 'x'; } }
class Thrower { function __toString(): string { throw new RuntimeException('no string for you'); } }
class Nested {
    function __construct(public Swoole\Table $t, public string $key) {}
    function __toString(): string {
        // touches the same row while the outer call is converting its values
        $this->t->incr($this->key, 'i', 100);
        $this->t->set($this->key . '-other', ['s' => 'inner']);
        return (string) $this->t->get($this->key, 'i');
    }
}

echo "-- destroy() from a value's __toString: the table ends, the converting call fails\n";
foreach ([
    'set existing' => fn($t) => $t->set('a', ['i' => 2, 's' => new Destroyer($t)]),
    'set new' => fn($t) => $t->set('b', ['s' => new Destroyer($t)]),
    'add' => fn($t) => $t->add('c', ['s' => new Destroyer($t)]),
    'update' => fn($t) => $t->update('a', ['s' => new Destroyer($t)]),
    'cmpset expected' => fn($t) => $t->cmpset('a', ['s' => new Destroyer($t)], ['i' => 5]),
    'cmpset values' => fn($t) => $t->cmpset('a', ['i' => 1], ['s' => new Destroyer($t), 'i' => 6]),
    'cmpdel expected' => fn($t) => $t->cmpdel('a', ['s' => new Destroyer($t)]),
] as $label => $f) {
    $t = make();
    try {
        var_dump($f($t));
    } catch (Error $e) {
        echo "$label: ", get_class($e), ': ', $e->getMessage(), "\n";
    }
    // ended for everybody; the object acts as if never constructed, as after any destroy()
    try { $t->get('a'); } catch (Error $e) { echo "  afterwards: ", $e->getMessage(), "\n"; }
    var_dump($t->getSize());
}

$t = make();
$st = $t->stats();

echo "-- a throwing __toString: nothing written, nothing created\n";
foreach ([
    'set existing' => fn() => $t->set('a', ['i' => 9, 's' => new Thrower()]),
    'set new' => fn() => $t->set('t', ['i' => 9, 's' => new Thrower()]),
    'add' => fn() => $t->add('t', ['i' => 9, 's' => new Thrower()]),
    'cmpset' => fn() => $t->cmpset('a', ['i' => 1], ['i' => 9, 's' => new Thrower()]),
] as $label => $f) {
    try { var_dump($f()); } catch (RuntimeException $e) { echo "$label: ", $e->getMessage(), "\n"; }
}
var_dump($t->get('a'), $t->exists('t'), count($t), $t->stats() == $st);

echo "-- a __toString that writes to the same row does not deadlock\n";
var_dump($t->set('n', ['i' => 1, 's' => new Nested($t, 'n')]));
var_dump($t->get('n'), $t->get('n-other', 's'));
var_dump($t->update('n', ['s' => new Nested($t, 'n')]));
var_dump($t->get('n'));
// the values are converted before the comparison: the inner incr makes i 201, which then matches
var_dump($t->cmpset('n', ['i' => 201], ['s' => new Nested($t, 'n')]));
var_dump($t->get('n'));

echo "-- a key whose __toString destroys the table\n";
try { $t->get(new Destroyer($t)); echo "no error\n"; } catch (Error $e) { echo get_class($e), ': ', $e->getMessage(), "\n"; }
var_dump($t->getSize());
?>
--EXPECT--
-- destroy() from a value's __toString: the table ends, the converting call fails
bool(true)
set existing: Swoole\Error: table is not created or has been destroyed
  afterwards: must call constructor first
int(0)
bool(true)
set new: Swoole\Error: table is not created or has been destroyed
  afterwards: must call constructor first
int(0)
bool(true)
add: Swoole\Error: table is not created or has been destroyed
  afterwards: must call constructor first
int(0)
bool(true)
update: Swoole\Error: table is not created or has been destroyed
  afterwards: must call constructor first
int(0)
bool(true)
cmpset expected: Swoole\Error: table is not created or has been destroyed
  afterwards: must call constructor first
int(0)
bool(true)
cmpset values: Swoole\Error: table is not created or has been destroyed
  afterwards: must call constructor first
int(0)
bool(true)
cmpdel expected: Swoole\Error: table is not created or has been destroyed
  afterwards: must call constructor first
int(0)
-- a throwing __toString: nothing written, nothing created
set existing: no string for you
set new: no string for you
add: no string for you
cmpset: no string for you
array(2) {
  ["i"]=>
  int(1)
  ["s"]=>
  string(4) "orig"
}
bool(false)
int(1)
bool(true)
-- a __toString that writes to the same row does not deadlock
bool(true)
array(2) {
  ["i"]=>
  int(1)
  ["s"]=>
  string(3) "100"
}
string(5) "inner"
bool(true)
array(2) {
  ["i"]=>
  int(101)
  ["s"]=>
  string(3) "101"
}
bool(true)
array(2) {
  ["i"]=>
  int(201)
  ["s"]=>
  string(3) "201"
}
-- a key whose __toString destroys the table
bool(true)
Swoole\Error: table is not created or has been destroyed
int(0)
