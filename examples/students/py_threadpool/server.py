"""py_threadpool - an echo server whose clients are served by a pool of 8 threads.

main accepts; each connection is handed to a concurrent.futures.ThreadPoolExecutor(max_workers=8).
The executor starts a thread only when a task comes and no thread is idle, up to 8, and keeps them:
a ninth client at once waits in the executor's queue until one of the 8 is free.
The total of bytes echoed is shared by the threads, so it is changed and printed under a Lock.

Run: python3 server.py PORT        Framing: line ("\n"); a line may be any bytes, any length.
"""
import socket
import sys
import threading
from concurrent.futures import ThreadPoolExecutor

total = 0
total_lock = threading.Lock()


def serve(conn):
    global total
    with conn, conn.makefile("rb") as lines:  # closes both when the client leaves
        # readline() returns one whole line with its "\n", however the bytes were split over reads;
        # b"" means the client closed its end.
        for line in lines:
            conn.sendall(line)  # sendall: loops until every byte is sent
            with total_lock:  # += on a shared int is a read, an add and a write: not atomic
                total += len(line)
                print(f"echoed {total} bytes", flush=True)


def main():
    port = int(sys.argv[1])
    listener = socket.create_server(("", port), backlog=1024)  # all addresses, SO_REUSEADDR
    print(f"listening on port {port}", flush=True)
    with ThreadPoolExecutor(max_workers=8) as pool:
        while True:
            conn, _ = listener.accept()
            pool.submit(serve, conn)


if __name__ == "__main__":
    main()
