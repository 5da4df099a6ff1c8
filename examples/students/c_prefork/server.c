/*
 * c_prefork - a preforked echo server.
 *
 * The parent opens the listening socket once, then forks NCHILDREN children. Every child blocks in
 * accept() on that same socket (the kernel hands each new connection to one of them) and serves
 * its client until the client leaves, then goes back to accept(). The parent only waits.
 * Four children = at most four clients at a time; the others wait in the listen backlog.
 *
 * Build: cc -Wall -Wextra -O2 -o server server.c      Run: ./server PORT
 * Framing: any (every byte read is written back at once, so "\n" lines work, split or not).
 */
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#define NCHILDREN 4

/* write() may take only part of the buffer: loop until all of it is sent. */
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

/* Echo until the client closes its end (read returns 0) or an error. */
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
    }
}

static void child_loop(int listenfd)
{
    for (;;) {
        int connfd = accept(listenfd, NULL, NULL);
        if (connfd < 0)
            continue;               /* e.g. EINTR, or the client gave up: keep accepting */
        echo(connfd);
        close(connfd);              /* one client at a time per child */
    }
}

int main(int argc, char **argv)
{
    int listenfd, one = 1, i;
    struct sockaddr_in addr;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    /* A client that leaves while we write would otherwise kill us with SIGPIPE. */
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
    printf("listening on port %s\n", argv[1]);
    fflush(stdout);                 /* stdout to a pipe is block-buffered: push the line out now */

    for (i = 0; i < NCHILDREN; i++) {
        pid_t pid = fork();
        if (pid < 0) {
            perror("fork");
            return 1;
        }
        if (pid == 0) {
            child_loop(listenfd);   /* never returns */
            _exit(0);
        }
    }
    close(listenfd);                /* the parent never accepts: only the children hold the socket */
    /* The parent waits for its children (they run until the server is stopped); wait() also reaps. */
    while (wait(NULL) > 0 || errno == EINTR)
        ;
    return 0;
}
