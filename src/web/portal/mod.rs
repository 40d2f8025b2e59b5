//! The portal's routes: path segments matched by hand, no regex. Shared here:
//! session lookup, CSRF checks, page rendering and the error page.

mod account;
mod compose;
mod compose_post;
mod compose_send;
mod drafts;
mod faults;
mod mailbox;
mod oidc;
mod passkeys;
pub(in crate::web) mod password;
pub(in crate::web) mod preferences;
mod reading;
mod shown;
mod signin;
mod tracking;
mod two_factor;

use hyper::{Method, StatusCode};
use minijinja::{Value, context};

use super::Web;
use super::http::{Req, Resp, cookie};
use crate::auth::tokens;
use crate::i18n::Text;
use crate::model::{Folder, Preferences, Session};
use crate::service::accounts;
use crate::service::preferences::Clock;
pub use faults::error_page;
use faults::refused_page;
pub use oidc::{to_provider, with_provider_form_target};

/// Session cookie (host-only: `__Host-` needs Secure, Path=/ and no Domain).
pub const SESSION_COOKIE: &str = "__Host-cloister";
/// Double-submit CSRF cookie for forms shown before sign-in.
pub const PRE_COOKIE: &str = "__Host-cloister-pre";

/// A signed-in request.
pub struct Signed {
    pub token_hash: String,
    pub session: Session,
    pub preferences: Preferences,
    /// Dates as this user reads them.
    pub clock: Clock,
    /// The language of their pages (preference, else the browser's).
    pub lang: &'static str,
}

/// What can go wrong in a handler; the user sees a generic page, the log the detail.
#[derive(Debug, thiserror::Error)]
pub enum WebError {
    #[error("not found")]
    NotFound,
    #[error("form check failed (CSRF token missing or wrong, or cross-site)")]
    Forbidden,
    #[error(transparent)]
    Account(#[from] accounts::AccountError),
    #[error(transparent)]
    Store(#[from] crate::service::StoreError),
    /// A stored message that does not open (detail logged where it was found).
    #[error("stored message damaged")]
    Damaged,
    #[error(transparent)]
    Page(#[from] crate::notify::TemplateError),
    /// Not allowed for a reason the user is told (a sender's restriction, an expired message).
    #[error("refused: {}", .0.id)]
    Refused(Text),
    /// A multipart post that could not be read (broken, stalled, text too large).
    #[error("upload could not be read")]
    BadUpload,
    #[error("spool: {0}")]
    Spool(std::io::Error),
    #[error(transparent)]
    Send(#[from] crate::service::send::SendError),
    /// A message once held for the reader that is no longer theirs to read.
    #[error("gone: {0:?}")]
    Gone(crate::service::gone::Gone),
    #[error("draft: {0}")]
    Draft(crate::service::drafts::DraftError),
    /// The account has as many posts running as it may (`COMPOSE_POSTS_AT_ONCE`).
    #[error("too many posts at once")]
    Busy,
}

impl From<crate::service::stored::BytesError> for WebError {
    fn from(e: crate::service::stored::BytesError) -> Self {
        match e {
            crate::service::stored::BytesError::Store(e) => Self::Store(e),
            crate::service::stored::BytesError::Damaged(..) => Self::Damaged,
        }
    }
}

pub async fn route(web: &Web, req: &Req) -> Resp {
    respond(web, req, dispatch(web, req).await, "portal")
}

/// The answer to a handler's result: the page, or the error page the user
/// gets (a server error logged with a reference the page shows).
pub fn respond(web: &Web, req: &Req, result: Result<Resp, WebError>, area: &str) -> Resp {
    let lang = browser_lang(web, req);
    match result {
        Ok(resp) => resp,
        // A message gone since is told only inside the reader's signed-in page.
        Err(WebError::NotFound | WebError::Gone(_)) => error_page(web, lang, StatusCode::NOT_FOUND, None),
        Err(WebError::Forbidden) => error_page(web, lang, StatusCode::FORBIDDEN, None),
        Err(WebError::BadUpload) => error_page(web, lang, StatusCode::BAD_REQUEST, None),
        Err(WebError::Busy) => error_page(web, lang, StatusCode::TOO_MANY_REQUESTS, None),
        Err(WebError::Refused(message)) => refused_page(web, lang, &message),
        Err(WebError::Damaged) => refused_page(web, lang, &Text::new(crate::service::stored::DAMAGED)),
        Err(e) => {
            let (reference, _) = tokens::new_token();
            let reference: String = reference.chars().filter(char::is_ascii_alphanumeric).take(10).collect();
            tracing::error!(%reference, path = %req.path, error = %e, area, "request failed");
            error_page(web, lang, StatusCode::INTERNAL_SERVER_ERROR, Some(&reference))
        }
    }
}

async fn dispatch(web: &Web, req: &Req) -> Result<Resp, WebError> {
    let get = matches!(req.method, Method::GET | Method::HEAD);
    let post = req.method == Method::POST;
    let segments = req.segments();
    match segments.as_slice() {
        ["healthz"] if get => Ok(Resp::text(StatusCode::OK, "ok\n")),
        ["readyz"] if get => Ok(match crate::service::health::readiness(&web.ctx) {
            Ok(()) => Resp::text(StatusCode::OK, "ready\n"),
            // The reasons are for operators (the metrics listener shows them), not the internet.
            Err(_) => Resp::text(StatusCode::SERVICE_UNAVAILABLE, "not ready\n"),
        }),
        ["static", _] if get => web
            .pages
            .asset(&req.path)
            .map(|a| Resp::asset(a.content_type, a.bytes.clone()))
            .ok_or(WebError::NotFound),
        ["login"] if get => signin::email_page(web, req),
        ["login"] if post => Box::pin(signin::email_step(web, req)).await,
        ["auth", "oidc", "callback"] if get => Box::pin(oidc::callback(web, req)).await,
        ["login", "password"] if post => Box::pin(signin::password_step(web, req)).await,
        ["login", "code"] if post => signin::code_request(web, req).await,
        ["login", "code", "verify"] if post => Box::pin(signin::code_step(web, req)).await,
        ["login", "passkey", "options"] if post => passkeys::sign_in_options(web, req),
        ["login", "passkey"] if post => Box::pin(passkeys::sign_in(web, req)).await,
        ["forgot"] if get => password::forgot_page(web, req),
        ["forgot"] if post => password::forgot(web, req).await,
        ["reset", token] if get => password::reset_page(web, req, token),
        ["reset", token] if post => password::reset(web, req, token).await,
        ["m", id, "g", grant, "i", part] if get => reading::inline_image(web, id, grant, part),
        _ => signed_in_routes(web, req, &segments, get, post).await,
    }
}

/// Routes that need a session; without one the browser goes to sign-in and comes back.
async fn signed_in_routes(web: &Web, req: &Req, segments: &[&str], get: bool, post: bool) -> Result<Resp, WebError> {
    let Some(signed) = signed_in(web, req).await? else {
        return if get && is_page(segments) {
            Ok(Resp::redirect(&format!("/login?next={}", encode(&req.path))))
        } else if post && req.is_multipart() && segments == ["compose"] {
            Box::pin(compose_post::rescue(web, req)).await
        } else if post {
            Err(WebError::Forbidden)
        } else {
            Err(WebError::NotFound)
        };
    };
    // Only the compose form posts multipart; its CSRF field is checked first
    // thing while the body streams (`upload.rs`).
    let multipart = post && req.is_multipart();
    if multipart && segments != ["compose"] {
        return Err(WebError::Forbidden);
    }
    if post && (req.cross_site() || (!multipart && !tokens::same(req.field("csrf"), &signed.session.csrf))) {
        return Err(WebError::Forbidden);
    }
    if let Some(first) = unfinished_step(&signed.session, segments) {
        return Ok(Resp::redirect(&format!("{first}?next={}", encode(&req.path))));
    }
    match segments {
        ["account", "sessions", "end-others"] if post => account::end_others(web, signed).await,
        ["logout"] if post => account::sign_out(web, signed).await,
        ["login", "2fa"] if post => two_factor::step(web, req, signed).await,
        ["account", "2fa", "begin"] if post => two_factor::begin(web, req, signed).await,
        ["account", "2fa", "confirm"] if post => two_factor::confirm(web, req, signed).await,
        ["account", "2fa", "remove"] if post => two_factor::remove(web, req, signed).await,
        ["account", "2fa", "recovery"] if post => two_factor::recovery(web, req, signed).await,
        ["account", "passkeys", "options"] if post => passkeys::creation_options(web, req, &signed),
        ["account", "passkeys", "add"] if post => passkeys::add(web, req, signed).await,
        ["account", "passkeys", "rename"] if post => passkeys::rename(web, req, signed).await,
        ["account", "passkeys", "remove"] if post => passkeys::remove(web, req, signed).await,
        _ => {
            let result = reading_routes(web, req, &signed, segments, get, post).await;
            faults::kept_signed_in(web, &signed, result)
        }
    }
}

/// The routes that read with the session (its not-found and refusals keep
/// the signed-in page around them).
async fn reading_routes(web: &Web, req: &Req, signed: &Signed, segments: &[&str], get: bool, post: bool) -> Result<Resp, WebError> {
    match segments {
        [] if get => inbox(web, req, signed),
        ["sent"] if get => mailbox::folder(web, req, signed, Folder::Sent),
        ["deleted"] if get => mailbox::folder(web, req, signed, Folder::Deleted),
        ["mailbox", "act"] if post => mailbox::act(web, req, signed).await,
        ["search"] if get => mailbox::search(web, req, signed),
        ["m", id] if get => reading::message(web, req, signed, id).await,
        ["m", id, "body"] if get => reading::body_frame(web, req, signed, id).await,
        ["m", id, "print"] if get => reading::print_view(web, req, signed, id).await,
        ["m", id, "eml"] if get => reading::eml(web, signed, id),
        ["m", id, "a", n] if get => reading::attachment(web, signed, id, n),
        ["m", id, "recall"] if post => tracking::recall(web, req, signed, id).await,
        ["m", id, "extend"] if post => tracking::extend(web, req, signed, id).await,
        ["m", id, "revoke"] if post => tracking::access(web, req, signed, id, false).await,
        ["m", id, "grant"] if post => tracking::access(web, req, signed, id, true).await,
        ["m", id, "reply"] if get => compose::reply_page(web, signed, id, false),
        ["m", id, "reply-all"] if get => compose::reply_page(web, signed, id, true),
        ["m", id, "forward"] if post => compose::forward(web, signed, id).await,
        ["compose"] if get => compose::new_page(web, signed),
        // Boxed: saving, sending and its upload make the largest future of any route.
        ["compose"] if post && req.is_multipart() => Box::pin(compose_post::post(web, req, signed)).await,
        ["drafts"] if get => drafts::folder(web, req, signed),
        ["drafts", id] if get => compose::draft_page(web, signed, id),
        ["drafts", id, "delete"] if post => drafts::delete(web, signed, id).await,
        ["session", "keep"] if post => account::keep(web, signed).await,
        ["password", "change"] if get => password::change_page(web, req, signed),
        ["password", "change"] if post => password::change(web, req, signed).await,
        ["account", "sessions"] if get => account::sessions(web, signed),
        ["account", "preferences"] if get => preferences::show(web, req, signed),
        ["account", "preferences"] if post => preferences::save(web, req, signed).await,
        ["login", "2fa"] if get => two_factor::step_page(web, req, signed),
        ["account", "2fa"] if get => two_factor::settings_page(web, req, signed),
        ["account", "passkeys"] if get => passkeys::show(web, req, signed),
        _ => Err(WebError::NotFound),
    }
}

/// The Inbox, reused for this session while its mailbox and account are
/// unchanged (the version is read before the page is built, so a page never
/// outlives a change it missed) and asked for in the same language.
fn inbox(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let version = crate::service::mailbox::version(&web.ctx, &signed.session.address);
    let key = format!("{} {}", signed.lang, req.path_and_query());
    if let Some(resp) = web.page_cache.get(&signed.token_hash, &key, version) {
        return Ok(resp);
    }
    let resp = mailbox::folder(web, req, signed, Folder::Inbox)?;
    web.page_cache.put(&signed.token_hash, &key, version, &resp);
    Ok(resp)
}

/// The page a session must visit before any other, in order: the second
/// factor, a forced password change (or a passkey in its place), a required
/// TOTP enrolment, a required passkey (signing out is always allowed).
fn unfinished_step(session: &Session, segments: &[&str]) -> Option<&'static str> {
    if matches!(segments, ["logout"]) {
        return None;
    }
    let enrolling_passkey = matches!(segments, ["account", "passkeys", "options" | "add"]);
    if session.second_factor_pending {
        return (!matches!(segments, ["login", "2fa"])).then_some("/login/2fa");
    }
    if session.must_change_password {
        return (!matches!(segments, ["password", "change"]) && !enrolling_passkey).then_some("/password/change");
    }
    if session.must_enrol_totp {
        return (!matches!(segments, ["account", "2fa", ..])).then_some("/account/2fa");
    }
    if session.must_enrol_passkey {
        return (!matches!(segments, ["account", "passkeys"]) && !enrolling_passkey).then_some("/account/passkeys");
    }
    None
}

/// Paths a signed-out browser may be sent back to after signing in.
fn is_page(segments: &[&str]) -> bool {
    matches!(
        segments,
        [] | ["sent" | "deleted" | "search" | "compose" | "drafts"]
            | ["m" | "drafts", _]
            | ["m", _, "reply" | "reply-all"]
            | ["account", "sessions" | "2fa" | "preferences" | "passkeys"]
            | ["password", "change"]
            | ["login", "2fa"]
    )
}

pub async fn signed_in(web: &Web, req: &Req) -> Result<Option<Signed>, WebError> {
    let Some(token) = req.cookie(SESSION_COOKIE) else {
        return Ok(None);
    };
    let Some((token_hash, session)) = accounts::session(&web.ctx, token).await? else {
        return Ok(None);
    };
    let preferences = accounts::account(&web.ctx, &session.address)?
        .map(|a| a.preferences)
        .unwrap_or_default();
    let lang = web.pages.catalogues.pick(&preferences.language, req.accept_language());
    Ok(Some(Signed {
        token_hash,
        session,
        clock: crate::web::words::clock(&web.pages.catalogues, lang, &preferences),
        lang,
        preferences,
    }))
}

/// A page of the portal to return to after sign-in (or after a mailbox
/// action): a path `is_page` knows, with an optional query, in printable
/// ASCII without spaces or backslashes; anything else becomes "/". (A browser
/// drops TAB and newlines from a URL, so `/\t/evil.host` would leave the site.)
pub fn safe_next(next: &str) -> String {
    let (path, _query) = next.split_once('?').unwrap_or((next, ""));
    let printable = next.bytes().all(|b| b.is_ascii_graphic() && b != b'\\');
    let segments: Option<Vec<&str>> = match path.strip_prefix('/') {
        Some("") => Some(Vec::new()),
        Some(rest) => Some(rest.split('/').collect()),
        None => None,
    };
    let known = segments.is_some_and(|s| s.iter().all(|seg| !seg.is_empty()) && is_page(&s));
    if printable && known { next.to_string() } else { "/".into() }
}

pub fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Renders a page for a signed-in user (their address and CSRF token included).
pub fn page(web: &Web, name: &str, signed: &Signed, values: Value) -> Result<Resp, WebError> {
    page_with_status(web, name, signed, StatusCode::OK, values)
}

/// `page` answered with `status` (an error shown inside the signed-in page).
pub fn page_with_status(web: &Web, name: &str, signed: &Signed, status: StatusCode, values: Value) -> Result<Resp, WebError> {
    let ctx = minijinja::value::merge_maps([
        values,
        context! {
            user => signed.session.address.clone(), csrf => signed.session.csrf.clone(),
            can_compose => crate::service::send::may_compose(&web.ctx, &signed.session.address),
        },
    ]);
    Ok(Resp::html(status, web.pages.render(name, signed.lang, ctx)?))
}

/// The language of a page shown before sign-in: the browser's, else the default.
pub fn browser_lang(web: &Web, req: &Req) -> &'static str {
    web.pages.catalogues.pick("", req.accept_language())
}

/// Catalogue message `id` in the language of a page shown before sign-in.
pub fn anonymous_text(web: &Web, req: &Req, text: &Text) -> String {
    web.pages.catalogues.say(browser_lang(web, req), text)
}

/// Renders a form page shown before sign-in, with its double-submit CSRF cookie.
pub fn anonymous_page(web: &Web, req: &Req, name: &str, status: StatusCode, values: Value) -> Result<Resp, WebError> {
    let (csrf, set) = match req.cookie(PRE_COOKIE).filter(|c| c.len() == 43) {
        Some(existing) => (existing.to_string(), false),
        None => (tokens::new_token().0, true),
    };
    let ctx = minijinja::value::merge_maps([values, context! { csrf => csrf.clone() }]);
    let resp = Resp::html(status, web.pages.render(name, browser_lang(web, req), ctx)?);
    Ok(if set {
        resp.with_cookie(cookie(PRE_COOKIE, &csrf, "Strict"))
    } else {
        resp
    })
}

/// Checks a form posted before sign-in against its CSRF cookie.
pub fn check_anonymous_form(req: &Req) -> Result<(), WebError> {
    let cookie = req.cookie(PRE_COOKIE).unwrap_or("");
    if req.cross_site() || cookie.is_empty() || !tokens::same(cookie, req.field("csrf")) {
        return Err(WebError::Forbidden);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn next_is_a_known_page_or_home() {
        for good in ["/", "/m/1f", "/sent?page=2", "/search?q=a+b", "/account/2fa", "/m/2a/reply-all"] {
            assert_eq!(safe_next(good), good);
        }
        for bad in [
            "//evil.host/x",
            "/\t/evil.host/x",
            "/\t/evil.host",
            "/ /evil.host",
            "/\\evil.host",
            "https://evil.host/",
            "/%09/evil.host",
            "evil.host",
            "/unknown",
            "/m//x",
            "/sent\r\nSet-Cookie: x=y",
            "/m/é",
            "",
        ] {
            assert_eq!(safe_next(bad), "/", "{bad:?}");
        }
    }
}
