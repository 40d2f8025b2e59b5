//! POST /compose (multipart): whatever the button, the form is first saved
//! to its draft (files included), then it is sent, kept, or answered to the
//! page's script. A send refused for any reason shows the draft again with
//! its files; a post whose session ran out is kept as a draft too
//! (`rescue`), and signing in again leads back to it.

use hyper::StatusCode;

use super::compose::{Form, draft_error, draft_id_text, parse_draft_id, render};
use super::compose_send::{Files, Sending, fingerprint, one_at_a_time, send_draft, send_message};
use super::{SESSION_COOKIE, Signed, WebError};
use crate::auth::tokens;
use crate::i18n::Text;
use crate::mail::compose::Attached;
use crate::model::{DraftContent, Session};
use crate::service::drafts::{self, DraftError, FileBytes, NewFile, Opened};
use crate::service::send;
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
    /// The script's save while typing: answered in JSON.
    Autosave,
    /// The script's upload of files: only the files are added (the fields it
    /// carries were read when the upload began), answered in JSON.
    Attach,
    /// Remove one file from the draft.
    Remove(u64),
}

fn action_of(got: &Received) -> Action {
    match got.field("action") {
        "save" => Action::Save,
        "autosave" => Action::Autosave,
        "attach" => Action::Attach,
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
    let mut post = Some(web.limits.compose_posts.enter(address).ok_or(WebError::Busy)?);
    let got = receive(web, req, &accept).await?;
    let id = draft_of_post(&got)?;
    let from_other_session = !tokens::same(got.field("csrf"), current);
    let action = match action_of(&got) {
        Action::Send if from_other_session => Action::Save,
        other => other,
    };
    let author = &signed.session.address;
    // One send of a draft at a time: a second (a double click without
    // script) waits, then finds the draft sent and keeps its post apart.
    let sending = match action {
        Action::Send => Some(Sending {
            slot: one_at_a_time(&web.limits.drafts_sending, &format!("{author} {}", draft_id_text(id))).await?,
            post: post.take().ok_or(WebError::Busy)?,
            fingerprint: fingerprint(&got),
        }),
        _ => None,
    };
    if let Some(s) = &sending
        && web.limits.recent_sends.same_again(author, id, &s.fingerprint)
    {
        // The same form sent a moment ago (a double click): that send is the answer.
        return Ok(Resp::redirect("/sent?done=sent"));
    }
    let (mut saved, mut problem) = keep(web, author, id, &got, action).await;
    let mut moved = false;
    if matches!(saved, Err(DraftError::NotFound)) && !got.field("draft").is_empty() {
        // Sent or deleted from another window (or never this user's): a
        // script's late save must not bring it back; anything else the
        // author posted is kept in a new draft, and not sent.
        if scripted(&got) && action != Action::Attach {
            return Ok(Resp::json(StatusCode::GONE, serde_json::json!({ "gone": true }).to_string()));
        }
        (saved, problem) = keep(web, author, drafts::new_id(), &got, action).await;
        moved = true;
    }
    let saved = match saved {
        Ok(saved) => saved,
        Err(e @ (DraftError::Full | DraftError::Busy)) => {
            // Only a post that would have been sent, into no stored draft
            // (Full: a new one), is sent from the post itself.
            let send = sending.filter(|_| !moved && matches!(e, DraftError::Full));
            return unsaved(web, req, signed, (id, &got), send, &e).await;
        }
        Err(e) => return Err(draft_error(e)),
    };
    if scripted(&got) {
        return Ok(answer(web, signed, &saved, problem.as_ref()));
    }
    let held = if moved {
        Some(Text::new("note-draft-gone-kept"))
    } else {
        from_other_session.then(|| Text::new("note-draft-kept-session-changed"))
    };
    let problem = problem.or(held.map(|t| (StatusCode::CONFLICT, t)));
    answer_page(web, req, signed, saved, problem, (action, sending)).await
}

/// The page for a form post once its draft is saved: what went wrong, or
/// what was asked (Save: Drafts; Send: the send).
async fn answer_page(
    web: &Web,
    req: &Req,
    signed: &Signed,
    saved: Opened,
    problem: Option<(StatusCode, Text)>,
    (action, sending): (Action, Option<Sending>),
) -> Result<Resp, WebError> {
    if let Some((status, text)) = problem {
        let said = web.pages.catalogues.say(signed.lang, &text);
        return shown(web, signed, saved, Some(said), status);
    }
    match (action, sending) {
        (Action::Send, Some(sending)) => send_draft(web, req, signed, saved, sending).await,
        (Action::Save, _) => Ok(Resp::redirect("/drafts?done=saved")),
        _ => Ok(Resp::redirect(&format!("/drafts/{}", draft_id_text(saved.id)))),
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
        spooled_files(got)
    };
    let change = |c: &mut DraftContent| {
        let fresh = c.purpose.is_empty();
        if fresh || (action != Action::Attach && !older_than_stored(c, got)) {
            fill(c, got);
        }
        if let Action::Remove(file) = action {
            c.files.retain(|f| f.id != file);
        }
    };
    // An explicit Save stores the draft even unchanged (its keep time starts again).
    let bounds = (limit, action == Action::Save);
    let mut saved = drafts::save(&web.ctx, author, id, change, files, bounds).await;
    if let Err(DraftError::TooLarge { size, .. }) = saved {
        problem = Some((StatusCode::PAYLOAD_TOO_LARGE, send::too_large(size, limit)));
        saved = drafts::save(&web.ctx, author, id, change, Vec::new(), bounds).await;
    }
    (saved, problem)
}

/// The uploaded files as they wait in the spool (read when they are sealed).
fn spooled_files(got: &Received) -> Vec<NewFile> {
    got.files
        .iter()
        .map(|f| NewFile {
            name: f.name.clone(),
            content_type: f.content_type.clone(),
            bytes: FileBytes::Spooled {
                path: f.path.clone(),
                key: std::sync::Arc::clone(&f.key),
                size: f.size,
            },
        })
        .collect()
}

/// Whether the post is a save its page made before the one stored (its
/// autosave and its beacon can arrive in either order): the page's random
/// name and the count of saves it made, both kept in the draft.
fn older_than_stored(c: &DraftContent, got: &Received) -> bool {
    let page = got.field("page");
    let seq = got.field("seq").parse::<u64>().unwrap_or(0);
    !page.is_empty() && c.page == page && seq <= c.seq
}

/// The form's fields into the draft (its files are the draft's own). What a
/// draft answers or forwards is fixed when it is first saved: a forward only
/// by `POST /m/{id}/forward`, a reply from the form; a post never changes it.
fn fill(c: &mut DraftContent, got: &Received) {
    if c.purpose.is_empty() {
        (c.purpose, c.of) = match got.field("purpose") {
            p @ ("reply" | "reply_all") => (p.to_string(), got.field("id").to_string()),
            _ => ("new".into(), String::new()),
        };
    }
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
    c.page = got.field("page").chars().take(32).collect();
    c.seq = got.field("seq").parse().unwrap_or(0);
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

pub(super) fn shown(web: &Web, signed: &Signed, saved: Opened, error: Option<String>, status: StatusCode) -> Result<Resp, WebError> {
    let form = Form {
        draft: saved.id,
        content: saved.content,
        error,
        stored: true,
    };
    render(web, signed, &form, status)
}

/// A post whose draft could not be saved (the author keeps the most drafts
/// there may be, or the draft kept changing under the save): a send still
/// goes ahead from the post itself; otherwise, or refused, the form comes
/// back as posted with why it was not kept (files sent with it are not).
async fn unsaved(
    web: &Web,
    req: &Req,
    signed: &Signed,
    (id, got): (u64, &Received),
    send: Option<Sending>,
    e: &DraftError,
) -> Result<Resp, WebError> {
    let (status, note) = match e {
        DraftError::Full => (
            StatusCode::INSUFFICIENT_STORAGE,
            Text::new("note-drafts-full").with("most", drafts::MOST_PER_ACCOUNT),
        ),
        _ => (StatusCode::CONFLICT, Text::new("note-draft-busy")),
    };
    let mut content = DraftContent::default();
    fill(&mut content, got);
    let mut told = vec![note];
    if let Some(sending) = send.filter(|_| !got.over_limit) {
        let files = spooled_files(got);
        let read = smol::unblock(move || {
            let each = files.into_iter().map(|f| {
                let (name, content_type) = (f.name.clone(), f.content_type.clone());
                let bytes = std::sync::Arc::new(f.into_bytes()?);
                Ok(Attached { name, content_type, bytes })
            });
            each.collect::<Result<Vec<_>, DraftError>>()
        });
        let attachments = read.await.map_err(draft_error)?;
        match send_message(web, req, signed, (&content, Files::Read(attachments), (id, None)), sending).await? {
            Ok(()) => return Ok(Resp::redirect("/sent?done=sent")),
            Err((_, refusal)) => told.insert(0, refusal),
        }
    }
    let say = |t: &Text| web.pages.catalogues.say(signed.lang, t);
    let error = told.iter().map(say).collect::<Vec<_>>().join(" ");
    if scripted(got) {
        let body = serde_json::json!({
            "draft": draft_id_text(id),
            "left": accounts::seconds_left(&web.ctx, &signed.session, now()),
            "error": error,
            "unsaved": true,
        });
        return Ok(Resp::json(status, body.to_string()));
    }
    let form = Form {
        draft: id,
        content,
        error: Some(error),
        stored: false,
    };
    render(web, signed, &form, status)
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
    let _slot = web.limits.compose_posts.enter(&session.address).ok_or(WebError::Busy)?;
    let got = receive(web, req, &|token: &str| tokens::same(token, &session.csrf)).await?;
    let id = draft_of_post(&got)?;
    // A Send waits for a send of its draft under way (its second click), then asks whether it went.
    let _sending = match action_of(&got) {
        Action::Send => Some(one_at_a_time(&web.limits.drafts_sending, &format!("{} {}", session.address, draft_id_text(id))).await?),
        _ => None,
    };
    if action_of(&got) == Action::Send && web.limits.recent_sends.same_again(&session.address, id, &fingerprint(&got)) {
        // The second click of a send that went, arriving as the session
        // ended: that send is the answer, and no copy is kept as a draft.
        return Ok(Resp::redirect(&format!("/login?next={}", super::encode("/sent?done=sent"))));
    }
    let (mut saved, _) = keep(web, &session.address, id, &got, action_of(&got)).await;
    if matches!(saved, Err(DraftError::NotFound)) {
        // Its draft was sent or deleted meanwhile: a script's late save must
        // not bring it back; a form's post is still kept.
        if scripted(&got) && action_of(&got) != Action::Attach {
            return Ok(Resp::json(StatusCode::GONE, serde_json::json!({ "gone": true }).to_string()));
        }
        (saved, _) = keep(web, &session.address, drafts::new_id(), &got, action_of(&got)).await;
    }
    let saved = saved.map_err(draft_error)?;
    let resume = format!("/drafts/{}", draft_id_text(saved.id));
    tracing::info!(draft = %draft_id_text(saved.id), "a post after the session ran out was kept as a draft");
    if scripted(&got) {
        let body = serde_json::json!({ "ended": true, "resume": resume });
        // 200: the post was kept (a browser logs every 4xx as an error).
        return Ok(Resp::json(StatusCode::OK, body.to_string()));
    }
    Ok(Resp::redirect(&format!("/login?notice=draft-kept&next={}", super::encode(&resume))))
}
