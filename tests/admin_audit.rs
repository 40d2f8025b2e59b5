//! The audit page over real HTTPS against the real binary: portal and admin
//! sign-ins, refusals, lockouts and admin changes, filtered and exported.

mod common;

use common::admin;
use common::https::Response;
use common::portal::Portal;

const GOOD: &str = "Correct-Horse-42-battery";

/// The "what" cells of the audit table.
fn whats(page: &Response) -> Vec<String> {
    let Some(at) = page.body.find("id=\"audit\"") else {
        return Vec::new();
    };
    page.body[at..]
        .split("<tr><td>")
        .skip(1)
        .map(|row| {
            let cells: Vec<&str> = row.split("</td><td>").collect();
            let last = cells[3];
            last[..last.find("</td>").unwrap()].replace("&#x2f;", "/")
        })
        .collect()
}

#[test]
fn sign_ins_refusals_lockouts_and_admin_changes_are_audited_filterable_and_exportable() {
    let p = Portal::start("[portal]\nlockout_threshold = 2\n");
    let _bob = p.signed_in_user("bob@partner.test", GOOD);
    let mut agent = p.agent();
    for _ in 0..2 {
        p.sign_in(&mut agent, "bob@partner.test", "wrong-One-234", "/");
    }
    let a = admin::add(&p.cl, "root");
    let mut stranger = p.agent();
    admin::sign_in_with(&mut stranger, &a, "not-the-password", "123456");
    let mut root = admin::signed_in(&p.cl, &a);
    let r = admin::post(
        &mut root,
        "/admin/user",
        &[("address", "bob@partner.test"), ("action", "deny-logon"), ("confirm", "yes")],
    );
    assert_eq!(r.status, 303);

    let all = whats(&root.get("/admin/audit"));
    assert!(
        all.iter().any(|w| w.starts_with("signed in with a password from 127.0.0.1")),
        "{all:?}"
    );
    assert!(all.iter().any(|w| w.starts_with("admin signed in from 127.0.0.1")), "{all:?}");
    let failed = whats(&root.get("/admin/audit?kind=sign-in-failed"));
    assert_eq!(failed.len(), 1, "{failed:?}");
    assert!(failed[0].ends_with("wrong password"), "{failed:?}");
    let locked = whats(&root.get("/admin/audit?kind=lockout"));
    assert_eq!(locked.len(), 1, "{locked:?}");
    assert!(locked[0].ends_with("now locked"), "{locked:?}");
    let admin_failed = whats(&root.get("/admin/audit?kind=admin-sign-in-failed"));
    assert_eq!(admin_failed.len(), 1);
    assert!(admin_failed[0].contains("wrong password"), "{admin_failed:?}");
    let changes = whats(&root.get("/admin/audit?kind=admin-change"));
    assert!(
        changes.iter().any(|w| w.starts_with("logon denied for bob@partner.test")),
        "{changes:?}"
    );
    assert!(changes.iter().any(|w| w == "admin root created (with TOTP)"), "{changes:?}");
    let about_bob = whats(&root.get("/admin/audit?q=BOB%40partner"));
    assert!(
        !about_bob.is_empty() && about_bob.iter().all(|w| !w.starts_with("admin signed in")),
        "{about_bob:?}"
    );
    let future = whats(&root.get("/admin/audit?from=2999-01-01"));
    assert!(future.is_empty());

    let csv = root.get("/admin/audit/csv?kind=lockout&q=&from=&to=");
    assert_eq!(csv.header("content-type"), Some("text/csv; charset=utf-8"));
    let lines: Vec<&str> = csv.body.lines().collect();
    assert_eq!(lines.len(), 2, "{}", csv.body);
    assert_eq!(lines[0], "time_utc,kind,who,what");
    assert!(
        lines[1].contains(",lockout,\"bob@partner.test\",") && lines[1].contains("now locked"),
        "{}",
        lines[1]
    );
    // Portal users cannot see or export it.
    let mut bob = p.agent();
    assert_eq!(bob.get("/admin/audit").status, 404);
    assert_eq!(bob.get("/admin/audit/csv").status, 404);
}
