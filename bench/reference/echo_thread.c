/*
 * echo_thread.c - reference server of bench/anchors.sh: a thread per connection.
 *
 * Usage: echo_thread PORT        (listens on 127.0.0.1 only)
 *
 * The main thread accepts; every connection gets a detached thread that writes back each
 * chunk it reads, as it reads it, until the client closes (echoing bytes as they come echoes
 * lines too). Nothing else: no lock, no counter, no printing per line, so it costs what a
 * thread per connection costs in C and no more. SIGTERM ends it.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

/* A listening socket on 127.0.0.1:port; exits if it cannot have one. */
static int listen_on(int port)
{
    struct sockaddr_in addr = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };
    int fd = socket(AF_INET, SOCK_STREAM, 0), on = 1;

    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (fd < 0 || setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on) < 0
        || bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 1024) < 0) {
        perror("echo_thread: listen");
        exit(1);
    }
    return fd;
}

/* Writes all n bytes; -1 if the connection failed. */
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

/* One connection: read, write back, until the client closes or an error. */
static void *serve(void *arg)
{
    int fd = (int)(intptr_t)arg;
    char buf[16384];
    ssize_t n;

    for (;;) {
        n = read(fd, buf, sizeof buf);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0 || write_all(fd, buf, (size_t)n) < 0)
            break;
    }
    close(fd);
    return NULL;
}

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: echo_thread PORT\n");
        return 2;
    }
    int port = atoi(argv[1]), listenfd = listen_on(port);
    pthread_attr_t attr;

    signal(SIGPIPE, SIG_IGN);           /* a client that leaves must not kill the server */
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);   /* nobody joins them */
    fprintf(stderr, "echo_thread listening on 127.0.0.1:%d\n", port);
    for (;;) {
        int fd = accept(listenfd, NULL, NULL);
        pthread_t tid;
        if (fd < 0) {
            if (errno != EINTR && errno != ECONNABORTED) {
                perror("echo_thread: accept");
                usleep(10000);          /* out of descriptors, say: do not spin */
            }
            continue;
        }
        if (pthread_create(&tid, &attr, serve, (void *)(intptr_t)fd) != 0) {
            fprintf(stderr, "echo_thread: no thread for a connection: closed\n");
            close(fd);
        }
    }
}
