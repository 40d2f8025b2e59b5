//! Sending from the portal (reply, reply all, compose): who may write to whom
//! and with which options, the message written as MIME, then the same path as
//! SMTP intake (internal recipients relayed, others held in the vault).

use std::net::IpAddr;

use super::intake::{self, Delivery, IntakeError, PortalSend, queue_id_text};
use super::{Context, reply};
use crate::i18n::Text;
use crate::mail::compose::{self, Attached, Outgoing};
use crate::model::Restriction;
use crate::policy::SecureMode;

/// Expiry choices offered to senders, in days (the default from config is added).
pub const EXPIRY_CHOICES: [u32; 3] = [1, 7, 30];
/// Longest subject accepted, in characters.
const SUBJECT_MAX: usize = 500;

use super::addresses::{Names, parse_mailboxes};
pub use super::addresses::{parse_addresses, valid_address};
pub use super::send_error::SendError;

/// New message, or an answer to one in the author's mailbox.
#[derive(Debug, Clone, Copy)]
pub enum Purpose {
    New,
    Reply {
        id: u64,
        all: bool,
    },
    /// A new message carrying message `id` of the author's mailbox (which must still be answerable).
    Forward {
        id: u64,
    },
}

/// The sender's choices (only internal authors get to make them).
#[derive(Debug, Clone)]
pub struct Options {
    pub mode: SecureMode,
    pub read_receipt: bool,
    pub restriction: Restriction,
    /// None = `messages.expiry_default_days`.
    pub expiry_days: Option<u32>,
}

/// The Message-ID replied to and its References.
type Thread = (String, String);

/// What the form carried.
#[derive(Clone)]
pub struct Draft {
    pub author: String,
    pub client: IpAddr,
    pub purpose: Purpose,
    /// Recipients as typed (new messages only; a reply's come from the original).
    pub to: String,
    pub cc: String,
    /// Blind copies: internal authors only, in no header.
    pub bcc: String,
    pub subject: String,
    pub text: String,
    /// The text formatted, sanitised (None: plain text only).
    pub html: Option<String>,
    pub attachments: Vec<Attached>,
    pub options: Options,
    /// The portal draft it was written in, retired by the same write that
    /// accepts the message.
    pub written_in: Option<crate::vault::SentDraft>,
}

impl Draft {
    /// The attached files' bytes in all.
    pub fn attachments_size(&self) -> u64 {
        self.attachments.iter().map(|a| a.bytes.len() as u64).sum()
    }
}

/// Whether `author` may start new messages (not only reply): internal users
/// always; external ones unless in lite mode, and only when there are internal
/// addresses to write to.
pub fn may_compose(ctx: &Context, author: &str) -> bool {
    let c = &ctx.config;
    c.is_internal(author) || (!c.portal.lite_mode && !c.internal_domains.is_empty())
}

/// Checks, writes and stores the message; its queue id once it is durable.
pub async fn send(ctx: &Context, draft: Draft) -> Result<u64, SendError> {
    let account = ctx.vault.account(&draft.author)?.ok_or(SendError::NotFound)?;
    if !account.allow_sending {
        return Err(SendError::Refused(Text::new("note-sending-off")));
    }
    let internal = ctx.config.is_internal(&draft.author);
    let (to, cc, thread, mut names) = match draft.purpose {
        Purpose::Reply { id, all } => {
            let r = reply::draft(ctx, &draft.author, id, all).map_err(original_gone)?;
            (r.to, r.cc, Some((r.parent_id, r.references)), r.names)
        }
        Purpose::New => {
            let (to, cc, names) = new_recipients(ctx, &draft, internal)?;
            (to, cc, None, names)
        }
        Purpose::Forward { id } => {
            reply::answerable(ctx, &draft.author, id).map_err(original_gone)?;
            let (to, cc, names) = new_recipients(ctx, &draft, internal)?;
            (to, cc, None, names)
        }
    };
    // The author's name is theirs to choose: never one a message or a
    // recipient field gave them.
    names.forget(&draft.author);
    if !account.preferences.display_name.is_empty() {
        names.set(&draft.author, &account.preferences.display_name);
    }
    let bcc = if internal { parse_addresses(&draft.bcc)? } else { Vec::new() };
    let mut recipients: Vec<String> = to.iter().chain(&cc).cloned().collect();
    for b in bcc {
        if !recipients.iter().any(|r| r.eq_ignore_ascii_case(&b)) {
            recipients.push(b);
        }
    }
    if recipients.is_empty() {
        return Err(SendError::Refused(Text::new("note-no-recipient")));
    }
    if recipients.len() > ctx.config.smtp.max_recipients as usize {
        return Err(SendError::Refused(
            Text::new("note-too-many-recipients").with("most", ctx.config.smtp.max_recipients),
        ));
    }
    check_content(ctx, &draft)?;
    if internal && draft.options.mode != SecureMode::Off && super::ldap_sign_in::secure_allowed(ctx, &draft.author).await == Some(false) {
        return Err(SendError::Refused(Text::new("note-secure-not-allowed")));
    }
    let mut options = portal_options(ctx, &draft.options, internal)?;
    if let Purpose::Reply { id, .. } = draft.purpose {
        options.reply_to = Some(id);
    }
    options.draft.clone_from(&draft.written_in);
    let queue_id = ctx.queue_ids.next();
    let data = {
        let from = names.mailbox(&draft.author);
        let (to, cc) = (names.mailboxes(&to), names.mailboxes(&cc));
        let (ctx, draft) = (ctx.clone(), draft.clone());
        // Base64 of the attachments is work: off the async threads.
        smol::unblock(move || write_message(&ctx, &draft, (&from, &to, &cc), thread.as_ref(), queue_id)).await
    };
    let delivery = Delivery {
        queue_id,
        sender: draft.author.clone(),
        recipients,
        client: draft.client,
        origin: intake::Origin::Portal,
        data,
    };
    match intake::accept_portal(ctx, &delivery, &options).await {
        Ok(_) => Ok(queue_id),
        Err(IntakeError::OverCap { limit }) => Err(SendError::Refused(Text::new("note-over-cap").with("limit", limit))),
        Err(IntakeError::BadSecureMode { got }) => Err(SendError::Refused(
            Text::new("note-bad-secure-mode").with("got", format!("{got:?}")),
        )),
        Err(IntakeError::Temporary { detail }) => Err(SendError::Stored(detail)),
    }
}

/// An original no longer there (recalled, revoked, gone) said as a refusal:
/// the draft stays and the author is told why.
fn original_gone(e: SendError) -> SendError {
    match e {
        SendError::NotFound => SendError::Refused(Text::new("note-original-gone")),
        other => other,
    }
}

/// What the editor sent, sanitised as incoming mail is, and the plain text
/// made from it; None when it holds no text (the plain field stands).
pub fn formatted(html: &str) -> Option<(String, String)> {
    if html.trim().is_empty() {
        return None;
    }
    let safe = crate::mail::html::sanitise_written(html).ok()?;
    let text = crate::mail::html_text::text_of(&safe);
    (!text.trim().is_empty()).then_some((safe, text))
}

/// Recipients of a new message (with the names typed for them): anyone for
/// internal authors; for external ones only internal addresses, and nothing
/// at all in lite mode.
fn new_recipients(ctx: &Context, draft: &Draft, internal: bool) -> Result<(Vec<String>, Vec<String>, Names), SendError> {
    if !may_compose(ctx, &draft.author) {
        return Err(SendError::Refused(Text::new("note-no-compose")));
    }
    let mut names = Names::default();
    let to = names.take(parse_mailboxes(&draft.to)?);
    let cc = names.take(parse_mailboxes(&draft.cc)?);
    if !internal && let Some(outside) = to.iter().chain(&cc).find(|a| !ctx.config.is_internal(a)) {
        let domains = ctx.config.internal_domains.join(", ");
        let refusal = if domains.is_empty() {
            Text::new("note-write-nowhere")
        } else {
            Text::new("note-write-only-to").with("allowed", domains)
        };
        return Err(SendError::Refused(refusal.with("outside", outside.as_str())));
    }
    Ok((to, cc, names))
}

fn check_content(ctx: &Context, draft: &Draft) -> Result<(), SendError> {
    if draft.subject.chars().count() > SUBJECT_MAX {
        return Err(SendError::Refused(Text::new("note-subject-too-long").with("most", SUBJECT_MAX)));
    }
    let limit = ctx.config.messages.attachment_limit;
    if draft.attachments_size() > limit {
        return Err(SendError::Refused(too_large(draft.attachments_size(), limit)));
    }
    Ok(())
}

/// The refusal for attachments over the limit.
pub fn too_large(size: u64, limit: u64) -> Text {
    Text::new("note-attachments-too-large")
        .with("size", crate::model::size_words(size))
        .with("limit", crate::model::size_words(limit))
}

/// The mode and options as intake applies them; external authors' messages are
/// always secure for external recipients and carry no restrictions.
fn portal_options(ctx: &Context, o: &Options, internal: bool) -> Result<PortalSend, SendError> {
    let m = &ctx.config.messages;
    let expiry_days = o.expiry_days.unwrap_or(m.expiry_default_days);
    let offered = EXPIRY_CHOICES.contains(&expiry_days) || expiry_days == m.expiry_default_days;
    if !offered || expiry_days > m.expiry_max_days {
        return Err(SendError::Refused(Text::new("note-bad-expiry").with("days", m.expiry_max_days)));
    }
    Ok(if internal {
        PortalSend {
            mode: o.mode,
            read_receipt: o.read_receipt,
            restriction: o.restriction,
            expiry_days,
            bcc_author: m.bcc_to_mail_server,
            reply_to: None,
            draft: None,
        }
    } else {
        PortalSend {
            mode: SecureMode::External,
            read_receipt: false,
            restriction: Restriction::None,
            expiry_days,
            bcc_author: false,
            reply_to: None,
            draft: None,
        }
    })
}

fn write_message(
    ctx: &Context,
    draft: &Draft,
    (from, to, cc): (&str, &[String], &[String]),
    thread: Option<&Thread>,
    queue_id: u64,
) -> Vec<u8> {
    let message_id = format!("<{}@{}>", queue_id_text(queue_id), ctx.hostname);
    let date = crate::mail::headers::date_now();
    let boundary = compose::new_boundary();
    let outgoing = Outgoing {
        from,
        to,
        cc,
        subject: &draft.subject,
        text: &draft.text,
        html: draft.html.as_deref(),
        message_id: &message_id,
        date: &date,
        in_reply_to: thread.filter(|(p, _)| !p.is_empty()).map(|(p, r)| (p.as_str(), r.as_str())),
        attachments: &draft.attachments,
        boundary: &boundary,
    };
    compose::write(&outgoing)
}
