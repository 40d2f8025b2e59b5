//! Two-step sign-in: the address, then the password (as the seeds show).

use hyper::StatusCode;
use minijinja::context;

use super::{SESSION_COOKIE, WebError, anonymous_page, anonymous_text, check_anonymous_form, safe_next};
use crate::i18n::Text;
use crate::service::accounts::{self, AccountError, SignedIn};
use crate::service::sign_in_codes;
use crate::web::Web;
use crate::web::http::{Req, Resp, cookie};

/// The one message for every sign-in failure.
const GENERIC_FAILURE: &str = "note-sign-in-failed";

/// The one message for every failed sign-in code.
const CODE_FAILURE: &str = "note-code-failed";

fn say(web: &Web, req: &Req, id: &'static str) -> String {
    anonymous_text(web, req, &Text::new(id))
}

/// Step 1: the address.
pub fn email_page(web: &Web, req: &Req) -> Result<Resp, WebError> {
    let values = context! {
        step => "address",
        next => safe_next(req.query("next")),
        address => req.query("address"),
        notice => notice(req.query("notice")).map(|id| say(web, req, id)),
        passkeys => crate::service::passkeys::relying_party(&web.ctx).is_some(),
    };
    let page = anonymous_page(web, req, "login.html", StatusCode::OK, values)?;
    Ok(super::oidc::with_provider_form_target(web, page))
}

/// Step 1 posted: show step 2 (nothing is looked up, so nothing is
/// revealed), or, for a domain that signs in at the organisation's OpenID
/// provider, go there.
pub async fn email_step(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    let address = req.field("address").trim();
    let next = safe_next(req.field("next"));
    if !address.contains('@') || address.len() > 254 {
        let passkeys = crate::service::passkeys::relying_party(&web.ctx).is_some();
        let values = context! { step => "address", next, address, passkeys, error => say(web, req, "note-enter-address") };
        let page = anonymous_page(web, req, "login.html", StatusCode::OK, values)?;
        return Ok(super::oidc::with_provider_form_target(web, page));
    }
    if web.ctx.config.oidc.covers(address) {
        return super::oidc::go(web, req, address, &next).await;
    }
    let passkeys = crate::service::passkeys::offered_to(&web.ctx, address);
    let values = context! { step => "password", next, address, passkeys, codes => web.ctx.config.portal.sign_in_codes };
    anonymous_page(web, req, "login.html", StatusCode::OK, values)
}

/// Step 2 posted: check the password and start a session.
pub async fn password_step(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    let address = req.field("address").trim();
    let next = safe_next(req.field("next"));
    let error = match accounts::sign_in(&web.ctx, &web.throttle, address, req.field("password"), &req.client).await {
        Ok(signed) => return Ok(started(&signed, next)),
        Err(AccountError::SignInRefused { .. }) => say(web, req, GENERIC_FAILURE),
        // Only the right password gets these; every wrong one the generic words.
        Err(AccountError::Locked { until }) => with_contact(
            web,
            req,
            &Text::new("note-sign-in-locked").with("until", crate::model::utc_text(until)),
        ),
        Err(AccountError::LogonDenied) => with_contact(web, req, &Text::new("note-sign-in-denied")),
        Err(AccountError::PasskeyRequired) => say(web, req, "note-passkey-required-sign-in"),
        // The directory could not be asked: the emailed code is the way in meanwhile.
        Err(AccountError::DirectoryUnavailable) => say(web, req, "note-directory-unavailable"),
        Err(e) => return Err(e.into()),
    };
    let passkeys = crate::service::passkeys::offered_to(&web.ctx, address);
    let values = context! { step => "password", next, address, passkeys, codes => web.ctx.config.portal.sign_in_codes, error };
    anonymous_page(web, req, "login.html", StatusCode::OK, values)
}

/// `text`, and whom to ask when the organisation named a help contact.
pub(super) fn with_contact(web: &Web, req: &Req, text: &Text) -> String {
    let contact = &web.ctx.config.notify.support_contact;
    let said = anonymous_text(web, req, text);
    if contact.is_empty() {
        return said;
    }
    format!(
        "{said} {}",
        anonymous_text(web, req, &Text::new("note-ask-contact").with("contact", contact.as_str()))
    )
}

/// The session cookie and where a new session goes first: the second factor,
/// then a forced password change (or, for a first contact who came in with a
/// code, the offer of a passkey), then where the user was going.
pub(super) fn started(signed: &SignedIn, next: String) -> Resp {
    let mut target = if signed.must_change_password {
        let why = if signed.password_expired { "expired" } else { "first" };
        format!("/password/change?why={why}&next={}", super::encode(&next))
    } else if signed.offer_passkey {
        format!("/account/passkeys?offer=1&next={}", super::encode(&next))
    } else {
        next
    };
    if signed.second_factor {
        target = format!("/login/2fa?next={}", super::encode(&target));
    }
    Resp::redirect(&target).with_cookie(cookie(SESSION_COOKIE, &signed.token, "Lax"))
}

/// "Email me a code": queues the mail (if the account exists) and asks for the code.
pub async fn code_request(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    if !web.ctx.config.portal.sign_in_codes {
        return Err(WebError::NotFound);
    }
    let address = req.field("address").trim();
    let next = safe_next(req.field("next"));
    let minutes = web.ctx.config.portal.sign_in_code_minutes;
    if let Err(wait) = web.limits.mail_requests.check(&req.client.ip) {
        let wait = crate::web::wait_minutes(wait);
        let error = anonymous_text(web, req, &Text::new("note-too-many-codes").with("minutes", wait));
        let values = context! { step => "code", next, address, minutes, error };
        return anonymous_page(web, req, "login.html", StatusCode::TOO_MANY_REQUESTS, values);
    }
    sign_in_codes::request_code(&web.ctx, address, &req.client).await?;
    let values = context! { step => "code", next, address, minutes, sent => true };
    anonymous_page(web, req, "login.html", StatusCode::OK, values)
}

/// The emailed code posted: start a session.
pub async fn code_step(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    let address = req.field("address").trim();
    let next = safe_next(req.field("next"));
    match sign_in_codes::sign_in_with_code(&web.ctx, &web.throttle, address, req.field("code"), &req.client).await {
        Ok(signed) => Ok(started(&signed, next)),
        Err(e @ (AccountError::SignInRefused { .. } | AccountError::PasskeyRequired)) => {
            let minutes = web.ctx.config.portal.sign_in_code_minutes;
            let said = if matches!(e, AccountError::PasskeyRequired) {
                "note-passkey-required-sign-in"
            } else {
                CODE_FAILURE
            };
            let values = context! { step => "code", next, address, minutes, error => say(web, req, said) };
            anonymous_page(web, req, "login.html", StatusCode::OK, values)
        }
        Err(e) => Err(e.into()),
    }
}

/// Fixed notices other pages send the sign-in page (never free text from the URL).
fn notice(code: &str) -> Option<&'static str> {
    match code {
        "signed-out" => Some("note-signed-out"),
        "password-set" => Some("note-password-set"),
        "session-ended" => Some("note-session-ended"),
        "draft-kept" => Some("note-draft-kept"),
        _ => None,
    }
}
