//! The admin console's home over real HTTPS against the real binary: every
//! figure equals what the vault, the disk, the certificate and the CLI say,
//! and every one links to the page that shows it in full.

mod common;

use common::admin;
use common::https::Response;
use common::portal::Portal;
use common::{Cloister, free_port, wait_for};
use std::time::Duration;

const GOOD: &str = "Correct-Horse-42-battery";

/// The number in the element `id` (inside a `<strong>` or straight in the link).
fn figure(page: &Response, id: &str) -> u64 {
    let marker = format!("id=\"{id}\"");
    let at = page.body.find(&marker).unwrap_or_else(|| panic!("no {id} in {}", page.body));
    let rest = &page.body[at..];
    let text = &rest[rest.find('>').unwrap() + 1..];
    let text = text.strip_prefix("<strong>").unwrap_or(text);
    let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("{id} is not a number: {}", &text[..40.min(text.len())]))
}

/// The text inside the element `id` up to the next tag (attributes in any order).
fn inner(page: &Response, id: &str) -> String {
    let marker = format!("id=\"{id}\"");
    let at = page.body.find(&marker).unwrap_or_else(|| panic!("no {id} in {}", page.body));
    let rest = &page.body[at..];
    let text = &rest[rest.find('>').unwrap() + 1..];
    text[..text.find('<').unwrap()].to_string()
}

fn href_of(page: &Response, id: &str) -> String {
    let marker = format!("id=\"{id}\" href=\"");
    let at = page.body.find(&marker).unwrap_or_else(|| panic!("no link {id}")) + marker.len();
    page.body[at..]
        .split('"')
        .next()
        .unwrap()
        .replace("&#x2f;", "/")
        .replace("&amp;", "&")
}

#[test]
fn the_dashboard_shows_what_the_vault_holds_and_links_each_figure() {
    let p = Portal::start("[portal]\nlockout_threshold = 2\n");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let id = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Figures");
    p.cl.send_one("alice@example.org", &["carol@partner.test", "dan@partner.test"], "[secure] Two");
    assert_eq!(bob.get(&format!("/m/{id}")).status, 200, "Bob reads it");
    let r = p.reply(&mut bob, &id, "Re: figures", "Here you are.");
    assert_eq!(r.status, 303, "{}", r.body);
    // One failed sign-in, then one that locks the account out.
    for _ in 0..2 {
        let mut stranger = p.agent();
        assert!(
            p.sign_in(&mut stranger, "carol@partner.test", "wrong-password-1", "/")
                .body
                .contains("Sign-in failed")
        );
    }
    let a = admin::add(&p.cl, "root");
    let mut wrong = p.agent();
    assert_ne!(admin::sign_in_with(&mut wrong, &a, "not-the-password", "000000").status, 303);
    let mut root = admin::signed_in(&p.cl, &a);
    // Everything queued has gone out.
    wait_for(Duration::from_secs(20), || {
        p.cl.outbox().iter().all(|r| r["state"] != "pending").then_some(())
    })
    .expect("the outbox drains");

    let page = root.get("/admin");
    assert_eq!(page.status, 200, "{}", page.body);
    // The invitation, "Figures" and "Two" went out; Bob's reply came in.
    for (id, want) in [("today-out", 3), ("week-out", 3), ("today-in", 1), ("week-in", 1)] {
        assert_eq!(figure(&page, id), want, "{id}");
    }
    // Statuses against the CLI's own walk over every record.
    let messages = p.cl.messages();
    for label in ["Sent", "Read", "Recalled", "Extended", "Expired"] {
        let held = messages.iter().filter(|m| m["status"] == label).count() as u64;
        assert_eq!(figure(&page, &format!("status-{}", label.to_lowercase())), held, "{label}");
    }
    assert_eq!(figure(&page, "status-read"), 1);
    assert_eq!((figure(&page, "outbox-pending"), figure(&page, "outbox-dead")), (0, 0));
    assert_eq!(figure(&page, "failed-sign-ins"), 1);
    assert_eq!(figure(&page, "lockouts"), 1);
    assert_eq!(figure(&page, "failed-admin-sign-ins"), 1);

    // Each figure's link shows the same number on its page.
    let report = root.get(&href_of(&page, "week-out"));
    assert!(report.body.contains("4 secure messages from"), "{}", report.body);
    let read = root.get(&href_of(&page, "status-read"));
    assert_eq!(
        read.body.matches("<tr><td><a href=\"/admin/message?id=").count(),
        1,
        "{}",
        read.body
    );
    let lockouts = root.get(&href_of(&page, "lockouts"));
    assert_eq!(lockouts.body.matches("now locked").count(), 1, "{}", lockouts.body);
    assert_eq!(root.get(&href_of(&page, "cert-expires")).status, 200);

    system_figures(&p.cl, &page);
}

/// Certificate, DKIM record, vault size and version against the files and the CLI.
fn system_figures(cl: &Cloister, page: &Response) {
    let pem = std::fs::read_to_string(cl.data_dir().join("tls/server.pem")).unwrap();
    let out = std::process::Command::new("openssl")
        .args(["x509", "-noout", "-enddate", "-dateopt", "iso_8601"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            use std::io::Write as _;
            c.stdin.take().unwrap().write_all(pem.as_bytes())?;
            c.wait_with_output()
        })
        .expect("openssl x509");
    let end = String::from_utf8(out.stdout).unwrap();
    // notAfter=2027-12-04 03:50:12Z → "2027-12-04 03:50"
    let end = end.trim().trim_start_matches("notAfter=");
    assert!(
        inner(page, "cert-expires").contains(&format!("valid until {} UTC", &end[..16])),
        "{end} vs {}",
        inner(page, "cert-expires")
    );
    let dkim = cl.cli(&["dkim"]);
    let zone = String::from_utf8(dkim.stdout).unwrap();
    let record: String = zone.lines().last().unwrap().split('"').skip(1).step_by(2).collect();
    assert_eq!(inner(page, "dkim-record").replace("&#x2f;", "/").replace("&#x3d;", "="), record);
    assert!(zone.contains(&format!("{}. IN TXT", inner(page, "dkim-name"))), "{zone}");
    let vault = std::fs::metadata(cl.data_dir().join("vault.redb")).unwrap().len();
    let shown = inner(page, "vault-size");
    // Decimal units rounded up, as every size in Cloister reads (src/model/units.rs).
    let (number, unit) = shown.split_once(' ').unwrap();
    let scale = match unit {
        "kB" => 1_000.0,
        "MB" => 1_000_000.0,
        other => panic!("{other} for a test vault"),
    };
    let number: f64 = number.parse().unwrap();
    let vault = f64::from(u32::try_from(vault).expect("a test vault under 4 GB"));
    let step = if unit == "kB" { 1.0 } else { 0.1 };
    assert!(
        number >= vault / scale - 1e-9 && number - vault / scale <= step + 1e-9,
        "{shown} vs {vault} bytes"
    );
    assert!(inner(page, "disk-free").contains(" free of "));
    assert_eq!(inner(page, "version"), format!("Cloister {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn mail_the_relay_will_not_take_shows_as_waiting_with_its_age() {
    let cl = Cloister::start(free_port(), "");
    cl.send_one("alice@example.org", &["erin@example.org"], "ordinary, for the relay nobody runs");
    let held = cl.send_one("alice@example.org", &["pat@partner.test"], "[secure] held; its notices wait too");
    let a = admin::add(&cl, "root");
    let mut root = admin::signed_in(&cl, &a);
    let page = root.get("/admin");
    // The relayed copy, the partner's first-contact mail and the notice, the sender's welcome.
    assert_eq!(figure(&page, "outbox-pending"), 4, "{}", page.body);
    assert!(
        inner(&page, "outbox-oldest").ends_with(" second") || inner(&page, "outbox-oldest").ends_with(" seconds"),
        "{}",
        inner(&page, "outbox-oldest")
    );
    assert_eq!(href_of(&page, "outbox-pending"), "/admin/monitor#dead");
    let monitor = root.get("/admin/monitor");
    assert_eq!(figure(&monitor, "waiting"), 4, "the monitor's outbox says the same");
    assert!(monitor.body.contains("waiting to be sent, the oldest for "));
    let pending = cl.outbox().iter().filter(|r| r["state"] == "pending").count();
    assert_eq!(pending, 4, "the CLI sees the same rows");
    // The held message's story lists its own three rows (the sender's welcome
    // came with it), not the relayed one.
    let story = root.get(&format!("/admin/message?id={held}"));
    let rows = &story.body[story.body.find("id=\"outbox\"").expect("an outbox table")..];
    let rows = &rows[..rows.find("</table>").unwrap()];
    assert_eq!(rows.matches("<tr><td>").count(), 3, "{rows}");
    assert!(
        rows.contains("welcome") && rows.contains("first-contact") && rows.contains("notification") && rows.contains("pending"),
        "{rows}"
    );
}
