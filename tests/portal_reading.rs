//! Reading HTML mail safely and downloading attachments, over real HTTPS
//! against the real binary; the message arrives over real SMTP.

mod common;

use common::https::{Agent, quoted_after};
use common::portal::Portal;
use common::{message, smtp};

const GOOD: &str = "Correct-Horse-42-battery";
/// 1×1 transparent PNG.
const PNG_B64: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=";

/// An HTML message with hostile markup, an inline image, a remote image and two attachments.
fn hostile_mail() -> Vec<u8> {
    let body = format!(
        "--mixed\n\
Content-Type: multipart/related; boundary=\"rel\"\n\n\
--rel\n\
Content-Type: multipart/alternative; boundary=\"alt\"\n\n\
--alt\n\
Content-Type: text/plain; charset=utf-8\n\n\
Plain version.\n\
--alt\n\
Content-Type: text/html; charset=utf-8\n\n\
<p onmouseover=\"alert(1)\">Quarterly <b>figures</b><script>alert('xss')</script></p>\n\
<img src=\"cid:logo@x\" alt=\"logo\"><img src=\"https://tracker.test/pixel.gif\" alt=\"\">\n\
<a href=\"javascript:alert(2)\">click</a> <a href=\"https://example.org/report\">report</a>\n\
<iframe src=\"https://evil.test/\"></iframe><form action=\"/logout\" method=\"post\"><button>x</button></form>\n\
--alt--\n\
--rel\n\
Content-Type: image/png\n\
Content-ID: <logo@x>\n\
Content-Disposition: inline\n\
Content-Transfer-Encoding: base64\n\n\
{PNG_B64}\n\
--rel--\n\
--mixed\n\
Content-Type: application/pdf; name=\"report.pdf\"\n\
Content-Disposition: attachment; filename=\"../../etc/r\u{e9}port \\\"Q3\\\".pdf\"\n\
Content-Transfer-Encoding: base64\n\n\
JVBERi0xLjQKJcfsj6IKJSVFT0YK\n\
--mixed\n\
Content-Type: text/html; name=\"page.html\"\n\
Content-Disposition: attachment; filename=\"page.html\"\n\n\
<script>alert('from attachment')</script>\n\
--mixed--\n"
    );
    message(
        &[
            "From: Alice <alice@example.org>",
            "To: pat@partner.test",
            "Subject: [secure] Figures",
            "MIME-Version: 1.0",
            "Content-Type: multipart/mixed; boundary=\"mixed\"",
        ],
        &body,
    )
}

/// Pat signed in, with the hostile message delivered; returns (agent, queue id).
fn pat_with_mail(p: &Portal) -> (Agent, String) {
    let pat = p.signed_in_user("pat@partner.test", GOOD);
    let mut client = smtp::Client::connect(p.cl.smtp);
    client.cmd("EHLO x");
    let r = client.send("alice@example.org", &["pat@partner.test"], &hostile_mail());
    assert!(r.starts_with("250"), "{r}");
    let id = r.trim().rsplit(' ').next().unwrap().to_string();
    (pat, id)
}

#[test]
fn html_mail_is_sanitised_and_shown_in_a_sandboxed_frame() {
    let p = Portal::start("");
    let (mut pat, id) = pat_with_mail(&p);
    let page = pat.get(&format!("/m/{id}"));
    assert_eq!(page.status, 200);
    assert!(
        page.body.contains(&format!(
            "sandbox=\"allow-popups allow-popups-to-escape-sandbox\"\n    src=\"/m/{id}/body\""
        )),
        "{}",
        page.body
    );
    assert!(
        page.body.contains("id=\"images-blocked\"") && page.body.contains("1 remote image"),
        "{}",
        page.body
    );
    assert!(page.header("content-security-policy").unwrap().contains("frame-src 'self'"));

    let frame = pat.get(&format!("/m/{id}/body"));
    assert_eq!(frame.status, 200);
    let csp = frame.header("content-security-policy").unwrap();
    assert!(csp.starts_with("sandbox allow-popups allow-popups-to-escape-sandbox;"), "{csp}");
    assert!(!csp.contains("allow-scripts") && !csp.contains("allow-same-origin"), "{csp}");
    assert!(
        csp.contains("img-src 'self' data:;") && csp.contains("frame-ancestors 'self'"),
        "{csp}"
    );
    assert_eq!(frame.header("x-frame-options"), Some("SAMEORIGIN"));
    let body = &frame.body;
    assert!(body.contains("Quarterly <b>figures</b>"), "{body}");
    for bad in [
        "<script",
        "alert",
        "onmouseover",
        "javascript:",
        "tracker.test",
        "<iframe",
        "<form",
        "cid:",
    ] {
        assert!(!body.contains(bad), "{bad} in {body}");
    }
    // The inline image is served from a path of its own, with a grant that
    // works without cookies (the sandboxed frame sends none).
    let src = quoted_after(body, &format!("src=\"/m/{id}/g/"));
    let image_path = format!("/m/{id}/g/{src}");
    let image = p.agent().get(&image_path);
    assert_eq!(image.status, 200, "{image_path}");
    assert_eq!(image.header("content-type"), Some("image/png"));
    assert!(image.header("content-security-policy").unwrap().starts_with("sandbox"));
    let grant = src.split('/').next().unwrap();
    assert_eq!(
        p.agent().get(&format!("/m/{id}/g/{grant}/i/1")).status,
        404,
        "the HTML part is no image"
    );
    assert_eq!(p.agent().get(&format!("/m/{id}/g/wrong{grant}/i/3")).status, 404);
    assert!(
        body.contains("href=\"https://example.org/report\"")
            && body.contains("target=\"_blank\"")
            && body.contains("rel=\"noopener noreferrer\""),
        "{body}"
    );
}

/// Regression: "Show images" was a bare `?images=1`, so a link from anywhere
/// could load tracking images without the reader choosing to.
#[test]
fn show_images_needs_the_readers_own_grant() {
    let p = Portal::start("");
    let (mut pat, id) = pat_with_mail(&p);
    let page = pat.get(&format!("/m/{id}"));
    // "Show images" works only from the reader's own page: a link with
    // images=1 (or anything but the reader's grant) does not load them.
    let forged = pat.get(&format!("/m/{id}/body?images=1"));
    assert!(!forged.body.contains("tracker.test"), "{}", forged.body);
    assert!(!pat.get(&format!("/m/{id}?images=1")).body.contains("images=1"));
    let show = quoted_after(&page.body, "id=\"show-images\" href=\"");
    assert!(show.starts_with("?images=") && show.len() > 30, "{show}");
    let shown_page = pat.get(&format!("/m/{id}{show}"));
    assert!(!shown_page.body.contains("id=\"images-blocked\""), "{}", shown_page.body);
    let shown = pat.get(&format!("/m/{id}/body{show}"));
    assert!(shown.body.contains("https://tracker.test/pixel.gif"), "{}", shown.body);
    assert!(
        shown
            .header("content-security-policy")
            .unwrap()
            .contains("img-src 'self' data: https: http:")
    );
    let mut quinn = p.signed_in_user("quinn@partner.test", GOOD);
    assert_eq!(
        quinn.get(&format!("/m/{id}/body{show}")).status,
        404,
        "a grant is no key to another's mailbox"
    );
}

#[test]
fn attachments_download_with_safe_names_and_never_render() {
    let p = Portal::start("");
    let (mut pat, id) = pat_with_mail(&p);
    // The inbox marks it with a drawn paper clip (an emoji is an empty box without an emoji font).
    let inbox = pat.get("/").body;
    assert!(inbox.contains("aria-label=\"2 attachments\"><svg class=\"icon\""), "{inbox}");
    assert!(!inbox.contains('\u{1F4CE}'));
    let page = pat.get(&format!("/m/{id}"));
    assert!(page.body.contains(&format!("href=\"/m/{id}/a/1\"")), "{}", page.body);
    let list = page
        .body
        .split("<ul class=\"attachments\"")
        .nth(1)
        .unwrap()
        .split("</ul>")
        .next()
        .unwrap();
    // (download index, name) of each listed attachment.
    let listed: Vec<(&str, &str)> = list
        .split(&format!("href=\"/m/{id}/a/"))
        .skip(1)
        .map(|s| {
            (
                s.split('"').next().unwrap(),
                s.split("download>").nth(1).unwrap().split('<').next().unwrap(),
            )
        })
        .collect();
    assert_eq!(listed.len(), 2, "the inline logo is shown in the body, not listed: {listed:?}");
    let index_of = |want: &dyn Fn(&str) -> bool| listed.iter().find(|(_, n)| want(n)).expect("listed").0;
    let pdf_index = index_of(&|n| n.contains(".pdf"));
    let pdf = pat.get(&format!("/m/{id}/a/{pdf_index}"));
    assert_eq!(pdf.status, 200);
    assert_eq!(pdf.header("content-type"), Some("application/octet-stream"));
    let disposition = pdf.header("content-disposition").unwrap();
    assert_eq!(
        disposition, "attachment; filename=\"r_port Q3.pdf\"; filename*=UTF-8''r%C3%A9port%20Q3.pdf",
        "no path, no quotes, UTF-8 kept"
    );
    assert!(pdf.body.starts_with("%PDF-1.4"), "decoded bytes: {:?}", pdf.body);
    assert_eq!(pdf.header("cache-control"), Some("private, no-store"));
    assert!(pdf.header("content-security-policy").unwrap().starts_with("sandbox"));

    let html_index = index_of(&|n| n == "page.html");
    let html = pat.get(&format!("/m/{id}/a/{html_index}"));
    assert_eq!(
        html.header("content-type"),
        Some("application/octet-stream"),
        "never served as HTML"
    );
    assert!(html.header("content-disposition").unwrap().starts_with("attachment;"));
    assert_eq!(pat.get(&format!("/m/{id}/a/99")).status, 404);
    assert_eq!(pat.get(&format!("/m/{id}/a/x")).status, 404);
}

#[test]
fn frames_and_attachments_are_only_the_owners() {
    let p = Portal::start("");
    let (_pat, id) = pat_with_mail(&p);
    let mut quinn = p.signed_in_user("quinn@partner.test", GOOD);
    for path in [format!("/m/{id}/body"), format!("/m/{id}/a/0"), format!("/m/{id}")] {
        assert_eq!(quinn.get(&path).status, 404, "{path}");
    }
    let mut nobody = p.agent();
    let r = nobody.get(&format!("/m/{id}/body"));
    assert_ne!(r.status, 200, "signed out");
}

#[test]
fn first_open_sends_the_read_receipt_the_sender_asked_for() {
    let p = Portal::start("");
    let mut pat = p.signed_in_user("pat@partner.test", GOOD);
    let send = |subject: &str, receipt: bool| -> String {
        let mut headers = vec![
            "From: alice@example.org".to_string(),
            "To: pat@partner.test".into(),
            format!("Subject: [secure] {subject}"),
        ];
        if receipt {
            headers.push("Disposition-Notification-To: alice@example.org".into());
        }
        let refs: Vec<&str> = headers.iter().map(String::as_str).collect();
        let mut client = smtp::Client::connect(p.cl.smtp);
        client.cmd("EHLO x");
        let r = client.send("alice@example.org", &["pat@partner.test"], &message(&refs, "Numbers.\n"));
        r.trim().rsplit(' ').next().unwrap().to_string()
    };
    let asked = send("Receipt please", true);
    let quiet = send("No receipt", false);
    for id in [&asked, &quiet, &asked] {
        assert_eq!(pat.get(&format!("/m/{id}")).status, 200);
    }
    let receipt = p.mail_to("alice@example.org", "was opened by pat@partner.test", 0);
    assert!(receipt.contains("Subject: Receipt please"), "{receipt}");
    // It links to the message's status (regression: a receipt with no way to it).
    let link = format!("/m/{asked}");
    assert!(receipt.contains("Who has read it so far, and recall or extend it:"), "{receipt}");
    assert!(
        receipt
            .lines()
            .any(|l| l.trim().starts_with("https://") && l.trim().ends_with(&link)),
        "{receipt}"
    );
    let mut alice = p.agent();
    assert_eq!(p.code_sign_in(&mut alice, "alice@example.org", 0).status, 303);
    let status = alice.get(&link);
    assert!(
        status.body.contains("id=\"recipient-status\"") && status.body.contains("pat@partner.test"),
        "{}",
        status.body
    );
    std::thread::sleep(std::time::Duration::from_secs(1));
    let receipts: Vec<_> = p
        .sink
        .all()
        .into_iter()
        .filter(|m| common::portal::text_part(m).contains("was opened by"))
        .collect();
    assert_eq!(receipts.len(), 1, "one receipt: the first open of the message that asked");
    let subject = String::from_utf8_lossy(&receipts[0].data)
        .lines()
        .find(|l| l.starts_with("Subject:"))
        .unwrap()
        .to_string();
    assert_eq!(subject, "Subject: Read: Receipt please");
    assert!(p.cl.events(&asked).iter().any(|e| e == "read receipt queued for alice@example.org"));
}

#[test]
fn print_view_and_eml_download() {
    let p = Portal::start("");
    let (mut pat, id) = pat_with_mail(&p);
    let page = pat.get(&format!("/m/{id}"));
    assert!(
        page.body.contains(&format!("href=\"/m/{id}/print\" target=\"_blank\"")),
        "{}",
        page.body
    );
    let print = pat.get(&format!("/m/{id}/print"));
    assert_eq!(print.status, 200);
    assert!(
        print.body.contains("<h1 id=\"subject\">Figures</h1>") && print.body.contains(&format!("src=\"/m/{id}/body\"")),
        "{}",
        print.body
    );
    assert!(
        !print.body.contains("id=\"sign-out\""),
        "a plain page without the portal's navigation"
    );

    let eml = pat.get(&format!("/m/{id}/eml"));
    assert_eq!(eml.status, 200);
    assert_eq!(eml.header("content-type"), Some("message/rfc822"));
    assert_eq!(
        eml.header("content-disposition"),
        Some("attachment; filename=\"Figures.eml\"; filename*=UTF-8''Figures.eml")
    );
    assert!(
        eml.body.contains("Subject: [secure] Figures") && eml.body.contains("Content-ID: <logo@x>"),
        "{}",
        eml.body
    );
    assert!(!eml.body.contains("Received:"), "internal trace fields are left out: {}", eml.body);

    let mut quinn = p.signed_in_user("quinn@partner.test", GOOD);
    assert_eq!(quinn.get(&format!("/m/{id}/print")).status, 404);
    assert_eq!(quinn.get(&format!("/m/{id}/eml")).status, 404);
}
