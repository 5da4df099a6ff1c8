/*
 * fork_noreap.c - a process per client, WITH A MISTAKE.
 *
 * The mistake: no SIGCHLD handler, and nobody calls waitpid.
 * What it causes: every child that finishes stays a zombie (state Z in
 *   ps, "<defunct>") until the parent exits: one process-table entry
 *   lost per client, and eventually fork fails.
 * The fix: install a SIGCHLD handler that reaps every finished child,
 *   while (waitpid(-1, NULL, WNOHANG) > 0) ;   (see fork_reap.c)
 *
 * Everything else is as in fork_reap.c.
 *
 * Usage: ./fork_noreap PORT
 */
#include "echo_helpers.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <unistd.h>

int main(int argc, char **argv)
{
    int port = parse_port(argc, argv);
    int listenfd, connfd;
    pid_t pid;

    setvbuf(stdout, NULL, _IOLBF, 0);   /* stdout may be a pipe: print line by line */
    signal(SIGPIPE, SIG_IGN);           /* a client that leaves must not kill us */

    /* MISTAKE: no SIGCHLD handler is installed here. */

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
            exit(0);                    /* ...and becomes a zombie: no one waits for it */
        }
        close(connfd);                  /* parent */
    }
}
