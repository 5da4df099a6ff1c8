/*
 * echo_helpers.h - the pieces every example echo server shares.
 *
 * Like the starter code's helper file: opening the listening socket,
 * finding where a message ends, writing a whole buffer, and echoing one
 * client from its first message to its last.
 *
 * Framing (how the server knows a message is complete) is chosen when
 * you compile:
 *   default          a message is a block that ends in an empty line,
 *                    i.e. the bytes "\r\n\r\n" (the starter code's framing)
 *   -DLINE_FRAMING   a message is one line ending in "\n" (CS:APP echo)
 */
#ifndef ECHO_HELPERS_H
#define ECHO_HELPERS_H

#include <stddef.h>
#include <sys/types.h>

/* The longest message we keep whole. A message longer than this is
 * echoed in MAXMSG-sized pieces (still byte for byte). 128 KiB leaves
 * room for a 64 KiB message plus its terminator. */
#define MAXMSG (128 * 1024)

#ifdef LINE_FRAMING
#define FRAMING_NAME   "line"
#define TERMINATOR     "\n"
#else
#define FRAMING_NAME   "blank-line"
#define TERMINATOR     "\r\n\r\n"
#endif
#define TERMINATOR_LEN (sizeof TERMINATOR - 1)

/* Bytes read from one client that have not been echoed yet. A read may
 * bring half a message, or one and a half: the rest waits here. */
typedef struct {
    size_t len;
    char buf[MAXMSG];
} msgbuf_t;

/* Called after each message is echoed, with its size in bytes
 * (terminator included). Servers use it to update their total. */
typedef void (*message_hook)(size_t bytes);

/* Reads the port from argv ("./server PORT"); exits with usage otherwise. */
int parse_port(int argc, char **argv);

/* socket + SO_REUSEADDR + bind(INADDR_ANY:port) + listen(1024).
 * Exits with a message if any step fails. */
int open_listenfd(int port);

/* Prints "listening on port N" and flushes it. */
void announce(int port);

/* Length of the first complete message in buf[0..len), terminator
 * included, or 0 if no message is complete yet. */
size_t message_length(const char *buf, size_t len);

/* Writes all n bytes (write may write fewer; a signal may interrupt it).
 * Returns n, or -1 on error. */
ssize_t write_all(int fd, const void *buf, size_t n);

/* Reads from connfd until a complete message sits at the start of mb
 * (or mb is full: then that piece counts as the message).
 * Returns the message's size, 0 when the client has closed, -1 on error. */
ssize_t read_message(int connfd, msgbuf_t *mb);

/* Forgets the first n bytes of mb; the bytes after them (the start of
 * the next message) move to the front. */
void drop_message(msgbuf_t *mb, size_t n);

/* read_message, write it back byte for byte, drop_message.
 * Returns the message's size, 0 when the client has closed, -1 on error. */
ssize_t serve_message(int connfd, msgbuf_t *mb);

/* Echoes every message of one client until it closes (or an error).
 * on_message may be NULL. Does not close connfd: the caller does. */
void echo_client(int connfd, message_hook on_message);

#endif
