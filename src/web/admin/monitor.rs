//! The secure message monitor: list with status tabs and search, one
//! message's full story, and dead-lettered outbox rows with retry.

use minijinja::{Value, context};

use super::{Admin, day_range, page};
use crate::service::intake::queue_id_text;
use crate::service::monitor::{self, Filter};
use crate::service::tracking::Status;
use crate::service::utc_text;
use crate::web::Web;
use crate::web::http::{Req, Resp};
use crate::web::portal::{WebError, encode};

/// The filter the query string asks for, and a note on what could not be read.
fn filter_of(req: &Req) -> (Filter, Option<&'static str>) {
    let (from, until, note) = day_range(req);
    let filter = Filter {
        status: Status::parse(req.query("status")),
        query: req.query("q").chars().take(254).collect(),
        from,
        until,
    };
    (filter, note)
}

pub fn list(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let (filter, note) = filter_of(req);
    let page_no = req.query("page").parse().unwrap_or(1);
    let listing = monitor::list(&web.ctx, &filter, page_no)?;
    let shows_subject = web.ctx.config.admin.monitor_shows_subject;
    let rows: Vec<Value> = listing
        .rows
        .iter()
        .map(|(m, status)| {
            let held: Vec<&str> = m.recipients.iter().filter(|r| r.held()).map(|r| r.address.as_str()).collect();
            context! {
                id => queue_id_text(m.id), received => utc_text(m.received_at), sender => m.envelope_from,
                recipients => held.join(", "), subject => shows_subject.then(|| m.subject.clone()), status => status.label(),
            }
        })
        .collect();
    let keep = format!(
        "q={}&from={}&to={}",
        encode(req.query("q")),
        encode(req.query("from")),
        encode(req.query("to"))
    );
    let current = filter.status.map(Status::label);
    let mut tabs =
        vec![context! { label => "All", count => listing.all, link => format!("/admin/monitor?{keep}"), current => current.is_none() }];
    for (status, count) in &listing.counts {
        let link = format!("/admin/monitor?status={}&{keep}", status.label());
        tabs.push(context! { label => status.label(), count => count, link, current => current == Some(status.label()) });
    }
    let dead: Vec<Value> = monitor::dead_letters(&web.ctx)?
        .iter()
        .map(|r| {
            context! {
                id => r.id, kind => r.kind.noun(), message => queue_id_text(r.message_id), to => r.recipients.join(", "),
                error => r.last_error, created => utc_text(r.created_at), attempts => r.attempts,
            }
        })
        .collect();
    let values = context! {
        rows, tabs, note, shows_subject, dead, q => req.query("q"), from => req.query("from"), to => req.query("to"),
        status => current, page => listing.page, pages => listing.pages, keep, section => "monitor",
        retried => req.query("retried"),
    };
    page(web, "admin_monitor.html", admin, values)
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
                read_at => r.read_at.map(utc_text), revoked => r.revoked.is_some(),
            }
        })
        .collect();
    let events: Vec<Value> = story
        .events
        .iter()
        .map(|e| context! { at => utc_text(e.at_ms / 1000), actor => e.actor, what => e.what.to_string() })
        .collect();
    let outbox: Vec<Value> = story
        .outbox
        .iter()
        .map(|r| context! { id => r.id, kind => r.kind.noun(), to => r.recipients.join(", "), state => format!("{:?}", r.state).to_lowercase(), attempts => r.attempts, error => r.last_error })
        .collect();
    let values = context! {
        id => queue_id_text(id), status => story.status.label(), sender => m.envelope_from, from => m.from,
        subject => web.ctx.config.admin.monitor_shows_subject.then(|| m.subject.clone()),
        received => utc_text(m.received_at), expires => utc_text(m.expires_at), size => m.size,
        recalled => m.recalled_at.map(utc_text), extended => m.extended_at.map(utc_text),
        restriction => m.restriction.label(), read_receipt => m.read_receipt, client => m.client,
        recipients, events, outbox, section => "monitor",
    };
    page(web, "admin_message.html", admin, values)
}

/// Puts a dead-lettered row back in the queue.
pub async fn retry(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let id: u64 = req.field("id").parse().map_err(|_| WebError::NotFound)?;
    if !monitor::retry(&web.ctx, admin.name(), id).await? {
        return Err(WebError::Refused(format!("Outbox row {id} is not dead-lettered (any more).")));
    }
    Ok(Resp::redirect(&format!("/admin/monitor?retried={id}#dead")))
}
