//! The directory's domains over real HTTPS against the real binary: every
//! domain secure mail was held for is listed with its users, denials and held
//! messages (kept in the transaction that changes them), stays after its
//! last account goes, is found by the search box, and a vault from before
//! the counts gets them built.

mod common;

use common::admin;
use common::https::{Agent, Response};
use common::portal::Portal;

/// The cells of the domain's row: users, denied, held, last held, kind.
fn row(page: &Response, domain: &str) -> Vec<String> {
    let marker = format!(">{domain}</a></td>");
    let at = page
        .body
        .find(&marker)
        .unwrap_or_else(|| panic!("no row for {domain}: {}", page.body))
        + marker.len();
    let rest = &page.body[at..page.body[at..].find("</tr>").unwrap() + at];
    rest.split("<td>").skip(1).map(|c| c[..c.find('<').unwrap()].to_string()).collect()
}

fn deny_logon(root: &mut Agent, address: &str) {
    let r = admin::post(
        root,
        "/admin/user",
        &[("address", address), ("action", "deny-logon"), ("confirm", "yes")],
    );
    assert_eq!(r.status, 303, "{}", r.body);
}

#[test]
fn every_domain_held_mail_reached_is_listed_counted_and_found() {
    let p = Portal::start("");
    p.cl.send_one("alice@example.org", &["bob@partner.test", "carol@partner.test"], "[secure] To both");
    p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] To Bob");
    p.cl.send_one("alice@example.org", &["dan@other.test"], "[secure] To Dan");
    p.cl.send_one(
        "alice@example.org",
        &["erin@example.org"],
        "ordinary: relayed, no domain row for it",
    );
    let a = admin::add(&p.cl, "root");
    let mut root = admin::signed_in(&p.cl, &a);
    deny_logon(&mut root, "carol@partner.test");
    let r = admin::post(
        &mut root,
        "/admin/user",
        &[("address", "dan@other.test"), ("action", "delete"), ("confirm", "yes")],
    );
    assert_eq!(r.status, 303);

    let page = root.get("/admin/directory");
    let partner = row(&page, "partner.test");
    assert_eq!(partner[..3], ["2", "1", "3"], "two users, one denied, three held (per recipient)");
    assert!(partner[3].ends_with(" UTC") && partner[4] == "external", "{partner:?}");
    let other = row(&page, "other.test");
    assert_eq!(other[..3], ["0", "0", "1"], "the domain stays after its last account went");
    assert_eq!(row(&page, "example.org")[..3], ["1", "0", "0"], "the internal sender");
    assert!(!page.body.contains(">erin@"), "relayed mail makes no account");

    deny_logon(&mut root, "bob@partner.test");
    let r = admin::post(
        &mut root,
        "/admin/user",
        &[("address", "carol@partner.test"), ("action", "allow-logon")],
    );
    assert_eq!(r.status, 303);
    assert_eq!(
        row(&root.get("/admin/directory"), "partner.test")[..2],
        ["2", "1"],
        "denials follow both ways"
    );

    let found = root.get("/admin/directory?match=OTHER");
    assert!(
        found.body.contains(">other.test</a>") && !found.body.contains(">partner.test</a>"),
        "{}",
        found.body
    );
    assert!(found.body.contains("value=\"OTHER\""), "the search stays in its box");
    let users = root.get("/admin/directory?domain=partner.test");
    assert!(users.body.contains(">bob@partner.test<") && users.body.contains(">carol@partner.test<"));
    assert!(
        !root.get("/admin/directory?domain=other.test").body.contains("dan@"),
        "a deleted account leaves its domain's list"
    );
    let none = root.get("/admin/directory?match=nowhere");
    assert!(none.text_of("empty").contains("No domain matches"), "{}", none.body);
}

#[test]
fn a_vault_from_before_the_domain_counts_gets_them_built() {
    let mut p = Portal::start("");
    p.cl.send_one("alice@example.org", &["bob@partner.test", "carol@partner.test"], "[secure] One");
    p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Two");
    let a = admin::add(&p.cl, "root");
    let mut root = admin::signed_in(&p.cl, &a);
    deny_logon(&mut root, "carol@partner.test");
    let before = row(&root.get("/admin/directory"), "partner.test");
    assert_eq!(before[..3], ["2", "1", "3"]);
    p.cl.stop();
    {
        let db = redb::Database::create(p.cl.data_dir().join("vault.redb")).unwrap();
        let txn = db.begin_write().unwrap();
        let domains: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new("domains");
        assert!(txn.delete_table(domains).unwrap());
        let listed: redb::TableDefinition<(&str, &str), ()> = redb::TableDefinition::new("account_domains");
        assert!(txn.delete_table(listed).unwrap());
        let meta: redb::TableDefinition<&str, u64> = redb::TableDefinition::new("meta");
        txn.open_table(meta).unwrap().insert("schema_version", 8).unwrap();
        txn.commit().unwrap();
    }
    p.cl.launch();
    assert!(p.cl.log_text().contains("vault schema 8 -> 9"), "{}", p.cl.log_text());
    // The admin's session is kept in the vault: the same agent goes on.
    let after = row(&root.get("/admin/directory"), "partner.test");
    assert_eq!(after[..3], before[..3], "users, denials and held messages as they were");
    assert_eq!(after[3][..10], before[3][..10], "the day of the last one too");
    let users = root.get("/admin/directory?domain=partner.test");
    assert!(
        users.body.contains(">bob@partner.test<") && users.body.contains(">carol@partner.test<"),
        "{}",
        users.body
    );
}
