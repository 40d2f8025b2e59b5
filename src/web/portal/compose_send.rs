//! Sending from the compose form: the saved draft (or, when it could not be
//! saved, the post itself) checked and sent once. The send runs in a task of
//! its own, so a browser that hangs up cannot cut it between the message's
//! write (which also retires the draft) and the record of the click.

use hyper::StatusCode;

use super::compose_post::shown;
use super::shown::parse_id;
use super::{Signed, WebError};
use crate::auth::in_flight::{InFlight, Slot};
use crate::i18n::Text;
use crate::mail::compose::Attached;
use crate::model::{DraftContent, DraftFile, Restriction};
use crate::policy::SecureMode;
use crate::service::drafts::{self, Opened};
use crate::service::send::{self, Draft, Options, Purpose, SendError};
use crate::web::Web;
use crate::web::http::{Req, Resp};
use crate::web::upload::Received;

/// A send under way: the draft's one sending slot (kept until the send is
/// recorded, however the request ends) and the fingerprint of its post.
pub(super) struct Sending {
    pub(super) slot: Slot,
    /// The post's place among the account's posts at once: a send the
    /// browser left holds it to the end too.
    pub(super) post: Slot,
    pub(super) fingerprint: [u8; 32],
}

/// What a post says (its fields, and its files' names, types and bytes), as
/// a hash: the same form posted twice has the same one.
pub(super) fn fingerprint(got: &Received) -> [u8; 32] {
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    for name in [
        "purpose",
        "id",
        "to",
        "cc",
        "bcc",
        "subject",
        "body",
        "body_html",
        "mode",
        "restriction",
        "expiry",
        "read_receipt",
    ] {
        let value = got.field(name);
        ctx.update(&(value.len() as u64).to_be_bytes());
        ctx.update(value.as_bytes());
    }
    for f in &got.files {
        ctx.update(&(f.name.len() as u64).to_be_bytes());
        ctx.update(f.name.as_bytes());
        ctx.update(&(f.content_type.len() as u64).to_be_bytes());
        ctx.update(f.content_type.as_bytes());
        ctx.update(&f.size.to_be_bytes());
        ctx.update(&f.digest);
    }
    let mut out = [0u8; 32];
    out.copy_from_slice(ctx.finish().as_ref());
    out
}

/// Waits (up to a minute) for the one slot of `key` in `limit`.
pub(super) async fn one_at_a_time(limit: &std::sync::Arc<InFlight>, key: &str) -> Result<Slot, WebError> {
    for _ in 0..1200 {
        if let Some(slot) = limit.enter(key) {
            return Ok(slot);
        }
        smol::Timer::after(std::time::Duration::from_millis(50)).await;
    }
    Err(WebError::Busy)
}

/// A send refused: what the author is told, and the answer's status.
pub(super) type Refusal = (StatusCode, Text);

/// The files a send carries: read already (a post sent without its draft),
/// or the saved draft's, read by the send's own task (a browser that hangs
/// up once the draft is saved cannot stop the send half-way).
pub(super) enum Files {
    Read(Vec<Attached>),
    Stored(Vec<DraftFile>),
}

/// Sends the saved draft: the message's own write removes it (unless
/// another window saved it meanwhile: then it stays in Drafts with what was
/// written there). A refusal shows it again.
pub(super) async fn send_draft(web: &Web, req: &Req, signed: &Signed, saved: Opened, sending: Sending) -> Result<Resp, WebError> {
    let say = |t: &Text| web.pages.catalogues.say(signed.lang, t);
    let (files, version) = (Files::Stored(saved.content.files.clone()), (saved.id, Some(saved.updated_at)));
    let sent = send_message(web, req, signed, (&saved.content, files, version), sending).await?;
    if let Err((status, message)) = sent {
        return shown(web, signed, saved, Some(say(&message)), status);
    }
    Ok(Resp::redirect("/sent?done=sent"))
}

/// Checks and sends what `content` and `attachments` make, within the
/// author's rate limit, as draft `id` at `version`: Ok(Err) is a refusal to
/// show with the form.
pub(super) async fn send_message(
    web: &Web,
    req: &Req,
    signed: &Signed,
    (content, files, (id, version)): (&DraftContent, Files, (u64, Option<i64>)),
    sending: Sending,
) -> Result<Result<(), Refusal>, WebError> {
    let (attachments, stored) = match files {
        Files::Read(read) => (read, Vec::new()),
        Files::Stored(stored) => (Vec::new(), stored),
    };
    let mut draft = match message_of(req, signed, content, attachments) {
        Ok(draft) => draft,
        Err(message) => return Ok(Err((StatusCode::UNPROCESSABLE_ENTITY, message))),
    };
    draft.written_in = Some(drafts::sent(&draft.author, id, version));
    if let Err(wait) = web.limits.compose.check(&draft.author) {
        let text = Text::new("note-compose-limit")
            .with("per", crate::web::COMPOSE_PER_ACCOUNT)
            .with("minutes", crate::web::wait_minutes(wait));
        return Ok(Err((StatusCode::TOO_MANY_REQUESTS, text)));
    }
    match send_whatever_happens(web, (draft, stored), sending).await? {
        Ok(_) => Ok(Ok(())),
        Err(SendError::Refused(message)) => Ok(Err((StatusCode::UNPROCESSABLE_ENTITY, message))),
        Err(SendError::NotFound) => Err(WebError::NotFound),
        Err(e) => Err(WebError::Send(e)),
    }
}

/// Sends `draft` in a task of its own: a browser that goes away mid-send
/// (Stop, a dropped connection) cannot cut it between the write and the
/// record of the click, and the draft's sending slot is held until both are
/// done — a second click either waits for them or finds them.
async fn send_whatever_happens(
    web: &Web,
    (mut draft, stored): (Draft, Vec<DraftFile>),
    sending: Sending,
) -> Result<Result<u64, SendError>, WebError> {
    let (ctx, recent) = (web.ctx.clone(), std::sync::Arc::clone(&web.limits.recent_sends));
    let (tx, rx) = async_channel::bounded(1);
    smol::spawn(async move {
        let Sending { slot, post, fingerprint } = sending;
        let (author, id) = (draft.author.clone(), draft.written_in.as_ref().map_or(0, |d| d.id));
        let result = match stored_files(&ctx, id, stored).await {
            Ok(files) => {
                draft.attachments.extend(files);
                send::send(&ctx, draft).await
            }
            Err(refusal) => Err(SendError::Refused(refusal)),
        };
        if result.is_ok() {
            recent.record(&author, id, fingerprint);
        }
        drop((slot, post));
        let _ = tx.try_send(result);
    })
    .detach();
    let ended = || WebError::Send(SendError::Stored("the send ended without an answer".into()));
    rx.recv().await.map_err(|_| ended())
}

/// Draft `id`'s `files`, read back for sending (opening them is work: off
/// the async threads); a file that does not open is refused here.
async fn stored_files(ctx: &crate::service::Context, id: u64, files: Vec<DraftFile>) -> Result<Vec<Attached>, Text> {
    if files.is_empty() {
        return Ok(Vec::new());
    }
    let ctx = ctx.clone();
    let read = smol::unblock(move || {
        let each = files.into_iter().map(|f| {
            let bytes = drafts::stored_file(&ctx, id, &f)?;
            Ok(Attached {
                name: f.name,
                content_type: f.content_type,
                bytes,
            })
        });
        each.collect::<Result<Vec<_>, drafts::DraftError>>()
    });
    read.await.map_err(|_| Text::new(crate::service::stored::DAMAGED))
}

/// The message the service checks, from the form's content; a field that
/// cannot even be read is refused here.
fn message_of(req: &Req, signed: &Signed, c: &DraftContent, attachments: Vec<Attached>) -> Result<Draft, Text> {
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
        written_in: None,
        options: Options {
            mode,
            read_receipt: c.read_receipt,
            restriction,
            expiry_days,
        },
    })
}
