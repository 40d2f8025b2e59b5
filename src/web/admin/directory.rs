//! The directory: domains with counts, a domain's users (searchable), one
//! user's state, sign-ins and the admin's actions on the account.

use minijinja::{Value, context};

use super::{Admin, page};
use crate::model::Account;
use crate::model::AccountChange;
use crate::service::directory;
use crate::web::Web;
use crate::web::http::{Req, Resp};
use crate::web::portal::{WebError, encode};

/// Dates in the admin console: UTC, unambiguous.
fn when(unix: i64) -> String {
    crate::service::utc_text(unix)
}

fn user_row(web: &Web, a: &Account) -> Value {
    context! {
        address => a.address, link => format!("/admin/user?address={}", encode(&a.address)),
        created => when(a.created_at), internal => a.internal,
        last => a.last_sign_in.as_ref().map(|l| format!("{} from {}", when(l.at), l.ip)),
        password => a.password_hash.is_some(), must_change => a.must_change_password,
        logon => a.allow_logon, sending => a.allow_sending, totp => a.totp.is_some(),
        locked => web.throttle.is_locked(&a.address),
    }
}

/// The domains, or with `?domain=` that domain's users (searchable with `q`),
/// or with only `q` (the header's search) the users of every domain it finds.
pub fn list(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let domain = req.query("domain");
    if domain.is_empty() && req.query("q").trim().is_empty() {
        let domains: Vec<Value> = directory::domains(&web.ctx)?
            .into_iter()
            .map(|d| context! { name => d.name, link => format!("/admin/directory?domain={}", encode(&d.name)), users => d.users, denied => d.denied, internal => d.internal })
            .collect();
        return page(web, "admin_domains.html", admin, context! { domains, section => "directory" });
    }
    let q = req.query("q");
    let users: Vec<Value> = directory::users(&web.ctx, domain, q)?.iter().map(|a| user_row(web, a)).collect();
    let values = context! { domain, q, users, max => directory::USERS_MAX, section => "directory" };
    page(web, "admin_users.html", admin, values)
}

/// One user: state, latest sign-ins and the action forms.
pub fn user(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let address = req.query("address");
    let (account, sign_ins) = directory::user(&web.ctx, address)?.ok_or(WebError::NotFound)?;
    let sign_ins: Vec<Value> = sign_ins
        .iter()
        .map(|e| context! { at => when(e.at_ms / 1000), what => e.what.to_string() })
        .collect();
    let domain = directory::domain_of(address);
    let values = context! {
        user => user_row(web, &account), sign_ins, notice => notice(req.query("done")),
        domain_link => format!("/admin/directory?domain={}", encode(domain)), domain, section => "directory",
    };
    page(web, "admin_user.html", admin, values)
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "reset-mail" => "A new one-time password is on its way to the user.",
        "force-change" => "The user must choose a new password at the next sign-in.",
        "allow-logon" => "The user may sign in.",
        "deny-logon" => "The user may no longer sign in; their sessions ended.",
        "allow-sending" => "The user may send.",
        "deny-sending" => "The user may no longer send.",
        "unlock" => "The sign-in lockout was lifted.",
        _ => return None,
    })
}

/// One action on an account (`address` and `action` posted).
/// What an action that takes something away does, for its confirmation page
/// (title, what happens); `None` for the ones that only give back.
fn consequence(action: &str) -> Option<(&'static str, &'static str)> {
    Some(match action {
        "reset-mail" => (
            "Reset the password and mail it",
            "The current password stops working now; a new one-time password is mailed to the user, who must choose their own at the next sign-in.",
        ),
        "reset-show" => (
            "Reset the password and show it to me",
            "The current password stops working now; the new one-time password is shown to you once.",
        ),
        "force-change" => (
            "Force a password change",
            "The user must choose a new password at the next sign-in, also in sessions open now.",
        ),
        "deny-logon" => (
            "Deny logon",
            "Every session of the user ends now, and no sign-in works until logon is allowed again.",
        ),
        "deny-sending" => (
            "Deny sending",
            "The user can still read, but not reply or write, until sending is allowed again.",
        ),
        "delete" => (
            "Delete the account",
            "The account and its mailbox entries go for good; the audit and the message logs stay. This cannot be undone.",
        ),
        _ => return None,
    })
}

pub async fn act(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let address = req.field("address").to_string();
    let action = req.field("action");
    let ctx = &web.ctx;
    let name = admin.name();
    if let Some((title, what)) = consequence(action)
        && req.field("confirm") != "yes"
    {
        if crate::service::accounts::account(ctx, &address.to_ascii_lowercase())?.is_none() {
            return Err(WebError::NotFound);
        }
        let back = format!("/admin/user?address={}", encode(&address));
        let values = context! { title, what, address, action, back, section => "directory" };
        return page(web, "admin_confirm.html", admin, values);
    }
    let done = match action {
        "reset-show" => {
            let secret = directory::reset_shown(ctx, name, &address).await?.ok_or(WebError::NotFound)?;
            let values = context! { address, password => secret, back => format!("/admin/user?address={}", encode(&address)), section => "directory" };
            return Ok(page(web, "admin_password.html", admin, values)?.with_header("cache-control", "no-store".into()));
        }
        "unlock" => directory::unlock(ctx, &web.throttle, name, &address).await?,
        "delete" => {
            let domain = directory::domain_of(&address).to_string();
            if !directory::change(ctx, name, &address, AccountChange::Delete).await? {
                return Err(WebError::NotFound);
            }
            return Ok(Resp::redirect(&format!("/admin/directory?domain={}&deleted=1", encode(&domain))));
        }
        other => {
            let change = match other {
                "reset-mail" => AccountChange::ResetAndMail,
                "force-change" => AccountChange::ForceChange,
                "allow-logon" => AccountChange::AllowLogon(true),
                "deny-logon" => AccountChange::AllowLogon(false),
                "allow-sending" => AccountChange::AllowSending(true),
                "deny-sending" => AccountChange::AllowSending(false),
                _ => return Err(WebError::NotFound),
            };
            directory::change(ctx, name, &address, change).await?
        }
    };
    if !done {
        return Err(WebError::NotFound);
    }
    Ok(Resp::redirect(&format!("/admin/user?address={}&done={action}", encode(&address))))
}
