/*
 * threads_total_unprotected.c - a thread per client, WITH A MISTAKE.
 *
 * The mistake: the shared total is updated without the mutex.
 * What it causes: two threads can both read the same old total, each add
 *   their own bytes and write back: the second write wipes out the first
 *   (a lost update). With several clients at once the printed total ends
 *   up smaller than the bytes actually echoed. The usleep between read
 *   and write just widens a window that is always there.
 * The fix: hold a mutex from the read to the write (see threads.c).
 *
 * Everything else is as in threads.c.
 *
 * Usage: ./threads_total_unprotected PORT
 * Prints "echoed N bytes" after every message (N: total so far).
 */
#include "echo_helpers.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

static size_t total;                    /* shared by all threads */

static void count_message(size_t bytes)
{
    size_t seen;

    /* MISTAKE: no lock around read - modify - write. */
    seen = total;                       /* read */
    usleep(200);                        /* a slow step between read and write:
                                           another thread reads the same
                                           old value meanwhile */
    total = seen + bytes;               /* write: may overwrite theirs */
    printf("echoed %zu bytes\n", seen + bytes);
}

static void *thread(void *vargp)
{
    int connfd = *(int *)vargp;

    free(vargp);
    /* Detached: nobody joins this thread, so the system frees it when it
     * returns. */
    pthread_detach(pthread_self());
    echo_client(connfd, count_message);
    close(connfd);
    return NULL;
}

int main(int argc, char **argv)
{
    int port = parse_port(argc, argv);
    int listenfd, *connfdp;
    pthread_t tid;

    setvbuf(stdout, NULL, _IOLBF, 0);   /* stdout may be a pipe: print line by line */
    signal(SIGPIPE, SIG_IGN);           /* a client that leaves must not kill us */

    listenfd = open_listenfd(port);
    announce(port);

    for (;;) {
        /* Each thread gets its own malloc'd copy of connfd. Passing &connfd
         * of a single variable would race: the next accept could overwrite
         * it before the thread has read it. */
        connfdp = malloc(sizeof *connfdp);
        if (connfdp == NULL) {
            perror("malloc");
            exit(1);
        }
        *connfdp = accept(listenfd, NULL, NULL);
        if (*connfdp < 0) {
            if (errno != EINTR)
                perror("accept");
            free(connfdp);
            continue;
        }
        if (pthread_create(&tid, NULL, thread, connfdp) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            close(*connfdp);
            free(connfdp);
        }
    }
}
