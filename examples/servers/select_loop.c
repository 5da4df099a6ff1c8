/*
 * select_loop.c - an event loop: one thread, select() (CS:APP's
 * echoservers).
 *
 * No processes, no threads: one loop asks select() which descriptors
 * are ready, then does only the work that will not block waiting for a
 * client: accept when listenfd is ready, one read when a connection is
 * ready. Each connection keeps its own buffer, because a read may bring
 * half a message: the rest arrives in a later turn of the loop.
 *
 * Simplification: replies are written with a plain (blocking) write. A
 * client that sends but never reads could stall the whole loop once the
 * socket's send buffer is full; a real server would keep the unsent
 * bytes and wait for the fd to be writable too.
 *
 * Usage: ./select_loop PORT
 * Prints "echoed N bytes" after every message (N: total so far).
 */
#include "echo_helpers.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/select.h>
#include <sys/socket.h>
#include <unistd.h>

/* One thread: no lock needed for the total. */
static size_t total;

/* conn[fd] is that connection's buffer, NULL if fd is not a client. */
static msgbuf_t *conn[FD_SETSIZE];

static void close_client(int connfd, fd_set *all)
{
    close(connfd);
    FD_CLR(connfd, all);
    free(conn[connfd]);
    conn[connfd] = NULL;
}

/* connfd is ready: read what is there (this will not block), then echo
 * every message that is now complete. */
static void serve_ready(int connfd, fd_set *all)
{
    msgbuf_t *mb = conn[connfd];
    size_t n;
    ssize_t r;

    r = read(connfd, mb->buf + mb->len, MAXMSG - mb->len);
    if (r < 0 && errno == EINTR)
        return;                         /* select will report it again */
    if (r <= 0) {                       /* 0: the client left; < 0: error */
        close_client(connfd, all);
        return;
    }
    mb->len += (size_t)r;

    /* A full buffer with no end in it is sent as one piece. */
    while ((n = message_length(mb->buf, mb->len)) > 0 || mb->len == MAXMSG) {
        if (n == 0)
            n = mb->len;
        if (write_all(connfd, mb->buf, n) < 0) {
            close_client(connfd, all);
            return;
        }
        drop_message(mb, n);
        total += n;
        printf("echoed %zu bytes\n", total);
    }
}

int main(int argc, char **argv)
{
    int port = parse_port(argc, argv);
    int listenfd, connfd, fd, maxfd, nready;
    fd_set all, ready;

    setvbuf(stdout, NULL, _IOLBF, 0);   /* stdout may be a pipe: print line by line */
    signal(SIGPIPE, SIG_IGN);           /* a client that leaves must not kill us */

    listenfd = open_listenfd(port);
    announce(port);

    FD_ZERO(&all);
    FD_SET(listenfd, &all);
    maxfd = listenfd;

    for (;;) {
        ready = all;                    /* select overwrites its argument */
        nready = select(maxfd + 1, &ready, NULL, NULL, NULL);
        if (nready < 0) {
            if (errno != EINTR)
                perror("select");
            continue;
        }

        if (FD_ISSET(listenfd, &ready)) {   /* a new client is waiting */
            connfd = accept(listenfd, NULL, NULL);
            if (connfd < 0) {
                if (errno != EINTR)
                    perror("accept");
            } else if (connfd >= FD_SETSIZE) {  /* select cannot watch it */
                fprintf(stderr, "too many clients\n");
                close(connfd);
            } else {
                conn[connfd] = malloc(sizeof(msgbuf_t));
                if (conn[connfd] == NULL) {
                    perror("malloc");
                    close(connfd);
                } else {
                    conn[connfd]->len = 0;
                    FD_SET(connfd, &all);
                    if (connfd > maxfd)
                        maxfd = connfd;
                }
            }
        }

        for (fd = 0; fd <= maxfd; fd++)     /* every client with data */
            if (fd != listenfd && conn[fd] != NULL && FD_ISSET(fd, &ready))
                serve_ready(fd, &all);
    }
}
