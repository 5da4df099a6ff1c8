/*
 * fork_keepfd.c - a process per client, WITH A MISTAKE.
 *
 * The mistake: the parent never closes its copy of connfd after fork.
 * What it causes: fork copies the descriptor table, so the connection is
 *   open in both parent and child. The child closes its copy, but the
 *   parent's stays: one descriptor leaks per client (watch
 *   ls /proc/PID/fd grow), the connection is never fully closed on the
 *   server's side, and after ~1024 clients accept fails with EMFILE.
 * The fix: close(connfd) in the parent right after fork (see fork_reap.c).
 *
 * Everything else (reaping included) is as in fork_reap.c.
 *
 * Usage: ./fork_keepfd PORT
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
            close(listenfd);
            echo_client(connfd, NULL);
            close(connfd);
            exit(0);
        }
        /* MISTAKE: the parent should close(connfd) here; it never does. */
    }
}
