//! The relay pool against an unreachable target and against a scripted relay
//! (a real TCP server speaking SMTP, run on a thread).

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use super::Pool;
use crate::config::StartTls;
use crate::outbox::client::{ClientError, Target};

fn target(port: u16) -> Target {
    Target {
        host: "127.0.0.1".into(),
        port,
        starttls: StartTls::Off,
        roots: None,
        auth: None,
        helo: "t".into(),
        timeout: Duration::from_secs(5),
        dns_server: String::new(),
    }
}

#[test]
fn unreachable_target_is_paused_with_doubling_and_reset_by_success() {
    let port = TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let pool = Pool::new(target(port), Duration::from_secs(10), Duration::from_secs(15));
    assert!(pool.down_for().is_none());
    let r = smol::block_on(pool.send("a@b.test", &["c@d.test".into()], b"x\r\n".to_vec()));
    assert!(matches!(r, Err(ClientError::Network(_))), "{r:?}");
    let first = pool.down_for().expect("paused after a refused connection");
    assert!(first > Duration::from_secs(9) && first <= Duration::from_secs(10));
    // While paused, a queued message is answered at once and the pause does not grow.
    let r = smol::block_on(pool.send("a@b.test", &["c@d.test".into()], b"x\r\n".to_vec()));
    assert!(matches!(&r, Err(ClientError::Network(m)) if m.contains("next try in")), "{r:?}");
    assert!(pool.down_for().unwrap() <= Duration::from_secs(10));
    pool.mark(false);
    assert!(pool.down_for().unwrap() > Duration::from_secs(14), "doubles, capped at the maximum");
    pool.mark(true);
    assert!(pool.down_for().is_none());
}

/// What the scripted relay saw.
#[derive(Default)]
struct Seen {
    /// Message bodies accepted (each as received, dot-stuffing undone).
    accepted: Vec<String>,
    /// Times a message's end was followed, in the same read, by the next MAIL.
    data_then_mail: usize,
    /// Commands that arrived before the previous one was answered, without PIPELINING.
    unasked_pipelining: usize,
}

/// A relay on a free port: rejects RCPT to `bad@…`, offers PIPELINING when
/// asked, and hangs up right after the `hang_up_after`th message of a connection.
fn scripted_relay(pipelining: bool, hang_up_after: usize) -> (u16, Arc<Mutex<Seen>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let port = listener.local_addr().unwrap().port();
    let seen = Arc::new(Mutex::new(Seen::default()));
    let shared = Arc::clone(&seen);
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let seen = Arc::clone(&shared);
            std::thread::spawn(move || session(stream, pipelining, hang_up_after, &seen));
        }
    });
    (port, seen)
}

fn session(stream: TcpStream, pipelining: bool, hang_up_after: usize, seen: &Mutex<Seen>) {
    let mut out = stream.try_clone().unwrap();
    let mut reader = BufReader::new(stream);
    let mut say = |text: &str| out.write_all(format!("{text}\r\n").as_bytes()).is_ok();
    say("220 scripted ESMTP");
    let (mut good_rcpts, mut done) = (0, 0);
    let mut line = String::new();
    loop {
        line.clear();
        if reader.read_line(&mut line).unwrap_or(0) == 0 {
            return;
        }
        if !pipelining && !reader.buffer().is_empty() {
            seen.lock().unwrap().unasked_pipelining += 1;
        }
        let verb = line.get(..4).unwrap_or("").to_ascii_uppercase();
        let ok = match verb.as_str() {
            "EHLO" if pipelining => say("250-scripted\r\n250 PIPELINING"),
            "EHLO" => say("250 scripted"),
            "MAIL" | "RSET" => {
                good_rcpts = 0;
                say("250 ok")
            }
            "RCPT" if line.contains("<bad@") => say("550 5.1.1 no such user"),
            "RCPT" => {
                good_rcpts += 1;
                say("250 ok")
            }
            "DATA" if good_rcpts == 0 => say("554 5.5.1 no valid recipients"),
            "DATA" => {
                say("354 go on");
                let mut body = String::new();
                loop {
                    line.clear();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    if line == ".\r\n" {
                        break;
                    }
                    body.push_str(line.strip_prefix('.').unwrap_or(&line));
                }
                let mut s = seen.lock().unwrap();
                s.accepted.push(body);
                s.data_then_mail += usize::from(reader.buffer().starts_with(b"MAIL"));
                drop(s);
                done += 1;
                let ok = say("250 2.0.0 queued");
                if done == hang_up_after {
                    return;
                }
                ok
            }
            "QUIT" => {
                say("221 bye");
                return;
            }
            _ => say("502 5.5.2 what?"),
        };
        if !ok {
            return;
        }
    }
}

/// Sends `count` messages at once (number 7 to a refused address); the results in order.
fn send_all(pool: &Arc<Pool>, count: usize) -> Vec<Result<String, ClientError>> {
    let tasks: Vec<_> = (0..count)
        .map(|i| {
            let pool = Arc::clone(pool);
            smol::spawn(async move {
                let to = if i == 7 { "bad@partner.test" } else { "ann@partner.test" };
                let body = format!("Subject: message {i}\r\n\r\n.leading dot {i}\r\n");
                pool.send("notices@acme.test", &[to.to_string()], body.into_bytes()).await
            })
        })
        .collect();
    smol::block_on(async {
        let mut results = Vec::new();
        for t in tasks {
            results.push(t.await);
        }
        results
    })
}

fn check_each_good_message_arrived_once(results: &[Result<String, ClientError>], seen: &Seen) {
    for (i, r) in results.iter().enumerate() {
        let arrived = seen.accepted.iter().filter(|b| b.contains(&format!("leading dot {i}\r\n"))).count();
        if i == 7 {
            assert!(matches!(r, Err(ClientError::Reply { code: 550, .. })), "{i}: {r:?}");
            assert_eq!(arrived, 0);
        } else {
            assert!(r.is_ok(), "message {i}: {r:?}");
            assert_eq!(arrived, 1, "message {i} arrived once, dot-stuffing undone");
        }
    }
}

#[test]
fn pipelined_messages_go_with_the_previous_data_and_survive_refusals_and_hang_ups() {
    let (port, seen) = scripted_relay(true, 3);
    let pool = Arc::new(Pool::new(target(port), Duration::from_secs(10), Duration::from_secs(15)));
    let results = send_all(&pool, 40);
    let seen = seen.lock().unwrap();
    check_each_good_message_arrived_once(&results, &seen);
    assert!(seen.data_then_mail > 0, "a message's data carried the next transaction's commands");
}

#[test]
fn a_relay_without_pipelining_gets_one_command_at_a_time() {
    let (port, seen) = scripted_relay(false, 3);
    let pool = Arc::new(Pool::new(target(port), Duration::from_secs(10), Duration::from_secs(15)));
    let results = send_all(&pool, 12);
    let seen = seen.lock().unwrap();
    check_each_good_message_arrived_once(&results, &seen);
    assert_eq!(seen.unasked_pipelining, 0);
}
