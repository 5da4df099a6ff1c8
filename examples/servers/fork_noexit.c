/*
 * fork_noexit.c - a process per client, WITH A MISTAKE.
 *
 * The mistake: the child does not leave the server's loop. After serving
 *   its client it closes connfd, but it neither exits nor closed
 *   listenfd, so it goes round the loop and calls accept like the parent.
 * What it causes: after every client there is one more process acting as
 *   a server: they all accept on the same listenfd, fork children of
 *   their own (reaped by the SIGCHLD handler they inherited) and never
 *   end. The process count grows with every client served.
 * The fix: the child closes listenfd at its start and calls exit(0)
 *   after serving, so it can never reach accept (see fork_reap.c).
 *
 * Usage: ./fork_noexit PORT
 */
#include "echo_helpers.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* Signals do not queue: reap every child that has finished. */
static void sigchld_handler(int sig)
{
    int saved_errno = errno;
    (void)sig;
    while (waitpid(-1, NULL, WNOHANG) > 0)
        ;
    errno = saved_errno;
}

int main(int argc, char **argv)
{
    int port = parse_port(argc, argv);
    int listenfd, connfd;
    struct sigaction sa;
    pid_t pid;

    setvbuf(stdout, NULL, _IOLBF, 0);   /* stdout may be a pipe: print line by line */
    signal(SIGPIPE, SIG_IGN);           /* a client that leaves must not kill us */

    sa.sa_handler = sigchld_handler;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGCHLD, &sa, NULL);

    listenfd = open_listenfd(port);
    announce(port);

    for (;;) {
        connfd = accept(listenfd, NULL, NULL);
        if (connfd < 0) {
            if (errno != EINTR)
                perror("accept");
            continue;
        }
        pid = fork();
        if (pid < 0) {
            perror("fork");
            close(connfd);
            continue;
        }
        if (pid == 0) {                 /* child */
            echo_client(connfd, NULL);
            close(connfd);
            /* MISTAKE: no exit(0) here (and listenfd is still open), so
             * the child falls through and goes back to accept. */
        } else {
            close(connfd);              /* parent */
        }
    }
}
