//! Connection budgets and strict SMTP input: strangers cannot take every
//! slot or descriptor, a slow client cannot hold a transaction open forever,
//! unfinished DATA is not held in memory, and a recipient the notifier could
//! never reach is refused at RCPT. Real binary, real sockets.

mod common;

use std::net::{IpAddr, TcpStream};
use std::time::{Duration, Instant};

use common::smtp::Client;
use common::{Cloister, wait_for};

fn loopback(last: u8) -> IpAddr {
    IpAddr::from([127, 0, 0, last])
}

/// Regression: idle connections from a few addresses filled every slot, so the
/// trusted mail server got 421. The last slots are now kept for trusted networks.
#[test]
fn strangers_cannot_take_the_slots_kept_for_the_mail_server() {
    let c = Cloister::start_with(
        common::free_port(),
        "trusted_networks = [\"127.0.0.1/32\"]\nmax_connections = 4\nreserved_trusted_connections = 2\nmax_connections_per_client = 4",
        "",
    );
    let strangers: Vec<Client> = (2..4).map(|i| Client::connect_from(c.smtp, loopback(i))).collect();
    assert!(strangers.iter().all(|s| s.greeting.starts_with("220")));
    let third = Client::connect_from(c.smtp, loopback(4));
    assert!(third.greeting.starts_with("421 4.7.0"), "{}", third.greeting);
    let mut server = Client::connect_from(c.smtp, loopback(1));
    assert!(
        server.greeting.starts_with("220"),
        "the trusted mail server gets in: {}",
        server.greeting
    );
    server.cmd("EHLO mail.example.org");
    let r = server.send("alice@example.org", &["bob@example.org"], b"Subject: hi\r\n\r\nhello\r\n");
    assert!(r.starts_with("250"), "{r}");
}

/// Regression: a DATA phase fed one byte every few seconds had no overall
/// deadline. Now the whole transaction must end within `transaction_timeout_secs`.
#[test]
fn a_slow_drip_transaction_meets_its_deadline() {
    let c = Cloister::start_with(common::free_port(), "transaction_timeout_secs = 2\ndata_timeout_secs = 60", "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    assert!(client.cmd("MAIL FROM:<alice@example.org>").starts_with("250"));
    assert!(client.cmd("RCPT TO:<pat@partner.test>").starts_with("250"));
    assert!(client.cmd("DATA").starts_with("354"));
    let started = Instant::now();
    while started.elapsed() < Duration::from_secs(10) && client.try_send_raw(b"x") {
        std::thread::sleep(Duration::from_millis(400));
    }
    let answered = client.reply();
    assert!(started.elapsed() < Duration::from_secs(5), "closed after {:?}", started.elapsed());
    assert!(answered.starts_with("421 4.4.2"), "{answered:?}");
    assert!(c.messages().is_empty(), "nothing stored");
}

/// Regression: RCPT accepted addresses no notice can reach (a quoted local
/// part holding another address, a trailing dot, raw 8-bit without SMTPUTF8):
/// an account and a message were made, and the sender heard nothing for 48 h.
#[test]
fn undeliverable_recipients_are_refused_at_rcpt() {
    let c = Cloister::start(common::free_port(), "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    assert!(client.cmd("MAIL FROM:<alice@example.org>").starts_with("250"));
    for (rcpt, why) in [
        ("\"x@ext.test\"@evil.test", "quoted local parts"),
        ("x@ext.test.", "invalid domain"),
        ("jörg@ext.test", "without SMTPUTF8"),
    ] {
        let r = client.cmd(&format!("RCPT TO:<{rcpt}>"));
        assert!(r.starts_with("553 5.1.3") && r.contains(why), "{rcpt}: {r}");
    }
    client.cmd("RSET");
    assert!(client.cmd("MAIL FROM:<alice@example.org> SMTPUTF8").starts_with("250"));
    assert!(client.cmd("RCPT TO:<jörg@ext.test>").starts_with("250"), "allowed under SMTPUTF8");
    let users = c.cli(&["user", "list", "--json"]);
    assert!(!String::from_utf8_lossy(&users.stdout).contains("evil.test"));
}

/// Regression: NUL bytes in DATA were accepted and relayed (RFC 6152 forbids them).
#[test]
fn nul_bytes_in_data_are_refused_like_bare_line_endings() {
    let c = Cloister::start(common::free_port(), "");
    let mut client = Client::connect(c.smtp);
    client.cmd("EHLO x");
    let r = client.send("alice@example.org", &["pat@partner.test"], b"Subject: [secure] n\r\n\r\na\0b\r\n");
    assert!(r.starts_with("550 5.6.0") && r.contains("NUL"), "{r}");
    assert!(c.messages().is_empty());
}

/// Regression: unfinished DATA was held whole in memory (sessions × size limit).
/// Past 1 MiB it now goes to a 0600 spool file; ten sessions each midway
/// through 4 MB add far less than the 40 MB they hold, and the message stored
/// in the end is the one sent.
#[test]
fn large_unfinished_data_is_spooled_not_held_in_memory() {
    let c = Cloister::start(common::free_port(), "");
    let pid = c.child.as_ref().unwrap().id();
    let spool = c.data_dir().join("spool");
    let line = format!("{}\r\n", "y".repeat(998));
    let chunk = line.repeat(4000);
    let before = common::rss_kib(pid);
    let mut clients: Vec<Client> = (0..10)
        .map(|_| {
            let mut client = Client::connect(c.smtp);
            client.cmd("EHLO x");
            assert!(client.cmd("MAIL FROM:<alice@example.org>").starts_with("250"));
            assert!(client.cmd("RCPT TO:<pat@partner.test>").starts_with("250"));
            assert!(client.cmd("DATA").starts_with("354"));
            client.send_raw(b"Subject: [secure] big\r\n\r\n");
            client.send_raw(chunk.as_bytes());
            client
        })
        .collect();
    let spooled = wait_for(Duration::from_secs(10), || {
        let files: Vec<_> = std::fs::read_dir(&spool).unwrap().map(|e| e.unwrap().path()).collect();
        (files.len() == 10).then_some(files)
    })
    .expect("ten spool files");
    for f in &spooled {
        use std::os::unix::fs::PermissionsExt as _;
        assert_eq!(std::fs::metadata(f).unwrap().permissions().mode() & 0o777, 0o600);
    }
    let grown = common::rss_kib(pid).saturating_sub(before);
    eprintln!("RSS grew {grown} KiB with 10 sessions holding 4 MB of unfinished DATA each");
    assert!(grown < 25 * 1024, "grew {grown} KiB");
    let r = clients[0].data_end();
    assert!(r.starts_with("250"), "{r}");
    let stored = c.messages();
    assert_eq!(stored.len(), 1);
    assert!(stored[0]["size"].as_u64().unwrap() > 4_000_000, "{:?}", stored[0]);
    drop(clients);
    let emptied = wait_for(Duration::from_secs(10), || {
        std::fs::read_dir(&spool).unwrap().next().is_none().then_some(())
    });
    assert!(emptied.is_some(), "spool files go with their sessions");
}

/// Regression: ~1,100 idle HTTPS connections used up 1,024 descriptors and
/// SMTP intake then failed ("Too many open files"). With the server limited
/// to 1,024 open files and no per-client cap in the way, the HTTPS total cap
/// (sized to fit) closes the excess and SMTP answers 220 within a second.
#[test]
fn an_https_connection_flood_leaves_smtp_answering() {
    let mut c = Cloister::prepare(common::free_port(), "", "");
    std::fs::write(
        &c.config,
        std::fs::read_to_string(&c.config)
            .unwrap()
            .replace("[web]\n", "[web]\nmax_connections_per_client = 5000\n"),
    )
    .unwrap();
    c.open_files = Some(1024);
    c.launch();
    let flood: Vec<TcpStream> = (0..1100).filter_map(|_| TcpStream::connect(c.https).ok()).collect();
    assert!(flood.len() > 1000, "{} connections made", flood.len());
    std::thread::sleep(Duration::from_millis(500));
    let started = Instant::now();
    let smtp = Client::connect(c.smtp);
    assert!(smtp.greeting.starts_with("220"), "{}", smtp.greeting);
    assert!(started.elapsed() < Duration::from_secs(1), "greeting after {:?}", started.elapsed());
    let (_, metrics) = common::plain_http(c.metrics_addr(), "GET", "/metrics");
    let refused = metrics
        .lines()
        .find(|l| l.starts_with("cloister_https_connections_refused_total "))
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|n| n.parse::<u64>().ok())
        .unwrap_or(0);
    assert!(refused >= 200, "connections over the cap are closed at once: {refused}");
    drop(flood);
    assert!(!c.log_text().contains("Too many open files"), "{}", c.log_text());
}
