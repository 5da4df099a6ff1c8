/*
 * pool_spin.c - a pool of worker threads, WITH A MISTAKE.
 *
 * The mistake: an idle worker does not sleep until there is work; it
 *   checks the queue over and over (busy-waiting, polling), with no
 *   "items" semaphore to wait on.
 * What it causes: every answer is still right, but each idle worker
 *   keeps a CPU core busy: a server with no clients at all shows 100%
 *   CPU per core in top, and the spinning workers take CPU time from
 *   the ones that have work.
 * The fix: count the waiting fds in a semaphore (items) and sem_wait on
 *   it; the kernel wakes the worker when there is something to take
 *   (see pool.c). A condition variable would do as well.
 *
 * Everything else is as in pool.c.
 *
 * Usage: ./pool_spin PORT
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
#define SBUFSIZE  5

typedef struct {
    int buf[SBUFSIZE];  /* the connfds waiting for a worker */
    int front;          /* buf[front % SBUFSIZE] is the oldest */
    int rear;           /* buf[(rear - 1) % SBUFSIZE] is the newest */
    int count;          /* how many fds are waiting */
    sem_t mutex;
    sem_t slots;
} sbuf_t;

static sbuf_t sbuf;

/* sem_wait that is not cut short by a signal. */
static void P(sem_t *s)
{
    while (sem_wait(s) < 0 && errno == EINTR)
        ;
}

static void V(sem_t *s)
{
    sem_post(s);
}

static void sbuf_init(sbuf_t *sp)
{
    sp->front = sp->rear = sp->count = 0;
    sem_init(&sp->mutex, 0, 1);
    sem_init(&sp->slots, 0, SBUFSIZE);  /* all places free at the start */
}

/* Producer: wait for a free place, then put connfd at the rear. */
static void sbuf_insert(sbuf_t *sp, int connfd)
{
    P(&sp->slots);
    P(&sp->mutex);
    sp->buf[(sp->rear++) % SBUFSIZE] = connfd;
    sp->count++;
    V(&sp->mutex);
}

/* Consumer: take the fd at the front, as soon as there is one. */
static int sbuf_remove(sbuf_t *sp)
{
    int connfd;

    /* MISTAKE: polling. Lock, look, unlock, again and again, without
     * ever sleeping: this loop burns CPU for as long as the queue is empty. */
    for (;;) {
        P(&sp->mutex);
        if (sp->count > 0) {
            connfd = sp->buf[(sp->front++) % SBUFSIZE];
            sp->count--;
            V(&sp->mutex);
            break;
        }
        V(&sp->mutex);
    }
    V(&sp->slots);
    return connfd;
}

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
    for (;;) {                          /* a worker serves client after client */
        int connfd = sbuf_remove(&sbuf);
        echo_client(connfd, count_message);
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

    sbuf_init(&sbuf);
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
        sbuf_insert(&sbuf, connfd);     /* waits while all 5 places are taken */
    }
}
