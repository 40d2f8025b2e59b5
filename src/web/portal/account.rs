//! Signed-in account pages: sessions and signing out.

use minijinja::{Value, context};

use super::{Signed, WebError, page};
use crate::service::accounts;
use crate::web::Web;
use crate::web::http::{Resp, clear_cookie};

pub fn sessions(web: &Web, signed: &Signed) -> Result<Resp, WebError> {
    let list: Vec<Value> = accounts::sessions_of(&web.ctx, &signed.session.address)?
        .into_iter()
        .map(|(hash, s)| {
            context! {
                current => hash == signed.token_hash, started => signed.clock.datetime(s.created_at), last_seen => signed.clock.datetime(s.last_seen),
                ip => s.ip, agent => s.agent,
            }
        })
        .collect();
    let previous = accounts::account(&web.ctx, &signed.session.address)?.and_then(|a| a.previous_sign_in);
    let previous = previous.map(|l| context! { at => signed.clock.datetime(l.at), ip => l.ip, agent => l.agent });
    page(web, "sessions.html", signed, context! { sessions => list, previous })
}

/// POST /session/keep: the compose page's "stay signed in"; the seconds the session has left, in JSON.
pub async fn keep(web: &Web, signed: &Signed) -> Result<Resp, WebError> {
    let left = accounts::keep_alive(&web.ctx, signed.token_hash.clone(), &signed.session).await?;
    Ok(Resp::json(hyper::StatusCode::OK, serde_json::json!({ "left": left }).to_string()))
}

pub async fn end_others(web: &Web, signed: Signed) -> Result<Resp, WebError> {
    accounts::end_other_sessions(&web.ctx, signed.token_hash, signed.session.address).await?;
    Ok(Resp::redirect("/account/sessions"))
}

pub async fn sign_out(web: &Web, signed: Signed) -> Result<Resp, WebError> {
    web.page_cache.forget(&signed.token_hash);
    accounts::sign_out(&web.ctx, signed.token_hash).await?;
    Ok(Resp::redirect("/login?notice=signed-out").with_cookie(clear_cookie(super::SESSION_COOKIE)))
}
