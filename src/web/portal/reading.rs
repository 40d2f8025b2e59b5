//! Reading one message of the user's own mailbox. Opening it marks it read
//! and records the first open (the one exception to "nothing changes on GET":
//! reading is what the user did, and a read receipt depends on it).

use hyper::Method;
use mail_parser::MimeHeaders as _;
use minijinja::{Value, context};

use super::shown::{parse_id, path_of, sender};
use super::{Signed, WebError, page};
use crate::mail::html;
use crate::model::Folder;
use crate::model::size_words;
use crate::service::{access, mailbox};
use crate::web::Web;
use crate::web::http::{Req, Resp};
use crate::web::renders::Rendered;

/// Browsers fetching ahead of the user (and HEAD) do not count as reading.
fn really_read(req: &Req) -> bool {
    let prefetch = req
        .headers
        .get("sec-purpose")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("prefetch"));
    req.method == Method::GET && !prefetch
}

/// The stored bytes of a message in the user's own mailbox.
fn own_raw(web: &Web, signed: &Signed, id: u64) -> Result<Vec<u8>, WebError> {
    access::own_bytes(&web.ctx, &signed.session.address, id)?.ok_or(WebError::NotFound)
}

/// The stored bytes of message `id` (the caller checked the reader may see it).
fn raw(web: &Web, id: u64) -> Result<Vec<u8>, WebError> {
    access::bytes_of(&web.ctx, id)?.ok_or(WebError::NotFound)
}

fn parse(raw: &[u8]) -> Result<mail_parser::Message<'_>, WebError> {
    mail_parser::MessageParser::default().parse(raw).ok_or(WebError::NotFound)
}

/// The policy of the message frame: a sandbox without scripts (links may open
/// new tabs outside it), inline styles, images only from the message itself
/// (its inline parts, served by this site) unless the user asked for remote ones.
fn frame_policy(images: bool) -> String {
    let remote = if images { " https: http:" } else { "" };
    format!(
        "sandbox allow-popups allow-popups-to-escape-sandbox; default-src 'none'; img-src 'self' data:{remote}; \
         style-src 'unsafe-inline'; frame-ancestors 'self'; base-uri 'none'; form-action 'none'"
    )
}

/// Whether the reader clicked "Show images" on their own page: the parameter
/// carries their grant for this message (a link from elsewhere cannot).
fn images_asked(web: &Web, req: &Req, signed: &Signed, id: u64) -> bool {
    let asked = req.query("images");
    !asked.is_empty() && web.renders.granted(asked, id).is_some_and(|a| a == signed.session.address)
}

/// The sanitised HTML body as its own document, for the sandboxed frame.
pub async fn body_frame(web: &Web, req: &Req, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    let id = parse_id(id)?;
    if !access::in_mailbox(&web.ctx, &signed.session.address, id)? {
        return Err(WebError::NotFound);
    }
    let images = images_asked(web, req, signed, id);
    let rendered = web.renders.body(id, images, || raw(web, id)).await?;
    let Rendered::Html(safe) = rendered.as_ref() else {
        return Err(WebError::NotFound);
    };
    let grant = web.renders.grant(&signed.session.address, id);
    let prefix = format!("/m/{}/g/{grant}/i/", crate::service::intake::queue_id_text(id));
    let doc = format!(
        "<!doctype html><html><head><meta charset=\"utf-8\"><meta name=\"referrer\" content=\"no-referrer\">\
         <style>body{{font:15px/1.5 system-ui,sans-serif;margin:0;padding:.5rem;overflow-wrap:anywhere}}img{{max-width:100%;height:auto}}</style>\
         </head><body>{}</body></html>",
        html::link_inline_images(&safe.html, &prefix)
    );
    Ok(Resp::html(hyper::StatusCode::OK, doc)
        .with_header("content-security-policy", frame_policy(images))
        .with_header("x-frame-options", "SAMEORIGIN".into())
        .with_header("cache-control", "private, no-store".into()))
}

/// An inline image of a message, fetched by its sandboxed frame (which sends
/// no cookies): the grant in the path names the reader, whose mailbox must
/// still hold the message, and only the parts the body shows inline are served.
pub fn inline_image(web: &Web, id: &str, grant: &str, part: &str) -> Result<Resp, WebError> {
    let id = parse_id(id)?;
    let part: usize = part.parse().map_err(|_| WebError::NotFound)?;
    let reader = web.renders.granted(grant, id).ok_or(WebError::NotFound)?;
    if mailbox::entry(&web.ctx, &reader, id)?.is_none() {
        return Err(WebError::NotFound);
    }
    let raw = raw(web, id)?;
    let msg = parse(&raw)?;
    let (mime, bytes) = html::inline_image(&msg, part).ok_or(WebError::NotFound)?;
    Ok(Resp::image(mime, bytes))
}

/// Trace fields that describe the organisation's own mail servers and clients;
/// left out of a downloaded .eml.
const TRACE_FIELDS: [&str; 5] = [
    "Received",
    "Return-Path",
    "X-Originating-IP",
    "X-Cloister-Secure",
    "X-Cloister-Queue-Id",
];

/// The message as an .eml file (without internal trace fields).
pub fn eml(web: &Web, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    let id = parse_id(id)?;
    let opened = access::open(&web.ctx, &signed.session.address, id)?.ok_or(WebError::NotFound)?;
    if !opened.may.print {
        return Err(WebError::Refused(crate::i18n::Text::new(access::NO_PRINT)));
    }
    let m = opened.message;
    let raw = crate::mail::headers::without_fields(&raw(web, id)?, &TRACE_FIELDS);
    let subject = if m.subject.trim().is_empty() {
        "message"
    } else {
        m.subject.as_str()
    };
    Ok(Resp::download("message/rfc822", disposition(&format!("{subject}.eml")), raw))
}

/// Attachment `n` as a download under a safe file name.
pub fn attachment(web: &Web, signed: &Signed, id: &str, n: &str) -> Result<Resp, WebError> {
    let id = parse_id(id)?;
    let n: usize = n.parse().map_err(|_| WebError::NotFound)?;
    let raw = own_raw(web, signed, id)?;
    let msg = parse(&raw)?;
    let part = msg
        .attachment(u32::try_from(n).map_err(|_| WebError::NotFound)?)
        .ok_or(WebError::NotFound)?;
    let name = part.attachment_name().unwrap_or("attachment");
    Ok(Resp::download(
        "application/octet-stream",
        disposition(name),
        part.contents().to_vec(),
    ))
}

/// `Content-Disposition: attachment` with an ASCII fallback and the UTF-8 name
/// (RFC 6266 / 5987); no path, no control characters, no leading dots.
pub fn disposition(name: &str) -> String {
    let visible = crate::mail::summary::visible_name(name);
    let base = visible.rsplit(['/', '\\']).next().unwrap_or("");
    let clean: String = base
        .chars()
        .filter(|c| !matches!(c, '"' | ';' | '*'))
        .collect::<String>()
        .trim()
        .trim_start_matches('.')
        .chars()
        .take(150)
        .collect();
    let clean = if clean.is_empty() { "attachment".to_string() } else { clean };
    let ascii: String = clean.chars().map(|c| if c.is_ascii() && c != '%' { c } else { '_' }).collect();
    let encoded = crate::mail::headers::ext_value(&clean);
    format!("attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}")
}

/// The message page, or with `print` the same content on a plain page for
/// printing or reading in a tab of its own.
pub async fn message(web: &Web, req: &Req, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    show(web, req, signed, id, "message.html").await
}

pub async fn print_view(web: &Web, req: &Req, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    show(web, req, signed, id, "print.html").await
}

async fn show(web: &Web, req: &Req, signed: &Signed, id: &str, template: &str) -> Result<Resp, WebError> {
    let id = parse_id(id)?;
    let address = &signed.session.address;
    let Some(access::Opened { message: m, entry, may }) = access::open(&web.ctx, address, id)? else {
        // Held for them once and gone since: say what happened, not "not found".
        return Err(crate::service::gone::why(&web.ctx, address, id)?.map_or(WebError::NotFound, WebError::Gone));
    };
    if template == "print.html" && !may.print {
        return Err(WebError::Refused(crate::i18n::Text::new(access::NO_PRINT)));
    }
    let rendered = web.renders.body(id, false, || raw(web, id)).await?;
    if really_read(req) && (!entry.read || entry.opened_at.is_none()) {
        mailbox::opened(&web.ctx, address, id, &req.client).await?;
    }
    let images = images_asked(web, req, signed, id);
    let (html, remote_images, too_complex, body, cut) = match rendered.as_ref() {
        Rendered::Html(safe) => (true, safe.remote_images_removed, None, "", false),
        Rendered::Text { text, cut, refused } => (
            false,
            0,
            refused.map(|r| web.pages.catalogues.text(signed.lang, r.reason(), &[])),
            text.as_str(),
            *cut,
        ),
    };
    let grant = (html && remote_images > 0).then(|| web.renders.grant(address, id));
    let attachments: Vec<Value> = m
        .attachments
        .iter()
        .enumerate()
        .map(|(n, a)| context! { n => a.part.map_or(n, |p| p as usize), name => crate::mail::summary::visible_name(&a.name), content_type => a.content_type, size => web.pages.catalogues.say(signed.lang, &size_words(a.size)) })
        .collect();
    let folder = entry.folder;
    let status = if template == "message.html" {
        super::tracking::panel(web, signed, id)?
    } else {
        None
    };
    let say = |id: &str| web.pages.catalogues.text(signed.lang, id, &[]);
    let values = context! {
        status, notice => super::tracking::notice(req.query("done")).map(&say),
        id => crate::service::intake::queue_id_text(id),
        from => sender(&m), to => m.to.join(", "), cc => m.cc.join(", "), subject => m.subject,
        received => signed.clock.datetime(m.received_at), expires => signed.clock.datetime(m.expires_at), body, attachments,
        folder => say(crate::web::words::folder(folder)), back => path_of(folder), deleted => folder == Folder::Deleted,
        html, images, remote_images, grant, too_complex, cut,
        may_print => may.print, may_reply => may.reply, restriction_note => may.note.map(say),
        has_others => !m.cc.is_empty() || m.to.len() > 1,
    };
    page(web, template, signed, values)
}
