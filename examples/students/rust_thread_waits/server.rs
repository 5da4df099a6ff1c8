//! rust_thread_waits - a thread per client, with ONE MISTAKE.
//!
//! THE MISTAKE: after its client leaves, each thread waits on its own channel for a "stop" that
//! main would send at shutdown. main keeps every Sender in a Vec (so the channel stays open) and
//! never sends anything: recv() blocks forever.
//! WHAT IT CAUSES: every client that has come and gone leaves a thread behind, asleep, holding its
//! stack (its connection is closed: only the thread is left). The threads grow with every client
//! until the process cannot start another one.
//! THE FIX: let the thread end when its client leaves (no waiting at all); if the server needs to
//! stop its threads, the TcpStream's EOF already tells each one.
//!
//! Build: rustc -O --edition 2021 -o server server.rs     Run: ./server PORT
//! Framing: any ("\n" lines here): every byte read is written back at once.
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::thread;

fn serve(mut stream: TcpStream) {
    let mut buf = [0u8; 8192];
    loop {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return, // the stream is dropped (closed) here
            Ok(n) => {
                if stream.write_all(&buf[..n]).is_err() {
                    return;
                }
            }
        }
    }
}

fn main() {
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).expect("usage: server PORT");
    let listener = TcpListener::bind(("0.0.0.0", port)).expect("cannot listen");
    println!("listening on port {}", port);
    let mut stops: Vec<mpsc::Sender<()>> = Vec::new(); // "to stop every thread at shutdown"
    for stream in listener.incoming().flatten() {
        let (stop_tx, stop_rx) = mpsc::channel::<()>();
        stops.push(stop_tx);
        thread::spawn(move || {
            serve(stream);
            let _ = stop_rx.recv(); // BUG: waits for a stop that never comes
        });
    }
}
