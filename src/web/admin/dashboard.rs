//! The console's home: the dashboard, every figure a link to the page that
//! shows it in full.

use minijinja::{Value, context};

use super::{Admin, page};
use crate::model::size_text;
use crate::service::dashboard::{self, AUDIT_WALK_CAP, Dashboard};
use crate::service::now;
use crate::service::report::date_of;
use crate::web::Web;
use crate::web::http::Resp;
use crate::web::portal::WebError;

const DAY: i64 = 86_400;

/// "3 days", "5 hours", "12 minutes", "40 seconds": the largest whole unit.
pub fn age_text(secs: i64) -> String {
    let secs = secs.max(0);
    let (n, unit) = match secs {
        s if s >= 2 * DAY => (s / DAY, "days"),
        s if s >= 2 * 3600 => (s / 3600, "hours"),
        s if s >= 120 => (s / 60, "minutes"),
        s => (s, "seconds"),
    };
    format!("{n} {unit}")
}

fn traffic(d: &Dashboard) -> Value {
    let (today, first) = (date_of(d.today), date_of(d.week_first));
    context! {
        today_out => d.traffic_today.outbound, today_in => d.traffic_today.inbound,
        week_out => d.traffic_week.outbound, week_in => d.traffic_week.inbound,
        today_link => format!("/admin/report?from={today}&to={today}"),
        week_link => format!("/admin/report?from={first}&to={today}"),
    }
}

fn statuses(d: &Dashboard) -> Vec<Value> {
    let (first, today) = (date_of(d.week_first), date_of(d.today));
    d.week_status
        .iter()
        .map(|(s, n)| context! { label => s.label(), count => n, link => format!("/admin/monitor?status={}&from={first}&to={today}", s.label()) })
        .collect()
}

fn sign_ins(d: &Dashboard, at: i64) -> Value {
    let s = d.sign_ins;
    let since = date_of((at - DAY).div_euclid(DAY));
    let link = |kind: &str| format!("/admin/audit?kind={kind}&from={since}");
    context! {
        failed => s.failed, admin_failed => s.admin_failed, lockouts => s.lockouts, capped => s.capped, cap => AUDIT_WALK_CAP,
        failed_link => link("sign-in-failed"), admin_failed_link => link("admin-sign-in-failed"), lockouts_link => link("lockout"),
    }
}

fn system(web: &Web, admin: &Admin, d: &Dashboard, at: i64) -> Value {
    let dkim = &web.ctx.notifier.dkim;
    let disk = d.disk;
    context! {
        cert_expires => d.cert_expires.map(|t| admin.when(t)), cert_left => d.cert_expires.map(|t| age_text(t - at)),
        cert_soon => d.cert_expires.is_some_and(|t| t - at < 14 * DAY),
        dkim_name => format!("{}._domainkey.{}", dkim.selector, dkim.domain), dkim_record => dkim.record, dkim_algorithm => dkim.algorithm(),
        vault => size_text(disk.vault), free => disk.free.map(size_text), total => disk.total.map(size_text),
        low_disk => disk.free.zip(disk.total).is_some_and(|(f, t)| f.saturating_mul(10) < t),
        version => env!("CARGO_PKG_VERSION"), started => admin.when(web.started_at), uptime => age_text(at - web.started_at),
    }
}

pub fn show(web: &Web, admin: &Admin) -> Result<Resp, WebError> {
    let at = now();
    let d = dashboard::read(&web.ctx, at)?;
    let outbox = context! {
        pending => d.outbox.pending, dead => d.outbox.dead, oldest => d.outbox.oldest_created.map(|t| age_text(at - t)),
        stuck => d.outbox.overdue > 0,
    };
    let values = context! {
        traffic => traffic(&d), statuses => statuses(&d), outbox, sign_ins => sign_ins(&d, at), system => system(web, admin, &d, at),
        section => "dashboard",
    };
    page(web, "admin_dashboard.html", admin, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_in_their_largest_whole_unit() {
        assert_eq!(age_text(-5), "0 seconds");
        assert_eq!(age_text(119), "119 seconds");
        assert_eq!(age_text(7_199), "119 minutes");
        assert_eq!(age_text(2 * DAY - 1), "47 hours");
        assert_eq!(age_text(400 * DAY), "400 days");
    }
}
