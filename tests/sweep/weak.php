<?php
// The bad-input sweep in weak mode: the calls under test are made from this file, which has no
// strict_types declaration. The machinery is in lib.php.
const SW_MODE = 'weak';
require_once __DIR__ . '/lib.php';

function sw_call_fn(string $f, array $args): mixed
{
    return $f(...$args);
}

function sw_call_method(object $o, string $m, array $args): mixed
{
    return $o->$m(...$args);
}

function sw_call_new(string $class, array $args): object
{
    return new $class(...$args);
}
