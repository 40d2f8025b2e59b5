//! A small real SMTP server that records what it receives (the relay in tests).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

#[derive(Debug, Clone)]
pub struct Caught {
    pub from: String,
    pub to: Vec<String>,
    pub data: Vec<u8>,
}

impl Caught {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.data).into_owned()
    }

    /// The unfolded value of the first header called `name`.
    pub fn header(&self, name: &str) -> Option<String> {
        let text = self.text();
        let head = text.split("\r\n\r\n").next().unwrap_or("");
        let unfolded = head.replace("\r\n ", " ").replace("\r\n\t", " ");
        unfolded.lines().find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case(name).then(|| v.trim().to_string())
        })
    }

    pub fn is_auto_generated(&self) -> bool {
        self.header("Auto-Submitted")
            .is_some_and(|v| v.eq_ignore_ascii_case("auto-generated"))
    }
}

pub struct Sink {
    pub port: u16,
    pub caught: Arc<Mutex<Vec<Caught>>>,
    stop: Arc<AtomicBool>,
}

impl Sink {
    pub fn start() -> Self {
        Self::start_on(0)
    }

    pub fn start_on(port: u16) -> Self {
        let listener = TcpListener::bind(("127.0.0.1", port)).unwrap();
        let port = listener.local_addr().unwrap().port();
        let caught = Arc::new(Mutex::new(Vec::new()));
        let stop = Arc::new(AtomicBool::new(false));
        let (c, s) = (Arc::clone(&caught), Arc::clone(&stop));
        listener.set_nonblocking(true).unwrap();
        std::thread::spawn(move || {
            while !s.load(Ordering::SeqCst) {
                match listener.accept() {
                    Ok((stream, _)) => {
                        stream.set_nonblocking(false).unwrap();
                        let c = Arc::clone(&c);
                        std::thread::spawn(move || session(stream, &c));
                    }
                    Err(_) => std::thread::sleep(std::time::Duration::from_millis(10)),
                }
            }
        });
        Self { port, caught, stop }
    }

    /// Everything caught.
    pub fn all(&self) -> Vec<Caught> {
        self.caught.lock().unwrap().clone()
    }

    /// Ordinary (relayed) mail: everything but what Cloister wrote itself.
    pub fn messages(&self) -> Vec<Caught> {
        self.all().into_iter().filter(|m| !m.is_auto_generated()).collect()
    }

    /// Mail Cloister wrote itself (notifications, credentials, ...).
    pub fn notifications(&self) -> Vec<Caught> {
        self.all().into_iter().filter(Caught::is_auto_generated).collect()
    }
}

impl Drop for Sink {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
    }
}

fn session(stream: TcpStream, caught: &Mutex<Vec<Caught>>) {
    let mut w = stream.try_clone().unwrap();
    let mut r = BufReader::new(stream);
    let _ = w.write_all(b"220 sink ESMTP\r\n");
    let (mut from, mut to) = (String::new(), Vec::new());
    loop {
        let mut line = String::new();
        if r.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        let upper = line.to_ascii_uppercase();
        let reply: &[u8] = if upper.starts_with("EHLO") {
            b"250-sink\r\n250-PIPELINING\r\n250-8BITMIME\r\n250 SMTPUTF8\r\n"
        } else if upper.starts_with("MAIL FROM:") {
            from = angle(&line);
            to.clear();
            b"250 ok\r\n"
        } else if upper.starts_with("RCPT TO:") {
            to.push(angle(&line));
            b"250 ok\r\n"
        } else if upper.starts_with("DATA") {
            let _ = w.write_all(b"354 go\r\n");
            let Some(data) = read_data(&mut r) else { return };
            caught.lock().unwrap().push(Caught {
                from: from.clone(),
                to: to.clone(),
                data,
            });
            b"250 2.0.0 caught\r\n"
        } else if upper.starts_with("QUIT") {
            let _ = w.write_all(b"221 bye\r\n");
            return;
        } else {
            b"250 ok\r\n"
        };
        if w.write_all(reply).is_err() {
            return;
        }
    }
}

/// Reads message data up to the lone "." line, undoing dot-stuffing; None on EOF.
pub fn read_data(r: &mut impl BufRead) -> Option<Vec<u8>> {
    let mut data = Vec::new();
    loop {
        let mut l = Vec::new();
        if r.read_until(b'\n', &mut l).unwrap_or(0) == 0 {
            return None;
        }
        if l == b".\r\n" {
            return Some(data);
        }
        data.extend_from_slice(l.strip_prefix(b".").unwrap_or(&l));
    }
}

/// The address between angle brackets in a MAIL or RCPT line.
pub fn angle(line: &str) -> String {
    let start = line.find('<').map_or(0, |i| i + 1);
    let end = line[start..].find('>').map_or(line.len(), |i| start + i);
    line[start..end].to_string()
}
