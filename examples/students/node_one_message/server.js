// node_one_message - an echo server on Node's net module, with ONE MISTAKE.
//
// THE MISTAKE: as soon as the first complete line has been echoed, the server ends the connection
// (socket.end()), as if every client had one message only.
// WHAT IT CAUSES: a client's first message comes back; its second one is never answered (the
// connection is closed under it), and of several lines sent in one write only the first returns.
// THE FIX: keep the connection open and echo every line until the client ends it ('end' event).
//
// Run: node server.js PORT        Framing: line ("\n").
'use strict';
const net = require('net');

const port = Number(process.argv[2]);

const server = net.createServer((socket) => {
  let pending = Buffer.alloc(0);
  socket.on('data', (chunk) => {
    pending = Buffer.concat([pending, chunk]);
    const end = pending.indexOf(0x0a); // "\n"
    if (end >= 0) {
      socket.write(pending.subarray(0, end + 1));
      socket.end(); // BUG: one message per connection
      socket.removeAllListeners('data');
    }
  });
  socket.on('error', () => socket.destroy());
});

server.listen({ port, backlog: 1024 }, () => {
  console.log(`listening on port ${port}`);
});
