/*
 * threads.c - a thread per client (CS:APP's echoservert.c).
 *
 * The main thread accepts; every client gets its own thread, which
 * serves it and ends. The threads share one memory, so they can keep a
 * shared total of bytes echoed, and a mutex makes its updates safe.
 *
 * Usage: ./threads PORT
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
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void count_message(size_t bytes)
{
    size_t seen;

    pthread_mutex_lock(&total_lock);
    seen = total;                       /* read */
    usleep(200);                        /* a slow step between read and write:
                                           it makes the race easy to see when
                                           the lock is missing */
    total = seen + bytes;               /* write */
    /* Print while still holding the lock, so the totals come out in order. */
    printf("echoed %zu bytes\n", total);
    pthread_mutex_unlock(&total_lock);
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
