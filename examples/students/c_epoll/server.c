/*
 * c_epoll - a single-threaded event loop with epoll.
 *
 * One thread watches the listening socket and every client with epoll. All sockets are
 * non-blocking, so no call ever waits: a read takes what has arrived, a write sends what the
 * socket takes now. What a client's socket did not take waits in that client's output buffer;
 * while it is not empty we watch the socket for EPOLLOUT (room to write) instead of EPOLLIN, so a
 * client that sends a lot without reading cannot make us buffer without end.
 *
 * Build: cc -Wall -Wextra -O2 -o server server.c      Run: ./server PORT
 * Framing: any (bytes are echoed as they arrive). The total is a plain long: one thread, no lock.
 */
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAXFD 65536

struct conn {                       /* bytes read from a client and not yet written back */
    char *out;
    size_t len, cap;
    int closing;                    /* the client sent EOF: close once the buffer is written */
};

static struct conn conns[MAXFD];
static long total;
static int epfd;

static void set_nonblocking(int fd)
{
    fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
}

static void watch(int fd, unsigned events, int op)
{
    struct epoll_event ev = { .events = events, .data.fd = fd };
    epoll_ctl(epfd, op, fd, &ev);
}

static void drop(int fd)
{
    epoll_ctl(epfd, EPOLL_CTL_DEL, fd, NULL);
    close(fd);
    free(conns[fd].out);
    memset(&conns[fd], 0, sizeof conns[fd]);
}

/* Write what is pending; returns -1 when the client is gone. */
static int flush_out(int fd)
{
    struct conn *c = &conns[fd];
    size_t sent = 0;

    while (sent < c->len) {
        ssize_t w = write(fd, c->out + sent, c->len - sent);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;              /* the socket is full: wait for EPOLLOUT */
            return -1;
        }
        sent += (size_t)w;
    }
    if (sent > 0) {
        total += (long)sent;
        printf("echoed %ld bytes\n", total);
        memmove(c->out, c->out + sent, c->len - sent);
        c->len -= sent;
    }
    if (c->len == 0 && c->closing)
        return -1;                  /* all echoed, and the client is done: close */
    /* something left: wait until we can write; else read again */
    watch(fd, c->len > 0 ? EPOLLOUT : EPOLLIN, EPOLL_CTL_MOD);
    return 0;
}

/* Read what has arrived into the output buffer, then try to send it. */
static int on_readable(int fd)
{
    struct conn *c = &conns[fd];

    for (;;) {
        ssize_t n;
        if (c->cap - c->len < 8192) {
            size_t cap = c->cap ? c->cap * 2 : 16384;
            char *p = realloc(c->out, cap);
            if (p == NULL)
                return -1;
            c->out = p;
            c->cap = cap;
        }
        n = read(fd, c->out + c->len, c->cap - c->len);
        if (n == 0) {               /* the client closed its end: echo what we have, then close */
            c->closing = 1;
            break;
        }
        if (n < 0) {
            if (errno == EINTR)
                continue;
            if (errno == EAGAIN || errno == EWOULDBLOCK)
                break;              /* nothing more for now */
            return -1;
        }
        c->len += (size_t)n;
        if (c->len >= 65536)
            break;                  /* enough: send this before reading more */
    }
    return flush_out(fd);
}

int main(int argc, char **argv)
{
    int listenfd, one = 1;
    struct sockaddr_in addr;
    struct epoll_event events[64];

    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        return 2;
    }
    signal(SIGPIPE, SIG_IGN);       /* a write to a vanished client: EPIPE, not death */
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
    set_nonblocking(listenfd);
    epfd = epoll_create1(0);
    watch(listenfd, EPOLLIN, EPOLL_CTL_ADD);
    printf("listening on port %s\n", argv[1]);

    for (;;) {
        int i, n = epoll_wait(epfd, events, 64, -1);
        for (i = 0; i < n; i++) {
            int fd = events[i].data.fd;
            if (fd == listenfd) {
                int connfd;
                /* take every client that is waiting */
                while ((connfd = accept(listenfd, NULL, NULL)) >= 0) {
                    if (connfd >= MAXFD) {
                        close(connfd);
                        continue;
                    }
                    set_nonblocking(connfd);
                    watch(connfd, EPOLLIN, EPOLL_CTL_ADD);
                }
            } else if (events[i].events & EPOLLOUT) {
                if (flush_out(fd) < 0)
                    drop(fd);
            } else if (events[i].events & (EPOLLIN | EPOLLHUP | EPOLLERR)) {
                if (on_readable(fd) < 0)
                    drop(fd);
            }
        }
    }
}
