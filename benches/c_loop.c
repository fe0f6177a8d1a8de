/* The kernel's share of a same-process send+receive pair: msgsnd + msgrcv in a C loop on a
 * private queue. Prints pairs per second. Usage: c_loop <payload bytes> <pairs> */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/msg.h>
#include <time.h>

struct msg { long mtype; char text[8192]; };

int main(int argc, char **argv)
{
    size_t size = argc > 1 ? (size_t)atol(argv[1]) : 16;
    long pairs = argc > 2 ? atol(argv[2]) : 1000000;
    static struct msg out, in;
    int q = msgget(IPC_PRIVATE, IPC_CREAT | 0600);
    if (q < 0 || size > sizeof out.text) { perror("msgget"); return 1; }
    out.mtype = 1;
    memset(out.text, 'x', size);
    struct timespec a, b;
    clock_gettime(CLOCK_MONOTONIC, &a);
    for (long i = 0; i < pairs; i++) {
        if (msgsnd(q, &out, size, 0) < 0 || msgrcv(q, &in, sizeof in.text, 0, 0) < 0) { perror("msg"); break; }
    }
    clock_gettime(CLOCK_MONOTONIC, &b);
    msgctl(q, IPC_RMID, NULL);
    double dt = (double)(b.tv_sec - a.tv_sec) + (double)(b.tv_nsec - a.tv_nsec) / 1e9;
    printf("%.0f\n", (double)pairs / dt);
    return 0;
}
