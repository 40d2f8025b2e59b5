//! POST /compose (multipart): whatever the button, the form is first saved
//! to its draft (files included), then it is sent, kept, or answered to the
//! page's script. A send refused for any reason shows the draft again with
//! its files; a post whose session ran out is kept as a draft too
//! (`rescue`), and signing in again leads back to it.

use hyper::StatusCode;

use super::compose::{Form, draft_error, draft_id_text, parse_draft_id, render};
use super::shown::parse_id;
use super::{SESSION_COOKIE, Signed, WebError};
use crate::auth::tokens;
use crate::i18n::Text;
use crate::mail::compose::Attached;
use crate::model::{DraftContent, Restriction, Session};
use crate::policy::SecureMode;
use crate::service::drafts::{self, DraftError, NewFile, Opened};
use crate::service::send::{self, Draft, Options, Purpose, SendError};
use crate::service::{accounts, now};
use crate::web::Web;
use crate::web::http::{Req, Resp};
use crate::web::upload::{self, Received, UploadError};

/// What the post asks for, after the draft is saved.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Action {
    Send,
    /// Save and go to Drafts.
    Save,
    /// The script's save while typing, or of files it attached: answered in JSON.
    Autosave,
    /// Remove one file from the draft.
    Remove(u64),
}

fn action_of(got: &Received) -> Action {
    match got.field("action") {
        "save" => Action::Save,
        "autosave" => Action::Autosave,
        _ => match parse_draft_id(got.field("remove")) {
            Some(file) => Action::Remove(file),
            None => Action::Send,
        },
    }
}

/// The page's script asked (it wants JSON, never a page).
fn scripted(got: &Received) -> bool {
    got.field("format") == "json"
}

/// The draft the post saves into: the page's, or a new one for a post
/// without (a form from before drafts, or another client).
fn draft_of_post(got: &Received) -> Result<u64, WebError> {
    match got.field("draft") {
        "" => Ok(drafts::new_id()),
        text => parse_draft_id(text).ok_or(WebError::BadUpload),
    }
}

/// POST /compose. A form from a page of another of the user's sessions (one
/// that ran out while they signed in again elsewhere) is only kept as a
/// draft, and shown to be checked and sent again.
pub async fn post(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let (current, address) = (&signed.session.csrf, &signed.session.address);
    let accept = |token: &str| tokens::same(token, current) || accounts::is_own_session_token(&web.ctx, address, token);
    let got = receive(web, req, &accept).await?;
    let id = draft_of_post(&got)?;
    let from_other_session = !tokens::same(got.field("csrf"), current);
    let action = match action_of(&got) {
        Action::Send if from_other_session => Action::Save,
        other => other,
    };
    let author = &signed.session.address;
    let (saved, problem) = keep(web, author, id, &got, action).await;
    let saved = saved.map_err(draft_error)?;
    if scripted(&got) {
        return Ok(answer(web, signed, &saved, problem.as_ref()));
    }
    let say = |t: &Text| web.pages.catalogues.say(signed.lang, t);
    if let Some((status, text)) = problem {
        return shown(web, signed, saved, Some(say(&text)), status);
    }
    if from_other_session {
        let text = Text::new("note-draft-kept-session-changed");
        return shown(web, signed, saved, Some(say(&text)), StatusCode::CONFLICT);
    }
    match action {
        Action::Save => Ok(Resp::redirect("/drafts?done=saved")),
        Action::Autosave | Action::Remove(_) => Ok(Resp::redirect(&format!("/drafts/{}", draft_id_text(id)))),
        Action::Send => send_draft(web, req, signed, saved).await,
    }
}

/// Saves the post into draft `id`: the saved draft, and what to tell the
/// author about what could not be kept (files over the limit, too many drafts).
async fn keep(
    web: &Web,
    author: &str,
    id: u64,
    got: &Received,
    action: Action,
) -> (Result<Opened, DraftError>, Option<(StatusCode, Text)>) {
    let limit = web.ctx.config.messages.attachment_limit;
    let mut problem = None;
    let files = if got.over_limit {
        problem = Some((StatusCode::PAYLOAD_TOO_LARGE, send::too_large(got.files_size, limit)));
        Vec::new()
    } else {
        match opened_files(got).await {
            Ok(files) => files,
            Err(e) => return (Err(e), None),
        }
    };
    let change = |c: &mut DraftContent| {
        fill(c, got);
        if let Action::Remove(file) = action {
            c.files.retain(|f| f.id != file);
        }
    };
    let mut saved = drafts::save(&web.ctx, author, id, change, files, limit).await;
    if let Err(DraftError::TooLarge { size, .. }) = saved {
        problem = Some((StatusCode::PAYLOAD_TOO_LARGE, send::too_large(size, limit)));
        saved = drafts::save(&web.ctx, author, id, change, Vec::new(), limit).await;
    }
    if let Err(DraftError::Full) = saved {
        let text = Text::new("note-drafts-full").with("most", drafts::MOST_PER_ACCOUNT);
        return (Err(DraftError::Full), Some((StatusCode::INSUFFICIENT_STORAGE, text)));
    }
    (saved, problem)
}

/// The uploaded files, opened from the spool (off the async threads).
async fn opened_files(got: &Received) -> Result<Vec<NewFile>, DraftError> {
    let spooled: Vec<_> = got
        .files
        .iter()
        .map(|f| {
            (
                f.name.clone(),
                f.content_type.clone(),
                f.path.clone(),
                std::sync::Arc::clone(&f.key),
                f.size,
            )
        })
        .collect();
    smol::unblock(move || {
        spooled
            .into_iter()
            .map(|(name, content_type, path, key, size)| {
                let sealed = std::fs::read(&path).map_err(|e| DraftError::Spool(e.to_string()))?;
                let bytes = key
                    .open(&sealed, usize::try_from(size).unwrap_or(usize::MAX))
                    .map_err(|_| DraftError::Spool("a spooled upload does not open".into()))?;
                Ok(NewFile { name, content_type, bytes })
            })
            .collect()
    })
    .await
}

/// The form's fields into the draft (its files are the draft's own).
fn fill(c: &mut DraftContent, got: &Received) {
    c.purpose = match got.field("purpose") {
        p @ ("reply" | "reply_all" | "forward") => p.to_string(),
        _ => "new".into(),
    };
    c.of = got.field("id").to_string();
    c.to = got.field("to").to_string();
    c.cc = got.field("cc").to_string();
    c.bcc = got.field("bcc").to_string();
    c.subject = got.field("subject").to_string();
    c.text = got.field("body").to_string();
    c.html = String::new();
    if let Some((html, text)) = send::formatted(got.field("body_html")) {
        c.html = html;
        c.text = text;
    }
    c.mode = got.field("mode").to_string();
    c.read_receipt = got.field("read_receipt") == "yes";
    c.restriction = got.field("restriction").to_string();
    c.expiry = got.field("expiry").to_string();
}

/// The script's answer: the draft's files and the seconds the session has left.
fn answer(web: &Web, signed: &Signed, saved: &Opened, problem: Option<&(StatusCode, Text)>) -> Resp {
    let files: Vec<serde_json::Value> = saved
        .content
        .files
        .iter()
        .map(|f| serde_json::json!({ "id": draft_id_text(f.id), "name": f.name, "size": f.size }))
        .collect();
    let body = serde_json::json!({
        "draft": draft_id_text(saved.id),
        "files": files,
        "left": accounts::seconds_left(&web.ctx, &signed.session, now()),
        "saved_at": signed.clock.datetime(saved.updated_at / 1000),
        "error": problem.map(|(_, t)| web.pages.catalogues.say(signed.lang, t)),
    });
    let status = problem.map_or(StatusCode::OK, |(s, _)| *s);
    Resp::json(status, body.to_string())
}

fn shown(web: &Web, signed: &Signed, saved: Opened, error: Option<String>, status: StatusCode) -> Result<Resp, WebError> {
    let form = Form {
        draft: saved.id,
        content: saved.content,
        error,
        stored: true,
    };
    render(web, signed, &form, status)
}

/// Sends the saved draft; sent, it is removed. A refusal shows it again.
async fn send_draft(web: &Web, req: &Req, signed: &Signed, saved: Opened) -> Result<Resp, WebError> {
    let say = |t: &Text| web.pages.catalogues.say(signed.lang, t);
    let author = signed.session.address.clone();
    let draft = match draft_of(web, req, signed, &saved) {
        Ok(draft) => draft,
        Err(message) => return shown(web, signed, saved, Some(say(&message)), StatusCode::UNPROCESSABLE_ENTITY),
    };
    if let Err(wait) = web.limits.compose.check(&author) {
        let text = Text::new("note-compose-limit")
            .with("per", crate::web::COMPOSE_PER_ACCOUNT)
            .with("minutes", crate::web::wait_minutes(wait));
        return shown(web, signed, saved, Some(say(&text)), StatusCode::TOO_MANY_REQUESTS);
    }
    match send::send(&web.ctx, draft).await {
        Ok(_) => {
            // Sent and durable: the draft goes (were this to fail, it stays in Drafts).
            if let Err(e) = drafts::delete(&web.ctx, &author, saved.id).await {
                tracing::warn!(error = %e, "a sent draft was not removed");
            }
            Ok(Resp::redirect("/sent?done=sent"))
        }
        Err(SendError::Refused(message)) => shown(web, signed, saved, Some(say(&message)), StatusCode::UNPROCESSABLE_ENTITY),
        Err(SendError::NotFound) => Err(WebError::NotFound),
        Err(e) => Err(WebError::Send(e)),
    }
}

/// The message the service checks, from the saved draft; a field that cannot even be read is refused here.
fn draft_of(web: &Web, req: &Req, signed: &Signed, saved: &Opened) -> Result<Draft, Text> {
    let c = &saved.content;
    let purpose = match c.purpose.as_str() {
        "reply" | "reply_all" => Purpose::Reply {
            id: parse_id(&c.of).map_err(|_| Text::new("note-reply-missing"))?,
            all: c.purpose == "reply_all",
        },
        "forward" => Purpose::Forward {
            id: parse_id(&c.of).map_err(|_| Text::new("note-reply-missing"))?,
        },
        _ => Purpose::New,
    };
    let mode = match c.mode.as_str() {
        "" => SecureMode::External,
        other => SecureMode::parse(other).ok_or(Text::new("note-choose-mode"))?,
    };
    let restriction = Restriction::parse(&c.restriction).ok_or(Text::new("note-choose-restriction"))?;
    let expiry_days = match c.expiry.as_str() {
        "" => None,
        days => Some(days.parse::<u32>().map_err(|_| Text::new("note-choose-expiry-days"))?),
    };
    let mut attachments = Vec::with_capacity(c.files.len());
    for f in &c.files {
        let (meta, bytes) = drafts::file_bytes(&web.ctx, &signed.session.address, saved.id, f.id)
            .map_err(|_| Text::new(crate::service::stored::DAMAGED))?;
        attachments.push(Attached {
            name: meta.name,
            content_type: meta.content_type,
            bytes,
        });
    }
    Ok(Draft {
        author: signed.session.address.clone(),
        client: req.client.ip,
        purpose,
        to: c.to.clone(),
        cc: c.cc.clone(),
        bcc: c.bcc.clone(),
        subject: c.subject.clone(),
        text: c.text.clone(),
        html: (!c.html.is_empty()).then(|| c.html.clone()),
        attachments,
        options: Options {
            mode,
            read_receipt: c.read_receipt,
            restriction,
            expiry_days,
        },
    })
}

/// Reads the multipart post (its CSRF token, the first field, checked by `accept` first thing).
async fn receive(web: &Web, req: &Req, accept: &(dyn Fn(&str) -> bool + Sync)) -> Result<Received, WebError> {
    let limit = web.ctx.config.messages.attachment_limit;
    match upload::receive(req, &web.spool, accept, limit).await {
        Ok(got) => Ok(got),
        Err(UploadError::Forged) => Err(WebError::Forbidden),
        Err(e @ (UploadError::TextTooLarge | UploadError::Broken(_) | UploadError::Stalled)) => {
            tracing::info!(error = %e, "upload refused");
            Err(WebError::BadUpload)
        }
        Err(UploadError::Spool(e)) => Err(WebError::Spool(e)),
    }
}

/// POST /compose from a browser whose session ran out (`accounts::lapsed_session`):
/// what it posted is kept as a draft, and signing in again leads back to it.
/// Anything else without a session is refused as before.
pub async fn rescue(web: &Web, req: &Req) -> Result<Resp, WebError> {
    let token = req.cookie(SESSION_COOKIE).ok_or(WebError::Forbidden)?;
    let session: Session = accounts::lapsed_session(&web.ctx, token)?.ok_or(WebError::Forbidden)?;
    let got = receive(web, req, &|token: &str| tokens::same(token, &session.csrf)).await?;
    let id = draft_of_post(&got)?;
    let (saved, _) = keep(web, &session.address, id, &got, action_of(&got)).await;
    let saved = saved.map_err(draft_error)?;
    let resume = format!("/drafts/{}", draft_id_text(saved.id));
    tracing::info!(draft = %draft_id_text(saved.id), "a post after the session ran out was kept as a draft");
    if scripted(&got) {
        let body = serde_json::json!({ "ended": true, "resume": resume });
        return Ok(Resp::json(StatusCode::UNAUTHORIZED, body.to_string()));
    }
    Ok(Resp::redirect(&format!("/login?notice=draft-kept&next={}", super::encode(&resume))))
}
