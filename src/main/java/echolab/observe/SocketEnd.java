package echolab.observe;

/**
 * A TCP socket an observed process holds open, by descriptor.
 *
 * @param fd         the descriptor number in that process
 * @param localPort  the socket's own port (the server's port for an accepted connection)
 * @param remotePort the peer's port (a client's local port), or 0 for a listening socket
 * @param listening  whether it is a listening socket
 */
public record SocketEnd(int fd, int localPort, int remotePort, boolean listening) {}
