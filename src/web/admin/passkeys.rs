//! Passkeys in the console: an admin's own (add, rename, remove), the
//! console's sign-in with one, and an admin removing a portal user's.

use hyper::StatusCode;
use minijinja::{Value, context};

use super::{ADMIN_COOKIE, Admin, page};
use crate::auth::tokens;
use crate::model::PasskeyOwner;
use crate::service::admin::AdminError;
use crate::service::admin_passkeys;
use crate::service::passkey_challenges::Purpose;
use crate::service::passkeys::{self, Asserted, Created, EnrolledFrom, PasskeyFailure};
use crate::web::Web;
use crate::web::http::{Req, Resp, cookie};
use crate::web::portal::{PRE_COOKIE, WebError, check_anonymous_form};

fn say(web: &Web, admin: &Admin, id: &str) -> String {
    web.pages.catalogues.text(admin.lang, id, &[])
}

/// GET /admin/passkeys.
pub fn show(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let notice = match req.query("done") {
        "added" => Some("note-passkey-added"),
        "renamed" => Some("note-passkey-renamed"),
        "removed" => Some("note-passkey-removed"),
        _ => None,
    };
    list_page(web, admin, context! { notice => notice.map(|id| say(web, admin, id)) })
}

fn list_page(web: &Web, admin: &Admin, extra: Value) -> Result<Resp, WebError> {
    let stored = admin_passkeys::list(&web.ctx, admin.name())?.ok_or(WebError::NotFound)?;
    let list: Vec<Value> = stored
        .iter()
        .map(|p| {
            context! {
                id => p.id, name => p.name, created => admin.when(p.created_at),
                last_used => p.last_used_at.map(|at| admin.when(at)), synced => p.backed_up,
            }
        })
        .collect();
    let available = admin_passkeys::offered_to(&web.ctx, admin.name());
    let values = context! {
        section => "passkeys", passkeys => list, unavailable => !available,
        can_add => available && stored.len() < crate::model::MOST_PASSKEYS,
        required => admin.session.must_enrol_passkey,
        enrol_action => "/admin/passkeys/add", enrol_options => "/admin/passkeys/options", next => "/admin",
    };
    page(web, "admin_passkeys.html", admin, minijinja::value::merge_maps([extra, values]))
}

/// POST /admin/passkeys/options (JSON).
pub fn creation_options(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    match admin_passkeys::creation_options(&web.ctx, &web.passkey_challenges, &admin.token_hash, &admin.session, &req.client) {
        Ok(options) => Ok(Resp::json(StatusCode::OK, options.to_string())),
        Err(PasskeyFailure::Busy(_)) => Err(WebError::Busy),
        Err(PasskeyFailure::Store(e)) => Err(e.into()),
        Err(_) => Err(WebError::NotFound),
    }
}

pub async fn add(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let created = Created {
        name: req.field("name"),
        client_data: req.field("client_data"),
        attestation: req.field("attestation"),
        user_handle: req.field("user_handle"),
    };
    let from = EnrolledFrom::Admin(admin.token_hash.clone());
    match passkeys::enrol(&web.ctx, &web.passkey_challenges, from, &created, false).await {
        Ok(()) => Ok(Resp::redirect("/admin/passkeys?done=added")),
        Err(PasskeyFailure::Store(e)) => Err(e.into()),
        Err(e) => {
            tracing::info!(admin = %admin.name(), error = %e, "admin passkey not enrolled");
            list_page(web, admin, context! { error => say(web, admin, "note-passkey-not-added") })
        }
    }
}

pub async fn rename(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let owner = PasskeyOwner::Admin(admin.name().to_string());
    match passkeys::rename(&web.ctx, owner, req.field("id"), req.field("name")).await {
        Ok(()) => Ok(Resp::redirect("/admin/passkeys?done=renamed")),
        Err(PasskeyFailure::Store(e)) => Err(e.into()),
        Err(_) => Err(WebError::NotFound),
    }
}

pub async fn remove(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    match admin_passkeys::remove(&web.ctx, admin.name(), req.field("id")).await {
        Ok(()) => Ok(Resp::redirect("/admin/passkeys?done=removed")),
        Err(PasskeyFailure::Required) => list_page(web, admin, context! { error => say(web, admin, "console-note-passkey-required") }),
        Err(PasskeyFailure::Store(e)) => Err(e.into()),
        Err(_) => Err(WebError::NotFound),
    }
}

/// POST /admin/user/passkey/remove: an admin removes a portal user's passkey.
pub async fn remove_users(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let address = req.field("address");
    match passkeys::remove(&web.ctx, address, req.field("id"), Some(admin.name().to_string())).await {
        Ok(()) | Err(PasskeyFailure::Gone) => {
            let back = format!("/admin/user?address={}&done=passkey-removed", crate::web::portal::encode(address));
            Ok(Resp::redirect(&back))
        }
        Err(PasskeyFailure::Store(e)) => Err(e.into()),
        Err(_) => Err(WebError::NotFound),
    }
}

/// The passkeys the admin user page shows for `account`.
pub fn of_user(account: &crate::model::Account, admin: &Admin) -> Vec<Value> {
    account
        .passkeys
        .iter()
        .map(|p| context! { id => p.id, name => p.name, created => admin.when(p.created_at), last_used => p.last_used_at.map(|at| admin.when(at)) })
        .collect()
}

fn binding(req: &Req) -> Option<String> {
    req.cookie(PRE_COOKIE).filter(|c| c.len() == 43).map(tokens::hash)
}

/// POST /admin/login/passkey/options (JSON).
pub fn sign_in_options(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    let binding = binding(req).ok_or(WebError::Forbidden)?;
    match passkeys::request_options(&web.ctx, &web.passkey_challenges, &binding, Purpose::AdminSignIn, &req.client) {
        Ok(options) => Ok(Resp::json(StatusCode::OK, options.to_string())),
        Err(PasskeyFailure::Busy(_)) => Err(WebError::Busy),
        Err(_) => Err(WebError::NotFound),
    }
}

/// POST /admin/login/passkey: the console's session when the answer holds.
pub async fn sign_in(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    let binding = binding(req).ok_or(WebError::Forbidden)?;
    let answer = Asserted {
        credential: req.field("credential"),
        client_data: req.field("client_data"),
        authenticator_data: req.field("authenticator_data"),
        signature: req.field("signature"),
        user_handle: req.field("user_handle"),
    };
    match admin_passkeys::sign_in(
        &web.ctx,
        &web.passkey_challenges,
        &web.admin_throttle,
        &binding,
        &answer,
        &req.client,
    )
    .await
    {
        Ok(token) => Ok(Resp::redirect("/admin").with_cookie(cookie(ADMIN_COOKIE, &token, "Strict"))),
        Err(AdminError::Refused { .. }) => super::signin::page(web, req, Some("console-note-passkey-failed")),
        Err(AdminError::Store(e)) => Err(e.into()),
    }
}
