//! The vault file is closed cleanly however Cloister stops: redb's "repair
//! needed" mark (header byte 9, value 2) is clear after SIGTERM, SIGINT, a
//! SIGHUP restart in place, offline CLI commands and `restore`, with mail in
//! flight and idle keep-alive connections open. (A file left marked was read
//! whole at the next start before anything listened.) After `kill -9`, every
//! acknowledged message is there at the next start.

mod common;

use std::io::{Read as _, Write as _};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use common::https::Agent;
use common::smtp::Client;
use common::{Cloister, wait_for};

const CYCLES: usize = 12;

fn repair_needed(c: &Cloister) -> bool {
    let mut head = [0u8; 10];
    std::fs::File::open(c.data_dir().join("vault.redb"))
        .unwrap()
        .read_exact(&mut head)
        .unwrap();
    head[9] & 2 != 0
}

/// Sends secure mail in a loop until `stop`; returns the queue ids acknowledged.
fn mail_in_flight(c: &Cloister, stop: &Arc<AtomicBool>) -> std::thread::JoinHandle<Vec<String>> {
    let (addr, stop) = (c.smtp, Arc::clone(stop));
    std::thread::spawn(move || {
        let mut acked = Vec::new();
        let mut client = Client::connect(addr);
        client.cmd("EHLO load.test");
        for n in 0.. {
            if stop.load(Ordering::Relaxed) || !client.try_send_raw(b"MAIL FROM:<alice@example.org>\r\n") {
                break;
            }
            let mut ok = client.reply().starts_with("250");
            ok = ok && client.cmd(&format!("RCPT TO:<p{n}@partner.test>")).starts_with("250");
            ok = ok && client.cmd("DATA").starts_with("354");
            if !ok {
                break;
            }
            let reply = client.data_end_with(format!("Subject: [secure] load {n}\r\n\r\nbody\r\n").as_bytes());
            match reply.strip_prefix("250 2.0.0 Ok: queued as ") {
                Some(id) => acked.push(id.trim().to_string()),
                None => break,
            }
        }
        acked
    })
}

/// An HTTPS connection that has had one answer and stays open, idle.
fn idle_keep_alive(c: &Cloister) -> rustls::StreamOwned<rustls::ClientConnection, std::net::TcpStream> {
    let agent = Agent::new(c.https, &c.ca_pem());
    let mut tls = agent.connect();
    write!(tls, "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n").unwrap();
    let mut buf = [0u8; 512];
    let _ = tls.read(&mut buf).unwrap();
    tls
}

/// Runs Cloister with mail in flight and an idle connection, stops it with
/// `signal`, and checks the mark; returns the ids acknowledged.
fn stop_with(c: &mut Cloister, signal: i32) -> Vec<String> {
    c.launch();
    let _idle = idle_keep_alive(c);
    let stop = Arc::new(AtomicBool::new(false));
    let sender = mail_in_flight(c, &stop);
    std::thread::sleep(Duration::from_millis(300));
    c.signal(signal);
    assert!(c.wait_exit(Duration::from_secs(20)).is_some(), "stopped");
    stop.store(true, Ordering::Relaxed);
    let acked = sender.join().unwrap();
    assert!(!repair_needed(c), "signal {signal} left the vault marked 'repair needed'");
    acked
}

#[test]
fn sigterm_and_sigint_close_the_vault_cleanly_with_mail_in_flight() {
    let mut c = Cloister::prepare(common::free_port(), "", "");
    let mut acked = Vec::new();
    for cycle in 0..CYCLES * 2 {
        acked.extend(stop_with(&mut c, if cycle % 2 == 0 { 15 } else { 2 }));
    }
    assert!(!acked.is_empty());
    c.launch();
    let stored: Vec<String> = c.messages().iter().map(|m| m["id"].as_str().unwrap().to_string()).collect();
    let lost: Vec<&String> = acked.iter().filter(|id| !stored.contains(id)).collect();
    assert!(lost.is_empty(), "acknowledged but missing: {lost:?}");
    assert!(!c.log_text().contains("not closed cleanly"), "{}", c.log_text());
}

/// Whether SMTP answers 220 now (false while it restarts).
fn greets(addr: std::net::SocketAddr) -> bool {
    let Ok(mut s) = std::net::TcpStream::connect(addr) else {
        return false;
    };
    let _ = s.set_read_timeout(Some(Duration::from_secs(5)));
    let mut buf = [0u8; 3];
    s.read_exact(&mut buf).is_ok() && &buf == b"220"
}

#[test]
fn a_sighup_restart_in_place_closes_the_vault_before_it_opens_again() {
    let mut c = Cloister::start(common::free_port(), "");
    let _idle = idle_keep_alive(&c);
    for cycle in 0..CYCLES {
        c.signal(1);
        let restarted = wait_for(Duration::from_secs(20), || {
            (c.log_text().matches("vault closed; starting again").count() > cycle && greets(c.smtp)).then_some(())
        });
        assert!(restarted.is_some(), "restart {cycle}: {}", c.log_text());
    }
    c.stop();
    assert!(!repair_needed(&c));
    assert!(!c.log_text().contains("not closed cleanly"), "{}", c.log_text());
}

#[test]
fn offline_commands_and_restore_leave_the_vault_clean() {
    let mut c = Cloister::start(common::free_port(), "");
    c.send_one("alice@example.org", &["pat@partner.test"], "[secure] kept");
    c.stop();
    let backup = c.dir.path().join("copy.redb");
    let commands: [&[&str]; 6] = [
        &["messages", "--json"],
        &["outbox", "--json"],
        &["show", "0"],
        &["purge", "--dry-run"],
        &["user", "list", "--json"],
        &["admin", "list"],
    ];
    for cycle in 0..CYCLES {
        let args = commands[cycle % commands.len()];
        let out = c.cli(args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(!repair_needed(&c), "{args:?} left the vault marked");
    }
    let out = c.cli(&["backup", backup.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    for _ in 0..3 {
        let out = c.cli(&["restore", backup.to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        assert!(!repair_needed(&c), "restore left the vault marked");
    }
}

/// After `kill -9` under SMTP load every acknowledged message is there, and
/// the start time is printed (its speed is the benchmark's to measure).
#[test]
fn after_kill_9_under_load_every_acknowledged_message_is_there() {
    let mut c = Cloister::start(common::free_port(), "");
    let stop = Arc::new(AtomicBool::new(false));
    let sender = mail_in_flight(&c, &stop);
    std::thread::sleep(Duration::from_millis(800));
    c.kill9();
    stop.store(true, Ordering::Relaxed);
    let acked = sender.join().unwrap();
    assert!(!acked.is_empty());
    assert!(repair_needed(&c), "a kill leaves the mark (what quick repair is for)");
    let started = Instant::now();
    c.launch();
    eprintln!("ready {:?} after kill -9 with {} messages", started.elapsed(), acked.len());
    let stored: Vec<String> = c.messages().iter().map(|m| m["id"].as_str().unwrap().to_string()).collect();
    let lost: Vec<&String> = acked.iter().filter(|id| !stored.contains(id)).collect();
    assert!(lost.is_empty(), "acknowledged but missing: {lost:?}");
    assert!(c.log_text().contains("not closed cleanly"), "the operator is told");
}
