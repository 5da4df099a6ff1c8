/*
 * c_launcher - a thread-per-client echo server, started through ./run.sh (see there).
 *
 * main accepts; each client gets a detached thread that echoes until the client leaves, then ends.
 * Every thread adds what it echoed to one total, under a mutex, and prints it.
 *
 * Build: cc -Wall -Wextra -O2 -pthread -o server server.c      Run: ./run.sh PORT
 * Framing: any (every byte read is written back at once).
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

static long total;                  /* bytes echoed, over all clients */
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
        p += w;                     /* a partial write: send the rest */
        n -= (size_t)w;
    }
    return 0;
}

static void *serve(void *arg)
{
    int connfd = *(int *)arg;       /* copy it, then free: each thread has its own connfd */
    char buf[8192];
    ssize_t n;

    free(arg);
    while ((n = read(connfd, buf, sizeof buf)) != 0) {
        if (n < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        if (write_all(connfd, buf, (size_t)n) < 0)
            break;
        /* read-add-print under the lock: no lost update, and the totals print in order */
        pthread_mutex_lock(&total_lock);
        total += n;
        printf("echoed %ld bytes\n", total);
        pthread_mutex_unlock(&total_lock);
    }
    close(connfd);
    return NULL;                    /* detached: its resources go back by themselves */
}

int main(int argc, char **argv)
{
    int listenfd, one = 1;
    struct sockaddr_in addr;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);       /* a vanished client gives EPIPE, not death */
    setvbuf(stdout, NULL, _IOLBF, 0); /* each line shows at once, even through a pipe */

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
        pthread_t tid;
        int *connfdp = malloc(sizeof *connfdp);
        if ((*connfdp = accept(listenfd, NULL, NULL)) < 0) {
            free(connfdp);
            continue;
        }
        if (pthread_create(&tid, NULL, serve, connfdp) != 0) {
            close(*connfdp);
            free(connfdp);
            continue;
        }
        pthread_detach(tid);
    }
}
