//! The TOTP second factor: the second sign-in step and the enrolment page.

use minijinja::{Value, context};

use super::{Signed, WebError, page, safe_next};
use crate::service::accounts::AccountError;
use crate::service::second_factor;
use crate::web::Web;
use crate::web::http::{Req, Resp, cookie};

const WRONG_CODE: &str = "note-wrong-totp";

fn say(web: &Web, signed: &Signed, id: &str) -> String {
    web.pages.catalogues.text(signed.lang, id, &[])
}

/// The second sign-in step (only while it is pending).
pub fn step_page(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let next = safe_next(req.query("next"));
    if !signed.session.second_factor_pending {
        return Ok(Resp::redirect(&next));
    }
    page(web, "second_factor.html", signed, context! { next })
}

pub async fn step(web: &Web, req: &Req, signed: Signed) -> Result<Resp, WebError> {
    let next = safe_next(req.field("next"));
    if !signed.session.second_factor_pending {
        return Ok(Resp::redirect(&next));
    }
    let passed = second_factor::pass(
        &web.ctx,
        &web.throttle,
        signed.token_hash.clone(),
        &signed.session,
        req.field("code"),
        &req.client,
    )
    .await;
    match passed {
        Ok(token) => Ok(Resp::redirect(&next).with_cookie(cookie(super::SESSION_COOKIE, &token, "Lax"))),
        Err(AccountError::SignInRefused { .. }) => {
            let error = say(web, &signed, "note-totp-sign-in-failed");
            page(web, "second_factor.html", &signed, context! { next, error })
        }
        Err(e) => Err(e.into()),
    }
}

/// What the enrolment page shows in every state.
fn state(web: &Web, signed: &Signed, next: &str) -> Result<Value, WebError> {
    let account = crate::service::accounts::account(&web.ctx, &signed.session.address)?;
    let totp = account.and_then(|a| a.totp);
    let enrolment = second_factor::enrolment(&web.ctx, &signed.session)?.map(|e| context! { secret => e.secret, qr_svg => e.qr_svg });
    Ok(context! {
        enrolled => totp.is_some(),
        enrolled_at => totp.as_ref().map(|t| signed.clock.datetime(t.enrolled_at)),
        recovery_left => totp.as_ref().map_or(0, |t| t.recovery.len()),
        enrolment,
        required => web.ctx.config.portal.require_totp,
        next => next.to_string(),
    })
}

pub fn settings_page(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let values = state(web, signed, &safe_next(req.query("next")))?;
    page(web, "totp.html", signed, values)
}

/// Shows the page again after a form, with a message.
fn again(web: &Web, signed: &Signed, next: &str, extra: Value) -> Result<Resp, WebError> {
    let values = minijinja::value::merge_maps([extra, state(web, signed, next)?]);
    page(web, "totp.html", signed, values)
}

pub async fn begin(web: &Web, req: &Req, signed: Signed) -> Result<Resp, WebError> {
    second_factor::begin_enrolment(&web.ctx, signed.token_hash).await?;
    let next = safe_next(req.field("next"));
    Ok(Resp::redirect(&format!("/account/2fa?next={}", super::encode(&next))))
}

pub async fn confirm(web: &Web, req: &Req, signed: Signed) -> Result<Resp, WebError> {
    let next = safe_next(req.field("next"));
    match second_factor::confirm_enrolment(&web.ctx, signed.token_hash.clone(), &signed.session, req.field("code")).await {
        Ok(codes) => page(web, "totp.html", &signed, context! { recovery_codes => codes, next }),
        Err(AccountError::WrongCode) => again(web, &signed, &next, context! { error => say(web, &signed, WRONG_CODE) }),
        Err(AccountError::SessionGone) => Ok(Resp::redirect("/account/2fa")),
        Err(e) => Err(e.into()),
    }
}

pub async fn remove(web: &Web, req: &Req, signed: Signed) -> Result<Resp, WebError> {
    match second_factor::remove(&web.ctx, signed.token_hash.clone(), &signed.session, req.field("code")).await {
        Ok(()) => again(web, &signed, "/", context! { notice => say(web, &signed, "note-totp-off") }),
        Err(AccountError::WrongCode) => again(web, &signed, "/", context! { error => say(web, &signed, WRONG_CODE) }),
        Err(AccountError::Required) => again(web, &signed, "/", context! { error => say(web, &signed, "note-totp-required") }),
        Err(e) => Err(e.into()),
    }
}

pub async fn recovery(web: &Web, req: &Req, signed: Signed) -> Result<Resp, WebError> {
    match second_factor::renew_recovery_codes(&web.ctx, signed.token_hash.clone(), &signed.session, req.field("code")).await {
        Ok(codes) => page(
            web,
            "totp.html",
            &signed,
            context! { recovery_codes => codes, next => "/account/2fa" },
        ),
        Err(AccountError::WrongCode) => again(web, &signed, "/", context! { error => say(web, &signed, WRONG_CODE) }),
        Err(e) => Err(e.into()),
    }
}
