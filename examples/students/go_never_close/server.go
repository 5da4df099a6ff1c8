// go_never_close - an echo server with a goroutine per client, with ONE MISTAKE.
//
// THE MISTAKE: the connection is never closed. main keeps every connection in a slice ("to close
// them all at shutdown"), so the garbage collector cannot close it either, and serve() just
// returns when the client leaves.
// WHAT IT CAUSES: every client that has come and gone leaves an open descriptor behind (a socket
// in CLOSE_WAIT): the server's descriptors grow with every client until it hits its limit
// ("too many open files") and cannot accept anyone.
// THE FIX: `defer conn.Close()` at the top of serve(), and no list of connections.
//
// Build: go build -o server server.go     Run: ./server PORT      Framing: line ("\n").
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"sync"
)

var (
	mu    sync.Mutex
	conns []net.Conn // every connection ever accepted
)

func serve(conn net.Conn) {
	// BUG: no conn.Close()
	r := bufio.NewReader(conn)
	for {
		line, err := r.ReadBytes('\n')
		if len(line) > 0 {
			if _, werr := conn.Write(line); werr != nil {
				return
			}
		}
		if err != nil {
			return
		}
	}
}

func main() {
	ln, err := net.Listen("tcp", ":"+os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Printf("listening on port %s\n", os.Args[1])
	for {
		conn, err := ln.Accept()
		if err != nil {
			continue
		}
		mu.Lock()
		conns = append(conns, conn)
		mu.Unlock()
		go serve(conn)
	}
}
