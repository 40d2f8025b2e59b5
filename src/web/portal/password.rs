//! Choosing a password: the forced change after a generated one, a voluntary
//! change, and the forgot-password link (a GET never uses the link up).

use hyper::StatusCode;
use minijinja::{Value, context};

use super::{Signed, WebError, anonymous_page, anonymous_text, browser_lang, check_anonymous_form, page, safe_next};
use crate::auth::password::{self, Rule};
use crate::i18n::Text;
use crate::service::accounts::{self, AccountError};
use crate::web::Web;
use crate::web::http::{Req, Resp, cookie};

/// The policy as the checklist shows it; `broken` marks what the server refused.
fn rules(web: &Web, lang: &str, address: &str, broken: &[Rule]) -> Value {
    checklist(web, lang, address, broken, |r| Some(rule_text(web, r)))
}

/// What a rule asks, as the checklist says it.
pub(in crate::web) fn rule_text(web: &Web, rule: Rule) -> Text {
    let policy = &web.ctx.config.password;
    match rule {
        Rule::Length => Text::new("rule-length")
            .with("min", policy.min_length)
            .with("max", password::MAX_LENGTH),
        Rule::Lowercase => Text::new("rule-lowercase"),
        Rule::Uppercase => Text::new("rule-uppercase"),
        Rule::Digit => Text::new("rule-digit"),
        Rule::Symbol => Text::new("rule-symbol"),
        Rule::NotAddress => Text::new("rule-not-address"),
        Rule::NotCurrent => Text::new("rule-not-current"),
    }
}

/// The values of the checklist partial (`_password_rules.html`): each rule of
/// the policy with the words `text` gives it (None leaves it out), marked
/// when `broken` has it.
pub(in crate::web) fn checklist(web: &Web, lang: &str, address: &str, broken: &[Rule], text: impl Fn(Rule) -> Option<Text>) -> Value {
    let policy = &web.ctx.config.password;
    let list: Vec<Value> = Rule::all(policy)
        .into_iter()
        .filter_map(|r| {
            let text = web.pages.catalogues.say(lang, &text(r)?);
            Some(context! { name => r.name(), text, broken => broken.contains(&r) })
        })
        .collect();
    context! { rules => list, min_length => policy.min_length, max_length => password::MAX_LENGTH, address }
}

fn say(web: &Web, lang: &str, id: &'static str) -> String {
    web.pages.catalogues.text(lang, id, &[])
}

/// The message for a refused new password (a catalogue id).
pub(in crate::web) fn refusal(e: &AccountError) -> Option<&'static str> {
    match e {
        AccountError::Rules(_) => Some("note-password-rules"),
        AccountError::Mismatch => Some("note-password-mismatch"),
        _ => None,
    }
}

pub(in crate::web) fn broken_of(e: &AccountError) -> &[Rule] {
    match e {
        AccountError::Rules(r) => r,
        _ => &[],
    }
}

/// The OpenID provider's name when `address` signs in there.
fn provider_of<'a>(web: &'a Web, address: &str) -> Option<&'a str> {
    let o = &web.ctx.config.oidc;
    o.covers(address).then_some(o.name.as_str())
}

/// The page for a user whose password is the directory's: nothing to change here.
fn directory_page(web: &Web, signed: &Signed, next: &str) -> Result<Resp, WebError> {
    let domain = signed.session.address.rsplit_once('@').map_or("", |(_, d)| d);
    page(
        web,
        "password.html",
        signed,
        context! { mode => "change", directory => true, domain, next, provider => provider_of(web, &signed.session.address) },
    )
}

pub fn change_page(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    change_page_with(web, req, signed, context! {})
}

/// The password page with `extra` values (a passkey's failure, say).
pub(super) fn change_page_with(web: &Web, req: &Req, signed: &Signed, extra: Value) -> Result<Resp, WebError> {
    let next = safe_next(if req.query("next").is_empty() {
        req.field("next")
    } else {
        req.query("next")
    });
    if web.ctx.config.signs_in_elsewhere(&signed.session.address) {
        return directory_page(web, signed, &next);
    }
    let forced = signed.session.must_change_password;
    let values = context! {
        mode => "change", forced, expired => req.query("why") == "expired",
        next, ..rules(web, signed.lang, &signed.session.address, &[])
    };
    page(web, "password.html", signed, with_passkey_choice(web, signed, [extra, values])?)
}

/// `values`, and whether a first contact may add a passkey in place of the
/// password (`instead`): still on the mailed password, with no passkey yet.
fn with_passkey_choice<const N: usize>(web: &Web, signed: &Signed, values: [Value; N]) -> Result<Value, WebError> {
    let account = accounts::account(&web.ctx, &signed.session.address)?;
    let instead = signed.session.must_change_password
        && account.is_some_and(|a| a.passkeys.is_empty() && crate::service::passkeys::may_replace_password(&web.ctx, &a));
    Ok(minijinja::value::merge_maps(values.into_iter().chain([context! { instead }])))
}

pub async fn change(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let forced = signed.session.must_change_password;
    let next = safe_next(req.field("next"));
    if web.ctx.config.signs_in_elsewhere(&signed.session.address) {
        return directory_page(web, signed, &next);
    }
    let address = signed.session.address.clone();
    // A voluntary change proves the current password (a forced one just did).
    if !forced && !current_password_ok(web, &address, req.field("current_password")).await? {
        let values = context! {
            mode => "change", forced, next, error => say(web, signed.lang, "note-current-password-wrong"), ..rules(web, signed.lang, &address, &[])
        };
        return page(web, "password.html", signed, with_passkey_choice(web, signed, [values])?);
    }
    let new = req.field("new_password");
    match accounts::change_password(
        &web.ctx,
        signed.token_hash.clone(),
        &signed.session,
        new,
        req.field("confirm_password"),
    )
    .await
    {
        Ok(token) => Ok(Resp::redirect(&next).with_cookie(cookie(super::SESSION_COOKIE, &token, "Lax"))),
        Err(e) if refusal(&e).is_some() => {
            let error = refusal(&e).map(|id| say(web, signed.lang, id));
            let values = context! { mode => "change", forced, next, error, ..rules(web, signed.lang, &address, broken_of(&e)) };
            page(web, "password.html", signed, with_passkey_choice(web, signed, [values])?)
        }
        Err(AccountError::SessionGone) => Ok(Resp::redirect("/login?notice=session-ended")),
        Err(e) => Err(e.into()),
    }
}

async fn current_password_ok(web: &Web, address: &str, given: &str) -> Result<bool, WebError> {
    let hash = crate::service::accounts::account(&web.ctx, address)?.and_then(|a| a.password_hash);
    let given = given.to_string();
    Ok(smol::unblock(move || hash.is_some_and(|h| password::verify(&h, &given))).await)
}

pub fn forgot_page(web: &Web, req: &Req) -> Result<Resp, WebError> {
    let values = context! { address => req.query("address"), hours => web.ctx.config.password.reset_link_hours };
    anonymous_page(web, req, "forgot.html", StatusCode::OK, values)
}

/// Queues a link if the address has an account; the answer is the same either way.
pub async fn forgot(web: &Web, req: &Req) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    let address = req.field("address").trim();
    if let Err(wait) = web.limits.mail_requests.check(&req.client.ip) {
        let wait = crate::web::wait_minutes(wait);
        let error = anonymous_text(web, req, &Text::new("note-too-many-links").with("minutes", wait));
        let values = context! { address, error, hours => web.ctx.config.password.reset_link_hours };
        return anonymous_page(web, req, "forgot.html", StatusCode::TOO_MANY_REQUESTS, values);
    }
    if web.ctx.config.signs_in_elsewhere(address) {
        // The directory's password is reset where it is kept, not here
        // (said of the domain, so nothing tells whether the address exists).
        let domain = address.rsplit_once('@').map_or("", |(_, d)| d);
        let values = context! { directory => true, domain, address, provider => provider_of(web, address) };
        return anonymous_page(web, req, "forgot.html", StatusCode::OK, values);
    }
    if address.contains('@') && address.len() <= 254 {
        accounts::request_reset(&web.ctx, address, &req.client).await?;
    }
    let values = context! { sent => true, address, hours => web.ctx.config.password.reset_link_hours };
    anonymous_page(web, req, "forgot.html", StatusCode::OK, values)
}

/// Shows the form only; the link is used up by the POST.
pub fn reset_page(web: &Web, req: &Req, token: &str) -> Result<Resp, WebError> {
    let Some(address) = accounts::reset_link_address(&web.ctx, token)? else {
        return anonymous_page(
            web,
            req,
            "password.html",
            StatusCode::NOT_FOUND,
            context! { mode => "reset", gone => true },
        );
    };
    let values = context! { mode => "reset", token, ..rules(web, browser_lang(web, req), &address, &[]) };
    anonymous_page(web, req, "password.html", StatusCode::OK, values)
}

pub async fn reset(web: &Web, req: &Req, token: &str) -> Result<Resp, WebError> {
    check_anonymous_form(req)?;
    let new = req.field("new_password");
    match accounts::use_reset_link(&web.ctx, token, new, req.field("confirm_password")).await {
        Ok(()) => Ok(Resp::redirect("/login?notice=password-set")),
        Err(AccountError::LinkGone) => anonymous_page(
            web,
            req,
            "password.html",
            StatusCode::NOT_FOUND,
            context! { mode => "reset", gone => true },
        ),
        Err(e) if refusal(&e).is_some() => {
            let address = accounts::reset_link_address(&web.ctx, token)?.unwrap_or_default();
            let lang = browser_lang(web, req);
            let error = refusal(&e).map(|id| say(web, lang, id));
            let values = context! { mode => "reset", token, error, ..rules(web, lang, &address, broken_of(&e)) };
            anonymous_page(web, req, "password.html", StatusCode::OK, values)
        }
        Err(e) => Err(e.into()),
    }
}
