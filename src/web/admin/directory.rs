//! The directory: domains with counts, a domain's users (searchable), one
//! user's state, sign-ins and the admin's actions on the account.

use minijinja::{Value, context};

use super::{Admin, page};
use crate::auth::password::Rule;
use crate::i18n::Text;
use crate::model::Account;
use crate::model::AccountChange;
use crate::service::directory;
use crate::web::Web;
use crate::web::http::{Req, Resp};
use crate::web::portal::{WebError, encode};

fn user_row(web: &Web, admin: &Admin, a: &Account) -> Value {
    context! {
        address => a.address, link => format!("/admin/user?address={}", encode(&a.address)),
        created => admin.when(a.created_at), internal => a.internal,
        last => a.last_sign_in.as_ref().map(|l| {
            let text = Text::new("console-last-sign-in").with("date", admin.when(l.at)).with("ip", l.ip.clone());
            web.pages.catalogues.say(admin.lang, &text)
        }),
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
        return domains(web, req, admin);
    }
    let q = req.query("q");
    let users: Vec<Value> = directory::users(&web.ctx, domain, q)?
        .iter()
        .map(|a| user_row(web, admin, a))
        .collect();
    let values = context! { domain, q, users, max => directory::USERS_MAX, section => "directory" };
    page(web, "admin_users.html", admin, values)
}

/// The domains (searched with `match`, paged by name with `after`).
fn domains(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let found = req.query("match");
    let list = directory::domains(&web.ctx, found, req.query("after"))?;
    let next = (list.len() >= directory::DOMAINS_MAX)
        .then(|| {
            list.last()
                .map(|d| format!("/admin/directory?match={}&after={}", encode(found), encode(&d.name)))
        })
        .flatten();
    let domains: Vec<Value> = list
        .into_iter()
        .map(|d| {
            context! {
                link => format!("/admin/directory?domain={}", encode(&d.name)), name => d.name, users => d.users, denied => d.denied,
                internal => d.internal, held => d.held, last => (d.last_held_at > 0).then(|| admin.when(d.last_held_at)),
            }
        })
        .collect();
    let values = context! { domains, found, next, after => req.query("after"), section => "directory" };
    page(web, "admin_domains.html", admin, values)
}

/// One user: state, latest sign-ins and the action forms.
pub fn user(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    user_page(
        web,
        admin,
        req.query("address"),
        context! { notice => notice(req.query("done")).map(|id| web.pages.catalogues.text(admin.lang, id, &[])) },
    )
}

/// The user page of `address` with `extra` values (a notice, or the error of
/// a refused password and the rules it broke).
fn user_page(web: &Web, admin: &Admin, address: &str, extra: Value) -> Result<Resp, WebError> {
    let (account, sign_ins) = directory::user(&web.ctx, address)?.ok_or(WebError::NotFound)?;
    let sign_ins: Vec<Value> = sign_ins
        .iter()
        .map(|e| context! { at => admin.when(e.at_ms / 1000), what => web.pages.catalogues.say(admin.lang, &e.what.text()) })
        .collect();
    let domain = directory::domain_of(address);
    let s = directory::sign_in_source(&web.ctx, &account);
    let source = context! {
        via => s.via, provider => web.ctx.config.oidc.name, entry => s.entry, groups => s.groups,
        checked => s.checked_at.map(|at| admin.when(at)), secure_by => s.secure_by,
    };
    let passkeys = super::passkeys::of_user(&account, admin);
    let values = context! {
        user => user_row(web, admin, &account), sign_ins, source, passkeys,
        domain_link => format!("/admin/directory?domain={}", encode(domain)), domain, section => "directory",
    };
    let rules = password_rules(web, admin.lang, &account.address, &[]);
    page(web, "admin_user.html", admin, minijinja::value::merge_maps([rules, values, extra]))
}

/// The policy's checklist as the admin sees it: the user's current password
/// is not asked for (an admin may set it again), the address rule names the user.
fn password_rules(web: &Web, lang: &str, address: &str, broken: &[Rule]) -> Value {
    crate::web::portal::password::checklist(web, lang, address, broken, |r| match r {
        Rule::NotCurrent => None,
        Rule::NotAddress => Some(Text::new("rule-not-users-address")),
        _ => Some(crate::web::portal::password::rule_text(web, r)),
    })
}

fn notice(done: &str) -> Option<&'static str> {
    Some(match done {
        "reset-mail" => "console-note-reset-mail",
        "added" => "console-note-added",
        "added-mailed" => "console-note-added-mailed",
        "password-forced" => "console-note-password-forced",
        "password-set" => "console-note-password-set",
        "force-change" => "console-note-force-change",
        "allow-logon" => "console-note-allow-logon",
        "deny-logon" => "console-note-deny-logon",
        "allow-sending" => "console-note-allow-sending",
        "deny-sending" => "console-note-deny-sending",
        "unlock" => "console-note-unlock",
        "passkey-removed" => "console-note-passkey-removed",
        _ => return None,
    })
}

/// One action on an account (`address` and `action` posted).
/// What an action that takes something away does, for its confirmation page
/// (title, what happens); `None` for the ones that only give back.
fn consequence(action: &str) -> Option<(&'static str, &'static str)> {
    Some(match action {
        "reset-mail" => ("console-confirm-reset-mail-title", "console-confirm-reset-mail"),
        "reset-show" => ("console-confirm-reset-show-title", "console-confirm-reset-show"),
        "force-change" => ("console-confirm-force-change-title", "console-confirm-force-change"),
        "deny-logon" => ("console-confirm-deny-logon-title", "console-confirm-deny-logon"),
        "deny-sending" => ("console-confirm-deny-sending-title", "console-confirm-deny-sending"),
        "delete" => ("console-confirm-delete-title", "console-confirm-delete"),
        _ => return None,
    })
}

pub async fn act(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let address = req.field("address").to_string();
    let action = req.field("action");
    let ctx = &web.ctx;
    let name = admin.name();
    let must_change = req.field("must_change") == "yes";
    if let Some((title, what)) = consequence(action)
        && req.field("confirm") != "yes"
    {
        if crate::service::accounts::account(ctx, &address.to_ascii_lowercase())?.is_none() {
            return Err(WebError::NotFound);
        }
        let back = format!("/admin/user?address={}", encode(&address));
        let must_change = must_change.then_some("yes");
        let say = |id: &str| web.pages.catalogues.text(admin.lang, id, &[]);
        let values = context! { title => say(title), what => say(what), address, action, back, must_change, section => "directory" };
        return page(web, "admin_confirm.html", admin, values);
    }
    let done = match action {
        "set-password" => return set_password(web, req, admin, &address, must_change).await,
        "reset-show" => {
            let secret = directory::reset_shown(ctx, name, &address, must_change)
                .await?
                .ok_or(WebError::NotFound)?;
            let values = context! { address, password => secret, must_change, back => format!("/admin/user?address={}", encode(&address)), section => "directory" };
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
                "reset-mail" => AccountChange::ResetAndMail { must_change },
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

/// A password the admin typed twice; refused ones come back on the user page
/// with what was wrong (the typed passwords are not sent back).
async fn set_password(web: &Web, req: &Req, admin: &Admin, address: &str, must_change: bool) -> Result<Resp, WebError> {
    let typed = (req.field("new_password"), req.field("confirm_password"));
    match directory::set_chosen(&web.ctx, admin.name(), address, typed, must_change).await {
        Ok(true) => {
            let done = if must_change { "password-forced" } else { "password-set" };
            Ok(Resp::redirect(&format!("/admin/user?address={}&done={done}", encode(address))))
        }
        Ok(false) => Err(WebError::NotFound),
        Err(e) => {
            let Some(error) = crate::web::portal::password::refusal(&e) else {
                return Err(e.into());
            };
            let error = web.pages.catalogues.text(admin.lang, error, &[]);
            let broken = crate::web::portal::password::broken_of(&e);
            let extra = context! { password_error => error, must_change, ..password_rules(web, admin.lang, address, broken) };
            user_page(web, admin, address, extra)
        }
    }
}
