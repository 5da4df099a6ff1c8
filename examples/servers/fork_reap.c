/*
 * fork_reap.c - a process per client (CS:APP's echoserverp).
 *
 * The parent accepts and forks; the child serves the client and exits.
 * Each side closes the descriptor it does not need, and a SIGCHLD
 * handler reaps the children that finished, so none stay zombies.
 *
 * There is no "echoed N bytes" total here: after fork, parent and child
 * have separate copies of memory, so a child's count would never reach
 * the parent (it would need a pipe or shared memory).
 *
 * Usage: ./fork_reap PORT
 */
#include "echo_helpers.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

/* Several children can end while one SIGCHLD is pending, and signals do
 * not queue: so reap every finished child, not just one. WNOHANG: do not
 * wait for the ones still running. */
static void sigchld_handler(int sig)
{
    int saved_errno = errno;    /* waitpid may change errno under main's feet */
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
    sa.sa_flags = SA_RESTART;           /* restart slow calls the signal interrupts */
    sigaction(SIGCHLD, &sa, NULL);

    listenfd = open_listenfd(port);
    announce(port);

    for (;;) {
        connfd = accept(listenfd, NULL, NULL);
        if (connfd < 0) {
            /* accept may still fail with EINTR: just try again */
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
            close(listenfd);            /* the child never accepts */
            echo_client(connfd, NULL);
            close(connfd);
            exit(0);
        }
        close(connfd);                  /* parent: the child has its own copy */
    }
}
