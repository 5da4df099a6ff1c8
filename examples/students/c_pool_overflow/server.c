/*
 * c_pool_overflow - a thread pool of 8 (the sbuf of the lecture), with ONE MISTAKE.
 *
 * THE MISTAKE: echo_request() reads a request into `char buf[MAXBUF]` (1,025 bytes, "big enough
 * for a request") with read(connfd, buf + n, 4096): nothing stops n from passing the end of buf.
 * WHAT IT CAUSES: a request over 1 KiB (EchoLab sends one of 4 KiB) is written past the buffer,
 * over the stack canary, the return address and the frames above: when echo_request returns, the
 * stack protector sees it ("*** stack smashing detected ***") and aborts the whole server (SIGABRT),
 * or the corrupted stack makes it crash with SIGSEGV. Every client of every worker is lost with it.
 * THE FIX: never read more than the room left: read(connfd, buf + n, sizeof buf - n), and when
 * the buffer is full without a blank line, send that piece and go on (or grow the buffer).
 *
 * Otherwise correct: 8 workers started up front, a queue of 16 slots guarded by a mutex and two
 * counting semaphores (slots, items), every byte written back.
 *
 * Build: cc -Wall -O2 -fstack-protector-strong -U_FORTIFY_SOURCE -pthread -o server server.c
 * Run: ./server PORT      Framing: blank-line (a request ends with "\r\n\r\n"), as the starter code.
 */
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <semaphore.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define NTHREADS 8
#define SBUFSIZE 16
#define MAXBUF 1025

typedef struct {
    int buf[SBUFSIZE];
    int front, rear;
    sem_t mutex, slots, items;
} sbuf_t;

static sbuf_t sbuf;

static void sbuf_insert(sbuf_t *sp, int item)
{
    sem_wait(&sp->slots);           /* wait for a free slot */
    sem_wait(&sp->mutex);
    sp->buf[(++sp->rear) % SBUFSIZE] = item;
    sem_post(&sp->mutex);
    sem_post(&sp->items);           /* one more item for a worker */
}

static int sbuf_remove(sbuf_t *sp)
{
    int item;
    sem_wait(&sp->items);           /* wait for an item */
    sem_wait(&sp->mutex);
    item = sp->buf[(++sp->front) % SBUFSIZE];
    sem_post(&sp->mutex);
    sem_post(&sp->slots);
    return item;
}

static int write_all(int fd, const char *p, size_t n)
{
    while (n > 0) {
        ssize_t w = write(fd, p, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += w;
        n -= (size_t)w;
    }
    return 0;
}

/* Reads one request, up to the blank line that ends it, and writes it back.
 * Returns 0 when the client has left. */
static int echo_request(int connfd)
{
    char buf[MAXBUF];
    size_t n = 0;

    while (n < 4 || memcmp(buf + n - 4, "\r\n\r\n", 4) != 0) {
        ssize_t r = read(connfd, buf + n, 4096);     /* BUG: 4096, not sizeof buf - n */
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            return 0;
        n += (size_t)r;
    }
    if (write_all(connfd, buf, n) < 0)
        return 0;
    return 1;
}

static void *worker(void *arg)
{
    (void)arg;
    pthread_detach(pthread_self());
    for (;;) {
        int connfd = sbuf_remove(&sbuf);
        while (echo_request(connfd))
            ;
        close(connfd);
    }
    return NULL;
}

int main(int argc, char **argv)
{
    int listenfd, one = 1, i;
    struct sockaddr_in addr;
    pthread_t tid;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);

    listenfd = socket(AF_INET, SOCK_STREAM, 0);
    setsockopt(listenfd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    addr.sin_port = htons((unsigned short)atoi(argv[1]));
    if (bind(listenfd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(listenfd, 1024) < 0) {
        perror("bind/listen");
        return 1;
    }

    sem_init(&sbuf.mutex, 0, 1);
    sem_init(&sbuf.slots, 0, SBUFSIZE);
    sem_init(&sbuf.items, 0, 0);
    for (i = 0; i < NTHREADS; i++)
        pthread_create(&tid, NULL, worker, NULL);

    printf("listening on port %s\n", argv[1]);
    fflush(stdout);

    for (;;) {
        int connfd = accept(listenfd, NULL, NULL);
        if (connfd >= 0)
            sbuf_insert(&sbuf, connfd);
    }
}
