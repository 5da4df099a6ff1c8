/*
 * pool.c - a pool of worker threads fed through an sbuf (CS:APP's
 * echoservert-pre.c).
 *
 * The workers are created once, at the start. The main thread accepts
 * and puts each connfd into sbuf, a small circular queue; a free worker
 * takes it out and serves that client. This is the producer-consumer
 * pattern with three semaphores:
 *   mutex  lets one thread at a time touch the queue,
 *   slots  counts free places  (the producer waits on it when full),
 *   items  counts waiting fds  (a worker sleeps on it when empty).
 *
 * Usage: ./pool PORT
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
    sem_t mutex;
    sem_t slots;
    sem_t items;
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
    sp->front = sp->rear = 0;
    sem_init(&sp->mutex, 0, 1);
    sem_init(&sp->slots, 0, SBUFSIZE);  /* all places free at the start */
    sem_init(&sp->items, 0, 0);         /* nothing to take yet */
}

/* Producer: wait for a free place, then put connfd at the rear. */
static void sbuf_insert(sbuf_t *sp, int connfd)
{
    P(&sp->slots);
    P(&sp->mutex);
    sp->buf[(sp->rear++) % SBUFSIZE] = connfd;
    V(&sp->mutex);
    V(&sp->items);
}

/* Consumer: sleep until there is an fd, then take it from the front. */
static int sbuf_remove(sbuf_t *sp)
{
    int connfd;

    P(&sp->items);
    P(&sp->mutex);
    connfd = sp->buf[(sp->front++) % SBUFSIZE];
    V(&sp->mutex);
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
