//! Passkeys in the portal: the account's passkeys page (add, rename,
//! remove), the first contact's choice of a passkey instead of a password,
//! and signing in with one. The browser's side is `passkey.js`.

use hyper::StatusCode;
use minijinja::{Value, context};

use super::{PRE_COOKIE, Signed, WebError, anonymous_page, anonymous_text, check_anonymous_form, page, safe_next};
use crate::auth::tokens;
use crate::i18n::Text;
use crate::service::accounts::{self, AccountError, Client};
use crate::service::passkey_challenges::Purpose;
use crate::service::passkeys::{self, Asserted, Created, EnrolledFrom, PasskeyFailure};
use crate::web::Web;
use crate::web::http::{Req, Resp};

fn say(web: &Web, signed: &Signed, id: &str) -> String {
    web.pages.catalogues.text(signed.lang, id, &[])
}

/// Fixed notices the page is sent after a form (never free text from the URL).
fn notice(code: &str) -> Option<&'static str> {
    match code {
        "added" => Some("note-passkey-added"),
        "renamed" => Some("note-passkey-renamed"),
        "removed" => Some("note-passkey-removed"),
        _ => None,
    }
}

/// GET /account/passkeys (`offer=1`: just signed in for the first time, a passkey is suggested).
pub fn show(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let extra = context! {
        notice => notice(req.query("done")).map(|id| say(web, signed, id)),
        offer => req.query("offer") == "1",
    };
    list_page(web, signed, &safe_next(req.query("next")), extra)
}

fn list_page(web: &Web, signed: &Signed, next: &str, extra: Value) -> Result<Resp, WebError> {
    let account = accounts::account(&web.ctx, &signed.session.address)?.ok_or(WebError::NotFound)?;
    let list: Vec<Value> = account
        .passkeys
        .iter()
        .map(|p| {
            context! {
                id => p.id, name => p.name, created => signed.clock.datetime(p.created_at),
                last_used => p.last_used_at.map(|at| signed.clock.datetime(at)), synced => p.backed_up,
            }
        })
        .collect();
    let offered = passkeys::offered_to(&web.ctx, &account.address);
    let values = context! {
        passkeys => list, unavailable => !offered, next,
        can_add => offered && account.passkeys.len() < crate::model::MOST_PASSKEYS,
        required => passkeys::required_for(&web.ctx, &account) && account.passkeys.is_empty(),
    };
    page(web, "passkeys.html", signed, minijinja::value::merge_maps([extra, values]))
}

fn client(req: &Req) -> Client {
    req.client.clone()
}

/// POST /account/passkeys/options: what `navigator.credentials.create()` is asked (JSON).
pub fn creation_options(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    match passkeys::creation_options(&web.ctx, &web.passkey_challenges, &signed.token_hash, &signed.session, &client(req)) {
        Ok(options) => Ok(Resp::json(StatusCode::OK, options.to_string())),
        Err(PasskeyFailure::Busy(_)) => Err(WebError::Busy),
        Err(PasskeyFailure::Store(e)) => Err(e.into()),
        Err(_) => Err(WebError::NotFound),
    }
}

/// POST /account/passkeys/add: the browser's new credential.
pub async fn add(web: &Web, req: &Req, signed: Signed) -> Result<Resp, WebError> {
    let next = safe_next(req.field("next"));
    let account = accounts::account(&web.ctx, &signed.session.address)?.ok_or(WebError::NotFound)?;
    // Only a first contact still on the mailed password may drop it for the passkey.
    let instead = req.field("instead") == "1" && signed.session.must_change_password && passkeys::may_replace_password(&web.ctx, &account);
    let created = Created {
        name: req.field("name"),
        client_data: req.field("client_data"),
        attestation: req.field("attestation"),
        user_handle: req.field("user_handle"),
    };
    let from = EnrolledFrom::Portal(signed.token_hash.clone());
    match passkeys::enrol(&web.ctx, &web.passkey_challenges, from, &created, instead).await {
        Ok(()) if instead => Ok(Resp::redirect(&next)),
        Ok(()) => Ok(Resp::redirect(&format!(
            "/account/passkeys?done=added&next={}",
            super::encode(&next)
        ))),
        Err(PasskeyFailure::Store(e)) => Err(e.into()),
        Err(e) => {
            tracing::info!(address = %signed.session.address, error = %e, "passkey not enrolled");
            let error = say(web, &signed, "note-passkey-not-added");
            if signed.session.must_change_password {
                return super::password::change_page_with(web, req, &signed, context! { passkey_error => error });
            }
            list_page(web, &signed, &next, context! { error })
        }
    }
}

pub async fn rename(web: &Web, req: &Req, signed: Signed) -> Result<Resp, WebError> {
    let owner = crate::model::PasskeyOwner::Portal(signed.session.address.clone());
    match passkeys::rename(&web.ctx, owner, req.field("id"), req.field("name")).await {
        Ok(()) => Ok(Resp::redirect("/account/passkeys?done=renamed")),
        Err(PasskeyFailure::Store(e)) => Err(e.into()),
        Err(_) => Err(WebError::NotFound),
    }
}

pub async fn remove(web: &Web, req: &Req, signed: Signed) -> Result<Resp, WebError> {
    match passkeys::remove(&web.ctx, &signed.session.address, req.field("id"), None).await {
        Ok(()) => Ok(Resp::redirect("/account/passkeys?done=removed")),
        Err(PasskeyFailure::Required) => list_page(web, &signed, "/", context! { error => say(web, &signed, "note-passkey-required") }),
        Err(PasskeyFailure::Store(e)) => Err(e.into()),
        Err(_) => Err(WebError::NotFound),
    }
}

/// The browser a sign-in challenge is bound to: the hash of its sign-in form cookie.
fn binding(req: &Req) -> Option<String> {
    req.cookie(PRE_COOKIE).filter(|c| c.len() == 43).map(tokens::hash)
}

/// POST /login/passkey/options: what `navigator.credentials.get()` is asked (JSON).
pub fn sign_in_options(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    let binding = binding(req).ok_or(WebError::Forbidden)?;
    match passkeys::request_options(&web.ctx, &web.passkey_challenges, &binding, Purpose::SignIn, &client(req)) {
        Ok(options) => Ok(Resp::json(StatusCode::OK, options.to_string())),
        Err(PasskeyFailure::Busy(_)) => Err(WebError::Busy),
        Err(_) => Err(WebError::NotFound),
    }
}

/// POST /login/passkey: the browser's answer; a session when it holds.
pub async fn sign_in(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    let binding = binding(req).ok_or(WebError::Forbidden)?;
    let next = safe_next(req.field("next"));
    let answer = Asserted {
        credential: req.field("credential"),
        client_data: req.field("client_data"),
        authenticator_data: req.field("authenticator_data"),
        signature: req.field("signature"),
        user_handle: req.field("user_handle"),
    };
    let error = match passkeys::sign_in(&web.ctx, &web.passkey_challenges, &web.throttle, &binding, &answer, &req.client).await {
        Ok(signed) => return Ok(super::signin::started(&signed, next)),
        Err(AccountError::SignInRefused { .. }) => anonymous_text(web, req, &Text::new("note-passkey-sign-in-failed")),
        Err(AccountError::LogonDenied) => super::signin::with_contact(web, req, &Text::new("note-sign-in-denied")),
        Err(e) => return Err(e.into()),
    };
    // No autofill prompt again at once: the user chooses what to try next.
    let values = context! { step => "address", next, error, passkeys => true, passkey_failed => true };
    anonymous_page(web, req, "login.html", StatusCode::OK, values)
}
