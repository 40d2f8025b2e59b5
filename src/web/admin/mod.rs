//! The admin console under `/admin`: its own sign-in (name, password, TOTP
//! code), cookie (`SameSite=Strict`) and session table. Without an admin
//! session every admin route but the sign-in page answers 404, so a portal
//! user learns nothing from it; a portal session never counts here.

mod audit;
mod directory;
mod monitor;
mod report;
mod settings;
mod signin;

use hyper::{Method, StatusCode};
use minijinja::{Value, context};

use super::Web;
use super::http::{Req, Resp};
use super::portal::{WebError, error_page};
use crate::auth::tokens;
use crate::service::admin;
use crate::vault::AdminSession;

/// Admin session cookie (host-only, Strict).
pub const ADMIN_COOKIE: &str = "__Host-cloister-admin";

/// A request with a live admin session.
pub struct Admin {
    pub token_hash: String,
    pub session: AdminSession,
}

impl Admin {
    pub fn name(&self) -> &str {
        &self.session.name
    }
}

pub fn is_admin_path(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/")
}

pub async fn route(web: &Web, req: &Req) -> Resp {
    match dispatch(web, req).await {
        Ok(resp) => resp,
        Err(WebError::NotFound) => error_page(web, StatusCode::NOT_FOUND, None),
        Err(WebError::Forbidden) => error_page(web, StatusCode::FORBIDDEN, None),
        Err(WebError::Refused(message)) => refused(web, &message),
        Err(e) => {
            let (reference, _) = tokens::new_token();
            let reference: String = reference.chars().filter(char::is_ascii_alphanumeric).take(10).collect();
            tracing::error!(%reference, path = %req.path, error = %e, "admin request failed");
            error_page(web, StatusCode::INTERNAL_SERVER_ERROR, Some(&reference))
        }
    }
}

async fn dispatch(web: &Web, req: &Req) -> Result<Resp, WebError> {
    let get = matches!(req.method, Method::GET | Method::HEAD);
    let post = req.method == Method::POST;
    let segments = req.segments();
    match segments.as_slice() {
        ["admin", "login"] if get => return signin::page(web, req, None),
        ["admin", "login"] if post => return signin::sign_in(web, req).await,
        _ => {}
    }
    let Some(admin) = signed_in(web, req).await? else {
        return if get && segments == ["admin"] {
            Ok(Resp::redirect("/admin/login"))
        } else {
            Err(WebError::NotFound)
        };
    };
    if post && (req.cross_site() || !tokens::same(req.field("csrf"), &admin.session.csrf)) {
        return Err(WebError::Forbidden);
    }
    match &segments[1..] {
        [] if get => Ok(Resp::redirect("/admin/directory")),
        ["logout"] if post => signin::sign_out(web, admin).await,
        ["directory"] if get => directory::list(web, req, &admin),
        ["user"] if get => directory::user(web, req, &admin),
        ["user"] if post => directory::act(web, req, &admin).await,
        ["settings"] if get => settings::show(web, &admin),
        ["monitor"] if get => monitor::list(web, req, &admin),
        ["message"] if get => monitor::message(web, req, &admin),
        ["outbox", "retry"] if post => monitor::retry(web, req, &admin).await,
        ["report"] if get => report::show(web, req, &admin),
        ["report", "csv"] if get => report::csv(web, req),
        ["audit"] if get => audit::show(web, req, &admin),
        ["audit", "csv"] if get => audit::csv(web, req),
        _ => Err(WebError::NotFound),
    }
}

async fn signed_in(web: &Web, req: &Req) -> Result<Option<Admin>, WebError> {
    let Some(token) = req.cookie(ADMIN_COOKIE) else {
        return Ok(None);
    };
    Ok(admin::session(&web.ctx, token)
        .await?
        .map(|(token_hash, session)| Admin { token_hash, session }))
}

/// Renders an admin page (the admin's name and form token included).
pub fn page(web: &Web, name: &str, admin: &Admin, values: Value) -> Result<Resp, WebError> {
    let ctx = minijinja::value::merge_maps([values, context! { admin => admin.name(), csrf => admin.session.csrf.clone() }]);
    Ok(Resp::html(StatusCode::OK, web.pages.render(name, ctx)?))
}

fn refused(web: &Web, message: &str) -> Resp {
    let values = context! { status => 403, title => "Not allowed", message };
    match web.pages.render("error.html", values) {
        Ok(html) => Resp::html(StatusCode::FORBIDDEN, html),
        Err(_) => error_page(web, StatusCode::FORBIDDEN, None),
    }
}
