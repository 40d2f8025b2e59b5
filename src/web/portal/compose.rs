//! Reply, reply all, new messages and drafts: the compose page. Every page
//! carries a draft id; the draft is stored at the first save (autosave, a
//! file attached, Save, or a send — refused sends keep it). Recipients of a
//! reply are shown but always worked out again on the server, and the
//! options appear only for internal senders.

use hyper::StatusCode;
use minijinja::{Value, context};

use super::shown::parse_id;
use super::{Signed, WebError, page};
use crate::i18n::Text;
use crate::model::{DraftContent, size_words};
use crate::service::drafts::{self, DraftError};
use crate::service::send::{self, EXPIRY_CHOICES, SendError};
use crate::service::{accounts, correspondents, forward, intake::queue_id_text, now, reply};
use crate::web::Web;
use crate::web::http::Resp;

/// The form as it is shown: a draft's content and where it is kept.
pub struct Form {
    pub draft: u64,
    pub content: DraftContent,
    pub error: Option<String>,
    /// The draft is saved (the page may take its address, `/drafts/<id>`).
    pub stored: bool,
}

/// GET /compose: a new message.
pub fn new_page(web: &Web, signed: &Signed) -> Result<Resp, WebError> {
    if !send::may_compose(&web.ctx, &signed.session.address) {
        return Err(WebError::NotFound);
    }
    let content = DraftContent {
        purpose: "new".into(),
        text: signature_block(signed),
        ..DraftContent::default()
    };
    render(web, signed, &fresh(content), StatusCode::OK)
}

/// GET /m/{id}/reply and /m/{id}/reply-all: the parties and the quoted original.
pub fn reply_page(web: &Web, signed: &Signed, id: &str, all: bool) -> Result<Resp, WebError> {
    let n = parse_id(id)?;
    let draft = reply::draft(&web.ctx, &signed.session.address, n, all).map_err(refusal)?;
    let content = DraftContent {
        purpose: if all { "reply_all" } else { "reply" }.into(),
        of: queue_id_text(n),
        to: draft.names.shown(&draft.to),
        cc: draft.names.shown(&draft.cc),
        subject: draft.subject,
        text: format!(
            "{}\n\n{}\n{}",
            signature_block(signed),
            web.pages.catalogues.say(
                signed.lang,
                &Text::new("compose-quote-attribution")
                    .with("when", signed.clock.datetime(draft.original_at))
                    .with("from", draft.original_from.as_str())
            ),
            draft.quoted
        ),
        ..DraftContent::default()
    };
    render(web, signed, &fresh(content), StatusCode::OK)
}

/// POST /m/{id}/forward: a new draft with the original quoted and its files; then its page.
pub async fn forward(web: &Web, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    let n = parse_id(id)?;
    let (original, files) = forward::original(&web.ctx, &signed.session.address, n).map_err(refusal)?;
    let subject = if original.subject.to_ascii_lowercase().starts_with("fwd:") {
        original.subject.clone()
    } else {
        format!("Fwd: {}", original.subject)
    };
    let block = Text::new("compose-forward-block")
        .with("from", original.from.as_str())
        .with("to", original.to.as_str())
        .with("when", signed.clock.datetime(original.received_at))
        .with("subject", original.subject.as_str());
    let content = DraftContent {
        purpose: "forward".into(),
        of: queue_id_text(n),
        subject,
        text: format!(
            "{}\n\n{}\n\n{}",
            signature_block(signed),
            web.pages.catalogues.say(signed.lang, &block),
            original.text
        ),
        ..DraftContent::default()
    };
    let saved = forward::start(&web.ctx, &signed.session.address, content, files)
        .await
        .map_err(|e| match e {
            forward::ForwardError::Send(e) => refusal(e),
            forward::ForwardError::Draft(e) => draft_error(e),
        })?;
    Ok(Resp::redirect(&format!("/drafts/{}", draft_id_text(saved.id))))
}

/// GET /drafts/{id}: a saved draft, to go on writing.
pub fn draft_page(web: &Web, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    let id = parse_draft_id(id).ok_or(WebError::NotFound)?;
    let opened = drafts::open(&web.ctx, &signed.session.address, id).map_err(draft_error)?;
    let form = Form {
        draft: id,
        content: opened.content,
        error: None,
        stored: true,
    };
    render(web, signed, &form, StatusCode::OK)
}

fn fresh(content: DraftContent) -> Form {
    Form {
        draft: drafts::new_id(),
        content,
        error: None,
        stored: false,
    }
}

/// A draft id as URLs and forms carry it (16 hex digits).
pub fn draft_id_text(id: u64) -> String {
    format!("{id:016x}")
}

pub fn parse_draft_id(text: &str) -> Option<u64> {
    (text.len() == 16)
        .then(|| u64::from_str_radix(text, 16).ok())
        .flatten()
        .filter(|id| *id != 0)
}

/// The user's signature under an empty first line, as a new draft starts.
fn signature_block(signed: &Signed) -> String {
    let signature = signed.preferences.signature.trim_end();
    if signature.is_empty() {
        String::new()
    } else {
        format!("\n\n-- \n{signature}")
    }
}

/// A refusal to start a reply becomes the error page with its reason.
fn refusal(e: SendError) -> WebError {
    match e {
        SendError::NotFound => WebError::NotFound,
        SendError::Refused(message) => WebError::Refused(message),
        other => WebError::Send(other),
    }
}

/// A draft that is not this user's is not found; the rest are server errors.
pub fn draft_error(e: DraftError) -> WebError {
    match e {
        DraftError::NotFound => WebError::NotFound,
        DraftError::Store(e) => WebError::Store(e),
        DraftError::Damaged(_) => WebError::Damaged,
        DraftError::Full => WebError::Refused(Text::new("note-drafts-full").with("most", drafts::MOST_PER_ACCOUNT)),
        other => WebError::Draft(other),
    }
}

/// The compose page for `form`, answered with `status`.
pub fn render(web: &Web, signed: &Signed, form: &Form, status: StatusCode) -> Result<Resp, WebError> {
    let c = &web.ctx.config;
    let f = &form.content;
    let internal = c.is_internal(&signed.session.address);
    let files: Vec<Value> = f
        .files
        .iter()
        .map(|file| context! { id => draft_id_text(file.id), name => file.name, size => web.pages.catalogues.say(signed.lang, &size_words(file.size)) })
        .collect();
    let attached: u64 = f.files.iter().map(|file| file.size).sum();
    let values = context! {
        draft => draft_id_text(form.draft), stored => form.stored, purpose => f.purpose, id => f.of, to => f.to, cc => f.cc, bcc => f.bcc,
        subject => f.subject, body => f.text, body_html => f.html, error => form.error, internal, reply => f.purpose.starts_with("reply"),
        mode => if f.mode.is_empty() { "external" } else { f.mode.as_str() },
        read_receipt => f.read_receipt, restriction => f.restriction, expiries => expiries(web, &f.expiry),
        limit => c.messages.attachment_limit, limit_text => web.pages.catalogues.say(signed.lang, &size_words(c.messages.attachment_limit)),
        attached, files, domains => c.internal_domains.join(", "),
        session_left => accounts::seconds_left(&web.ctx, &signed.session, now()),
        suggestions => correspondents::of(&web.ctx, &signed.session.address)?,
    };
    let resp = page(web, "compose.html", signed, values)?;
    Ok(Resp { status, ..resp })
}

/// The expiry choices offered, the chosen one (else the default) selected.
fn expiries(web: &Web, chosen: &str) -> Vec<Value> {
    let m = &web.ctx.config.messages;
    let mut days: Vec<u32> = EXPIRY_CHOICES
        .iter()
        .copied()
        .chain([m.expiry_default_days])
        .filter(|d| *d <= m.expiry_max_days)
        .collect();
    days.sort_unstable();
    days.dedup();
    let chosen = chosen.parse().unwrap_or(m.expiry_default_days);
    days.into_iter()
        .map(|d| context! { days => d, selected => d == chosen, default => d == m.expiry_default_days })
        .collect()
}
