//! Every date the admin console shows follows the signed-in admin's own
//! preferences (date format, clock, time zone); another admin keeps theirs.
//! Real binary, real HTTPS.

mod common;

use common::admin;
use common::portal::Portal;

/// Today's date in `format` (a `date` format) in `zone`, as the test machine's `date` says.
fn today(zone: &str, format: &str) -> String {
    let out = std::process::Command::new("date")
        .env("TZ", zone)
        .arg(format!("+{format}"))
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap().trim().to_string()
}

#[test]
fn dates_follow_each_admins_own_preferences() {
    let p = Portal::start("");
    let id = p.cl.send_one("alice@example.org", &["bob@partner.test"], "[secure] Dated");
    let a = admin::add(&p.cl, "root");
    let b = admin::add(&p.cl, "second");
    let mut root = admin::signed_in(&p.cl, &a);
    let mut second = admin::signed_in(&p.cl, &b);
    let iso = format!("{} ", today("UTC", "%Y-%m-%d"));
    assert!(root.get("/admin/monitor").body.contains(&iso), "the default: ISO dates in UTC");

    let bad = admin::post(
        &mut root,
        "/admin/preferences",
        &[("date_format", "dmy"), ("clock_hours", "12"), ("time_zone", "Mars/Olympus")],
    );
    assert!(bad.text_of("prefs-error").contains("is not a time zone"), "{}", bad.body);
    let r = admin::post(
        &mut root,
        "/admin/preferences",
        &[("date_format", "dmy"), ("clock_hours", "12"), ("time_zone", "Asia/Tokyo")],
    );
    assert_eq!((r.status, r.location()), (303, "/admin/preferences?done=saved"), "{}", r.body);

    let tokyo = today("Asia/Tokyo", "%d/%m/%Y");
    let shown = |body: &str| body.contains(&tokyo) && body.contains(" JST") && (body.contains(" AM JST") || body.contains(" PM JST"));
    let pages = [
        "/admin".to_string(),
        "/admin/monitor".into(),
        format!("/admin/message?id={id}"),
        "/admin/audit".into(),
        "/admin/user?address=bob%40partner.test".into(),
        "/admin/directory".into(),
    ];
    for page in &pages {
        let body = root.get(page).body.replace("&#x2f;", "/");
        assert!(shown(&body), "{page} in dd/mm/yyyy, 12-hour, Tokyo time: {body}");
        assert!(
            !body.contains(" UTC<") && !body.contains(" UTC "),
            "{page} shows no UTC time: {body}"
        );
    }
    let other = second.get("/admin/monitor").body;
    assert!(other.contains(&iso) && !other.contains(" JST"), "the other admin keeps ISO in UTC");
    let audit = second.get("/admin/audit").body;
    assert!(
        audit.contains("admin root</td><td>preferences saved: dates dmy, 12-hour clock"),
        "the change is in the audit: {audit}"
    );

    date_filters_follow_the_format(&mut root, &mut second, &id);
}

/// Date filters are typed in the admin's own format (ISO is read too); they stay UTC days.
fn date_filters_follow_the_format(root: &mut common::https::Agent, second: &mut common::https::Agent, id: &str) {
    let day = today("UTC", "%d/%m/%Y");
    let monitor = root.get("/admin/monitor").body;
    assert!(
        monitor.contains("From <span class=\"format\">(DD&#x2f;MM&#x2f;YYYY)</span>"),
        "{monitor}"
    );
    assert!(!monitor.contains("type=\"date\""), "no browser-locale date fields");
    let from = day.replace('/', "%2F");
    let found = root.get(&format!("/admin/monitor?from={from}&to={from}")).body;
    assert!(
        found.contains(&format!("?id={id}\"")) && !found.contains("could not be read"),
        "today in dd/mm/yyyy finds the message: {found}"
    );
    let yesterday = String::from_utf8(
        std::process::Command::new("date")
            .args(["-u", "-d", "yesterday", "+%d/%m/%Y"])
            .output()
            .unwrap()
            .stdout,
    )
    .unwrap();
    let before = root
        .get(&format!("/admin/monitor?to={}", yesterday.trim().replace('/', "%2F")))
        .body;
    assert!(
        !before.contains(&format!("?id={id}\"")) && !before.contains("could not be read"),
        "up to yesterday leaves it out: {before}"
    );
    let iso = root.get(&format!("/admin/monitor?from={}", today("UTC", "%Y-%m-%d"))).body;
    assert!(iso.contains(&format!("?id={id}\"")), "ISO is read too");
    let bad = root.get("/admin/monitor?from=31%2F02%2F2026").body.replace("&#x2f;", "/");
    assert!(bad.contains("Dates are written DD/MM/YYYY, like "), "{bad}");
    let report = root.get("/admin/report").body.replace("&#x2f;", "/");
    assert!(
        report.contains(&format!("id=\"to\" name=\"to\" type=\"text\" value=\"{day}\"")),
        "{report}"
    );
    let theirs = second.get("/admin/monitor").body;
    assert!(theirs.contains("(YYYY-MM-DD)"), "the other admin types ISO days");
}
