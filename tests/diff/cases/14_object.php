<?php
// SysvMessageQueue as a PHP value: construction, cloning, serialization, properties, casts,
// comparisons, dumps, reflection, weak references.
require __DIR__ . '/../lib.php';

$k = rsipc_new_key();
$q = msg_get_queue($k);
$same = msg_get_queue($k);
$k2 = rsipc_new_key();
$other = msg_get_queue($k2);

$ops = [
    'new' => fn () => new SysvMessageQueue(),
    'new named arg' => fn () => new SysvMessageQueue(key: 1),
    'reflection newInstance' => fn () => (new ReflectionClass(SysvMessageQueue::class))->newInstance(),
    'reflection newInstanceArgs' => fn () => (new ReflectionClass(SysvMessageQueue::class))->newInstanceArgs([1]),
    'reflection without constructor' => fn () => (new ReflectionClass(SysvMessageQueue::class))->newInstanceWithoutConstructor(),
    'clone' => fn () => clone $q,
    'serialize' => fn () => serialize($q),
    'serialize in object' => fn () => serialize((object) ['q' => $q]),
    'json' => fn () => json_encode($q),
    'json in array' => fn () => json_encode([$q, 1]),
    'unserialize O' => fn () => unserialize('O:16:"SysvMessageQueue":0:{}'),
    'unserialize O with props' => fn () => unserialize('O:16:"SysvMessageQueue":1:{s:1:"k";i:1;}'),
    'unserialize in array' => fn () => unserialize('a:1:{i:0;O:16:"SysvMessageQueue":0:{}}'),
    'var_export' => fn () => var_export($q, true),
    'print_r' => fn () => print_r($q, true),
    'debug_zval' => fn () => count((array) $q),
    'get_object_vars' => fn () => get_object_vars($q),
    'get_class_methods' => fn () => get_class_methods($q),
    'method_exists __construct' => fn () => method_exists($q, '__construct'),
    'property_exists' => fn () => property_exists($q, 'key'),
    'set prop' => function () use ($q) { $q->a = 1; },
    'set prop by ref' => function () use ($q) { $r = &$q->a; },
    'get prop' => fn () => $q->a,
    'isset prop' => fn () => isset($q->a),
    'empty prop' => fn () => empty($q->a),
    'unset prop' => function () use ($q) { unset($q->a); return 'unset'; },
    'array access' => fn () => $q['x'],
    'array isset' => fn () => isset($q['x']),
    'call' => fn () => $q->receive(),
    'static' => fn () => SysvMessageQueue::foo(),
    'invoke' => fn () => $q(),
    'string cast' => fn () => (string) $q,
    'strval' => fn () => strval($q),
    'int cast' => fn () => (int) $q,
    'intval' => fn () => intval($q),
    'float cast' => fn () => (float) $q,
    'bool cast' => fn () => (bool) $q,
    'array cast' => fn () => (array) $q,
    'object cast' => fn () => (object) $q === $q,
    'plus' => fn () => $q + 1,
    'concat' => fn () => $q . '',
    'iterate' => function () use ($q) { $n = 0; foreach ($q as $v) { $n++; } return $n; },
    'iterator_to_array' => fn () => iterator_to_array($q),
    'count' => fn () => count($q),
    'in string interpolation' => fn () => "$q",
    'as array key' => fn () => [$q => 1],
    'is_a' => fn () => [is_a($q, 'SysvMessageQueue'), $q instanceof Stringable, $q instanceof Traversable, $q instanceof Countable],
    'spl_object_id differs' => fn () => spl_object_id($q) !== spl_object_id($same),
    '== self' => fn () => $q == $q,
    '== same key' => fn () => $q == $same,
    '!= same key' => fn () => $q != $same,
    '== other' => fn () => $q == $other,
    '< other' => fn () => $q < $other,
    '> other' => fn () => $q > $other,
    '<= self' => fn () => $q <= $q,
    '<=> same key' => fn () => $q <=> $same,
    '<=> self' => fn () => $q <=> $q,
    '== true' => fn () => $q == true,
    '== false' => fn () => $q == false,
    '== null' => fn () => $q == null,
    '== 1' => fn () => $q == 1,
    '== 1.0' => fn () => $q == 1.0,
    '== "1"' => fn () => $q == '1',
    '== []' => fn () => $q == [],
    '== stdClass' => fn () => $q == new stdClass(),
    'sort' => function () use ($q, $same, $other) { $a = [$other, $q, $same]; sort($a); return count($a); },
    'array_unique' => fn () => count(array_unique([$q, $same], SORT_REGULAR)),
    'in_array' => fn () => [in_array($same, [$q]), in_array($q, [$q], true)],
    'array_search' => fn () => array_search($same, [$other, $q]),
    'match' => fn () => match (true) { $q == $same => 'same', default => 'different' },
];
foreach ($ops as $name => $op) {
    attempt($name, $op);
}
var_dump($q);
$wr = WeakReference::create($other);
$wm = new WeakMap();
$wm[$other] = 'x';
var_dump($wr->get() === $other, count($wm));
msg_remove_queue($other);
unset($other);
var_dump($wr->get(), count($wm));
var_dump(new stdClass());
