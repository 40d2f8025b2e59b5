//! Signed-in pages: the mailbox list, one message, sessions, signing out.

use minijinja::{Value, context};

use super::{Signed, WebError, page};
use crate::service::accounts;
use crate::service::intake::queue_id_text;
use crate::vault::{Folder, MessageRecord};
use crate::web::Web;
use crate::web::http::{Resp, clear_cookie};

pub(super) fn when(unix: i64) -> String {
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute] UTC");
    time::OffsetDateTime::from_unix_timestamp(unix)
        .ok()
        .and_then(|t| t.format(&format).ok())
        .unwrap_or_default()
}

/// The From header, or the envelope sender when the message has none.
fn sender(m: &MessageRecord) -> String {
    if m.from.is_empty() {
        m.envelope_from.clone()
    } else {
        m.from.clone()
    }
}

/// The Inbox: the user's messages, newest first.
pub fn home(web: &Web, signed: &Signed) -> Result<Resp, WebError> {
    let vault = &web.ctx.vault;
    let mut rows = Vec::new();
    for (id, entry) in vault.mailbox(&signed.session.address)?.into_iter().rev() {
        if entry.folder != Folder::Inbox {
            continue;
        }
        if let Some(m) = vault.message(id)? {
            rows.push(context! {
                id => queue_id_text(id), from => sender(&m), subject => m.subject, received => when(m.received_at),
                unread => !entry.read, attachments => m.attachments.len(),
            });
        }
    }
    page(web, "home.html", signed, context! { messages => rows })
}

/// One message of the user's own mailbox, as text (anyone else's id is "not found").
pub fn message(web: &Web, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    let id = u64::from_str_radix(id, 16).map_err(|_| WebError::NotFound)?;
    let vault = &web.ctx.vault;
    if vault.mailbox_entry(&signed.session.address, id)?.is_none() {
        return Err(WebError::NotFound);
    }
    let (Some(m), Some(raw)) = (vault.message(id)?, vault.raw_message(id)?) else {
        return Err(WebError::NotFound);
    };
    let parsed = mail_parser::MessageParser::default().parse(&raw);
    let body = parsed
        .as_ref()
        .and_then(|p| p.body_text(0))
        .map(std::borrow::Cow::into_owned)
        .unwrap_or_default();
    let attachments: Vec<Value> = m
        .attachments
        .iter()
        .map(|a| context! { name => a.name, content_type => a.content_type, size => a.size })
        .collect();
    let values = context! {
        from => sender(&m), to => m.to.join(", "), cc => m.cc.join(", "), subject => m.subject,
        received => when(m.received_at), expires => when(m.expires_at), body, attachments,
    };
    page(web, "message.html", signed, values)
}

pub fn sessions(web: &Web, signed: &Signed) -> Result<Resp, WebError> {
    let list: Vec<Value> = web
        .ctx
        .vault
        .sessions_of(&signed.session.address)?
        .into_iter()
        .map(|(hash, s)| {
            context! {
                current => hash == signed.token_hash, started => when(s.created_at), last_seen => when(s.last_seen),
                ip => s.ip, agent => s.agent,
            }
        })
        .collect();
    let previous = web.ctx.vault.account(&signed.session.address)?.and_then(|a| a.previous_sign_in);
    let previous = previous.map(|l| context! { at => when(l.at), ip => l.ip, agent => l.agent });
    page(web, "sessions.html", signed, context! { sessions => list, previous })
}

pub async fn end_others(web: &Web, signed: Signed) -> Result<Resp, WebError> {
    accounts::end_other_sessions(&web.ctx, signed.token_hash, signed.session.address).await?;
    Ok(Resp::redirect("/account/sessions"))
}

pub async fn sign_out(web: &Web, signed: Signed) -> Result<Resp, WebError> {
    accounts::sign_out(&web.ctx, signed.token_hash).await?;
    Ok(Resp::redirect("/login?notice=signed-out").with_cookie(clear_cookie(super::SESSION_COOKIE)))
}
