//! Forwarding a message from the author's mailbox: a new draft with the
//! original's text under a "forwarded message" block and its attachments
//! copied in (the author may then remove any). Who may receive it is the
//! rule of a new message (external authors: internal addresses only); a
//! message its sender closed to answers (restricted, expired) is not
//! forwarded either, checked again when it is sent.

use mail_parser::{MessageParser, MimeHeaders as _};

use super::drafts::{self, DraftError, NewFile, Opened};
use super::send::{self, SendError};
use super::{Context, reply};
use crate::model::DraftContent;

/// Why a forward could not start.
#[derive(Debug, thiserror::Error)]
pub enum ForwardError {
    #[error(transparent)]
    Send(#[from] SendError),
    #[error(transparent)]
    Draft(#[from] DraftError),
}

/// What the forwarded block says about the original, for the author's language and dates.
pub struct Original {
    pub from: String,
    pub to: String,
    pub subject: String,
    pub received_at: i64,
    pub text: String,
}

/// Message `id` of `author`'s mailbox as a forward starts: the original's
/// parts for the block, and its attachments.
pub fn original(ctx: &Context, author: &str, id: u64) -> Result<(Original, Vec<NewFile>), SendError> {
    if !send::may_compose(ctx, author) {
        return Err(SendError::Refused(crate::i18n::Text::new("note-no-compose")));
    }
    let (record, _) = reply::answerable(ctx, author, id)?;
    let raw = super::access::bytes_of(ctx, id)?.ok_or(SendError::NotFound)?;
    let msg = MessageParser::default().parse(&raw).ok_or(SendError::NotFound)?;
    let files = msg
        .attachments()
        .map(|part| NewFile {
            name: part.attachment_name().unwrap_or("attachment").to_string(),
            content_type: part.content_type().map_or_else(
                || "application/octet-stream".into(),
                |ct| crate::mail::headers::clean_content_type(&format!("{}/{}", ct.ctype(), ct.subtype().unwrap_or("octet-stream"))),
            ),
            bytes: drafts::FileBytes::Held(part.contents().to_vec()),
        })
        .collect();
    let original = Original {
        from: record.from.clone(),
        to: record.to.join(", "),
        subject: record.subject.clone(),
        received_at: record.received_at,
        text: msg.body_text(0).map(std::borrow::Cow::into_owned).unwrap_or_default(),
    };
    Ok((original, files))
}

/// Saves the forward of message `id` as a new draft of `author` with `content`
/// (the page wrote its block) and `files` (the original's attachments).
pub async fn start(ctx: &Context, author: &str, content: DraftContent, files: Vec<NewFile>) -> Result<Opened, ForwardError> {
    let id = drafts::new_id();
    // The original's attachments may come to more than a new message may
    // carry: the draft keeps them all (they fit in a message we took in), and
    // sending says what is too much.
    let limit = ctx.config.messages.attachment_limit.max(ctx.config.smtp.max_message_size);
    Ok(drafts::save(ctx, author, id, |c| *c = content.clone(), files, (limit, false)).await?)
}
