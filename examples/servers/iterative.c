/*
 * iterative.c - an iterative echo server.
 *
 * One client at a time: accept, serve that client until it leaves,
 * close, then accept the next. Simple and correct, but a second client
 * waits in the listen backlog until the first one is done.
 *
 * Usage: ./iterative PORT
 * Prints "echoed N bytes" after every message, N being the total over
 * all messages so far.
 */
#include "echo_helpers.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <sys/socket.h>
#include <unistd.h>

/* Only one thread ever touches it, so no lock is needed. */
static size_t total;

static void count_message(size_t bytes)
{
    total += bytes;
    printf("echoed %zu bytes\n", total);
}

int main(int argc, char **argv)
{
    int port = parse_port(argc, argv);
    int listenfd, connfd;

    setvbuf(stdout, NULL, _IOLBF, 0);   /* stdout may be a pipe: print line by line */
    signal(SIGPIPE, SIG_IGN);           /* a client that leaves must not kill us */

    listenfd = open_listenfd(port);
    announce(port);

    for (;;) {
        connfd = accept(listenfd, NULL, NULL);
        if (connfd < 0) {
            if (errno != EINTR)
                perror("accept");
            continue;
        }
        echo_client(connfd, count_message);
        close(connfd);
    }
}
