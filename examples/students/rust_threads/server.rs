//! rust_threads - an echo server with a thread per client (std::thread::spawn).
//!
//! main accepts; each client gets a thread that echoes until the client leaves, then ends (the
//! TcpStream is dropped, which closes it). The total is shared: an Arc<Mutex<u64>>, changed and
//! printed while the lock is held.
//!
//! Build: rustc -O --edition 2021 -o server server.rs     Run: ./server PORT
//! Framing: any ("\n" lines here): every byte read is written back at once.
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;

fn serve(mut stream: TcpStream, total: &Mutex<u64>) {
    let mut buf = [0u8; 8192];
    loop {
        let n = match stream.read(&mut buf) {
            Ok(0) => return, // the client closed its end
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(_) => return,
        };
        if stream.write_all(&buf[..n]).is_err() {
            return; // write_all loops over partial writes; an error means the client vanished
        }
        let mut t = total.lock().unwrap();
        *t += n as u64;
        println!("echoed {} bytes", *t); // Rust's stdout flushes at each newline
    }
}

fn main() {
    // Rust's runtime ignores SIGPIPE: a write to a vanished client is an Err, not death.
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).expect("usage: server PORT");
    let listener = TcpListener::bind(("0.0.0.0", port)).expect("cannot listen");
    println!("listening on port {}", port);
    let total = Arc::new(Mutex::new(0u64));
    for stream in listener.incoming() {
        if let Ok(stream) = stream {
            let total = Arc::clone(&total);
            thread::spawn(move || serve(stream, &total)); // detached: it ends with serve()
        }
    }
}
