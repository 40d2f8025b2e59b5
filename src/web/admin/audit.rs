//! The audit page: account and admin events, filtered by kind, words and
//! date range, and exported as CSV.

use minijinja::{Value, context};

use super::{Admin, day_range, page};
use crate::service::audit::{self, Filter, Kind};
use crate::web::http::{Req, Resp};
use crate::web::portal::{WebError, encode};
use crate::web::{Web, words};

/// Events shown on the page (the CSV holds every one).
const SHOWN: usize = 500;

fn filter_of(web: &Web, req: &Req, admin: &Admin) -> (Filter, Option<String>) {
    let (from, until, note) = day_range(web, req, admin);
    let filter = Filter {
        kind: Kind::parse(req.query("kind")),
        query: req.query("q").chars().take(254).collect(),
        from,
        until,
    };
    (filter, note)
}

fn query_string(req: &Req) -> String {
    ["kind", "q", "from", "to"]
        .iter()
        .map(|k| format!("{k}={}", encode(req.query(k))))
        .collect::<Vec<_>>()
        .join("&")
}

pub fn show(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let (filter, note) = filter_of(web, req, admin);
    let events = audit::list(&web.ctx, &filter, SHOWN)?;
    let say = |id: &str| web.pages.catalogues.text(admin.lang, id, &[]);
    let rows: Vec<Value> = events
        .iter()
        .map(|e| context! { at => admin.when(e.at_ms / 1000), kind => say(words::audit_kind(Kind::of(e))), who => e.actor, what => web.pages.catalogues.say(admin.lang, &e.what.text()) })
        .collect();
    let kinds: Vec<Value> = Kind::ALL
        .iter()
        .map(|k| context! { name => k.name(), label => say(words::audit_kind(*k)), selected => filter.kind == Some(*k) })
        .collect();
    let values = context! {
        rows, kinds, note, shown => SHOWN, full => events.len() >= SHOWN, q => req.query("q"),
        from => req.query("from"), to => req.query("to"), csv => format!("/admin/audit/csv?{}", query_string(req)),
        section => "audit",
    };
    page(web, "admin_audit.html", admin, values)
}

/// Every event the filter keeps, streamed as it is read (no cap, bounded memory).
pub fn csv(web: &Web, req: &Req, admin: &Admin) -> Resp {
    let (filter, _) = filter_of(web, req, admin);
    let chunks = crate::service::audit_export::csv_chunks(web.ctx.clone(), filter);
    Resp::streamed_download(
        "text/csv; charset=utf-8",
        "attachment; filename=\"cloister-audit.csv\"".into(),
        chunks,
    )
}
