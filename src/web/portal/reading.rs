//! Reading one message of the user's own mailbox. Opening it marks it read
//! and records the first open (the one exception to "nothing changes on GET":
//! reading is what the user did, and a read receipt depends on it).

use hyper::Method;
use minijinja::{Value, context};

use super::account::when;
use super::mailbox::{path_of, sender, size_text};
use super::{Signed, WebError, page};
use crate::service::mailbox;
use crate::vault::Folder;
use crate::web::Web;
use crate::web::http::{Req, Resp};

/// Hex queue id from the path; anything else is "not found".
pub fn parse_id(id: &str) -> Result<u64, WebError> {
    u64::from_str_radix(id, 16).map_err(|_| WebError::NotFound)
}

/// Browsers fetching ahead of the user (and HEAD) do not count as reading.
fn really_read(req: &Req) -> bool {
    let prefetch = req
        .headers
        .get("sec-purpose")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("prefetch"));
    req.method == Method::GET && !prefetch
}

pub async fn message(web: &Web, req: &Req, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    let id = parse_id(id)?;
    let address = &signed.session.address;
    let (m, entry) = mailbox::entry(&web.ctx, address, id)?.ok_or(WebError::NotFound)?;
    let raw = web.ctx.vault.raw_message(id)?.ok_or(WebError::NotFound)?;
    if really_read(req) && (!entry.read || entry.opened_at.is_none()) {
        mailbox::opened(&web.ctx, address, id, &req.client).await?;
    }
    let parsed = mail_parser::MessageParser::default().parse(&raw);
    let body = parsed
        .as_ref()
        .and_then(|p| p.body_text(0))
        .map(std::borrow::Cow::into_owned)
        .unwrap_or_default();
    let attachments: Vec<Value> = m
        .attachments
        .iter()
        .map(|a| context! { name => a.name, content_type => a.content_type, size => size_text(a.size) })
        .collect();
    let folder = entry.folder;
    let values = context! {
        id => crate::service::intake::queue_id_text(id),
        from => sender(&m), to => m.to.join(", "), cc => m.cc.join(", "), subject => m.subject,
        received => when(m.received_at), expires => when(m.expires_at), body, attachments,
        folder => folder.name(), back => path_of(folder), deleted => folder == Folder::Deleted,
    };
    page(web, "message.html", signed, values)
}
