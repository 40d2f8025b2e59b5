//! The sender's status panel on their own sent message, and its controls:
//! recall, extend expiry, revoke / re-grant one recipient.

use minijinja::{Value, context};

use super::shown::parse_id;
use super::{Signed, WebError};
use crate::service::tracking::{self, ControlError};
use crate::web::Web;
use crate::web::http::{Req, Resp};

impl From<ControlError> for WebError {
    fn from(e: ControlError) -> Self {
        match e {
            ControlError::NotFound => WebError::NotFound,
            ControlError::Refused(why) => WebError::Refused(why),
            ControlError::Store(e) => WebError::Store(e),
        }
    }
}

/// The panel's values, when the signed-in user sent message `id` and may control it.
pub fn panel(web: &Web, signed: &Signed, id: u64) -> Result<Option<Value>, WebError> {
    let Some(t) = tracking::tracking(&web.ctx, &signed.session.address, id)? else {
        return Ok(None);
    };
    let clock = &signed.clock;
    let say = |id: &str| web.pages.catalogues.text(signed.lang, id, &[]);
    let lines: Vec<Value> = t
        .lines
        .iter()
        .map(|l| {
            context! {
                address => l.address, held => l.held, status => say(l.status), read => l.status == "recipient-state-read",
                read_at => l.read_at.map(|at| clock.datetime(at)), revoked => l.revoked,
            }
        })
        .collect();
    let extend_to: Vec<Value> = t
        .extend_to
        .iter()
        .map(|&until| context! { value => until, text => clock.datetime(until) })
        .collect();
    let recalled = t.message.recalled_at.map(|at| clock.datetime(at));
    Ok(Some(context! {
        status => say(crate::web::words::status(t.status)), lines, recalled, extend_to, extend_note => t.extend_note.map(say),
        extended => t.message.extended_at.map(|at| clock.datetime(at)),
        limit => clock.datetime(t.limit), expires => clock.datetime(t.message.expires_at),
    }))
}

/// "Recall this message": needs the confirmation box ticked.
pub async fn recall(web: &Web, req: &Req, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    let confirmed = req.field("confirm") == "yes";
    tracking::recall(&web.ctx, &signed.session.address, parse_id(id)?, confirmed).await?;
    Ok(done(id, "recalled"))
}

pub async fn extend(web: &Web, req: &Req, signed: &Signed, id: &str) -> Result<Resp, WebError> {
    let until = req.field("until").parse::<i64>().ok();
    tracking::extend(&web.ctx, &signed.session.address, parse_id(id)?, until).await?;
    Ok(done(id, "extended"))
}

/// Revokes (`grant` false) or re-grants the access of the recipient posted.
pub async fn access(web: &Web, req: &Req, signed: &Signed, id: &str, grant: bool) -> Result<Resp, WebError> {
    let id_num = parse_id(id)?;
    tracking::set_access(&web.ctx, &signed.session.address, id_num, req.field("recipient"), grant).await?;
    Ok(done(id, if grant { "granted" } else { "revoked" }))
}

fn done(id: &str, what: &str) -> Resp {
    Resp::redirect(&format!("/m/{id}?done={what}#status"))
}

/// The line shown after a control took effect.
pub fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "recalled" => "note-recalled-all",
        "extended" => "note-extended",
        "revoked" => "note-revoked",
        "granted" => "note-granted",
        _ => return None,
    })
}
