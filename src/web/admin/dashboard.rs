//! The console's home: the dashboard, every figure a link to the page that
//! shows it in full.

use minijinja::{Value, context};

use super::{Admin, page};
use crate::i18n::Text;
use crate::model::size_words;
use crate::service::dashboard::{self, AUDIT_WALK_CAP, Dashboard};
use crate::service::now;
use crate::service::report::date_of;
use crate::web::http::Resp;
use crate::web::portal::WebError;
use crate::web::{Web, words};

const DAY: i64 = 86_400;

/// "3 days", "5 hours", "12 minutes", "40 seconds": the largest whole unit.
pub fn age_text(secs: i64) -> Text {
    let secs = secs.max(0);
    let (n, unit) = match secs {
        s if s >= 2 * DAY => (s / DAY, "age-days"),
        s if s >= 2 * 3600 => (s / 3600, "age-hours"),
        s if s >= 120 => (s / 60, "age-minutes"),
        s => (s, "age-seconds"),
    };
    Text::new(unit).with("n", n)
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

fn statuses(web: &Web, admin: &Admin, d: &Dashboard) -> Vec<Value> {
    let (first, today) = (date_of(d.week_first), date_of(d.today));
    d.week_status
        .iter()
        .map(|(s, n)| context! { label => web.pages.catalogues.text(admin.lang, words::status(*s), &[]), key => s.label(), count => n, link => format!("/admin/monitor?status={}&from={first}&to={today}", s.label()) })
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
    let say = |text: &Text| web.pages.catalogues.say(admin.lang, text);
    let size = |bytes: u64| say(&size_words(bytes));
    context! {
        cert_expires => d.cert_expires.map(|t| admin.when(t)), cert_left => d.cert_expires.map(|t| say(&age_text(t - at))),
        cert_soon => d.cert_expires.is_some_and(|t| t - at < 14 * DAY),
        dkim_name => format!("{}._domainkey.{}", dkim.selector, dkim.domain), dkim_record => dkim.record, dkim_algorithm => dkim.algorithm(),
        vault => size(disk.vault), free => disk.free.map(size), total => disk.total.map(size),
        low_disk => disk.free.zip(disk.total).is_some_and(|(f, t)| f.saturating_mul(10) < t),
        version => env!("CARGO_PKG_VERSION"), started => admin.when(web.started_at), uptime => say(&age_text(at - web.started_at)),
    }
}

pub fn show(web: &Web, admin: &Admin) -> Result<Resp, WebError> {
    let at = now();
    let d = dashboard::read(&web.ctx, at)?;
    let say = |text: &Text| web.pages.catalogues.say(admin.lang, text);
    let outbox = context! {
        pending => d.outbox.pending, dead => d.outbox.dead, oldest => d.outbox.oldest_created.map(|t| say(&age_text(at - t))),
        stuck => d.outbox.overdue > 0,
    };
    let values = context! {
        traffic => traffic(&d), statuses => statuses(web, admin, &d), outbox, sign_ins => sign_ins(&d, at), system => system(web, admin, &d, at),
        section => "dashboard",
    };
    page(web, "admin_dashboard.html", admin, values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ages_read_in_their_largest_whole_unit() {
        assert_eq!(age_text(-5), Text::new("age-seconds").with("n", 0_i64));
        assert_eq!(age_text(119), Text::new("age-seconds").with("n", 119_i64));
        assert_eq!(age_text(7_199), Text::new("age-minutes").with("n", 119_i64));
        assert_eq!(age_text(2 * DAY - 1), Text::new("age-hours").with("n", 47_i64));
        assert_eq!(age_text(400 * DAY), Text::new("age-days").with("n", 400_i64));
    }
}
