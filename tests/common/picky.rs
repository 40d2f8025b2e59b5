//! A relay that refuses some recipients (550 at RCPT) and accepts the rest;
//! it offers no extensions, so the client's one-command-at-a-time path runs.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};

pub struct PickyRelay {
    pub port: u16,
    /// The RCPT line of every message accepted.
    pub delivered: Arc<Mutex<Vec<String>>>,
    /// The data of every message accepted (same order).
    pub data: Arc<Mutex<Vec<String>>>,
}

impl PickyRelay {
    pub fn start(refuse: fn(&str) -> bool) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let port = listener.local_addr().unwrap().port();
        let delivered = Arc::new(Mutex::new(Vec::new()));
        let data = Arc::new(Mutex::new(Vec::new()));
        let (got, bodies) = (Arc::clone(&delivered), Arc::clone(&data));
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (got, bodies) = (Arc::clone(&got), Arc::clone(&bodies));
                std::thread::spawn(move || {
                    let mut w = stream.try_clone().unwrap();
                    let mut r = BufReader::new(stream);
                    let _ = w.write_all(b"220 picky\r\n");
                    let (mut line, mut rcpt, mut in_data) = (String::new(), String::new(), false);
                    let mut body = String::new();
                    while r.read_line(&mut line).unwrap_or(0) > 0 {
                        let reply: &[u8] = if in_data {
                            if line == ".\r\n" {
                                in_data = false;
                                got.lock().unwrap().push(rcpt.clone());
                                bodies.lock().unwrap().push(std::mem::take(&mut body));
                                b"250 ok\r\n"
                            } else {
                                body.push_str(&line);
                                b""
                            }
                        } else if line.starts_with("RCPT") && refuse(&line) {
                            b"550 5.1.1 no such user\r\n"
                        } else if line.starts_with("RCPT") {
                            rcpt.clone_from(&line);
                            b"250 ok\r\n"
                        } else if line.starts_with("DATA") {
                            in_data = true;
                            b"354 go\r\n"
                        } else if line.starts_with("QUIT") {
                            b"221 bye\r\n"
                        } else {
                            b"250 ok\r\n"
                        };
                        let _ = w.write_all(reply);
                        line.clear();
                    }
                });
            }
        });
        Self { port, delivered, data }
    }
}
