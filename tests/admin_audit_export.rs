//! The audit's CSV export streams: every event the filter keeps, newest
//! first, none twice, however many there are, while the server's memory
//! stays flat (before, the export was built whole, up to 100,000 rows).
//! The events are written into the stopped vault in the stored format, so
//! the test does not wait for 100,000 real sign-ins. (Built whole, as before,
//! the same export grew the server by 33 MiB; streamed, by none measurable.)

mod common;

use common::admin;
use common::portal::Portal;
use redb::ReadableTable as _;

const BULK: u64 = 100_000;

/// Appends `BULK` account events about `nN@bulk.test` after the vault's last
/// event, the first half dated three days back.
fn write_bulk_events(data_dir: &std::path::Path) {
    let db = redb::Database::create(data_dir.join("vault.redb")).unwrap();
    let txn = db.begin_write().unwrap();
    {
        let meta_def: redb::TableDefinition<&str, u64> = redb::TableDefinition::new("meta");
        let events_def: redb::TableDefinition<(u64, u64), &[u8]> = redb::TableDefinition::new("events");
        let mut meta = txn.open_table(meta_def).unwrap();
        let first = meta.get("event_seq").unwrap().map_or(0, |v| v.value()) + 1;
        let mut events = txn.open_table(events_def).unwrap();
        let now_ms = i64::try_from(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_millis(),
        )
        .unwrap();
        for i in 0..BULK {
            let seq = first + i;
            // The first half three days ago, the rest in the last minutes.
            let back = if i < BULK / 2 { 3 * 86_400_000 } else { 0 };
            let at_ms = now_ms - back - i64::try_from(BULK - i).unwrap();
            let json = format!(
                r#"{{"seq":{seq},"message_id":0,"at_ms":{at_ms},"actor":"operator (test)","what":{{"kind":"account_added","address":"n{i}@bulk.test","internal":false}}}}"#
            );
            events.insert((0, seq), json.as_bytes()).unwrap();
        }
        meta.insert("event_seq", first + BULK - 1).unwrap();
    }
    txn.commit().unwrap();
}

#[test]
fn the_audit_export_streams_every_row_in_flat_memory() {
    let mut p = Portal::start("");
    let a = admin::add(&p.cl, "root");
    p.cl.stop();
    write_bulk_events(&p.cl.data_dir());
    p.cl.launch();
    let mut root = admin::signed_in(&p.cl, &a);
    let pid = p.cl.child.as_ref().unwrap().id();
    let _ = root.get("/admin/audit");
    let before = common::rss_kib(pid);
    // The server's resident memory, sampled while the export runs.
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let sampler = {
        let done = std::sync::Arc::clone(&done);
        std::thread::spawn(move || {
            let mut most = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                most = most.max(common::rss_kib(pid));
                std::thread::sleep(std::time::Duration::from_millis(2));
            }
            most
        })
    };
    let csv = root.get("/admin/audit/csv?kind=admin-change&q=bulk.test");
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let most = sampler.join().unwrap();
    assert_eq!(csv.status, 200);
    assert_eq!(csv.header("transfer-encoding"), Some("chunked"), "sent as it is read");
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines[0], "time_utc,kind,who,what");
    let rows = &lines[1..];
    assert_eq!(rows.len() as u64, BULK, "every row, none twice");
    let numbers: Vec<u64> = rows
        .iter()
        .map(|r| {
            r.split("created external account n")
                .nth(1)
                .unwrap()
                .split('@')
                .next()
                .unwrap()
                .parse()
                .unwrap()
        })
        .collect();
    assert!(
        numbers.windows(2).all(|w| w[0] == w[1] + 1),
        "newest first, nothing skipped or repeated"
    );
    let grown_mib = most.saturating_sub(before) / 1024;
    println!(
        "server peak RSS grew {grown_mib} MiB over a {BULK}-row export ({} MB of CSV)",
        csv.body.len() / 1_000_000
    );
    assert!(grown_mib < 16, "the server's memory stays flat: grew {grown_mib} MiB");

    let head = root.request("HEAD", "/admin/audit/csv", None, &[]);
    assert_eq!((head.status, head.body.as_str()), (200, ""), "HEAD sends no rows");
    let today = root.get("/admin/audit/csv?q=bulk.test&from=2999-01-01");
    assert_eq!(today.body.lines().count(), 1, "a date range after the last event: the header alone");
}

#[test]
fn the_cli_lists_the_audit_streamed_oldest_first_with_since_kind_and_limit() {
    let mut p = Portal::start("");
    let a = admin::add(&p.cl, "root");
    p.cl.stop();
    write_bulk_events(&p.cl.data_dir());
    p.cl.launch();
    let _root = admin::signed_in(&p.cl, &a);
    let out = p.cl.cli(&["audit", "--json", "--status", "admin-change"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let rows: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(rows.len() as u64, BULK + 1, "the bulk events and the admin's creation");
    assert_eq!(rows[0]["what"], "admin root created (with TOTP)", "oldest first");
    assert_eq!(
        rows[1]["what"],
        "created external account n0@bulk.test (no password, nothing mailed)"
    );
    assert!(
        rows.windows(2).all(|w| w[0]["seq"].as_u64() < w[1]["seq"].as_u64()),
        "in order, none twice"
    );
    let sign_ins = p.cl.cli(&["audit", "--json", "--status", "admin-sign-in"]);
    let sign_ins: Vec<serde_json::Value> = serde_json::from_slice(&sign_ins.stdout).unwrap();
    assert_eq!(sign_ins.len(), 1, "{sign_ins:?}");
    let three = p.cl.cli(&["audit", "--limit", "3"]);
    let text = String::from_utf8(three.stdout).unwrap();
    assert!(text.ends_with("3 row(s)\n"), "{text}");
    let yesterday = day_text(-1);
    let recent = p.cl.cli(&["audit", "--json", "--status", "admin-change", "--since", &yesterday]);
    let recent: Vec<serde_json::Value> = serde_json::from_slice(&recent.stdout).unwrap();
    assert_eq!(recent.len() as u64, BULK / 2, "the half from the last day");
    assert!(
        recent[0]["what"].as_str().unwrap().contains(&format!(" n{}@bulk.test", BULK / 2)),
        "{}",
        recent[0]
    );
    let later = p.cl.cli(&["audit", "--json", "--since", "2999-01-01"]);
    assert_eq!(String::from_utf8(later.stdout).unwrap().trim(), "[]");
    let bad = p.cl.cli(&["audit", "--status", "sent"]);
    assert!(!bad.status.success());
    let said = String::from_utf8_lossy(&bad.stderr);
    assert!(said.contains("--status \"sent\"") && said.contains("admin-change"), "{said}");
}

/// The UTC day `offset` days from today, as YYYY-MM-DD.
fn day_text(offset: i64) -> String {
    let out = std::process::Command::new("date")
        .args(["-u", "-d", &format!("{offset} days"), "+%Y-%m-%d"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}
