/*
 * c_pool_lazy - a thread pool that grows as it is needed, up to MAXWORKERS.
 *
 * main accepts and puts each connfd in a queue (a ring guarded by a mutex, with condition
 * variables for "not empty" and "not full"). It starts a new worker only when a client waits and
 * no worker is idle to take it, and never more than MAXWORKERS. A worker takes a connfd, serves
 * that client until it leaves, then goes back to wait for the next one: workers never end, so a
 * busy moment leaves the pool at its largest, idle, waiting on the condition variable.
 *
 * Build: cc -Wall -Wextra -O2 -pthread -o server server.c      Run: ./server PORT
 * Framing: any (every byte read is written back at once). The total is under a mutex.
 */
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAXWORKERS 8
#define QSIZE 64

static int queue[QSIZE];
static int head, count;             /* count = connfds waiting in the queue */
static int workers, idle;           /* workers started; how many of them wait for a client */
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t not_full = PTHREAD_COND_INITIALIZER;

static long total;
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

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

static void echo(int connfd)
{
    char buf[8192];
    ssize_t n;

    while ((n = read(connfd, buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        if (write_all(connfd, buf, (size_t)n) < 0)
            return;
        pthread_mutex_lock(&total_lock);
        total += n;
        printf("echoed %ld bytes\n", total);
        pthread_mutex_unlock(&total_lock);
    }
}

static void *worker(void *arg)
{
    (void)arg;
    for (;;) {
        int connfd;
        pthread_mutex_lock(&lock);
        idle++;
        while (count == 0)          /* a while, not an if: wake-ups can be spurious */
            pthread_cond_wait(&not_empty, &lock);
        idle--;
        connfd = queue[head];
        head = (head + 1) % QSIZE;
        count--;
        pthread_cond_signal(&not_full);
        pthread_mutex_unlock(&lock);

        echo(connfd);
        close(connfd);
    }
    return NULL;
}

static void add_client(int connfd)
{
    pthread_mutex_lock(&lock);
    while (count == QSIZE)
        pthread_cond_wait(&not_full, &lock);
    queue[(head + count) % QSIZE] = connfd;
    count++;
    /* More clients waiting than idle workers to take them: grow, if we may. (Comparing with the
     * queue's length, not just idle == 0: an idle worker signalled a moment ago has not taken its
     * client yet, and must not be counted twice.) */
    if (count > idle && workers < MAXWORKERS) {
        pthread_t tid;
        if (pthread_create(&tid, NULL, worker, NULL) == 0) {
            pthread_detach(tid);
            workers++;
        }
    }
    pthread_cond_signal(&not_empty);
    pthread_mutex_unlock(&lock);
}

int main(int argc, char **argv)
{
    int listenfd, one = 1;
    struct sockaddr_in addr;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);
    setvbuf(stdout, NULL, _IOLBF, 0);

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
    printf("listening on port %s\n", argv[1]);

    for (;;) {
        int connfd = accept(listenfd, NULL, NULL);
        if (connfd >= 0)
            add_client(connfd);
    }
}
