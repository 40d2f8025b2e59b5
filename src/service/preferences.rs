//! Users' preferences: checked, saved, and applied to every date the portal
//! shows (and to "this week" in search).

use jiff::civil::{Date, Weekday};
use jiff::tz::TimeZone;
use jiff::{Timestamp, ToSpan as _};

use super::StoreError;
use super::{Context, now};
use crate::i18n::Text;
use crate::model::Preferences;
use crate::vault::{AuthWrite, WriteOp, WriteResult};

/// (value, example) of each date format offered.
pub const DATE_FORMATS: [(&str, &str); 4] = [
    ("iso", "2026-11-24"),
    ("dmy", "24/11/2026"),
    ("mdy", "11/24/2026"),
    ("text", "24 Nov 2026"),
];
pub const WEEK_STARTS: [&str; 3] = ["monday", "sunday", "saturday"];
/// Languages the pages exist in, (code, name).
/// Longest signature, in characters.
pub const SIGNATURE_MAX: usize = 2000;

/// What the form sends, unchecked.
pub struct Choice<'a> {
    pub date_format: &'a str,
    pub clock_hours: &'a str,
    pub week_starts: &'a str,
    pub time_zone: &'a str,
    pub signature: &'a str,
    pub display_name: &'a str,
    pub language: &'a str,
}

/// Longest display name, in characters.
pub const NAME_MAX: usize = 100;

/// The preferences, or what is wrong with the first bad field.
pub fn check(c: &Choice<'_>) -> Result<Preferences, Text> {
    if !DATE_FORMATS.iter().any(|(v, _)| *v == c.date_format) {
        return Err(Text::new("note-choose-date-format"));
    }
    let clock_hours = match c.clock_hours {
        "24" => 24,
        "12" => 12,
        _ => return Err(Text::new("note-choose-clock")),
    };
    if !WEEK_STARTS.contains(&c.week_starts) {
        return Err(Text::new("note-choose-week-start"));
    }
    if TimeZone::get(c.time_zone).is_err() {
        return Err(Text::new("note-unknown-zone").with("zone", format!("{:?}", c.time_zone)));
    }
    if !(c.language.is_empty() || crate::i18n::shipped_codes().contains(&c.language)) {
        return Err(Text::new("note-choose-language"));
    }
    let signature = c.signature.replace("\r\n", "\n");
    if signature.chars().count() > SIGNATURE_MAX {
        return Err(Text::new("note-signature-too-long").with("most", SIGNATURE_MAX));
    }
    let display_name = c.display_name.trim();
    if display_name.chars().count() > NAME_MAX || display_name.chars().any(char::is_control) {
        return Err(Text::new("note-display-name-bad").with("most", NAME_MAX));
    }
    Ok(Preferences {
        display_name: display_name.into(),
        date_format: c.date_format.into(),
        clock_hours,
        week_starts: c.week_starts.into(),
        time_zone: c.time_zone.into(),
        signature: signature.trim_end().into(),
        language: c.language.into(),
        saved: true,
    })
}

pub async fn save(ctx: &Context, address: &str, preferences: Preferences) -> Result<bool, StoreError> {
    let op = AuthWrite::SetPreferences {
        address: address.to_string(),
        preferences,
        at: now(),
    };
    Ok(ctx.vault.write(WriteOp::Auth(op)).await? == WriteResult::Done)
}

/// Zones most partners of a small European or American organisation live in,
/// listed first in the form.
pub const COMMON_ZONES: [&str; 20] = [
    "UTC",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Paris",
    "Europe/Brussels",
    "Europe/Amsterdam",
    "Europe/Berlin",
    "Europe/Zurich",
    "Europe/Vienna",
    "Europe/Madrid",
    "Europe/Rome",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Athens",
    "America/New_York",
    "America/Chicago",
    "America/Los_Angeles",
    "Asia/Tokyo",
    "Australia/Sydney",
];

/// Every time zone name, sorted (for the form).
pub fn time_zones() -> Vec<String> {
    let mut names: Vec<String> = jiff::tz::db().available().map(|n| n.to_string()).collect();
    names.sort_unstable();
    names
}

/// How far back a date filter reaches.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Since {
    Today,
    ThisWeek,
    ThisMonth,
}

impl Since {
    pub fn parse(value: &str) -> Option<Self> {
        match value {
            "today" => Some(Self::Today),
            "week" => Some(Self::ThisWeek),
            "month" => Some(Self::ThisMonth),
            _ => None,
        }
    }
}

/// Dates as one user reads them.
pub struct Clock {
    tz: TimeZone,
    date: &'static str,
    time: &'static str,
    week_starts: Weekday,
    /// Short month names in the reader's language for the "text" format
    /// (January first); empty: English.
    months: Vec<String>,
}

/// The English short month names `%b` writes and reads.
const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl Clock {
    /// Unknown values (an older or hand-edited record) fall back to the defaults.
    pub fn of(p: &Preferences) -> Self {
        Self {
            tz: TimeZone::get(&p.time_zone).unwrap_or(TimeZone::UTC),
            date: match p.date_format.as_str() {
                "dmy" => "%d/%m/%Y",
                "mdy" => "%m/%d/%Y",
                "text" => "%-d %b %Y",
                _ => "%Y-%m-%d",
            },
            time: if p.clock_hours == 12 { "%-I:%M %p" } else { "%H:%M" },
            week_starts: match p.week_starts.as_str() {
                "sunday" => Weekday::Sunday,
                "saturday" => Weekday::Saturday,
                _ => Weekday::Monday,
            },
            months: Vec::new(),
        }
    }

    /// The same clock writing (and reading) month names in the reader's
    /// language: twelve short names, January first (anything else is ignored).
    #[must_use]
    pub fn with_months(mut self, months: Vec<String>) -> Self {
        if months.len() == 12 {
            self.months = months;
        }
        self
    }

    /// The date of `zoned` in the user's format and language.
    fn date_of(&self, zoned: &jiff::Zoned) -> String {
        let month = usize::from(zoned.month().unsigned_abs()).saturating_sub(1);
        match self.months.get(month) {
            Some(name) if self.date == "%-d %b %Y" => format!("{} {name} {}", zoned.day(), zoned.year()),
            _ => zoned.strftime(self.date).to_string(),
        }
    }

    /// How the user writes a day, for a date field's label: "DD/MM/YYYY".
    pub fn day_pattern(&self) -> &'static str {
        match self.date {
            "%d/%m/%Y" => "DD/MM/YYYY",
            "%m/%d/%Y" => "MM/DD/YYYY",
            "%-d %b %Y" => "D Mon YYYY",
            _ => "YYYY-MM-DD",
        }
    }

    /// UTC day number `day` written in the user's date format.
    pub fn day_text(&self, day: i64) -> String {
        Timestamp::from_second(day.saturating_mul(86_400))
            .map(|t| self.date_of(&t.to_zoned(TimeZone::UTC)))
            .unwrap_or_default()
    }

    /// A day typed in the user's date format (or as YYYY-MM-DD, which every
    /// format accepts) as the unix time of its first second, UTC.
    pub fn parse_day(&self, text: &str) -> Option<i64> {
        let text = text.trim();
        crate::model::day_start(text).or_else(|| {
            // A month named in the reader's language is read as its English name.
            let mut text = text.to_string();
            if let Some(i) = self.months.iter().position(|m| text.to_lowercase().contains(&m.to_lowercase())) {
                let at = text.to_lowercase().find(&self.months[i].to_lowercase()).unwrap_or(0);
                text.replace_range(at..at + self.months[i].to_lowercase().len(), MONTHS[i]);
            }
            let parsed = jiff::fmt::strtime::parse(self.date.replace("%-d", "%d"), &text).ok()?;
            let date = parsed.to_date().ok()?;
            Some(date.to_zoned(TimeZone::UTC).ok()?.timestamp().as_second())
        })
    }

    /// Date, time and zone abbreviation, e.g. "24/11/2026 2:05 PM GMT".
    pub fn datetime(&self, unix: i64) -> String {
        let Ok(at) = Timestamp::from_second(unix) else {
            return String::new();
        };
        let zoned = at.to_zoned(self.tz.clone());
        format!("{} {} {}", self.date_of(&zoned), zoned.strftime(self.time), zoned.strftime("%Z"))
    }

    /// The first second of today, this week (from the user's first day) or this month, in the user's zone.
    pub fn start_of(&self, since: Since, unix_now: i64) -> i64 {
        let Ok(at) = Timestamp::from_second(unix_now) else {
            return 0;
        };
        let today = at.to_zoned(self.tz.clone()).date();
        let first: Date = match since {
            Since::Today => today,
            Since::ThisWeek => {
                let back = (today.weekday().to_monday_zero_offset() - self.week_starts.to_monday_zero_offset()).rem_euclid(7);
                today.checked_sub(i64::from(back).days()).unwrap_or(today)
            }
            Since::ThisMonth => today.first_of_month(),
        };
        first.to_zoned(self.tz.clone()).map_or(0, |z| z.timestamp().as_second())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clock(date: &str, hours: u8, week: &str, tz: &str) -> Clock {
        Clock::of(&Preferences {
            date_format: date.into(),
            clock_hours: hours,
            week_starts: week.into(),
            time_zone: tz.into(),
            ..Preferences::default()
        })
    }

    /// 2026-11-24 (a Tuesday) 14:05:00 UTC.
    const T: i64 = 1_795_529_100;

    #[test]
    fn formats_follow_the_preferences() {
        assert_eq!(clock("iso", 24, "monday", "UTC").datetime(T), "2026-11-24 14:05 UTC");
        assert_eq!(clock("dmy", 12, "monday", "Europe/Berlin").datetime(T), "24/11/2026 3:05 PM CET");
        let day = T / 86_400;
        for (format, text, pattern) in [
            ("iso", "2026-11-24", "YYYY-MM-DD"),
            ("dmy", "24/11/2026", "DD/MM/YYYY"),
            ("mdy", "11/24/2026", "MM/DD/YYYY"),
            ("text", "24 Nov 2026", "D Mon YYYY"),
        ] {
            let c = clock(format, 24, "monday", "Europe/Berlin");
            assert_eq!((c.day_text(day), c.day_pattern()), (text.to_string(), pattern));
            assert_eq!(c.parse_day(text), Some(day * 86_400), "{format} reads {text}");
            assert_eq!(c.parse_day(" 2026-11-24 "), Some(day * 86_400), "{format} reads ISO too");
            assert_eq!(c.parse_day("31/02/2026"), None);
        }
        assert_eq!(
            clock("text", 24, "monday", "UTC").parse_day("5 nov 2026"),
            clock("iso", 24, "monday", "UTC").parse_day("2026-11-05")
        );
        assert_eq!(
            clock("dmy", 24, "monday", "UTC").parse_day("5/11/2026"),
            clock("iso", 24, "monday", "UTC").parse_day("2026-11-05")
        );
        assert_eq!(clock("mdy", 24, "monday", "America/New_York").datetime(T), "11/24/2026 09:05 EST");
        assert_eq!(clock("text", 24, "monday", "Asia/Tokyo").datetime(T), "24 Nov 2026 23:05 JST");
    }

    #[test]
    fn week_start_and_zone_decide_where_this_week_begins() {
        let monday = clock("iso", 24, "monday", "UTC").start_of(Since::ThisWeek, T);
        assert_eq!(monday, T - 14 * 3600 - 5 * 60 - 86_400, "Monday 23 Nov 00:00 UTC");
        let sunday = clock("iso", 24, "sunday", "UTC").start_of(Since::ThisWeek, T);
        assert_eq!(sunday, monday - 86_400);
        let tokyo_today = clock("iso", 24, "monday", "Asia/Tokyo").start_of(Since::Today, T);
        assert_eq!(tokyo_today, T - 14 * 3600 - 5 * 60 - 9 * 3600, "24 Nov 00:00 JST");
        let month = clock("iso", 24, "monday", "UTC").start_of(Since::ThisMonth, T);
        assert_eq!(month, T - 23 * 86_400 - 14 * 3600 - 5 * 60);
    }

    #[test]
    fn bad_choices_are_refused_by_name() {
        let ok = Choice {
            date_format: "dmy",
            clock_hours: "12",
            week_starts: "sunday",
            time_zone: "Europe/London",
            signature: "Pat\r\nPartner Ltd\r\n",
            display_name: " Pat Partner ",
            language: "en",
        };
        let p = check(&ok).unwrap();
        assert_eq!(p.signature, "Pat\nPartner Ltd");
        assert_eq!(p.display_name, "Pat Partner");
        assert!(
            check(&Choice {
                display_name: "Pat\r\nBcc: x@y.z",
                ..ok
            })
            .is_err()
        );
        let refused = check(&Choice {
            time_zone: "Mars/Olympus",
            ..ok
        })
        .unwrap_err();
        assert_eq!(refused, Text::new("note-unknown-zone").with("zone", "\"Mars/Olympus\""));
        assert!(check(&Choice { clock_hours: "13", ..ok }).is_err());
        assert!(time_zones().iter().any(|z| z == "Europe/London"), "the bundled database is there");
    }
}
