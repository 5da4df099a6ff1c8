/*
 * echo_helpers.c - see echo_helpers.h.
 */
#include "echo_helpers.h"

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int parse_port(int argc, char **argv)
{
    char *end;
    long port;

    if (argc != 2) {
        fprintf(stderr, "usage: %s PORT\n", argv[0]);
        exit(2);
    }
    port = strtol(argv[1], &end, 10);
    if (*argv[1] == '\0' || *end != '\0' || port < 1 || port > 65535) {
        fprintf(stderr, "%s: bad port '%s'\n", argv[0], argv[1]);
        exit(2);
    }
    return (int)port;
}

int open_listenfd(int port)
{
    int listenfd, optval = 1;
    struct sockaddr_in addr;

    if ((listenfd = socket(AF_INET, SOCK_STREAM, 0)) < 0) {
        perror("socket");
        exit(1);
    }
    /* Lets us restart the server at once on the same port, instead of
     * waiting for the old connections' TIME_WAIT to run out. */
    if (setsockopt(listenfd, SOL_SOCKET, SO_REUSEADDR, &optval, sizeof optval) < 0) {
        perror("setsockopt");
        exit(1);
    }
    memset(&addr, 0, sizeof addr);
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    addr.sin_port = htons((unsigned short)port);
    if (bind(listenfd, (struct sockaddr *)&addr, sizeof addr) < 0) {
        perror("bind");
        exit(1);
    }
    /* 1024: clients that arrive while we are busy wait in the kernel's
     * backlog instead of being refused. */
    if (listen(listenfd, 1024) < 0) {
        perror("listen");
        exit(1);
    }
    return listenfd;
}

void announce(int port)
{
    printf("listening on port %d\n", port);
    fflush(stdout);
}

size_t message_length(const char *buf, size_t len)
{
    size_t i;

    for (i = 0; i + TERMINATOR_LEN <= len; i++)
        if (memcmp(buf + i, TERMINATOR, TERMINATOR_LEN) == 0)
            return i + TERMINATOR_LEN;
    return 0;
}

ssize_t write_all(int fd, const void *buf, size_t n)
{
    const char *p = buf;
    size_t left = n;

    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0) {
            if (errno == EINTR)     /* a signal (e.g. SIGCHLD) came: go on */
                continue;
            return -1;
        }
        p += w;                     /* the socket took only part: write the rest */
        left -= (size_t)w;
    }
    return (ssize_t)n;
}

ssize_t read_message(int connfd, msgbuf_t *mb)
{
    size_t n;

    /* One read may bring part of a message, or more than one message:
     * keep reading until the first one is complete. */
    while ((n = message_length(mb->buf, mb->len)) == 0) {
        ssize_t r;
        if (mb->len == MAXMSG)      /* full and still no end: send this piece */
            return (ssize_t)mb->len;
        r = read(connfd, mb->buf + mb->len, MAXMSG - mb->len);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        if (r == 0)                 /* the client closed its end */
            return 0;
        mb->len += (size_t)r;
    }
    return (ssize_t)n;
}

void drop_message(msgbuf_t *mb, size_t n)
{
    memmove(mb->buf, mb->buf + n, mb->len - n);
    mb->len -= n;
}

ssize_t serve_message(int connfd, msgbuf_t *mb)
{
    ssize_t n = read_message(connfd, mb);

    if (n <= 0)
        return n;
    if (write_all(connfd, mb->buf, (size_t)n) < 0)
        return -1;
    drop_message(mb, (size_t)n);
    return n;
}

void echo_client(int connfd, message_hook on_message)
{
    ssize_t n;
    /* On the heap: 128 KiB is too big to be polite on a thread's stack. */
    msgbuf_t *mb = malloc(sizeof *mb);

    if (mb == NULL) {
        perror("malloc");
        return;
    }
    mb->len = 0;
    while ((n = serve_message(connfd, mb)) > 0)
        if (on_message != NULL)
            on_message((size_t)n);
    free(mb);
}
