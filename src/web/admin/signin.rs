//! Admin sign-in (one form: name, password, authenticator code; or, for
//! members of `oidc.admin_groups`, at the organisation's OpenID provider)
//! and sign-out.

use hyper::StatusCode;
use minijinja::context;

use super::{ADMIN_COOKIE, Admin};
use crate::service::admin::{self, AdminError};
use crate::service::oidc_sign_in::Asked;
use crate::web::Web;
use crate::web::http::{Req, Resp, clear_cookie, cookie};
use crate::web::portal::{WebError, anonymous_page, browser_lang, check_anonymous_form};

/// The one message every refused admin sign-in gets.
const REFUSED: &str = "console-note-sign-in-failed";

pub fn page(web: &Web, req: &Req, error: Option<&str>) -> Result<Resp, WebError> {
    let status = if error.is_some() {
        StatusCode::UNAUTHORIZED
    } else {
        StatusCode::OK
    };
    let lang = browser_lang(web, req);
    let say = |id: &str| web.pages.catalogues.text(lang, id, &[]);
    let provider = provider_name(web);
    let passkeys = crate::service::passkeys::relying_party(&web.ctx).is_some();
    let values = context! {
        error => error.map(say), name => req.field("name"), require_totp => web.ctx.config.admin.require_totp,
        notice => (req.query("notice") == "signed-out").then(|| say("console-note-signed-out")), provider,
        passkeys, passkey_only => passkeys && web.ctx.config.admin.require_passkey,
    };
    let page = anonymous_page(web, req, "admin_login.html", status, values)?;
    Ok(if provider.is_some() {
        crate::web::portal::with_provider_form_target(web, page)
    } else {
        page
    })
}

/// The OpenID provider's name when admins may sign in there (`oidc.admin_groups`).
fn provider_name(web: &Web) -> Option<&str> {
    let o = &web.ctx.config.oidc;
    (!o.domains.is_empty() && !o.admin_groups.is_empty()).then_some(o.name.as_str())
}

/// "Sign in with …": to the provider, for the console.
pub async fn provider(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    if provider_name(web).is_none() {
        return Err(WebError::NotFound);
    }
    let asked = Asked {
        hint: "",
        next: "/admin",
        for_admin: true,
    };
    match crate::web::portal::to_provider(web, req, &asked).await {
        Ok(resp) => Ok(resp),
        Err(e) => {
            tracing::warn!(error = %e, "admin sign-in at the OpenID provider unavailable");
            page(web, req, Some("console-note-provider-unavailable"))
        }
    }
}

/// The provider signed in an admin (a member of `oidc.admin_groups`): the
/// console's cookie, and a page that goes on to the console. Not a redirect:
/// the cookie is `SameSite=Strict`, so the browser sends it only on a
/// navigation that starts here, not on one that the provider started.
pub async fn provider_signed_in(web: &Web, req: &Req, address: &str) -> Result<Resp, WebError> {
    match admin::provider_sign_in(&web.ctx, address, &req.client).await {
        Ok(token) => {
            let values = context! { address };
            let page = anonymous_page(web, req, "admin_continue.html", StatusCode::OK, values)?;
            Ok(page.with_cookie(cookie(ADMIN_COOKIE, &token, "Strict")))
        }
        Err(AdminError::Refused { .. }) => provider_refused(web, req),
        Err(AdminError::Store(e)) => Err(e.into()),
    }
}

/// The provider's sign-in did not let the admin in (the reason is logged).
pub fn provider_refused(web: &Web, req: &Req) -> Result<Resp, WebError> {
    page(web, req, Some("console-note-provider-refused"))
}

pub async fn sign_in(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    let form = (req.field("name"), req.field("password"), req.field("code"));
    match admin::sign_in(&web.ctx, &web.admin_throttle, form, &req.client).await {
        Ok(token) => Ok(Resp::redirect("/admin").with_cookie(cookie(ADMIN_COOKIE, &token, "Strict"))),
        Err(AdminError::Refused { .. }) => page(web, req, Some(REFUSED)),
        Err(AdminError::Store(e)) => Err(e.into()),
    }
}

pub async fn sign_out(web: &Web, admin: Admin) -> Result<Resp, WebError> {
    admin::sign_out(&web.ctx, admin.token_hash).await?;
    Ok(Resp::redirect("/admin/login?notice=signed-out").with_cookie(clear_cookie(ADMIN_COOKIE)))
}
