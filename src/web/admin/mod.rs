//! The admin console under `/admin`: its own sign-in (name, password, TOTP
//! code), cookie (`SameSite=Strict`) and session table. Without an admin
//! session every admin route but the sign-in page answers 404, so a portal
//! user learns nothing from it; a portal session never counts here.

mod audit;
pub(super) mod dashboard;
mod directory;
mod monitor;
mod new_user;
mod passkeys;
mod preferences;
mod report;
mod settings;
mod signin;

pub use signin::{provider_refused, provider_signed_in};

use hyper::{Method, StatusCode};
use minijinja::{Value, context};

use super::Web;
use super::http::{Req, Resp};
use super::portal::{WebError, respond};
use crate::auth::tokens;
use crate::model::AdminSession;
use crate::service::admin;
use crate::service::preferences::Clock;

/// Admin session cookie (host-only, Strict).
pub const ADMIN_COOKIE: &str = "__Host-cloister-admin";

/// A request with a live admin session.
pub struct Admin {
    pub token_hash: String,
    pub session: AdminSession,
    /// How this admin reads dates (their preferences).
    pub preferences: crate::model::Preferences,
    pub clock: Clock,
    /// The language of their pages (preference, else the browser's).
    pub lang: &'static str,
}

impl Admin {
    pub fn name(&self) -> &str {
        &self.session.name
    }

    /// A unix time as this admin reads dates.
    pub fn when(&self, unix: i64) -> String {
        self.clock.datetime(unix)
    }
}

pub fn is_admin_path(path: &str) -> bool {
    path == "/admin" || path.starts_with("/admin/")
}

pub async fn route(web: &Web, req: &Req) -> Resp {
    respond(web, req, dispatch(web, req).await, "admin")
}

async fn dispatch(web: &Web, req: &Req) -> Result<Resp, WebError> {
    let get = matches!(req.method, Method::GET | Method::HEAD);
    let post = req.method == Method::POST;
    let segments = req.segments();
    match segments.as_slice() {
        ["admin", "login"] if get => return signin::page(web, req, None),
        ["admin", "login"] if post => return signin::sign_in(web, req).await,
        ["admin", "login", "oidc"] if post => return Box::pin(signin::provider(web, req)).await,
        ["admin", "login", "passkey", "options"] if post => return passkeys::sign_in_options(web, req),
        ["admin", "login", "passkey"] if post => return Box::pin(passkeys::sign_in(web, req)).await,
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
    // `admin.require_passkey`, and no passkey yet: nothing but enrolling one.
    if admin.session.must_enrol_passkey && !matches!(&segments[1..], ["passkeys", ..] | ["logout"]) {
        return Ok(Resp::redirect("/admin/passkeys"));
    }
    match &segments[1..] {
        [] if get => dashboard::show(web, &admin),
        ["logout"] if post => signin::sign_out(web, admin).await,
        ["directory"] if get => directory::list(web, req, &admin),
        ["user"] if get => directory::user(web, req, &admin),
        ["user"] if post => directory::act(web, req, &admin).await,
        ["user", "new"] if get => new_user::form(web, req, &admin),
        ["user", "new"] if post => new_user::add(web, req, &admin).await,
        ["settings"] if get => settings::show(web, &admin),
        ["preferences"] if get => preferences::show(web, req, &admin),
        ["preferences"] if post => preferences::save(web, req, &admin).await,
        ["monitor"] if get => monitor::list(web, req, &admin),
        ["message"] if get => monitor::message(web, req, &admin),
        ["outbox", "retry"] if post => monitor::retry(web, req, &admin).await,
        ["report"] if get => report::show(web, req, &admin),
        ["report", "csv"] if get => report::csv(web, req, &admin),
        ["audit"] if get => audit::show(web, req, &admin),
        ["audit", "csv"] if get => Ok(audit::csv(web, req, &admin)),
        ["passkeys"] if get => passkeys::show(web, req, &admin),
        ["passkeys", "options"] if post => passkeys::creation_options(web, req, &admin),
        ["passkeys", "add"] if post => passkeys::add(web, req, &admin).await,
        ["passkeys", "rename"] if post => passkeys::rename(web, req, &admin).await,
        ["passkeys", "remove"] if post => passkeys::remove(web, req, &admin).await,
        ["user", "passkey", "remove"] if post => passkeys::remove_users(web, req, &admin).await,
        _ => Err(WebError::NotFound),
    }
}

async fn signed_in(web: &Web, req: &Req) -> Result<Option<Admin>, WebError> {
    let Some(token) = req.cookie(ADMIN_COOKIE) else {
        return Ok(None);
    };
    let Some((token_hash, session)) = admin::session(&web.ctx, token).await? else {
        return Ok(None);
    };
    let preferences = admin::preferences(&web.ctx, &session.name)?;
    let lang = web.pages.catalogues.pick(&preferences.language, req.accept_language());
    let clock = crate::web::words::clock(&web.pages.catalogues, lang, &preferences);
    Ok(Some(Admin {
        token_hash,
        session,
        preferences,
        clock,
        lang,
    }))
}

/// Renders an admin page (the admin's name and form token included).
pub fn page(web: &Web, name: &str, admin: &Admin, values: Value) -> Result<Resp, WebError> {
    let common = context! { admin => admin.name(), csrf => admin.session.csrf.clone(), date_pattern => admin.clock.day_pattern() };
    let ctx = minijinja::value::merge_maps([values, common]);
    Ok(Resp::html(StatusCode::OK, web.pages.render(name, admin.lang, ctx)?))
}

/// The `from` and `to` query dates (UTC days, in the admin's date format or
/// as YYYY-MM-DD) as [start, end) unix times, and a note when one could not
/// be read (it is then left out).
pub fn day_range(web: &Web, req: &Req, admin: &Admin) -> (Option<i64>, Option<i64>, Option<String>) {
    let mut note = None;
    let from = query_day(web, req, admin, "from", "console-note-date-left-out", &mut note);
    let to = query_day(web, req, admin, "to", "console-note-date-left-out", &mut note);
    (from, to.map(|t| t + 86_400), note)
}

/// The query field `name`, a day in the admin's date format (or
/// YYYY-MM-DD), as the unix time its UTC day starts; None when it is empty,
/// or unreadable, when `note` tells the admin so in the words of message `done`.
pub fn query_day(web: &Web, req: &Req, admin: &Admin, name: &str, done: &str, note: &mut Option<String>) -> Option<i64> {
    let text = req.query(name);
    if text.is_empty() {
        return None;
    }
    let parsed = admin.clock.parse_day(text);
    if parsed.is_none() {
        let pattern = admin.clock.day_pattern();
        let example = admin.clock.day_text(crate::service::now() / 86_400);
        let args = [("pattern", pattern.into()), ("example", example.into())];
        *note = Some(web.pages.catalogues.text(admin.lang, done, &args));
    }
    parsed
}
