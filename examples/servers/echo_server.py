#!/usr/bin/env python3
"""echo_server.py - a thread per client, in Python.

The same server as threads.c: the main thread accepts, every client gets
its own thread, and the threads share a total of bytes echoed, kept
right by a lock.

Usage: python3 echo_server.py PORT [--framing line|blank-line]
  blank-line (default): a message ends with an empty line, b"\\r\\n\\r\\n"
  line:                 a message is one line, ending in b"\\n"
Prints "listening on port N", then "echoed N bytes" after every message.
"""
import argparse
import socket
import threading

TERMINATORS = {"blank-line": b"\r\n\r\n", "line": b"\n"}

total = 0                       # shared by all threads
total_lock = threading.Lock()


def count_message(nbytes):
    global total
    # Without the lock, two threads could read the same old total and one
    # update would be lost (the GIL does not make "read, add, write" atomic).
    with total_lock:
        seen = total            # read
        total = seen + nbytes   # write
        print(f"echoed {total} bytes", flush=True)


def echo_client(conn, terminator):
    pending = b""               # bytes of the next message(s) received so far
    with conn:                  # closes the connection however we leave
        while True:
            try:
                data = conn.recv(65536)
            except OSError:     # e.g. the client reset the connection
                return
            if not data:        # the client closed its end
                return
            # Search only the new bytes (and the few before them that
            # could hold the start of a terminator).
            start = max(0, len(pending) - len(terminator) + 1)
            pending += data
            end = pending.find(terminator, start)
            while end >= 0:     # one recv may complete several messages
                n = end + len(terminator)
                try:
                    conn.sendall(pending[:n])
                except OSError:  # the client left without reading
                    return
                count_message(n)
                pending = pending[n:]
                end = pending.find(terminator)


def main():
    parser = argparse.ArgumentParser(description="thread-per-client echo server")
    parser.add_argument("port", type=int)
    parser.add_argument("--framing", choices=TERMINATORS, default="blank-line")
    args = parser.parse_args()
    terminator = TERMINATORS[args.framing]

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    # Restart at once on the same port, without waiting for TIME_WAIT.
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("0.0.0.0", args.port))
    listener.listen(1024)
    print(f"listening on port {args.port}", flush=True)

    while True:
        conn, _addr = listener.accept()
        # daemon: the threads do not keep the program alive after Ctrl-C
        threading.Thread(target=echo_client, args=(conn, terminator), daemon=True).start()


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        pass
