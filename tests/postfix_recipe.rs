//! The Postfix recipe (appliance/postfix.md) against a real Postfix: a private
//! instance on loopback ports built from the recipe's snippets, Cloister behind
//! it, and a sink as "the internet". Needs Postfix and root (the test command
//! installs Postfix and runs as root).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::sink::{Caught, Sink};
use common::{Cloister, free_port, message, smtp, wait_for};

const RECIPE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/appliance/postfix");

/// A private Postfix instance; stopped when dropped.
struct Postfix {
    conf: PathBuf,
    log: PathBuf,
    _dir: tempfile::TempDir,
}

impl Drop for Postfix {
    fn drop(&mut self) {
        let _ = Command::new("postfix").arg("-c").arg(&self.conf).arg("stop").output();
    }
}

fn recipe(name: &str, values: &[(&str, String)]) -> String {
    let mut text = std::fs::read_to_string(Path::new(RECIPE).join(name)).unwrap();
    for (placeholder, value) in values {
        text = text.replace(placeholder, value);
    }
    text
}

/// The daemons every instance needs (no chroot: it would need /etc copies).
const BASE_MASTER: &str = "\
pickup    unix  n       -       n       60      1       pickup
cleanup   unix  n       -       n       -       0       cleanup
qmgr      unix  n       -       n       300     1       qmgr
rewrite   unix  -       -       n       -       -       trivial-rewrite
bounce    unix  -       -       n       -       0       bounce
defer     unix  -       -       n       -       0       bounce
trace     unix  -       -       n       -       0       bounce
verify    unix  -       -       n       -       1       verify
flush     unix  n       -       n       1000?   0       flush
proxymap  unix  -       -       n       -       -       proxymap
smtp      unix  -       -       n       -       -       smtp
relay     unix  -       -       n       -       -       smtp
showq     unix  n       -       n       -       -       showq
error     unix  -       -       n       -       -       error
retry     unix  -       -       n       -       -       error
discard   unix  -       -       n       -       -       discard
anvil     unix  -       -       n       -       1       anvil
scache    unix  -       -       n       -       1       scache
postlog   unix-dgram n  -       n       -       1       postlogd
";

/// Starts Postfix on `port` with the recipe: filter to Cloister at `cloister`,
/// re-injection on `reinject`, everything else to the sink ("the internet").
fn start_postfix(port: u16, cloister: u16, reinject: u16, internet: u16) -> Postfix {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    std::fs::set_permissions(root, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let (conf, queue, data, log) = (root.join("conf"), root.join("queue"), root.join("data"), root.join("maillog"));
    for d in [&conf, &queue, &data] {
        std::fs::create_dir_all(d).unwrap();
    }
    assert!(Command::new("chown").arg("postfix").arg(&data).status().unwrap().success());
    let cidr = conf.join("cloister_clients.cidr");
    let values = [
        ("ORG_NETWORK", "127.0.0.0/8".to_string()),
        ("CLOISTER_HOST", "127.0.0.1".to_string()),
        ("CLOISTER_PORT", cloister.to_string()),
        ("REINJECT_PORT", reinject.to_string()),
        ("CLOISTER_NETWORK", "127.0.0.1/32".to_string()),
        ("/etc/postfix/cloister_clients.cidr", cidr.display().to_string()),
    ];
    std::fs::write(&cidr, recipe("cloister_clients.cidr", &values)).unwrap();
    let main = format!(
        "compatibility_level = 3.6\nqueue_directory = {}\ndata_directory = {}\nmail_owner = postfix\nsetgid_group = postdrop\n\
         syslog_name = postfix-recipe\nmaillog_file_prefixes = /tmp, /var\nmaillog_file = {}\nmyhostname = mx.test.local\nmydomain = test.local\nmydestination =\n\
         alias_maps =\nalias_database =\nlocal_recipient_maps =\ninet_interfaces = loopback-only\ninet_protocols = ipv4\n\
         mynetworks = 127.0.0.0/8\nsmtpd_peername_lookup = no\nsmtp_host_lookup = native\nsmtp_dns_support_level = disabled\n\
         relayhost = [127.0.0.1]:{internet}\nsmtp_tls_security_level = none\n{}",
        queue.display(),
        data.display(),
        log.display(),
        recipe("main.cf.snippet", &values)
    );
    std::fs::write(conf.join("main.cf"), main).unwrap();
    let master = format!(
        "127.0.0.1:{port} inet n - n - - smtpd\n{BASE_MASTER}{}",
        recipe("master.cf.snippet", &values)
    );
    std::fs::write(conf.join("master.cf"), master).unwrap();
    for step in ["check", "start"] {
        let out = Command::new("postfix")
            .arg("-c")
            .arg(&conf)
            .arg(step)
            .output()
            .expect("postfix (tests/run.sh installs it)");
        assert!(
            out.status.success(),
            "postfix {step}: {}{}\n{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr),
            std::fs::read_to_string(&log).unwrap_or_default()
        );
    }
    wait_for(Duration::from_secs(10), || std::net::TcpStream::connect(("127.0.0.1", port)).ok()).expect("postfix listens");
    Postfix { conf, log, _dir: dir }
}

fn caught_for(sink: &Sink, to: &str) -> Vec<Caught> {
    sink.all().into_iter().filter(|m| m.to.iter().any(|t| t == to)).collect()
}

#[test]
fn secure_mail_through_postfix_lands_in_the_vault_and_ordinary_mail_comes_out_once() {
    let internet = Sink::start();
    let (pf_port, reinject) = (free_port(), free_port());
    let cl = Cloister::start(reinject, "");
    let pf = start_postfix(pf_port, cl.smtp.port(), reinject, internet.port);

    let mut client = smtp::Client::connect(format!("127.0.0.1:{pf_port}").parse().unwrap());
    client.cmd("EHLO workstation.example.org");
    let secure = message(
        &["From: alice@example.org", "To: bob@partner.test", "Subject: [secure] Board pack"],
        "The confidential figures.\n",
    );
    assert!(client.send("alice@example.org", &["bob@partner.test"], &secure).starts_with("250"));
    let ordinary = message(&["From: alice@example.org", "To: carol@partner.test", "Subject: Lunch"], "Noon?\n");
    assert!(
        client
            .send("alice@example.org", &["carol@partner.test"], &ordinary)
            .starts_with("250")
    );

    let lunch = wait_for(Duration::from_secs(30), || {
        caught_for(&internet, "carol@partner.test").into_iter().next()
    })
    .unwrap_or_else(|| {
        panic!(
            "ordinary mail never came out; postfix log:\n{}",
            std::fs::read_to_string(&pf.log).unwrap_or_default()
        )
    });
    let notice = wait_for(Duration::from_secs(30), || {
        caught_for(&internet, "bob@partner.test")
            .into_iter()
            .find(|m| m.text().contains("/m/"))
    })
    .expect("the secure message's notice reaches the internet through Postfix");
    std::thread::sleep(Duration::from_secs(2));

    let held: Vec<String> = cl
        .messages()
        .iter()
        .map(|m| m["subject"].as_str().unwrap_or("").to_string())
        .collect();
    assert!(held.iter().any(|s| s == "Board pack"), "held in the vault: {held:?}");
    for m in caught_for(&internet, "bob@partner.test") {
        assert!(
            !m.text().contains("confidential figures"),
            "the secure body never leaves: {}",
            m.text()
        );
    }
    assert_eq!(
        caught_for(&internet, "carol@partner.test").len(),
        1,
        "ordinary mail arrives exactly once"
    );
    let text = lunch.text();
    assert!(text.contains("Noon?"));
    assert_eq!(text.matches("by cloister.test").count(), 1, "it passed Cloister once:\n{text}");
    assert_eq!(
        text.matches("by mx.test.local").count(),
        2,
        "and Postfix twice (in, back from Cloister):\n{text}"
    );
    assert!(notice.is_auto_generated());
    let log = std::fs::read_to_string(&pf.log).unwrap_or_default();
    assert!(
        !log.contains("loops back to myself") && !log.contains("mail forwarding loop"),
        "{log}"
    );
    assert!(!log.contains("fatal") && !log.contains("panic"), "{log}");
}
