"""py_forking - a process-per-client echo server with socketserver.ForkingTCPServer.

For each client the server forks a child that runs Handler.handle() and exits; the parent closes
its copy of the connection and reaps finished children (collect_children) between requests and
every half second. Processes share no memory, so there is no total to print.

Run: python3 server.py PORT        Framing: line ("\n"); a line may be any bytes, any length.
"""
import socketserver
import sys


class Handler(socketserver.StreamRequestHandler):
    def handle(self):
        # rfile.readline() returns one whole line (with its "\n"), however it was split; b"" at EOF
        for line in self.rfile:
            self.wfile.write(line)  # wfile is unbuffered here: this writes every byte now


class Server(socketserver.ForkingTCPServer):
    allow_reuse_address = True  # restart at once on the same port
    request_queue_size = 1024   # the listen backlog (default 5: a burst would be refused)


def main():
    port = int(sys.argv[1])
    with Server(("", port), Handler) as server:
        print(f"listening on port {port}", flush=True)
        server.serve_forever()


if __name__ == "__main__":
    main()
