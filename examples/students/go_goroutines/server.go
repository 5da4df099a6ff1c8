// go_goroutines - an echo server with a goroutine per client.
//
// main accepts; each connection gets its own goroutine, which echoes until the client leaves,
// closes the connection and returns. Goroutines are not OS threads: Go's runtime runs them on a
// few threads and parks a goroutine that waits for bytes (its netpoller watches the sockets).
// The total is shared by the goroutines: it is changed and printed under a sync.Mutex.
//
// Build: go build -o server server.go     Run: ./server PORT
// Framing: line ("\n"); a line may be any bytes, any length.
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
	total int
)

func serve(conn net.Conn) {
	defer conn.Close() // however serve ends, the connection is closed
	r := bufio.NewReader(conn)
	for {
		// ReadBytes returns one whole line with its "\n", however the bytes were split over reads
		line, err := r.ReadBytes('\n')
		if len(line) > 0 {
			if _, werr := conn.Write(line); werr != nil { // Write sends all of it, or fails
				return
			}
			mu.Lock()
			total += len(line)
			fmt.Printf("echoed %d bytes\n", total) // os.Stdout is not buffered in Go
			mu.Unlock()
		}
		if err != nil { // io.EOF: the client closed its end
			return
		}
	}
}

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: server PORT")
		os.Exit(2)
	}
	// Go never dies of SIGPIPE on a socket: a write to a vanished client just returns an error.
	ln, err := net.Listen("tcp", ":"+os.Args[1]) // all addresses
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
		go serve(conn)
	}
}
