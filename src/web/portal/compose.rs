//! Reply, reply all and new messages. The form posts as multipart (it carries
//! attachments); recipients of a reply are shown but always worked out again
//! on the server, and the options appear only for internal senders.

use hyper::StatusCode;
use minijinja::{Value, context};

use super::shown::parse_id;
use super::{Signed, WebError, page};
use crate::i18n::Text;
use crate::mail::compose::Attached;
use crate::model::Restriction;
use crate::policy::SecureMode;
use crate::service::send::{self, Draft, EXPIRY_CHOICES, Options, Purpose, SendError};
use crate::service::{intake::queue_id_text, reply};
use crate::web::Web;
use crate::web::http::{Req, Resp};
use crate::web::upload::{self, Received, UploadError};

/// The form as it starts, or as it comes back with an error.
#[derive(Default)]
struct Form {
    purpose: &'static str,
    id: String,
    to: String,
    cc: String,
    subject: String,
    body: String,
    mode: String,
    read_receipt: bool,
    restriction: String,
    expiry: String,
    error: Option<String>,
}

/// GET /compose: a new message.
pub fn new_page(web: &Web, signed: &Signed) -> Result<Resp, WebError> {
    if !send::may_compose(&web.ctx, &signed.session.address) {
        return Err(WebError::NotFound);
    }
    let form = Form {
        purpose: "new",
        body: signature_block(signed),
        ..Form::default()
    };
    render(web, signed, &form, StatusCode::OK)
}

/// GET /m/{id}/reply and /m/{id}/reply-all: the parties and the quoted original.
pub fn reply_page(web: &Web, signed: &Signed, id: &str, all: bool) -> Result<Resp, WebError> {
    let n = parse_id(id)?;
    let draft = reply::draft(&web.ctx, &signed.session.address, n, all).map_err(refusal)?;
    let form = Form {
        purpose: if all { "reply_all" } else { "reply" },
        id: queue_id_text(n),
        to: draft.to.join(", "),
        cc: draft.cc.join(", "),
        subject: draft.subject,
        body: signature_block(signed) + &draft.quoted,
        ..Form::default()
    };
    render(web, signed, &form, StatusCode::OK)
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

/// POST /compose (multipart): checks, stores, and goes to Sent.
pub async fn send(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let limit = web.ctx.config.messages.attachment_limit;
    let got = match upload::receive(req, &web.spool, &signed.session.csrf, limit).await {
        Ok(got) => got,
        Err(UploadError::Forged) => return Err(WebError::Forbidden),
        Err(e @ (UploadError::TextTooLarge | UploadError::Broken(_) | UploadError::Stalled)) => {
            tracing::info!(error = %e, "upload refused");
            return Err(WebError::BadUpload);
        }
        Err(UploadError::Spool(e)) => return Err(WebError::Spool(e)),
    };
    let mut form = form_of(&got);
    if got.over_limit {
        form.error = Some(say(web, signed, &send::too_large(got.files_size, limit)));
        return render(web, signed, &form, StatusCode::PAYLOAD_TOO_LARGE);
    }
    let draft = match draft_of(req, signed, &got) {
        Ok(draft) => draft,
        Err(message) => {
            form.error = Some(say(web, signed, &message));
            return render(web, signed, &form, StatusCode::UNPROCESSABLE_ENTITY);
        }
    };
    if let Err(wait) = web.limits.compose.check(&signed.session.address) {
        let text = Text::new("note-compose-limit")
            .with("per", crate::web::COMPOSE_PER_ACCOUNT)
            .with("minutes", crate::web::wait_minutes(wait));
        form.error = Some(say(web, signed, &text));
        return render(web, signed, &form, StatusCode::TOO_MANY_REQUESTS);
    }
    match send::send(&web.ctx, draft).await {
        Ok(_) => Ok(Resp::redirect("/sent?done=sent")),
        Err(SendError::Refused(message)) => {
            form.error = Some(say(web, signed, &message));
            render(web, signed, &form, StatusCode::UNPROCESSABLE_ENTITY)
        }
        Err(SendError::NotFound) => Err(WebError::NotFound),
        Err(e) => Err(WebError::Send(e)),
    }
    // `got` (and with it every spool file) is dropped here.
}

fn form_of(got: &Received) -> Form {
    Form {
        purpose: match got.field("purpose") {
            "reply" => "reply",
            "reply_all" => "reply_all",
            _ => "new",
        },
        id: got.field("id").to_string(),
        to: got.field("to").to_string(),
        cc: got.field("cc").to_string(),
        subject: got.field("subject").to_string(),
        body: got.field("body").to_string(),
        mode: got.field("mode").to_string(),
        read_receipt: got.field("read_receipt") == "yes",
        restriction: got.field("restriction").to_string(),
        expiry: got.field("expiry").to_string(),
        error: None,
    }
}

/// The draft the service checks; a field that cannot even be read is refused here.
fn draft_of(req: &Req, signed: &Signed, got: &Received) -> Result<Draft, Text> {
    let purpose = match got.field("purpose") {
        "reply" | "reply_all" => Purpose::Reply {
            id: parse_id(got.field("id")).map_err(|_| Text::new("note-reply-missing"))?,
            all: got.field("purpose") == "reply_all",
        },
        _ => Purpose::New,
    };
    let mode = match got.field("mode") {
        "" => SecureMode::External,
        other => SecureMode::parse(other).ok_or(Text::new("note-choose-mode"))?,
    };
    let restriction = Restriction::parse(got.field("restriction")).ok_or(Text::new("note-choose-restriction"))?;
    let expiry_days = match got.field("expiry") {
        "" => None,
        days => Some(days.parse::<u32>().map_err(|_| Text::new("note-choose-expiry-days"))?),
    };
    Ok(Draft {
        author: signed.session.address.clone(),
        client: req.client.ip,
        purpose,
        to: got.field("to").to_string(),
        cc: got.field("cc").to_string(),
        subject: got.field("subject").to_string(),
        text: got.field("body").to_string(),
        attachments: got
            .files
            .iter()
            .map(|f| Attached {
                name: f.name.clone(),
                content_type: f.content_type.clone(),
                path: f.path.clone(),
                key: std::sync::Arc::clone(&f.key),
                size: f.size,
            })
            .collect(),
        attachments_size: got.files_size,
        options: Options {
            mode,
            read_receipt: got.field("read_receipt") == "yes",
            restriction,
            expiry_days,
        },
    })
}

/// `text` in the author's language.
fn say(web: &Web, signed: &Signed, text: &Text) -> String {
    web.pages.catalogues.say(signed.lang, text)
}

/// A refusal to start a reply becomes the error page with its reason.
fn refusal(e: SendError) -> WebError {
    match e {
        SendError::NotFound => WebError::NotFound,
        SendError::Refused(message) => WebError::Refused(message),
        other => WebError::Send(other),
    }
}

fn render(web: &Web, signed: &Signed, form: &Form, status: StatusCode) -> Result<Resp, WebError> {
    let c = &web.ctx.config;
    let internal = c.is_internal(&signed.session.address);
    let mut expiries: Vec<u32> = EXPIRY_CHOICES
        .iter()
        .copied()
        .chain([c.messages.expiry_default_days])
        .filter(|d| *d <= c.messages.expiry_max_days)
        .collect();
    expiries.sort_unstable();
    expiries.dedup();
    let chosen_expiry = form.expiry.parse().unwrap_or(c.messages.expiry_default_days);
    let expiries: Vec<Value> = expiries
        .into_iter()
        .map(|d| context! { days => d, selected => d == chosen_expiry, default => d == c.messages.expiry_default_days })
        .collect();
    let values = context! {
        purpose => form.purpose, id => form.id, to => form.to, cc => form.cc, subject => form.subject,
        body => form.body, error => form.error, internal, reply => form.purpose != "new",
        mode => if form.mode.is_empty() { "external" } else { form.mode.as_str() },
        read_receipt => form.read_receipt, restriction => form.restriction, expiries,
        limit => c.messages.attachment_limit, limit_text => web.pages.catalogues.say(signed.lang, &crate::model::size_words(c.messages.attachment_limit)),
        domains => c.internal_domains.join(", "),
    };
    let resp = page(web, "compose.html", signed, values)?;
    Ok(Resp { status, ..resp })
}
