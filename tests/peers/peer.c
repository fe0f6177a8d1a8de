/*
 * A raw System V message queue peer for the differential tests. It knows nothing about PHP:
 * it moves bytes and prints them in hex, so a test can show exactly what is on the wire.
 *
 *   peer send KEY MTYPE HEXPAYLOAD [nowait]
 *       msgsnd() of one message to the existing queue KEY. HEXPAYLOAD may be "-" for empty.
 *       prints: sent <n> bytes | send failed: errno <e> (<text>)
 *   peer recv KEY MSGTYP MAXSIZE [nowait] [noerror] [except]
 *       msgrcv() of one message.
 *       prints: mtype <t> len <n> wire <hex of the native long mtype> <hex of the payload>
 *               | recv failed: errno <e> (<text>)
 *   peer drain KEY MAXSIZE
 *       receives (non-blocking) until the queue is empty, one "recv" line per message.
 *
 * KEY, MTYPE and MSGTYP are parsed with strtoll(..., 0), so decimal, 0x.. and negative work.
 * Exit status: 0 on success, 1 when the syscall failed, 2 on bad usage.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/types.h>

struct peer_msg {
    long mtype;
    char mtext[1];
};

static int usage(void)
{
    fprintf(stderr, "usage: peer send KEY MTYPE HEX [nowait] | recv KEY MSGTYP MAXSIZE [nowait] [noerror] [except] | drain KEY MAXSIZE\n");
    return 2;
}

static long long parse_ll(const char *s, int *ok)
{
    char *end = NULL;
    errno = 0;
    long long v = strtoll(s, &end, 0);
    *ok = (errno == 0 && end != s && *end == '\0');
    return v;
}

static void print_hex(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        printf("%02x", p[i]);
    }
}

static int open_queue(const char *keyarg, int *qid)
{
    int ok;
    long long key = parse_ll(keyarg, &ok);
    if (!ok) {
        return usage();
    }
    *qid = msgget((key_t) key, 0);
    if (*qid < 0) {
        printf("msgget failed: errno %d (%s)\n", errno, strerror(errno));
        return 1;
    }
    return 0;
}

static int do_recv(int qid, long msgtyp, size_t maxsize, int flags)
{
    struct peer_msg *m = malloc(sizeof(long) + maxsize + 1);
    if (m == NULL) {
        printf("out of memory\n");
        return 1;
    }
    ssize_t n = msgrcv(qid, m, maxsize, msgtyp, flags);
    if (n < 0) {
        int e = errno;
        printf("recv failed: errno %d (%s)\n", e, strerror(e));
        free(m);
        return 1;
    }
    printf("mtype %ld len %zd wire ", m->mtype, n);
    print_hex((const unsigned char *) &m->mtype, sizeof(long));
    printf(" ");
    print_hex((const unsigned char *) m->mtext, (size_t) n);
    printf("\n");
    free(m);
    return 0;
}

int main(int argc, char **argv)
{
    int ok, qid, rc;

    if (argc < 3) {
        return usage();
    }
    setvbuf(stdout, NULL, _IONBF, 0);

    if (strcmp(argv[1], "send") == 0) {
        if (argc < 5) {
            return usage();
        }
        long long mtype = parse_ll(argv[3], &ok);
        if (!ok) {
            return usage();
        }
        const char *hex = strcmp(argv[4], "-") == 0 ? "" : argv[4];
        size_t hlen = strlen(hex);
        if (hlen % 2 != 0) {
            return usage();
        }
        size_t len = hlen / 2;
        struct peer_msg *m = malloc(sizeof(long) + len + 1);
        if (m == NULL) {
            return 1;
        }
        m->mtype = (long) mtype;
        for (size_t i = 0; i < len; i++) {
            unsigned int byte;
            if (sscanf(hex + 2 * i, "%2x", &byte) != 1) {
                return usage();
            }
            m->mtext[i] = (char) byte;
        }
        int flags = (argc > 5 && strcmp(argv[5], "nowait") == 0) ? IPC_NOWAIT : 0;
        if ((rc = open_queue(argv[2], &qid)) != 0) {
            return rc;
        }
        if (msgsnd(qid, m, len, flags) < 0) {
            int e = errno;
            printf("send failed: errno %d (%s)\n", e, strerror(e));
            free(m);
            return 1;
        }
        printf("sent %zu bytes\n", len);
        free(m);
        return 0;
    }

    if (strcmp(argv[1], "recv") == 0) {
        if (argc < 5) {
            return usage();
        }
        long long msgtyp = parse_ll(argv[3], &ok);
        if (!ok) {
            return usage();
        }
        long long maxsize = parse_ll(argv[4], &ok);
        if (!ok || maxsize < 0) {
            return usage();
        }
        int flags = 0;
        for (int i = 5; i < argc; i++) {
            if (strcmp(argv[i], "nowait") == 0) {
                flags |= IPC_NOWAIT;
            } else if (strcmp(argv[i], "noerror") == 0) {
                flags |= MSG_NOERROR;
            } else if (strcmp(argv[i], "except") == 0) {
                flags |= MSG_EXCEPT;
            } else {
                return usage();
            }
        }
        if ((rc = open_queue(argv[2], &qid)) != 0) {
            return rc;
        }
        return do_recv(qid, (long) msgtyp, (size_t) maxsize, flags);
    }

    if (strcmp(argv[1], "drain") == 0) {
        if (argc < 4) {
            return usage();
        }
        long long maxsize = parse_ll(argv[3], &ok);
        if (!ok || maxsize < 0) {
            return usage();
        }
        if ((rc = open_queue(argv[2], &qid)) != 0) {
            return rc;
        }
        int count = 0;
        while (do_recv(qid, 0, (size_t) maxsize, IPC_NOWAIT) == 0) {
            count++;
        }
        printf("drained %d\n", count);
        return 0;
    }

    return usage();
}
