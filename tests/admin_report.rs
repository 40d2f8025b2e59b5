//! The daily report over real HTTPS against the real binary: its numbers
//! equal what the test sent, split by direction; CSV; a vault from before
//! the counters gets them built.

mod common;

use common::admin;
use common::portal::Portal;

const GOOD: &str = "Correct-Horse-42-battery";

fn today() -> String {
    let out = std::process::Command::new("date").args(["-u", "+%Y-%m-%d"]).output().unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

/// (outbound, inbound, total) in today's row of the report table.
fn todays_row(body: &str) -> (u32, u32, u32) {
    let table = &body[body.find("id=\"report-days\"").unwrap()..];
    let row = &table[table.find(&format!("<td>{}</td>", today())).expect("a row for today")..];
    let cells: Vec<u32> = row
        .split("<td>")
        .skip(2)
        .take(3)
        .map(|c| c[..c.find('<').unwrap()].parse().unwrap())
        .collect();
    (cells[0], cells[1], cells[2])
}

#[test]
fn the_report_counts_what_was_sent_today_by_direction() {
    let p = Portal::start("");
    let mut bob = p.signed_in_user("bob@partner.test", GOOD);
    let id = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Figures");
    p.cl.send_one(
        "alice@example.org",
        &["carol@partner.test", "dan@partner.test"],
        "[secure] Two at once",
    );
    p.cl.send_one("alice@example.org", &["erin@example.org"], "ordinary, relayed: not in the report");
    let r = p.reply(&mut bob, &id, "Re: figures", "Here you are.");
    assert_eq!(r.status, 303, "{}", r.body);
    let a = admin::add(&p.cl, "root");
    let mut root = admin::signed_in(&p.cl, &a);
    let page = root.get("/admin/report");
    assert_eq!(page.status, 200, "{}", page.body);
    // The invitation, "Figures" and "Two at once" went out; Bob's reply came in.
    assert_eq!(todays_row(&page.body), (3, 1, 4));
    assert!(page.body.contains("4 secure messages from"), "{}", page.body);
    assert!(
        page.body.contains("<svg") && page.body.contains(">4 messages</text>"),
        "the chart with its total"
    );
    assert_eq!(page.body.matches("<tr><td>20").count(), 30, "the last 30 days by default");
    let csv = root.get(&format!("/admin/report/csv?from={0}&to={0}", today()));
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    assert!(csv.header("content-disposition").unwrap().starts_with("attachment"));
    assert_eq!(csv.body, format!("date,outbound,inbound,total\r\n{},3,1,4\r\n", today()));
    let empty = root.get("/admin/report?from=2020-01-01&to=2020-01-31");
    assert!(empty.body.contains("0 secure messages"));
    let bad = root.get("/admin/report?from=someday");
    assert!(bad.body.contains("Dates are written YYYY-MM-DD, like "), "{}", bad.body);
    let long = root.get("/admin/report?from=2020-01-01&to=2026-01-01");
    assert!(long.body.contains("at most 366 days"));
}

#[test]
fn a_vault_from_before_the_report_counters_gets_them_built() {
    let mut p = Portal::start("");
    p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] One");
    p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Two");
    p.cl.stop();
    {
        let db = redb::Database::create(p.cl.data_dir().join("vault.redb")).unwrap();
        let txn = db.begin_write().unwrap();
        let days: redb::TableDefinition<(u32, u8), u32> = redb::TableDefinition::new("report_days");
        assert!(txn.delete_table(days).unwrap());
        let meta: redb::TableDefinition<&str, u64> = redb::TableDefinition::new("meta");
        txn.open_table(meta).unwrap().insert("schema_version", 3).unwrap();
        txn.commit().unwrap();
    }
    p.cl.launch();
    assert!(p.cl.log_text().contains("vault schema 3 -> 4"), "{}", p.cl.log_text());
    let a = admin::add(&p.cl, "root");
    let mut root = admin::signed_in(&p.cl, &a);
    assert_eq!(todays_row(&root.get("/admin/report").body), (2, 0, 2));
}
