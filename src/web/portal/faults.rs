//! The pages of what went wrong: not found, not allowed, failed (with a
//! reference to the log line), and for a signed-in reader the same inside the
//! signed-in page, with what happened to a message that is no longer theirs.

use hyper::StatusCode;
use minijinja::context;

use super::{Signed, Web, WebError, page_with_status};
use crate::i18n::Text;
use crate::service::gone::Gone;
use crate::web::http::Resp;

/// "Not allowed" with the reason the user is given.
pub(super) fn refused_page(web: &Web, lang: &str, message: &Text) -> Resp {
    let say = |text: &Text| web.pages.catalogues.say(lang, text);
    let values = context! { status => 403, title => say(&Text::new("fault-refused-title")), message => say(message) };
    match web.pages.render("error.html", lang, values) {
        Ok(html) => Resp::html(StatusCode::FORBIDDEN, html),
        Err(_) => error_page(web, lang, StatusCode::FORBIDDEN, None),
    }
}

/// The friendly error page in `lang`; `reference` ties it to the log line with the detail.
pub fn error_page(web: &Web, lang: &str, status: StatusCode, reference: Option<&str>) -> Resp {
    let (title, message) = match status {
        StatusCode::NOT_FOUND => ("fault-not-found-title", "fault-not-found"),
        StatusCode::FORBIDDEN => ("fault-form-expired-title", "fault-form-expired"),
        StatusCode::PAYLOAD_TOO_LARGE => ("fault-too-large-title", "fault-too-large"),
        StatusCode::BAD_REQUEST => ("fault-bad-request-title", "fault-bad-request"),
        StatusCode::SERVICE_UNAVAILABLE => ("fault-too-slow-title", "fault-too-slow"),
        StatusCode::TOO_MANY_REQUESTS => ("fault-busy-title", "fault-busy"),
        _ => ("fault-failed-title", "fault-failed"),
    };
    let say = |id: &str| web.pages.catalogues.text(lang, id, &[]);
    let values = context! { status => status.as_u16(), title => say(title), message => say(message), reference };
    match web.pages.render("error.html", lang, values) {
        Ok(html) => Resp::html(status, html),
        Err(e) => {
            tracing::error!(error = %e, "error page failed to render");
            Resp::text(status, "Something went wrong.\n")
        }
    }
}

/// A signed-in reader's "not found", "not allowed" and "no longer here" keep
/// the signed-in page around them (header, menu, sign-out); other errors go on.
pub fn kept_signed_in(web: &Web, signed: &Signed, result: Result<Resp, WebError>) -> Result<Resp, WebError> {
    let (status, title, message) = match result {
        Err(WebError::NotFound) => (StatusCode::NOT_FOUND, "fault-not-found-title", Text::new("fault-not-found")),
        Err(WebError::Refused(message)) => (StatusCode::FORBIDDEN, "fault-refused-title", message),
        Err(WebError::Damaged) => (
            StatusCode::FORBIDDEN,
            "fault-refused-title",
            Text::new(crate::service::stored::DAMAGED),
        ),
        Err(WebError::Gone(gone)) => (StatusCode::GONE, "message-gone-title", gone_text(signed, &gone)),
        other => return other,
    };
    let say = |text: &Text| web.pages.catalogues.say(signed.lang, text);
    let contact = &web.ctx.config.notify.support_contact;
    let help =
        (!contact.is_empty() && status == StatusCode::GONE).then(|| say(&Text::new("message-gone-help").with("contact", contact.as_str())));
    let values = context! { status => status.as_u16(), title => say(&Text::new(title)), message => say(&message), help };
    page_with_status(web, "error.html", signed, status, values)
}

/// What happened to a message, in the reader's words and dates.
fn gone_text(signed: &Signed, gone: &Gone) -> Text {
    match gone {
        Gone::Recalled { sender, at } => Text::new("message-gone-recalled")
            .with("sender", sender.as_str())
            .with("when", signed.clock.datetime(*at)),
        Gone::Revoked { sender, at } => Text::new("message-gone-revoked")
            .with("sender", sender.as_str())
            .with("when", signed.clock.datetime(*at)),
        Gone::Removed { sender, at } => Text::new("message-gone-removed")
            .with("sender", sender.as_str())
            .with("when", signed.clock.datetime(*at)),
    }
}
