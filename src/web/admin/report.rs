//! The daily report page (bar chart, table) and its CSV download.

use minijinja::{Value, context};

use super::{Admin, page, query_day};
use crate::i18n::Arg;
use crate::service::report::{self, MAX_DAYS};
use crate::web::Web;
use crate::web::http::{Req, Resp};
use crate::web::portal::WebError;

/// Days shown when no range is asked for.
const DEFAULT_DAYS: i64 = 30;

/// The (first, last) UTC day numbers asked for, and a note on what was changed.
fn range(web: &Web, req: &Req, admin: &Admin) -> (i64, i64, Option<String>) {
    let today = crate::service::now() / 86_400;
    let mut note = None;
    let mut day = |name: &str, default: i64| {
        query_day(web, req, admin, name, "console-note-date-replaced", &mut note).map_or(default, |t| t / 86_400)
    };
    let last = day("to", today);
    let mut first = day("from", last - DEFAULT_DAYS + 1);
    if first > last {
        first = last;
        note = Some(web.pages.catalogues.text(admin.lang, "console-note-start-after-end", &[]));
    }
    if last - first + 1 > MAX_DAYS {
        first = last - MAX_DAYS + 1;
        note = Some(
            web.pages
                .catalogues
                .text(admin.lang, "console-note-range-too-long", &[("days", MAX_DAYS.into())]),
        );
    }
    (first, last, note)
}

/// The chart's words in the admin's language.
fn chart_words(web: &Web, admin: &Admin, r: &report::Report) -> report::ChartWords {
    let say = |id: &str, args: &[(&str, Arg)]| crate::i18n::escape(&web.pages.catalogues.text(admin.lang, id, args));
    let (total, outbound, inbound) = (r.total(), r.outbound, r.inbound);
    let first = r.days.first().map_or(String::new(), |d| d.date.clone());
    let last = r.days.last().map_or(String::new(), |d| d.date.clone());
    report::ChartWords {
        title: say(
            "chart-title",
            &[
                ("total", total.into()),
                ("outbound", outbound.into()),
                ("inbound", inbound.into()),
                ("from", first.into()),
                ("to", last.into()),
            ],
        ),
        total: say("chart-total", &[("total", total.into())]),
        outbound: say("chart-outbound", &[]),
        inbound: say("chart-inbound", &[]),
    }
}

pub fn show(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let (first, last, note) = range(web, req, admin);
    let r = report::report(&web.ctx, first, last)?;
    let days: Vec<Value> = r
        .days
        .iter()
        .rev()
        .map(|d| context! { date => d.date, outbound => d.outbound, inbound => d.inbound, total => d.outbound + d.inbound })
        .collect();
    let (from, to) = (report::date_of(first), report::date_of(last));
    let values = context! {
        chart => Value::from_safe_string(report::svg(&r, &chart_words(web, admin, &r))), days, note, total => r.total(), outbound => r.outbound, inbound => r.inbound,
        csv => format!("/admin/report/csv?from={from}&to={to}"), from => admin.clock.day_text(first), to => admin.clock.day_text(last), section => "report",
    };
    page(web, "admin_report.html", admin, values)
}

pub fn csv(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let (first, last, _) = range(web, req, admin);
    let r = report::report(&web.ctx, first, last)?;
    let name = format!(
        "attachment; filename=\"cloister-report-{}-{}.csv\"",
        report::date_of(first),
        report::date_of(last)
    );
    Ok(Resp::download("text/csv; charset=utf-8", name, report::csv(&r).into_bytes()))
}
