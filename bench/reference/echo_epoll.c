/*
 * echo_epoll.c - reference server of bench/anchors.sh: one thread, epoll, non-blocking sockets.
 *
 * Usage: echo_epoll PORT         (listens on 127.0.0.1 only)
 *
 * One loop waits on every socket at once (level-triggered). A readable connection is read
 * once and what came is written straight back; what the socket does not take at once is kept,
 * and the connection is watched for writability instead of readability until it has gone, so
 * a client that does not read cannot make the server hold more than one buffer for it. No
 * printing per line, no counter. SIGTERM ends it.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

struct conn {
    int fd;
    size_t off, len;                    /* buf[off..len) still to be written back */
    char buf[16384];
};

static int epfd;

/* A non-blocking listening socket on 127.0.0.1:port; exits if it cannot have one. */
static int listen_on(int port)
{
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0), on = 1;

    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0
        || bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 1024) < 0) {
        perror("echo_epoll: listen");
        exit(1);
    }
    return fd;
}

static void watch(int op, int fd, unsigned events, void *ptr)
{
    struct epoll_event ev = { .events = events, .data.ptr = ptr };

    if (epoll_ctl(epfd, op, fd, &ev) < 0) {
        perror("echo_epoll: epoll_ctl");
        exit(1);
    }
}

static void drop(struct conn *c)
{
    close(c->fd);                       /* also takes it out of the epoll set */
    free(c);
}

/* Accepts every connection waiting in the backlog. */
static void on_accept(int listenfd)
{
    for (;;) {
        int fd = accept4(listenfd, NULL, NULL, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR && errno != ECONNABORTED)
                perror("echo_epoll: accept");
            return;
        }
        struct conn *c = malloc(sizeof *c);
        if (c == NULL) {
            close(fd);
            continue;
        }
        c->fd = fd;
        c->off = c->len = 0;
        watch(EPOLL_CTL_ADD, fd, EPOLLIN, c);
    }
}

/* Writes back what is pending; 0 when all has gone, 1 when some is left, -1 on an error. */
static int flush(struct conn *c)
{
    while (c->off < c->len) {
        ssize_t n = write(c->fd, c->buf + c->off, c->len - c->off);
        if (n < 0) {
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                return 1;
            if (errno == EINTR)
                continue;
            return -1;
        }
        c->off += (size_t)n;
    }
    c->off = c->len = 0;
    return 0;
}

static void on_readable(struct conn *c)
{
    ssize_t n = read(c->fd, c->buf, sizeof c->buf);
    int left;

    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
        return;
    if (n <= 0) {                       /* the client closed, or an error */
        drop(c);
        return;
    }
    c->len = (size_t)n;
    left = flush(c);
    if (left < 0)
        drop(c);
    else if (left > 0)                  /* the client reads slowly: wait until it has room */
        watch(EPOLL_CTL_MOD, c->fd, EPOLLOUT, c);
}

static void on_writable(struct conn *c)
{
    int left = flush(c);

    if (left < 0)
        drop(c);
    else if (left == 0)                 /* all gone: read again */
        watch(EPOLL_CTL_MOD, c->fd, EPOLLIN, c);
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: echo_epoll PORT\n");
        return 2;
    }
    int port = atoi(argv[1]), listenfd = listen_on(port);
    struct epoll_event evs[64];

    signal(SIGPIPE, SIG_IGN);           /* a client that leaves must not kill the server */
    epfd = epoll_create1(EPOLL_CLOEXEC);
    if (epfd < 0) {
        perror("echo_epoll: epoll_create1");
        return 1;
    }
    watch(EPOLL_CTL_ADD, listenfd, EPOLLIN, NULL);     /* NULL marks the listening socket */
    fprintf(stderr, "echo_epoll listening on 127.0.0.1:%d\n", port);
    for (;;) {
        int n = epoll_wait(epfd, evs, 64, -1);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            perror("echo_epoll: epoll_wait");
            return 1;
        }
        for (int i = 0; i < n; i++) {
            struct conn *c = evs[i].data.ptr;
            if (c == NULL)
                on_accept(listenfd);
            else if (c->off < c->len)
                on_writable(c);
            else
                on_readable(c);
        }
    }
}
