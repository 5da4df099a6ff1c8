/*
 * pool_shared_slot.c - a pool of worker threads, WITH A MISTAKE.
 *
 * The mistake: the acceptor hands connfd to the workers through ONE
 *   shared variable, connfd_slot, instead of a queue. It writes the new
 *   fd there and posts "items", but it does not wait for a worker to
 *   have read the slot before it writes the next fd over it.
 * What it causes: under a burst of clients, by the time a woken worker
 *   reads the slot the acceptor has already overwritten it. Several
 *   workers read the same fd (that client is served twice: two workers
 *   read and echo on one connection), and the fds that were overwritten
 *   are never read by anyone: those clients are orphaned, connected but
 *   never answered.
 * The fix: give every fd its own place until a worker has taken it: the
 *   sbuf queue of pool.c (or make the acceptor wait on a second
 *   semaphore until the worker has copied the slot).
 *
 * Everything else is as in pool.c.
 *
 * Usage: ./pool_shared_slot PORT
 * Prints "echoed N bytes" after every message (N: total so far).
 */
#include "echo_helpers.h"

#include <errno.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

#define NTHREADS  8
#define MAXFD     1024

static int connfd_slot;                 /* MISTAKE: one slot for all hand-offs */
static sem_t items;                     /* how many fds were handed off */

/* Two workers may end up on one fd. Only the last of them may close it:
 * a second close could hit a new client that got the same fd number.
 * (This is damage control for the example, not part of the fix.) */
static int users[MAXFD];                /* workers currently serving each fd */
static pthread_mutex_t users_lock = PTHREAD_MUTEX_INITIALIZER;

static size_t total;                    /* shared by all workers */
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void count_message(size_t bytes)
{
    size_t seen;

    pthread_mutex_lock(&total_lock);
    seen = total;                       /* read */
    usleep(200);                        /* a slow step between read and write */
    total = seen + bytes;               /* write */
    printf("echoed %zu bytes\n", total);
    pthread_mutex_unlock(&total_lock);
}

static void *worker(void *vargp)
{
    (void)vargp;
    pthread_detach(pthread_self());
    for (;;) {
        int connfd, last;

        while (sem_wait(&items) < 0 && errno == EINTR)
            ;
        /* Stands for the moment a real worker is descheduled between
         * waking up and reading the slot. Meanwhile the acceptor runs on. */
        usleep(2000);
        connfd = connfd_slot;           /* may already hold a newer fd */

        pthread_mutex_lock(&users_lock);
        users[connfd]++;
        pthread_mutex_unlock(&users_lock);

        echo_client(connfd, count_message);

        pthread_mutex_lock(&users_lock);
        last = (--users[connfd] == 0);
        pthread_mutex_unlock(&users_lock);
        if (last)
            close(connfd);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    int port = parse_port(argc, argv);
    int listenfd, connfd, i;
    pthread_t tid;

    setvbuf(stdout, NULL, _IOLBF, 0);   /* stdout may be a pipe: print line by line */
    signal(SIGPIPE, SIG_IGN);           /* a client that leaves must not kill us */

    sem_init(&items, 0, 0);
    for (i = 0; i < NTHREADS; i++)
        if (pthread_create(&tid, NULL, worker, NULL) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            exit(1);
        }

    listenfd = open_listenfd(port);
    announce(port);

    for (;;) {
        connfd = accept(listenfd, NULL, NULL);
        if (connfd < 0) {
            if (errno != EINTR)
                perror("accept");
            continue;
        }
        if (connfd >= MAXFD) {          /* keeps users[] in bounds */
            close(connfd);
            continue;
        }
        connfd_slot = connfd;           /* MISTAKE: overwrites an fd no worker has read yet */
        sem_post(&items);
    }
}
