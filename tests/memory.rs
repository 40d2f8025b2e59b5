//! The server gives memory back after a burst of mail. Regression: glibc's
//! malloc raised its thresholds as blocks were freed and every worker
//! thread's arena kept its freed heap, so 2,000 held messages of 10 KB over 8
//! sessions left the server at 470 MB resident (idle: 13 MB), for good: the
//! argon2id work memory of first-contact passwords (19 MiB each) stayed in the
//! arena of every thread that had hashed one.

mod common;

use std::time::Duration;

use common::sink::Sink;
use common::{Cloister, wait_for};

#[test]
fn a_burst_of_held_mail_leaves_the_server_near_its_idle_memory() {
    let sink = Sink::start();
    let cl = Cloister::start(sink.port, "");
    let pid = cl.child.as_ref().unwrap().id();
    let body = "figures for the quarter, line after line of them\n".repeat(200);
    let idle = common::rss_kib(pid);
    std::thread::scope(|s| {
        for session in 0..8 {
            let (cl, body) = (&cl, &body);
            s.spawn(move || {
                let mut client = common::smtp::Client::connect(cl.smtp);
                client.cmd("EHLO burst.test");
                for n in 0..150 {
                    let subject = format!("Subject: [secure] burst {session} {n}");
                    // A new partner every 10 messages: a first contact (and its
                    // argon2id hash, 19 MiB of work memory) on every worker.
                    let to = format!("r{session}x{}@partner.test", n / 10);
                    let r = client.send("alice@example.org", &[&to], &common::message(&[&subject], body));
                    assert!(r.starts_with("250 "), "{r}");
                }
            });
        }
    });
    let drained = wait_for(Duration::from_mins(2), || cl.outbox().is_empty().then_some(()));
    assert!(drained.is_some(), "the notices went out");
    std::thread::sleep(Duration::from_millis(500));
    let after = common::rss_kib(pid);
    assert!(
        after < idle + 80_000,
        "resident {after} kB after 1,200 messages of 10 KB (idle {idle} kB): freed memory was kept"
    );
}
