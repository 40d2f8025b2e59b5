//! Sign-in at the organisation's OpenID provider (`service::oidc_sign_in`):
//! the address step sends users of `oidc.domains` there, and the provider
//! sends them back to `GET /auth/oidc/callback`.

use hyper::StatusCode;
use minijinja::context;

use super::signin::{started, with_contact};
use super::{WebError, anonymous_page, anonymous_text, safe_next};
use crate::i18n::Text;
use crate::service::accounts::AccountError;
use crate::service::oidc_sign_in::{self, Answer, Asked, OidcError};
use crate::web::Web;
use crate::web::http::{Req, Resp};

/// The cookie that ties the provider's answer to the browser that asked
/// (sent only to the callback; Lax: it must come back with the provider's
/// top-level redirect), and how long it lives (a flow's ten minutes). One
/// per flow, named after its `state`, so a sign-in started in a second tab
/// (or the console's beside the portal's) leaves the first one's alone.
const FLOW_COOKIE: &str = "cloister_oidc_";
const FLOW_COOKIE_PATH: &str = "/auth/oidc";
const FLOW_COOKIE_SECS: u32 = 600;

/// The name of the flow cookie of the flow whose `state` is this.
fn flow_cookie_name(state: &str) -> String {
    format!("{FLOW_COOKIE}{}", &crate::auth::tokens::hash(state)[..16])
}

/// The flow cookie `name` with `value`, living `secs` (0: removed).
fn flow_cookie(name: &str, value: &str, secs: u32) -> String {
    format!("{name}={value}; Path={FLOW_COOKIE_PATH}; Secure; HttpOnly; SameSite=Lax; Max-Age={secs}")
}

/// What the flow cookie starts with for a sign-in to the admin console (it
/// only chooses the page a failure is told on: the flow itself says what it is for).
const ADMIN_MARK: &str = "a.";

/// Sends the browser to the provider for the portal: `address`, coming back to `next`.
pub async fn go(web: &Web, req: &Req, address: &str, next: &str) -> Result<Resp, WebError> {
    let asked = Asked {
        hint: address,
        next,
        for_admin: false,
    };
    match to_provider(web, req, &asked).await {
        Ok(resp) => Ok(resp),
        Err(e) => failed(web, req, &e, address),
    }
}

/// The redirect to the provider for what is `asked`, with the flow's cookie.
pub async fn to_provider(web: &Web, req: &Req, asked: &Asked<'_>) -> Result<Resp, OidcError> {
    let started = oidc_sign_in::start(&web.ctx, asked, req.client.ip).await?;
    let mark = if asked.for_admin { ADMIN_MARK } else { "" };
    let name = flow_cookie_name(&started.state);
    let cookie = flow_cookie(&name, &format!("{mark}{}", started.binding), FLOW_COOKIE_SECS);
    Ok(Resp::redirect(&started.url).with_cookie(cookie))
}

/// `GET /auth/oidc/callback`: the provider's answer.
pub async fn callback(web: &Web, req: &Req) -> Result<Resp, WebError> {
    let name = flow_cookie_name(req.query("state"));
    let cookie = req.cookie(&name).unwrap_or("");
    let (binding, admin) = match cookie.strip_prefix(ADMIN_MARK) {
        Some(binding) => (binding, true),
        None => (cookie, false),
    };
    let answer = Answer {
        state: req.query("state"),
        code: req.query("code"),
        error: req.query("error"),
        iss: req.query("iss"),
        binding,
    };
    let finished = match oidc_sign_in::finish(&web.ctx, &answer).await {
        Ok(finished) => finished,
        Err(e) if admin => {
            tracing::warn!(error = %e, "admin sign-in at the OpenID provider did not complete");
            oidc_sign_in::record_failure(&web.ctx, &e, true, &req.client).await;
            return Ok(crate::web::admin::provider_refused(web, req)?.with_cookie(flow_cleared(&name)));
        }
        Err(e) => {
            oidc_sign_in::record_failure(&web.ctx, &e, false, &req.client).await;
            return Ok(failed(web, req, &e, "")?.with_cookie(flow_cleared(&name)));
        }
    };
    if finished.for_admin {
        return Ok(crate::web::admin::provider_signed_in(web, req, &finished.address)
            .await?
            .with_cookie(flow_cleared(&name)));
    }
    let (next, address) = (safe_next(&finished.next), finished.address.clone());
    match oidc_sign_in::sign_in(&web.ctx, finished, &req.client).await {
        Ok(signed) => Ok(started(&signed, next).with_cookie(flow_cleared(&name))),
        Err(AccountError::LogonDenied) => {
            let error = with_contact(web, req, &Text::new("note-sign-in-denied"));
            login_again(web, req, &address, &error, StatusCode::OK)
        }
        Err(e) => Err(e.into()),
    }
}

fn flow_cleared(name: &str) -> String {
    flow_cookie(name, "", 0)
}

/// The sign-in page again, saying why the provider's sign-in did not
/// complete (the details are logged, not shown). 200, as for a wrong
/// password: the page is the answer (a browser logs every 4xx as an error).
fn failed(web: &Web, req: &Req, e: &OidcError, address: &str) -> Result<Resp, WebError> {
    let name = web.ctx.config.oidc.name.as_str();
    let (text, status) = match e {
        OidcError::Unavailable(_) | OidcError::Busy | OidcError::Store(_) => {
            tracing::warn!(error = %e, "sign-in at the OpenID provider unavailable");
            (Text::new("note-provider-unavailable").with("name", name), StatusCode::OK)
        }
        OidcError::NotOurs(signed_as) => {
            tracing::info!(error = %e, "sign-in at the OpenID provider refused");
            let text = Text::new("note-provider-not-ours")
                .with("name", name)
                .with("address", signed_as.as_str());
            (text, StatusCode::OK)
        }
        OidcError::NotAllowed(signed_as) | OidcError::SubjectChanged { address: signed_as, .. } => {
            tracing::info!(error = %e, "sign-in at the OpenID provider refused");
            let error = with_contact(web, req, &Text::new("note-sign-in-denied"));
            return login_again(web, req, signed_as, &error, StatusCode::OK);
        }
        OidcError::Flow(_) | OidcError::Refused(_) | OidcError::Token(_) => {
            tracing::warn!(error = %e, "sign-in at the OpenID provider did not complete");
            (Text::new("note-provider-failed").with("name", name), StatusCode::OK)
        }
    };
    let error = anonymous_text(web, req, &text);
    login_again(web, req, address, &error, status)
}

fn login_again(web: &Web, req: &Req, address: &str, error: &str, status: StatusCode) -> Result<Resp, WebError> {
    let values = context! { step => "address", next => "/", address, error };
    Ok(with_provider_form_target(
        web,
        anonymous_page(web, req, "login.html", status, values)?,
    ))
}

/// The address form may be answered by a redirect to the provider: its
/// origin is allowed as a form target (`form-action`), or Chromium stops it.
pub fn with_provider_form_target(web: &Web, page: Resp) -> Resp {
    let o = &web.ctx.config.oidc;
    if o.domains.is_empty() {
        return page;
    }
    let Ok(issuer) = crate::config::oidc_issuer_url(&o.issuer) else {
        return page;
    };
    let origin = format!("https://{}", issuer.authority().map_or("", |a| a.as_str()));
    page.with_header("content-security-policy", crate::web::http::csp_with_form_target(&origin))
}
