//! An admin's own preferences: how the console shows them dates (date
//! format, clock, time zone), checked like a portal user's.

use minijinja::{Value, context};

use super::{Admin, page};
use crate::model::Preferences;
use crate::service::preferences::{self, Choice, DATE_FORMATS};
use crate::service::{admin, now};
use crate::web::Web;
use crate::web::http::{Req, Resp};
use crate::web::portal::WebError;

pub fn show(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let notice = (req.query("done") == "saved").then(|| web.pages.catalogues.text(admin.lang, "note-admin-preferences-saved", &[]));
    render(web, admin, &admin.preferences, (notice.as_deref(), None))
}

pub async fn save(web: &Web, req: &Req, admin: &Admin) -> Result<Resp, WebError> {
    let kept = &admin.preferences;
    let choice = Choice {
        date_format: req.field("date_format"),
        clock_hours: req.field("clock_hours"),
        time_zone: req.field("time_zone"),
        // Not asked here: kept as they are.
        week_starts: &kept.week_starts,
        signature: &kept.signature,
        display_name: &kept.display_name,
        language: req.field("language"),
    };
    match preferences::check(&choice) {
        Ok(p) => {
            if !admin::save_preferences(&web.ctx, admin.name(), p).await? {
                return Err(WebError::NotFound);
            }
            Ok(Resp::redirect("/admin/preferences?done=saved"))
        }
        Err(error) => {
            let sent = Preferences {
                date_format: choice.date_format.into(),
                clock_hours: if choice.clock_hours == "12" { 12 } else { 24 },
                time_zone: choice.time_zone.into(),
                language: choice.language.into(),
                saved: true,
                ..kept.clone()
            };
            let error = web.pages.catalogues.say(admin.lang, &error);
            render(web, admin, &sent, (None, Some(&error)))
        }
    }
}

fn render(web: &Web, admin: &Admin, p: &Preferences, (notice, error): (Option<&str>, Option<&str>)) -> Result<Resp, WebError> {
    let formats: Vec<Value> = DATE_FORMATS
        .iter()
        .map(|(value, example)| {
            let example = crate::web::words::date_format_example(&web.pages.catalogues, admin.lang, value, example);
            context! { value, example, selected => *value == p.date_format }
        })
        .collect();
    let languages = super::super::portal::preferences::language_choices(web, &p.language);
    let values = context! {
        languages, formats, zones => preferences::time_zones(), common_zones => preferences::COMMON_ZONES, zone => p.time_zone, saved => p.saved, clock_hours => p.clock_hours,
        now => admin.when(now()), notice, error, section => "preferences",
    };
    page(web, "admin_preferences.html", admin, values)
}
