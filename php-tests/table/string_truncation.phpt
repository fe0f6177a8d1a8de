--TEST--
Swoole\Table: a too-long string is stored cut to the column width, returns true and raises a catchable E_WARNING
--FILE--
<?php
$t = new Swoole\Table(64);
$t->column('s', Swoole\Table::TYPE_STRING, 5);   // 8 bytes
$t->column('t', Swoole\Table::TYPE_STRING, 16);
$t->column('i', Swoole\Table::TYPE_INT);
$t->create();

echo "-- plain warning\n";
var_dump($t->set('k', ['s' => 'world 123456789', 'i' => 1]));
var_dump($t->get('k'));

echo "-- two long fields, two warnings\n";
var_dump($t->set('k2', ['s' => str_repeat('x', 9), 't' => str_repeat('y', 17)]));
var_dump($t->get('k2', 's'), $t->get('k2', 't'));

echo "-- set_error_handler sees it as E_WARNING\n";
$caught = [];
set_error_handler(function (int $no, string $str) use (&$caught) {
    $caught[] = [$no === E_WARNING, $str];
    return true;
});
var_dump($t->set('k3', ['s' => 'abcdefghij']));
var_dump($t->add('k4', ['s' => 'abcdefghij']));
var_dump($t->update('k4', ['t' => str_repeat('z', 20)]));
var_dump($t->cmpset('k4', ['i' => 0], ['s' => '0123456789']));
restore_error_handler();
var_dump($caught);
var_dump($t->get('k3', 's'), $t->get('k4'));

echo "-- an exception thrown from the handler propagates\n";
set_error_handler(function (int $no, string $str) { throw new RuntimeException($str); });
try {
    $t->set('k5', ['s' => 'abcdefghij']);
    echo "no exception\n";
} catch (RuntimeException $e) {
    echo get_class($e), ': ', $e->getMessage(), "\n";
}
restore_error_handler();

echo "-- error_reporting and @ silence it\n";
$old = error_reporting(E_ALL & ~E_WARNING);
var_dump($t->set('k6', ['s' => 'abcdefghij']));
error_reporting($old);
var_dump(@$t->set('k7', ['s' => 'abcdefghij']), $t->get('k6', 's'), $t->get('k7', 's'));

echo "-- multibyte text is cut at a byte boundary\n";
var_dump(@$t->set('k8', ['s' => 'ééééé']), bin2hex($t->get('k8', 's')));

echo "-- exactly the width: no warning\n";
var_dump($t->set('k9', ['s' => '12345678', 't' => str_repeat('q', 16)]));
$t->destroy();
?>
--EXPECTF--
-- plain warning

Warning: Swoole\Table::set(): [key=k,field=s]string value is too long in %s on line %d
bool(true)
array(3) {
  ["s"]=>
  string(8) "world 12"
  ["t"]=>
  string(0) ""
  ["i"]=>
  int(1)
}
-- two long fields, two warnings

Warning: Swoole\Table::set(): [key=k2,field=s]string value is too long in %s on line %d

Warning: Swoole\Table::set(): [key=k2,field=t]string value is too long in %s on line %d
bool(true)
string(8) "xxxxxxxx"
string(16) "yyyyyyyyyyyyyyyy"
-- set_error_handler sees it as E_WARNING
bool(true)
bool(true)
bool(true)
bool(true)
array(4) {
  [0]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    string(%d) "%S[key=k3,field=s]string value is too long"
  }
  [1]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    string(%d) "%S[key=k4,field=s]string value is too long"
  }
  [2]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    string(%d) "%S[key=k4,field=t]string value is too long"
  }
  [3]=>
  array(2) {
    [0]=>
    bool(true)
    [1]=>
    string(%d) "%S[key=k4,field=s]string value is too long"
  }
}
string(8) "abcdefgh"
array(3) {
  ["s"]=>
  string(8) "01234567"
  ["t"]=>
  string(16) "zzzzzzzzzzzzzzzz"
  ["i"]=>
  int(0)
}
-- an exception thrown from the handler propagates
RuntimeException: %S[key=k5,field=s]string value is too long
-- error_reporting and @ silence it
bool(true)
bool(true)
string(8) "abcdefgh"
string(8) "abcdefgh"
-- multibyte text is cut at a byte boundary
bool(true)
string(16) "c3a9c3a9c3a9c3a9"
-- exactly the width: no warning
bool(true)
