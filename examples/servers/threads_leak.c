/*
 * threads_leak.c - a thread per client, WITH A MISTAKE.
 *
 * The mistake: when its client has left, the thread does not end. It
 *   waits for a "shutdown" that no one ever announces: joinable or not,
 *   a thread that never returns is never freed.
 * What it causes: one more thread for every client served, each holding
 *   its stack (8 MiB of address space by default); watch "Threads:" in
 *   /proc/PID/status grow until pthread_create fails.
 * The fix: return from the thread function once the client is done
 *   (and detach it, or join it), as in threads.c.
 *
 * Everything else is as in threads.c.
 *
 * Usage: ./threads_leak PORT
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

/* Meant to tell the threads the server is stopping. Nothing ever sets it. */
static int shutting_down;
static pthread_mutex_t shutdown_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t shutdown_cond = PTHREAD_COND_INITIALIZER;

static void *thread(void *vargp)
{
    int connfd = *(int *)vargp;

    free(vargp);
    /* Detached: nobody joins this thread, so the system frees it when it
     * returns. */
    pthread_detach(pthread_self());
    echo_client(connfd, count_message);
    close(connfd);

    /* MISTAKE: the client is gone, but the thread waits for a shutdown
     * that never comes instead of returning: it never ends. */
    pthread_mutex_lock(&shutdown_lock);
    while (!shutting_down)
        pthread_cond_wait(&shutdown_cond, &shutdown_lock);
    pthread_mutex_unlock(&shutdown_lock);
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
