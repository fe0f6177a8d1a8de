--TEST--
sysvmsg: msg_send() with $serialize=false: payload bytes for strings, ints and bools
--FILE--
<?php
require __DIR__ . '/inc/helpers.php';

$k = rsipc_new_key();
$q = msg_get_queue($k);
$values = ['abc', '', "\0", "a\0b\0", "\xff\xfe\x00\x01", str_repeat('z', 300), '12', ' 5 ',
    0, 1, -7, 123, PHP_INT_MAX, PHP_INT_MIN, true, false];
foreach ($values as $v) {
    $ok = msg_send($q, 7, $v, false);
    $got = msg_receive($q, 0, $t, 8192, $m, false, MSG_IPC_NOWAIT, $e);
    printf("%-22s send=%s recv=%s type=%d err=%d len=%d bytes=[%s]\n",
        is_string($v) ? '"' . (strlen($v) > 20 ? 'z x ' . strlen($v) : rsipc_bytes($v)) . '"' : var_export($v, true),
        var_export($ok, true), var_export($got, true), $t, $e, strlen($m),
        strlen($m) > 20 ? substr($m, 0, 5) . '...' : rsipc_bytes($m));
}

echo "-- the wire size is the payload only (no trailing NUL)\n";
msg_send($q, 1, 'abc', false);
msg_send($q, 1, 'abc');
$st = msg_stat_queue($q);
echo "qnum {$st['msg_qnum']}\n";
$cbytes = null;
foreach (file('/proc/sysvipc/msg') as $line) {
    $f = preg_split('/\s+/', trim($line));
    if ($f[0] === (string) $k) {
        $cbytes = (int) $f[3];
    }
}
echo "cbytes $cbytes\n";
var_dump(rsipc_drain($q));

echo "-- raw strings received with unserialize=true\n";
msg_send($q, 1, 'i:5;', false);
var_dump(msg_receive($q, 0, $t, 100, $m), $m);
msg_send($q, 1, 'b:0;', false);
var_dump(msg_receive($q, 0, $t, 100, $m), $m);
?>
--EXPECT--
"abc"                  send=true recv=true type=7 err=0 len=3 bytes=[abc]
""                     send=true recv=true type=7 err=0 len=0 bytes=[]
"\x00"                 send=true recv=true type=7 err=0 len=1 bytes=[\x00]
"a\x00b\x00"           send=true recv=true type=7 err=0 len=4 bytes=[a\x00b\x00]
"\xff\xfe\x00\x01"     send=true recv=true type=7 err=0 len=4 bytes=[\xff\xfe\x00\x01]
"z x 300"              send=true recv=true type=7 err=0 len=300 bytes=[zzzzz...]
"12"                   send=true recv=true type=7 err=0 len=2 bytes=[12]
" 5 "                  send=true recv=true type=7 err=0 len=3 bytes=[ 5 ]
0                      send=true recv=true type=7 err=0 len=1 bytes=[0]
1                      send=true recv=true type=7 err=0 len=1 bytes=[1]
-7                     send=true recv=true type=7 err=0 len=2 bytes=[-7]
123                    send=true recv=true type=7 err=0 len=3 bytes=[123]
9223372036854775807    send=true recv=true type=7 err=0 len=19 bytes=[9223372036854775807]
-9223372036854775807-1 send=true recv=true type=7 err=0 len=20 bytes=[-9223372036854775808]
true                   send=true recv=true type=7 err=0 len=1 bytes=[1]
false                  send=true recv=true type=7 err=0 len=1 bytes=[0]
-- the wire size is the payload only (no trailing NUL)
qnum 2
cbytes 13
array(2) {
  [0]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    string(3) "abc"
  }
  [1]=>
  array(2) {
    [0]=>
    int(1)
    [1]=>
    string(10) "s:3:"abc";"
  }
}
-- raw strings received with unserialize=true
bool(true)
int(5)
bool(true)
bool(false)
