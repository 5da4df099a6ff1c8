/*
 * echo_truncate.c - a thread per client, WITH A MISTAKE.
 *
 * The mistake: the reply is built in a fixed 1 KiB buffer, and what does
 *   not fit is silently dropped (the bounds check prevents an overflow,
 *   but loses data instead).
 * What it causes: messages up to 1 KiB (terminator included) come back
 *   exactly; a longer one comes back cut to its first bytes plus the
 *   terminator, so the client gets a short echo.
 * The fix: write back the message itself, all n bytes, from the buffer
 *   it was read into (write_all(connfd, mb->buf, n), as serve_message
 *   in echo_helpers.c does); no fixed-size copy.
 *
 * Everything else is as in threads.c. The total counts the bytes really
 * written back.
 *
 * Usage: ./echo_truncate PORT
 * Prints "echoed N bytes" after every message (N: total so far).
 */
#include "echo_helpers.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

static size_t total;                    /* shared by all threads */
static pthread_mutex_t total_lock = PTHREAD_MUTEX_INITIALIZER;

static void count_message(size_t bytes)
{
    size_t seen;

    pthread_mutex_lock(&total_lock);
    seen = total;                       /* read */
    usleep(200);                        /* a slow step between read and write:
                                           it makes the race easy to see when
                                           the lock is missing */
    total = seen + bytes;               /* write */
    /* Print while still holding the lock, so the totals come out in order. */
    printf("echoed %zu bytes\n", total);
    pthread_mutex_unlock(&total_lock);
}

/* Like echo_client in echo_helpers.c, except for how the reply is made. */
static void echo_client_short(int connfd)
{
    msgbuf_t *mb = malloc(sizeof *mb);
    char reply[1024];                   /* MISTAKE: room for 1 KiB only */
    ssize_t n;

    if (mb == NULL) {
        perror("malloc");
        return;
    }
    mb->len = 0;
    while ((n = read_message(connfd, mb)) > 0) {
        size_t body = (size_t)n - TERMINATOR_LEN;   /* the message without its end */
        size_t room = sizeof reply - TERMINATOR_LEN;
        size_t keep = body < room ? body : room;    /* MISTAKE: drops the rest */

        memcpy(reply, mb->buf, keep);
        memcpy(reply + keep, TERMINATOR, TERMINATOR_LEN);
        if (write_all(connfd, reply, keep + TERMINATOR_LEN) < 0)
            break;
        count_message(keep + TERMINATOR_LEN);
        drop_message(mb, (size_t)n);
    }
    free(mb);
}

static void *thread(void *vargp)
{
    int connfd = *(int *)vargp;

    free(vargp);
    /* Detached: nobody joins this thread, so the system frees it when it
     * returns. */
    pthread_detach(pthread_self());
    echo_client_short(connfd);
    close(connfd);
    return NULL;
}

int main(int argc, char **argv)
{
    int port = parse_port(argc, argv);
    int listenfd, *connfdp;
    pthread_t tid;

    setvbuf(stdout, NULL, _IOLBF, 0);   /* stdout may be a pipe: print line by line */
    signal(SIGPIPE, SIG_IGN);           /* a client that leaves must not kill us */

    listenfd = open_listenfd(port);
    announce(port);

    for (;;) {
        /* Each thread gets its own malloc'd copy of connfd. Passing &connfd
         * of a single variable would race: the next accept could overwrite
         * it before the thread has read it. */
        connfdp = malloc(sizeof *connfdp);
        if (connfdp == NULL) {
            perror("malloc");
            exit(1);
        }
        *connfdp = accept(listenfd, NULL, NULL);
        if (*connfdp < 0) {
            if (errno != EINTR)
                perror("accept");
            free(connfdp);
            continue;
        }
        if (pthread_create(&tid, NULL, thread, connfdp) != 0) {
            fprintf(stderr, "pthread_create failed\n");
            close(*connfdp);
            free(connfdp);
        }
    }
}
