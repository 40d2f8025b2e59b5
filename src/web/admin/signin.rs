//! Admin sign-in (one form: name, password, authenticator code) and sign-out.

use hyper::StatusCode;
use minijinja::context;

use super::{ADMIN_COOKIE, Admin};
use crate::service::admin::{self, AdminError};
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
    let values = context! {
        error => error.map(say), name => req.field("name"), require_totp => web.ctx.config.admin.require_totp,
        notice => (req.query("notice") == "signed-out").then(|| say("console-note-signed-out")),
    };
    anonymous_page(web, req, "admin_login.html", status, values)
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
