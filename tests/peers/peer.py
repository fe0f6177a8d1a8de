#!/usr/bin/env python3
"""A System V message queue peer in Python (ctypes over libc), for the differential tests.

Same command line and output as peer.c:

    peer.py send KEY MTYPE HEXPAYLOAD [nowait]      ("-" is the empty payload)
    peer.py recv KEY MSGTYP MAXSIZE [nowait] [noerror] [except]
    peer.py drain KEY MAXSIZE

Only the standard library is used; the message struct is a native C long followed by the bytes.
"""
import ctypes
import os
import sys

IPC_NOWAIT = 0o4000
MSG_NOERROR = 0o10000
MSG_EXCEPT = 0o20000

libc = ctypes.CDLL(None, use_errno=True)
libc.msgget.argtypes = [ctypes.c_int, ctypes.c_int]
libc.msgget.restype = ctypes.c_int
libc.msgsnd.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int]
libc.msgsnd.restype = ctypes.c_int
libc.msgrcv.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_size_t, ctypes.c_long, ctypes.c_int]
libc.msgrcv.restype = ctypes.c_ssize_t
libc.strerror.argtypes = [ctypes.c_int]
libc.strerror.restype = ctypes.c_char_p

LONG = ctypes.sizeof(ctypes.c_long)


def fail(what):
    e = ctypes.get_errno()
    print("%s failed: errno %d (%s)" % (what, e, libc.strerror(e).decode()))
    return 1


def key_t(value):
    """int(..., 0) and then the C cast to the 32-bit key_t."""
    v = int(value, 0) & 0xFFFFFFFF
    return v - (1 << 32) if v >= (1 << 31) else v


def open_queue(key):
    qid = libc.msgget(key_t(key), 0)
    if qid < 0:
        fail("msgget")
        return None
    return qid


def recv(qid, msgtyp, maxsize, flags):
    buf = ctypes.create_string_buffer(LONG + maxsize + 1)
    n = libc.msgrcv(qid, buf, maxsize, msgtyp, flags)
    if n < 0:
        return fail("recv")
    raw = buf.raw
    mtype = ctypes.c_long.from_buffer_copy(raw[:LONG]).value
    print("mtype %d len %d wire %s %s" % (mtype, n, raw[:LONG].hex(), raw[LONG:LONG + n].hex()))
    return 0


def main(argv):
    sys.stdout.reconfigure(line_buffering=True)
    if len(argv) < 3:
        return 2
    cmd = argv[1]
    if cmd == "send" and len(argv) >= 5:
        mtype = int(argv[3], 0)
        payload = b"" if argv[4] == "-" else bytes.fromhex(argv[4])
        flags = IPC_NOWAIT if len(argv) > 5 and argv[5] == "nowait" else 0
        qid = open_queue(argv[2])
        if qid is None:
            return 1
        buf = ctypes.create_string_buffer(LONG + len(payload) + 1)
        ctypes.memmove(buf, ctypes.byref(ctypes.c_long(mtype)), LONG)
        ctypes.memmove(ctypes.addressof(buf) + LONG, payload, len(payload))
        if libc.msgsnd(qid, buf, len(payload), flags) < 0:
            return fail("send")
        print("sent %d bytes" % len(payload))
        return 0
    if cmd == "recv" and len(argv) >= 5:
        flags = 0
        for opt in argv[5:]:
            flags |= {"nowait": IPC_NOWAIT, "noerror": MSG_NOERROR, "except": MSG_EXCEPT}[opt]
        qid = open_queue(argv[2])
        if qid is None:
            return 1
        return recv(qid, int(argv[3], 0), int(argv[4], 0), flags)
    if cmd == "drain" and len(argv) >= 4:
        qid = open_queue(argv[2])
        if qid is None:
            return 1
        count = 0
        while recv(qid, 0, int(argv[3], 0), IPC_NOWAIT) == 0:
            count += 1
        print("drained %d" % count)
        return 0
    print("usage: peer.py send KEY MTYPE HEX [nowait] | recv KEY MSGTYP MAXSIZE [flags...] | drain KEY MAXSIZE",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
