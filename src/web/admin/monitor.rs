//! The secure message monitor: list with status tabs and search, one
//! message's full story, and dead-lettered outbox rows with retry.

use minijinja::{Value, context};

use super::{Admin, day_range, page};
use crate::model::{MessageRecord, RecipientStatus};
use crate::service::intake::queue_id_text;
use crate::service::monitor::{self, Cursor, Filter};
use crate::service::tracking::Status;
use crate::web::http::{Req, Resp};
use crate::web::portal::{WebError, encode};
use crate::web::{Web, words};

/// The filter the query string asks for, and a note on what could not be read.
/// Statuses come as repeated `status` fields (the form's boxes) or one
/// comma-separated list (a link).
fn filter_of(web: &Web, req: &Req, admin: &Admin) -> (Filter, Option<String>) {
    let (from, until, note) = day_range(web, req, admin);
    let mut statuses: Vec<Status> = req
        .query_all("status")
        .flat_map(|v| v.split(','))
        .filter_map(Status::parse)
        .collect();
    statuses.sort_by_key(|s| s.code());
    statuses.dedup();
    let filter = Filter {
        statuses,
        query: req.query("q").chars().take(254).collect(),
        from,
        until,
    };
    (filter, note)
}

/// The page the query string points at: `before`/`after` a message id, or `last`.
fn cursor_of(req: &Req) -> Cursor {
    let id = |name| u64::from_str_radix(req.query(name), 16).ok();
    if let Some(c) = id("before") {
        Cursor::Before(c)
    } else if let Some(c) = id("after") {
        Cursor::After(c)
    } else if req.query("last") == "1" {
        Cursor::Last
    } else {
        Cursor::First
    }
}

fn say(web: &Web, admin: &Admin, id: &str) -> String {
    web.pages.catalogues.text(admin.lang, id, &[])
}

/// A row of the list: when, who to whom, the policy that held it, status.
fn row(web: &Web, admin: &Admin, m: &MessageRecord, status: Status, shows_subject: bool) -> Value {
    let held: Vec<&RecipientStatus> = m.recipients.iter().filter(|r| r.held()).collect();
    let mut rules: Vec<&str> = held.iter().map(|r| r.rule.as_str()).filter(|r| !r.is_empty()).collect();
    rules.sort_unstable();
    rules.dedup();
    let recipients: Vec<&str> = held.iter().map(|r| r.address.as_str()).collect();
    context! {
        id => queue_id_text(m.id), received => admin.when(m.received_at), sender => m.envelope_from,
        recipients => recipients.join(", "), policy => rules.join(", "),
        subject => shows_subject.then(|| m.subject.clone()), status => say(web, admin, words::status(status)),
        extended => m.extended_at.is_some() && status != Status::Extended,
    }
}

pub fn list(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let (filter, note) = filter_of(web, req, admin);
    let listing = monitor::list(&web.ctx, &filter, cursor_of(req))?;
    let shows_subject = web.ctx.config.admin.monitor_shows_subject;
    let rows: Vec<Value> = listing
        .rows
        .iter()
        .map(|(m, status)| row(web, admin, m, *status, shows_subject))
        .collect();
    let keep = format!(
        "q={}&from={}&to={}",
        encode(req.query("q")),
        encode(req.query("from")),
        encode(req.query("to"))
    );
    let chosen: Vec<&str> = filter.statuses.iter().map(|s| s.label()).collect();
    let with_status = if chosen.is_empty() {
        keep.clone()
    } else {
        format!("status={}&{keep}", chosen.join(","))
    };
    let mut tabs = vec![
        context! { label => say(web, admin, "console-tab-all"), key => "All", count => listing.all, link => format!("/admin/monitor?{keep}"), current => chosen.is_empty() },
    ];
    for (status, count) in &listing.counts {
        let link = format!("/admin/monitor?status={}&{keep}", status.label());
        let ticked = chosen.contains(&status.label());
        tabs.push(context! { label => say(web, admin, words::status(*status)), key => status.label(), count => count, link, current => chosen == [status.label()], ticked });
    }
    let pager = context! {
        newer => listing.newer.map(|id| format!("/admin/monitor?{with_status}&after={}", queue_id_text(id))),
        older => listing.older.map(|id| format!("/admin/monitor?{with_status}&before={}", queue_id_text(id))),
        first => listing.newer.map(|_| format!("/admin/monitor?{with_status}")),
        last => listing.older.map(|_| format!("/admin/monitor?{with_status}&last=1")),
    };
    let values = context! {
        rows, tabs, note, shows_subject, dead => dead_rows(web, admin)?, q => req.query("q"), from => req.query("from"), to => req.query("to"),
        pager, capped => listing.capped, indexing => listing.indexing, section => "monitor", retried => req.query("retried"),
        waiting => waiting(web, admin)?,
    };
    page(web, "admin_monitor.html", admin, values)
}

/// What waits in the outbox: how many rows, for how long, and whether any are overdue.
fn waiting(web: &Web, admin: &Admin) -> Result<Value, WebError> {
    let at = crate::service::now();
    let h = monitor::outbox_waiting(&web.ctx, at)?;
    Ok(context! {
        pending => h.pending, dead => h.dead, oldest => h.oldest_created.map(|t| web.pages.catalogues.say(admin.lang, &super::dashboard::age_text(at - t))), stuck => h.overdue > 0,
    })
}

/// The dead-lettered outbox rows, as the list shows them.
fn dead_rows(web: &Web, admin: &Admin) -> Result<Vec<Value>, WebError> {
    Ok(monitor::dead_letters(&web.ctx)?
        .iter()
        .map(|r| {
            context! {
                id => r.id, kind => r.kind.noun(), message => queue_id_text(r.message_id), to => r.recipients.join(", "),
                error => r.last_error, created => admin.when(r.created_at), attempts => r.attempts,
            }
        })
        .collect())
}

/// One message: record, recipients with status, outbox rows and every event in time order.
pub fn message(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let id = u64::from_str_radix(req.query("id"), 16).map_err(|_| WebError::NotFound)?;
    let story = monitor::story(&web.ctx, id)?.ok_or(WebError::NotFound)?;
    let m = &story.message;
    let recipients: Vec<Value> = m
        .recipients
        .iter()
        .map(|r| {
            context! {
                address => r.address, decision => r.decision.as_str(), rule => r.rule, state => r.state,
                read_at => r.read_at.map(|t| admin.when(t)), revoked => r.revoked.is_some(),
            }
        })
        .collect();
    let events: Vec<Value> = story
        .events
        .iter()
        .map(|e| context! { at => admin.when(e.at_ms / 1000), actor => e.actor, what => web.pages.catalogues.say(admin.lang, &e.what.text()) })
        .collect();
    let outbox: Vec<Value> = story
        .outbox
        .iter()
        .map(|r| context! { id => r.id, kind => r.kind.noun(), to => r.recipients.join(", "), state => r.state.as_str(), attempts => r.attempts, error => r.last_error })
        .collect();
    let values = context! {
        id => queue_id_text(id), status => say(web, admin, words::status(story.status)), sender => m.envelope_from, from => m.from,
        subject => web.ctx.config.admin.monitor_shows_subject.then(|| m.subject.clone()),
        received => admin.when(m.received_at), expires => admin.when(m.expires_at), size => m.size,
        recalled => m.recalled_at.map(|t| admin.when(t)), extended => m.extended_at.map(|t| admin.when(t)),
        restriction => say(web, admin, words::restriction(m.restriction)), read_receipt => m.read_receipt, client => m.client,
        recipients, events, outbox, section => "monitor",
    };
    page(web, "admin_message.html", admin, values)
}

/// Puts a dead-lettered row back in the queue.
pub async fn retry(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let id: u64 = req.field("id").parse().map_err(|_| WebError::NotFound)?;
    if !monitor::retry(&web.ctx, admin.name(), id).await? {
        return Err(WebError::Refused(
            crate::i18n::Text::new("note-not-dead-lettered").with("row", id.to_string()),
        ));
    }
    Ok(Resp::redirect(&format!("/admin/monitor?retried={id}#dead")))
}
