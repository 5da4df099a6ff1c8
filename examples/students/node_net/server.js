// node_net - an echo server on Node's net module: one JavaScript thread, one event loop.
//
// Each client's 'data' events hand us whatever bytes arrived (part of a line, or several lines):
// writing each chunk back as it comes is a byte-for-byte echo for any framing. socket.write()
// queues what the socket cannot take now; when it returns false we pause reading until 'drain',
// so a client that sends without reading cannot make us buffer without end.
// The total needs no lock: all our JavaScript runs on one thread, one callback at a time.
// (Node also starts threads of its own, for V8 and libuv's pool: they never run this code.)
//
// Run: node server.js PORT        Framing: line ("\n"), or any.
'use strict';
const net = require('net');

const port = Number(process.argv[2]);
let total = 0;

const server = net.createServer((socket) => {
  socket.on('data', (chunk) => {
    total += chunk.length;
    console.log(`echoed ${total} bytes`); // console.log to a pipe is synchronous on Linux
    if (!socket.write(chunk)) {
      socket.pause();
      socket.once('drain', () => socket.resume());
    }
  });
  socket.on('end', () => socket.end()); // the client closed its end: close ours after the queue
  socket.on('error', () => socket.destroy()); // e.g. ECONNRESET: forget this client
});

server.listen({ port, backlog: 1024 }, () => { // all addresses
  console.log(`listening on port ${port}`);
});
