"""py_asyncio - an echo server on asyncio streams: one thread, one event loop.

Every client is a coroutine; `await` gives the loop back while it waits for bytes or for room to
write, so one thread serves all clients. The total needs no lock: only the loop's thread touches it,
and nothing can run between the add and the print (there is no await in between).

Why read() and not readline(): StreamReader.readline() raises an error on a line longer than its
limit (64 KiB by default). Echoing bytes as they arrive works for any length, and is byte for byte
the same for "\n" framing.

Run: python3 server.py PORT        Framing: line ("\n"), or any (bytes are echoed as they come).
"""
import asyncio
import sys

total = 0


async def serve(reader, writer):
    global total
    try:
        while True:
            data = await reader.read(65536)
            if not data:  # b"": the client closed its end
                break
            writer.write(data)
            await writer.drain()  # wait while the socket is full, instead of buffering without end
            total += len(data)
            print(f"echoed {total} bytes", flush=True)
    except ConnectionError:
        pass  # the client vanished mid-write
    finally:
        writer.close()


async def main():
    port = int(sys.argv[1])
    # "0.0.0.0", a literal address: asyncio then needs no resolver thread to look the host up
    server = await asyncio.start_server(serve, "0.0.0.0", port, backlog=1024)
    print(f"listening on port {port}", flush=True)
    async with server:
        await server.serve_forever()


if __name__ == "__main__":
    asyncio.run(main())
