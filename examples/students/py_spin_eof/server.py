"""py_spin_eof - a thread-per-client echo server, with ONE MISTAKE.

THE MISTAKE: the loop in serve() never looks for recv() returning b"". When the client closes its
end, recv() returns b"" at once, every time: the loop goes round and round.
WHAT IT CAUSES: every client that has left leaves a thread spinning forever at full speed (high CPU
with no client at all), its connection never closed (the close after the loop is never reached),
and its thread never ends. The more clients have come, the more threads spin.
THE FIX: `if not data: break` right after recv(), then close the connection; the thread then ends.

Run: python3 server.py PORT        Framing: line ("\n").
"""
import socket
import sys
import threading


def serve(conn):
    pending = b""
    while True:
        data = conn.recv(65536)  # BUG: b"" (the client left) is not handled
        pending += data
        # echo every complete line; keep a partial one for the next recv
        end = pending.rfind(b"\n") + 1
        if end:
            conn.sendall(pending[:end])
            pending = pending[end:]
    conn.close()  # never reached


def main():
    port = int(sys.argv[1])
    listener = socket.create_server(("", port), backlog=1024)
    print(f"listening on port {port}", flush=True)
    while True:
        conn, _ = listener.accept()
        threading.Thread(target=serve, args=(conn,), daemon=True).start()


if __name__ == "__main__":
    main()
