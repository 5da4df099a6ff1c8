//! rust_pool - an echo server on a fixed pool of 8 worker threads.
//!
//! The 8 workers start at once and share the receiving end of an mpsc channel, wrapped in
//! Arc<Mutex<Receiver>> (a Receiver has one owner: the mutex lets one idle worker at a time wait
//! on it). main accepts and sends each connection down the channel; a worker takes it, serves
//! that client until it leaves, and goes back to wait for the next. The total is an
//! Arc<Mutex<u64>>, changed and printed while the lock is held.
//!
//! Build: rustc -O --edition 2021 -o server server.rs     Run: ./server PORT
//! Framing: line ("\n"); a line may be any bytes, any length.
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread;

const WORKERS: usize = 8;

fn serve(stream: TcpStream, total: &Mutex<u64>) {
    let mut writer = match stream.try_clone() {
        Ok(w) => w,
        Err(_) => return,
    };
    let mut reader = BufReader::new(stream);
    let mut line = Vec::new();
    loop {
        line.clear();
        // read_until returns one whole line with its "\n" (0 bytes: the client closed its end)
        match reader.read_until(b'\n', &mut line) {
            Ok(0) | Err(_) => return,
            Ok(_) => {}
        }
        if writer.write_all(&line).is_err() {
            return;
        }
        let mut t = total.lock().unwrap();
        *t += line.len() as u64;
        println!("echoed {} bytes", *t);
    }
}

fn main() {
    let port: u16 = std::env::args().nth(1).and_then(|p| p.parse().ok()).expect("usage: server PORT");
    let listener = TcpListener::bind(("0.0.0.0", port)).expect("cannot listen");
    let total = Arc::new(Mutex::new(0u64));
    let (sender, receiver) = mpsc::channel::<TcpStream>();
    let receiver = Arc::new(Mutex::new(receiver));
    for _ in 0..WORKERS {
        let receiver = Arc::clone(&receiver);
        let total = Arc::clone(&total);
        thread::spawn(move || loop {
            // the guard is a temporary: the lock is released as soon as recv() returns a client
            let next = receiver.lock().unwrap().recv();
            match next {
                Ok(stream) => serve(stream, &total),
                Err(_) => return, // the sender is gone: the server is shutting down
            }
        });
    }
    println!("listening on port {}", port);
    for stream in listener.incoming().flatten() {
        sender.send(stream).expect("every worker has died");
    }
}
