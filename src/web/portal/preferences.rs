//! The preferences page: date and time format, first day of the week, time
//! zone, signature and language; saved per user and applied on every page.

use hyper::StatusCode;
use minijinja::{Value, context};

use super::{Signed, WebError, page};
use crate::i18n::Text;
use crate::model::Preferences;
use crate::service::now;
use crate::service::preferences::{self, Choice, DATE_FORMATS, SIGNATURE_MAX, WEEK_STARTS};
use crate::web::Web;
use crate::web::http::{Req, Resp};

pub fn show(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let notice = (req.query("done") == "saved").then(|| Text::new("note-preferences-saved"));
    render(web, signed, &signed.preferences, notice.as_ref(), StatusCode::OK)
}

pub async fn save(web: &Web, req: &Req, signed: &Signed) -> Result<Resp, WebError> {
    let choice = Choice {
        date_format: req.field("date_format"),
        clock_hours: req.field("clock_hours"),
        week_starts: req.field("week_starts"),
        time_zone: req.field("time_zone"),
        signature: req.field("signature"),
        display_name: req.field("display_name"),
        language: req.field("language"),
    };
    match preferences::check(&choice) {
        Ok(p) => {
            if !preferences::save(&web.ctx, &signed.session.address, p).await? {
                return Err(WebError::NotFound);
            }
            Ok(Resp::redirect("/account/preferences?done=saved"))
        }
        Err(error) => {
            // Show what was sent (as far as it fits the form) with the reason.
            let sent = Preferences {
                date_format: choice.date_format.into(),
                clock_hours: if choice.clock_hours == "12" { 12 } else { 24 },
                week_starts: choice.week_starts.into(),
                time_zone: choice.time_zone.into(),
                signature: choice.signature.into(),
                display_name: choice.display_name.into(),
                language: choice.language.into(),
                // What was typed stays chosen (the form does not suggest a zone over it).
                saved: true,
            };
            render(web, signed, &sent, Some(&error), StatusCode::UNPROCESSABLE_ENTITY)
        }
    }
}

fn render(web: &Web, signed: &Signed, p: &Preferences, said: Option<&Text>, status: StatusCode) -> Result<Resp, WebError> {
    // Saved (a notice) or refused (an error): one or the other.
    let said = said.map(|t| web.pages.catalogues.say(signed.lang, t));
    let (notice, error) = if status == StatusCode::OK { (said, None) } else { (None, said) };
    let formats: Vec<Value> = DATE_FORMATS
        .iter()
        .map(|(value, example)| {
            let example = crate::web::words::date_format_example(&web.pages.catalogues, signed.lang, value, example);
            context! { value, example, selected => *value == p.date_format }
        })
        .collect();
    let weeks: Vec<Value> = WEEK_STARTS
        .iter()
        .map(|d| context! { value => d, selected => *d == p.week_starts })
        .collect();
    let languages = language_choices(web, &p.language);
    let values = context! {
        formats, weeks, languages, zones => preferences::time_zones(), common_zones => preferences::COMMON_ZONES, zone => p.time_zone, saved => p.saved,
        clock_hours => p.clock_hours, signature => p.signature, signature_max => SIGNATURE_MAX,
        display_name => p.display_name, name_max => preferences::NAME_MAX,
        now => signed.clock.datetime(now()), notice, error,
    };
    let resp = page(web, "preferences.html", signed, values)?;
    Ok(Resp { status, ..resp })
}

/// The language list: "" first (the browser's language, whatever it is that
/// day), then every shipped one by its own name; `chosen` selected.
pub(in crate::web) fn language_choices(web: &Web, chosen: &str) -> Vec<Value> {
    std::iter::once(("", ""))
        .chain(web.pages.catalogues.languages())
        .map(|(value, name)| context! { value, name, selected => value == chosen })
        .collect()
}
